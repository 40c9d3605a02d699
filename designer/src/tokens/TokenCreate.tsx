import { useState } from 'react';
import { Create, DateInput, required, SimpleForm, TextInput, useNotify, useRedirect } from 'react-admin';
import type { ApiToken } from '../types';
import { ScopesInput } from './ScopesInput';
import { TokenSecretDialog } from './TokenSecretDialog';
import { createTokenPayload, notInThePast } from './tokenForm';

/**
 * A new API token for an integration: a name, scopes within the user's role, and an optional last day. The
 * answer carries the token itself, shown once before the list opens.
 */
export const TokenCreate = () => {
    const notify = useNotify();
    const redirect = useRedirect();
    const [created, setCreated] = useState<ApiToken | null>(null);
    const done = () => {
        setCreated(null);
        redirect('list', 'tokens');
    };
    return (
        <>
            <Create
                title="New API token"
                transform={createTokenPayload}
                mutationOptions={{
                    onSuccess: (token: ApiToken) => {
                        notify('Token made: store it now', { type: 'info', messageArgs: { _: 'Token made: store it now' } });
                        setCreated(token);
                    },
                }}
            >
                <SimpleForm defaultValues={{ scopes: [] }}>
                    <TextInput
                        source="name"
                        validate={required()}
                        helperText="What it is for, e.g. nightly import"
                        slotProps={{ htmlInput: { 'data-testid': 'token-name-input', autoComplete: 'off' } }}
                    />
                    <ScopesInput />
                    <DateInput
                        source="expires_at"
                        label="Last day"
                        validate={value => notInThePast(value)}
                        helperText="It stops working at the end of this day (your time); leave empty for no expiry"
                        slotProps={{ htmlInput: { 'data-testid': 'token-expires-input' } }}
                    />
                </SimpleForm>
            </Create>
            <TokenSecretDialog token={created} onClose={done} />
        </>
    );
};

export default TokenCreate;
