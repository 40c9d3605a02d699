import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { CreateButton, DataTable, DateField, List, NumberField, SimpleList, TopToolbar, useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import type { Subscription } from '../types';
import { HealthChip, subscriptionHealth } from './HealthChip';

const Column = DataTable.Col<Subscription>;

const ListActions = () => {
    const mayCreate = useCan('subscriptions', 'create');
    return <TopToolbar>{mayCreate && <CreateButton label="New subscription" data-testid="subscription-create" />}</TopToolbar>;
};

/** No subscription yet: what one is for, and the button to make one. */
const Empty = () => {
    const mayCreate = useCan('subscriptions', 'create');
    return (
        <Stack spacing={2} sx={{ p: 4, alignItems: 'center', textAlign: 'center' }} className="RaEmpty-message">
            <Typography variant="h6">No webhook subscriptions yet</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 520 }}>
                Subscribe a CRM, another desk or a chat tool to case, mention, customer and flow events: each is POSTed to
                it signed, in order, and retried until it answers.
            </Typography>
            {mayCreate && <CreateButton variant="contained" label="New subscription" data-testid="subscription-create" />}
        </Stack>
    );
};

const Target = (_props: { label?: string }) => {
    const record = useRecordContext<Subscription>();
    return (
        <Typography variant="body2" sx={{ fontFamily: 'monospace', maxWidth: 360 }} noWrap title={record?.url}>
            {record?.url}
        </Typography>
    );
};

const Types = (_props: { label?: string }) => {
    const record = useRecordContext<Subscription>();
    if (!record) return null;
    const types = record.event_types;
    return (
        <Typography variant="body2" color="text.secondary" noWrap sx={{ maxWidth: 260 }} title={types.join(', ')}>
            {types.length > 2 ? `${types.slice(0, 2).join(', ')} +${types.length - 2}` : types.join(', ')}
            {record.filter ? ' (filtered)' : ''}
        </Typography>
    );
};

/** Webhook subscriptions with their health and backlog (admins); below 600 px a simple list. */
export const SubscriptionList = () => {
    const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
    const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'), { defaultMatches: true });
    return (
        <List<Subscription> sort={{ field: 'name', order: 'ASC' }} perPage={25} actions={<ListActions />} empty={<Empty />}>
            {phone ? (
                <SimpleList<Subscription>
                    primaryText={sub => sub.name}
                    secondaryText={sub => sub.url}
                    tertiaryText={sub => subscriptionHealth(sub).label}
                    linkType="show"
                />
            ) : (
                <DataTable<Subscription> rowClick="show" bulkActionButtons={false}>
                    <Column source="name" />
                    <Column source="url" label="Target" disableSort>
                        <Target />
                    </Column>
                    {wide && (
                        <Column source="event_types" label="Events" disableSort>
                            <Types />
                        </Column>
                    )}
                    <Column source="healthy" label="Health" disableSort>
                        <HealthChip />
                    </Column>
                    <Column source="backlog" label="Backlog" disableSort>
                        <NumberField source="backlog" />
                    </Column>
                    {wide && (
                        <Column source="last_delivery_at" label="Last delivery">
                            <DateField source="last_delivery_at" showTime emptyText="Never" />
                        </Column>
                    )}
                </DataTable>
            )}
        </List>
    );
};

export default SubscriptionList;
