import Chip from '@mui/material/Chip';
import { DataTable, DateField, List, useRecordContext } from 'react-admin';
import type { Flow } from '../types';

const Column = DataTable.Col<Flow>;

const ActiveChip = () => {
    const record = useRecordContext<Flow>();
    return record?.active ? (
        <Chip size="small" color="success" label="Active" data-testid="flow-active" />
    ) : (
        <Chip size="small" variant="outlined" label="Inactive" />
    );
};

/** Every published version, newest first, the active one marked; a row opens the version (activate, roll back). */
export const FlowList = () => (
    <List<Flow> sort={{ field: 'published_at', order: 'DESC' }} perPage={25}>
        <DataTable<Flow> rowClick="show" bulkActionButtons={false}>
            <Column source="name" />
            {/* The version is the content hash, computed by the API: not sortable. */}
            <Column source="version" disableSort />
            <Column source="active" label="Status">
                <ActiveChip />
            </Column>

            <Column source="published_at" label="Published">
                <DateField source="published_at" showTime emptyText="—" />
            </Column>
        </DataTable>
    </List>
);

export default FlowList;
