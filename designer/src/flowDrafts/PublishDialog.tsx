import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { useGetList } from 'react-admin';
import { useSwitchboardDataProvider } from '../dataProvider';
import type { BacktestReport, BacktestRow, Flow, FlowDocument } from '../types';
import { FlowDiffView } from './FlowDiffView';
import {
    backtestCsvUrl,
    describeMove,
    describeRow,
    FIELD_LABELS,
    PERIOD_LABELS,
    periodFor,
} from './backtest';
import type { PeriodChoice } from './backtest';

interface PublishDialogProps {
    open: boolean;
    draftId: string;
    draftName: string;
    busy: boolean;
    /** The draft's document, diffed against the active version. */
    document?: FlowDocument;
    onCancel: () => void;
    onConfirm: () => void;
}

type Outcome = { state: 'running' } | { state: 'done'; report: BacktestReport } | { state: 'failed'; message: string };

const count = (value: number) => value.toLocaleString();
const cases = (value: number) => `${count(value)} case${value === 1 ? '' : 's'}`;

/**
 * Publishing a draft, after seeing what it would change: the draft is re-run over a period of history (default:
 * the last 7 days) and the cases it would decide otherwise are summed up, with a sample and every row as CSV.
 * A backtest that cannot run says why and does not stop the publish.
 */
export const PublishDialog = ({ open, draftId, draftName, busy, document, onCancel, onConfirm }: PublishDialogProps) => {
    const dataProvider = useSwitchboardDataProvider();
    const [view, setView] = useState<'backtest' | 'diff'>('backtest');
    const { data: active } = useGetList<Flow>('flows', { filter: { active: true }, pagination: { page: 1, perPage: 1 } }, { enabled: open && Boolean(document) });
    const [choice, setChoice] = useState<PeriodChoice>('7d');
    const [from, setFrom] = useState('');
    const [to, setTo] = useState('');
    // Mounted when the dialog opens (see DraftEditor), so its periods end at that moment.
    const [opened] = useState(() => new Date());
    const [outcome, setOutcome] = useState<Outcome>({ state: 'running' });
    const period = useMemo(() => periodFor(choice, opened, from, to), [choice, opened, from, to]);

    useEffect(() => {
        if (!open || !period) return;
        let current = true;
        setOutcome({ state: 'running' });
        dataProvider.backtestFlowDraft(draftId, period).then(
            ({ data }) => current && setOutcome({ state: 'done', report: data }),
            (error: unknown) =>
                current && setOutcome({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
        );
        return () => {
            current = false;
        };
    }, [open, draftId, period, dataProvider]);

    return (
        <Dialog open={open} onClose={onCancel} fullWidth maxWidth="md" data-testid="publish-dialog">
            <DialogTitle>Publish “{draftName}”</DialogTitle>
            <DialogContent>
                <DialogContentText sx={{ mb: 2 }}>
                    The draft becomes the active flow for new cases; cases already open keep their version. Before
                    that, here is what it would have decided differently over past mentions. Nothing live changes.
                </DialogContentText>
                {document && (
                    <Tabs value={view} onChange={(_, value: 'backtest' | 'diff') => setView(value)} sx={{ mb: 2 }}>
                        <Tab value="backtest" label="Backtest" data-testid="publish-tab-backtest" />
                        <Tab value="diff" label="Diff" data-testid="publish-tab-diff" />
                    </Tabs>
                )}
                {view === 'diff' && document ? (
                    active?.[0] ? (
                        <FlowDiffView
                            before={active[0].document}
                            after={document}
                            beforeLabel={`the active version, ${active[0].name} ${String(active[0].id).slice(0, 8)}`}
                        />
                    ) : (
                        <Alert severity="info">No flow is active yet: everything in the draft is new.</Alert>
                    )
                ) : (
                <>
                <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
                    <TextField
                        select
                        size="small"
                        label="History"
                        value={choice}
                        onChange={event => setChoice(event.target.value as PeriodChoice)}
                        sx={{ minWidth: 180 }}
                        slotProps={{ htmlInput: { 'data-testid': 'backtest-period' } }}
                    >
                        {Object.entries(PERIOD_LABELS).map(([value, label]) => (
                            <MenuItem key={value} value={value}>
                                {label}
                            </MenuItem>
                        ))}
                    </TextField>
                    {choice === 'custom' && (
                        <>
                            <DateField label="From" value={from} onChange={setFrom} testId="backtest-from" />
                            <DateField label="To (included)" value={to} onChange={setTo} testId="backtest-to" />
                        </>
                    )}
                </Box>
                {!period ? (
                    <Alert severity="info">Pick the first and last day of the period.</Alert>
                ) : outcome.state === 'running' ? (
                    <Box data-testid="backtest-running">
                        <Typography variant="body2" sx={{ mb: 1 }}>
                            Re-running the draft over the period's mentions…
                        </Typography>
                        <LinearProgress />
                    </Box>
                ) : outcome.state === 'failed' ? (
                    <Alert severity="warning" data-testid="backtest-failed">
                        The backtest could not run: {outcome.message}. You can still publish.
                    </Alert>
                ) : (
                    <BacktestSummary report={outcome.report} csvUrl={backtestCsvUrl(draftId, period)} />
                )}
                </>
                )}
            </DialogContent>
            <DialogActions>
                <Button onClick={onCancel}>Cancel</Button>
                <Button variant="contained" onClick={onConfirm} disabled={busy} data-testid="publish-confirm">
                    Publish and activate
                </Button>
            </DialogActions>
        </Dialog>
    );
};

const DateField = ({ label, value, onChange, testId }: {
    label: string;
    value: string;
    onChange: (value: string) => void;
    testId: string;
}) => (
    <TextField
        type="date"
        size="small"
        label={label}
        value={value}
        onChange={event => onChange(event.target.value)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId } }}
    />
);

const BacktestSummary = ({ report, csvUrl }: { report: BacktestReport; csvUrl: string }) => {
    const { totals } = report;
    if (totals.mentions === 0) {
        return <Alert severity="info" data-testid="backtest-summary">No mentions arrived in this period: nothing to compare.</Alert>;
    }
    const fields = Object.entries(FIELD_LABELS)
        .map(([field, label]) => `${label} ${count(totals.by_field[field as keyof typeof FIELD_LABELS])}`)
        .join(', ');
    const unchanged = totals.changed + totals.would_open + totals.would_not_open === 0;
    return (
        <Box data-testid="backtest-summary" sx={{ display: 'grid', gap: 1.5 }}>
            <Alert severity={unchanged ? 'success' : 'warning'}>
                {count(totals.mentions)} mentions, {cases(totals.live_cases)} opened:{' '}
                {unchanged
                    ? 'the draft would have decided every one of them the same way.'
                    : `the draft would decide ${count(totals.changed)} of them otherwise (${fields}), open ` +
                      `${count(totals.would_open)} more and not open ${count(totals.would_not_open)}.`}
            </Alert>
            <Typography variant="body2" color="text.secondary">
                Tags would differ on {count(totals.tags_changed)} mentions and the answer to “needs a response?” on{' '}
                {count(totals.needs_response_changed)}. Ran in {report.seconds.toFixed(1)} s.
            </Typography>
            {totals.moves.length > 0 && (
                <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="backtest-moves">
                    {totals.moves.slice(0, 5).map(move => (
                        <li key={`${move.field}:${move.live}:${move.draft}`}>
                            <Typography variant="body2">
                                {describeMove(move.field, move.live, move.draft)}: {cases(move.cases)}
                            </Typography>
                        </li>
                    ))}
                </Box>
            )}
            {report.sample.length > 0 && <SampleTable rows={report.sample} />}
            {!unchanged && (
                <Link href={csvUrl} download data-testid="backtest-csv">
                    Download every case it would decide otherwise (CSV)
                </Link>
            )}
        </Box>
    );
};

const SampleTable = ({ rows }: { rows: BacktestRow[] }) => (
    <Table size="small" data-testid="backtest-sample">
        <TableHead>
            <TableRow>
                <TableCell>Received</TableCell>
                <TableCell>Case</TableCell>
                <TableCell>What would change</TableCell>
            </TableRow>
        </TableHead>
        <TableBody>
            {rows.map(row => (
                <TableRow key={row.mention_id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{new Date(row.received_at).toLocaleString()}</TableCell>
                    <TableCell>
                        {row.case_id ? (
                            <Link href={`#/cases/${encodeURIComponent(row.case_id)}/show`} target="_blank" rel="noopener">
                                {row.case_id.slice(0, 8)}
                            </Link>
                        ) : (
                            <Typography variant="body2" color="text.secondary" title={row.mention_id}>
                                none yet
                            </Typography>
                        )}
                    </TableCell>
                    <TableCell>{describeRow(row)}</TableCell>
                </TableRow>
            ))}
        </TableBody>
    </Table>
);

export default PublishDialog;
