import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, Notification, RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
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

    it('says a case was never reopened, and has no expert nor outcomes while open', () => {
        setup(makeCase({ sla_outcomes: { first_response: 'met' } }));
        expect(screen.getByTestId('case-reopen-count')).toHaveTextContent('Never');
        expect(screen.queryByTestId('case-expert')).toBeNull();
        // Outcomes count once the case is closed.
        expect(screen.queryByTestId('case-sla-outcomes')).toBeNull();
    });

    it('names the expert consulted and links to their request, with a link to copy', async () => {
        const user = userEvent.setup();
        // After userEvent.setup(), which installs a clipboard of its own.
        const writeText = vi.fn(async () => undefined);
        Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
        setup(makeCase({ status: 'with_expert', assignee_id: null, expert_id: 'priya', expert_request_id: 'r1' }));
        const fact = screen.getByTestId('case-expert');
        expect(fact).toHaveTextContent('With expert');
        await waitFor(() => expect(fact).toHaveTextContent('Priya Shah'));
        expect(within(fact).getByTestId('case-expert-request')).toHaveAttribute('href', '#/expert-requests/r1');

        await user.click(within(fact).getByTestId('case-expert-copy'));
        await waitFor(() => expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/#/expert-requests/r1`));
        expect(await screen.findByText('Link copied')).toBeInTheDocument();
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
});
