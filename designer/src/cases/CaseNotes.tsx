import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { DateField, RecordContextProvider, useRecordContext } from 'react-admin';
import type { Case, CaseNote } from '../types';
import { ActorName } from './ActorName';
import { AgentSelect } from './AgentSelect';
import { notesInOrder } from './format';
import { useCaseAction } from './useCaseAction';

const NoteEntry = ({ note }: { note: CaseNote }) => {
    const expert = note.kind === 'expert_answer';
    return (
        <RecordContextProvider value={note}>
            <Box
                component="li"
                data-testid="case-note"
                data-kind={note.kind}
                sx={{
                    px: 1.5,
                    py: 1,
                    borderLeft: 3,
                    borderColor: expert ? 'warning.main' : 'divider',
                    bgcolor: expert ? 'action.hover' : undefined,
                }}
            >
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                    {expert && <Chip size="small" color="warning" label="Expert answer" data-testid="case-note-expert" />}
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

/** Internal notes of a case (never sent to the customer), oldest first, and a form to add one. */
export const CaseNotes = () => {
    const record = useRecordContext<Case>();
    const [pickedAgent, setPickedAgent] = useState('');
    const [text, setText] = useState('');
    const { run, pending } = useCaseAction();
    if (!record) return null;

    const notes = notesInOrder(record.notes);
    const agentId = pickedAgent || record.assignee_id || '';
    const canAdd = !pending && agentId !== '' && text.trim() !== '';

    const add = async () => {
        const done = await run(
            dataProvider => dataProvider.addCaseNote(record.id, { agent_id: agentId, text: text.trim() }),
            'Note added',
        );
        if (done) setText('');
    };

    return (
        <Stack spacing={2} data-testid="case-notes">
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
            <AgentSelect value={agentId} onChange={setPickedAgent} disabled={pending} label="Author" testId="note-agent" />
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
        </Stack>
    );
};

export default CaseNotes;
