import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { ada, fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { agents, caseEvents, makeCase } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';

// Bob (a2), a junior, replied: the flow's approval rule held the reply.
const heldCase = makeCase({ assignee_id: 'a2', drafts_pending: 1 });
const draft = {
    id: 'r1',
    case_id: 'c1',
    reply_id: 'r1',
    agent_id: 'a2',
    text: 'We will refund both charges today.',
    status: 'pending',
    created_at: '2025-01-02T10:30:00+00:00',
    close: true,
    decided_by: null,
    reason: null,
    evidence: { 'agent.seniority': 'junior' },
};

const setup = (authProvider: ReturnType<typeof fakeAuthProvider>) => {
    window.location.hash = '#/cases/c1/show';
    const dataProvider = fakeDataProvider({
        agents,
        cases: [heldCase],
        case_events: caseEvents,
        drafts: [draft, { ...draft, id: 'r0', reply_id: 'r0', status: 'rejected', text: 'Old, rejected' }],
    });
    const user = userEvent.setup();
    render(<App dataProvider={dataProvider} authProvider={authProvider} />);
    return { dataProvider, user };
};

describe('replies awaiting approval', () => {
    beforeEach(() => {
        vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    });

    afterEach(() => {
        window.location.hash = '';
        vi.restoreAllMocks();
    });

    it('lets a supervisor approve, edit or reject a held reply', async () => {
        const sofia = makeMe('supervisor', { id: 'sofia', agent_id: 'sofia' });
        const { dataProvider, user } = setup(fakeAuthProvider(sofia));
        const item = await screen.findByTestId('case-draft', {}, { timeout: 5_000 });
        expect(dataProvider.getCaseDrafts).toHaveBeenCalledWith('c1');
        // Only pending drafts are listed.
        expect(screen.getAllByTestId('case-draft')).toHaveLength(1);
        expect(within(item).getByTestId('case-draft-text')).toHaveTextContent('We will refund both charges today.');
        await waitFor(() => expect(item).toHaveTextContent('Bob Stone'));
        expect(item).toHaveTextContent('Resolves the case');

        await user.click(await within(item).findByTestId('draft-approve'));
        await waitFor(() => expect(dataProvider.approveReply).toHaveBeenCalledWith('c1', { reply_id: 'r1' }));
        expect(await screen.findByText('Reply approved and sent')).toBeInTheDocument();

        await user.click(within(item).getByTestId('draft-edit'));
        const edit = await screen.findByTestId('draft-edit-text');
        expect(edit).toHaveValue('We will refund both charges today.');
        await user.clear(edit);
        await user.type(edit, 'We have refunded both charges.');
        await user.click(screen.getByTestId('draft-edit-text-confirm'));
        await waitFor(() =>
            expect(dataProvider.approveReply).toHaveBeenCalledWith('c1', { reply_id: 'r1', text: 'We have refunded both charges.' }),
        );

        await user.click(within(item).getByTestId('draft-reject'));
        const reason = await screen.findByTestId('draft-reject-reason');
        expect(screen.getByTestId('draft-reject-reason-confirm')).toBeDisabled();
        await user.type(reason, 'Check with billing first');
        await user.click(screen.getByTestId('draft-reject-reason-confirm'));
        await waitFor(() =>
            expect(dataProvider.rejectReply).toHaveBeenCalledWith('c1', { reply_id: 'r1', reason: 'Check with billing first' }),
        );
    });

    it('shows an agent the held reply, with no approve button', async () => {
        const authProvider = fakeAuthProvider(ada);
        setup(authProvider);
        const item = await screen.findByTestId('case-draft', {}, { timeout: 5_000 });
        expect(within(item).getByTestId('draft-waiting')).toHaveTextContent('Waiting for a supervisor to approve it.');
        await authProvider.settled();
        expect(screen.queryByTestId('draft-approve')).toBeNull();
        expect(screen.queryByTestId('draft-reject')).toBeNull();
        // Ada may work the case (reply, notes) but not take it over or transfer it.
        expect(await screen.findByTestId('case-reply')).toBeInTheDocument();
        expect(screen.queryByTestId('case-takeover')).toBeNull();
        expect(screen.queryByTestId('case-transfer')).toBeNull();
    });

    it("does not let a supervisor approve their own reply", async () => {
        const bob = makeMe('supervisor', { id: 'a2', agent_id: 'a2' });
        setup(fakeAuthProvider(bob));
        const approve = await screen.findByTestId('draft-approve', {}, { timeout: 5_000 });
        expect(approve).toBeDisabled();
        expect(screen.getByTestId('case-draft')).toHaveTextContent('You wrote this reply: someone else approves it.');
    });

    it('shows an auditor the whole case, read-only', async () => {
        const authProvider = fakeAuthProvider(makeMe('auditor'));
        setup(authProvider);
        expect(await screen.findByTestId('case-draft', {}, { timeout: 5_000 })).toBeInTheDocument();
        expect(await screen.findByTestId('case-timeline')).toBeInTheDocument();
        await authProvider.settled();
        for (const testId of ['draft-approve', 'case-reply', 'reply-send', 'note-add', 'case-close', 'case-takeover']) {
            expect(screen.queryByTestId(testId)).toBeNull();
        }
    });

    it('hides the timeline from whoever may not read case histories', async () => {
        const authProvider = fakeAuthProvider(
            makeMe('agent', { permissions: makeMe('agent').permissions.filter(permission => permission !== 'audit:read') }),
        );
        setup(authProvider);
        expect(await screen.findByTestId('case-draft', {}, { timeout: 5_000 })).toBeInTheDocument();
        await authProvider.settled();
        expect(screen.queryByTestId('case-timeline')).toBeNull();
    });
});
