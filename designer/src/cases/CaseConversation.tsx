import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DateField, RecordContextProvider } from 'react-admin';
import { MentionThread } from '../mentions/MentionThread';
import type { Mention } from '../types';
import { ActorName } from './ActorName';

const MentionBubble = ({ mention }: { mention: Mention }) => {
    const outbound = mention.direction === 'outbound';
    return (
        <RecordContextProvider value={mention}>
            <Box
                data-testid="mention"
                data-direction={mention.direction}
                sx={{
                    alignSelf: outbound ? 'flex-end' : 'flex-start',
                    maxWidth: '80%',
                    px: 2,
                    py: 1,
                    borderRadius: 2,
                    bgcolor: outbound ? 'primary.main' : 'action.hover',
                    color: outbound ? 'primary.contrastText' : 'text.primary',
                }}
            >
                <Typography variant="caption" component="div" sx={{ opacity: 0.8 }}>
                    {outbound ? <ActorName actor={mention.author} /> : mention.author} · <DateField source="created_at" showTime sx={{ fontSize: 'inherit', color: 'inherit' }} />
                </Typography>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                    {mention.text}
                </Typography>
            </Box>
        </RecordContextProvider>
    );
};

/** The mentions of a case, oldest first: inbound on the left, our replies on the right by their agent's name. */
export const CaseConversation = () => (
    <MentionThread target="case_id" item={MentionBubble} spacing={1} testId="case-conversation" />
);

export default CaseConversation;
