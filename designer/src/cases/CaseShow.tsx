import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Show } from 'react-admin';
import { CaseConversation } from './CaseConversation';
import { CaseNotes } from './CaseNotes';
import { CaseSummary } from './CaseSummary';
import { CaseTimeline } from './CaseTimeline';
import { ReplyPanel } from './ReplyPanel';

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
    <Card variant="outlined">
        <CardContent>
            <Typography variant="subtitle1" gutterBottom>
                {title}
            </Typography>
            {children}
        </CardContent>
    </Card>
);

export const CaseShow = () => (
    <Show component="div">
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, gap: 2, alignItems: 'start' }}>
            <Box sx={{ display: 'grid', gap: 2 }}>
                <Card variant="outlined">
                    <CardContent>
                        <CaseSummary />
                    </CardContent>
                </Card>
                <Section title="Conversation">
                    <CaseConversation />
                </Section>
                <ReplyPanel />
            </Box>
            <Box sx={{ display: 'grid', gap: 2 }}>
                <Section title="Notes">
                    <CaseNotes />
                </Section>
                <Section title="Timeline">
                    <CaseTimeline />
                </Section>
            </Box>
        </Box>
    </Show>
);

export default CaseShow;
