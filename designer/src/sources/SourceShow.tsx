import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateField, EditButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { Fact } from '../common/Fact';
import { Section } from '../common/Section';
import type { MailSecurity, Source, WebhookAuth } from '../types';
import { EnabledChip } from './EnabledChip';
import { PollNowButton } from './PollNowButton';
import { SourceHealthChip } from './SourceHealthChip';
import {
    CONFIG_FALLBACKS,
    CONFIG_FIELDS,
    isMasked,
    kindLabel,
    MAIL_SECURITY_LABELS,
    WEBHOOK_AUTH_LABELS,
} from './sourceForm';
import { NewWebhookTokenButton } from './WebhookToken';

// EditButton hides itself without `sources:write` (canAccess); the others check it too.
const SourceActions = () => (
    <TopToolbar>
        <PollNowButton />
        <NewWebhookTokenButton />
        <EditButton />
    </TopToolbar>
);

const Summary = () => {
    const record = useRecordContext<Source>();
    if (!record) return null;
    return (
        <Stack spacing={1}>
            <Typography variant="h6" data-testid="source-show-name">
                {record.name || record.id}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
                <Fact label="Id">{record.id}</Fact>
                <Fact label="Kind">{kindLabel(record.kind)}</Fact>
                <Fact label="State">
                    <EnabledChip />
                </Fact>
            </Box>
        </Stack>
    );
};

const Health = () => {
    const record = useRecordContext<Source>();
    if (!record) return null;
    return (
        <Stack spacing={2} data-testid="source-health-details">
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
                <Fact label="Health">
                    <SourceHealthChip />
                </Fact>
                {record.polls && (
                    <>
                        <Fact label="Last polled" testId="source-last-polled">
                            <DateField source="last_polled_at" showTime emptyText="Never" />
                        </Fact>
                        <Fact label="Last success">
                            <DateField source="last_success_at" showTime emptyText="Never" />
                        </Fact>
                    </>
                )}
                <Fact label="Failures in a row" testId="source-failures">
                    {record.consecutive_failures}
                </Fact>
                {record.polls && (
                    <Fact label="Cursor">
                        <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                            {record.cursor ?? '—'}
                        </Typography>
                    </Fact>
                )}
            </Box>
            {record.last_error && (
                <Alert severity={record.healthy ? 'info' : 'error'} data-testid="source-last-error">
                    {record.healthy ? `Last error (since recovered): ${record.last_error}` : record.last_error}
                </Alert>
            )}
            {!record.polls && (
                <Typography variant="body2" color="text.secondary">
                    {kindLabel(record.kind)} sources push their mentions: they are not polled.
                </Typography>
            )}
        </Stack>
    );
};

const configValue = (key: string, value: unknown): string => {
    if (key === 'allow_insecure') return value === true ? 'yes: plain IMAP/SMTP allowed' : 'no';
    if (value === null || value === undefined || value === '') return CONFIG_FALLBACKS[key as keyof Source['config']] ?? '—';
    if (isMasked(value)) return 'stored (hidden)';
    if (key === 'auth' && typeof value === 'string') return WEBHOOK_AUTH_LABELS[value as WebhookAuth] ?? value;
    if ((key === 'imap_security' || key === 'smtp_security') && typeof value === 'string') {
        return MAIL_SECURITY_LABELS[value as MailSecurity] ?? value;
    }
    if (key === 'mapping' && typeof value === 'object') {
        const entries = Object.entries(value as Record<string, string>);
        return entries.length ? entries.map(([field, path]) => `${field} ← ${path}`).join(', ') : 'none';
    }
    return String(value);
};

const Config = () => {
    const record = useRecordContext<Source>();
    if (!record) return null;
    const keys = CONFIG_FIELDS[record.kind] ?? Object.keys(record.config ?? {});
    if (!keys.length) {
        return (
            <Typography variant="body2" color="text.secondary">
                Nothing to configure.
            </Typography>
        );
    }
    return (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }} data-testid="source-config">
            {keys.map(key => (
                <Fact key={key} label={key.replace(/_/g, ' ')}>
                    <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
                        {configValue(key, record.config?.[key])}
                    </Typography>
                </Fact>
            ))}
        </Box>
    );
};

/** A source: what it is, how healthy its polling is, and its config (secrets hidden). Health refreshes by itself. */
export const SourceShow = () => (
    <Show<Source> actions={<SourceActions />} component="div" queryOptions={{ refetchInterval: 5_000 }}>
        <Stack spacing={2}>
            <Section>
                <Summary />
            </Section>
            <Section title="Health">
                <Health />
            </Section>
            <Section title="Configuration">
                <Config />
            </Section>
        </Stack>
    </Show>
);

export default SourceShow;
