import { DataTable, DateField, List, ReferenceField } from 'react-admin';
import type { FlowDraft } from '../types';

const Column = DataTable.Col<FlowDraft>;

export const FlowDraftList = () => (
    <List<FlowDraft> sort={{ field: 'updated_at', order: 'DESC' }} perPage={25}>
        <DataTable<FlowDraft> rowClick="edit" bulkActionButtons={false}>
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

export default FlowDraftList;
