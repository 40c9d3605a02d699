import { DataTable, EmailField, FunctionField, List } from 'react-admin';
import { formatDuration } from '../cases/format';
import type { Expert } from '../types';
import { ActiveChip } from './ActiveChip';

const Column = DataTable.Col<Expert>;

export const ExpertList = () => (
    <List<Expert> sort={{ field: 'name', order: 'ASC' }} perPage={25}>
        <DataTable<Expert> rowClick="show" bulkActionButtons={false}>
            <Column source="name" />
            <Column source="email">
                <EmailField source="email" />
            </Column>
            <Column source="department" />
            <Column source="response_seconds" label="Answers within">
                <FunctionField<Expert> render={record => formatDuration(record.response_seconds)} />
            </Column>
            <Column source="active">
                <ActiveChip />
            </Column>
        </DataTable>
    </List>
);

export default ExpertList;
