import Box from '@mui/material/Box';
import { Show, useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import { Section } from '../common/Section';
import type { Case } from '../types';
import { CaseConversation } from './CaseConversation';
import { CaseCustomerPanel } from './CaseCustomerPanel';
import { CaseDrafts } from './CaseDrafts';
import { CaseHeader } from './CaseHeader';
import { CaseHistoryLinks } from './CaseHistoryLinks';
import { CaseNotes } from './CaseNotes';
import { CaseSummary } from './CaseSummary';
import { CaseTimeline } from './CaseTimeline';
import { truncateWords } from './format';
import { ReplyPanel } from './ReplyPanel';

/** The page's title in the app bar: the subject cut between words, the whole of it on hover. */
const CaseTitle = () => {
    const record = useRecordContext<Case>();
    if (!record) return null;
    const subject = record.subject || record.id;
    return (
        <span title={subject} data-testid="case-page-title">
            {truncateWords(subject, 36)}
        </span>
    );
};

/** The composer belongs to one case: keyed by its id, its text and state start afresh on the next case opened. */
export const CaseComposer = () => {
    const record = useRecordContext<Case>();
    return record ? <ReplyPanel key={record.id} /> : null;
};

/**
 * The case workspace: its header (subject, status, SLA clocks, holder with claim / release / take over, viewers)
 * across the page; the conversation, held replies and the composer; beside them (below on narrow screens) the
 * customer, the notes, the related cases and the timeline.
 */
export const CaseShow = () => {
    // The audit trail (case_events) needs audit:read.
    const canAudit = useCan('case_events', 'list');
    return (
        <Show component="div" title={<CaseTitle />}>
            <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
                <Section>
                    <CaseHeader />
                </Section>
                <Box
                    sx={{
                        display: 'grid',
                        gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(320px, 2fr)' },
                        gap: 2,
                        alignItems: 'start',
                    }}
                >
                    <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
                        <Section title="Conversation">
                            <CaseConversation />
                        </Section>
                        <CaseDrafts />
                        <CaseComposer />
                        <Section title="Details">
                            <CaseSummary />
                        </Section>
                    </Box>
                    <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
                        <CaseCustomerPanel />
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
            </Box>
        </Show>
    );
};

export default CaseShow;
