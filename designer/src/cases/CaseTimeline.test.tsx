import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { agents, caseEvents, experts, makeCase } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';
import { CaseTimeline } from './CaseTimeline';

describe('CaseTimeline', () => {
    it('lists the events of the case and explains a decision on demand', async () => {
        const dataProvider = fakeDataProvider({ agents, case_events: caseEvents });
        const user = userEvent.setup();
        render(
            <AdminContext dataProvider={dataProvider}>
                <ResourceContextProvider value="cases">
                    <RecordContextProvider value={makeCase()}>
                        <CaseTimeline />
                    </RecordContextProvider>
                </ResourceContextProvider>
            </AdminContext>,
        );

        const entries = await screen.findAllByTestId('case-event');
        expect(entries.map(entry => entry.getAttribute('data-kind'))).toEqual(['triaged', 'assigned']);
        expect(dataProvider.getManyReference).toHaveBeenCalledWith(
            'case_events',
            expect.objectContaining({ target: 'case_id', id: 'c1', sort: { field: 'at', order: 'ASC' } }),
        );
        expect(screen.getByText('system')).toBeInTheDocument();
        // An agent actor is shown by name.
        await waitFor(() => expect(screen.getByText('Ada Lovelace')).toBeInTheDocument());

        // Only the event with a detail can be explained.
        expect(screen.getAllByRole('button', { name: 'Why?' })).toHaveLength(1);
        expect(screen.queryByTestId('case-event-detail')).toBeNull();
        await user.click(screen.getByRole('button', { name: 'Why?' }));
        const detail = await screen.findByTestId('case-event-detail');
        expect(JSON.parse(detail.textContent ?? '')).toEqual(caseEvents[0].detail);
    });

    it('names an outside expert as the actor of their answer', async () => {
        const answered = {
            id: 'ev3',
            case_id: 'c1',
            at: '2025-01-02T12:00:00+00:00',
            kind: 'expert_answered',
            actor: 'expert:priya',
            detail: {},
        };
        const dataProvider = fakeDataProvider({ agents, experts, case_events: [answered] });
        render(
            <AdminContext dataProvider={dataProvider}>
                <ResourceContextProvider value="cases">
                    <RecordContextProvider value={makeCase()}>
                        <CaseTimeline />
                    </RecordContextProvider>
                </ResourceContextProvider>
            </AdminContext>,
        );
        const entry = await screen.findByTestId('case-event');
        await waitFor(() => expect(entry).toHaveTextContent('Priya Shah'));
        expect(dataProvider.getMany).toHaveBeenCalledWith('experts', expect.objectContaining({ ids: ['priya'] }));
    });
});
