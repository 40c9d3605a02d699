// A backtest's period and its rows in words, for the publish dialog (see PublishDialog.tsx).
import type { BacktestField, BacktestPeriod, BacktestRow } from '../types';

export type PeriodChoice = '1d' | '7d' | '30d' | 'custom';

export const PERIOD_LABELS: Record<PeriodChoice, string> = {
    '1d': 'Last 24 hours',
    '7d': 'Last 7 days',
    '30d': 'Last 30 days',
    custom: 'Dates…',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** The period a choice names, ending `now`; custom dates run from the start of `from` to the end of `to`, in
 *  the viewer's time zone. Null when custom dates are missing or out of order. */
export const periodFor = (choice: PeriodChoice, now: Date, from = '', to = ''): BacktestPeriod | null => {
    if (choice !== 'custom') {
        const days = Number.parseInt(choice, 10);
        return { since: new Date(now.getTime() - days * DAY_MS).toISOString(), until: now.toISOString() };
    }
    if (!from || !to) return null;
    const since = new Date(`${from}T00:00:00`);
    const until = new Date(new Date(`${to}T00:00:00`).getTime() + DAY_MS);
    if (Number.isNaN(since.getTime()) || Number.isNaN(until.getTime()) || since >= until) return null;
    return { since: since.toISOString(), until: until.toISOString() };
};

export const FIELD_LABELS: Record<BacktestField, string> = {
    queue: 'Queue',
    priority: 'Priority',
    sla_policy: 'SLA policy',
};

const shown = (value: string | null) => value ?? 'none';

/** A move between values, as the ops lead reads it: "Priority: normal → high". */
export const describeMove = (field: BacktestField, live: string | null, draft: string | null) =>
    `${FIELD_LABELS[field]}: ${shown(live)} → ${shown(draft)}`;

const decided = (row: BacktestRow, side: 'live' | 'draft') =>
    `queue ${shown(row[`${side}_queue`])}, priority ${shown(row[`${side}_priority`])}, ` +
    `SLA policy ${shown(row[`${side}_sla_policy`])}`;

/** What the draft would do to one case, in a sentence. */
export const describeRow = (row: BacktestRow): string => {
    if (row.kind === 'would_open') return `Would open a case: ${decided(row, 'draft')}`;
    if (row.kind === 'would_not_open') return `Would not open this case (was ${decided(row, 'live')})`;
    return row.changed.map(field => describeMove(field, row[`live_${field}`], row[`draft_${field}`])).join('; ');
};

/** Where every row of the backtest downloads as CSV (the session cookie goes with the link). */
export const backtestCsvUrl = (draftId: string, period: BacktestPeriod, apiUrl = '/api') =>
    `${apiUrl}/flow_drafts/${encodeURIComponent(draftId)}/backtest.csv?${new URLSearchParams({ ...period })}`;
