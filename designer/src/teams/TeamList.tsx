import { DataTable, List } from 'react-admin';
import type { Team } from '../types';

const Column = DataTable.Col<Team>;

export const TeamList = () => (
    <List<Team> sort={{ field: 'name', order: 'ASC' }} perPage={25}>
        <DataTable<Team> rowClick="show" bulkActionButtons={false}>
            <Column source="name" />
            <Column source="description" disableSort />
        </DataTable>
    </List>
);

export default TeamList;
