import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { useEffect, useState } from 'react';
import type { Case } from '../types';
import { humanize, SLA_STATE_COLORS, slaTargets } from './format';

/** The current time, moving every `everyMs` (the countdowns' tick). */
export const useNow = (everyMs = 1000): number => {
    const [now, setNow] = useState(() => Date.now());
    useEffect(() => {
        const timer = window.setInterval(() => setNow(Date.now()), everyMs);
        return () => window.clearInterval(timer);
    }, [everyMs]);
    return now;
};

/** 3725 -> "1h 02m", 95 -> "1m 35s", 40 -> "40s"; days past a day. */
export const formatCountdown = (seconds: number): string => {
    const s = Math.max(0, Math.floor(seconds));
    const days = Math.floor(s / 86400);
    const hours = Math.floor((s % 86400) / 3600);
    const minutes = Math.floor((s % 3600) / 60);
    const rest = s % 60;
    if (days > 0) return `${days}d ${hours}h`;
    if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
    if (minutes > 0) return `${minutes}m ${String(rest).padStart(2, '0')}s`;
    return `${rest}s`;
};

/**
 * Each SLA target of the case (first response, next response, resolution) as a chip: a live countdown while its
 * clock runs (red once overdue), "paused" while waiting on the customer (with what is left), met or breached
 * after replies, and its outcome once the case is closed.
 */
export const SlaClocks = ({ record }: { record: Case }) => {
    const now = useNow();
    const targets = slaTargets(record);
    if (targets.length === 0) {
        return (
            <Box component="span" sx={{ color: 'text.secondary' }} data-testid="sla-clocks">
                No SLA
            </Box>
        );
    }
    return (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }} data-testid="sla-clocks">
            {targets.map(({ target, label, state, dueAt }) => {
                const clock = record.sla?.[target];
                let text: string = humanize(state).toLowerCase();
                let color = SLA_STATE_COLORS[state];
                let overdue = false;
                if (state === 'running' && dueAt) {
                    const left = (Date.parse(dueAt) - now) / 1000;
                    overdue = left < 0;
                    text = overdue ? `overdue ${formatCountdown(-left)}` : `${formatCountdown(left)} left`;
                    color = overdue ? 'error' : left < 15 * 60 ? 'warning' : 'info';
                } else if (state === 'paused' && clock?.remaining_seconds != null) {
                    text = `paused, ${formatCountdown(clock.remaining_seconds)} left`;
                }
                return (
                    <Chip
                        key={target}
                        size="small"
                        color={color}
                        variant={state === 'breached' || overdue ? 'filled' : 'outlined'}
                        label={`${label}: ${text}`}
                        title={dueAt ? `Due ${new Date(dueAt).toLocaleString()}` : undefined}
                        data-testid="sla-clock"
                        data-target={target}
                        data-state={overdue ? 'overdue' : state}
                    />
                );
            })}
        </Box>
    );
};

export default SlaClocks;
