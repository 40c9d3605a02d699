import Typography from '@mui/material/Typography';
import { BooleanInput, CheckboxGroupInput, PasswordInput, TextInput } from 'react-admin';
import { EVENT_GROUPS } from './subscriptionForm';

/** The fields both subscription forms share; `creating`: the secret is required, else only a new one is sent. */
export const SubscriptionFields = ({ creating }: { creating: boolean }) => (
    <>
        <TextInput source="name" fullWidth slotProps={{ htmlInput: { 'data-testid': 'subscription-name' } }} />
        <TextInput
            source="url"
            label="Target URL"
            fullWidth
            helperText="Events are POSTed here, signed. Private and loopback addresses need the operator's allow-list."
            slotProps={{ htmlInput: { 'data-testid': 'subscription-url' } }}
        />
        {EVENT_GROUPS.map(group => (
            <CheckboxGroupInput
                key={group.label}
                source="event_types"
                label={group.label}
                choices={group.types.map(type => ({ id: type, name: type }))}
                helperText={false}
                sx={{ mb: 0 }}
            />
        ))}
        <TextInput
            source="filter_text"
            label="Filter (JSON Logic over the event, optional)"
            multiline
            minRows={3}
            fullWidth
            helperText='e.g. {"==": [{"var": "data.case.priority"}, "high"]}; empty: every event of the types'
            slotProps={{ htmlInput: { 'data-testid': 'subscription-filter' } }}
        />
        <PasswordInput
            source="secret"
            label={creating ? 'Signing secret' : 'New signing secret (optional)'}
            fullWidth
            helperText="HMAC-SHA256 key, at least 16 characters; never shown again"
            slotProps={{ htmlInput: { 'data-testid': 'subscription-secret' } }}
        />
        <BooleanInput source="active" label="Deliver (off: paused, the backlog kept)" />
        <Typography variant="caption" color="text.secondary">
            Each request carries Idempotency-Key, X-Switchboard-Timestamp and X-Switchboard-Signature (v1=HMAC of
            timestamp + "." + body).
        </Typography>
    </>
);

export default SubscriptionFields;
