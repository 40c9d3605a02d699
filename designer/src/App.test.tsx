import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { fakeAuthProvider, makeMe } from './test/fakeAuthProvider';
import { agents, experts, makeCase, makeExpertRequest } from './test/fixtures';
import { fakeDataProvider } from './test/fakeDataProvider';

const menuItems = () => {
    const menu = document.querySelector('.RaMenu-open, .RaMenu-closed');
    expect(menu).not.toBeNull();
    return within(menu as HTMLElement)
        .getAllByRole('menuitem')
        .map(item => item.textContent);
};

describe('App', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it('opens on the case list, with the menu in working order', async () => {
        const dataProvider = fakeDataProvider({
            agents,
            cases: [
                makeCase(),
                makeCase({ id: 'c2', status: 'open', assignee_id: null, subject: 'Love the new app', tags: [] }),
            ],
        });
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        // The first render of a whole admin (auth check, permissions, the lazy list page) can take a while on a busy machine.
        const subjects = await screen.findAllByTestId('case-subject', {}, { timeout: 15_000 });
        expect(subjects.map(subject => subject.textContent)).toEqual(['My card was charged twice', 'Love the new app']);
        expect(screen.getAllByTestId('case-status').map(chip => chip.textContent)).toEqual(['Assigned', 'Open']);
        expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
        expect(screen.getByText('Unassigned')).toBeInTheDocument();

        expect(dataProvider.getList).toHaveBeenCalledWith(
            'cases',
            expect.objectContaining({ sort: { field: 'opened_at', order: 'DESC' } }),
        );
        await waitFor(() => expect(menuItems()).toHaveLength(18));
        expect(menuItems()).toEqual([
            'Dashboard',
            'Cases',
            'Mentions',
            'Conversations',
            'Customers',
            'Agents',
            'Teams',
            'Experts',
            'Sources',
            'Flows',
            'Flow drafts',
            'Canned replies',
            'Reports',
            'Users',
            'API tokens',
            'Webhooks',
            'Audit log',
            'Crisis',
        ]);
    });

    it('shows an expert with the requests they were sent', async () => {
        window.location.hash = '#/experts/priya/show';
        const dataProvider = fakeDataProvider({
            experts,
            cases: [makeCase()],
            'expert-requests': [makeExpertRequest()],
        });
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);
        expect(await screen.findByText('priya@example.com')).toBeInTheDocument();
        expect(screen.getByText('1 d')).toBeInTheDocument();
        expect(await screen.findByText('May we refund both charges?')).toBeInTheDocument();
        expect(screen.getByTestId('expert-request-state')).toHaveTextContent('Overdue');
        expect(dataProvider.getManyReference).toHaveBeenCalledWith(
            'expert-requests',
            expect.objectContaining({ target: 'expert_id', id: 'priya', sort: { field: 'asked_at', order: 'DESC' } }),
        );
        // A request opens its case, where whoever may work it copies the expert's link (the request's own page
        // needs the link's token).
        await userEvent.setup().click(screen.getByText('May we refund both charges?'));
        await waitFor(() => expect(window.location.hash).toBe('#/cases/c1/show'));
    });

    it("opens an expert's link on the request page, outside the layout and without a login, and sends the answer", async () => {
        window.location.hash = '#/expert-requests/r1?token=1797491109.sig';
        const request = makeExpertRequest({ due_at: '2999-01-01T00:00:00+00:00' });
        const dataProvider = fakeDataProvider({ 'expert-requests': [request] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('admin'), { signedIn: false })} />);

        expect(await screen.findByTestId('expert-request-question')).toHaveTextContent('May we refund both charges?');
        expect(screen.getByTestId('expert-request-subject')).toHaveTextContent('My card was charged twice');
        expect(screen.getByTestId('expert-request-state')).toHaveTextContent('Waiting for answer');
        expect(document.querySelector('.RaMenu-open, .RaMenu-closed')).toBeNull();

        const send = screen.getByTestId('expert-answer-send');
        expect(send).toBeDisabled();
        await user.click(screen.getByTestId('expert-answer-text'));
        await user.paste('Yes, refund both.');
        await user.click(send);
        // The link's token goes with the read and the answer: it is what lets the expert in.
        expect(dataProvider.getOne).toHaveBeenCalledWith(
            'expert-requests',
            expect.objectContaining({ id: 'r1', meta: { expertToken: '1797491109.sig' } }),
        );
        await waitFor(() =>
            expect(dataProvider.answerExpertRequest).toHaveBeenCalledWith(
                'r1',
                { text: 'Yes, refund both.' },
                '1797491109.sig',
            ),
        );
        // The answer as the API returned it, even before GET shows it.
        expect(await screen.findByTestId('expert-request-answer')).toHaveTextContent('Yes, refund both.');
        expect(screen.queryByTestId('expert-answer-text')).toBeNull();
        expect(screen.getByText('Thank you: your answer is with the contact centre')).toBeInTheDocument();
    });

    it('shows an answered request without the form, and an unknown link as an error', async () => {
        window.location.hash = '#/expert-requests/r1?token=t';
        const answered = makeExpertRequest({ answered_at: '2025-01-02T12:00:00+00:00', answer: 'No refund.' });
        const dataProvider = fakeDataProvider({ 'expert-requests': [answered] });
        const nobody = () => fakeAuthProvider(makeMe('admin'), { signedIn: false });
        const { unmount } = render(<App dataProvider={dataProvider} authProvider={nobody()} />);
        expect(await screen.findByTestId('expert-request-answer')).toHaveTextContent('No refund.');
        expect(screen.queryByTestId('expert-answer-text')).toBeNull();
        unmount();

        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        window.location.hash = '#/expert-requests/nope?token=t';
        dataProvider.getOne.mockRejectedValueOnce(
            new HttpError("no expert request with id 'nope'", 404, {
                detail: { code: 'not_found', message: "no expert request with id 'nope'", path: 'id' },
            }),
        );
        const { unmount: unmountError } = render(<App dataProvider={dataProvider} authProvider={nobody()} />);
        expect(await screen.findByTestId('expert-request-error')).toHaveTextContent("no expert request with id 'nope'");
        unmountError();

        // Even a refusal that would end a contact centre session leaves the expert on their page.
        window.location.hash = '#/expert-requests/r1?token=t';
        dataProvider.getOne.mockRejectedValueOnce(
            new HttpError('log in', 401, { detail: { code: 'not_authenticated', message: 'log in', path: '' } }),
        );
        render(<App dataProvider={dataProvider} authProvider={nobody()} />);
        expect(await screen.findByTestId('expert-request-error')).toHaveTextContent('log in');
        expect(window.location.hash).toBe('#/expert-requests/r1?token=t');
        expect(screen.queryByTestId('login-form')).toBeNull();
        consoleError.mockRestore();
    });

    it.each([
        [
            'link_missing',
            '#/expert-requests/r1',
            'This link is incomplete',
            'open the request through the link you were sent (it carries its token)',
        ],
        [
            'link_invalid',
            '#/expert-requests/r1?token=1797491109.forged',
            'This link does not work',
            'this link is not valid for this request: use the link you were sent, whole',
        ],
        [
            'link_expired',
            '#/expert-requests/r1?token=1700000000.old',
            'This link has expired',
            'this link expired on 2023-11-14 22:13 UTC: ask the agent who sent it for a new one',
        ],
    ])("says what is wrong with a link the API refuses (%s), without a login page", async (code, hash, title, message) => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        window.location.hash = hash;
        const dataProvider = fakeDataProvider({ 'expert-requests': [makeExpertRequest()] });
        dataProvider.getOne.mockRejectedValueOnce(
            new HttpError(message, 401, { detail: { code, message, path: 'X-Expert-Token' } }),
        );
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('admin'), { signedIn: false })} />);
        const error = await screen.findByTestId('expert-request-error');
        expect(error).toHaveAttribute('data-code', code);
        expect(screen.getByTestId('expert-request-error-title')).toHaveTextContent(title);
        expect(error).toHaveTextContent(message);
        expect(screen.queryByTestId('expert-answer-text')).toBeNull();
        expect(screen.queryByTestId('login-form')).toBeNull();
        expect(window.location.hash).toBe(hash);
        const token = new URLSearchParams(hash.split('?')[1] ?? '').get('token') ?? '';
        expect(dataProvider.getOne).toHaveBeenCalledWith(
            'expert-requests',
            expect.objectContaining({ id: 'r1', meta: { expertToken: token } }),
        );
        consoleError.mockRestore();
    });

    it('lists in the menu only what the role may read', async () => {
        const dataProvider = fakeDataProvider({ agents, cases: [makeCase()] });
        const { unmount } = render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('agent'))} />);
        await screen.findAllByTestId('case-subject', {}, { timeout: 5_000 });
        await waitFor(() => expect(menuItems()).toContain('Flow drafts'));
        // Agents do not read sources.
        expect(menuItems()).toEqual([
            'Cases',
            'Mentions',
            'Conversations',
            'Customers',
            'Agents',
            'Teams',
            'Experts',
            'Flows',
            'Flow drafts',
            'API tokens',
        ]);
        unmount();
        window.location.hash = '';

        // An auditor reads everything, the audit log included, and has API tokens of their own; users are for admins.
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('auditor'))} />);
        await screen.findAllByTestId('case-subject', {}, { timeout: 15_000 });
        await waitFor(() => expect(menuItems()).toHaveLength(15));
        expect(menuItems()).not.toContain('Users');
        expect(menuItems()).toContain('Dashboard'); // analytics:read, which agents have not
        expect(menuItems()).toContain('Audit log');
        expect(menuItems()).toContain('Crisis');
        expect(menuItems()).toContain('Reports'); // they read and run shared reports (analytics:read)
    });

    it('shows who is logged in, with their role, and logs them out', async () => {
        const dataProvider = fakeDataProvider({ agents, cases: [makeCase()] });
        const authProvider = fakeAuthProvider(makeMe('supervisor', { name: 'Sofia Kovalevskaya' }));
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={authProvider} />);
        expect(await screen.findByTestId('user-role')).toHaveTextContent('Supervisor');
        // jsdom's window is narrow: the user menu is an icon button.
        await user.click(await screen.findByRole('button', { name: 'Profile' }));
        expect(await screen.findByTestId('user-menu-name')).toHaveTextContent('Sofia Kovalevskaya');
        expect(screen.getByTestId('user-menu-role')).toHaveTextContent('Supervisor');
        await user.click(screen.getByRole('menuitem', { name: 'Logout' }));
        expect(await screen.findByTestId('login-form', {}, { timeout: 5_000 })).toBeInTheDocument();
        expect(screen.queryByTestId('login-notice')).toBeNull();
        expect(authProvider.fetch).toHaveBeenCalledWith('/api/auth/logout', expect.objectContaining({ method: 'POST' }));
    });

    it('sends the user to the login page, saying why, when the session expires', async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const dataProvider = fakeDataProvider({ agents, cases: [makeCase()] });
        dataProvider.getList.mockRejectedValue(
            new HttpError('the session ended', 401, {
                detail: { code: 'session_expired', message: 'the session ended after 30 minutes without use', path: '' },
            }),
        );
        const authProvider = fakeAuthProvider();
        render(<App dataProvider={dataProvider} authProvider={authProvider} />);
        expect(await screen.findByTestId('login-notice', {}, { timeout: 5_000 })).toHaveTextContent(
            'Your session expired after inactivity; log in again',
        );
        expect(screen.getByTestId('login-email')).toBeInTheDocument();
        expect(window.location.hash).toBe('#/login');
        // The session is over already: nothing to end on the API.
        expect(authProvider.fetch).not.toHaveBeenCalledWith('/api/auth/logout', expect.anything());
        consoleError.mockRestore();
    });

    it("keeps the user logged in on a 403 and shows the API's message", async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const dataProvider = fakeDataProvider({ agents, cases: [makeCase()] });
        const message = 'your role (agent) does not allow reading sources (sources:read); ask an admin';
        dataProvider.getList.mockImplementation(async (resource: string) => {
            if (resource === 'cases') throw new HttpError(message, 403, { detail: { code: 'forbidden', message, path: '' } });
            return { data: [], total: 0 };
        });
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);
        expect(await screen.findByText(message, {}, { timeout: 5_000 })).toBeInTheDocument();
        expect(screen.queryByTestId('login-form')).toBeNull();
        expect(screen.getByTestId('user-role')).toHaveTextContent('Admin');
        consoleError.mockRestore();
    });
});
