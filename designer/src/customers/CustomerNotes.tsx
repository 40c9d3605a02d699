import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import { useCaseAction } from '../cases/useCaseAction';
import { NoteList } from '../common/NoteList';
import type { NoteHighlight } from '../common/NoteList';
import type { CustomerProfile } from '../types';

const MERGE: NoteHighlight = { kind: 'merge', color: 'info', label: 'Merge', testId: 'customer-note-merge' };

interface CustomerNotesProps {
    /** The profile as the API answered the note. */
    onAdded: (profile: CustomerProfile) => void;
    /** Merged customers take no notes: their notes went to the customer kept. */
    readOnly?: boolean;
}

/**
 * Notes on a customer (agents' own, and the record of each merge), oldest first, and a form to add one, written
 * by the logged-in user (with `customers:write`).
 */
export const CustomerNotes = ({ onAdded, readOnly }: CustomerNotesProps) => {
    const record = useRecordContext<CustomerProfile>();
    const canWrite = useCan('customers', 'note');
    const [text, setText] = useState('');
    const { run, pending } = useCaseAction();
    if (!record) return null;

    const canAdd = !pending && text.trim() !== '';

    const add = async () => {
        const done = await run<CustomerProfile>(
            dataProvider => dataProvider.addCustomerNote(String(record.id), { text: text.trim() }),
            'Note added',
            onAdded,
        );
        if (done) setText('');
    };

    return (
        <Stack spacing={2} data-testid="customer-notes">
            <NoteList notes={record.notes} testId="customer-note" highlight={MERGE} />
            {!readOnly && canWrite && (
                <>
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
