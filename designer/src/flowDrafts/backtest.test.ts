import { describe, expect, it } from 'vitest';
import type { BacktestRow } from '../types';
import { backtestCsvUrl, describeMove, describeRow, periodFor } from './backtest';

const row = (overrides: Partial<BacktestRow>): BacktestRow => ({
    kind: 'changed',
    case_id: 'c1',
    mention_id: 'twitter:1',
    conversation_id: 'conv-1',
    received_at: '2026-11-30T09:00:00+00:00',
    source: 'twitter',
    changed: [],
    live_queue: 'support',
    draft_queue: 'support',
    live_priority: 'normal',
    draft_priority: 'normal',
    live_sla_policy: 'normal',
    draft_sla_policy: 'normal',
    live_flow_version: 'f1',
    tags_added: [],
    tags_removed: [],
    ...overrides,
});

describe('backtest periods', () => {
    const now = new Date('2026-12-04T10:30:00Z');

    it('ends the presets now', () => {
        expect(periodFor('7d', now)).toEqual({ since: '2026-11-27T10:30:00.000Z', until: '2026-12-04T10:30:00.000Z' });
        expect(periodFor('1d', now)?.since).toBe('2026-12-03T10:30:00.000Z');
        expect(periodFor('30d', now)?.since).toBe('2026-11-04T10:30:00.000Z');
    });

    it('runs custom dates from the first day to the end of the last, and refuses them missing or reversed', () => {
        const period = periodFor('custom', now, '2026-11-01', '2026-11-07');
        expect(period).not.toBeNull();
        const hours = (Date.parse(period!.until) - Date.parse(period!.since)) / 3_600_000;
        expect(hours).toBe(7 * 24);
        expect(new Date(period!.since).getDate()).toBe(1);
        expect(periodFor('custom', now, '2026-11-07', '')).toBeNull();
        expect(periodFor('custom', now, '2026-11-08', '2026-11-07')).toBeNull();
    });
});

describe('backtest rows in words', () => {
    it('lists each change of a case as live → draft', () => {
        const changed = row({ changed: ['queue', 'priority'], draft_queue: 'escalations', draft_priority: 'high' });
        expect(describeRow(changed)).toBe('Queue: support → escalations; Priority: normal → high');
        expect(describeMove('sla_policy', null, 'high')).toBe('SLA policy: none → high');
    });

    it('says what a case that would open, or not, would be', () => {
        expect(describeRow(row({ kind: 'would_open', case_id: null, live_queue: null, draft_priority: 'low' }))).toBe(
            'Would open a case: queue support, priority low, SLA policy normal',
        );
        expect(describeRow(row({ kind: 'would_not_open', draft_queue: null }))).toBe(
            'Would not open this case (was queue support, priority normal, SLA policy normal)',
        );
    });

    it('links every row as CSV for the same period', () => {
        expect(backtestCsvUrl('d 1', { since: '2026-11-27T10:30:00.000Z', until: '2026-12-04T10:30:00.000Z' })).toBe(
            '/api/flow_drafts/d%201/backtest.csv?since=2026-11-27T10%3A30%3A00.000Z&until=2026-12-04T10%3A30%3A00.000Z',
        );
    });
});
