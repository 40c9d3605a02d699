import { DataTable, EmailField, List, ReferenceField } from 'react-admin';
import type { Agent } from '../types';
import { OnlineChip } from './OnlineChip';

const Column = DataTable.Col<Agent>;

export const AgentList = () => (
    <List<Agent> sort={{ field: 'name', order: 'ASC' }} perPage={25}>
        <DataTable<Agent> rowClick="show" bulkActionButtons={false}>
            <Column source="name" />
            <Column source="email">
                <EmailField source="email" />
            </Column>
            <Column source="team_id" label="Team">
                <ReferenceField source="team_id" reference="teams" />
            </Column>
            <Column source="online">
                <OnlineChip />
            </Column>
            {/* Computed by the API, not a sortable column. */}
            <DataTable.NumberCol source="open_cases" label="Open cases" disableSort />
        </DataTable>
    </List>
);

export default AgentList;
