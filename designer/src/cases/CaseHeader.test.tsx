import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, HttpError, Notification, RecordContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import type { AuthProvider } from 'react-admin';
import { ada, fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { agents, makeCase } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { Case } from '../types';
import { CaseHeader, holderActions } from './CaseHeader';
import { PRESENCE_BEAT_MS } from './CaseViewers';
import { formatCountdown } from './SlaClocks';

const sofia = makeMe('supervisor', { id: 'sofia', agent_id: 'sofia' });
const everyAgent = [...agents, { id: 'sofia', name: 'Sofia K', email: 's@example.com', team_id: 't1', online: true, open_cases: 1 }];

const setup = (record: Case, authProvider?: AuthProvider) => {
    const dataProvider = fakeDataProvider({ agents: everyAgent, cases: [record] });
    const user = userEvent.setup();
    render(
        <AdminContext dataProvider={dataProvider} authProvider={authProvider}>
            <RecordContextProvider value={record}>
                <CaseHeader />
            </RecordContextProvider>
            <Notification />
        </AdminContext>,
    );
    return { dataProvider, user };
};

describe('holderActions', () => {
    const can = { canWork: true, canTakeOver: false };
    it('offers a claim on an unassigned case, release to its holder, takeover and release to supervisors', () => {
        const open = makeCase({ assignee_id: null, status: 'open' });
        expect(holderActions(open, 'a1', can)).toEqual({ claim: true, release: false, takeover: false });
        const mine = makeCase({ assignee_id: 'a1', claimed_by: 'a1' });
        expect(holderActions(mine, 'a1', can)).toEqual({ claim: false, release: true, takeover: false });
        const assignedToMe = makeCase({ assignee_id: 'a1', claimed_by: null });
        expect(holderActions(assignedToMe, 'a1', can)).toEqual({ claim: true, release: true, takeover: false });
        const theirs = makeCase({ assignee_id: 'a2', claimed_by: 'a2' });
        expect(holderActions(theirs, 'a1', can)).toEqual({ claim: false, release: false, takeover: false });
        expect(holderActions(theirs, 'sofia', { canWork: true, canTakeOver: true })).toEqual({
            claim: false,
            release: true,
            takeover: true,
        });
    });

    it('offers nothing on a closed case, with an expert, or to someone who does not work cases', () => {
        const none = { claim: false, release: false, takeover: false };
        expect(holderActions(makeCase({ status: 'closed', assignee_id: null }), 'a1', can)).toEqual(none);
        expect(holderActions(makeCase({ status: 'with_expert', assignee_id: null }), 'a1', can)).toEqual(none);
        expect(holderActions(makeCase({ assignee_id: null }), null, can)).toEqual(none);
        expect(holderActions(makeCase({ assignee_id: null }), 'a1', { canWork: false, canTakeOver: false })).toEqual(none);
    });
});

describe('CaseHeader', () => {
    it('shows the whole subject on hover and the holder by name', async () => {
        const subject = 'My card was charged twice and nobody answers my emails about the refund';
        setup(makeCase({ subject, assignee_id: 'a2', claimed_by: 'a2' }), fakeAuthProvider(ada));
        expect(screen.getByTestId('case-title')).toHaveAttribute('title', subject);
        await waitFor(() => expect(screen.getByTestId('case-holder')).toHaveTextContent('Claimed by Bob Stone'));
        expect(screen.queryByTestId('case-claim')).toBeNull();
        expect(screen.queryByTestId('case-release')).toBeNull();
        expect(screen.queryByTestId('case-takeover')).toBeNull();
    });

    it('lets an agent claim an unassigned case', async () => {
        const { dataProvider, user } = setup(makeCase({ assignee_id: null, status: 'open' }), fakeAuthProvider(ada));
        expect(screen.getByTestId('case-holder')).toHaveTextContent("Unassigned: waiting in its team's queue");
        await user.click(await screen.findByTestId('case-claim'));
        await waitFor(() => expect(dataProvider.claimCase).toHaveBeenCalledWith('c1', {}));
        expect(await screen.findByText('Case claimed: it is yours to work')).toBeInTheDocument();
    });

    it('says plainly who won when a claim is refused', async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const { dataProvider, user } = setup(makeCase({ assignee_id: null, status: 'open' }), fakeAuthProvider(ada));
        const message = 'a2 is working on this case (since 2025-01-02T10:02:00+00:00)';
        dataProvider.claimCase.mockRejectedValueOnce(
            new HttpError(message, 409, { detail: { code: 'claimed', message, path: '' } }),
        );
        await user.click(await screen.findByTestId('case-claim'));
        expect(await screen.findByTestId('case-claim-refused')).toHaveTextContent(message);
        consoleError.mockRestore();
    });

    it("lets the holder release the case to its team's queue", async () => {
        const { dataProvider, user } = setup(makeCase({ assignee_id: 'a1', claimed_by: 'a1' }), fakeAuthProvider(ada));
        await waitFor(() => expect(screen.getByTestId('case-holder')).toHaveTextContent('Claimed by Ada Lovelace (you)'));
        await user.click(await screen.findByTestId('case-release'));
        await waitFor(() => expect(dataProvider.releaseCase).toHaveBeenCalledWith('c1'));
        expect(await screen.findByText("Case released: it is back in its team's queue")).toBeInTheDocument();
    });

    it('lets a supervisor take over or release a case someone else holds', async () => {
        const { dataProvider, user } = setup(makeCase({ assignee_id: 'a1', claimed_by: 'a1' }), fakeAuthProvider(sofia));
        await user.click(await screen.findByTestId('case-takeover'));
        await waitFor(() => expect(dataProvider.claimCase).toHaveBeenCalledWith('c1', { takeover: true }));
        expect(screen.getByTestId('case-release')).toBeInTheDocument();
    });

    it('offers no buttons to an auditor', async () => {
        const auditor = fakeAuthProvider(makeMe('auditor'));
        const { dataProvider } = setup(makeCase({ assignee_id: null, status: 'open' }), auditor);
        await auditor.settled();
        expect(screen.queryByTestId('case-claim')).toBeNull();
        expect(dataProvider.casePresence).not.toHaveBeenCalled(); // only those who work cases say they are viewing
    });

    it('beats presence every 20 seconds and shows the other viewers by name', async () => {
        vi.useFakeTimers({ shouldAdvanceTime: true });
        try {
            const { dataProvider } = setup(makeCase(), fakeAuthProvider(ada));
            dataProvider.casePresence.mockResolvedValue({
                data: [
                    { agent_id: 'a1', seen_at: '2025-01-02T10:00:00Z' },
                    { agent_id: 'a2', seen_at: '2025-01-02T10:00:00Z' },
                ],
            });
            await waitFor(() => expect(dataProvider.casePresence).toHaveBeenCalledTimes(1));
            await vi.advanceTimersByTimeAsync(PRESENCE_BEAT_MS);
            await waitFor(() => expect(dataProvider.casePresence).toHaveBeenCalledTimes(2));
            const viewers = await screen.findAllByTestId('case-viewer');
            expect(viewers.map(v => v.getAttribute('data-agent'))).toEqual(['a2']); // not oneself
            await waitFor(() => expect(viewers[0]).toHaveAttribute('aria-label', 'Bob Stone'));
        } finally {
            vi.useRealTimers();
        }
    });

    it('counts down each running SLA target and shows met and paused ones', () => {
        const soon = new Date(Date.now() + 10 * 60_000 + 30_000).toISOString();
        setup(
            makeCase({
                sla: {
                    first_response: { status: 'met', met_at: '2025-01-02T10:05:00Z' },
                    next_response: { status: 'running', due_at: soon },
                    resolution: { status: 'paused', remaining_seconds: 3600 },
                },
            }),
        );
        const clocks = screen.getAllByTestId('sla-clock');
        expect(clocks.map(c => c.getAttribute('data-target'))).toEqual(['first_response', 'next_response', 'resolution']);
        expect(clocks[0]).toHaveTextContent('First response: met');
        expect(clocks[1]).toHaveTextContent(/Next response: 10m \d\ds left/);
        expect(clocks[2]).toHaveTextContent('Resolution: paused, 1h 00m left');
    });

    it('shows an overdue clock as overdue, and a closed case by its outcomes', () => {
        const late = new Date(Date.now() - 5 * 60_000).toISOString();
        setup(makeCase({ sla: { first_response: { status: 'running', due_at: late } } }));
        expect(screen.getByTestId('sla-clock')).toHaveAttribute('data-state', 'overdue');
        expect(screen.getByTestId('sla-clock')).toHaveTextContent(/First response: overdue 5m/);
    });

    it('formats countdowns', () => {
        expect(formatCountdown(40)).toBe('40s');
        expect(formatCountdown(95)).toBe('1m 35s');
        expect(formatCountdown(3725)).toBe('1h 02m');
        expect(formatCountdown(90000)).toBe('1d 1h');
    });
});
