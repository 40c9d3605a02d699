import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateField, Link, RecordContextProvider, useCreatePath } from 'react-admin';
import { formatSentiment, sentimentTone } from '../cases/format';
import { CustomerLink } from '../customers/CustomerLink';
import { DirectionChip } from '../mentions/DirectionChip';
import { MentionThread } from '../mentions/MentionThread';
import type { Mention } from '../types';

const TONE_COLORS = { negative: 'error', neutral: 'default', positive: 'success' } as const;

/** What discovery found in an inbound mention: tags, sentiment, language, whether it needs a response. */
const Findings = ({ mention }: { mention: Mention }) => {
    const tags = mention.tags ?? [];
    const found = tags.length || mention.sentiment != null || mention.language || mention.needs_response != null;
    if (!found) return null;
    return (
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            {tags.map(tag => (
                <Chip key={tag} size="small" label={tag} data-testid="mention-tag" />
            ))}
            {mention.sentiment != null && (
                <Chip
                    size="small"
                    variant="outlined"
                    color={TONE_COLORS[sentimentTone(mention.sentiment)]}
                    label={formatSentiment(mention.sentiment)}
                    data-testid="mention-sentiment"
                />
            )}
            {mention.language && (
                <Chip size="small" variant="outlined" label={mention.language} data-testid="mention-language" />
            )}
            {mention.needs_response && (
                <Chip size="small" color="warning" label="Needs a response" data-testid="mention-needs-response" />
            )}
        </Stack>
    );
};

const CaseLink = ({ caseId }: { caseId: string }) => {
    const createPath = useCreatePath();
    return (
        <Link to={createPath({ resource: 'cases', id: caseId, type: 'show' })} data-testid="mention-case-link">
            Open its case
        </Link>
    );
};

const MentionItem = ({ mention }: { mention: Mention }) => (
    <RecordContextProvider value={mention}>
        <Box
            data-testid="conversation-mention"
            data-direction={mention.direction}
            sx={{
                borderLeft: 3,
                borderColor: mention.direction === 'outbound' ? 'primary.main' : 'divider',
                pl: 2,
                py: 1,
            }}
        >
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
                <DirectionChip />
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                    {mention.customer_id ? (
                        <CustomerLink customerId={mention.customer_id} testId="mention-customer-link">
                            {mention.author}
                        </CustomerLink>
                    ) : (
                        mention.author
                    )}
                </Typography>
                <DateField source="created_at" showTime variant="caption" color="text.secondary" />
                {mention.case_id && <CaseLink caseId={mention.case_id} />}
            </Stack>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', my: 0.5 }} data-testid="conversation-mention-text">
                {mention.text}
            </Typography>
            <Findings mention={mention} />
        </Box>
    </RecordContextProvider>
);

/** Oldest first (the API sorts so too); mentions of the same instant keep their order. */
export const mentionsInOrder = (mentions: readonly Mention[]): Mention[] =>
    [...mentions].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || 0);

/** The mentions of a conversation, oldest first, in and out. */
export const ConversationMentions = () => (
    <MentionThread
        target="conversation_id"
        item={MentionItem}
        order={mentionsInOrder}
        spacing={1.5}
        testId="conversation-mentions"
    />
);

export default ConversationMentions;
