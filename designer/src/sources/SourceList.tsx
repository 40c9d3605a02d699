import Typography from '@mui/material/Typography';
import {
    DataTable,
    DateField,
    FunctionField,
    List,
    NullableBooleanInput,
    SearchInput,
    SelectInput,
    useRecordContext,
} from 'react-admin';
import type { Source } from '../types';
import { EnabledChip } from './EnabledChip';
import { SourceHealthChip } from './SourceHealthChip';
import { kindChoices, kindLabel } from './sourceForm';

const Column = DataTable.Col<Source>;

const sourceFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />,
    <NullableBooleanInput key="healthy" source="healthy" alwaysOn />,
    <NullableBooleanInput key="enabled" source="enabled" />,
];

const NameField = () => {
    const record = useRecordContext<Source>();
    if (!record) return null;
    return (
        <>
            <Typography variant="body2" data-testid="source-name">
                {record.name || record.id}
            </Typography>
            {record.name && record.name !== record.id && (
                <Typography variant="caption" color="text.secondary">
                    {record.id}
                </Typography>
            )}
        </>
    );
};

/** Webhooks and file imports push their mentions: they have no poll time. */
const LastPolled = () => {
    const record = useRecordContext<Source>();
    if (!record) return null;
    if (!record.polls) {
        return (
            <Typography variant="body2" color="text.secondary">
                Not polled
            </Typography>
        );
    }
    return <DateField source="last_polled_at" showTime emptyText="Never" />;
};

export const SourceList = () => (
    <List<Source> filters={sourceFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
        <DataTable<Source> rowClick="show" bulkActionButtons={false}>
            <Column source="name">
                <NameField />
            </Column>
            <Column source="kind">
                <FunctionField<Source> render={record => kindLabel(record.kind)} />
            </Column>
            <Column source="enabled">
                <EnabledChip />
            </Column>
            <Column source="healthy" label="Health">
                <SourceHealthChip />
            </Column>
            <Column source="last_polled_at" label="Last polled">
                <LastPolled />
            </Column>
            <DataTable.NumberCol source="consecutive_failures" label="Failures in a row" />
        </DataTable>
    </List>
);

export default SourceList;
