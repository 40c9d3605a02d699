import { render, screen, within } from '@testing-library/react';
import { AdminContext, RecordContextProvider } from 'react-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ada, fakeAuthProvider } from '../test/fakeAuthProvider';
import { agents, makeCase } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { Case } from '../types';
import { CaseMessageCell, isOpeningMessage } from './CaseMessageCell';
import { shortAgo } from './format';

const NOW = Date.parse('2026-12-04T10:00:00Z');

const setup = (record: Case) =>
    render(
        <AdminContext dataProvider={fakeDataProvider({ agents, cases: [record] })} authProvider={fakeAuthProvider(ada)}>
            <RecordContextProvider value={record}>
                <CaseMessageCell />
            </RecordContextProvider>
        </AdminContext>,
    );

describe('the case list message cell', () => {
    beforeEach(() => {
        vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    });
    afterEach(() => {
        vi.useRealTimers();
    });

    it("shows the subject, then the customer's last message with how long ago", () => {
        setup(makeCase({ last_message: { text: 'Still no refund, third day now', at: '2026-12-04T09:48:00Z', direction: 'inbound', author: '@jane' } }));
        expect(screen.getByTestId('case-subject')).toHaveTextContent('My card was charged twice');
        const line = screen.getByTestId('case-last-message');
        expect(line).toHaveAttribute('data-direction', 'inbound');
        expect(line).toHaveTextContent('Still no refund, third day now· 12 min');
        expect(line.getAttribute('title')).toMatch(/^From @jane, .*:\nStill no refund, third day now$/);
        expect(within(line).queryByLabelText('reply sent')).toBeNull();
    });

    it('marks a reply we sent: "You" for my own, the agent by name for a colleague', async () => {
        const mine = setup(makeCase({ last_message: { text: 'Refunded: 3-5 working days', at: '2026-12-04T07:00:00Z', direction: 'outbound', author: 'a1' } }));
        const line = await screen.findByText(/^You/);
        expect(screen.getByTestId('case-last-message')).toHaveTextContent('You:Refunded: 3-5 working days· 3 h');
        expect(within(screen.getByTestId('case-last-message')).getByLabelText('reply sent')).toBeInTheDocument();
        expect(line).toBeInTheDocument();
        mine.unmount();

        setup(makeCase({ last_message: { text: 'On it', at: '2026-12-02T10:00:00Z', direction: 'outbound', author: 'a2' } }));
        expect(await screen.findByText('Bob Stone')).toBeInTheDocument();
        expect(screen.getByTestId('case-last-message')).toHaveTextContent('Bob Stone:On it· 2 d');
    });

    it('does not repeat the opening message under its subject: no reply yet', () => {
        setup(makeCase({ subject: 'My card was charged  twice', mention_count: 1, last_message: { text: 'My card was charged twice for order 1234, please refund one of them', at: '2026-12-04T09:00:00Z', direction: 'inbound', author: '@jane' } }));
        expect(screen.getByTestId('case-last-message')).toHaveTextContent('No reply yet· 1 h');
        expect(screen.getByTestId('case-last-message').getAttribute('title')).toContain('please refund one of them');
    });

    it('says so when the conversation has no message', () => {
        setup(makeCase({ last_message: null }));
        expect(screen.getByTestId('case-subject')).toHaveTextContent('My card was charged twice');
        expect(screen.getByTestId('case-last-message')).toHaveTextContent('No messages yet');
    });
});

describe('shortAgo', () => {
    it('reads minutes, hours and days', () => {
        expect(shortAgo('2026-12-04T09:59:40Z', NOW)).toBe('now');
        expect(shortAgo('2026-12-04T09:15:00Z', NOW)).toBe('45 min');
        expect(shortAgo('2026-12-04T05:00:00Z', NOW)).toBe('5 h');
        expect(shortAgo('2026-11-30T10:00:00Z', NOW)).toBe('4 d');
        expect(shortAgo('not a time', NOW)).toBe('');
    });
});

describe('isOpeningMessage', () => {
    const inbound = (text: string) => ({ text, at: '2026-12-04T09:00:00Z', direction: 'inbound' as const, author: '@jane' });
    const opened = (subject: string, mention_count = 1) => ({ subject, mention_count });
    it('tells the message a case opened with from a follow-up or a reply', () => {
        expect(isOpeningMessage(opened('Charged twice for'), inbound('Charged twice for order 1'))).toBe(true);
        expect(isOpeningMessage(opened('A long subject that the API cut at a word'), inbound('A long subject that…'))).toBe(true);
        expect(isOpeningMessage(opened('Hi @acme, my order'), inbound('Hi'))).toBe(false);
        expect(isOpeningMessage(opened('Charged twice', 2), inbound('Charged twice'))).toBe(false);
        expect(isOpeningMessage(opened('Charged twice'), inbound('Any news?'))).toBe(false);
        expect(isOpeningMessage(opened('Charged twice'), { ...inbound('Charged twice'), direction: 'outbound' })).toBe(false);
        expect(isOpeningMessage(opened(''), inbound('Any news?'))).toBe(false);
    });
});
