import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, HttpError, Notification, RecordContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import type { AuthProvider } from 'react-admin';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { agents, experts, makeCase } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { Case } from '../types';
import { CaseNotes } from './CaseNotes';

const notedCase = makeCase({
    notes: [
        { at: '2025-01-02T12:00:00+00:00', author: 'expert:priya', text: 'Yes, refund both.', kind: 'expert_answer' },
        { at: '2025-01-02T10:05:00+00:00', author: 'a1', text: 'Bank confirms two charges.', kind: 'note' },
    ],
});

const setup = (record: Case = notedCase, authProvider?: AuthProvider) => {
    const dataProvider = fakeDataProvider({ agents, experts, cases: [record] });
    const user = userEvent.setup();
    render(
        <AdminContext dataProvider={dataProvider} authProvider={authProvider}>
            <RecordContextProvider value={record}>
                <CaseNotes />
            </RecordContextProvider>
            <Notification />
        </AdminContext>,
    );
    return { dataProvider, user };
};

describe('CaseNotes', () => {
    it('lists the notes oldest first, by author, with expert answers marked', async () => {
        setup();
        const notes = screen.getAllByTestId('case-note');
        expect(notes.map(note => note.getAttribute('data-kind'))).toEqual(['note', 'expert_answer']);
        expect(notes[0]).toHaveTextContent('Bank confirms two charges.');
        expect(within(notes[0]).queryByTestId('case-note-expert')).toBeNull();
        expect(within(notes[1]).getByTestId('case-note-expert')).toHaveTextContent('Expert answer');
        // Agents and experts are shown by name.
        await waitFor(() => expect(notes[0]).toHaveTextContent('Ada Lovelace'));
        await waitFor(() => expect(notes[1]).toHaveTextContent('Priya Shah'));
    });

    it('says when there are no notes', () => {
        setup(makeCase());
        expect(screen.getByText('No notes yet.')).toBeInTheDocument();
    });

    it('adds a note as the logged-in user and clears the box', async () => {
        const { dataProvider, user } = setup();
        const add = screen.getByTestId('note-add');
        expect(add).toBeDisabled();
        // Nobody to pick: the session says who writes.
        expect(screen.queryByRole('combobox', { name: 'Author' })).toBeNull();
        await user.type(screen.getByTestId('note-text'), '  Customer prefers email  ');
        await user.click(add);
        await waitFor(() => expect(dataProvider.addCaseNote).toHaveBeenCalledWith('c1', { text: 'Customer prefers email' }));
        expect(await screen.findByText('Note added')).toBeInTheDocument();
        expect(screen.getByTestId('note-text')).toHaveValue('');
    });

    it('takes notes on a closed, unassigned case too', async () => {
        const { dataProvider, user } = setup(makeCase({ status: 'closed', assignee_id: null }));
        await user.type(screen.getByTestId('note-text'), 'Follow-up call done');
        await user.click(screen.getByTestId('note-add'));
        await waitFor(() => expect(dataProvider.addCaseNote).toHaveBeenCalledWith('c1', { text: 'Follow-up call done' }));
    });

    it('shows the notes but no form to whoever may not work cases', async () => {
        const auditor = fakeAuthProvider(makeMe('auditor'));
        setup(notedCase, auditor);
        expect(screen.getAllByTestId('case-note')).toHaveLength(2);
        await auditor.settled();
        expect(screen.queryByTestId('note-text')).toBeNull();
        expect(screen.queryByTestId('note-add')).toBeNull();
    });

    it('shows the API error and keeps the text', async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const { dataProvider, user } = setup();
        dataProvider.addCaseNote.mockRejectedValueOnce(
            new HttpError('case c1 has finished; it takes no changes', 409, {
                detail: { code: 'case_closed', message: 'case c1 has finished; it takes no changes', path: '' },
            }),
        );
        await user.type(screen.getByTestId('note-text'), 'Hi');
        await user.click(screen.getByTestId('note-add'));
        expect(await screen.findByText('case c1 has finished; it takes no changes')).toBeInTheDocument();
        expect(screen.getByTestId('note-text')).toHaveValue('Hi');
        consoleError.mockRestore();
    });
});
