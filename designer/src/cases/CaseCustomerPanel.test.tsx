import { act, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext, RecordContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { makeCase, makeCustomer } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';
import { CaseCustomerPanel, compactCount } from './CaseCustomerPanel';
import type { CustomerPanelProfile } from './CaseCustomerPanel';

// A VIP with two identities, one case worked now (c1) and one past, and a furious then a happy mention.
const profile: CustomerPanelProfile = makeCustomer({
    id: 'cus-1',
    name: 'Jane Doe',
    notes: [{ at: '2025-01-01T12:00:00Z', author: 'a1', kind: 'note', text: 'Prefers DMs' }],
    identities: [
        { source: 'twitter', handle: '@jane', first_seen_at: '2025-01-01T09:00:00Z' },
        { source: 'instagram', handle: 'jane.doe', first_seen_at: '2025-01-01T11:00:00Z' },
    ],
    followers: 412_000,
    verified: true,
    vip: true,
    past_cases: [
        { id: 'c1', subject: 'My card was charged twice', source: 'twitter', status: 'assigned', priority: 'high', sentiment: -0.6, opened_at: '2025-01-02T10:00:00Z', closed_at: null, close_reason: null, conversation_id: 'conv-1' },
        { id: 'c0', subject: 'Where is my parcel', source: 'instagram', status: 'closed', priority: 'normal', sentiment: -0.2, opened_at: '2024-12-01T10:00:00Z', closed_at: '2024-12-02T10:00:00Z', close_reason: 'resolved', conversation_id: 'conv-0' },
    ],
    past_conversations: [
        { id: 'conv-1', source: 'twitter', first_at: '2025-01-02T10:00:00Z', last_at: '2025-01-02T10:00:00Z', inbound_count: 2, outbound_count: 0, case_id: 'c1', status: 'assigned' },
        { id: 'conv-0', source: 'instagram', first_at: '2024-12-01T10:00:00Z', last_at: '2024-12-02T10:00:00Z', inbound_count: 1, outbound_count: 1, case_id: 'c0', status: 'closed' },
    ],
    recent_mentions: [
        { id: 'm2', source: 'twitter', created_at: '2025-01-02T10:00:00Z', text: 'Charged twice, furious', sentiment: -0.7, case_id: 'c1' },
        { id: 'm1', source: 'instagram', created_at: '2025-01-01T09:00:00Z', text: 'Love the app', sentiment: 0.6, case_id: null },
    ],
});

const setup = (permissions?: string[], customer: Partial<CustomerPanelProfile> & { id: string } = profile) => {
    const authProvider = fakeAuthProvider(makeMe('agent', permissions ? { permissions } : {}));
    const dataProvider = fakeDataProvider({
        customers: [customer],
        conversations: [{ id: 'conv-1', source: 'twitter', customer_id: 'cus-1' }],
        agents: [],
    });
    render(
        <AdminContext dataProvider={dataProvider} authProvider={authProvider}>
            <RecordContextProvider value={makeCase()}>
                <CaseCustomerPanel />
            </RecordContextProvider>
        </AdminContext>,
    );
    return { authProvider, dataProvider };
};

describe('CaseCustomerPanel', () => {
    it('waits for the profile when what it has is a customer as a list shows one', async () => {
        // react-admin fills its getOne cache from lists: a list's customer has no identities or past cases.
        const { id, name, first_seen_at, last_seen_at, merged_into } = profile;
        const { dataProvider } = setup(undefined, { id, name, first_seen_at, last_seen_at, merged_into });
        await waitFor(() => expect(dataProvider.getOne).toHaveBeenCalledWith('customers', expect.objectContaining({ id })));
        // The answer is in (and rendered) before the check: the panel still waits, rather than breaking.
        await act(async () => {
            await dataProvider.getOne.mock.results.at(-1)?.value;
        });
        expect(screen.getByText('Loading the customer…')).toBeInTheDocument();
        expect(screen.queryByTestId('customer-panel')).toBeNull();
    });

    it("shows the case's customer: flags, identities, past cases and conversations, sentiment and notes", async () => {
        setup();
        const panel = await screen.findByTestId('customer-panel');
        expect(within(panel).getByTestId('customer-panel-name')).toHaveTextContent('Jane Doe');
        expect(within(panel).getByTestId('customer-vip')).toBeInTheDocument();
        expect(within(panel).getByTestId('customer-verified')).toBeInTheDocument();
        expect(within(panel).getByTestId('customer-followers')).toHaveTextContent('412K followers');
        expect(within(panel).getAllByTestId('customer-panel-identity').map(i => i.textContent)).toEqual([
            'twitter · @jane',
            'instagram · jane.doe',
        ]);
        // The case being worked is not a "past" case.
        const past = within(panel).getByTestId('customer-past-cases');
        expect(past).toHaveTextContent('Where is my parcel');
        expect(past).not.toHaveTextContent('charged twice');
        expect(within(panel).getByTestId('customer-conversations').querySelectorAll('li')).toHaveLength(2);
        const sentiments = within(panel).getByTestId('customer-mention-sentiments');
        expect(sentiments).toHaveTextContent('negative (-0.70)');
        expect(sentiments).toHaveTextContent('positive (+0.60)');
        expect(panel).toHaveTextContent('Prefers DMs');
    });

    it('is not shown to those who may not read customers', async () => {
        const { authProvider, dataProvider } = setup(['cases:read', 'cases:work']);
        await authProvider.settled();
        expect(dataProvider.getOne).not.toHaveBeenCalledWith('customers', expect.anything());
        expect(screen.queryByTestId('case-customer')).toBeNull();
    });

    it('writes follower counts compactly', () => {
        expect(compactCount(412_000)).toBe('412K');
        expect(compactCount(1_500_000)).toBe('1.5M');
        expect(compactCount(950)).toBe('950');
    });
});
