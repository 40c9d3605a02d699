import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SentimentTrend } from './SentimentTrend';
import { TREND_LAYOUT } from './trend';

const points = [
    { day: '2025-01-01', mentions: 2, average: -0.65 },
    { day: '2025-01-02', mentions: 1, average: 0.05 },
    { day: '2025-01-04', mentions: 1, average: 0.7 },
];

const bar = (day: string) => {
    const group = document.querySelector(`[data-testid="customer-trend-day"][data-day="${day}"]`);
    const rect = group?.querySelector('rect');
    if (!group || !rect) throw new Error(`no bar for ${day}`);
    const attr = (name: string) => rect.getAttribute(name) ?? '';
    return { group, rect, y: Number(attr('y')), height: Number(attr('height')), fill: attr('fill'), stroke: attr('stroke') };
};

describe('SentimentTrend', () => {
    it('draws negative and positive days distinctly: side of the line, shape and colour', () => {
        render(<SentimentTrend points={points} />);
        const days = screen.getAllByTestId('customer-trend-day');
        expect(days.map(day => day.getAttribute('data-tone'))).toEqual(['negative', 'neutral', 'positive']);

        const negative = bar('2025-01-01');
        const neutral = bar('2025-01-02');
        const positive = bar('2025-01-04');
        // Readable without colour: negative below the zero line and hatched, positive above it and solid,
        // neutral outlined.
        expect(negative.y).toBe(TREND_LAYOUT.zero);
        expect(positive.y + positive.height).toBe(TREND_LAYOUT.zero);
        expect(negative.fill).toMatch(/^url\(#trend-hatch-/);
        expect(positive.fill).not.toMatch(/^url\(/);
        expect(positive.fill).not.toBe('none');
        expect(neutral.fill).toBe('none');
        // And in colour: different strokes.
        expect(new Set([negative.stroke, positive.stroke, neutral.stroke]).size).toBe(3);
        // The hatch the negative bar points to exists.
        const patternId = negative.fill.slice('url(#'.length, -1);
        expect(document.getElementById(patternId)?.tagName.toLowerCase()).toBe('pattern');

        // Each day says what it is, in words.
        expect(negative.group.querySelector('title')).toHaveTextContent('2025-01-01: negative (-0.65), 2 mentions');
        expect(screen.getByRole('img')).toHaveAccessibleName(/2025-01-04: positive \(\+0\.70\), 1 mention/);
        expect(screen.getByTestId('customer-trend-summary')).toHaveTextContent(
            '3 days: 1 positive, 1 negative, 1 neutral. Latest 2025-01-04: positive (+0.70), 1 mention.',
        );
        expect(screen.getByText('Negative: hatched, below the line')).toBeInTheDocument();
    });

    it('says so when nothing was measured', () => {
        render(<SentimentTrend points={[]} />);
        expect(screen.queryByTestId('customer-trend')).toBeNull();
        expect(screen.getByTestId('customer-trend-empty')).toHaveTextContent('No sentiment measured yet.');
    });
});
