import { DataTable, DateField, ReferenceManyField } from 'react-admin';
import { CaseStatusChip } from './CaseStatusChip';
import { PriorityChip } from './PriorityChip';
import type { Case } from '../types';

const Column = DataTable.Col<Case>;

/** The cases pointing at the current record through `target` (assignee_id, team_id). */
export const RelatedCases = ({ target, label = 'Cases' }: { target: 'assignee_id' | 'team_id'; label?: string }) => (
    <ReferenceManyField<Case>
        label={label}
        reference="cases"
        target={target}
        sort={{ field: 'opened_at', order: 'DESC' }}
        perPage={10}
    >
        <DataTable<Case> rowClick="show" bulkActionButtons={false}>
            <Column source="status">
                <CaseStatusChip />
            </Column>
            <Column source="priority">
                <PriorityChip />
            </Column>
            <Column source="subject" />
            <Column source="opened_at" label="Opened">
                <DateField source="opened_at" showTime />
            </Column>
        </DataTable>
    </ReferenceManyField>
);

export default RelatedCases;
