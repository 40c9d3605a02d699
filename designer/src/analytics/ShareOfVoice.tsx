import EditIcon from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useCan } from '../auth/useCan';
import type { AnalyticsReport, ShareOfVoiceTerms } from '../types';
import type { AnalyticsApi } from './analyticsApi';
import { ChartCard } from './ChartCard';
import type { ChartRow, Period } from './shaping';
import { useReducedMotion } from './useReducedMotion';
import { useShareOfVoice } from './useShareOfVoice';
import { VoiceTermsForm } from './VoiceTermsForm';

const PALETTE = ['#1976d2', '#9c27b0', '#2e7d32', '#ed6c02', '#0288d1', '#d32f2f', '#6d4c41', '#455a64'];

/** One row per name: its share (%) and the mentions naming it, the brand first, as the API answers them. */
export const shareRows = (report: AnalyticsReport | null): ChartRow[] =>
    (report?.rows ?? []).map(row => ({
        key: row.name ?? '',
        share: row.value == null ? null : Math.round(row.value * 1000) / 10,
        mentions: row.count,
    }));

const origin = (terms: ShareOfVoiceTerms | null) => {
    if (!terms || terms.origin === 'none') return 'No brand or competitor is set yet.';
    if (terms.origin === 'environment') return 'From the operator\'s setting (SWITCHBOARD_SHARE_OF_VOICE) until terms are saved here.';
    const when = terms.updated_at ? new Date(terms.updated_at).toLocaleString() : '';
    return `Saved by ${terms.updated_by ?? 'someone'}${when ? ` on ${when}` : ''}.`;
};

/**
 * Share of voice over the dashboard's period: the brand against each competitor (inbound mentions naming them), and
 * the terms that name them, which those with analytics:manage (ops leads, admins) edit here.
 */
export const ShareOfVoice = ({ api, period, days }: { api: AnalyticsApi; period: Period; days: number }) => {
    const theme = useTheme();
    const animate = !useReducedMotion();
    const canManage = useCan('analytics', 'manage');
    const [editing, setEditing] = useState(false);
    const { terms, report, loading, error, reload } = useShareOfVoice(api, period);
    const rows = shareRows(report);
    const axis = { fontSize: 12, fill: theme.palette.text.secondary };
    const names = terms?.brand ? [terms.brand, ...terms.competitors] : [];
    const figure = (name: string) => rows.find(row => row.key === name);

    return (
        <Box component="section" aria-label="Share of voice" data-testid="share-of-voice"
             sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' } }}>
            <ChartCard id="share-of-voice" title="Share of voice" subtitle={`% of inbound mentions naming each, last ${days} days`}
                       rows={rows} columns={{ key: 'name', share: 'share %', mentions: 'mentions' }} loading={loading} error={error}>
                <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 560, height: 260 }}>
                    <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
                        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
                        <XAxis type="number" domain={[0, 100]} unit="%" tick={axis} />
                        <YAxis type="category" dataKey="key" tick={axis} width={96} />
                        <Tooltip isAnimationActive={animate} />
                        <Bar dataKey="share" name="Share %" maxBarSize={36} isAnimationActive={animate}>
                            {rows.map((row, index) => (
                                <Cell key={String(row.key)} fill={PALETTE[index % PALETTE.length]} />
                            ))}
                        </Bar>
                    </BarChart>
                </ResponsiveContainer>
            </ChartCard>
            <Card variant="outlined" data-testid="voice-terms" sx={{ minWidth: 0 }}>
                <CardContent>
                    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, flexWrap: 'wrap' }}>
                        <Box sx={{ flex: '1 1 12rem', minWidth: 0 }}>
                            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                                Brand and competitors
                            </Typography>
                            <Typography variant="caption" color="text.secondary" data-testid="voice-origin">
                                {origin(terms)}
                            </Typography>
                        </Box>
                        {canManage && !editing && (
                            <Button size="small" startIcon={<EditIcon />} onClick={() => setEditing(true)} data-testid="voice-terms-edit">
                                Edit terms
                            </Button>
                        )}
                    </Box>
                    {editing ? (
                        <VoiceTermsForm
                            api={api}
                            terms={terms}
                            onCancel={() => setEditing(false)}
                            onSaved={() => {
                                setEditing(false);
                                reload();
                            }}
                        />
                    ) : names.length ? (
                        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1, display: 'grid', gap: 1 }}>
                            {names.map((entry, index) => {
                                const found = figure(entry.name);
                                return (
                                    <Box component="li" key={entry.name} data-testid={`voice-name-${index}`}
                                         sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.5 }}>
                                        <Typography variant="body2" sx={{ fontWeight: 600, mr: 0.5 }}>
                                            {entry.name}
                                            {index === 0 ? ' (brand)' : ''}
                                        </Typography>
                                        <Typography variant="body2" color="text.secondary" sx={{ mr: 1 }} data-testid={`voice-share-${index}`}>
                                            {found?.share == null ? '-' : `${found.share} %`} ({found?.mentions ?? 0} mentions)
                                        </Typography>
                                        {entry.terms.map(term => (
                                            <Chip key={term} size="small" variant="outlined" label={term} sx={{ maxWidth: '100%' }} />
                                        ))}
                                    </Box>
                                );
                            })}
                        </Box>
                    ) : (
                        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                            {canManage ? 'Set the brand and its competitors with Edit terms.' : 'An ops lead sets the brand and its competitors.'}
                        </Typography>
                    )}
                </CardContent>
            </Card>
        </Box>
    );
};
