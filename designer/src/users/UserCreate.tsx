import { Create, email, required, SimpleForm, TextInput } from 'react-admin';
import { createUserPayload } from './userForm';
import { UserFields, UserPasswordInput } from './UserFields';

/**
 * A new user (admins): the API checks the password's policy, the email's uniqueness and the teams, and each
 * refusal shows on its field.
 */
export const UserCreate = () => (
    <Create transform={createUserPayload} redirect="list">
        <SimpleForm defaultValues={{ role: 'agent', teams: [] }}>
            <TextInput
                source="email"
                validate={[required(), email()]}
                helperText="Their login; it cannot change later"
                slotProps={{ htmlInput: { 'data-testid': 'user-email-input', autoComplete: 'off' } }}
            />
            <UserFields />
            <UserPasswordInput creating />
        </SimpleForm>
    </Create>
);

export default UserCreate;
