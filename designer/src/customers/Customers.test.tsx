import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { fakeDataProvider } from '../test/fakeDataProvider';
import { agents, makeConversation, makeCustomer, mergedRobin, otherRobin } from '../test/fixtures';

const robin = makeCustomer();
const robinConversation = makeConversation({
    id: 'twitter:r1',
    source: 'twitter',
    customer: '@robin_case',
    customer_id: 'cus-robin',
});

const setup = (
    hash: string,
    records: Parameters<typeof fakeDataProvider>[0] = {},
    authProvider = fakeAuthProvider(makeMe('supervisor', { id: 'a1', agent_id: 'a1' })),
) => {
    window.location.hash = hash;
    const dataProvider = fakeDataProvider({
        agents,
        customers: [robin, otherRobin],
        conversations: [robinConversation, makeConversation()],
        ...records,
    });
    const user = userEvent.setup();
    render(<App dataProvider={dataProvider} authProvider={authProvider} />);
    return { dataProvider, user };
};

const identities = () => screen.getAllByTestId('customer-identity').map(chip => chip.textContent);

describe('customers', () => {
    beforeEach(() => {
        // Following a link scrolls to the top, which jsdom does not implement.
        vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    });

    afterEach(() => {
        window.location.hash = '';
        vi.restoreAllMocks();
    });

    it('lists customers, last seen first, and searches them by name', async () => {
        const { dataProvider, user } = setup('#/customers');
        const names = await screen.findAllByTestId('customer-name', {}, { timeout: 5_000 });
        expect(names.map(name => name.textContent)).toEqual(['@robin_case', 'Robin C.']);
        expect(dataProvider.getList).toHaveBeenCalledWith(
            'customers',
            expect.objectContaining({ sort: { field: 'last_seen_at', order: 'DESC' } }),
        );
        await user.type(screen.getByPlaceholderText('Name'), 'robin');
        await waitFor(() =>
            expect(dataProvider.getList).toHaveBeenCalledWith(
                'customers',
                expect.objectContaining({ filter: { q: 'robin' } }),
            ),
        );
    });

    it('shows a profile: identities, counts, top tags, trend, notes and conversations', async () => {
        const { dataProvider, user } = setup('#/customers/cus-robin/show');
        expect(await screen.findByTestId('customer-show-name')).toHaveTextContent('@robin_case');
        expect(identities()).toEqual(['twitter · @robin_case', 'instagram · @Robin_Case']);
        expect(screen.getByTestId('customer-count-conversations')).toHaveTextContent('2');
        expect(screen.getByTestId('customer-count-mentions')).toHaveTextContent('4');
        expect(screen.getByTestId('customer-count-cases')).toHaveTextContent('1');
        expect(screen.getAllByTestId('customer-tag').map(tag => tag.textContent)).toEqual([
            'delivery × 3',
            'praise × 1',
            'refund × 1',
        ]);
        expect(screen.getAllByTestId('customer-trend-day').map(day => day.getAttribute('data-tone'))).toEqual([
            'negative',
            'neutral',
            'positive',
        ]);
        expect(screen.getByTestId('customer-note')).toHaveTextContent('Prefers DMs.');
        await waitFor(() => expect(screen.getByTestId('customer-note')).toHaveTextContent('Ada Lovelace'));
        expect(screen.queryByTestId('customer-merged')).toBeNull();

        // The customer's conversations, through the conversations API's customer_id filter.
        const conversations = screen.getByTestId('customer-conversations');
        expect(await within(conversations).findByText('@robin_case')).toBeInTheDocument();
        expect(within(conversations).queryByText('fan@example.com (Fan)')).toBeNull();
        expect(dataProvider.getManyReference).toHaveBeenCalledWith(
            'conversations',
            expect.objectContaining({ target: 'customer_id', id: 'cus-robin', sort: { field: 'last_at', order: 'DESC' } }),
        );
        await user.click(within(conversations).getByText('@robin_case'));
        await waitFor(() => expect(window.location.hash).toBe('#/conversations/twitter%3Ar1/show'));
    });

    it('adds a note as the logged-in user, and shows it at once', async () => {
        const { dataProvider, user } = setup('#/customers/cus-robin/show');
        await screen.findByTestId('customer-show-name');
        const add = await screen.findByTestId('customer-note-add');
        expect(add).toBeDisabled();
        // Nobody to pick: the session says who writes.
        expect(screen.queryByRole('combobox', { name: 'Agent' })).toBeNull();
        await user.type(screen.getByTestId('customer-note-text'), '  Sent a voucher  ');
        await user.click(add);
        await waitFor(() => expect(dataProvider.addCustomerNote).toHaveBeenCalledWith('cus-robin', { text: 'Sent a voucher' }));
        expect(await screen.findByText('Note added')).toBeInTheDocument();
        const notes = screen.getAllByTestId('customer-note');
        expect(notes.map(note => note.textContent)).toEqual([
            expect.stringContaining('Prefers DMs.'),
            expect.stringContaining('Sent a voucher'),
        ]);
        await waitFor(() => expect(notes[1]).toHaveTextContent('Ada Lovelace'));
        expect(screen.getByTestId('customer-note-text')).toHaveValue('');
    });

    it('offers an agent notes but no merge, and an auditor neither', async () => {
        setup('#/customers/cus-robin/show', {}, fakeAuthProvider(makeMe('agent')));
        expect(await screen.findByTestId('customer-note-add')).toBeInTheDocument();
        expect(screen.queryByTestId('customer-merge')).toBeNull();
        cleanup();

        const auditor = fakeAuthProvider(makeMe('auditor'));
        setup('#/customers/cus-robin/show', {}, auditor);
        expect(await screen.findByTestId('customer-show-name')).toHaveTextContent('@robin_case');
        expect(screen.getByTestId('customer-note')).toHaveTextContent('Prefers DMs.');
        await auditor.settled();
        expect(screen.queryByTestId('customer-note-add')).toBeNull();
        expect(screen.queryByTestId('customer-note-text')).toBeNull();
        expect(screen.queryByTestId('customer-merge')).toBeNull();
    });

    it('merges another customer in after confirming, then shows the kept profile', async () => {
        const { dataProvider, user } = setup('#/customers/cus-robin/show');
        await screen.findByTestId('customer-show-name');
        await user.click(await screen.findByTestId('customer-merge'));
        const dialog = await screen.findByRole('dialog');
        await user.type(within(dialog).getByTestId('customer-merge-search'), 'Robin');
        await waitFor(() =>
            expect(dataProvider.getList).toHaveBeenCalledWith('customers', expect.objectContaining({ filter: { q: 'Robin' } })),
        );
        // The customer whose page this is cannot be merged into itself: not offered.
        const options = await screen.findAllByTestId('customer-merge-search-option');
        expect(options.map(option => option.getAttribute('data-id'))).toEqual(['cus-robin-c']);
        await user.click(options[0]);
        expect(within(dialog).getByTestId('customer-merge-summary')).toHaveTextContent(
            'Robin C.’s identities, conversations, mentions and notes move to @robin_case.',
        );
        // Who merges is on the record: the logged-in user, whom the API knows by the session.
        expect(within(dialog).queryByRole('combobox', { name: 'Merged by' })).toBeNull();
        await user.click(within(dialog).getByTestId('customer-merge-confirm'));

        await waitFor(() => expect(dataProvider.mergeCustomers).toHaveBeenCalledWith('cus-robin', { other_id: 'cus-robin-c' }));
        expect(await screen.findByText('Merged Robin C. into @robin_case')).toBeInTheDocument();
        await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
        expect(identities()).toEqual(['twitter · @robin_case', 'instagram · @Robin_Case', 'facebook · Robin C.']);
        expect(screen.getByTestId('customer-count-conversations')).toHaveTextContent('3');
        const merge = screen.getAllByTestId('customer-note').find(note => note.getAttribute('data-kind') === 'merge');
        expect(merge).toHaveTextContent('merged Robin C. (cus-robin-c) into this customer');
        expect(within(merge as HTMLElement).getByTestId('customer-note-merge')).toHaveTextContent('Merge');
    });

    it("shows the API's refusal of a merge in the dialog, which stays open", async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const { dataProvider, user } = setup('#/customers/cus-robin/show');
        dataProvider.mergeCustomers.mockRejectedValueOnce(
            new HttpError('customer cus-robin-c was merged into cus-x; merge into that one', 409, {
                detail: {
                    code: 'already_merged',
                    message: 'customer cus-robin-c was merged into cus-x; merge into that one',
                    path: 'other_id',
                },
            }),
        );
        await screen.findByTestId('customer-show-name');
        await user.click(await screen.findByTestId('customer-merge'));
        const dialog = await screen.findByRole('dialog');
        await user.click(within(dialog).getByTestId('customer-merge-search'));
        await user.click((await screen.findAllByTestId('customer-merge-search-option'))[0]);
        await user.click(within(dialog).getByTestId('customer-merge-confirm'));

        expect(await within(dialog).findByTestId('customer-merge-error')).toHaveTextContent(
            'customer cus-robin-c was merged into cus-x; merge into that one',
        );
        expect(within(dialog).getByTestId('customer-merge-confirm')).toBeEnabled();
        expect(identities()).toEqual(['twitter · @robin_case', 'instagram · @Robin_Case']);
        consoleError.mockRestore();
    });

    it('says a merged customer was merged, linking to the customer kept, and offers no merge or note', async () => {
        const { user } = setup('#/customers/cus-robin-c/show', { customers: [robin, mergedRobin] });
        const banner = await screen.findByTestId('customer-merged');
        const link = within(banner).getByTestId('customer-merged-link');
        await waitFor(() => expect(link).toHaveTextContent('@robin_case'));
        expect(banner).toHaveTextContent('Merged into @robin_case');
        expect(link).toHaveAttribute('href', '#/customers/cus-robin/show');
        expect(screen.queryByTestId('customer-merge')).toBeNull();
        expect(screen.queryByTestId('customer-note-add')).toBeNull();
        expect(screen.getByTestId('customer-trend-empty')).toBeInTheDocument();

        await user.click(link);
        expect(await screen.findByTestId('customer-show-name')).toHaveTextContent('@robin_case');
        expect(screen.queryByTestId('customer-merged')).toBeNull();
    });

    it('links the customer from a conversation and from its mentions', async () => {
        const mention = {
            id: 'twitter:r1',
            source: 'twitter',
            external_id: 'r1',
            conversation_id: 'twitter:r1',
            case_id: null,
            author: '@robin_case',
            text: 'Parcel arrived broken',
            created_at: '2025-01-01T09:00:00+00:00',
            received_at: '2025-01-01T09:00:01+00:00',
            reply_to_id: null,
            direction: 'inbound' as const,
            customer_id: 'cus-robin',
        };
        const reply = { ...mention, id: 'twitter:o1', author: 'acme', direction: 'outbound' as const, customer_id: null };
        const { user } = setup('#/conversations/twitter%3Ar1/show', { mentions: [mention, reply] });
        const customer = await screen.findByTestId('conversation-customer-link');
        const profile = await within(customer).findByRole('link', { name: '@robin_case' });
        expect(profile).toHaveAttribute('href', '#/customers/cus-robin/show');

        const links = await screen.findAllByTestId('mention-customer-link');
        expect(links).toHaveLength(1); // the brand's own reply has no customer
        expect(links[0]).toHaveTextContent('@robin_case');
        expect(links[0]).toHaveAttribute('href', '#/customers/cus-robin/show');

        await user.click(profile);
        expect(await screen.findByTestId('customer-show-name')).toHaveTextContent('@robin_case');
    });
});
