import Box from '@mui/material/Box';
import { Show } from 'react-admin';
import { useCan } from '../auth/useCan';
import { Section } from '../common/Section';
import { CaseConversation } from './CaseConversation';
import { CaseDrafts } from './CaseDrafts';
import { CaseHistoryLinks } from './CaseHistoryLinks';
import { CaseNotes } from './CaseNotes';
import { CaseSummary } from './CaseSummary';
import { CaseTimeline } from './CaseTimeline';
import { ReplyPanel } from './ReplyPanel';

export const CaseShow = () => {
    // The audit trail (case_events) needs audit:read.
    const canAudit = useCan('case_events', 'list');
    return (
        <Show component="div">
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, gap: 2, alignItems: 'start' }}>
                <Box sx={{ display: 'grid', gap: 2 }}>
                    <Section>
                        <CaseSummary />
                    </Section>
                    <Section title="Conversation">
                        <CaseConversation />
                    </Section>
                    <CaseDrafts />
                    <ReplyPanel />
                </Box>
                <Box sx={{ display: 'grid', gap: 2 }}>
                    <Section title="Notes">
                        <CaseNotes />
                    </Section>
                    <CaseHistoryLinks />
                    {canAudit && (
                        <Section title="Timeline">
                            <CaseTimeline />
                        </Section>
                    )}
                </Box>
            </Box>
        </Show>
    );
};

export default CaseShow;
