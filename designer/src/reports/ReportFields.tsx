import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BooleanInput, DateTimeInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { DIRECTIONS, KINDS, NAME_MAX, PERIODS, PRIORITIES, groupChoices, metricChoices } from './reportForm';
import type { ReportKind } from './reportForm';

const WIDE = { width: '100%', maxWidth: 480 };
const HALF = { width: '100%', maxWidth: 232 };

/** What a report measures, how it groups and filters it, over which period: create and edit alike. The metric,
 * grouping and filter choices follow the kind; dates show for a custom period. */
export const ReportFields = () => {
    const kind = (useWatch({ name: 'kind' }) as ReportKind | undefined) ?? 'cases';
    const period = useWatch({ name: 'period' }) as string | undefined;
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
            <SelectInput source="group_by" label="Group by" choices={groupChoices(kind)} sx={WIDE} data-testid="report-group" />
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
        </>
    );
};
