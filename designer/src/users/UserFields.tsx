import {
    PasswordInput,
    ReferenceArrayInput,
    required,
    SelectArrayInput,
    SelectInput,
    TextInput,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { Role } from '../auth/access';
import { needsTeam, ROLE_SUMMARIES, roleChoices } from './userForm';

/** Said under the role: what the picked role may do. */
const RoleInput = ({ readOnly }: { readOnly?: boolean }) => {
    const role = useWatch({ name: 'role' }) as Role | undefined;
    return (
        <SelectInput
            source="role"
            choices={roleChoices}
            validate={required()}
            readOnly={readOnly}
            helperText={
                readOnly
                    ? 'You cannot change your own role; another admin can'
                    : role
                      ? `${roleChoices.find(choice => choice.id === role)?.name ?? role}: ${ROLE_SUMMARIES[role] ?? ''}`
                      : 'What they may do'
            }
            slotProps={{ htmlInput: { 'data-testid': 'user-role-input' } }}
        />
    );
};

const TeamsInput = () => {
    const role = useWatch({ name: 'role' }) as string | undefined;
    return (
        <ReferenceArrayInput source="teams" reference="teams" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
            <SelectArrayInput
                optionText="name"
                label="Teams"
                helperText={
                    needsTeam(role)
                        ? 'An agent works for a team: pick at least one'
                        : "Whose cases they see and work; none: every team's"
                }
                sx={{ minWidth: 280 }}
                data-testid="user-teams-input"
            />
        </ReferenceArrayInput>
    );
};

/** The fields both user forms have: name, role and teams. */
export const UserFields = ({ ownAccount = false }: { ownAccount?: boolean }) => (
    <>
        <TextInput source="name" helperText="As colleagues see it" slotProps={{ htmlInput: { 'data-testid': 'user-name-input' } }} />
        <RoleInput readOnly={ownAccount} />
        <TeamsInput />
    </>
);

/** A password the API checks against its policy (length, the common breached list, the email). */
export const UserPasswordInput = ({ creating }: { creating: boolean }) => (
    <PasswordInput
        source="password"
        label={creating ? 'Password' : 'New password'}
        validate={creating ? required() : undefined}
        helperText={
            creating
                ? 'Their first password: long, not a common breached one, not their email'
                : 'Leave empty to keep the current one; a new one must be long, not a common breached one, not their email'
        }
        slotProps={{ htmlInput: { 'data-testid': 'user-password-input', autoComplete: 'new-password' } }}
    />
);
