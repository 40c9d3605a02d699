import Box from '@mui/material/Box';
import { Show } from 'react-admin';
import { Section } from '../common/Section';
import { CaseConversation } from './CaseConversation';
import { CaseNotes } from './CaseNotes';
import { CaseSummary } from './CaseSummary';
import { CaseTimeline } from './CaseTimeline';
import { ReplyPanel } from './ReplyPanel';

export const CaseShow = () => (
    <Show component="div">
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, gap: 2, alignItems: 'start' }}>
            <Box sx={{ display: 'grid', gap: 2 }}>
                <Section>
                    <CaseSummary />
                </Section>
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
