import Button from '@mui/material/Button';
import type { MouseEvent } from 'react';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { useCaseAction } from '../cases/useCaseAction';
import { ConfirmDialog } from '../common/ConfirmDialog';
import type { ApiToken } from '../types';
import { tokenState } from './tokenForm';

/** Revokes a token after a confirmation: whatever uses it is refused from then on. */
export const RevokeTokenButton = (_props: { label?: string }) => {
    const record = useRecordContext<ApiToken>();
    const [confirming, setConfirming] = useState(false);
    const { run, pending } = useCaseAction();
    if (!record || tokenState(record) === 'revoked') return null;

    const stop = (event: MouseEvent) => event.stopPropagation();
    const revoke = async () => {
        const done = await run<ApiToken>(
            dataProvider => dataProvider.revokeToken(String(record.id)),
            `Token "${record.name}" revoked: it no longer works`,
        );
        if (done) setConfirming(false);
    };

    return (
        <span onClick={stop}>
            <Button
                size="small"
                color="error"
                onClick={() => setConfirming(true)}
                disabled={pending}
                data-testid="token-revoke"
            >
                Revoke
            </Button>
            <ConfirmDialog
                open={confirming}
                title={<>Revoke the token "{record.name}"?</>}
                text="Anything that uses it is refused from now on. This cannot be undone: make a new token if you need one again."
                confirmLabel="Revoke"
                color="error"
                pending={pending}
                onConfirm={revoke}
                onClose={() => setConfirming(false)}
                testId="token-revoke-confirm"
            />
        </span>
    );
};

export default RevokeTokenButton;
