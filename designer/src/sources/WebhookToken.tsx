import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import KeyIcon from '@mui/icons-material/Key';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import type { FocusEvent } from 'react';
import { useNotify, useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import { loggedOutAnswer, useCaseAction } from '../cases/useCaseAction';
import type { Source } from '../types';

export const TOKEN_HEADER = 'X-Switchboard-Token';

interface WebhookTokenDialogProps {
    sourceId: string;
    token: string | null;
    onClose: () => void;
}

/** A webhook source's token, shown this once: the API keeps only its digest. */
export const WebhookTokenDialog = ({ sourceId, token, onClose }: WebhookTokenDialogProps) => {
    const notify = useNotify();
    const copy = async () => {
        if (!token) return;
        try {
            await navigator.clipboard.writeText(token);
            notify('Token copied', { type: 'info', messageArgs: { _: 'Token copied' } });
        } catch {
            notify('Select the token and copy it by hand', { type: 'warning', messageArgs: { _: 'Select the token and copy it by hand' } });
        }
    };
    return (
        <Dialog open={token !== null} fullWidth maxWidth="sm" data-testid="source-webhook-token-dialog">
            <DialogTitle>The webhook's token</DialogTitle>
            <DialogContent>
                <Alert severity="warning" sx={{ mb: 2 }}>
                    Store it now: it is shown this once. Senders put it in the {TOKEN_HEADER} header of each post to{' '}
                    <code>/api/webhooks/{sourceId}</code>.
                </Alert>
                <TextField
                    fullWidth
                    label="Token"
                    value={token ?? ''}
                    slotProps={{
                        htmlInput: {
                            readOnly: true,
                            'data-testid': 'source-webhook-token',
                            onFocus: (event: FocusEvent<HTMLInputElement>) => event.target.select(),
                        },
                        input: {
                            endAdornment: (
                                <InputAdornment position="end">
                                    <Tooltip title="Copy">
                                        <IconButton aria-label="Copy the token" onClick={copy} edge="end">
                                            <ContentCopyIcon fontSize="small" />
                                        </IconButton>
                                    </Tooltip>
                                </InputAdornment>
                            ),
                        },
                    }}
                />
            </DialogContent>
            <DialogActions>
                <Button variant="contained" onClick={onClose} data-testid="source-webhook-token-done">
                    I have stored it
                </Button>
            </DialogActions>
        </Dialog>
    );
};

/** "New token" on a webhook source's page (`sources:write`): the old token stops working at once. */
export const NewWebhookTokenButton = () => {
    const record = useRecordContext<Source>();
    const canWrite = useCan('sources', 'webhook_token');
    const { run, pending } = useCaseAction();
    const [confirming, setConfirming] = useState(false);
    const [token, setToken] = useState<string | null>(null);
    if (!record || record.kind !== 'webhook' || !canWrite) return null;

    const make = async () => {
        const done = await run<{ webhook_token: string }>(
            dataProvider => dataProvider.newWebhookToken(String(record.id)),
            'New token made: the old one no longer works',
            data => {
                if (!loggedOutAnswer(data)) setToken(data.webhook_token);
            },
        );
        if (done) setConfirming(false);
    };

    return (
        <>
            <Button size="small" startIcon={<KeyIcon />} onClick={() => setConfirming(true)} data-testid="source-new-token">
                New token
            </Button>
            <Dialog open={confirming} onClose={() => setConfirming(false)}>
                <DialogTitle>Make a new token?</DialogTitle>
                <DialogContent>
                    <DialogContentText>
                        Senders must use the new token from now on: the current one stops working at once, and a signed
                        or open webhook starts taking the token instead.
                    </DialogContentText>
                </DialogContent>
                <DialogActions>
                    <Button onClick={() => setConfirming(false)}>Cancel</Button>
                    <Button variant="contained" disabled={pending} onClick={make} data-testid="source-new-token-confirm">
                        Make a new token
                    </Button>
                </DialogActions>
            </Dialog>
            <WebhookTokenDialog sourceId={String(record.id)} token={token} onClose={() => setToken(null)} />
        </>
    );
};
