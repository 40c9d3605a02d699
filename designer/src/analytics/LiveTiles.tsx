import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useNow } from '../inbox/useNow';
import type { LiveSnapshot } from '../types';
import type { Live } from './useLiveSnapshot';
import { formatAge } from './shaping';

/** How long since `since` (an instant), now: ages tick between snapshots. */
const ageOf = (since: string | null | undefined, now: number): number | null =>
    since ? Math.max(0, (now - Date.parse(since)) / 1000) : null;

interface TileProps {
    id: string;
    label: string;
    value: string;
    detail?: string;
    tone?: 'error' | 'warning';
}

const Tile = ({ id, label, value, detail, tone }: TileProps) => (
    <Card variant="outlined" data-testid={`tile-${id}`} sx={{ minWidth: 0 }}>
        <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
            <Typography variant="caption" color="text.secondary" component="h3" noWrap>
                {label}
            </Typography>
            <Typography variant="h5" component="p" data-testid={`tile-${id}-value`} sx={{ fontWeight: 600, color: tone ? `${tone}.main` : undefined }}>
                {value}
            </Typography>
            {detail && (
                <Typography variant="caption" color="text.secondary" data-testid={`tile-${id}-detail`}>
                    {detail}
                </Typography>
            )}
        </CardContent>
    </Card>
);

const rate = (perMinute: number) => (perMinute >= 10 ? perMinute.toFixed(0) : perMinute.toFixed(1));

const Tiles = ({ snapshot, now }: { snapshot: LiveSnapshot; now: number }) => {
    const priorities = snapshot.open_by_priority;
    return (
        <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(10.5rem, 1fr))' }}>
            <Tile id="waiting" label="Waiting in queues" value={String(snapshot.waiting)} detail="open, nobody holds them" />
            <Tile
                id="oldest"
                label="Oldest waiting"
                value={formatAge(ageOf(snapshot.oldest_waiting_since, now))}
                tone={(ageOf(snapshot.oldest_waiting_since, now) ?? 0) > 3600 ? 'warning' : undefined}
            />
            <Tile
                id="breaches"
                label="Breaches, last hour"
                value={String(snapshot.breaches_last_hour)}
                tone={snapshot.breaches_last_hour > 0 ? 'error' : undefined}
            />
            <Tile
                id="mention-rate"
                label="Mentions per minute"
                value={rate(snapshot.mention_rate.last_5_minutes)}
                detail={`${snapshot.mention_rate.mentions_5_minutes} in 5 min · ${rate(snapshot.mention_rate.last_15_minutes)}/min over 15`}
            />
            <Tile
                id="agents"
                label="Agents online"
                value={`${snapshot.agents_online} / ${snapshot.agents}`}
                detail={`${snapshot.agents_active} on a case now`}
            />
            <Tile
                id="open"
                label="Open cases"
                value={String(snapshot.open_cases)}
                detail={`urgent ${priorities.urgent} · high ${priorities.high} · normal ${priorities.normal} · low ${priorities.low}`}
            />
        </Box>
    );
};

const Queues = ({ snapshot, now }: { snapshot: LiveSnapshot; now: number }) => (
    <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Queues" data-testid="live-queues">
            <TableHead>
                <TableRow>
                    <TableCell>Queue</TableCell>
                    <TableCell align="right">Waiting</TableCell>
                    <TableCell align="right">Oldest waiting</TableCell>
                    <TableCell align="right">Agents online</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {snapshot.queues.map(queue => (
                    <TableRow key={queue.team_id ?? ''} data-testid={`queue-${queue.team_id ?? 'unrouted'}`}>
                        <TableCell>{queue.name}</TableCell>
                        <TableCell align="right">{queue.waiting}</TableCell>
                        <TableCell align="right">{formatAge(ageOf(queue.oldest_waiting_since, now))}</TableCell>
                        <TableCell align="right">{queue.team_id == null ? '—' : `${queue.agents_online} / ${queue.agents}`}</TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    </Box>
);

/** The live figures: tiles, then the queues, updated as the stream sends them. */
export const LiveTiles = ({ live }: { live: Live }) => {
    const now = useNow(1_000);
    const { snapshot, connected, error } = live;
    return (
        <Box component="section" aria-label="Live" data-testid="live-tiles" sx={{ mb: 3 }}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
                <Typography variant="h6" component="h2">
                    Now
                </Typography>
                <Chip
                    size="small"
                    data-testid="live-status"
                    label={connected ? 'Live' : snapshot ? 'Reconnecting…' : 'Connecting…'}
                    color={connected ? 'success' : 'default'}
                    variant={connected ? 'filled' : 'outlined'}
                />
            </Box>
            {error && !snapshot && (
                <Typography color="error" role="alert">
                    {error}
                </Typography>
            )}
            {!snapshot && !error && <Skeleton variant="rounded" height={120} aria-label="Loading the live figures" />}
            {snapshot && (
                <>
                    <Tiles snapshot={snapshot} now={now} />
                    <Card variant="outlined" sx={{ mt: 1.5 }}>
                        <Queues snapshot={snapshot} now={now} />
                    </Card>
                </>
            )}
        </Box>
    );
};
