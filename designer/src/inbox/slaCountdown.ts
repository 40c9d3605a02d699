// The SLA countdown of a case in the list: its state and what it reads at an instant. No React.
import { formatDuration } from '../cases/format';
import type { SlaOutcome, SlaTargetClock } from '../types';

export type CountdownState = 'ok' | 'soon' | 'overdue' | 'paused' | 'met' | 'none';

/** Due within this long reads "due soon" (the API's breaching view uses the same window). */
export const SOON_SECONDS = 30 * 60;

export const COUNTDOWN_COLORS: Record<CountdownState, 'success' | 'warning' | 'error' | 'default'> = {
    ok: 'success',
    soon: 'warning',
    overdue: 'error',
    paused: 'default',
    met: 'success',
    none: 'default',
};

export interface CountdownRecord {
    sla_due_at: string | null;
    sla_breached: boolean;
    closed_at: string | null;
    sla?: Record<string, SlaTargetClock> | null;
    sla_outcomes?: Record<string, SlaOutcome> | null;
}

export interface Countdown {
    state: CountdownState;
    label: string;
    /** Seconds to the deadline (negative once passed); null without a running clock. */
    remaining: number | null;
}

/**
 * Where a case stands against its SLA at `now`: running with time left (ok, or soon within 30 minutes), overdue
 * (past its deadline, or a target breached), paused (waiting on the customer), met (every target met, or closed
 * without a breach), or none (no policy).
 */
export const slaCountdown = (record: CountdownRecord, now: number): Countdown => {
    const outcomes = Object.values(record.sla_outcomes ?? {});
    if (record.closed_at) {
        if (outcomes.includes('breached') || record.sla_breached) return { state: 'overdue', label: 'Breached', remaining: null };
        return { state: 'met', label: outcomes.includes('met') ? 'Met' : 'Closed', remaining: null };
    }
    if (record.sla_due_at) {
        const remaining = Math.round((Date.parse(record.sla_due_at) - now) / 1000);
        if (remaining <= 0) return { state: 'overdue', label: `${formatDuration(-remaining)} over`, remaining };
        const left = `${formatDuration(remaining)} left`;
        if (record.sla_breached) return { state: 'overdue', label: `Breached · ${left}`, remaining };
        return { state: remaining <= SOON_SECONDS ? 'soon' : 'ok', label: left, remaining };
    }
    const clocks = Object.values(record.sla ?? {});
    if (clocks.some(clock => clock.status === 'paused')) return { state: 'paused', label: 'Paused', remaining: null };
    if (record.sla_breached) return { state: 'overdue', label: 'Breached', remaining: null };
    if (clocks.length && clocks.every(clock => clock.status === 'met' || clock.status === 'not_started') && clocks.some(c => c.status === 'met'))
        return { state: 'met', label: 'Met', remaining: null };
    return { state: 'none', label: '—', remaining: null };
};
