import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { ReactNode } from 'react';

export interface ConfirmDialogProps {
    open: boolean;
    title: ReactNode;
    /** What confirming does, and whether it can be undone. */
    text: ReactNode;
    confirmLabel: string;
    color: 'error' | 'warning';
    pending: boolean;
    onConfirm: () => void;
    onClose: () => void;
    testId: string;
}

/** "Are you sure?" before an action that cannot be taken back: Cancel, or the action in its colour. */
export const ConfirmDialog = ({ open, title, text, confirmLabel, color, pending, onConfirm, onClose, testId }: ConfirmDialogProps) => (
    <Dialog open={open} onClose={onClose}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
            <DialogContentText>{text}</DialogContentText>
        </DialogContent>
        <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="contained" color={color} disabled={pending} onClick={onConfirm} data-testid={testId}>
                {confirmLabel}
            </Button>
        </DialogActions>
    </Dialog>
);
