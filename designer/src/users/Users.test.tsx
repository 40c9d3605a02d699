import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { createDataProvider } from '../dataProvider';
import type { HttpClient } from '../dataProvider';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { User } from '../types';

const teams = [
    { id: 'support', name: 'Support/Sales', description: '' },
    { id: 'marketing', name: 'Marketing/PR', description: '' },
];

const makeUser = (overrides: Partial<User> = {}): User => ({
    id: 'grace',
    email: 'grace@example.com',
    name: 'Grace Hopper',
    role: 'agent',
    teams: ['support'],
    disabled: false,
    created_at: '2025-01-01T09:00:00Z',
    last_login_at: null,
    second_factor: false,
    ...overrides,
});

const users = [
    makeUser({ id: 'admin', email: 'admin@example.com', name: 'Alex Admin', role: 'admin', teams: [], last_login_at: '2025-01-05T09:00:00Z' }),
    makeUser({ second_factor: true }),
    makeUser({ id: 'linus', email: 'linus@example.com', name: 'Linus Pauling', disabled: true }),
];

/**
 * The real data provider over a fake API: lists and reads `records`; writes go to `write`, which answers the
 * API's JSON or throws its refusal.
 */
const fakeApi = (records: Record<string, { id: string }[]>, write: (method: string, url: string, body: unknown) => unknown) => {
    const client = vi.fn<HttpClient>(async (url, options) => {
        const method = options?.method ?? 'GET';
        const path = String(url).split('?')[0];
        const [, , resource, id] = path.split('/');
        let json: unknown;
        if (method === 'GET') {
            const all = records[resource] ?? [];
            json = id ? all.find(record => record.id === decodeURIComponent(id)) : all;
        } else {
            json = write(method, path, options?.body ? JSON.parse(String(options.body)) : undefined);
        }
        const total = Array.isArray(json) ? json.length : 1;
        return { status: 200, headers: new Headers({ 'Content-Range': `${resource} 0-${total}/${total}` }), body: JSON.stringify(json), json };
    });
    return { client, dataProvider: createDataProvider('/api', client) };
};

const refusal = (code: string, message: string, path: string) => ({ detail: { code, message, path } });

describe('users', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it('lists users with their role, teams, access, last login and second factor', async () => {
        window.location.hash = '#/users';
        const dataProvider = fakeDataProvider({ users, teams });
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('admin', { id: 'admin' }))} />);

        const emails = await screen.findAllByTestId('user-email', {}, { timeout: 5_000 });
        expect(emails.map(email => email.textContent)).toEqual(['admin@example.com', 'grace@example.com', 'linus@example.com']);
        expect(screen.getAllByTestId('user-role-chip').map(chip => chip.getAttribute('data-role'))).toEqual([
            'admin',
            'agent',
            'agent',
        ]);
        expect(screen.getAllByTestId('user-role-chip')[0]).toHaveTextContent('Admin');
        const rows = screen.getAllByTestId('user-teams');
        expect(rows[0]).toHaveTextContent('All teams');
        await waitFor(() => expect(rows[1]).toHaveTextContent('Support/Sales'));
        expect(screen.getAllByTestId('user-disabled').map(chip => chip.textContent)).toEqual(['Active', 'Active', 'Disabled']);
        expect(screen.getAllByTestId('user-second-factor').map(chip => chip.textContent)).toEqual(['Off', 'On', 'Off']);
        expect(screen.getAllByText('Never')).toHaveLength(2);
        expect(dataProvider.getList).toHaveBeenCalledWith('users', expect.objectContaining({ sort: { field: 'email', order: 'ASC' } }));
    });

    it("creates a user, showing the password policy's refusal on the password", async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        window.location.hash = '#/users/create';
        const posted: unknown[] = [];
        const { dataProvider } = fakeApi({ users, teams }, (_method, _url, body) => {
            posted.push(body);
            const { password } = body as { password: string };
            if (password === 'password123456') {
                throw new HttpError('Unprocessable Entity', 422, refusal('weak_password', 'this password is on the list of common breached passwords; choose another', 'password'));
            }
            return { ...makeUser({ id: 'zed', email: 'zed@example.com', name: 'Zed' }), ...(body as object) };
        });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('admin', { id: 'admin' }))} />);

        await user.type(await screen.findByTestId('user-email-input'), 'zed@example.com');
        await user.type(screen.getByTestId('user-name-input'), 'Zed Zee');
        // An agent (the default) works for a team.
        expect(screen.getByText('An agent works for a team: pick at least one')).toBeInTheDocument();
        await user.click(screen.getByRole('combobox', { name: 'Teams' }));
        await user.click(await screen.findByRole('option', { name: 'Support/Sales' }));
        await user.keyboard('{Escape}');
        const password = screen.getByTestId('user-password-input');
        await user.type(password, 'password123456');
        await user.click(screen.getByRole('button', { name: 'Save' }));

        const message = 'this password is on the list of common breached passwords; choose another';
        await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
        expect(password).toHaveAccessibleDescription(message);
        expect(screen.getByTestId('user-email-input')).toHaveAttribute('aria-invalid', 'false');
        expect(posted[0]).toEqual({
            email: 'zed@example.com',
            name: 'Zed Zee',
            role: 'agent',
            teams: ['support'],
            password: 'password123456',
        });

        await user.clear(password);
        await user.type(password, 'zebra-kettle-orbit-42');
        await user.click(screen.getByRole('button', { name: 'Save' }));
        await waitFor(() => expect(posted).toHaveLength(2));
        expect(posted[1]).toMatchObject({ email: 'zed@example.com', password: 'zebra-kettle-orbit-42' });
        await waitFor(() => expect(window.location.hash).toBe('#/users'));
        consoleError.mockRestore();
    });

    it('shows a taken email and an unknown team on their fields', async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        window.location.hash = '#/users/create';
        let answer = 409;
        const { dataProvider } = fakeApi({ users, teams }, () => {
            if (answer === 409) throw new HttpError('Conflict', 409, refusal('exists', 'a user with email grace@example.com exists', 'email'));
            throw new HttpError('Unprocessable Entity', 422, refusal('invalid', 'an agent works for a team: give one (--team TEAM)', 'teams'));
        });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('admin', { id: 'admin' }))} />);

        const email = await screen.findByTestId('user-email-input');
        await user.type(email, 'grace@example.com');
        await user.type(screen.getByTestId('user-password-input'), 'zebra-kettle-orbit-42');
        await user.click(screen.getByRole('button', { name: 'Save' }));
        await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
        expect(email).toHaveAccessibleDescription('a user with email grace@example.com exists');

        answer = 422;
        await user.clear(email);
        await user.type(email, 'new@example.com');
        await user.click(screen.getByRole('button', { name: 'Save' }));
        await waitFor(() =>
            expect(screen.getByTestId('user-teams-input')).toHaveTextContent('an agent works for a team: give one (--team TEAM)'),
        );
        consoleError.mockRestore();
    });

    it('changes only what was edited, with PATCH, and resets a second factor after a confirmation', async () => {
        window.location.hash = '#/users/grace';
        const patched: unknown[] = [];
        const { dataProvider } = fakeApi({ users, teams }, (method, url, body) => {
            expect(method).toBe('PATCH');
            expect(url).toBe('/api/users/grace');
            patched.push(body);
            return { ...makeUser({ second_factor: true }), ...(body as object) };
        });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('admin', { id: 'admin' }))} />);

        expect(await screen.findByTestId('user-second-factor-state')).toHaveTextContent('on');
        await user.click(screen.getByTestId('user-reset-second-factor'));
        await user.click(await screen.findByTestId('user-reset-second-factor-confirm'));
        await waitFor(() => expect(patched).toEqual([{ reset_second_factor: true }]));
        expect(await screen.findByText('grace@example.com has no second factor now: their sessions ended')).toBeInTheDocument();
        await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

        await user.click(screen.getByRole('combobox', { name: /Role/ }));
        await user.click(await screen.findByRole('option', { name: 'Supervisor' }));
        expect(screen.getByText(/Supervisor: works cases; approves replies/)).toBeInTheDocument();
        await user.type(screen.getByTestId('user-password-input'), 'a-new-long-password');
        await user.click(screen.getByRole('button', { name: 'Save' }));
        await waitFor(() => expect(patched).toHaveLength(2));
        expect(patched[1]).toEqual({ role: 'supervisor', password: 'a-new-long-password' });
    });

    it("does not let admins demote or disable themselves", async () => {
        window.location.hash = '#/users/admin';
        const dataProvider = fakeDataProvider({ users, teams });
        const authProvider = fakeAuthProvider(makeMe('admin', { id: 'admin' }));
        render(<App dataProvider={dataProvider} authProvider={authProvider} />);
        expect(await screen.findByText('You cannot change your own role; another admin can')).toBeInTheDocument();
        expect(screen.getByText('You cannot disable yourself; another admin can')).toBeInTheDocument();
        expect(within(screen.getByTestId('user-disabled-input')).getByRole('switch')).toBeDisabled();
    });
});
