import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, HttpError, Notification, RecordContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { agents, experts, makeCase } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { Case } from '../types';
import { ReplyPanel } from './ReplyPanel';

const setup = (record: Case = makeCase()) => {
    const dataProvider = fakeDataProvider({ agents, experts, cases: [record] });
    const user = userEvent.setup();
    render(
        <AdminContext dataProvider={dataProvider}>
            <RecordContextProvider value={record}>
                <ReplyPanel />
            </RecordContextProvider>
            <Notification />
        </AdminContext>,
    );
    return { dataProvider, user };
};

describe('ReplyPanel', () => {
    it('sends a reply as the assignee and clears the box', async () => {
        const { dataProvider, user } = setup();
        const send = screen.getByTestId('reply-send');
        expect(send).toBeDisabled();
        // The agent selector defaults to the case assignee.
        await waitFor(() => expect(screen.getByRole('combobox', { name: 'Agent' })).toHaveTextContent('Ada Lovelace'));

        await user.type(screen.getByTestId('reply-text'), 'Sorry about that, refunding now.');
        expect(send).toBeEnabled();
        await user.click(send);

        await waitFor(() =>
            expect(dataProvider.replyToCase).toHaveBeenCalledWith('c1', {
                agent_id: 'a1',
                text: 'Sorry about that, refunding now.',
                close: false,
            }),
        );
        expect(await screen.findByText('Reply sent')).toBeInTheDocument();
        expect(screen.getByTestId('reply-text')).toHaveValue('');
    });

    it('"Send and resolve" asks the API to close the case', async () => {
        const { dataProvider, user } = setup();
        await user.type(screen.getByTestId('reply-text'), 'Done!');
        await user.click(screen.getByTestId('reply-send-resolve'));
        await waitFor(() =>
            expect(dataProvider.replyToCase).toHaveBeenCalledWith('c1', { agent_id: 'a1', text: 'Done!', close: true }),
        );
        expect(await screen.findByText('Reply sent and case resolved')).toBeInTheDocument();
    });

    it('says so when the reply is held for approval instead of sent', async () => {
        const { dataProvider, user } = setup();
        dataProvider.replyToCase.mockResolvedValueOnce({ data: makeCase({ drafts_pending: 1 }) });
        await user.type(screen.getByTestId('reply-text'), 'Refunded!');
        await user.click(screen.getByTestId('reply-send'));
        expect(await screen.findByText(/held for approval/)).toBeInTheDocument();
        expect(screen.queryByText('Reply sent')).not.toBeInTheDocument();
    });

    it('needs an agent on an unassigned case, and uses the one picked', async () => {
        const { dataProvider, user } = setup(makeCase({ assignee_id: null, status: 'open' }));
        await user.type(screen.getByTestId('reply-text'), 'Hello');
        expect(screen.getByTestId('reply-send')).toBeDisabled();

        await user.click(screen.getByRole('combobox', { name: 'Agent' }));
        await user.click(await screen.findByRole('option', { name: 'Bob Stone (offline)' }));
        expect(screen.getByTestId('reply-send')).toBeEnabled();
        await user.click(screen.getByTestId('reply-send'));
        await waitFor(() =>
            expect(dataProvider.replyToCase).toHaveBeenCalledWith('c1', { agent_id: 'a2', text: 'Hello', close: false }),
        );
    });

    it('shows the API error message and keeps the text', async () => {
        // react-admin logs failed data provider calls; keep the test output clean.
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const { dataProvider, user } = setup();
        dataProvider.replyToCase.mockRejectedValueOnce(
            new HttpError('Agent a1 is offline', 409, { detail: { code: 'agent_offline', message: 'Agent a1 is offline', path: '/agent_id' } }),
        );
        await user.type(screen.getByTestId('reply-text'), 'Hi');
        await user.click(screen.getByTestId('reply-send'));
        expect(await screen.findByText('Agent a1 is offline')).toBeInTheDocument();
        expect(screen.getByTestId('reply-text')).toHaveValue('Hi');
        consoleError.mockRestore();
    });

    it('closes the case with the chosen reason', async () => {
        const { dataProvider, user } = setup();
        await user.click(screen.getByTestId('case-close'));
        const dialog = await screen.findByRole('dialog');
        await user.click(within(dialog).getByLabelText('Spam'));
        await user.click(within(dialog).getByTestId('case-close-confirm'));
        await waitFor(() => expect(dataProvider.closeCase).toHaveBeenCalledWith('c1', { reason: 'spam', agent_id: 'a1' }));
        expect(await screen.findByText('Case closed')).toBeInTheDocument();
    });

    it('disables every action on a closed case', async () => {
        setup(makeCase({ status: 'closed', close_reason: 'resolved' }));
        expect(screen.getByText('This case is closed.')).toBeInTheDocument();
        expect(screen.getByTestId('reply-text')).toBeDisabled();
        expect(screen.getByTestId('reply-send')).toBeDisabled();
        expect(screen.getByTestId('reply-send-resolve')).toBeDisabled();
        expect(screen.getByTestId('case-close')).toBeDisabled();
        expect(screen.getByTestId('case-ask-expert')).toBeDisabled();
    });

    it('hands the case to the expert picked, with the question', async () => {
        const { dataProvider, user } = setup();
        await user.click(screen.getByTestId('case-ask-expert'));
        const dialog = await screen.findByRole('dialog');
        const ask = within(dialog).getByTestId('ask-expert-confirm');
        expect(ask).toBeDisabled();
        await user.click(within(dialog).getByRole('combobox', { name: 'Expert' }));
        await user.click(await screen.findByRole('option', { name: 'Omar Haddad · Product (answers within 4 h)' }));
        await user.type(within(dialog).getByTestId('ask-expert-question'), 'Is the double charge a known bug?');
        await user.click(ask);
        await waitFor(() =>
            expect(dataProvider.askExpert).toHaveBeenCalledWith('c1', {
                agent_id: 'a1',
                expert_id: 'omar',
                question: 'Is the double charge a known bug?',
            }),
        );
        expect(await screen.findByText('Case handed to the expert')).toBeInTheDocument();
        await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
        expect(dataProvider.getList).toHaveBeenCalledWith('experts', expect.objectContaining({ filter: { active: true } }));
    });

    it('keeps the question open and shows why when the API refuses it', async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const { dataProvider, user } = setup();
        const message = "no active expert 'priya'; see GET /api/experts";
        dataProvider.askExpert.mockRejectedValueOnce(
            new HttpError(message, 422, { detail: { code: 'unknown_expert', message, path: 'expert_id' } }),
        );
        await user.click(screen.getByTestId('case-ask-expert'));
        const dialog = await screen.findByRole('dialog');
        await user.click(within(dialog).getByRole('combobox', { name: 'Expert' }));
        await user.click(await screen.findByRole('option', { name: /Priya Shah/ }));
        await user.type(within(dialog).getByTestId('ask-expert-question'), 'Refund both?');
        await user.click(within(dialog).getByTestId('ask-expert-confirm'));
        expect(await screen.findByText(message)).toBeInTheDocument();
        expect(screen.getByRole('dialog')).toBeInTheDocument();
        expect(within(dialog).getByTestId('ask-expert-question')).toHaveValue('Refund both?');
        consoleError.mockRestore();
    });

    it('holds replies while the case is with an expert, but lets it be closed', async () => {
        setup(makeCase({ status: 'with_expert', assignee_id: null, expert_id: 'priya', expert_request_id: 'r1' }));
        expect(screen.getByTestId('case-with-expert')).toBeInTheDocument();
        expect(screen.getByTestId('reply-text')).toBeDisabled();
        expect(screen.getByTestId('case-ask-expert')).toBeDisabled();
        // Nobody holds the case: closing it needs an agent picked first.
        expect(screen.getByTestId('case-close')).toBeDisabled();
    });
});
