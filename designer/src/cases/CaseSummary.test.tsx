import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, HttpError, Notification, RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { agents, experts, makeCase } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { Case } from '../types';
import { CaseSummary } from './CaseSummary';

const setup = (record: Case) => {
    const dataProvider = fakeDataProvider({ agents, experts, cases: [record] });
    render(
        <AdminContext dataProvider={dataProvider}>
            <ResourceContextProvider value="cases">
                <RecordContextProvider value={record}>
                    <CaseSummary />
                </RecordContextProvider>
            </ResourceContextProvider>
            <Notification />
        </AdminContext>,
    );
    return { dataProvider };
};

describe('CaseSummary', () => {
    it('shows the handle time and how often the case was reopened', () => {
        setup(makeCase({ handle_seconds: 3720, reopen_count: 2 }));
        expect(screen.getByTestId('case-handle-time')).toHaveTextContent('1 h 2 min');
        expect(screen.getByTestId('case-reopen-count')).toHaveTextContent('2 times');
    });

    it('names the SLA policy the clocks run under', () => {
        setup(makeCase({ sla_policy: 'office-hours' }));
        expect(screen.getByTestId('case-sla-policy')).toHaveTextContent('office-hours');
    });

    it('says None for a case without an SLA policy', () => {
        setup(makeCase({ sla_policy: null }));
        expect(screen.getByTestId('case-sla-policy')).toHaveTextContent('None');
    });

    it('says a case was never reopened, and has no expert nor outcomes while open', () => {
        setup(makeCase({ sla_outcomes: { first_response: 'met' } }));
        expect(screen.getByTestId('case-reopen-count')).toHaveTextContent('Never');
        expect(screen.queryByTestId('case-expert')).toBeNull();
        // Outcomes count once the case is closed.
        expect(screen.queryByTestId('case-sla-outcomes')).toBeNull();
    });

    it("names the expert consulted and copies their link, as the API makes it, with its expiry", async () => {
        const user = userEvent.setup();
        // After userEvent.setup(), which installs a clipboard of its own.
        const writeText = vi.fn(async () => undefined);
        Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
        const { dataProvider } = setup(
            makeCase({ status: 'with_expert', assignee_id: null, expert_id: 'priya', expert_request_id: 'r1' }),
        );
        const fact = screen.getByTestId('case-expert');
        expect(fact).toHaveTextContent('With expert');
        await waitFor(() => expect(fact).toHaveTextContent('Priya Shah'));
        // The link is asked for only when wanted: the API makes its token.
        expect(dataProvider.getExpertLink).not.toHaveBeenCalled();

        await user.click(within(fact).getByTestId('case-expert-link'));
        const dialog = await screen.findByTestId('expert-link-dialog');
        const full = `${window.location.origin}/#/expert-requests/r1?token=1797491109.sig-r1`;
        expect(await within(dialog).findByTestId('expert-link-url')).toHaveValue(full);
        expect(dataProvider.getExpertLink).toHaveBeenCalledWith('r1');
        const expires = within(dialog).getByTestId('expert-link-expires');
        expect(expires).toHaveAttribute('data-expires-at', '2026-12-17T07:05:09Z');
        expect(expires).toHaveTextContent(/It works until .*2026/);

        await user.click(within(dialog).getByTestId('expert-link-url-copy'));
        await waitFor(() => expect(writeText).toHaveBeenCalledWith(full));
        expect(await screen.findByText('Link copied')).toBeInTheDocument();
    });

    it("shows why the link could not be made, and asks again", async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const user = userEvent.setup();
        const { dataProvider } = setup(
            makeCase({ status: 'with_expert', assignee_id: null, expert_id: 'priya', expert_request_id: 'r1' }),
        );
        const message = 'case c1 belongs to team t2; you work for t1';
        dataProvider.getExpertLink.mockRejectedValueOnce(
            new HttpError(message, 403, { detail: { code: 'other_team', message, path: '' } }),
        );
        await user.click(screen.getByTestId('case-expert-link'));
        expect(await screen.findByTestId('expert-link-error')).toHaveTextContent(message);
        await user.click(screen.getByRole('button', { name: 'Try again' }));
        expect(await screen.findByTestId('expert-link-url')).toHaveValue(
            `${window.location.origin}/#/expert-requests/r1?token=1797491109.sig-r1`,
        );
        expect(dataProvider.getExpertLink).toHaveBeenCalledTimes(2);
        consoleError.mockRestore();
    });

    it("offers no link to whoever may not work the case", async () => {
        const record = makeCase({ status: 'with_expert', assignee_id: null, expert_id: 'priya', expert_request_id: 'r1' });
        const authProvider = fakeAuthProvider(makeMe('auditor'));
        const dataProvider = fakeDataProvider({ agents, experts, cases: [record] });
        render(
            <AdminContext dataProvider={dataProvider} authProvider={authProvider}>
                <ResourceContextProvider value="cases">
                    <RecordContextProvider value={record}>
                        <CaseSummary />
                    </RecordContextProvider>
                </ResourceContextProvider>
            </AdminContext>,
        );
        await waitFor(() => expect(screen.getByTestId('case-expert')).toHaveTextContent('Priya Shah'));
        await authProvider.settled();
        expect(screen.queryByTestId('case-expert-link')).toBeNull();
    });

    it('shows the SLA outcomes of a closed case', () => {
        setup(
            makeCase({
                status: 'closed',
                close_reason: 'resolved',
                closed_at: '2025-01-02T12:00:00+00:00',
                expert_id: 'priya',
                expert_request_id: 'r1',
                sla_outcomes: { resolution: 'breached', first_response: 'met' },
            }),
        );
        const outcomes = screen.getByTestId('case-sla-outcomes');
        expect(outcomes).toHaveTextContent('First response: met');
        expect(outcomes).toHaveTextContent('Resolution: breached');
        expect(screen.getByTestId('case-expert')).toHaveTextContent('Expert consulted');
    });
    it('shows the resolution as due after the first reply, with each target\'s state', () => {
        setup(
            makeCase({
                first_response_at: '2025-01-02T10:30:00+00:00',
                sla_due_at: '2025-01-05T10:00:00+00:00',
                sla: {
                    first_response: { status: 'met', met_at: '2025-01-02T10:30:00+00:00', due_at: null },
                    next_response: { status: 'not_started', due_at: null },
                    resolution: { status: 'running', due_at: '2025-01-05T10:00:00+00:00' },
                },
            }),
        );
        const due = screen.getByTestId('sla-due');
        expect(due).toHaveAttribute('data-state', 'due');
        expect(due).toHaveTextContent(new Date('2025-01-05T10:00:00+00:00').toLocaleString());
        const targets = screen.getByTestId('case-sla-targets');
        expect(targets).toHaveTextContent('First response: met');
        expect(targets).toHaveTextContent('Next response: not started');
        expect(targets).toHaveTextContent(`Resolution: running, due ${new Date('2025-01-05T10:00:00+00:00').toLocaleString()}`);
    });

    it('says paused, not a dash, while the clocks wait on the customer', () => {
        setup(
            makeCase({
                status: 'pending',
                sla_due_at: null,
                sla: {
                    first_response: { status: 'met', met_at: '2025-01-02T10:30:00+00:00' },
                    resolution: { status: 'paused', due_at: null },
                },
            }),
        );
        expect(screen.getByTestId('case-sla')).toHaveTextContent('Paused');
        expect(screen.getByTestId('case-sla-targets')).toHaveTextContent('Resolution: paused');
    });

    it('never shows a case closed without a reply as met', () => {
        setup(
            makeCase({
                status: 'closed',
                close_reason: 'spam',
                closed_at: '2025-01-02T10:20:00+00:00',
                sla_due_at: null,
                sla: {
                    first_response: { status: 'running', due_at: '2025-01-02T11:00:00+00:00' },
                    resolution: { status: 'met', met_at: '2025-01-02T10:20:00+00:00' },
                },
                sla_outcomes: { first_response: 'closed_without_response', resolution: 'met' },
            }),
        );
        expect(screen.getByTestId('case-sla')).toHaveTextContent('—');
        expect(screen.getByTestId('case-sla')).not.toHaveTextContent(/met/i);
        expect(screen.queryByTestId('case-sla-targets')).toBeNull();
        const outcomes = screen.getByTestId('case-sla-outcomes');
        expect(outcomes).toHaveTextContent('First response: closed without response');
        expect(outcomes).toHaveTextContent('Resolution: met');
    });
});
