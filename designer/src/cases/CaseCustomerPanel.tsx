import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link, RecordContextProvider, useCreatePath, useGetOne, useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import { Section } from '../common/Section';
import { CustomerNotes } from '../customers/CustomerNotes';
import { SentimentTrend } from '../customers/SentimentTrend';
import type { Case, Conversation, CustomerProfile } from '../types';
import { formatSentiment, humanize, sentimentTone, statusColor } from './format';

/** What `GET /api/customers/{id}` adds for this panel (kept here while the API types are being generated). */
export type PanelCase = CustomerProfile['past_cases'][number];
export type PanelConversation = CustomerProfile['past_conversations'][number];
export type PanelMention = CustomerProfile['recent_mentions'][number];
/** The profile `GET /api/customers/{id}` answers: with followers, flags, past cases and recent mentions. */
export type CustomerPanelProfile = CustomerProfile;

const TONE_COLORS = { negative: 'error', neutral: 'default', positive: 'success' } as const;

/** 412000 -> "412k", 1500000 -> "1.5M" */
export const compactCount = (value: number): string =>
    new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(value);

const day = (at: string) => new Date(at).toLocaleDateString();

const Heading = ({ children }: { children: string }) => (
    <Typography variant="overline" color="text.secondary" component="h3" sx={{ display: 'block', lineHeight: 2 }}>
        {children}
    </Typography>
);

/** The profile itself, once known: name, flags, identities, past cases and conversations, sentiment, notes. */
export const CustomerPanelBody = ({
    profile,
    currentCase,
    onNoted = () => undefined,
}: {
    profile: CustomerPanelProfile;
    currentCase: string;
    onNoted?: () => void;
}) => {
    const createPath = useCreatePath();
    const canNote = useCan('customers', 'note');
    const pastCases = (profile.past_cases ?? []).filter(c => c.id !== currentCase);
    const conversations = profile.past_conversations ?? [];
    const mentions = profile.recent_mentions ?? [];
    return (
        <Stack spacing={1.5} data-testid="customer-panel">
            <Box>
                <Link to={createPath({ resource: 'customers', id: profile.id, type: 'show' })} data-testid="customer-panel-name">
                    <Typography variant="subtitle1" component="span" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                        {profile.name}
                    </Typography>
                </Link>
                <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }}>
                    {profile.vip && <Chip size="small" color="secondary" label="VIP" data-testid="customer-vip" />}
                    {profile.verified && <Chip size="small" color="info" label="Verified" data-testid="customer-verified" />}
                    <Chip
                        size="small"
                        variant="outlined"
                        label={profile.followers != null ? `${compactCount(profile.followers)} followers` : 'Followers unknown'}
                        title={profile.followers != null ? `${profile.followers.toLocaleString()} followers` : undefined}
                        data-testid="customer-followers"
                    />
                    <Chip size="small" variant="outlined" label={`${profile.cases} case${profile.cases === 1 ? '' : 's'}`} />
                </Stack>
            </Box>
            <Box>
                <Heading>Identities</Heading>
                <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                    {profile.identities.map(identity => (
                        <Chip
                            key={`${identity.source}:${identity.handle}`}
                            size="small"
                            variant="outlined"
                            label={`${identity.source} · ${identity.handle}`}
                            data-testid="customer-panel-identity"
                        />
                    ))}
                </Stack>
            </Box>
            <Box>
                <Heading>Past cases</Heading>
                {pastCases.length === 0 ? (
                    <Typography variant="body2" color="text.secondary">
                        None before this one
                    </Typography>
                ) : (
                    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="customer-past-cases">
                        {pastCases.map(c => (
                            <Box component="li" key={c.id} sx={{ display: 'flex', gap: 1, alignItems: 'center', py: 0.25, minWidth: 0 }}>
                                <Chip size="small" color={statusColor(c.status)} label={humanize(c.status)} />
                                <Link
                                    to={createPath({ resource: 'cases', id: c.id, type: 'show' })}
                                    title={c.subject}
                                    style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flex: 1 }}
                                >
                                    {c.subject || c.id}
                                </Link>
                                <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                                    {day(c.opened_at)}
                                </Typography>
                            </Box>
                        ))}
                    </Box>
                )}
            </Box>
            <Box>
                <Heading>Conversations</Heading>
                <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="customer-conversations">
                    {conversations.map(c => (
                        <Box component="li" key={c.id} sx={{ display: 'flex', gap: 1, alignItems: 'center', py: 0.25, flexWrap: 'wrap' }}>
                            <Link to={createPath({ resource: 'conversations', id: c.id, type: 'show' })}>
                                {c.source} · {day(c.last_at)}
                            </Link>
                            <Typography variant="caption" color="text.secondary">
                                {c.inbound_count} in / {c.outbound_count} out
                            </Typography>
                            {c.status && <Chip size="small" variant="outlined" color={statusColor(c.status)} label={humanize(c.status)} />}
                        </Box>
                    ))}
                </Box>
            </Box>
            <Box>
                <Heading>Sentiment</Heading>
                <SentimentTrend points={profile.sentiment_trend} />
                <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }} data-testid="customer-mention-sentiments">
                    {mentions.map(m => (
                        <Box component="li" key={m.id} sx={{ display: 'flex', gap: 1, alignItems: 'baseline', py: 0.25, minWidth: 0 }}>
                            <Chip
                                size="small"
                                variant="outlined"
                                color={TONE_COLORS[sentimentTone(m.sentiment)]}
                                label={formatSentiment(m.sentiment)}
                                sx={{ flexShrink: 0 }}
                            />
                            <Typography
                                variant="body2"
                                title={m.text}
                                sx={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                            >
                                {m.text}
                            </Typography>
                        </Box>
                    ))}
                </Box>
            </Box>
            <Box>
                <Heading>Customer notes</Heading>
                <RecordContextProvider value={profile}>
                    <CustomerNotes onAdded={onNoted} readOnly={!canNote || Boolean(profile.merged_into)} />
                </RecordContextProvider>
            </Box>
        </Stack>
    );
};

/**
 * The customer beside the conversation: found through the case's conversation, then their profile
 * (`GET /api/customers/{id}`). Nothing for users who may not read customers.
 */
export const CaseCustomerPanel = () => {
    const record = useRecordContext<Case>();
    const canRead = useCan('customers', 'list');
    const { data: conversation } = useGetOne<Conversation>(
        'conversations',
        { id: record?.conversation_id ?? '' },
        { enabled: Boolean(record?.conversation_id) && canRead },
    );
    const customerId = conversation?.customer_id ?? '';
    const { data: found, error, refetch } = useGetOne<CustomerPanelProfile>(
        'customers',
        { id: customerId },
        { enabled: customerId !== '' && canRead },
    );
    // react-admin fills its getOne cache from lists too: a customer seen in a list (no identities, no past cases)
    // shows first, until the profile arrives.
    const profile = found && Array.isArray(found.identities) && Array.isArray(found.past_cases) ? found : undefined;
    if (!record || !canRead) return null;
    return (
        <Section title="Customer" testId="case-customer">
            {error ? (
                <Alert severity="warning">The customer could not be loaded.</Alert>
            ) : profile ? (
                <CustomerPanelBody profile={profile} currentCase={record.id} onNoted={() => void refetch()} />
            ) : (
                <Typography variant="body2" color="text.secondary">
                    {conversation && !customerId ? 'No customer is linked to this conversation.' : 'Loading the customer…'}
                </Typography>
            )}
        </Section>
    );
};

export default CaseCustomerPanel;
