import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** A small caption above a value, for header summaries. */
export const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
    <Box sx={{ minWidth: 120, maxWidth: '100%' }} data-testid={testId}>
        <Typography variant="caption" color="text.secondary" component="div">
            {label}
        </Typography>
        <Box sx={{ typography: 'body2', minHeight: 24, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.5 }}>{children}</Box>
    </Box>
);

export default Fact;
