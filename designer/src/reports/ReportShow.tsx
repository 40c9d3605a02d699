import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EditButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { useCan, useMe } from '../auth/useCan';
import type { SavedReport } from '../types';
import { ReportResult } from './ReportResult';
import { WEEKDAYS, describeReport, periodName } from './reportForm';

/** Where a format of the report's result downloads from: the browser streams it to a file (the session's cookie
 * goes with it), however many rows. */
export const exportUrl = (reportId: string, format: 'csv' | 'json' | 'jsonl') =>
    `/api/reports/${encodeURIComponent(reportId)}/export?format=${format}`;

const webhookHost = (url: string | null | undefined) => {
    try {
        return url ? new URL(url).host : 'no webhook';
    } catch {
        return 'its webhook';
    }
};

const filterText = (filters: Record<string, unknown> | undefined) =>
    Object.entries(filters ?? {})
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([key, value]) => `${key.replace('_id', '')}: ${String(value)}`);

const Downloads = ({ report }: { report: SavedReport }) => (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignSelf: 'flex-start' }}>
        {(['csv', 'json'] as const).map(format => (
            <Button
                key={format}
                size="small"
                variant="outlined"
                startIcon={<DownloadIcon />}
                href={exportUrl(report.id, format)}
                download
                data-testid={`report-download-${format}`}
            >
                {format.toUpperCase()}
            </Button>
        ))}
    </Stack>
);

const ShowActions = () => {
    const report = useRecordContext<SavedReport>();
    const me = useMe();
    const mayEdit = useCan('reports', 'edit') && (report?.owner_id === me?.id || me?.role === 'admin');
    return <TopToolbar>{mayEdit && <EditButton data-testid="report-edit" />}</TopToolbar>;
};

const PageTitle = () => {
    const report = useRecordContext<SavedReport>();
    return <span>Report{report ? `: ${report.name}` : ''}</span>;
};

/** Where a scheduled report goes: its webhook's host and its recipients. */
export const deliveryTargets = (report: Pick<SavedReport, 'webhook_url' | 'email_to'>) => {
    const emails = report.email_to ?? [];
    const mail = emails.length === 1 ? emails[0] : emails.length ? `${emails.length} email recipients` : '';
    if (!report.webhook_url) return mail || 'no webhook';
    return mail ? `${webhookHost(report.webhook_url)} and ${mail}` : webhookHost(report.webhook_url);
};

const ReportPage = () => {
    const report = useRecordContext<SavedReport>();
    if (!report) return null;
    const filters = filterText(report.filters as Record<string, unknown>);
    return (
        <CardContent>
            <Stack direction={{ xs: 'column', md: 'row' }} sx={{ justifyContent: 'space-between', gap: 2, mb: 2 }}>
                <div>
                    <Typography variant="h6" component="h2" data-testid="report-title">
                        {report.name}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                        {describeReport(report)}, {periodName(report.period).toLowerCase()}
                    </Typography>
                    <Stack direction="row" sx={{ gap: 0.5, mt: 1, flexWrap: 'wrap' }}>
                        <Chip size="small" label={report.shared ? 'Shared' : 'Private'} />
                        <Chip size="small" label={`Owner: ${report.owner_id}`} variant="outlined" />
                        {report.schedule_cadence && (
                            <Chip
                                size="small"
                                color="primary"
                                variant="outlined"
                                data-testid="report-schedule"
                                label={`${report.schedule_cadence === 'weekly' ? `Weekly, ${WEEKDAYS[report.schedule_weekday ?? 0]?.name}` : 'Daily'} at ${report.schedule_time} to ${deliveryTargets(report)}`}
                            />
                        )}
                        {filters.map(text => (
                            <Chip key={text} size="small" label={text} variant="outlined" />
                        ))}
                    </Stack>
                </div>
                <Downloads report={report} />
            </Stack>
            <ReportResult report={report} />
        </CardContent>
    );
};

/** A saved report run now, its rows in a table, with its CSV and JSON downloads. */
export const ReportShow = () => (
    <Show<SavedReport> actions={<ShowActions />} title={<PageTitle />}>
        <ReportPage />
    </Show>
);

export default ReportShow;
