import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ExpertSelect } from '../experts/ExpertSelect';

interface AskExpertButtonProps {
    disabled?: boolean;
    onConfirm: (expertId: string, question: string) => Promise<boolean>;
}

/** "Ask an expert" hands the case to someone outside the contact centre, with a question they will see. */
export const AskExpertButton = ({ disabled, onConfirm }: AskExpertButtonProps) => {
    const [open, setOpen] = useState(false);
    const [expertId, setExpertId] = useState('');
    const [question, setQuestion] = useState('');
    const canAsk = !disabled && expertId !== '' && question.trim() !== '';

    const confirm = async () => {
        if (await onConfirm(expertId, question.trim())) {
            setOpen(false);
            setQuestion('');
        }
    };

    return (
        <>
            <Button
                variant="outlined"
                color="inherit"
                disabled={disabled}
                onClick={() => setOpen(true)}
                data-testid="case-ask-expert"
            >
                Ask an expert
            </Button>
            <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
                <DialogTitle>Ask an expert</DialogTitle>
                <DialogContent>
                    <DialogContentText sx={{ mb: 2 }}>
                        The case leaves the agents' queues until the expert answers; their answer is kept as a note
                        and the case goes back to its team.
                    </DialogContentText>
                    <Stack spacing={2}>
                        <ExpertSelect value={expertId} onChange={setExpertId} disabled={disabled} />
                        <TextField
                            label="Question"
                            helperText="The expert sees this and the case subject."
                            multiline
                            minRows={3}
                            value={question}
                            onChange={event => setQuestion(event.target.value)}
                            disabled={disabled}
                            slotProps={{ htmlInput: { 'data-testid': 'ask-expert-question' } }}
                        />
                    </Stack>
                </DialogContent>
                <DialogActions>
                    <Button onClick={() => setOpen(false)}>Cancel</Button>
                    <Button variant="contained" onClick={confirm} disabled={!canAsk} data-testid="ask-expert-confirm">
                        Ask
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};

export default AskExpertButton;
