import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef } from 'react';
import { ValidationError, useInput } from 'react-admin';
import { CANNED_VARIABLES, SAMPLE_VARIABLES, fillCanned } from '../cases/cannedReplies';
import { TEXT_MAX } from './cannedReplyForm';

/**
 * The reply's text, with the variables it may use as chips (a click puts one where the cursor is) and a preview
 * filled with sample values, as an agent's composer would fill it.
 */
export const CannedTextInput = () => {
    const { field, fieldState } = useInput<string>({ source: 'text', defaultValue: '' });
    const box = useRef<HTMLTextAreaElement | null>(null);
    const text: string = field.value ?? '';
    const insert = (name: string) => {
        const token = `{{${name}}}`;
        const element = box.current;
        const start = element?.selectionStart ?? text.length;
        const end = element?.selectionEnd ?? start;
        field.onChange(text.slice(0, start) + token + text.slice(end));
        requestAnimationFrame(() => {
            element?.focus();
            element?.setSelectionRange(start + token.length, start + token.length);
        });
    };
    const error = fieldState.error?.message;
    return (
        <Box sx={{ width: '100%', maxWidth: 760, display: 'flex', flexDirection: 'column', gap: 1, mb: 2 }}>
            <TextField
                label="Text"
                multiline
                minRows={4}
                fullWidth
                required
                value={text}
                onChange={event => field.onChange(event.target.value)}
                onBlur={field.onBlur}
                inputRef={(element: HTMLTextAreaElement | null) => {
                    box.current = element;
                    field.ref(element);
                }}
                error={Boolean(error)}
                helperText={error ? <ValidationError error={error} /> : `${text.length} / ${TEXT_MAX} characters`}
                slotProps={{ htmlInput: { 'data-testid': 'canned-text' } }}
            />
            <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }} data-testid="canned-variables">
                <Typography variant="caption" color="text.secondary">
                    Insert a variable:
                </Typography>
                {CANNED_VARIABLES.map(variable => (
                    <Chip
                        key={variable.name}
                        size="small"
                        variant="outlined"
                        color="primary"
                        label={`{{${variable.name}}}`}
                        title={variable.help}
                        onClick={() => insert(variable.name)}
                        data-testid={`canned-variable-${variable.name}`}
                        sx={{ fontFamily: 'monospace' }}
                    />
                ))}
            </Box>
            <Paper variant="outlined" sx={{ p: 1.5, bgcolor: 'action.hover' }}>
                <Typography variant="overline" color="text.secondary" component="div" sx={{ lineHeight: 1.6 }}>
                    Preview with sample values
                </Typography>
                <Typography
                    variant="body2"
                    sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'break-word' }}
                    color={text.trim() ? 'text.primary' : 'text.secondary'}
                    data-testid="canned-preview"
                >
                    {text.trim() ? fillCanned(text, SAMPLE_VARIABLES) : 'The reply as an agent inserts it shows here.'}
                </Typography>
            </Paper>
        </Box>
    );
};
