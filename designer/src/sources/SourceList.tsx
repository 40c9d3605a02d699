import type { Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import {
    DataTable,
    DateField,
    FunctionField,
    List,
    NullableBooleanInput,
    SearchInput,
    SelectInput,
    SimpleList,
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

/** Sources with their state; below 1200 px without the last poll and the failure count, a simple list on a phone. */
export const SourceList = () => {
    const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
    const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'), { defaultMatches: true });
    const medium = useMediaQuery((theme: Theme) => theme.breakpoints.up('md'), { defaultMatches: true });
    return (
        <List<Source> filters={sourceFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
            {phone ? (
                <SimpleList<Source>
                    primaryText={record => record.name || record.id}
                    secondaryText={record => `${kindLabel(record.kind)} · ${record.enabled ? 'enabled' : 'disabled'}`}
                    linkType="show"
                />
            ) : (
                <DataTable<Source> rowClick="show" bulkActionButtons={false}>
                    <Column source="name">
                        <NameField />
                    </Column>
                    {medium && (
                        <Column source="kind">
                            <FunctionField<Source> render={record => kindLabel(record.kind)} />
                        </Column>
                    )}
                    <Column source="enabled">
                        <EnabledChip />
                    </Column>
                    <Column source="healthy" label="Health">
                        <SourceHealthChip />
                    </Column>
                    {wide && (
                        <Column source="last_polled_at" label="Last polled">
                            <LastPolled />
                        </Column>
                    )}
                    {wide && <DataTable.NumberCol source="consecutive_failures" label="Failures in a row" />}
                </DataTable>
            )}
        </List>
    );
};

export default SourceList;
