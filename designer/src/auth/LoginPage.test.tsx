import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { jsonResponse, makeMe, memoryStorage } from '../test/fakeAuthProvider';
import { agents, makeCase } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';
import { createAuthProvider } from './authProvider';

const sofia = makeMe('supervisor', { name: 'Sofia Kovalevskaya', email: 'sofia@example.com' });

/** The API's login: sofia's password is "right"; with `totp`, her account also asks for the code 123456. */
const fakeLoginApi = ({ totp = false, lockAfter = Infinity } = {}) => {
    let loggedIn = false;
    let failures = 0;
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (url.endsWith('/auth/me')) {
            return loggedIn ? jsonResponse(200, sofia) : jsonResponse(401, { detail: { code: 'not_authenticated', message: 'log in', path: '' } });
        }
        if (url.endsWith('/auth/login')) {
            const body = JSON.parse(String(init?.body)) as { email: string; password: string; totp: string | null };
            if (failures >= lockAfter) {
                return jsonResponse(
                    429,
                    { detail: { code: 'locked', message: 'too many failed logins for this account', path: '' } },
                    { 'Retry-After': '30' },
                );
            }
            if (body.email !== sofia.email || body.password !== 'right') {
                failures += 1;
                return jsonResponse(401, { detail: { code: 'bad_credentials', message: 'wrong email or password', path: 'password' } });
            }
            if (totp && body.totp === null) {
                return jsonResponse(401, {
                    detail: { code: 'totp_required', message: 'enter the code from your authenticator app', path: 'totp' },
                });
            }
            if (totp && body.totp !== '123456') {
                return jsonResponse(401, { detail: { code: 'bad_totp', message: 'that code is not right', path: 'totp' } });
            }
            loggedIn = true;
            return jsonResponse(200, { token: 't', expires_at: sofia.expires_at, user: sofia });
        }
        return jsonResponse(404, { detail: 'not found' });
    });
    const authProvider = createAuthProvider({ fetch: fetch as unknown as typeof globalThis.fetch, storage: memoryStorage() });
    return { fetch, authProvider };
};

const setup = (options?: Parameters<typeof fakeLoginApi>[0]) => {
    window.location.hash = '#/cases';
    const api = fakeLoginApi(options);
    const dataProvider = fakeDataProvider({ agents, cases: [makeCase()] });
    const user = userEvent.setup();
    render(<App dataProvider={dataProvider} authProvider={api.authProvider} />);
    return { ...api, dataProvider, user };
};

const fillIn = async (user: ReturnType<typeof userEvent.setup>, email: string, password: string) => {
    await user.type(await screen.findByTestId('login-email'), email);
    await user.type(screen.getByTestId('login-password'), password);
};

describe('the login page', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it('comes before anything else, and opens the page asked for once logged in', async () => {
        const { fetch, dataProvider, user } = setup();
        expect(await screen.findByTestId('login-form')).toBeInTheDocument();
        expect(screen.queryByTestId('case-subject')).toBeNull();
        expect(dataProvider.getList).not.toHaveBeenCalled();
        // Nobody logged in from this browser: no need to ask the API who is.
        expect(fetch).not.toHaveBeenCalled();
        expect(screen.queryByTestId('login-totp')).toBeNull();

        await fillIn(user, 'sofia@example.com', 'right');
        await user.click(screen.getByTestId('login-submit'));
        expect(await screen.findByTestId('case-subject', {}, { timeout: 5_000 })).toHaveTextContent('My card was charged twice');
        expect(window.location.hash).toBe('#/cases');
        expect(await screen.findByTestId('user-role')).toHaveTextContent('Supervisor');
    });

    it('shows a wrong password, and how long a lockout lasts', async () => {
        const { user } = setup({ lockAfter: 1 });
        await fillIn(user, 'sofia@example.com', 'wrong');
        await user.click(screen.getByTestId('login-submit'));
        expect(await screen.findByTestId('login-error')).toHaveTextContent('wrong email or password');
        await user.click(screen.getByTestId('login-submit'));
        await waitFor(() =>
            expect(screen.getByTestId('login-error')).toHaveTextContent(
                'too many failed logins for this account. Try again in 30 seconds.',
            ),
        );
        expect(screen.getByTestId('login-form')).toBeInTheDocument();
    });

    it('asks for the authenticator code when the account has a second factor', async () => {
        const { fetch, user } = setup({ totp: true });
        await fillIn(user, 'sofia@example.com', 'right');
        await user.click(screen.getByTestId('login-submit'));
        const code = await screen.findByTestId('login-totp');
        expect(screen.getByTestId('login-error')).toHaveTextContent('enter the code from your authenticator app');
        expect(screen.getByTestId('login-submit')).toBeDisabled();

        await user.type(code, '000000');
        await user.click(screen.getByTestId('login-submit'));
        await waitFor(() => expect(screen.getByTestId('login-error')).toHaveTextContent('that code is not right'));

        await user.type(screen.getByTestId('login-totp'), '123456');
        await user.click(screen.getByTestId('login-submit'));
        expect(await screen.findByTestId('case-subject', {}, { timeout: 5_000 })).toBeInTheDocument();
        const logins = fetch.mock.calls.filter(([url]) => String(url).endsWith('/auth/login'));
        expect(logins.map(([, init]) => JSON.parse(String(init?.body)).totp)).toEqual([null, '000000', '123456']);
    });
});
