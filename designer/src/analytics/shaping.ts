// The dashboard's data shaping: the period asked for, the API's rows as chart series, and a chart's data as CSV.
import type { AnalyticsReport, AnalyticsRow } from '../types';

export const PERIODS = [7, 30, 90] as const;
export type PeriodDays = (typeof PERIODS)[number];

export interface Period {
    since: string;
    until: string;
    tz: string;
}

/** The viewer's IANA time zone (what the API counts days in), UTC when the browser does not say. */
export const viewerZone = (): string => {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch {
        return 'UTC';
    }
};

/**
 * The last `days` whole local days, today included: from local midnight `days - 1` days ago to the coming midnight
 * (the browser's clock is in the viewer's time zone, the one the API is asked to count days in).
 */
export const periodOf = (days: number, now: Date = new Date(), tz: string = viewerZone()): Period => {
    const since = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
    const until = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    return { since: since.toISOString(), until: until.toISOString(), tz };
};

/** A chart's rows: one per x value (a day, a target), a number or null (nothing to show) per series. */
export type ChartRow = { key: string } & Record<string, string | number | null>;

const byGroup = (report: AnalyticsReport | undefined, pick: (row: AnalyticsRow) => number | null): Map<string, number | null> =>
    new Map((report?.rows ?? []).map(row => [row.group ?? '', pick(row)]));

/** Day reports (group_by=day) side by side: one row per day any of them has, in day order. */
export const mergeDays = (
    series: Record<string, { report: AnalyticsReport | undefined; pick: (row: AnalyticsRow) => number | null }>,
): ChartRow[] => {
    const picked = Object.entries(series).map(([name, { report, pick }]) => [name, byGroup(report, pick)] as const);
    const days = [...new Set(picked.flatMap(([, values]) => [...values.keys()]))].sort();
    return days.map(day => {
        const row: ChartRow = { key: day };
        for (const [name, values] of picked) row[name] = values.get(day) ?? null;
        return row;
    });
};

const rounded = (value: number | null | undefined, divisor: number): number | null =>
    value == null ? null : Math.round((value / divisor) * 10) / 10;

/** Durations' median and p90 per day, in `unit` (seconds divided by `divisor`); a day with none: null. */
export const durationsPerDay = (report: AnalyticsReport | undefined, divisor: number): ChartRow[] =>
    mergeDays({
        median: { report, pick: row => rounded(row.median, divisor) },
        p90: { report, pick: row => rounded(row.p90, divisor) },
    });

export const SLA_TARGET_LABELS: Record<string, string> = {
    first_response: 'First response',
    next_response: 'Next response',
    resolution: 'Resolution',
};

/** SLA attainment per target, in percent (null: no outcome counted), with what it was computed from. */
export const slaPerTarget = (report: AnalyticsReport | undefined): ChartRow[] =>
    (report?.rows ?? []).map(row => ({
        key: SLA_TARGET_LABELS[row.target ?? ''] ?? row.target ?? '',
        attainment: row.value == null ? null : Math.round(row.value * 1000) / 10,
        met: row.met ?? 0,
        breached: row.breached ?? 0,
    }));

/** Mention volume per day, one series per channel (each channel's day report), every day of any of them. */
export const mentionsPerChannel = (perChannel: Record<string, AnalyticsReport | undefined>): ChartRow[] =>
    mergeDays(Object.fromEntries(Object.entries(perChannel).map(([channel, report]) => [channel, { report, pick: row => row.count }])));

/** "2026-12-04" as the viewer reads a day on an axis: "4 Dec". */
export const dayLabel = (day: string): string => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (!match) return day;
    const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
};

const csvCell = (value: unknown): string => {
    if (value == null) return '';
    const text = String(value);
    // A cell a spreadsheet would run as a formula is quoted as text.
    const safe = /^[=+\-@\t\r]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A chart's rows as CSV: a header of `columns` (key: header), then one line per row; empty cells for null. */
export const toCsv = (rows: ChartRow[], columns: Record<string, string>): string =>
    [Object.values(columns), ...rows.map(row => Object.keys(columns).map(key => row[key]))]
        .map(line => line.map(csvCell).join(','))
        .join('\r\n') + '\r\n';

/** Seconds as the tiles say a wait: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export const formatAge = (seconds: number | null | undefined): string => {
    if (seconds == null) return '—';
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) return `${s} s`;
    const minutes = Math.floor(s / 60);
    if (minutes < 60) return `${minutes} min`;
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
    const days = Math.floor(hours / 24);
    return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
};
