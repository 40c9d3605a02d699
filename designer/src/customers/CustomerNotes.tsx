import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { DateField, RecordContextProvider, useRecordContext } from 'react-admin';
import { ActorName } from '../cases/ActorName';
import { AgentSelect } from '../cases/AgentSelect';
import { useCaseAction } from '../cases/useCaseAction';
import type { CustomerNote, CustomerProfile } from '../types';

/** Oldest first; notes written at the same instant keep the order the API gave them. */
export const customerNotesInOrder = (notes: readonly CustomerNote[] | null | undefined): CustomerNote[] =>
    [...(notes ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || 0);

const NoteEntry = ({ note }: { note: CustomerNote }) => {
    const merge = note.kind === 'merge';
    return (
        <RecordContextProvider value={note}>
            <Box
                component="li"
                data-testid="customer-note"
                data-kind={note.kind}
                sx={{
                    px: 1.5,
                    py: 1,
                    borderLeft: 3,
                    borderColor: merge ? 'info.main' : 'divider',
                    bgcolor: merge ? 'action.hover' : undefined,
                }}
            >
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                    {merge && <Chip size="small" color="info" label="Merge" data-testid="customer-note-merge" />}
                    <Typography variant="caption" color="text.secondary" component="span">
                        <ActorName actor={note.author} /> ·{' '}
                        <DateField source="at" showTime sx={{ fontSize: 'inherit', color: 'inherit' }} />
                    </Typography>
                </Box>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
                    {note.text}
                </Typography>
            </Box>
        </RecordContextProvider>
    );
};

interface CustomerNotesProps {
    /** The agent writing, shared with the merge action. */
    agentId: string;
    onAgentChange: (agentId: string) => void;
    /** The profile as the API answered the note. */
    onAdded: (profile: CustomerProfile) => void;
    /** Merged customers take no notes: their notes went to the customer kept. */
    readOnly?: boolean;
}

/** Notes on a customer (agents' own, and the record of each merge), oldest first, and a form to add one. */
export const CustomerNotes = ({ agentId, onAgentChange, onAdded, readOnly }: CustomerNotesProps) => {
    const record = useRecordContext<CustomerProfile>();
    const [text, setText] = useState('');
    const { run, pending } = useCaseAction();
    if (!record) return null;

    const notes = customerNotesInOrder(record.notes);
    const canAdd = !pending && agentId !== '' && text.trim() !== '';

    const add = async () => {
        const done = await run<CustomerProfile>(
            dataProvider => dataProvider.addCustomerNote(String(record.id), { author: agentId, text: text.trim() }),
            'Note added',
            onAdded,
        );
        if (done) setText('');
    };

    return (
        <Stack spacing={2} data-testid="customer-notes">
            {notes.length ? (
                <Stack component="ol" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
                    {notes.map((note, index) => (
                        <NoteEntry key={`${note.at}-${index}`} note={note} />
                    ))}
                </Stack>
            ) : (
                <Typography variant="body2" color="text.secondary">
                    No notes yet.
                </Typography>
            )}
            {!readOnly && (
                <>
                    <Box>
                        <AgentSelect value={agentId} onChange={onAgentChange} disabled={pending} testId="customer-note-agent" />
                    </Box>
                    <TextField
                        label="Note"
                        helperText="Only agents see notes on a customer; the customer never does."
                        multiline
                        minRows={2}
                        value={text}
                        onChange={event => setText(event.target.value)}
                        disabled={pending}
                        slotProps={{ htmlInput: { 'data-testid': 'customer-note-text' } }}
                    />
                    <Box>
                        <Button variant="outlined" disabled={!canAdd} onClick={add} data-testid="customer-note-add">
                            Add note
                        </Button>
                    </Box>
                </>
            )}
        </Stack>
    );
};

export default CustomerNotes;
