import { DataTable, DateField, List, ReferenceField } from 'react-admin';
import { useCan } from '../auth/useCan';
import type { FlowDraft } from '../types';

const Column = DataTable.Col<FlowDraft>;

/** Drafts, latest first; a row opens the editor for those who may edit flows (`flows:write`). */
export const FlowDraftList = () => {
    const canEdit = useCan('flow_drafts', 'edit');
    return (
        <List<FlowDraft> sort={{ field: 'updated_at', order: 'DESC' }} perPage={25}>
            <DataTable<FlowDraft> rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
                <Column source="name" />
                <Column source="based_on" label="Based on" disableSort>
                    <ReferenceField source="based_on" reference="flows" link="show" emptyText="—" />
                </Column>
                <Column source="updated_at" label="Updated">
                    <DateField source="updated_at" showTime emptyText="—" />
                </Column>
            </DataTable>
        </List>
    );
};

export default FlowDraftList;
