import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { DateField, ReferenceField, useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import { Fact } from '../common/Fact';
import { TagChips } from '../common/TagChips';
import { ExpertLinkButton } from '../experts/ExpertLinkDialog';
import type { Case } from '../types';
import { CaseStatusChip } from './CaseStatusChip';
import { formatDuration, formatSentiment, sentimentTone, slaOutcomeList, slaTargets } from './format';
import { PriorityChip } from './PriorityChip';
import { SlaDue, SlaTargetChip } from './SlaDue';

const SENTIMENT_COLORS = { negative: 'error.main', neutral: 'text.primary', positive: 'success.main' } as const;

const SlaFact = () => (
    <Fact label="SLA due" testId="case-sla">
        <SlaDue />
    </Fact>
);

/** While the case is open, each SLA target's clock: running with its due time, paused, met or breached. */
const SlaTargetsFact = ({ record }: { record: Case }) => {
    const targets = slaTargets(record);
    if (record.status === 'closed' || targets.length === 0) return null;
    return (
        <Fact label="SLA targets" testId="case-sla-targets">
            {targets.map(({ target, label, state, dueAt }) => (
                <SlaTargetChip key={target} label={label} state={state} dueAt={dueAt} />
            ))}
        </Fact>
    );
};

/**
 * The expert consulted last; whoever may work the case can copy the link to their request (a token the API
 * makes each time), to send it to them again.
 */
const ExpertFact = ({ record }: { record: Case }) => {
    const canWork = useCan('cases', 'work', record);
    if (!record.expert_id) return null;
    const requestId = record.expert_request_id;
    return (
        <Fact label={record.status === 'with_expert' ? 'With expert' : 'Expert consulted'} testId="case-expert">
            <ReferenceField source="expert_id" reference="experts" empty={record.expert_id} />
            {requestId && canWork && <ExpertLinkButton requestId={requestId} />}
        </Fact>
    );
};

/** Met, breached or closed without a response, per SLA target, known once the case is closed. */
const SlaOutcomesFact = ({ record }: { record: Case }) => {
    const outcomes = slaOutcomeList(record.sla_outcomes);
    if (record.status !== 'closed' || outcomes.length === 0) return null;
    return (
        <Fact label="SLA outcomes" testId="case-sla-outcomes">
            {outcomes.map(({ target, label, outcome }) => (
                <SlaTargetChip key={target} label={label} state={outcome} />
            ))}
        </Fact>
    );
};

const timesLabel = (count: number) => (count === 0 ? 'Never' : count === 1 ? 'Once' : `${count} times`);

/** The case's details under its header (CaseHeader): state, who, how urgent and how fast so far. */
export const CaseSummary = () => {
    const record = useRecordContext<Case>();
    if (!record) return null;
    return (
        <Box>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
                <Fact label="Status">
                    <CaseStatusChip size="medium" data-testid="case-show-status" />
                </Fact>
                <Fact label="Priority">
                    <PriorityChip size="medium" />
                    {record.needs_response && <Chip size="small" label="Needs response" />}
                </Fact>
                <Fact label="Assignee">
                    <ReferenceField source="assignee_id" reference="agents" emptyText="Unassigned" />
                </Fact>
                <Fact label="Team">
                    <ReferenceField source="team_id" reference="teams" emptyText="—" />
                </Fact>
                <ExpertFact record={record} />
                <SlaFact />
                <Fact label="SLA policy" testId="case-sla-policy">
                    {record.sla_policy ?? 'None'}
                </Fact>
                <SlaTargetsFact record={record} />
                <SlaOutcomesFact record={record} />
                <Fact label="Sentiment" testId="case-sentiment">
                    <Box component="span" sx={{ color: SENTIMENT_COLORS[sentimentTone(record.sentiment)] }}>
                        {formatSentiment(record.sentiment)}
                    </Box>
                </Fact>
                <Fact label="Opened">
                    <DateField source="opened_at" showTime />
                </Fact>
                <Fact label="First response" testId="case-first-response">
                    {formatDuration(record.first_response_seconds)}
                </Fact>
                <Fact label="Resolution time" testId="case-resolution">
                    {formatDuration(record.resolution_seconds)}
                </Fact>
                <Fact label="Handle time" testId="case-handle-time">
                    {formatDuration(record.handle_seconds)}
                </Fact>
                <Fact label="Reopened" testId="case-reopen-count">
                    {timesLabel(record.reopen_count ?? 0)}
                </Fact>
                <Fact label="Flow version">
                    <Box component="code" title={record.flow_version}>
                        {record.flow_version?.slice(0, 12)}
                    </Box>
                </Fact>
            </Box>
            <Box sx={{ mt: 2 }}>
                <TagChips />
            </Box>
        </Box>
    );
};

export default CaseSummary;
