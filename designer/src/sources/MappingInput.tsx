import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useInput } from 'react-admin';
import { MAPPABLE_FIELDS } from '../types';
import { mappingToRows, rowsToMapping } from './sourceForm';
import type { MappingRow } from './sourceForm';

const sameMapping = (a: Record<string, string>, b: Record<string, string> | null | undefined) =>
    JSON.stringify(a) === JSON.stringify(rowsToMapping(mappingToRows(b)));

/**
 * A webhook's field mapping: for each of our fields, the dotted path to read in the posted JSON
 * (`author` -> `user.handle`). Unmapped fields are read under their own names.
 */
export const MappingInput = ({ source = 'config.mapping' }: { source?: string }) => {
    const { field, fieldState } = useInput<Record<string, string> | null>({ source });
    const [rows, setRows] = useState<MappingRow[]>(() => mappingToRows(field.value));
    // Rows may be half filled while editing; the form value is the mapping they make.
    const sent = useRef(rowsToMapping(rows));
    useEffect(() => {
        if (!sameMapping(sent.current, field.value)) {
            // The form was reset (e.g. the record arrived): start again from its mapping.
            const next = mappingToRows(field.value);
            sent.current = rowsToMapping(next);
            setRows(next);
        }
    }, [field.value]);

    const change = (next: MappingRow[]) => {
        setRows(next);
        sent.current = rowsToMapping(next);
        field.onChange(sent.current);
    };
    const used = new Set(rows.map(row => row.field));
    const error = fieldState.error?.message;

    return (
        <Box data-testid="source-mapping" sx={{ width: '100%', maxWidth: 760, mt: 1 }}>
            <Typography variant="subtitle2">Field mapping</Typography>
            <Typography variant="body2" color="text.secondary" gutterBottom>
                Where each of our fields is in the posted JSON, as a dotted path (e.g. <code>user.handle</code>).
                Unmapped fields are read under their own names.
            </Typography>
            <Stack spacing={1}>
                {rows.map((row, index) => (
                    <Stack key={index} direction="row" spacing={1} alignItems="center" data-testid="source-mapping-row">
                        <TextField
                            select
                            size="small"
                            label="Our field"
                            value={row.field}
                            onChange={event =>
                                change(rows.map((r, i) => (i === index ? { ...r, field: event.target.value } : r)))
                            }
                            fullWidth={false}
                            sx={{ width: 220, flexShrink: 0 }}
                            slotProps={{ htmlInput: { 'data-testid': 'source-mapping-field' } }}
                        >
                            {MAPPABLE_FIELDS.map(name => (
                                <MenuItem key={name} value={name} disabled={name !== row.field && used.has(name)}>
                                    {name}
                                </MenuItem>
                            ))}
                        </TextField>
                        <TextField
                            size="small"
                            label="Path in the JSON"
                            value={row.path}
                            onChange={event =>
                                change(rows.map((r, i) => (i === index ? { ...r, path: event.target.value } : r)))
                            }
                            fullWidth
                            sx={{ flex: 1, minWidth: 0 }}
                            slotProps={{ htmlInput: { 'data-testid': 'source-mapping-path' } }}
                        />
                        <IconButton
                            aria-label={`Remove ${row.field || 'row'}`}
                            onClick={() => change(rows.filter((_, i) => i !== index))}
                            data-testid="source-mapping-remove"
                        >
                            <DeleteIcon fontSize="small" />
                        </IconButton>
                    </Stack>
                ))}
            </Stack>
            <Button
                size="small"
                startIcon={<AddIcon />}
                onClick={() => change([...rows, { field: MAPPABLE_FIELDS.find(name => !used.has(name)) ?? '', path: '' }])}
                disabled={used.size >= MAPPABLE_FIELDS.length}
                sx={{ mt: 1 }}
                data-testid="source-mapping-add"
            >
                Map a field
            </Button>
            {error && (
                <FormHelperText error data-testid="source-mapping-error">
                    {error}
                </FormHelperText>
            )}
        </Box>
    );
};

export default MappingInput;
