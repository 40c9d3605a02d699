import { describe, expect, it } from 'vitest';
import { COUNTDOWN_COLORS, slaCountdown } from './slaCountdown';

const NOW = Date.parse('2026-12-04T10:00:00Z');
const open = { sla_due_at: null, sla_breached: false, closed_at: null, sla: {}, sla_outcomes: {} };

describe('slaCountdown', () => {
    it('counts down to the deadline: ok, due soon within 30 minutes, then overdue', () => {
        expect(slaCountdown({ ...open, sla_due_at: '2026-12-04T12:00:00Z' }, NOW)).toEqual({ state: 'ok', label: '2 h left', remaining: 7200 });
        expect(slaCountdown({ ...open, sla_due_at: '2026-12-04T10:12:30Z' }, NOW)).toMatchObject({ state: 'soon', label: '12 min 30 s left' });
        expect(slaCountdown({ ...open, sla_due_at: '2026-12-04T09:55:00Z' }, NOW)).toMatchObject({ state: 'overdue', label: '5 min over' });
    });

    it('reads a recorded breach as overdue though a later clock still runs', () => {
        expect(slaCountdown({ ...open, sla_due_at: '2026-12-04T12:00:00Z', sla_breached: true }, NOW)).toMatchObject({
            state: 'overdue',
            label: 'Breached · 2 h left',
        });
    });

    it('shows paused clocks, met targets, closed cases and no policy', () => {
        expect(slaCountdown({ ...open, sla: { resolution: { status: 'paused' } } }, NOW).state).toBe('paused');
        expect(slaCountdown({ ...open, sla: { first_response: { status: 'met' } } }, NOW)).toMatchObject({ state: 'met', label: 'Met' });
        const closed = { ...open, closed_at: '2026-12-04T09:00:00Z' };
        expect(slaCountdown({ ...closed, sla_outcomes: { first_response: 'met' } }, NOW)).toMatchObject({ state: 'met', label: 'Met' });
        expect(slaCountdown({ ...closed, sla_outcomes: { first_response: 'breached' } }, NOW)).toMatchObject({ state: 'overdue', label: 'Breached' });
        expect(slaCountdown(open, NOW)).toMatchObject({ state: 'none', label: '—' });
    });

    it('colours each state', () => {
        expect(COUNTDOWN_COLORS).toMatchObject({ ok: 'success', soon: 'warning', overdue: 'error', paused: 'default' });
    });
});
