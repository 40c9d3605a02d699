import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import type { Case } from '../types';
import { useCaseAction } from './useCaseAction';

/** "Tags…": the case's tags as chips to remove, and a field to add one (Enter adds); each change calls /tags. */
export const CaseTagsButton = ({ disabled }: { disabled?: boolean }) => {
    const record = useRecordContext<Case>();
    const [open, setOpen] = useState(false);
    const [tag, setTag] = useState('');
    const { run, pending } = useCaseAction();
    if (!record) return null;
    const tags = record.tags ?? [];

    const change = (payload: { add?: string[]; remove?: string[] }, message: string) =>
        run(dataProvider => dataProvider.changeCaseTags(record.id, { add: payload.add ?? [], remove: payload.remove ?? [] }), message);

    const add = async () => {
        const value = tag.trim();
        if (!value || tags.includes(value)) return;
        if (await change({ add: [value] }, `Tag "${value}" added`)) setTag('');
    };

    return (
        <>
            <Button variant="outlined" color="inherit" disabled={disabled} onClick={() => setOpen(true)} data-testid="case-tags-edit">
                Tags…
            </Button>
            <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
                <DialogTitle>Tags</DialogTitle>
                <DialogContent>
                    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} data-testid="case-tags-chips">
                        {tags.length === 0 && <span>No tags yet.</span>}
                        {tags.map(name => (
                            <Chip
                                key={name}
                                label={name}
                                size="small"
                                disabled={pending}
                                onDelete={() => change({ remove: [name] }, `Tag "${name}" removed`)}
                                data-testid="case-tag-chip"
                            />
                        ))}
                    </Stack>
                    <TextField
                        label="Add a tag"
                        size="small"
                        fullWidth
                        value={tag}
                        disabled={pending}
                        onChange={event => setTag(event.target.value)}
                        onKeyDown={event => {
                            if (event.key === 'Enter') {
                                event.preventDefault();
                                void add();
                            }
                        }}
                        helperText="One line, up to 50 characters; Enter adds it"
                        slotProps={{ htmlInput: { maxLength: 50, 'data-testid': 'case-tag-new' } }}
                    />
                </DialogContent>
                <DialogActions>
                    <Button onClick={() => setOpen(false)}>Done</Button>
                    <Button variant="contained" disabled={pending || !tag.trim() || tags.includes(tag.trim())} onClick={add} data-testid="case-tag-add">
                        Add
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};

export default CaseTagsButton;
