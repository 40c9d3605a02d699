import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useState } from 'react';
import type { ReactNode } from 'react';
import {
    DataTable,
    DateField,
    Pagination,
    RecordContextProvider,
    ReferenceManyField,
    Show,
    SimpleList,
    useGetOne,
    useRecordContext,
} from 'react-admin';
import { Fact } from '../common/Fact';
import { Section } from '../common/Section';
import { conversationColumns } from '../conversations/conversationColumns';
import type { Conversation, CustomerProfile } from '../types';
import { CustomerLink } from './CustomerLink';
import { CustomerNotes } from './CustomerNotes';
import { MergeCustomerButton } from './MergeCustomerButton';
import { SentimentTrend } from './SentimentTrend';
import { topTags } from './trend';

/** A merged customer's page points to the customer kept, whose page holds everything now. */
const MergedBanner = () => {
    const record = useRecordContext<CustomerProfile>();
    const keptId = record?.merged_into ?? '';
    const { data: kept } = useGetOne<CustomerProfile>('customers', { id: keptId }, { enabled: keptId !== '' });
    if (!keptId) return null;
    return (
        <Alert severity="info" data-testid="customer-merged">
            Merged into{' '}
            <CustomerLink customerId={keptId} testId="customer-merged-link">
                {kept?.name ?? keptId}
            </CustomerLink>
            : its identities, conversations, mentions and notes are there now.
        </Alert>
    );
};

const Identities = () => {
    const record = useRecordContext<CustomerProfile>();
    const identities = record?.identities ?? [];
    if (!identities.length) {
        return (
            <Typography variant="body2" color="text.secondary">
                None
            </Typography>
        );
    }
    return (
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="customer-identities">
            {identities.map(identity => (
                <Chip
                    key={`${identity.source}:${identity.handle}`}
                    size="small"
                    variant="outlined"
                    label={`${identity.source} · ${identity.handle}`}
                    title={`First seen ${new Date(identity.first_seen_at).toLocaleString()}`}
                    data-testid="customer-identity"
                    data-source={identity.source}
                    data-handle={identity.handle}
                />
            ))}
        </Stack>
    );
};

const Summary = ({ actions }: { actions: ReactNode }) => {
    const record = useRecordContext<CustomerProfile>();
    if (!record) return null;
    return (
        <Stack spacing={1.5}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
                <Typography variant="h6" data-testid="customer-show-name">
                    {record.name}
                </Typography>
                {actions}
            </Stack>
            <MergedBanner />
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
                <Fact label="First seen">
                    <DateField source="first_seen_at" showTime />
                </Fact>
                <Fact label="Last seen">
                    <DateField source="last_seen_at" showTime />
                </Fact>
                <Fact label="Conversations" testId="customer-count-conversations">
                    {record.conversations}
                </Fact>
                <Fact label="Mentions" testId="customer-count-mentions">
                    {record.mentions}
                </Fact>
                <Fact label="Cases" testId="customer-count-cases">
                    {record.cases}
                </Fact>
            </Box>
            <Fact label="Identities">
                <Identities />
            </Fact>
        </Stack>
    );
};

const TopTags = () => {
    const record = useRecordContext<CustomerProfile>();
    const tags = topTags(record?.tags);
    if (!tags.length) {
        return (
            <Typography variant="body2" color="text.secondary">
                No tags yet.
            </Typography>
        );
    }
    return (
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="customer-tags">
            {tags.map(([tag, count]) => (
                <Chip
                    key={tag}
                    size="small"
                    label={`${tag} × ${count}`}
                    data-testid="customer-tag"
                    data-tag={tag}
                    data-count={count}
                />
            ))}
        </Stack>
    );
};

const Trend = () => {
    const record = useRecordContext<CustomerProfile>();
    return <SentimentTrend points={record?.sentiment_trend} />;
};

/**
 * The customer's conversations, latest first, in the conversation list's columns (fewer of them below 1200 px, a
 * simple list below 900 px, as on the conversation list); a row opens the conversation.
 */
const CustomerConversations = () => {
    const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
    const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'), { defaultMatches: true });
    return (
        <ReferenceManyField<CustomerProfile, Conversation>
            reference="conversations"
            target="customer_id"
            sort={{ field: 'last_at', order: 'DESC' }}
            perPage={10}
            pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
            empty={
                <Typography variant="body2" color="text.secondary">
                    No conversations yet.
                </Typography>
            }
        >
            {narrow ? (
                <SimpleList<Conversation>
                    primaryText={record => record.customer || '—'}
                    secondaryText={record => `${record.source} · ${record.inbound_count} in, ${record.outbound_count} out`}
                    tertiaryText={record => (record.last_at ? new Date(record.last_at).toLocaleString() : '')}
                    linkType="show"
                />
            ) : (
                <DataTable<Conversation> rowClick="show" bulkActionButtons={false}>
                    {conversationColumns({ customerLabel: 'Author', customerTestId: 'customer-conversation-author', compact: !wide })}
                </DataTable>
            )}
        </ReferenceManyField>
    );
};

/**
 * The profile, or the one the last note or merge answered with until the page has fetched it again: what the
 * agent did shows at once.
 */
const Profile = () => {
    const record = useRecordContext<CustomerProfile>();
    const [answered, setAnswered] = useState<{ base: CustomerProfile; profile: CustomerProfile } | null>(null);
    if (!record) return null;
    const shown = answered && answered.base === record && answered.profile.id === record.id ? answered.profile : record;
    const update = (profile: CustomerProfile) => setAnswered({ base: record, profile });
    const merged = Boolean(shown.merged_into);

    return (
        <RecordContextProvider value={shown}>
            <Stack spacing={2}>
                <Section>
                    <Summary
                        actions={<MergeCustomerButton onMerged={update} />}
                    />
                </Section>
                <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' } }}>
                    <Section title="Sentiment per day">
                        <Trend />
                    </Section>
                    <Section title="Top tags">
                        <TopTags />
                    </Section>
                </Box>
                <Section title="Notes">
                    <CustomerNotes onAdded={update} readOnly={merged} />
                </Section>
                <Section title="Conversations" testId="customer-conversations">
                    <CustomerConversations />
                </Section>
            </Stack>
        </RecordContextProvider>
    );
};

/** A customer across channels: identities, counts, tags, sentiment trend, notes, conversations; merge another in. */
export const CustomerShow = () => (
    <Show<CustomerProfile> component="div" actions={false}>
        <Profile />
    </Show>
);

export default CustomerShow;
