import { describe, expect, it } from 'vitest';
import { labelledDays, TREND_LAYOUT, topTags, trendBars, trendSentence } from './trend';

const points = [
    { day: '2025-01-04', mentions: 1, average: 0.7 },
    { day: '2025-01-01', mentions: 2, average: -0.65 },
    { day: '2025-01-02', mentions: 1, average: 0.05 },
];

describe('trendBars', () => {
    it('puts positive days above the zero line and negative days below it, oldest first', () => {
        const bars = trendBars(points);
        expect(bars.map(bar => [bar.day, bar.tone])).toEqual([
            ['2025-01-01', 'negative'],
            ['2025-01-02', 'neutral'],
            ['2025-01-04', 'positive'],
        ]);
        const [negative, neutral, positive] = bars;
        expect(negative.y).toBe(TREND_LAYOUT.zero);
        expect(negative.height).toBeCloseTo(0.65 * (TREND_LAYOUT.zero - TREND_LAYOUT.top));
        expect(positive.y + positive.height).toBe(TREND_LAYOUT.zero);
        expect(positive.height).toBeCloseTo(0.7 * (TREND_LAYOUT.zero - TREND_LAYOUT.top));
        // A near-zero day is still drawn.
        expect(neutral.height).toBeGreaterThanOrEqual(3);
        expect(negative.description).toBe('2025-01-01: negative (-0.65), 2 mentions');
    });

    it('places days by date, leaving a gap for days without mentions', () => {
        const [first, second, fourth] = trendBars(points);
        expect(fourth.offset).toBe(3);
        expect(second.x - first.x).toBeCloseTo((fourth.x - first.x) / 3);
        expect(fourth.x + fourth.width).toBeLessThanOrEqual(TREND_LAYOUT.right);
    });

    it('keeps averages outside -1..1 inside the plot, and has no bars without points', () => {
        const [bar] = trendBars([{ day: '2025-01-01', mentions: 1, average: -3 }]);
        expect(bar.y + bar.height).toBeCloseTo(TREND_LAYOUT.zero + (TREND_LAYOUT.zero - TREND_LAYOUT.top));
        expect(trendBars([])).toEqual([]);
        expect(trendBars(undefined)).toEqual([]);
    });

    it('labels every day when there are few, else the first and the last', () => {
        const bars = trendBars(points);
        expect(labelledDays(bars).map(bar => bar.day)).toEqual(['2025-01-01', '2025-01-02', '2025-01-04']);
        expect(labelledDays(bars, 2).map(bar => bar.day)).toEqual(['2025-01-01', '2025-01-04']);
    });
});

describe('trendSentence', () => {
    it('counts the days by tone and names the latest', () => {
        expect(trendSentence(points)).toBe(
            '3 days: 1 positive, 1 negative, 1 neutral. Latest 2025-01-04: positive (+0.70), 1 mention.',
        );
        expect(trendSentence([])).toBe('No sentiment measured yet.');
    });
});

describe('topTags', () => {
    it('orders tags by count, then by name', () => {
        expect(topTags({ praise: 1, delivery: 3, refund: 1 })).toEqual([
            ['delivery', 3],
            ['praise', 1],
            ['refund', 1],
        ]);
        expect(topTags({ a: 1, b: 2, c: 3 }, 2)).toEqual([
            ['c', 3],
            ['b', 2],
        ]);
        expect(topTags(undefined)).toEqual([]);
    });
});
