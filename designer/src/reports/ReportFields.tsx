import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BooleanInput, DateTimeInput, PasswordInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import {
    CADENCES,
    DIRECTIONS,
    HOURS,
    IN_BUSINESS_HOURS,
    KINDS,
    MAX_RECIPIENTS,
    NAME_MAX,
    PERIODS,
    PRIORITIES,
    WEEKDAYS,
    groupChoices,
    metricChoices,
    recipientText,
} from './reportForm';
import type { ReportKind } from './reportForm';

const WIDE = { width: '100%', maxWidth: 480 };
const HALF = { width: '100%', maxWidth: 232 };

/** What a report measures, how it groups and filters it, over which period: create and edit alike. The metric,
 * grouping and filter choices follow the kind; dates show for a custom period. */
export const ReportFields = () => {
    const kind = (useWatch({ name: 'kind' }) as ReportKind | undefined) ?? 'cases';
    const period = useWatch({ name: 'period' }) as string | undefined;
    const metric = useWatch({ name: 'metric' }) as string | undefined;
    const cadence = useWatch({ name: 'schedule_cadence' }) as string | null | undefined;
    const hasSecret = useWatch({ name: 'has_webhook_secret' }) as boolean | undefined;
    return (
        <>
            <TextInput
                source="name"
                required
                sx={WIDE}
                helperText="What colleagues find it by"
                slotProps={{ htmlInput: { 'data-testid': 'report-name', maxLength: NAME_MAX } }}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: { sm: 2 }, ...WIDE }}>
                <SelectInput source="kind" choices={KINDS} required sx={HALF} data-testid="report-kind" />
                <SelectInput source="metric" choices={metricChoices(kind)} required sx={HALF} data-testid="report-metric" />
            </Stack>
            <SelectInput source="group_by" label="Group by" choices={groupChoices(kind, metric)} sx={WIDE} data-testid="report-group" />
            {kind === 'cases' && metric && IN_BUSINESS_HOURS.includes(metric) && (
                <SelectInput source="hours" label="Measured in" choices={HOURS} defaultValue="calendar" sx={WIDE} data-testid="report-hours" />
            )}
            <Typography variant="subtitle2" sx={{ mt: 1 }}>
                Period
            </Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: { sm: 2 }, ...WIDE }}>
                <SelectInput source="period" choices={PERIODS} required sx={HALF} data-testid="report-period" />
                <TextInput source="tz" label="Time zone" sx={HALF} helperText="IANA, e.g. Europe/Paris" />
            </Stack>
            {period === 'custom' && (
                <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: { sm: 2 }, ...WIDE }}>
                    <DateTimeInput source="since" label="From" sx={HALF} />
                    <DateTimeInput source="until" label="Until (excluded)" sx={HALF} />
                </Stack>
            )}
            <Typography variant="subtitle2" sx={{ mt: 1 }}>
                Filters
            </Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: { sm: 2 }, ...WIDE }}>
                <ReferenceInput source="filters.channel" reference="sources" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
                    <SelectInput optionText="name" label="Channel" emptyText="Any channel" sx={HALF} />
                </ReferenceInput>
                {kind === 'cases' ? (
                    <ReferenceInput source="filters.team_id" reference="teams" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
                        <SelectInput optionText="name" label="Team" emptyText="Any team" sx={HALF} />
                    </ReferenceInput>
                ) : (
                    <SelectInput source="filters.direction" label="Direction" choices={DIRECTIONS} emptyText="Both" sx={HALF} />
                )}
            </Stack>
            {kind === 'cases' && (
                <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: { sm: 2 }, ...WIDE }}>
                    <SelectInput source="filters.priority" label="Priority" choices={PRIORITIES} emptyText="Any priority" sx={HALF} />
                    <TextInput source="filters.tag" label="Tag" sx={HALF} />
                </Stack>
            )}
            <BooleanInput
                source="shared"
                label="Shared with everyone who reads analytics"
                helperText="Off: only you see and run it"
            />
            <Typography variant="subtitle2" sx={{ mt: 1 }}>
                Delivery
            </Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: { sm: 2 }, ...WIDE }}>
                <SelectInput
                    source="schedule_cadence"
                    label="Schedule"
                    choices={CADENCES}
                    emptyText="Not scheduled"
                    sx={HALF}
                    helperText="POSTed to a webhook (signed), emailed, or both"
                    data-testid="report-cadence"
                />
                {cadence && <TextInput source="schedule_time" label="At (HH:MM, local)" sx={HALF} />}
            </Stack>
            {cadence && (
                <>
                    {cadence === 'weekly' && <SelectInput source="schedule_weekday" label="On" choices={WEEKDAYS} sx={WIDE} />}
                    <TextInput
                        source="webhook_url"
                        label="Webhook URL (optional if emailed)"
                        sx={WIDE}
                        helperText="https://... (private addresses only if the operator allows them)"
                    />
                    <PasswordInput
                        source="webhook_secret"
                        label={hasSecret ? 'New signing secret (optional)' : 'Signing secret'}
                        sx={WIDE}
                        helperText={hasSecret ? 'A secret is set; it is never shown. Type one to replace it' : 'At least 16 characters; checks X-Signature-256'}
                    />
                    <TextInput
                        source="email_to"
                        label="Email recipients"
                        multiline
                        minRows={2}
                        sx={WIDE}
                        format={recipientText}
                        parse={(text: string) => text}
                        helperText={`Up to ${MAX_RECIPIENTS} addresses, separated by commas or lines: a summary and the CSV, sent through the operator's mail server`}
                        slotProps={{ htmlInput: { 'data-testid': 'report-email-to' } }}
                    />
                </>
            )}
        </>
    );
};
