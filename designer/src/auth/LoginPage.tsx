import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Login, useAuthProvider, useLogin } from 'react-admin';
import { LoginError } from './authProvider';
import type { SwitchboardAuthProvider } from './authProvider';

const messageOf = (error: unknown): string =>
    error instanceof Error && error.message ? error.message : typeof error === 'string' ? error : 'Login failed';

/**
 * Email and password; a one-time code from the authenticator app once the API says the account has a second
 * factor (`totp_required`). The API's own messages show above the form: a wrong password, a lockout and how long
 * it lasts, or why the last session ended.
 */
export const LoginForm = () => {
    const login = useLogin();
    const authProvider = useAuthProvider<SwitchboardAuthProvider>();
    const [email, setEmail] = useState('');
    const [password, setPassword] = useState('');
    const [totp, setTotp] = useState('');
    const [needsTotp, setNeedsTotp] = useState(false);
    const [error, setError] = useState<{ text: string; severity: 'info' | 'error' } | null>(null);
    const [pending, setPending] = useState(false);
    const [notice] = useState<string | null>(() => authProvider?.logoutNotice?.() ?? null);
    const totpRef = useRef<HTMLInputElement>(null);

    const canSubmit = !pending && email.trim() !== '' && password !== '' && (!needsTotp || totp.trim() !== '');

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        if (!canSubmit) return;
        setPending(true);
        setError(null);
        try {
            await login({ email, password, totp: needsTotp ? totp : null });
        } catch (failure) {
            const code = failure instanceof LoginError ? failure.code : undefined;
            if (code === 'totp_required') {
                setNeedsTotp(true);
                setTimeout(() => totpRef.current?.focus(), 0);
            }
            if (code === 'bad_totp' || code === 'totp_required') setTotp('');
            // The API asking for the second factor is a step of the login, not a failure.
            setError({ text: messageOf(failure), severity: code === 'totp_required' ? 'info' : 'error' });
            setPending(false);
        }
    };

    return (
        <CardContent sx={{ width: 340 }}>
            <form onSubmit={submit} noValidate data-testid="login-form">
                <Stack spacing={2}>
                    <Typography variant="h6" component="h1" sx={{ textAlign: 'center' }}>
                        Log in to Switchboard
                    </Typography>
                    {notice && !error && (
                        <Alert severity="warning" data-testid="login-notice">
                            {notice}
                        </Alert>
                    )}
                    {error && (
                        <Alert severity={error.severity} data-testid="login-error">
                            {error.text}
                        </Alert>
                    )}
                    <TextField
                        label="Email"
                        type="email"
                        autoComplete="username"
                        autoFocus
                        required
                        value={email}
                        onChange={event => setEmail(event.target.value)}
                        disabled={pending}
                        slotProps={{ htmlInput: { 'data-testid': 'login-email' } }}
                    />
                    <TextField
                        label="Password"
                        type="password"
                        autoComplete="current-password"
                        required
                        value={password}
                        onChange={event => setPassword(event.target.value)}
                        disabled={pending}
                        slotProps={{ htmlInput: { 'data-testid': 'login-password' } }}
                    />
                    {needsTotp && (
                        <TextField
                            label="Authenticator code"
                            helperText="The 6-digit code your authenticator app shows for Switchboard"
                            autoComplete="one-time-code"
                            required
                            value={totp}
                            onChange={event => setTotp(event.target.value)}
                            disabled={pending}
                            inputRef={totpRef}
                            slotProps={{
                                htmlInput: { 'data-testid': 'login-totp', inputMode: 'numeric', maxLength: 10 },
                            }}
                        />
                    )}
                    <Button type="submit" variant="contained" disabled={!canSubmit} data-testid="login-submit">
                        {pending ? <CircularProgress size={19} thickness={3} aria-label="Logging in" /> : 'Log in'}
                    </Button>
                </Stack>
            </form>
        </CardContent>
    );
};

export const LoginPage = () => (
    <Login>
        <LoginForm />
    </Login>
);

export default LoginPage;
