import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../App';
import { fakeAuthProvider } from '../test/fakeAuthProvider';
import { fakeDataProvider } from '../test/fakeDataProvider';
import { conversationMentions, makeCase, makeConversation, makeSource } from '../test/fixtures';

describe('conversations', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it('lists conversations with their counts, first response time and whether they are actionable', async () => {
        window.location.hash = '#/conversations';
        const dataProvider = fakeDataProvider({
            sources: [makeSource()],
            conversations: [
                makeConversation(),
                makeConversation({
                    id: 'acme-feed:r2',
                    customer: 'happy@example.com',
                    actionable: false,
                    inbound_count: 2,
                    outbound_count: 0,
                    first_response_at: null,
                    first_response_seconds: null,
                }),
            ],
        });
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        const chips = await screen.findAllByTestId('conversation-actionable', {}, { timeout: 5_000 });
        expect(chips.map(chip => chip.textContent)).toEqual(['Actionable', 'No action']);
        const rows = screen.getAllByRole('row').slice(1);
        expect(within(rows[0]).getByText('fan@example.com (Fan)')).toBeInTheDocument();
        expect(within(rows[0]).getByText('5 min')).toBeInTheDocument();
        expect(within(rows[1]).getByText('—')).toBeInTheDocument();
        expect(within(rows[0]).getByTestId('source-link')).toHaveAttribute('href', '#/sources/acme-feed/show');
        expect(dataProvider.getList).toHaveBeenCalledWith(
            'conversations',
            expect.objectContaining({ sort: { field: 'last_at', order: 'DESC' } }),
        );
    });

    it('filters by actionable', async () => {
        window.location.hash = '#/conversations';
        const dataProvider = fakeDataProvider({ sources: [makeSource()], conversations: [makeConversation()] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);
        await screen.findAllByTestId('conversation-actionable');

        await user.click(screen.getByRole('combobox', { name: 'Actionable' }));
        await user.click(await screen.findByRole('option', { name: 'Yes' }));
        await waitFor(() =>
            expect(dataProvider.getList).toHaveBeenCalledWith(
                'conversations',
                expect.objectContaining({ filter: { actionable: true } }),
            ),
        );
    });

    it('shows the mentions of a conversation oldest first, with what discovery found and their case', async () => {
        window.location.hash = '#/conversations/acme-feed%3Ar1/show';
        const dataProvider = fakeDataProvider({
            conversations: [makeConversation()],
            mentions: conversationMentions,
            cases: [makeCase()],
        });
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider()} />);

        expect(await screen.findByTestId('conversation-show-customer')).toHaveTextContent('fan@example.com (Fan)');
        expect(screen.getByTestId('conversation-counts')).toHaveTextContent('1 / 1');
        expect(screen.getByTestId('conversation-first-response')).toHaveTextContent('5 min');

        const mentions = await screen.findAllByTestId('conversation-mention');
        expect(mentions.map(m => m.getAttribute('data-direction'))).toEqual(['inbound', 'outbound']);
        const [question, reply] = mentions;
        expect(question).toHaveTextContent('Is the shop down?');
        expect(within(question).getByText('Inbound')).toBeInTheDocument();
        expect(within(question).getByTestId('mention-tag')).toHaveTextContent('outage');
        expect(within(question).getByTestId('mention-sentiment')).toHaveTextContent('negative (-0.40)');
        expect(within(question).getByTestId('mention-language')).toHaveTextContent('en');
        expect(within(question).getByTestId('mention-needs-response')).toBeInTheDocument();
        expect(within(question).getByTestId('mention-case-link')).toHaveAttribute('href', '#/cases/c1/show');

        expect(reply).toHaveTextContent('Back up now, sorry!');
        expect(within(reply).getByText('Outbound')).toBeInTheDocument();
        expect(within(reply).queryByTestId('mention-case-link')).toBeNull();
        expect(within(reply).queryByTestId('mention-sentiment')).toBeNull();

        expect(dataProvider.getManyReference).toHaveBeenCalledWith(
            'mentions',
            expect.objectContaining({
                target: 'conversation_id',
                id: 'acme-feed:r1',
                sort: { field: 'created_at', order: 'ASC' },
            }),
        );
    });
});
