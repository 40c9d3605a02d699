import {
    DataTable,
    DateField,
    FunctionField,
    List,
    NullableBooleanInput,
    ReferenceInput,
    SearchInput,
    SelectInput,
    TextField,
} from 'react-admin';
import { formatDuration } from '../cases/format';
import type { Conversation } from '../types';
import { ActionableChip } from './ActionableChip';
import { SourceLink } from './SourceLink';

const Column = DataTable.Col<Conversation>;

const conversationFilters = [
    <SearchInput key="q" source="q" alwaysOn placeholder="Customer" />,
    <ReferenceInput key="source" source="source" reference="sources" sort={{ field: 'name', order: 'ASC' }} perPage={100} alwaysOn>
        <SelectInput label="Source" optionText="name" />
    </ReferenceInput>,
    <NullableBooleanInput key="actionable" source="actionable" alwaysOn />,
];

export const ConversationList = () => (
    <List<Conversation> filters={conversationFilters} sort={{ field: 'last_at', order: 'DESC' }} perPage={25}>
        <DataTable<Conversation> rowClick="show" bulkActionButtons={false}>
            <Column source="source">
                <SourceLink />
            </Column>
            <Column source="customer">
                <TextField source="customer" emptyText="—" data-testid="conversation-customer" />
            </Column>
            <Column source="first_at" label="First">
                <DateField source="first_at" showTime />
            </Column>
            <Column source="last_at" label="Last">
                <DateField source="last_at" showTime />
            </Column>
            <DataTable.NumberCol source="inbound_count" label="In" />
            <DataTable.NumberCol source="outbound_count" label="Out" />
            <Column source="first_response_seconds" label="First response">
                <FunctionField<Conversation>
                    render={record => formatDuration(record.first_response_seconds)}
                    data-testid="conversation-first-response"
                />
            </Column>
            <Column source="actionable">
                <ActionableChip />
            </Column>
        </DataTable>
    </List>
);

export default ConversationList;
