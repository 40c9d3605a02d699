import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { Title, useNotify } from 'react-admin';
import { useCan } from '../auth/useCan';
import { useSwitchboardDataProvider } from '../dataProvider';
import type { CrisisSignal, CrisisStatus } from '../types';
import { CrisisSettingsForm } from './CrisisSettingsForm';

const when = (at: string | null | undefined) => (at ? new Date(at).toLocaleString() : '—');

const Figures = ({ signals }: { signals: CrisisSignal[] }) =>
    signals.length === 0 ? null : (
        <Table size="small" data-testid="crisis-figures" sx={{ mt: 1 }}>
            <TableHead>
                <TableRow>
                    <TableCell>Series</TableCell>
                    <TableCell align="right">In the window</TableCell>
                    <TableCell align="right">Baseline</TableCell>
                    <TableCell align="right">Ratio</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {signals.map(signal => (
                    <TableRow key={signal.series}>
                        <TableCell sx={{ wordBreak: 'break-word' }}>{signal.series}</TableCell>
                        <TableCell align="right">{signal.count}</TableCell>
                        <TableCell align="right">{signal.baseline.toFixed(1)}</TableCell>
                        <TableCell align="right">{signal.ratio == null ? '—' : `${signal.ratio.toFixed(1)}×`}</TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );

/** Normal or crisis, since when and why, the figures, the backup in the queues; start or end by hand. */
const CrisisState = ({ status, onChange }: { status: CrisisStatus; onChange: (status: CrisisStatus) => void }) => {
    const canManage = useCan('crisis', 'manage');
    const dataProvider = useSwitchboardDataProvider();
    const notify = useNotify();
    const [reason, setReason] = useState('');
    const [busy, setBusy] = useState(false);
    const crisis = status.state === 'crisis';
    const act = async () => {
        setBusy(true);
        try {
            const { data } = crisis
                ? await dataProvider.endCrisis(reason.trim() || 'ended by hand')
                : await dataProvider.startCrisis(reason.trim());
            setReason('');
            onChange(data);
            notify(crisis ? 'Crisis mode ended: normal routing is back' : 'Crisis mode started', { type: 'success' });
        } catch (error) {
            notify(error instanceof Error ? error.message : String(error), { type: 'error' });
        } finally {
            setBusy(false);
        }
    };
    return (
        <Card variant="outlined" data-testid="crisis-state">
            <CardContent>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                    <Chip
                        label={crisis ? 'Crisis' : 'Normal'}
                        color={crisis ? 'error' : 'success'}
                        data-testid="crisis-chip"
                    />
                    <Typography variant="body1">
                        {crisis
                            ? `since ${when(status.since)}, ${status.automatic ? 'started by the spike watch' : `started by ${status.started_by}`}`
                            : status.ended_at
                              ? `the last crisis ended ${when(status.ended_at)} (${status.end_reason})`
                              : 'no crisis so far'}
                    </Typography>
                </Stack>
                {crisis && (
                    <Alert severity="error" sx={{ mt: 2 }} data-testid="crisis-reason">
                        {status.reason}
                        {status.crisis_flow && (
                            <Box component="span" sx={{ display: 'block' }}>
                                New cases start with flow version <code>{status.crisis_flow.slice(0, 12)}</code>; cases already open keep theirs.
                            </Box>
                        )}
                    </Alert>
                )}
                <Figures signals={crisis ? status.figures : status.last_check?.signals ?? []} />
                {status.last_check && (
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }} data-testid="crisis-last-check">
                        Last check {when(status.last_check.at)}: {status.last_check.reason}
                    </Typography>
                )}
                {status.guests.length > 0 && (
                    <Box sx={{ mt: 2 }} data-testid="crisis-guests">
                        <Typography variant="subtitle2">Backup in the queues</Typography>
                        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }}>
                            {status.guests.map(guest => (
                                <Chip key={`${guest.team_id}/${guest.agent_id}`} size="small" label={`${guest.agent_id} → ${guest.team_id}`} />
                            ))}
                        </Stack>
                    </Box>
                )}
                {canManage && (
                    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 2, alignItems: { sm: 'center' } }}>
                        <TextField
                            size="small"
                            label={crisis ? 'Why it ends (optional)' : 'Why (on the timeline and in the audit log)'}
                            value={reason}
                            onChange={event => setReason(event.target.value)}
                            sx={{ flex: 1, minWidth: 0 }}
                            slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'crisis-reason-input' } }}
                        />
                        <Button
                            variant="contained"
                            color={crisis ? 'primary' : 'error'}
                            disabled={busy || (!crisis && !reason.trim())}
                            onClick={() => void act()}
                            data-testid={crisis ? 'crisis-end' : 'crisis-start'}
                        >
                            {crisis ? 'End crisis' : 'Start crisis'}
                        </Button>
                    </Stack>
                )}
            </CardContent>
        </Card>
    );
};

const Timeline = ({ status }: { status: CrisisStatus }) => (
    <Card variant="outlined">
        <CardContent>
            <Typography variant="h6" gutterBottom>
                Timeline
            </Typography>
            {status.events.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                    Nothing yet.
                </Typography>
            ) : (
                <Stack spacing={1} data-testid="crisis-timeline">
                    {status.events.map(event => (
                        <Box key={event.id}>
                            <Typography variant="body2">
                                <strong>{event.kind === 'started' ? 'Started' : 'Ended'}</strong> {when(event.at)} by {event.actor}
                            </Typography>
                            <Typography variant="caption" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
                                {event.reason}
                            </Typography>
                        </Box>
                    ))}
                </Stack>
            )}
        </CardContent>
    </Card>
);

/** The crisis page: its state (refreshed every 15 s), start and end, the timeline and the settings. */
export const CrisisPage = () => {
    const dataProvider = useSwitchboardDataProvider();
    const [status, setStatus] = useState<CrisisStatus | null>(null);
    const [error, setError] = useState<string | null>(null);
    const load = useCallback(
        () =>
            dataProvider.getCrisis().then(
                ({ data }) => setStatus(data),
                (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
            ),
        [dataProvider],
    );
    useEffect(() => {
        void load();
        const timer = window.setInterval(() => void load(), 15_000);
        return () => window.clearInterval(timer);
    }, [load]);
    return (
        <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 1100 }} data-testid="crisis-page">
            <Title title="Crisis mode" />
            {error && <Alert severity="error">{error}</Alert>}
            {status && (
                <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, alignItems: 'start' }}>
                    <CrisisState status={status} onChange={setStatus} />
                    <Timeline status={status} />
                </Box>
            )}
            <Box sx={{ mt: 2 }}>
                <CrisisSettingsForm />
            </Box>
        </Box>
    );
};

export default CrisisPage;
