import Typography from '@mui/material/Typography';
import { DataTable, DateField, List, ReferenceField, SearchInput, TextInput, useRecordContext } from 'react-admin';
import type { Mention } from '../types';
import { DirectionChip } from './DirectionChip';

const Column = DataTable.Col<Mention>;

const mentionFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <TextInput key="source" source="source" />,
    <TextInput key="conversation_id" source="conversation_id" label="Conversation" />,
];

const TextPreview = () => {
    const record = useRecordContext<Mention>();
    if (!record) return null;
    return (
        <Typography variant="body2" noWrap sx={{ maxWidth: 480 }} title={record.text}>
            {record.text}
        </Typography>
    );
};

export const MentionList = () => (
    <List<Mention> filters={mentionFilters} sort={{ field: 'created_at', order: 'DESC' }} perPage={25}>
        <DataTable<Mention> rowClick="show" bulkActionButtons={false}>
            <Column source="created_at" label="Created">
                <DateField source="created_at" showTime />
            </Column>
            <Column source="direction">
                <DirectionChip />
            </Column>
            <Column source="source" />
            <Column source="author" />
            <Column source="customer_id" label="Customer" disableSort>
                <ReferenceField source="customer_id" reference="customers" link="show" emptyText="—" />
            </Column>
            <Column source="text" disableSort>
                <TextPreview />
            </Column>
            <Column source="case_id" label="Case">
                <ReferenceField source="case_id" reference="cases" link="show" emptyText="—" />
            </Column>
        </DataTable>
    </List>
);

export default MentionList;
