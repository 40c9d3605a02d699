import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { createDataProvider } from '../dataProvider';
import type { HttpClient } from '../dataProvider';
import { ada, fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { ApiToken } from '../types';

const makeToken = (overrides: Partial<ApiToken> = {}): ApiToken => ({
    id: 'be3f74b7ad75',
    name: 'nightly import',
    scopes: ['read:cases', 'cases:work'],
    expires_at: null,
    user_id: 'a1',
    created_at: '2026-12-01T09:00:00Z',
    last_used_at: null,
    revoked_at: null,
    ...overrides,
});

const tokens = [
    makeToken(),
    makeToken({ id: 'old', name: 'old export', revoked_at: '2026-12-02T09:00:00Z', last_used_at: '2026-12-01T10:00:00Z' }),
    makeToken({ id: 'gone', name: 'pilot', expires_at: '2026-01-01T00:00:00Z' }),
];

const SECRET = 'sbt_9f1c2d3e4a5b_g-xWet5pnHvoNMo8-XajNcsZsLFiVnogKnC3XCGkozc';

/** The real data provider over a fake API whose POST /api/tokens answers with `created` or throws `refuse()`. */
const tokenApi = (refuse: (body: { scopes: string[] }) => HttpError | null) => {
    const client = vi.fn<HttpClient>(async (_url, options) => {
        const method = options?.method ?? 'GET';
        if (method === 'POST') {
            const body = JSON.parse(String(options?.body));
            const refusal = refuse(body);
            if (refusal) throw refusal;
            const json = { ...makeToken({ id: '9f1c2d3e4a5b' }), ...body, token: SECRET };
            return { status: 201, headers: new Headers(), body: JSON.stringify(json), json };
        }
        return { status: 200, headers: new Headers({ 'Content-Range': 'tokens 0-2/3' }), body: JSON.stringify(tokens), json: tokens };
    });
    return { client, dataProvider: createDataProvider('/api', client) };
};

describe('API tokens', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it('lists tokens with their scopes, use, expiry and state; only live ones can be revoked', async () => {
        window.location.hash = '#/tokens';
        const dataProvider = fakeDataProvider({ tokens });
        const authProvider = fakeAuthProvider(ada);
        render(<App dataProvider={dataProvider} authProvider={authProvider} />);

        const names = await screen.findAllByTestId('token-name', {}, { timeout: 5_000 });
        expect(names.map(name => name.textContent)).toEqual(['nightly import', 'old export', 'pilot']);
        expect(within(screen.getAllByTestId('token-scopes')[0]).getAllByTestId('token-scope').map(chip => chip.textContent)).toEqual([
            'read:cases',
            'cases:work',
        ]);
        expect(screen.getAllByTestId('token-state').map(chip => chip.getAttribute('data-state'))).toEqual([
            'active',
            'revoked',
            'expired',
        ]);
        expect(screen.getAllByTestId('token-revoke')).toHaveLength(2);
        expect(dataProvider.getList).toHaveBeenCalledWith('tokens', expect.objectContaining({ sort: { field: 'created_at', order: 'DESC' } }));
        // An agent sees their own tokens: no owner column.
        await authProvider.settled();
        expect(screen.queryByText('Owner')).toBeNull();
    });

    it('revokes a token after a confirmation', async () => {
        window.location.hash = '#/tokens';
        const dataProvider = fakeDataProvider({ tokens });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(ada)} />);

        const [first] = await screen.findAllByTestId('token-revoke', {}, { timeout: 5_000 });
        await user.click(first);
        const dialog = await screen.findByRole('dialog');
        expect(dialog).toHaveTextContent('Revoke the token "nightly import"?');
        expect(dataProvider.revokeToken).not.toHaveBeenCalled();
        await user.click(within(dialog).getByTestId('token-revoke-confirm'));
        await waitFor(() => expect(dataProvider.revokeToken).toHaveBeenCalledWith('be3f74b7ad75'));
        expect(await screen.findByText('Token "nightly import" revoked: it no longer works')).toBeInTheDocument();
    });

    it('makes a token with free scopes and shows it once, with a copy button and a note to store it', async () => {
        window.location.hash = '#/tokens/create';
        const { client, dataProvider } = tokenApi(() => null);
        const user = userEvent.setup();
        const writeText = vi.fn(async () => undefined);
        Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(ada)} />);

        await user.type(await screen.findByTestId('token-name-input'), 'nightly import');
        const scopes = screen.getByTestId('token-scopes-input');
        // A separator or Enter makes a chip; a suggestion can be picked too.
        await user.type(scopes, 'read:cases cases:work,');
        await user.type(scopes, 'import:twitter{Enter}');
        expect(screen.getAllByTestId('token-scope-chip').map(chip => chip.textContent)).toEqual([
            'read:cases',
            'cases:work',
            'import:twitter',
        ]);
        await user.click(screen.getByRole('button', { name: 'Save' }));

        const dialog = await screen.findByTestId('token-secret-dialog');
        expect(within(dialog).getByTestId('token-secret')).toHaveValue(SECRET);
        expect(within(dialog).getByTestId('token-secret-note')).toHaveTextContent('Store it now');
        expect(within(dialog).getByTestId('token-secret-note')).toHaveTextContent('shown this once');
        const [, options] = client.mock.calls.find(([, o]) => o?.method === 'POST') ?? [];
        expect(JSON.parse(String(options?.body))).toEqual({
            name: 'nightly import',
            scopes: ['read:cases', 'cases:work', 'import:twitter'],
        });

        await user.click(within(dialog).getByTestId('token-secret-copy'));
        await waitFor(() => expect(writeText).toHaveBeenCalledWith(SECRET));
        await user.click(within(dialog).getByTestId('token-secret-done'));
        await waitFor(() => expect(window.location.hash).toBe('#/tokens'));
        // Nowhere to be read again.
        await screen.findAllByTestId('token-name', {}, { timeout: 5_000 });
        expect(screen.queryByDisplayValue(SECRET)).toBeNull();
        expect(screen.queryByText(SECRET)).toBeNull();
    });

    it("shows a scope the role cannot hold on the scopes, naming it, and sends the expiry with its zone", async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        window.location.hash = '#/tokens/create';
        const message = "ada@example.com (agent) cannot hold 'sources:write': their role does not allow it";
        const { client, dataProvider } = tokenApi(({ scopes }) =>
            scopes.includes('sources:write')
                ? new HttpError('Forbidden', 403, { detail: { code: 'forbidden', message, path: 'scopes/1' } })
                : null,
        );
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('agent', { email: 'ada@example.com' }))} />);

        await user.type(await screen.findByTestId('token-name-input'), 'sync');
        const scopes = screen.getByTestId('token-scopes-input');
        await user.type(scopes, 'read:cases sources:write ');
        await user.type(screen.getByTestId('token-expires-input'), '2999-01-31');
        await user.click(screen.getByRole('button', { name: 'Save' }));

        await waitFor(() => expect(scopes).toHaveAttribute('aria-invalid', 'true'));
        expect(scopes).toHaveAccessibleDescription(message);
        const chips = screen.getAllByTestId('token-scope-chip');
        expect(chips.map(chip => chip.getAttribute('data-refused'))).toEqual(['false', 'true']);
        const [, options] = client.mock.calls.find(([, o]) => o?.method === 'POST') ?? [];
        const sent = JSON.parse(String(options?.body));
        expect(sent.scopes).toEqual(['read:cases', 'sources:write']);
        expect(sent.expires_at).toMatch(/^2999-0[12]-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(screen.queryByTestId('token-secret-dialog')).toBeNull();

        // Remove the refused scope: the next save makes the token.
        await user.click(within(chips[1]).getByTestId('CancelIcon'));
        await user.click(screen.getByRole('button', { name: 'Save' }));
        expect(await screen.findByTestId('token-secret')).toHaveValue(SECRET);
        consoleError.mockRestore();
    });

    it('asks for a scope and a day not over yet before asking the API', async () => {
        window.location.hash = '#/tokens/create';
        const dataProvider = fakeDataProvider({ tokens: [] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(ada)} />);
        await user.type(await screen.findByTestId('token-name-input'), 'sync');
        await user.type(screen.getByTestId('token-expires-input'), '2001-01-31');
        await user.click(screen.getByRole('button', { name: 'Save' }));
        const scopes = screen.getByTestId('token-scopes-input');
        await waitFor(() => expect(scopes).toHaveAttribute('aria-invalid', 'true'));
        expect(scopes).toHaveAccessibleDescription('Give at least one scope, e.g. read:cases');
        expect(screen.getByTestId('token-expires-input')).toHaveAccessibleDescription(/expired already/);
        expect(dataProvider.create).not.toHaveBeenCalled();
    });
});
