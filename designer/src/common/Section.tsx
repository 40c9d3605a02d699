import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** An outlined card on a show page, under a title when it has one. */
export const Section = ({ title, children, testId }: { title?: string; children: ReactNode; testId?: string }) => (
    <Card variant="outlined" data-testid={testId}>
        <CardContent>
            {title && (
                <Typography variant="subtitle1" gutterBottom>
                    {title}
                </Typography>
            )}
            {children}
        </CardContent>
    </Card>
);

export default Section;
