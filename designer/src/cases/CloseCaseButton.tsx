import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useState } from 'react';
import { CLOSE_REASONS } from '../types';
import type { CloseReason } from '../types';
import { humanize } from './format';

interface CloseCaseButtonProps {
    disabled?: boolean;
    onConfirm: (reason: CloseReason) => Promise<boolean>;
}

/** "Close" asks for a reason before closing the case. */
export const CloseCaseButton = ({ disabled, onConfirm }: CloseCaseButtonProps) => {
    const [open, setOpen] = useState(false);
    const [reason, setReason] = useState<CloseReason>('resolved');

    const confirm = async () => {
        if (await onConfirm(reason)) setOpen(false);
    };

    return (
        <>
            <Button variant="outlined" color="inherit" disabled={disabled} onClick={() => setOpen(true)} data-testid="case-close">
                Close
            </Button>
            <Dialog open={open} onClose={() => setOpen(false)}>
                <DialogTitle>Close this case</DialogTitle>
                <DialogContent>
                    <RadioGroup
                        name="close-reason"
                        value={reason}
                        onChange={event => setReason(event.target.value as CloseReason)}
                    >
                        {CLOSE_REASONS.map(value => (
                            <FormControlLabel key={value} value={value} control={<Radio />} label={humanize(value)} />
                        ))}
                    </RadioGroup>
                </DialogContent>
                <DialogActions>
                    <Button onClick={() => setOpen(false)}>Cancel</Button>
                    <Button variant="contained" onClick={confirm} disabled={disabled} data-testid="case-close-confirm">
                        Close case
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};

export default CloseCaseButton;
