import Chip from '@mui/material/Chip';
import type { Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import {
    ChipField,
    CreateButton,
    DataTable,
    DateField,
    List,
    NullableBooleanInput,
    ReferenceArrayField,
    SearchInput,
    SelectInput,
    SingleFieldList,
    TopToolbar,
    useRecordContext,
} from 'react-admin';
import type { User } from '../types';
import { RoleChip } from './RoleChip';
import { roleChoices } from './userForm';

const Column = DataTable.Col<User>;

const userFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
    <NullableBooleanInput key="disabled" source="disabled" alwaysOn />,
];

const EmailField = () => {
    const record = useRecordContext<User>();
    if (!record) return null;
    return (
        <Typography variant="body2" data-testid="user-email">
            {record.email}
        </Typography>
    );
};

/** The teams whose cases the user sees; none: every team. */
const TeamsField = () => {
    const record = useRecordContext<User>();
    if (!record) return null;
    if (!record.teams?.length) {
        return (
            <Typography variant="body2" color="text.secondary" data-testid="user-teams">
                All teams
            </Typography>
        );
    }
    return (
        <span data-testid="user-teams">
            <ReferenceArrayField source="teams" reference="teams">
                <SingleFieldList linkType={false}>
                    <ChipField source="name" size="small" />
                </SingleFieldList>
            </ReferenceArrayField>
        </span>
    );
};

const DisabledChip = (_props: { label?: string }) => {
    const record = useRecordContext<User>();
    if (!record) return null;
    return record.disabled ? (
        <Chip size="small" color="warning" label="Disabled" data-testid="user-disabled" data-disabled="true" />
    ) : (
        <Chip size="small" color="success" variant="outlined" label="Active" data-testid="user-disabled" data-disabled="false" />
    );
};

const SecondFactorChip = (_props: { label?: string }) => {
    const record = useRecordContext<User>();
    if (!record) return null;
    return (
        <Chip
            size="small"
            variant="outlined"
            color={record.second_factor ? 'success' : 'default'}
            label={record.second_factor ? 'On' : 'Off'}
            data-testid="user-second-factor"
            data-on={record.second_factor ? 'true' : 'false'}
        />
    );
};

const ListActions = () => (
    <TopToolbar>
        <CreateButton label="New user" data-testid="user-create" />
    </TopToolbar>
);

/** Everyone who logs in (admins only): a row opens the user to change their role, teams, password or access. Below
 * 1200 px the teams and second factor go, below 900 px the name and last login. */
export const UserList = () => {
    const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'), { defaultMatches: true });
    const medium = useMediaQuery((theme: Theme) => theme.breakpoints.up('md'), { defaultMatches: true });
    return (
        <List<User> filters={userFilters} sort={{ field: 'email', order: 'ASC' }} perPage={25} actions={<ListActions />}>
            <DataTable<User> rowClick="edit" bulkActionButtons={false}>
                <Column source="email">
                    <EmailField />
                </Column>
                {medium && <Column source="name" />}
                <Column source="role">
                    <RoleChip />
                </Column>
                {wide && (
                    <Column source="teams" disableSort>
                        <TeamsField />
                    </Column>
                )}
                <Column source="disabled" label="Access" disableSort>
                    <DisabledChip />
                </Column>
                {medium && (
                    <Column source="last_login_at" label="Last login">
                        <DateField source="last_login_at" showTime emptyText="Never" />
                    </Column>
                )}
                {wide && (
                    <Column source="second_factor" label="Second factor" disableSort>
                        <SecondFactorChip />
                    </Column>
                )}
            </DataTable>
        </List>
    );
};

export default UserList;
