import Chip from '@mui/material/Chip';
import type { Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { DataTable, ReferenceField, ReferenceManyField, useRecordContext } from 'react-admin';
import { PriorityChip } from '../cases/PriorityChip';
import { SlaDue } from '../cases/SlaDue';
import type { Case } from '../types';
import { waitedFor } from './teamForm';
import type { TeamRecord } from './teamForm';

const Column = DataTable.Col<Case>;

/** Statuses of a case in a queue: not yet taken (open) or escalated here. */
export const QUEUE_STATUSES = ['open', 'escalated'];

const Holder = (_props: { label?: string }) => {
    const record = useRecordContext<Case>();
    if (!record) return null;
    return record.assignee_id ? (
        <ReferenceField source="assignee_id" reference="agents" link="show" />
    ) : (
        <Chip size="small" color="warning" variant="outlined" label="Waiting" data-testid="queue-waiting" />
    );
};

const Subject = (_props: { label?: string }) => {
    const record = useRecordContext<Case>();
    if (!record) return null;
    return (
        <Typography variant="body2" noWrap title={record.subject} sx={{ maxWidth: { xs: 160, md: 300, lg: 280, xl: 420 } }}>
            {record.subject || `Case ${record.id}`}
        </Typography>
    );
};

const Waited = (_props: { label?: string }) => {
    const record = useRecordContext<Case>();
    return <>{waitedFor(record?.opened_at)}</>;
};

/** The team's queue: its open and escalated cases, oldest first, with their SLA due. */
export const TeamQueue = () => {
    const team = useRecordContext<TeamRecord>();
    const medium = useMediaQuery((theme: Theme) => theme.breakpoints.up('md'), { defaultMatches: true });
    if (!team) return null;
    return (
        <ReferenceManyField<Case>
            reference="cases"
            target="team_id"
            filter={{ status: QUEUE_STATUSES }}
            sort={{ field: 'opened_at', order: 'ASC' }}
            perPage={25}
        >
            <DataTable<Case>
                rowClick="show"
                bulkActionButtons={false}
                data-testid="team-queue"
                empty={
                    <Typography variant="body2" color="text.secondary" data-testid="queue-empty">
                        Nothing waits in this queue.
                    </Typography>
                }
            >
                <Column source="subject" disableSort>
                    <Subject />
                </Column>
                {medium && (
                    <Column source="priority">
                        <PriorityChip />
                    </Column>
                )}
                {medium && (
                    <Column source="opened_at" label="Waited" disableSort>
                        <Waited />
                    </Column>
                )}
                <Column source="sla_due_at" label="SLA due">
                    <SlaDue />
                </Column>
                <Column source="assignee_id" label="Holder" disableSort>
                    <Holder />
                </Column>
            </DataTable>
        </ReferenceManyField>
    );
};

export default TeamQueue;
