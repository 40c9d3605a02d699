import { BooleanField, DataTable, DateField, List } from 'react-admin';
import type { Flow } from '../types';

const Column = DataTable.Col<Flow>;

export const FlowList = () => (
    <List<Flow> sort={{ field: 'published_at', order: 'DESC' }} perPage={25}>
        <DataTable<Flow> rowClick="show" bulkActionButtons={false}>
            <Column source="name" />
            {/* The version is the content hash, computed by the API: not sortable. */}
            <Column source="version" disableSort />
            <Column source="active">
                <BooleanField source="active" />
            </Column>
            <Column source="published_at" label="Published">
                <DateField source="published_at" showTime emptyText="—" />
            </Column>
        </DataTable>
    </List>
);

export default FlowList;
