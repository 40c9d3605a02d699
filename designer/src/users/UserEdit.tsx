import Link from '@mui/material/Link';
import { BooleanInput, Edit, SaveButton, SimpleForm, TextInput, Toolbar, useRecordContext } from 'react-admin';
import { useMe } from '../auth/useCan';
import type { User } from '../types';
import { ResetSecondFactorButton } from './ResetSecondFactorButton';
import { changeUserPayload } from './userForm';
import type { UserFormValues } from './userForm';
import { UserFields, UserPasswordInput } from './UserFields';

// Users are disabled, never deleted: their history stays theirs.
const EditToolbar = () => (
    <Toolbar>
        <SaveButton />
    </Toolbar>
);

/** Agents and supervisors work cases: their agent profile (same id) holds team, capacity, skills and languages. */
const AgentProfileLink = () => {
    const record = useRecordContext<User>();
    if (!record || !['agent', 'supervisor'].includes(record.role)) return null;
    return (
        <Link href={`#/agents/${encodeURIComponent(record.id)}/show`} data-testid="user-agent-link" sx={{ mb: 2 }}>
            Agent profile: capacity, skills, languages, team
        </Link>
    );
};

const UserForm = () => {
    const record = useRecordContext<User>();
    const me = useMe();
    // The API refuses an admin's disabling or demoting themselves (another admin can).
    const ownAccount = Boolean(me && record && me.id === record.id);
    return (
        <SimpleForm toolbar={<EditToolbar />}>
            <TextInput source="email" readOnly helperText="Their login; it cannot change" />
            <AgentProfileLink />
            <UserFields ownAccount={ownAccount} />
            <BooleanInput
                source="disabled"
                readOnly={ownAccount}
                helperText={
                    ownAccount
                        ? 'You cannot disable yourself; another admin can'
                        : 'A disabled user cannot log in; their sessions and API tokens stop working at once'
                }
                data-testid="user-disabled-input"
            />
            <UserPasswordInput creating={false} />
            <ResetSecondFactorButton />
        </SimpleForm>
    );
};

/** Name, role, teams, access and password (admins); pessimistic, so the API's refusals land on the fields. */
export const UserEdit = () => (
    <Edit<User>
        mutationMode="pessimistic"
        redirect="list"
        transform={(values: UserFormValues, options?: { previousData?: Partial<User> }) =>
            changeUserPayload(values, options?.previousData)
        }
    >
        <UserForm />
    </Edit>
);

export default UserEdit;
