import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { useCaseAction } from '../cases/useCaseAction';
import { ConfirmDialog } from '../common/ConfirmDialog';
import type { User } from '../types';

/** Removes a user's authenticator (a lost phone): they log in with their password and set up a new one. */
export const ResetSecondFactorButton = () => {
    const record = useRecordContext<User>();
    const [confirming, setConfirming] = useState(false);
    const { run, pending } = useCaseAction();
    if (!record) return null;

    const reset = async () => {
        const done = await run<User>(
            dataProvider => dataProvider.resetSecondFactor(String(record.id)),
            `${record.email} has no second factor now: their sessions ended`,
        );
        if (done) setConfirming(false);
    };

    return (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', my: 1 }} data-testid="user-second-factor-section">
            <Typography variant="body2">
                Second factor: <strong data-testid="user-second-factor-state">{record.second_factor ? 'on' : 'off'}</strong>
            </Typography>
            <Button
                size="small"
                color="warning"
                variant="outlined"
                disabled={!record.second_factor || pending}
                onClick={() => setConfirming(true)}
                data-testid="user-reset-second-factor"
            >
                Reset second factor
            </Button>
            <ConfirmDialog
                open={confirming}
                title={<>Reset {record.email}'s second factor?</>}
                text="Their authenticator stops working and their sessions end. They log in with their password alone, and set up a new authenticator if their role asks for one."
                confirmLabel="Reset"
                color="warning"
                pending={pending}
                onConfirm={reset}
                onClose={() => setConfirming(false)}
                testId="user-reset-second-factor-confirm"
            />
        </Stack>
    );
};

export default ResetSecondFactorButton;
