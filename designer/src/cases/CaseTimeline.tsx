import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { DateField, RecordContextProvider, ReferenceManyField, useListContext } from 'react-admin';
import { JsonBlock } from '../common/JsonBlock';
import type { CaseEvent } from '../types';
import { ActorName } from './ActorName';
import { EventExplanation } from './explain/EventExplanation';
import { explainEvent, flowVersionOf } from './explain/explanations';
import { evidenceRules } from './explain/ruleParts';
import { RuleTraces } from './explain/RuleTraces';
import { useFlowDocument } from './explain/useFlowDocument';
import { humanize } from './format';

const KIND_COLORS: Record<string, 'default' | 'info' | 'primary' | 'warning' | 'error' | 'success'> = {
    triaged: 'info',
    assigned: 'primary',
    sla_breached: 'error',
    replied: 'success',
    auto_replied: 'info',
    auto_reply_failed: 'warning',
    closed: 'default',
};

const TimelineEntry = ({ event }: { event: CaseEvent }) => {
    const [open, setOpen] = useState(false);
    const hasDetail = event.detail && Object.keys(event.detail).length > 0;
    // Conditions read as written once the flow version is loaded; as the trace saw them until then.
    const flow = useFlowDocument(flowVersionOf(event.detail));
    const explanation = explainEvent(event, flow);
    const rules = hasDetail ? evidenceRules(event.detail) : [];
    return (
        <RecordContextProvider value={event}>
            <Box component="li" data-testid="case-event" data-kind={event.kind} sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                    <Chip size="small" color={KIND_COLORS[event.kind] ?? 'default'} label={humanize(event.kind)} />
                    <Typography variant="caption" color="text.secondary" component="span">
                        <DateField source="at" showTime sx={{ fontSize: 'inherit', color: 'inherit' }} /> by{' '}
                        <ActorName actor={event.actor} />
                    </Typography>
                    {hasDetail && (
                        <Button
                            size="small"
                            onClick={() => setOpen(value => !value)}
                            sx={{ ml: 'auto' }}
                            data-testid="case-event-evidence-toggle"
                        >
                            {open ? 'Hide evidence' : 'Show evidence'}
                        </Button>
                    )}
                </Box>
                {explanation && <EventExplanation explanation={explanation} />}
                {hasDetail && (
                    <Collapse in={open} unmountOnExit>
                        <Box sx={{ mt: 1, display: 'grid', gap: 1 }}>
                            {rules.length > 0 && <RuleTraces rules={rules} flow={flow} />}
                            <JsonBlock value={event.detail} testId="case-event-detail" />
                        </Box>
                    </Collapse>
                )}
            </Box>
        </RecordContextProvider>
    );
};

const Entries = () => {
    const { data, isPending } = useListContext<CaseEvent>();
    if (isPending) return null;
    if (!data?.length) {
        return (
            <Typography variant="body2" color="text.secondary">
                No events recorded.
            </Typography>
        );
    }
    return (
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {data.map(event => (
                <TimelineEntry key={event.id} event={event} />
            ))}
        </Box>
    );
};

/** The audit trail of a case: every decision explained, with the evidence it was made on one click away. */
export const CaseTimeline = () => (
    <Box data-testid="case-timeline">
        <ReferenceManyField<CaseEvent> reference="case_events" target="case_id" sort={{ field: 'at', order: 'ASC' }} perPage={500}>
            <Entries />
        </ReferenceManyField>
    </Box>
);

export default CaseTimeline;
