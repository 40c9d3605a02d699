import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useAuthProvider, useNotify, useRefresh } from 'react-admin';
import type { SecondFactorSetup as Setup, SwitchboardAuthProvider } from './authProvider';

const messageOf = (error: unknown) => (error instanceof Error && error.message ? error.message : 'The request failed');

/**
 * For a role that must log in with an authenticator code (the API's `second_factor_required`): until the user has
 * set one up, the API allows nothing else, so the designer shows only this.
 */
export const SecondFactorSetup = () => {
    const authProvider = useAuthProvider<SwitchboardAuthProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const [setup, setSetup] = useState<Setup | null>(null);
    const [code, setCode] = useState('');
    const [error, setError] = useState<string | null>(null);
    const [pending, setPending] = useState(false);

    const act = async (action: () => Promise<void>) => {
        setPending(true);
        setError(null);
        try {
            await action();
        } catch (failure) {
            setError(messageOf(failure));
        } finally {
            setPending(false);
        }
    };

    const start = () =>
        act(async () => {
            if (authProvider) setSetup(await authProvider.startSecondFactor());
        });

    const confirm = () =>
        act(async () => {
            if (!authProvider) return;
            await authProvider.confirmSecondFactor(code);
            notify('Authenticator set up: logins ask for its code from now on', {
                type: 'success',
                messageArgs: { _: 'Authenticator set up: logins ask for its code from now on' },
            });
            refresh();
        });

    return (
        <Box sx={{ display: 'flex', justifyContent: 'center', mt: 4 }}>
            <Card variant="outlined" sx={{ maxWidth: 560 }} data-testid="second-factor-setup">
                <CardContent>
                    <Stack spacing={2}>
                        <Typography variant="h6">Set up an authenticator app</Typography>
                        <Typography variant="body2">
                            Your role logs in with a code from an authenticator app as well as your password. Until
                            one is set up, Switchboard shows you nothing else.
                        </Typography>
                        {error && (
                            <Alert severity="error" data-testid="second-factor-error">
                                {error}
                            </Alert>
                        )}
                        {setup === null ? (
                            <Box>
                                <Button variant="contained" disabled={pending} onClick={start} data-testid="second-factor-start">
                                    Set up
                                </Button>
                            </Box>
                        ) : (
                            <>
                                <Typography variant="body2">
                                    Add this key to the app (or open the link on the phone that has it), then type the
                                    code the app shows.
                                </Typography>
                                <TextField
                                    label="Key"
                                    value={setup.secret}
                                    slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'second-factor-secret' } }}
                                />
                                <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
                                    <a href={setup.uri} data-testid="second-factor-uri">
                                        {setup.uri}
                                    </a>
                                </Typography>
                                <TextField
                                    label="Code from the app"
                                    autoComplete="one-time-code"
                                    value={code}
                                    onChange={event => setCode(event.target.value)}
                                    disabled={pending}
                                    slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'second-factor-code' } }}
                                />
                                <Box>
                                    <Button
                                        variant="contained"
                                        disabled={pending || code.trim().length < 6}
                                        onClick={confirm}
                                        data-testid="second-factor-confirm"
                                    >
                                        Turn on
                                    </Button>
                                </Box>
                            </>
                        )}
                    </Stack>
                </CardContent>
            </Card>
        </Box>
    );
};

export default SecondFactorSetup;
