import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { DataTable, List, NullableBooleanInput, ReferenceInput, SearchInput, SelectInput, SimpleList } from 'react-admin';
import type { Conversation } from '../types';
import { conversationColumns } from './conversationColumns';

const conversationFilters = [
    <SearchInput key="q" source="q" alwaysOn placeholder="Customer" />,
    <ReferenceInput key="source" source="source" reference="sources" sort={{ field: 'name', order: 'ASC' }} perPage={100} alwaysOn>
        <SelectInput label="Source" optionText="name" />
    </ReferenceInput>,
    <NullableBooleanInput key="actionable" source="actionable" alwaysOn />,
];

/** Conversations, latest first; below 1200 px without the first message's time and counts, a simple list below 900 px. */
export const ConversationList = () => {
    const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
    const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'), { defaultMatches: true });
    return (
        <List<Conversation> filters={conversationFilters} sort={{ field: 'last_at', order: 'DESC' }} perPage={25}>
            {narrow ? (
                <SimpleList<Conversation>
                    primaryText={record => record.customer || '—'}
                    secondaryText={record => `${record.source} · ${record.actionable ? 'actionable' : 'not actionable'}`}
                    tertiaryText={record => (record.last_at ? new Date(record.last_at).toLocaleString() : '')}
                    linkType="show"
                />
            ) : (
                <DataTable<Conversation> rowClick="show" bulkActionButtons={false}>
                    {conversationColumns({
                        customerTestId: 'conversation-customer',
                        firstResponseTestId: 'conversation-first-response',
                        compact: !wide,
                    })}
                </DataTable>
            )}
        </List>
    );
};

export default ConversationList;
