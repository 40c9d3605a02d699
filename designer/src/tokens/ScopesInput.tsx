import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { InputHelperText, useInput } from 'react-admin';
import type { Validator } from 'react-admin';
import { useMe } from '../auth/useCan';
import { normalizeScopes, scopeSuggestions, splitScopes } from './tokenForm';

const atLeastOne: Validator = (value: unknown) =>
    Array.isArray(value) && value.length ? undefined : 'Give at least one scope, e.g. read:cases';

/** The message of a field's error: a server refusal is a string, a check of the form's may be `{message}`. */
const errorText = (error: unknown): string | undefined => {
    if (typeof error === 'string') return error;
    if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
    return undefined;
};

/**
 * A token's scopes as chips: typed freely (Enter, a comma, a space or leaving the field adds one), with the
 * user's own permissions suggested. The API says which one it refuses, and why, under the field.
 */
export const ScopesInput = () => {
    const me = useMe();
    const { field, fieldState } = useInput<string[]>({ source: 'scopes', defaultValue: [], validate: atLeastOne });
    const [text, setText] = useState('');
    const value: string[] = Array.isArray(field.value) ? field.value : [];
    const add = (typed: string) => {
        const scopes = splitScopes(typed);
        if (scopes.length) field.onChange(normalizeScopes([...value, ...scopes]));
        setText('');
    };
    const error = errorText(fieldState.error?.message ?? fieldState.error);
    return (
        <Autocomplete<string, true, false, true>
            multiple
            freeSolo
            options={scopeSuggestions(me?.permissions)}
            filterSelectedOptions
            value={value}
            inputValue={text}
            onInputChange={(_event, typed, reason) => {
                if (reason === 'reset') return setText('');
                // A separator ends a scope: "cases:read " or "cases:read," becomes a chip.
                if (/[\s,]$/.test(typed)) add(typed);
                else setText(typed);
            }}
            onChange={(_event, scopes) => field.onChange(normalizeScopes(scopes))}
            onBlur={() => {
                if (text.trim()) add(text);
                field.onBlur();
            }}
            renderValue={(scopes, getItemProps) =>
                scopes.map((scope, index) => {
                    const { key, ...itemProps } = getItemProps({ index });
                    // The API's refusal quotes the scope it refuses: that chip shows it.
                    const refused = Boolean(error?.includes(`'${scope}'`));
                    return (
                        <Chip
                            key={key}
                            size="small"
                            label={scope}
                            color={refused ? 'error' : 'default'}
                            data-testid="token-scope-chip"
                            data-refused={refused ? 'true' : 'false'}
                            {...itemProps}
                        />
                    );
                })
            }
            fullWidth
            renderInput={({ InputProps, inputProps, InputLabelProps, ...params }) => (
                <TextField
                    {...params}
                    name={field.name}
                    inputRef={field.ref}
                    label="Scopes *"
                    error={fieldState.invalid}
                    helperText={
                        <InputHelperText
                            error={fieldState.error?.message}
                            helperText="What the token may do, within your role: a permission (cases:read), read:AREA (read:cases) or import:SOURCE"
                        />
                    }
                    slotProps={{
                        input: InputProps,
                        inputLabel: InputLabelProps,
                        htmlInput: { ...inputProps, 'data-testid': 'token-scopes-input' },
                    }}
                />
            )}
        />
    );
};

export default ScopesInput;
