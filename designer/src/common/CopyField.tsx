import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import { useRef } from 'react';
import type { FocusEvent } from 'react';
import { useNotify } from 'react-admin';

interface CopyFieldProps {
    label: string;
    value: string;
    /** The input's test id; the copy button's is `${testId}-copy`. */
    testId: string;
    /** What is copied, for the notification and the button's name ("Link" → "Link copied", "Copy the link"). */
    what: string;
    helperText?: string;
}

/**
 * A value to copy (a link, a token): read-only and selected on focus, with a copy button. Without a clipboard
 * (not a secure context), the value is selected so it can be copied by hand.
 */
export const CopyField = ({ label, value, testId, what, helperText }: CopyFieldProps) => {
    const notify = useNotify();
    const input = useRef<HTMLInputElement | null>(null);
    const copy = async () => {
        try {
            await navigator.clipboard.writeText(value);
            const message = `${what} copied`;
            notify(message, { type: 'info', messageArgs: { _: message } });
        } catch {
            input.current?.focus();
            input.current?.select();
            const message = `Copy the ${what.toLowerCase()} by hand: it is selected (Ctrl+C)`;
            notify(message, { type: 'warning', messageArgs: { _: message } });
        }
    };
    return (
        <TextField
            fullWidth
            label={label}
            value={value}
            helperText={helperText}
            inputRef={input}
            slotProps={{
                htmlInput: {
                    readOnly: true,
                    'data-testid': testId,
                    onFocus: (event: FocusEvent<HTMLInputElement>) => event.target.select(),
                },
                input: {
                    sx: { fontFamily: 'monospace' },
                    endAdornment: (
                        <InputAdornment position="end">
                            <Tooltip title="Copy">
                                <IconButton
                                    aria-label={`Copy the ${what.toLowerCase()}`}
                                    onClick={copy}
                                    edge="end"
                                    data-testid={`${testId}-copy`}
                                >
                                    <ContentCopyIcon fontSize="small" />
                                </IconButton>
                            </Tooltip>
                        </InputAdornment>
                    ),
                },
            }}
        />
    );
};

export default CopyField;
