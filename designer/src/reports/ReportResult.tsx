import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useSwitchboardDataProvider } from '../dataProvider';
import type { AnalyticsReport, AnalyticsRow, SavedReport } from '../types';
import { METRICS, formatValue, groupLabel, groupName } from './reportForm';

interface Column {
    key: string;
    label: string;
    cell: (row: AnalyticsRow) => string;
}

/** The result's columns for the metric: the headline and what it was computed from. */
export const resultColumns = (result: Pick<AnalyticsReport, 'metric' | 'group_by'>): Column[] => {
    const { metric } = result;
    const unit = METRICS[metric]?.unit ?? 'count';
    const columns: Column[] = [{ key: 'group', label: groupName(result.group_by), cell: row => groupLabel(result.group_by, row) }];
    if (metric === 'share_of_voice') {
        columns.push(
            { key: 'name', label: 'Brand or competitor', cell: row => row.name ?? '-' },
            { key: 'count', label: 'Mentions', cell: row => formatValue('volume', row.count) },
            { key: 'value', label: 'Share', cell: row => formatValue(metric, row.value) },
        );
        return columns;
    }
    if (metric === 'sla') columns.push({ key: 'target', label: 'Target', cell: row => (row.target ?? '').replace(/_/g, ' ') });
    if (unit === 'score') {
        columns.push(
            { key: 'count', label: 'Mentions', cell: row => formatValue('volume', row.count) },
            { key: 'value', label: 'Mean', cell: row => (row.value === null ? '-' : row.value.toFixed(2)) },
        );
        return columns;
    }
    if (unit === 'count') {
        columns.push({ key: 'count', label: metric === 'volume' ? 'Mentions' : 'Cases', cell: row => formatValue(metric, row.count) });
        return columns;
    }
    if (unit === 'seconds') {
        columns.push(
            { key: 'count', label: 'Cases', cell: row => formatValue('opened', row.count) },
            { key: 'mean', label: 'Mean', cell: row => formatValue(metric, row.mean) },
            { key: 'median', label: 'Median', cell: row => formatValue(metric, row.median) },
            { key: 'p90', label: 'p90', cell: row => formatValue(metric, row.p90) },
        );
        return columns;
    }
    if (metric === 'sla') {
        columns.push(
            { key: 'value', label: 'Attainment', cell: row => formatValue(metric, row.value) },
            { key: 'met', label: 'Met', cell: row => formatValue('opened', row.met) },
            { key: 'breached', label: 'Breached', cell: row => formatValue('opened', row.breached) },
        );
        return columns;
    }
    columns.push(
        { key: 'value', label: 'Rate', cell: row => formatValue(metric, row.value) },
        { key: 'matching', label: metric === 'transfer_rate' ? 'Transferred' : 'Reopened', cell: row => formatValue('opened', row.matching) },
        { key: 'count', label: 'Closed cases', cell: row => formatValue('opened', row.count) },
    );
    return columns;
};

const LEFT = ['group', 'target', 'name'];

const when = (instant: string, tz: string) => {
    try {
        return new Date(instant).toLocaleString('en-GB', { timeZone: tz, dateStyle: 'medium', timeStyle: 'short' });
    } catch {
        return instant;
    }
};

/** The report run now: its period as resolved, and one table row per group. */
export const ReportResult = ({ report }: { report: SavedReport }) => {
    const dataProvider = useSwitchboardDataProvider();
    const { data, error, isPending } = useQuery({
        queryKey: ['reports', report.id, 'result', report.updated_at],
        queryFn: async () => (await dataProvider.runReport(report.id)).data,
    });
    if (isPending) {
        return (
            <Box sx={{ p: 2 }}>
                <CircularProgress size={24} aria-label="Running the report" />
            </Box>
        );
    }
    if (error) return <Alert severity="error">{error.message}</Alert>;
    const columns = resultColumns(data);
    return (
        <Box data-testid="report-result">
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="report-period">
                {when(data.since, data.tz)} to {when(data.until, data.tz)} ({data.tz}), counted by {data.period_column.replace('_', ' ')}
            </Typography>
            <Box sx={{ overflowX: 'auto' }}>
                <Table size="small" aria-label="Report result">
                    <TableHead>
                        <TableRow>
                            {columns.map(column => (
                                <TableCell key={column.key} align={LEFT.includes(column.key) ? 'left' : 'right'}>
                                    {column.label}
                                </TableCell>
                            ))}
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {data.rows.map((row, index) => (
                            <TableRow key={`${row.group}-${row.target}-${row.name}-${index}`} data-testid="report-row">
                                {columns.map(column => (
                                    <TableCell key={column.key} align={LEFT.includes(column.key) ? 'left' : 'right'}>
                                        {column.cell(row)}
                                    </TableCell>
                                ))}
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
            </Box>
            {data.rows.length === 0 && (
                <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
                    Nothing in this period.
                </Typography>
            )}
        </Box>
    );
};
