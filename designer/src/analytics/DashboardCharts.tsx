import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from './ChartCard';
import type { ChartRow } from './shaping';
import { dayLabel, durationsPerDay, mentionsPerChannel, mergeDays, slaPerTarget } from './shaping';
import { useReducedMotion } from './useReducedMotion';
import type { ReportsState } from './useReports';

/** jsdom has no layout: a chart there is drawn at this size instead of its container's (0 by 0). */
const INITIAL = { width: 560, height: 260 };
const PALETTE = ['#1976d2', '#9c27b0', '#2e7d32', '#ed6c02', '#0288d1', '#d32f2f', '#6d4c41', '#455a64'];

const Frame = ({ children }: { children: React.ReactElement }) => (
    <ResponsiveContainer width="100%" height="100%" initialDimension={INITIAL}>
        {children}
    </ResponsiveContainer>
);

/** The dashboard's charts over the period: volumes, times, SLA attainment, mentions per channel. */
export const DashboardCharts = ({ state }: { state: ReportsState }) => {
    const theme = useTheme();
    const animate = !useReducedMotion();
    const { reports, loading, error } = state;
    const axis = { fontSize: 12, fill: theme.palette.text.secondary };
    const common = { loading, error };

    const volumes: ChartRow[] = mergeDays({
        opened: { report: reports.opened, pick: row => row.count },
        closed: { report: reports.closed, pick: row => row.count },
    });
    const autoReplies: ChartRow[] = mergeDays({
        sent: { report: reports.autoReplies, pick: row => row.value },
        resolved: { report: reports.resolvedByAutoReply, pick: row => row.value },
    });
    const firstResponse = durationsPerDay(reports.firstResponse, 60);
    const resolution = durationsPerDay(reports.resolution, 3600);
    const sla = slaPerTarget(reports.sla);
    const channels = Object.keys(reports.mentions).sort();
    const mentions = mentionsPerChannel(reports.mentions);
    const xDays = <XAxis dataKey="key" tickFormatter={dayLabel} tick={axis} minTickGap={16} />;
    const grid = <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />;
    const tooltip = <Tooltip labelFormatter={label => dayLabel(String(label))} isAnimationActive={animate} />;

    return (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' } }}>
            <ChartCard id="cases-per-day" title="Cases opened and closed" subtitle="per day" rows={volumes}
                       columns={{ key: 'day', opened: 'opened', closed: 'closed' }} {...common}>
                <Frame>
                    <BarChart data={volumes}>
                        {grid}
                        {xDays}
                        <YAxis allowDecimals={false} tick={axis} width={36} />
                        {tooltip}
                        <Legend />
                        <Bar dataKey="opened" name="Opened" fill={PALETTE[0]} isAnimationActive={animate} />
                        <Bar dataKey="closed" name="Closed" fill={PALETTE[2]} isAnimationActive={animate} />
                    </BarChart>
                </Frame>
            </ChartCard>
            <ChartCard id="first-response" title="First response" subtitle="minutes, cases opened each day: median and 90th percentile"
                       rows={firstResponse} columns={{ key: 'day', median: 'median minutes', p90: 'p90 minutes' }} {...common}>
                <Frame>
                    <LineChart data={firstResponse}>
                        {grid}
                        {xDays}
                        <YAxis tick={axis} width={40} />
                        {tooltip}
                        <Legend />
                        <Line type="monotone" dataKey="median" name="Median" stroke={PALETTE[0]} connectNulls isAnimationActive={animate} />
                        <Line type="monotone" dataKey="p90" name="p90" stroke={PALETTE[3]} strokeDasharray="5 3" connectNulls isAnimationActive={animate} />
                    </LineChart>
                </Frame>
            </ChartCard>
            <ChartCard id="resolution" title="Resolution" subtitle="hours, cases closed each day: median and 90th percentile"
                       rows={resolution} columns={{ key: 'day', median: 'median hours', p90: 'p90 hours' }} {...common}>
                <Frame>
                    <LineChart data={resolution}>
                        {grid}
                        {xDays}
                        <YAxis tick={axis} width={40} />
                        {tooltip}
                        <Legend />
                        <Line type="monotone" dataKey="median" name="Median" stroke={PALETTE[1]} connectNulls isAnimationActive={animate} />
                        <Line type="monotone" dataKey="p90" name="p90" stroke={PALETTE[3]} strokeDasharray="5 3" connectNulls isAnimationActive={animate} />
                    </LineChart>
                </Frame>
            </ChartCard>
            <ChartCard id="sla" title="SLA attainment" subtitle="% of outcomes met, cases closed in the period"
                       rows={sla} columns={{ key: 'target', attainment: 'attainment %', met: 'met', breached: 'breached' }} {...common}>
                <Frame>
                    <BarChart data={sla}>
                        {grid}
                        <XAxis dataKey="key" tick={axis} />
                        <YAxis domain={[0, 100]} tick={axis} width={36} unit="%" />
                        <Tooltip isAnimationActive={animate} />
                        <Bar dataKey="attainment" name="Attainment %" fill={PALETTE[2]} isAnimationActive={animate} />
                    </BarChart>
                </Frame>
            </ChartCard>
            <ChartCard id="auto-replies" title="Auto-replies" subtitle="per day: sent to new cases, and cases closed with no human reply"
                       rows={autoReplies} columns={{ key: 'day', sent: 'auto-replies sent', resolved: 'resolved by auto-reply' }} {...common}>
                <Frame>
                    <BarChart data={autoReplies}>
                        {grid}
                        {xDays}
                        <YAxis allowDecimals={false} tick={axis} width={36} />
                        {tooltip}
                        <Legend />
                        <Bar dataKey="sent" name="Sent" fill={PALETTE[4]} isAnimationActive={animate} />
                        <Bar dataKey="resolved" name="Resolved by it" fill={PALETTE[2]} isAnimationActive={animate} />
                    </BarChart>
                </Frame>
            </ChartCard>
            <ChartCard id="mentions-per-channel" title="Mention volume" subtitle="per channel and day, every team"
                       rows={mentions} columns={{ key: 'day', ...Object.fromEntries(channels.map(c => [c, c])) }} {...common}>
                <Frame>
                    <BarChart data={mentions}>
                        {grid}
                        {xDays}
                        <YAxis allowDecimals={false} tick={axis} width={36} />
                        {tooltip}
                        <Legend />
                        {channels.map((channel, index) => (
                            <Bar key={channel} dataKey={channel} stackId="mentions" fill={PALETTE[index % PALETTE.length]} isAnimationActive={animate} />
                        ))}
                    </BarChart>
                </Frame>
            </ChartCard>
        </Box>
    );
};
