import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateField, RecordContextProvider } from 'react-admin';
import { ActorName } from '../cases/ActorName';
import { notesInOrder } from '../cases/format';

/** What a case note and a customer note share. */
export interface Note {
    at: string;
    author: string;
    text: string;
    kind: string;
}

/** The one kind of note a list sets apart (an expert's answer, a merge): its colour and chip. */
export interface NoteHighlight {
    kind: string;
    color: 'info' | 'warning';
    label: string;
    testId: string;
}

interface NoteListProps {
    notes: readonly Note[] | null | undefined;
    /** Of each note. */
    testId: string;
    highlight: NoteHighlight;
}

const NoteEntry = ({ note, testId, highlight }: { note: Note; testId: string; highlight: NoteHighlight }) => {
    const marked = note.kind === highlight.kind;
    return (
        <RecordContextProvider value={note}>
            <Box
                component="li"
                data-testid={testId}
                data-kind={note.kind}
                sx={{
                    px: 1.5,
                    py: 1,
                    borderLeft: 3,
                    borderColor: marked ? `${highlight.color}.main` : 'divider',
                    bgcolor: marked ? 'action.hover' : undefined,
                }}
            >
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                    {marked && (
                        <Chip size="small" color={highlight.color} label={highlight.label} data-testid={highlight.testId} />
                    )}
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

/** Internal notes (of a case or a customer), oldest first, by author and time. */
export const NoteList = ({ notes, testId, highlight }: NoteListProps) => {
    const ordered = notesInOrder(notes);
    if (!ordered.length) {
        return (
            <Typography variant="body2" color="text.secondary">
                No notes yet.
            </Typography>
        );
    }
    return (
        <Stack component="ol" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {ordered.map((note, index) => (
                <NoteEntry key={`${note.at}-${index}`} note={note} testId={testId} highlight={highlight} />
            ))}
        </Stack>
    );
};

export default NoteList;
