import Typography from '@mui/material/Typography';
import { DataTable, DateField, List, ReferenceField, useRecordContext } from 'react-admin';
import { TagChips } from '../common/TagChips';
import type { Case } from '../types';
import { caseFilters } from './caseFilters';
import { CaseStatusChip } from './CaseStatusChip';
import { PriorityChip } from './PriorityChip';
import { SlaDue } from './SlaDue';

const Column = DataTable.Col<Case>;

const SubjectField = () => {
    const record = useRecordContext<Case>();
    if (!record) return null;
    return (
        <Typography variant="body2" data-testid="case-subject" sx={{ maxWidth: 420 }} noWrap title={record.subject}>
            {record.subject}
        </Typography>
    );
};

export const CaseList = () => (
    <List<Case> filters={caseFilters} sort={{ field: 'opened_at', order: 'DESC' }} perPage={25}>
        <DataTable<Case> rowClick="show" bulkActionButtons={false}>
            <Column source="status" label="Status">
                <CaseStatusChip />
            </Column>
            <Column source="priority" label="Priority">
                <PriorityChip />
            </Column>
            <Column source="author" />
            <Column source="subject" disableSort>
                <SubjectField />
            </Column>
            <Column source="tags" disableSort>
                <TagChips />
            </Column>
            <Column source="assignee_id" label="Assignee">
                <ReferenceField source="assignee_id" reference="agents" link={false} emptyText="Unassigned" />
            </Column>
            <Column source="sla_due_at" label="SLA due">
                <SlaDue />
            </Column>
            <Column source="opened_at" label="Opened">
                <DateField source="opened_at" showTime />
            </Column>
        </DataTable>
    </List>
);

export default CaseList;
