import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { fakeDataProvider } from '../test/fakeDataProvider';
import { cannedReplies, makeSource } from '../test/fixtures';
import { changeCannedPayload, createCannedPayload, validateCannedReply } from './cannedReplyForm';

const records = () => ({
    canned_replies: cannedReplies.map(reply => ({ ...reply })),
    teams: [
        { id: 'support', name: 'Support/Sales' },
        { id: 'marketing', name: 'Marketing/PR' },
    ],
    sources: [makeSource({ id: 'twitter', name: 'X / Twitter' }), makeSource({ id: 'facebook', name: 'Facebook' })],
    cases: [],
});

// Whole-app renders: slow on a loaded machine.
vi.setConfig({ testTimeout: 45_000 });

describe('canned reply form', () => {
    it('needs a title and a text naming only known variables, as the API does', () => {
        expect(validateCannedReply({ title: ' ', text: '  ' })).toEqual({
            title: 'Give the reply a title agents pick it by',
            text: 'Write the reply',
        });
        expect(validateCannedReply({ title: 'x'.repeat(81), text: 'Order {{order.id}} for {{customer.name}}' })).toEqual({
            title: 'At most 80 characters',
            text: '{{order.id}}: not a variable. Use {{customer.name}}, {{agent.name}}, {{case.id}}',
        });
        expect(validateCannedReply({ title: 'Hi', text: 'Hi {{ customer.name }}' })).toEqual({});
    });

    it('sends an empty team as everyone', () => {
        expect(createCannedPayload({ title: ' Hi ', text: 'Hello', team_id: '', channels: ['twitter'] })).toEqual({
            title: 'Hi',
            text: 'Hello',
            team_id: null,
            channels: ['twitter'],
        });
        expect(changeCannedPayload({ title: 'Hi', text: 'Hello', team_id: 'support' })).toEqual({
            title: 'Hi',
            text: 'Hello',
            team_id: 'support',
            channels: [],
        });
    });
});

describe('canned reply screens', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it('lists them for an ops lead, with the menu entry; an agent has neither', async () => {
        window.location.hash = '#/canned_replies';
        const { unmount } = render(
            <App dataProvider={fakeDataProvider(records())} authProvider={fakeAuthProvider(makeMe('ops_lead'))} />,
        );
        expect(await screen.findByTestId('canned-create', {}, { timeout: 5_000 })).toBeInTheDocument();
        expect(await screen.findByText('Refund on its way')).toBeInTheDocument();
        expect(screen.getByRole('menuitem', { name: /Canned replies/ })).toBeInTheDocument();
        unmount();

        window.location.hash = '#/';
        render(<App dataProvider={fakeDataProvider(records())} authProvider={fakeAuthProvider(makeMe('agent'))} />);
        expect(await screen.findByRole('menuitem', { name: /Cases/ }, { timeout: 5_000 })).toBeInTheDocument();
        expect(screen.queryByRole('menuitem', { name: /Canned replies/ })).toBeNull();
    });

    it('inserts variables from the chips where the cursor is, previews them filled, and creates the reply', async () => {
        window.location.hash = '#/canned_replies/create';
        const dataProvider = fakeDataProvider(records());
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('ops_lead'))} />);
        const title = await screen.findByTestId('canned-title', {}, { timeout: 5_000 });
        await user.type(title, 'Parcel late');
        const text = screen.getByTestId('canned-text') as HTMLTextAreaElement;
        await user.type(text, 'Hi , sorry! Ref ');
        await user.click(screen.getByTestId('canned-variable-case.id'));
        text.setSelectionRange(3, 3); // after "Hi "
        await user.click(screen.getByTestId('canned-variable-customer.name'));
        expect(text).toHaveValue('Hi {{customer.name}}, sorry! Ref {{case.id}}');
        expect(screen.getByTestId('canned-preview')).toHaveTextContent('Hi Jane Doe, sorry! Ref case-1042');

        await user.clear(text);
        await user.type(text, 'Order {{{{order.id}}');
        await user.click(screen.getByRole('button', { name: 'Save' }));
        expect(await screen.findByText(/\{\{order\.id\}\}: not a variable/)).toBeInTheDocument();
        expect(dataProvider.create).not.toHaveBeenCalled();

        await user.clear(text);
        await user.type(text, 'Hi {{{{customer.name}}, your parcel is late.');
        await user.click(screen.getByRole('button', { name: 'Save' }));
        await waitFor(() =>
            expect(dataProvider.create).toHaveBeenCalledWith(
                'canned_replies',
                expect.objectContaining({
                    data: { title: 'Parcel late', text: 'Hi {{customer.name}}, your parcel is late.', team_id: null, channels: [] },
                }),
            ),
        );
    });

    it('changes a reply with PATCH-shaped data and shows who changed it last', async () => {
        window.location.hash = '#/canned_replies/dm';
        const dataProvider = fakeDataProvider(records());
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('admin'))} />);
        const title = await screen.findByTestId('canned-title', {}, { timeout: 5_000 });
        await waitFor(() => expect(title).toHaveValue('Move to DM'));
        expect(screen.getByTestId('canned-last-change')).toHaveTextContent('Last changed by system');
        expect(await screen.findByRole('combobox', { name: 'Team' })).toHaveTextContent('Everyone');
        expect(screen.getByTestId('canned-preview')).toHaveTextContent('Reference: case-1042.');
        await user.clear(title);
        await user.type(title, 'Ask for a DM');
        await user.click(screen.getByTestId('canned-save'));
        await waitFor(() =>
            expect(dataProvider.update).toHaveBeenCalledWith(
                'canned_replies',
                expect.objectContaining({
                    id: 'dm',
                    data: expect.objectContaining({ title: 'Ask for a DM', team_id: null, channels: [] }),
                }),
            ),
        );
    });
});
