import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, HttpError, Notification, RecordContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import type { AuthProvider } from 'react-admin';
import { ada, fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { agents, cannedReplies, experts, makeCase } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { Case } from '../types';
import { ReplyPanel } from './ReplyPanel';

const teams = [
    { id: 't1', name: 'Support', description: '' },
    { id: 't2', name: 'Marketing', description: '' },
];

const setup = (record: Case = makeCase(), authProvider?: AuthProvider) => {
    const dataProvider = fakeDataProvider({ agents, experts, teams, cases: [record], canned_replies: cannedReplies });
    const user = userEvent.setup();
    render(
        <AdminContext dataProvider={dataProvider} authProvider={authProvider}>
            <RecordContextProvider value={record}>
                <ReplyPanel />
            </RecordContextProvider>
            <Notification />
        </AdminContext>,
    );
    return { dataProvider, user };
};

describe('ReplyPanel', () => {
    it('sends a reply as the logged-in assignee and clears the box', async () => {
        const { dataProvider, user } = setup(makeCase(), fakeAuthProvider(ada));
        const send = await screen.findByTestId('reply-send');
        expect(send).toBeDisabled();
        // Nobody to pick: the session says who replies.
        expect(screen.queryByRole('combobox', { name: 'Agent' })).toBeNull();
        expect(screen.queryByTestId('reply-holder')).toBeNull();

        await user.type(screen.getByTestId('reply-text'), 'Sorry about that, refunding now.');
        expect(send).toBeEnabled();
        await user.click(send);

        await waitFor(() =>
            expect(dataProvider.replyToCase).toHaveBeenCalledWith('c1', {
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
            expect(dataProvider.replyToCase).toHaveBeenCalledWith('c1', { text: 'Done!', close: true }),
        );
        expect(await screen.findByText('Reply sent and case resolved')).toBeInTheDocument();
    });

    it('says so when the reply is held for approval instead of sent', async () => {
        const { dataProvider, user } = setup();
        dataProvider.replyToCase.mockResolvedValueOnce({ data: makeCase({ drafts_pending: 1 }) });
        await user.type(screen.getByTestId('reply-text'), 'Refunded!');
        await user.click(screen.getByTestId('reply-send'));
        expect(await screen.findByText(/Reply held for approval: it is sent once/)).toBeInTheDocument();
        expect(await screen.findByTestId('reply-held')).toHaveTextContent('held for approval');
        expect(screen.queryByText('Reply sent')).not.toBeInTheDocument();
    });

    it('drops the held notice once the held reply is decided', async () => {
        const dataProvider = fakeDataProvider({ agents, experts, teams, cases: [] });
        dataProvider.replyToCase.mockResolvedValueOnce({ data: makeCase({ drafts_pending: 1 }) });
        const user = userEvent.setup();
        const page = (record: Case) => (
            <AdminContext dataProvider={dataProvider}>
                <RecordContextProvider value={record}>
                    <ReplyPanel />
                </RecordContextProvider>
            </AdminContext>
        );
        const { rerender } = render(page(makeCase()));
        await user.type(screen.getByTestId('reply-text'), 'Refunded!');
        await user.click(screen.getByTestId('reply-send'));
        expect(await screen.findByTestId('reply-held')).toBeInTheDocument();
        rerender(page(makeCase({ drafts_pending: 1 })));  // the page refreshed: one reply waits
        expect(screen.getByTestId('reply-held')).toBeInTheDocument();
        rerender(page(makeCase({ drafts_pending: 0, reply_count: 1 })));  // a supervisor approved it
        expect(screen.queryByTestId('reply-held')).toBeNull();
    });

    it('tells an agent to claim an unassigned case before replying (the header claims)', async () => {
        setup(makeCase({ assignee_id: null, status: 'open' }), fakeAuthProvider(ada));
        expect(await screen.findByTestId('reply-holder')).toHaveTextContent('Nobody holds this case yet: claim it to reply.');
        expect(screen.getByTestId('reply-text')).toBeDisabled();
        expect(screen.getByTestId('reply-send')).toBeDisabled();
    });

    it("tells an agent who holds someone else's case, without a takeover or a transfer", async () => {
        setup(makeCase({ assignee_id: 'a2' }), fakeAuthProvider(ada));
        const holder = await screen.findByTestId('reply-holder');
        await waitFor(() => expect(holder).toHaveTextContent('Bob Stone holds this case: only they reply.'));
        expect(screen.getByTestId('reply-text')).toBeDisabled();
        expect(screen.queryByTestId('case-claim')).toBeNull();
        expect(screen.queryByTestId('case-takeover')).toBeNull();
        expect(screen.queryByTestId('case-transfer')).toBeNull();
        // Closing needs no particular holder.
        expect(screen.getByTestId('case-close')).toBeEnabled();
    });

    it('lets a supervisor transfer the case', async () => {
        const sofia = makeMe('supervisor', { id: 'sofia', agent_id: 'sofia' });
        const { dataProvider, user } = setup(makeCase({ assignee_id: 'a1' }), fakeAuthProvider(sofia));
        const holder = await screen.findByTestId('reply-holder');
        await waitFor(() => expect(holder).toHaveTextContent('Ada Lovelace holds this case: only they reply, unless you take it over.'));

        await user.click(screen.getByTestId('case-transfer'));
        const dialog = await screen.findByRole('dialog');
        await user.click(within(dialog).getByRole('combobox', { name: 'Team' }));
        // The case's own team is not offered.
        expect(screen.queryByRole('option', { name: 'Support' })).toBeNull();
        await user.click(await screen.findByRole('option', { name: 'Marketing' }));
        await user.type(within(dialog).getByTestId('case-transfer-note'), 'Press question');
        await user.click(within(dialog).getByTestId('case-transfer-confirm'));
        await waitFor(() =>
            expect(dataProvider.transferCase).toHaveBeenCalledWith('c1', { team_id: 't2', note: 'Press question' }),
        );
    });

    it('is not offered to an auditor, who only reads', async () => {
        const auditor = fakeAuthProvider(makeMe('auditor'));
        setup(makeCase(), auditor);
        await auditor.settled();
        expect(auditor.fetch).toHaveBeenCalledWith('/api/auth/me', expect.anything());
        expect(screen.queryByTestId('case-reply')).toBeNull();
        expect(screen.queryByTestId('reply-send')).toBeNull();
    });

    it('shows the API error message and keeps the text', async () => {
        // react-admin logs failed data provider calls; keep the test output clean.
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const { dataProvider, user } = setup();
        dataProvider.replyToCase.mockRejectedValueOnce(
            new HttpError('case c1 has finished; it takes no changes', 409, { detail: { code: 'case_closed', message: 'case c1 has finished; it takes no changes', path: '' } }),
        );
        await user.type(screen.getByTestId('reply-text'), 'Hi');
        await user.click(screen.getByTestId('reply-send'));
        expect(await screen.findByText('case c1 has finished; it takes no changes')).toBeInTheDocument();
        expect(screen.getByTestId('reply-text')).toHaveValue('Hi');
        consoleError.mockRestore();
    });

    it('closes the case with the chosen reason', async () => {
        const { dataProvider, user } = setup();
        await user.click(screen.getByTestId('case-close'));
        const dialog = await screen.findByRole('dialog');
        await user.click(within(dialog).getByLabelText('Spam'));
        await user.click(within(dialog).getByTestId('case-close-confirm'));
        await waitFor(() => expect(dataProvider.closeCase).toHaveBeenCalledWith('c1', { reason: 'spam' }));
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
                expert_id: 'omar',
                question: 'Is the double charge a known bug?',
            }),
        );
        expect(await screen.findByText('Case handed to the expert')).toBeInTheDocument();
        await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
        expect(dataProvider.getList).toHaveBeenCalledWith('experts', expect.objectContaining({ filter: { active: true } }));
    });

    it("offers the expert's link right after the hand-off", async () => {
        const { dataProvider, user } = setup();
        dataProvider.askExpert.mockResolvedValueOnce({
            data: makeCase({ status: 'with_expert', assignee_id: null, expert_id: 'priya', expert_request_id: 'r9' }),
        });
        await user.click(screen.getByTestId('case-ask-expert'));
        const dialog = await screen.findByRole('dialog');
        await user.click(within(dialog).getByRole('combobox', { name: 'Expert' }));
        await user.click(await screen.findByRole('option', { name: /Priya Shah/ }));
        await user.type(within(dialog).getByTestId('ask-expert-question'), 'Refund both?');
        await user.click(within(dialog).getByTestId('ask-expert-confirm'));

        const link = await screen.findByTestId('expert-link-dialog');
        expect(within(link).getByTestId('expert-link-intro')).toHaveTextContent('The case is with the expert now');
        expect(await within(link).findByTestId('expert-link-url')).toHaveValue(
            `${window.location.origin}/#/expert-requests/r9?token=1797491109.sig-r9`,
        );
        expect(dataProvider.getExpertLink).toHaveBeenCalledWith('r9');
        await user.click(within(link).getByTestId('expert-link-close'));
        await waitFor(() => expect(screen.queryByTestId('expert-link-dialog')).toBeNull());
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
        expect(screen.getByTestId('case-close')).toBeEnabled();
    });

    it('counts characters against the channel limit and refuses to send past it', async () => {
        const { user } = setup(makeCase({ source: 'twitter' }));
        const counter = screen.getByTestId('reply-counter');
        expect(counter).toHaveTextContent('0 / 280 (twitter)');
        const box = screen.getByTestId('reply-text');
        await user.click(box);
        await user.paste('x'.repeat(281));
        expect(counter).toHaveTextContent('281 / 280 (twitter) — 1 too many');
        expect(counter).toHaveAttribute('data-over', 'true');
        expect(screen.getByTestId('reply-send')).toBeDisabled();
        await user.type(box, '{Backspace}');
        expect(counter).toHaveAttribute('data-over', 'false');
        expect(screen.getByTestId('reply-send')).toBeEnabled();
    });

    it('counts without a limit on email', () => {
        setup(makeCase({ source: 'email' }));
        expect(screen.getByTestId('reply-counter')).toHaveTextContent('0 characters (email: no limit)');
    });

    it('inserts a canned reply with its variables filled in', async () => {
        const { user } = setup(makeCase({ author: '@jane' }), fakeAuthProvider(ada));
        await user.click(await screen.findByTestId('canned-replies'));
        await user.click(await screen.findByTestId('canned-dm'));
        expect(screen.getByTestId('reply-text')).toHaveValue(
            'Hi jane, could you send us a direct message with your order number? Reference: c1.',
        );
        await user.click(screen.getByTestId('canned-replies'));
        await user.click(await screen.findByTestId('canned-greeting'));
        expect((screen.getByTestId('reply-text') as HTMLTextAreaElement).value).toContain(
            `Reference: c1. Hi jane, thanks for reaching out. I am ${ada.name} and I will look into this for you.`,
        );
    });

    it('adds and removes tags through /tags', async () => {
        const { dataProvider, user } = setup(makeCase({ tags: ['billing'] }));
        await user.click(screen.getByTestId('case-tags-edit'));
        const dialog = await screen.findByRole('dialog');
        await user.type(within(dialog).getByTestId('case-tag-new'), 'press{Enter}');
        await waitFor(() => expect(dataProvider.changeCaseTags).toHaveBeenCalledWith('c1', { add: ['press'], remove: [] }));
        const chip = within(dialog).getByTestId('case-tag-chip');
        await user.click(within(chip).getByTestId('CancelIcon'));
        await waitFor(() =>
            expect(dataProvider.changeCaseTags).toHaveBeenCalledWith('c1', { add: [], remove: ['billing'] }),
        );
    });

    it('puts the case on waiting for the customer, and back', async () => {
        const { dataProvider, user } = setup(makeCase());
        await user.click(screen.getByTestId('case-pending'));
        await waitFor(() => expect(dataProvider.setCasePending).toHaveBeenCalledWith('c1', { waiting: true }));
        expect(await screen.findByText(/SLA clocks are paused/)).toBeInTheDocument();
    });

    it('offers "Back to work" on a case waiting on the customer', () => {
        setup(makeCase({ status: 'pending' }));
        expect(screen.getByTestId('case-pending')).toHaveTextContent('Back to work');
    });

    it('says before sending that the reply will need approval, when the flow says so', async () => {
        const { dataProvider, user } = setup(makeCase(), fakeAuthProvider(ada));
        dataProvider.checkReply.mockResolvedValue({ data: { needs_approval: true, evidence: {} } });
        expect(screen.queryByTestId('reply-needs-approval')).toBeNull();
        await user.type(await screen.findByTestId('reply-text'), 'We will refund you');
        expect(await screen.findByTestId('reply-needs-approval')).toHaveTextContent('Will need approval');
        expect(dataProvider.checkReply).toHaveBeenLastCalledWith('c1', { text: 'We will refund you' });
        await user.clear(screen.getByTestId('reply-text'));
        await waitFor(() => expect(screen.queryByTestId('reply-needs-approval')).toBeNull());
    });
});
