// The geometry of the sentiment trend: pure, so it is tested without React.
import { formatSentiment, sentimentTone } from '../cases/format';
import type { SentimentTone } from '../cases/format';
import type { SentimentPoint } from '../types';

const DAY_MS = 86_400_000;

export interface TrendLayout {
    width: number;
    height: number;
    /** the y of sentiment 0 */
    zero: number;
    /** the top and bottom of the plot (sentiment +1 and -1) */
    top: number;
    bottom: number;
    left: number;
    right: number;
}

export const TREND_LAYOUT: TrendLayout = { width: 640, height: 180, zero: 82, top: 10, bottom: 154, left: 34, right: 632 };

export interface TrendBar {
    day: string;
    mentions: number;
    average: number;
    tone: SentimentTone;
    /** days since the first day of the trend */
    offset: number;
    x: number;
    y: number;
    width: number;
    height: number;
    /** "2026-11-20: negative (-0.40), 2 mentions" */
    description: string;
}

const dayNumber = (day: string): number => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

const mentionsText = (count: number) => `${count} mention${count === 1 ? '' : 's'}`;

export const describePoint = (point: SentimentPoint): string =>
    `${point.day}: ${formatSentiment(point.average)}, ${mentionsText(point.mentions)}`;

/** Oldest day first, days without a valid date left out. */
export const trendInOrder = (points: readonly SentimentPoint[] | null | undefined): SentimentPoint[] =>
    [...(points ?? [])].filter(point => !Number.isNaN(dayNumber(point.day))).sort((a, b) => a.day.localeCompare(b.day));

/**
 * One bar per day with mentions, placed by date (days without mentions leave a gap): up from the zero line for a
 * positive average, down for a negative one; a neutral day is a short bar either side, so every day is visible.
 */
export const trendBars = (points: readonly SentimentPoint[] | null | undefined, layout = TREND_LAYOUT): TrendBar[] => {
    const days = trendInOrder(points);
    if (!days.length) return [];
    const first = dayNumber(days[0].day);
    const span = dayNumber(days[days.length - 1].day) - first + 1;
    const slot = (layout.right - layout.left) / span;
    const width = Math.max(2, Math.min(40, slot * 0.7));
    const half = layout.zero - layout.top;
    return days.map(point => {
        const offset = dayNumber(point.day) - first;
        const average = Math.max(-1, Math.min(1, point.average));
        const height = Math.max(3, Math.abs(average) * half);
        return {
            day: point.day,
            mentions: point.mentions,
            average: point.average,
            tone: sentimentTone(point.average),
            offset,
            x: layout.left + offset * slot + (slot - width) / 2,
            y: average < 0 ? layout.zero : layout.zero - height,
            width,
            height,
            description: describePoint(point),
        };
    });
};

/** The days to label under the bars: each day when there are few, else the first and the last. */
export const labelledDays = (bars: readonly TrendBar[], most = 10): TrendBar[] =>
    bars.length <= most ? [...bars] : [bars[0], bars[bars.length - 1]];

export interface TrendSummary {
    days: number;
    positive: number;
    negative: number;
    neutral: number;
    latest: SentimentPoint | null;
}

export const summarizeTrend = (points: readonly SentimentPoint[] | null | undefined): TrendSummary => {
    const days = trendInOrder(points);
    const count = (tone: SentimentTone) => days.filter(point => sentimentTone(point.average) === tone).length;
    return {
        days: days.length,
        positive: count('positive'),
        negative: count('negative'),
        neutral: count('neutral'),
        latest: days.length ? days[days.length - 1] : null,
    };
};

/** "3 days: 1 positive, 2 negative, 0 neutral. Latest 2026-11-22: positive (+0.60), 1 mention." */
export const trendSentence = (points: readonly SentimentPoint[] | null | undefined): string => {
    const { days, positive, negative, neutral, latest } = summarizeTrend(points);
    if (!latest) return 'No sentiment measured yet.';
    return (
        `${days} day${days === 1 ? '' : 's'}: ${positive} positive, ${negative} negative, ${neutral} neutral. ` +
        `Latest ${describePoint(latest)}.`
    );
};

/** Tags by count, most used first; equal counts by name. */
export const topTags = (tags: Record<string, number> | null | undefined, most = 10): [string, number][] =>
    Object.entries(tags ?? {})
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .slice(0, most);
