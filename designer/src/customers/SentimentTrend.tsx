import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useId } from 'react';
import type { SentimentTone } from '../cases/format';
import type { SentimentPoint } from '../types';
import { labelledDays, TREND_LAYOUT, trendBars, trendSentence } from './trend';

const shortDay = (day: string) =>
    new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * The shape of each tone, so the chart reads without colour too: positive days are solid bars above the line,
 * negative days hatched bars below it, neutral days short outlined bars.
 */
const useToneStyles = (hatchId: string) => {
    const { palette } = useTheme();
    return {
        positive: { fill: palette.success.main, stroke: palette.success.dark, strokeWidth: 1 },
        negative: { fill: `url(#${hatchId})`, stroke: palette.error.dark, strokeWidth: 1 },
        neutral: { fill: 'none', stroke: palette.text.secondary, strokeWidth: 1.5 },
    } satisfies Record<SentimentTone, object>;
};

const Swatch = ({ tone, styles, hatchId }: { tone: SentimentTone; styles: ReturnType<typeof useToneStyles>; hatchId: string }) => (
    <svg width="14" height="14" aria-hidden="true">
        {tone === 'negative' && <Hatch id={`${hatchId}-legend`} />}
        <rect
            x="1.5"
            y="1.5"
            width="11"
            height="11"
            {...styles[tone]}
            fill={tone === 'negative' ? `url(#${hatchId}-legend)` : styles[tone].fill}
        />
    </svg>
);

const Hatch = ({ id }: { id: string }) => {
    const { palette } = useTheme();
    return (
        <defs>
            <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill={palette.error.main} />
                <line x1="0" y1="0" x2="0" y2="6" stroke={palette.common.white} strokeWidth="2" />
            </pattern>
        </defs>
    );
};

/** The daily average sentiment of a customer's inbound mentions, as bars up (positive) and down (negative). */
export const SentimentTrend = ({ points }: { points: readonly SentimentPoint[] | null | undefined }) => {
    const hatchId = `trend-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
    const styles = useToneStyles(hatchId);
    const { palette } = useTheme();
    const bars = trendBars(points);
    const sentence = trendSentence(points);
    if (!bars.length) {
        return (
            <Typography variant="body2" color="text.secondary" data-testid="customer-trend-empty">
                {sentence}
            </Typography>
        );
    }
    const { width, height, zero, top, bottom, left, right } = TREND_LAYOUT;
    const axis = { fontSize: 11, fill: palette.text.secondary };
    return (
        <Stack spacing={1} data-testid="customer-trend" data-days={bars.length}>
            <Box sx={{ width: '100%', maxWidth: width }}>
                <svg
                    viewBox={`0 0 ${width} ${height}`}
                    width="100%"
                    role="img"
                    aria-label={`Sentiment per day. ${bars.map(bar => bar.description).join('; ')}`}
                >
                    <Hatch id={hatchId} />
                    <text x={left - 6} y={top + 4} textAnchor="end" {...axis}>
                        +1
                    </text>
                    <text x={left - 6} y={zero + 4} textAnchor="end" {...axis}>
                        0
                    </text>
                    <text x={left - 6} y={bottom + 4} textAnchor="end" {...axis}>
                        −1
                    </text>
                    <line x1={left} x2={right} y1={top} y2={top} stroke={palette.divider} strokeDasharray="2 3" />
                    <line x1={left} x2={right} y1={bottom} y2={bottom} stroke={palette.divider} strokeDasharray="2 3" />
                    {bars.map(bar => (
                        <g
                            key={bar.day}
                            data-testid="customer-trend-day"
                            data-day={bar.day}
                            data-tone={bar.tone}
                            data-average={bar.average}
                        >
                            <title>{bar.description}</title>
                            <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} {...styles[bar.tone]} />
                        </g>
                    ))}
                    <line x1={left} x2={right} y1={zero} y2={zero} stroke={palette.text.secondary} />
                    {labelledDays(bars).map(bar => (
                        <text key={bar.day} x={bar.x + bar.width / 2} y={height - 6} textAnchor="middle" {...axis}>
                            {shortDay(bar.day)}
                        </text>
                    ))}
                </svg>
            </Box>
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                {(['positive', 'negative', 'neutral'] as const).map(tone => (
                    <Stack key={tone} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                        <Swatch tone={tone} styles={styles} hatchId={hatchId} />
                        <Typography variant="caption" color="text.secondary">
                            {tone === 'positive' && 'Positive: solid, above the line'}
                            {tone === 'negative' && 'Negative: hatched, below the line'}
                            {tone === 'neutral' && 'Neutral: outlined'}
                        </Typography>
                    </Stack>
                ))}
            </Stack>
            <Typography variant="body2" data-testid="customer-trend-summary">
                {sentence}
            </Typography>
        </Stack>
    );
};

export default SentimentTrend;
