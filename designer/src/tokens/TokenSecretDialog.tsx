import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { CopyField } from '../common/CopyField';
import type { ApiToken } from '../types';

/** A new API token, shown this once: the API keeps only its digest. */
export const TokenSecretDialog = ({ token, onClose }: { token: ApiToken | null; onClose: () => void }) => (
    <Dialog open={Boolean(token?.token)} fullWidth maxWidth="md" data-testid="token-secret-dialog">
        <DialogTitle>Your new API token{token ? `: ${token.name}` : ''}</DialogTitle>
        <DialogContent>
            <Stack spacing={2}>
                <Alert severity="warning" data-testid="token-secret-note">
                    Store it now, somewhere safe (a password manager, your integration's secrets): it is shown this
                    once and cannot be read again. If you lose it, revoke it and make a new one.
                </Alert>
                <CopyField label="Token" what="Token" value={token?.token ?? ''} testId="token-secret" />
                <Typography variant="body2" color="text.secondary">
                    Send it as <code>Authorization: Bearer &lt;token&gt;</code>. It may do only what its scopes say
                    ({token?.scopes.join(', ')}), and never more than your role.
                </Typography>
            </Stack>
        </DialogContent>
        <DialogActions>
            <Button variant="contained" onClick={onClose} data-testid="token-secret-done">
                I have stored it
            </Button>
        </DialogActions>
    </Dialog>
);

export default TokenSecretDialog;
