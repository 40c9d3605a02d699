import MergeIcon from '@mui/icons-material/CallMerge';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useCan } from '../auth/useCan';
import { loggedOutAnswer } from '../cases/useCaseAction';
import { useSwitchboardDataProvider } from '../dataProvider';
import type { Customer, CustomerProfile } from '../types';
import { CustomerPicker } from './CustomerPicker';

interface MergeCustomerButtonProps {
    /** The kept profile as the API answered the merge. */
    onMerged: (profile: CustomerProfile) => void;
}

/**
 * "Merge…": pick another customer who is the same person, confirm, and everything of theirs (identities,
 * conversations, mentions, notes) moves to this customer, merged by the logged-in user (with `customers:merge`).
 * A refusal is shown in the dialog, which stays open.
 */
export const MergeCustomerButton = ({ onMerged }: MergeCustomerButtonProps) => {
    const record = useRecordContext<CustomerProfile>();
    const canMerge = useCan('customers', 'merge');
    const dataProvider = useSwitchboardDataProvider();
    const notify = useNotify();
    const refresh = useRefresh();
    const [open, setOpen] = useState(false);
    const [other, setOther] = useState<Customer | null>(null);
    const [error, setError] = useState<string | null>(null);
    const [pending, setPending] = useState(false);
    if (!record || record.merged_into || !canMerge) return null;

    const close = () => {
        setOpen(false);
        setOther(null);
        setError(null);
    };

    const confirm = async () => {
        if (!other) return;
        setPending(true);
        setError(null);
        try {
            const { data } = await dataProvider.mergeCustomers(String(record.id), { other_id: String(other.id) });
            if (loggedOutAnswer(data)) return;
            const message = `Merged ${other.name} into ${data.name}`;
            notify(message, { type: 'success', messageArgs: { _: message } });
            close();
            onMerged(data);
            refresh();
        } catch (failure) {
            setError(failure instanceof Error && failure.message ? failure.message : 'The merge failed');
        } finally {
            setPending(false);
        }
    };

    return (
        <>
            <Button
                variant="outlined"
                size="small"
                startIcon={<MergeIcon />}
                onClick={() => setOpen(true)}
                data-testid="customer-merge"
            >
                Merge…
            </Button>
            <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
                <DialogTitle>Merge another customer into {record.name}</DialogTitle>
                <DialogContent>
                    <Stack spacing={2} sx={{ pt: 1 }}>
                        <CustomerPicker
                            value={other}
                            onChange={customer => {
                                setOther(customer);
                                setError(null);
                            }}
                            excludeId={String(record.id)}
                            disabled={pending}
                            label="Customer to merge in"
                            testId="customer-merge-search"
                        />
                        {other && (
                            <DialogContentText data-testid="customer-merge-summary">
                                {other.name}’s identities, conversations, mentions and notes move to {record.name}.{' '}
                                {other.name}’s page then points here. This cannot be undone.
                            </DialogContentText>
                        )}
                        {error && (
                            <Alert severity="error" data-testid="customer-merge-error">
                                {error}
                            </Alert>
                        )}
                    </Stack>
                </DialogContent>
                <DialogActions>
                    <Button onClick={close}>Cancel</Button>
                    <Button
                        variant="contained"
                        onClick={confirm}
                        disabled={pending || !other}
                        data-testid="customer-merge-confirm"
                    >
                        Merge
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};

export default MergeCustomerButton;
