import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
    BooleanField,
    DataTable,
    DateField,
    EditButton,
    NumberField,
    Pagination,
    ReferenceManyField,
    Show,
    TextField,
    TopToolbar,
    useRecordContext,
} from 'react-admin';
import { Fact } from '../common/Fact';
import { Section } from '../common/Section';
import type { Subscription, SubscriptionDelivery } from '../types';
import { HealthChip } from './HealthChip';
import { PauseResumeButton, SendTestButton } from './SubscriptionButtons';

const Actions = () => (
    <TopToolbar>
        <SendTestButton />
        <PauseResumeButton />
        <EditButton />
    </TopToolbar>
);

const Health = () => {
    const record = useRecordContext<Subscription>();
    if (!record) return null;
    return (
        <Stack spacing={2}>
            <Typography variant="h6" data-testid="subscription-show-name">
                {record.name}
            </Typography>
            <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                {record.url}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
                <Fact label="Health">
                    <HealthChip />
                </Fact>
                <Fact label="Backlog" testId="subscription-backlog">
                    {record.backlog}
                </Fact>
                <Fact label="Failures in a row">{record.consecutive_failures}</Fact>
                <Fact label="Last delivery">
                    <DateField source="last_delivery_at" showTime emptyText="Never" />
                </Fact>
                <Fact label="Next try">
                    <DateField source="next_attempt_at" showTime emptyText="—" />
                </Fact>
                <Fact label="Cursor">{record.cursor}</Fact>
            </Box>
            {record.paused_reason && (
                <Alert severity={record.healthy ? 'info' : 'error'} data-testid="subscription-paused-reason">
                    {record.paused_reason}
                </Alert>
            )}
            {record.active && record.last_error && <Alert severity="warning">Last error: {record.last_error}</Alert>}
            <Fact label="Event types">{record.event_types.join(', ')}</Fact>
            {record.filter && (
                <Fact label="Filter">
                    <Typography component="pre" variant="body2" sx={{ fontFamily: 'monospace', m: 0, whiteSpace: 'pre-wrap' }}>
                        {JSON.stringify(record.filter)}
                    </Typography>
                </Fact>
            )}
        </Stack>
    );
};

const Column = DataTable.Col<SubscriptionDelivery>;

const PageTitle = () => {
    const record = useRecordContext<Subscription>();
    return <span>Webhook subscription{record ? `: ${record.name}` : ''}</span>;
};

/** A webhook subscription: its health, the test and pause buttons, and its delivery log (newest first). */
export const SubscriptionShow = () => (
    <Show<Subscription> actions={<Actions />} title={<PageTitle />}>
        <Stack spacing={2} sx={{ p: 2 }}>
            <Section>
                <Health />
            </Section>
            <Section title="Deliveries" testId="subscription-deliveries">
                <ReferenceManyField<Subscription, SubscriptionDelivery>
                    reference="subscription_deliveries"
                    target="subscription_id"
                    sort={{ field: 'id', order: 'DESC' }}
                    perPage={25}
                    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
                >
                    <DataTable<SubscriptionDelivery> bulkActionButtons={false} rowClick={false}>
                        <Column source="at" label="When">
                            <DateField source="at" showTime />
                        </Column>
                        <Column source="type" label="Event" disableSort />
                        <Column source="ok" label="OK" disableSort>
                            <BooleanField source="ok" />
                        </Column>
                        <Column source="status_code" label="Status">
                            <NumberField source="status_code" emptyText="—" />
                        </Column>
                        <Column source="latency_ms" label="Latency (ms)">
                            <NumberField source="latency_ms" options={{ maximumFractionDigits: 0 }} />
                        </Column>
                        <Column source="attempt" label="Try" disableSort />
                        <Column source="error" label="Error" disableSort>
                            <TextField source="error" emptyText="" />
                        </Column>
                    </DataTable>
                </ReferenceManyField>
            </Section>
        </Stack>
    </Show>
);

export default SubscriptionShow;
