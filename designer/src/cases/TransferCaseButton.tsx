import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import type { Team } from '../types';

interface TransferCaseButtonProps {
    /** The case's team: not offered. */
    currentTeam?: string | null;
    disabled?: boolean;
    onConfirm: (teamId: string, note: string) => Promise<boolean>;
}

/** "Transfer…" moves the case to another team's queue (supervisors), with a note kept on the case. */
export const TransferCaseButton = ({ currentTeam, disabled, onConfirm }: TransferCaseButtonProps) => {
    const [open, setOpen] = useState(false);
    const [teamId, setTeamId] = useState('');
    const [note, setNote] = useState('');
    const { data = [] } = useGetList<Team>(
        'teams',
        { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } },
        { enabled: open },
    );
    const teams = data.filter(team => team.id !== currentTeam);
    const known = teams.some(team => team.id === teamId);

    const confirm = async () => {
        if (await onConfirm(teamId, note.trim())) {
            setOpen(false);
            setTeamId('');
            setNote('');
        }
    };

    return (
        <>
            <Button variant="outlined" color="inherit" disabled={disabled} onClick={() => setOpen(true)} data-testid="case-transfer">
                Transfer…
            </Button>
            <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
                <DialogTitle>Transfer to another team</DialogTitle>
                <DialogContent>
                    <DialogContentText sx={{ mb: 2 }}>
                        The case joins the team's queue and keeps its place in line; the note stays on the case.
                    </DialogContentText>
                    <Stack spacing={2}>
                        <TextField
                            select
                            size="small"
                            label="Team"
                            value={known ? teamId : ''}
                            onChange={event => setTeamId(event.target.value)}
                            disabled={disabled}
                            slotProps={{ htmlInput: { 'data-testid': 'case-transfer-team' } }}
                        >
                            {teams.map(team => (
                                <MenuItem key={team.id} value={team.id}>
                                    {team.name}
                                </MenuItem>
                            ))}
                        </TextField>
                        <TextField
                            label="Note"
                            multiline
                            minRows={2}
                            value={note}
                            onChange={event => setNote(event.target.value)}
                            disabled={disabled}
                            slotProps={{ htmlInput: { 'data-testid': 'case-transfer-note' } }}
                        />
                    </Stack>
                </DialogContent>
                <DialogActions>
                    <Button onClick={() => setOpen(false)}>Cancel</Button>
                    <Button
                        variant="contained"
                        onClick={confirm}
                        disabled={disabled || !known}
                        data-testid="case-transfer-confirm"
                    >
                        Transfer
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};

export default TransferCaseButton;
