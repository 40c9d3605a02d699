import type { FocusEvent } from 'react';
import { PasswordInput } from 'react-admin';
import type { PasswordInputProps } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { isMasked } from './sourceForm';

/**
 * A secret (token, signing key): the API shows a stored one as the mask, and the mask sent back keeps it.
 * Focusing a masked field selects it, so typing replaces the secret; clearing it removes the secret.
 */
export const SecretInput = ({ testId, helperText, ...props }: PasswordInputProps & { testId: string }) => {
    const masked = isMasked(useWatch({ name: props.source }));
    const select = (event: FocusEvent<HTMLInputElement>) => {
        if (isMasked(event.target.value)) event.target.select();
    };
    return (
        <PasswordInput
            {...props}
            onFocus={select}
            helperText={masked ? 'A secret is stored: leave it as is to keep it, or type a new one' : helperText}
            slotProps={{ htmlInput: { 'data-testid': testId, 'data-masked': masked, autoComplete: 'new-password' } }}
        />
    );
};

export default SecretInput;
