import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { CreateButton, DataTable, DateField, List, SearchInput, TopToolbar, useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import type { ApiToken } from '../types';
import { RevokeTokenButton } from './RevokeTokenButton';
import { tokenState } from './tokenForm';

const Column = DataTable.Col<ApiToken>;

const tokenFilters = [<SearchInput key="q" source="q" alwaysOn />];

const NameField = () => {
    const record = useRecordContext<ApiToken>();
    if (!record) return null;
    return (
        <>
            <Typography variant="body2" data-testid="token-name">
                {record.name}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="code">
                sbt_{record.id}_…
            </Typography>
        </>
    );
};

const ScopesField = (_props: { label?: string }) => {
    const record = useRecordContext<ApiToken>();
    if (!record) return null;
    return (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }} data-testid="token-scopes">
            {record.scopes.map(scope => (
                <Chip key={scope} size="small" variant="outlined" label={scope} data-testid="token-scope" />
            ))}
        </Box>
    );
};

const STATES = {
    active: { label: 'Active', color: 'success' },
    expired: { label: 'Expired', color: 'default' },
    revoked: { label: 'Revoked', color: 'error' },
} as const;

/** Active, expired, or revoked (and when). */
const StateField = (_props: { label?: string }) => {
    const record = useRecordContext<ApiToken>();
    if (!record) return null;
    const state = tokenState(record);
    return (
        <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5 }}>
            <Chip
                size="small"
                variant={state === 'active' ? 'outlined' : 'filled'}
                color={STATES[state].color}
                label={STATES[state].label}
                data-testid="token-state"
                data-state={state}
            />
            {record.revoked_at && <DateField source="revoked_at" showTime variant="caption" />}
        </Box>
    );
};

const ListActions = () => (
    <TopToolbar>
        <CreateButton label="New token" data-testid="token-create" />
    </TopToolbar>
);

/** One's API tokens (admins: everyone's); their secrets are never shown again. */
export const TokenList = () => {
    const seesEveryone = useCan('users', 'list');
    return (
        <List<ApiToken>
            title="API tokens"
            filters={tokenFilters}
            sort={{ field: 'created_at', order: 'DESC' }}
            perPage={25}
            actions={<ListActions />}
            empty={false}
        >
            <DataTable<ApiToken> rowClick={false} bulkActionButtons={false}>
                <Column source="name">
                    <NameField />
                </Column>
                {seesEveryone && <Column source="user_id" label="Owner" />}
                <Column source="scopes" disableSort>
                    <ScopesField />
                </Column>
                <Column source="created_at" label="Created">
                    <DateField source="created_at" showTime />
                </Column>
                <Column source="last_used_at" label="Last used">
                    <DateField source="last_used_at" showTime emptyText="Never" />
                </Column>
                <Column source="expires_at" label="Expires">
                    <DateField source="expires_at" showTime emptyText="Never" />
                </Column>
                <Column source="revoked_at" label="State" disableSort>
                    <StateField />
                </Column>
                <Column label="" disableSort>
                    <RevokeTokenButton />
                </Column>
            </DataTable>
        </List>
    );
};

export default TokenList;
