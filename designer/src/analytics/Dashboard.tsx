import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { Title, useGetList } from 'react-admin';
import type { Team } from '../types';
import { analyticsApi as defaultApi } from './analyticsApi';
import type { AnalyticsApi } from './analyticsApi';
import { DashboardCharts } from './DashboardCharts';
import { LiveTiles } from './LiveTiles';
import { PERIODS, periodOf, viewerZone } from './shaping';
import { ShareOfVoice } from './ShareOfVoice';
import type { PeriodDays } from './shaping';
import { useLiveSnapshot } from './useLiveSnapshot';
import { useReports } from './useReports';

const ALL_TEAMS = '';
/** How often the charts are read again while the dashboard is open and in view. */
export const CHARTS_REFRESH_MS = 30_000;

/** The time now, renewed every `every` ms while the page is visible (and at once when it comes back into view). */
const useTicking = (every: number): Date => {
    const [now, setNow] = useState(() => new Date());
    useEffect(() => {
        const tick = () => document.visibilityState === 'visible' && setNow(new Date());
        const timer = window.setInterval(tick, every);
        document.addEventListener('visibilitychange', tick);
        return () => {
            window.clearInterval(timer);
            document.removeEventListener('visibilitychange', tick);
        };
    }, [every]);
    return now;
};

/**
 * The dashboard: live figures (queues, oldest waiting, breaches in the last hour, mention rate, agents online,
 * open cases), then charts over the last 7, 30 or 90 days in the viewer's time zone, for every team or one, read
 * again every CHARTS_REFRESH_MS while the page is in view.
 */
export const Dashboard = ({ api = defaultApi }: { api?: AnalyticsApi }) => {
    const [days, setDays] = useState<PeriodDays>(30);
    const [team, setTeam] = useState<string>(ALL_TEAMS);
    const zone = useMemo(viewerZone, []);
    const now = useTicking(CHARTS_REFRESH_MS);
    const day = now.toDateString(); // the period moves on at midnight; in between the charts are read again
    const period = useMemo(() => periodOf(days, new Date(day), zone), [days, day, zone]);
    const live = useLiveSnapshot(api);
    const reports = useReports(api, period, team || null, now.getTime());
    const { data: teams } = useGetList<Team>('teams', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });

    return (
        <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 1600 }} data-testid="dashboard">
            <Title title="Dashboard" />
            <LiveTiles live={live} />
            <Box component="section" aria-label="Trends">
                <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 2, mb: 2 }}>
                    <Typography variant="h6" component="h2" sx={{ mr: 'auto' }}>
                        Trends
                    </Typography>
                    <TextField
                        select
                        size="small"
                        label="Team"
                        value={team}
                        onChange={event => setTeam(event.target.value)}
                        fullWidth={false}
                        variant="outlined"
                        sx={{ width: 220, m: 0 }}
                        slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true, inputProps: { 'data-testid': 'team-filter' } } }}
                    >
                        <MenuItem value={ALL_TEAMS}>Every team</MenuItem>
                        {(teams ?? []).map(t => (
                            <MenuItem key={t.id} value={t.id}>
                                {t.name}
                            </MenuItem>
                        ))}
                    </TextField>
                    <ToggleButtonGroup
                        size="small"
                        exclusive
                        value={days}
                        onChange={(_, value: PeriodDays | null) => value && setDays(value)}
                        aria-label="Period"
                    >
                        {PERIODS.map(n => (
                            <ToggleButton key={n} value={n} aria-label={`Last ${n} days`} data-testid={`period-${n}`}>
                                {n} days
                            </ToggleButton>
                        ))}
                    </ToggleButtonGroup>
                </Box>
                <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }} data-testid="period-caption">
                    Last {days} days, days counted in {zone}
                </Typography>
                <DashboardCharts state={reports} />
                <ShareOfVoice api={api} period={period} days={days} />
            </Box>
        </Box>
    );
};

export default Dashboard;
