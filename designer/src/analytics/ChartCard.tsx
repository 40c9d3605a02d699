import DownloadIcon from '@mui/icons-material/Download';
import ImageIcon from '@mui/icons-material/Image';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import LinearProgress from '@mui/material/LinearProgress';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useRef } from 'react';
import type { ReactNode } from 'react';
import { saveFile } from '../common/saveFile';
import { exportPng } from './chartExport';
import { toCsv } from './shaping';
import type { ChartRow } from './shaping';

interface ChartCardProps {
    /** The file names' stem and the test id: `chart-<id>`. */
    id: string;
    title: string;
    subtitle?: string;
    rows: ChartRow[];
    /** The CSV's columns: row key -> header. */
    columns: Record<string, string>;
    loading?: boolean;
    error?: string | null;
    children: ReactNode;
}

/** A chart with its title and its exports: the data it shows as CSV, the picture as PNG. */
export const ChartCard = ({ id, title, subtitle, rows, columns, loading, error, children }: ChartCardProps) => {
    const chart = useRef<HTMLDivElement>(null);
    // Days with no figure at all (no case answered, none closed): nothing to draw, said in words.
    const empty = !loading && !error && rows.every(row => Object.entries(row).every(([key, value]) => key === 'key' || value == null));
    return (
        <Card variant="outlined" data-testid={`chart-${id}`} sx={{ height: '100%', minWidth: 0 }}>
            <CardContent sx={{ pb: 1 }}>
                <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, flexWrap: 'wrap' }}>
                    <Box sx={{ flex: '1 1 12rem', minWidth: 0 }}>
                        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                            {title}
                        </Typography>
                        {subtitle && (
                            <Typography variant="caption" color="text.secondary">
                                {subtitle}
                            </Typography>
                        )}
                    </Box>
                    <Box sx={{ display: 'flex', gap: 0.5 }}>
                        <Button
                            size="small"
                            startIcon={<DownloadIcon />}
                            disabled={loading || rows.length === 0}
                            onClick={() => saveFile(`${id}.csv`, toCsv(rows, columns), 'text/csv')}
                            aria-label={`Export ${title} as CSV`}
                        >
                            CSV
                        </Button>
                        <Button
                            size="small"
                            startIcon={<ImageIcon />}
                            disabled={loading || empty || rows.length === 0}
                            onClick={() => void exportPng(chart.current, id)}
                            aria-label={`Export ${title} as PNG`}
                        >
                            PNG
                        </Button>
                    </Box>
                </Box>
                <Box ref={chart} sx={{ height: 260, mt: 1, position: 'relative' }}>
                    {loading ? (
                        <LinearProgress aria-label={`Loading ${title}`} sx={{ mt: 12, mx: 4 }} />
                    ) : error ? (
                        <Typography color="error" variant="body2" role="alert">
                            {error}
                        </Typography>
                    ) : empty ? (
                        <Typography color="text.secondary" variant="body2" sx={{ pt: 10, textAlign: 'center' }}>
                            Nothing in this period
                        </Typography>
                    ) : (
                        children
                    )}
                </Box>
            </CardContent>
        </Card>
    );
};
