import { DataTable, List, NullableBooleanInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import type { Conversation } from '../types';
import { conversationColumns } from './conversationColumns';

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
            {conversationColumns({
                customerTestId: 'conversation-customer',
                firstResponseTestId: 'conversation-first-response',
            })}
        </DataTable>
    </List>
);

export default ConversationList;
