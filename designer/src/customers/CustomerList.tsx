import type { Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { DataTable, DateField, FunctionField, List, SearchInput, SimpleList, useRecordContext } from 'react-admin';
import type { Customer } from '../types';

const Column = DataTable.Col<Customer>;

const customerFilters = [<SearchInput key="q" source="q" alwaysOn placeholder="Name" />];

const NameField = () => {
    const record = useRecordContext<Customer>();
    if (!record) return null;
    return (
        <Typography variant="body2" data-testid="customer-name">
            {record.name}
        </Typography>
    );
};

/** Customers (merged ones are left out: their page is reached through the customer kept); a simple list on a phone,
 * without the first-seen column below 900 px. */
export const CustomerList = () => {
    const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
    const medium = useMediaQuery((theme: Theme) => theme.breakpoints.up('md'), { defaultMatches: true });
    return (
        <List<Customer> filters={customerFilters} sort={{ field: 'last_seen_at', order: 'DESC' }} perPage={25}>
            {phone ? (
                <SimpleList<Customer>
                    primaryText={record => record.name}
                    secondaryText={record => (record.last_seen_at ? `Last seen ${new Date(record.last_seen_at).toLocaleString()}` : '')}
                    linkType="show"
                />
            ) : (
                <DataTable<Customer> rowClick="show" bulkActionButtons={false}>
                    <Column source="name">
                        <NameField />
                    </Column>
                    {medium && (
                        <Column source="first_seen_at" label="First seen">
                            <DateField source="first_seen_at" showTime />
                        </Column>
                    )}
                    <Column source="last_seen_at" label="Last seen">
                        <DateField source="last_seen_at" showTime />
                    </Column>
                    <Column source="notes" label="Notes" disableSort>
                        <FunctionField<Customer> render={record => record.notes?.length ?? 0} data-testid="customer-notes-count" />
                    </Column>
                </DataTable>
            )}
        </List>
    );
};

export default CustomerList;
