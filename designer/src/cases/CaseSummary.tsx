import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { DateField, ReferenceField, useRecordContext } from 'react-admin';
import { Fact } from '../common/Fact';
import { TagChips } from '../common/TagChips';
import type { Case } from '../types';
import { CaseStatusChip } from './CaseStatusChip';
import { formatDuration, formatSentiment, sentimentTone, slaState } from './format';
import { PriorityChip } from './PriorityChip';

const SENTIMENT_COLORS = { negative: 'error.main', neutral: 'text.primary', positive: 'success.main' } as const;

const SlaFact = ({ record }: { record: Case }) => {
    const state = slaState(record);
    return (
        <Fact label="SLA due" testId="case-sla">
            {record.sla_due_at ? <DateField source="sla_due_at" showTime /> : '—'}
            {state === 'breached' && <Chip size="small" color="error" label="Breached" />}
            {state === 'met' && <Chip size="small" color="success" variant="outlined" label="Met" />}
        </Fact>
    );
};

/** Header of the case page: who, what state, how urgent and how fast so far. */
export const CaseSummary = () => {
    const record = useRecordContext<Case>();
    if (!record) return null;
    return (
        <Box>
            <Typography variant="h6" gutterBottom>
                {record.subject}
            </Typography>
            <Typography variant="body2" color="text.secondary" gutterBottom>
                {record.author} on {record.source} · {record.mention_count} mention{record.mention_count === 1 ? '' : 's'}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, mt: 2 }}>
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
                <SlaFact record={record} />
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
