import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { NoteList } from '../common/NoteList';
import type { NoteHighlight } from '../common/NoteList';
import { useCan } from '../auth/useCan';
import type { Case } from '../types';
import { useCaseAction } from './useCaseAction';

const EXPERT_ANSWER: NoteHighlight = {
    kind: 'expert_answer',
    color: 'warning',
    label: 'Expert answer',
    testId: 'case-note-expert',
};

/**
 * Internal notes of a case (never sent to the customer), oldest first, and a form to add one, written by the
 * logged-in user; only for those who work cases.
 */
export const CaseNotes = () => {
    const record = useRecordContext<Case>();
    const canWrite = useCan('cases', 'note', record);
    const [text, setText] = useState('');
    const { run, pending } = useCaseAction();
    if (!record) return null;

    const canAdd = !pending && text.trim() !== '';

    const add = async () => {
        const done = await run(dataProvider => dataProvider.addCaseNote(record.id, { text: text.trim() }), 'Note added');
        if (done) setText('');
    };

    return (
        <Stack spacing={2} data-testid="case-notes">
            <NoteList notes={record.notes} testId="case-note" highlight={EXPERT_ANSWER} />
            {canWrite && (
                <>
                    <TextField
                        label="Internal note"
                        helperText="Only agents and supervisors see notes; the customer never does."
                        multiline
                        minRows={2}
                        value={text}
                        onChange={event => setText(event.target.value)}
                        disabled={pending}
                        slotProps={{ htmlInput: { 'data-testid': 'note-text' } }}
                    />
                    <Box>
                        <Button variant="outlined" disabled={!canAdd} onClick={add} data-testid="note-add">
                            Add note
                        </Button>
                    </Box>
                </>
            )}
        </Stack>
    );
};

export default CaseNotes;
