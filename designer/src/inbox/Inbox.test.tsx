import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, RecordContextProvider, useGetList } from 'react-admin';
import { Route, Routes, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { SlaCountdown } from '../cases/SlaDue';
import { HolderField } from '../cases/CaseList';
import { agents, makeCase } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';
import { InboxProvider, REFRESH_THROTTLE_MS } from './InboxContext';
import { InboxMenuItems } from './InboxMenu';
import { NotificationBell } from './NotificationBell';
import { fakeInboxApi } from './testApi';

const Where = () => {
    const location = useLocation();
    return <div data-testid="where">{`${location.pathname}${location.search}`}</div>;
};

const CaseCount = () => {
    const { total } = useGetList('cases');
    return <div data-testid="case-total">{total ?? '…'}</div>;
};

const setup = (children: React.ReactNode, dataProvider = fakeDataProvider({ cases: [makeCase()] })) => {
    const fake = fakeInboxApi();
    render(
        <AdminContext dataProvider={dataProvider}>
            <InboxProvider api={fake.api}>
                <Routes>
                    <Route
                        path="*"
                        element={
                            <>
                                {children}
                                <Where />
                            </>
                        }
                    />
                </Routes>
            </InboxProvider>
        </AdminContext>,
    );
    return { ...fake, dataProvider, user: userEvent.setup() };
};

describe('the inbox', () => {
    it('lists the views with their counts, opens one as the filtered case list and follows live counts', async () => {
        const { user, emit } = setup(<InboxMenuItems />);
        const items = await screen.findAllByRole('menuitem');
        expect(items.map(item => item.getAttribute('aria-label'))).toEqual([
            'Mine: 3',
            'Unassigned: 0',
            'Breaching soon: 1',
            'Overdue: 2',
            'Support/Sales: 7',
        ]);
        expect(within(screen.getByTestId('inbox-view-overdue')).getByTestId('inbox-count')).toHaveTextContent('2');

        await user.click(screen.getByTestId('inbox-view-overdue'));
        expect(screen.getByTestId('where')).toHaveTextContent('/cases?filter=%7B%22view%22%3A%22overdue%22%7D');
        expect(screen.getByTestId('inbox-view-overdue')).toHaveClass('Mui-selected');

        act(() => emit({ type: 'counts', data: { at: '2026-12-04T10:00:05+00:00', views: [{ id: 'overdue', label: 'Overdue', count: 5 }] } }));
        expect(screen.getAllByRole('menuitem').map(item => item.getAttribute('aria-label'))).toEqual(['Overdue: 5']);
    });

    it('refetches what is on screen when the stream says a case changed, once for a burst', async () => {
        const { emit, dataProvider } = setup(<CaseCount />);
        await waitFor(() => expect(screen.getByTestId('case-total')).toHaveTextContent('1'));
        const before = dataProvider.getList.mock.calls.length;
        const change = { id: 'c1', status: 'assigned', priority: 'high', team_id: 't1', assignee_id: 'a1', claimed_by: 'a1', sla_due_at: null, sla_breached: false, drafts_pending: 0, updated_at: '2026-12-04T10:00:01+00:00' };
        act(() => {
            emit({ type: 'case', data: change });
            emit({ type: 'case', data: { ...change, id: 'c2' } });
        });
        await waitFor(() => expect(dataProvider.getList.mock.calls.length).toBe(before + 1), { timeout: REFRESH_THROTTLE_MS + 2_000 });
    });

    it('rings the bell with the unread count, marks them read when opened and opens a case', async () => {
        const { user, api } = setup(<NotificationBell />);
        const bell = await screen.findByTestId('notification-bell');
        await waitFor(() => expect(bell).toHaveAccessibleName('2 unread notifications'));
        await user.click(bell);
        const notes = await screen.findAllByTestId('notification');
        expect(notes.map(note => note.textContent)).toEqual([
            expect.stringContaining('Escalated to level 1'),
            expect.stringContaining('Assigned to youCharged twice'),
            expect.stringContaining('Transferred to support'),
        ]);
        expect(api.markRead).toHaveBeenCalledWith('c2:9');
        await user.click(notes[1]);
        expect(screen.getByTestId('where')).toHaveTextContent('/cases/c1/show');
        await waitFor(() => expect(screen.getByTestId('notification-bell')).toHaveAccessibleName('Notifications'));
    });

    it('shows the holder with a lock while claimed, and who else views the case live', async () => {
        const claimed = makeCase({ claimed_by: 'a1', assignee_id: 'a1' });
        const { emit } = setup(
            <RecordContextProvider value={claimed}>
                <HolderField />
            </RecordContextProvider>,
            fakeDataProvider({ agents, cases: [claimed] }),
        );
        expect(await screen.findByTestId('claim-lock')).toBeInTheDocument();
        expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
        expect(screen.queryByTestId('case-viewers')).toBeNull();
        act(() => emit({ type: 'presence', data: { case_id: 'c1', viewers: ['a1', 'a2'] } }));
        expect(screen.getByTestId('case-viewers')).toHaveTextContent('1');
        act(() => emit({ type: 'presence', data: { case_id: 'c1', viewers: [] } }));
        expect(screen.queryByTestId('case-viewers')).toBeNull();
    });

    it('colours the SLA countdown by state', () => {
        const soon = new Date(Date.now() + 10 * 60_000).toISOString();
        const later = new Date(Date.now() + 3 * 3600_000).toISOString();
        const past = new Date(Date.now() - 60_000).toISOString();
        const cases = [
            makeCase({ id: 'ok', sla_due_at: later }),
            makeCase({ id: 'soon', sla_due_at: soon }),
            makeCase({ id: 'late', sla_due_at: past }),
            makeCase({ id: 'paused', sla_due_at: null, sla: { resolution: { status: 'paused' } } }),
        ];
        render(
            <AdminContext dataProvider={fakeDataProvider({ cases })}>
                {cases.map(record => (
                    <RecordContextProvider key={record.id} value={record}>
                        <SlaCountdown />
                    </RecordContextProvider>
                ))}
            </AdminContext>,
        );
        const chips = screen.getAllByTestId('sla-countdown');
        expect(chips.map(chip => chip.dataset.state)).toEqual(['ok', 'soon', 'overdue', 'paused']);
        expect(chips[1]).toHaveClass('MuiChip-colorWarning');
        expect(chips[2]).toHaveClass('MuiChip-colorError');
        expect(chips[2]).toHaveTextContent('1 min over');
        expect(chips[0]).toHaveClass('MuiChip-colorSuccess');
    });
});
