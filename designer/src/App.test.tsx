import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { agents, experts, makeCase, makeExpertRequest } from './test/fixtures';
import { fakeDataProvider } from './test/fakeDataProvider';

describe('App', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it('opens on the case list, with the menu in working order', async () => {
        const dataProvider = fakeDataProvider({
            agents,
            cases: [
                makeCase(),
                makeCase({ id: 'c2', status: 'open', assignee_id: null, subject: 'Love the new app', tags: [] }),
            ],
        });
        render(<App dataProvider={dataProvider} />);

        const subjects = await screen.findAllByTestId('case-subject');
        expect(subjects.map(subject => subject.textContent)).toEqual(['My card was charged twice', 'Love the new app']);
        expect(screen.getAllByTestId('case-status').map(chip => chip.textContent)).toEqual(['Assigned', 'Open']);
        expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
        expect(screen.getByText('Unassigned')).toBeInTheDocument();

        expect(dataProvider.getList).toHaveBeenCalledWith(
            'cases',
            expect.objectContaining({ sort: { field: 'opened_at', order: 'DESC' } }),
        );
        const menu = document.querySelector('.RaMenu-open, .RaMenu-closed');
        expect(menu).not.toBeNull();
        const items = within(menu as HTMLElement).getAllByRole('menuitem').map(item => item.textContent);
        expect(items).toEqual([
            'Cases',
            'Mentions',
            'Conversations',
            'Customers',
            'Agents',
            'Teams',
            'Experts',
            'Sources',
            'Flows',
            'Flow drafts',
        ]);
    });

    it('shows an expert with the requests they were sent', async () => {
        window.location.hash = '#/experts/priya/show';
        const dataProvider = fakeDataProvider({
            experts,
            cases: [makeCase()],
            'expert-requests': [makeExpertRequest()],
        });
        render(<App dataProvider={dataProvider} />);
        expect(await screen.findByText('priya@example.com')).toBeInTheDocument();
        expect(screen.getByText('1 d')).toBeInTheDocument();
        expect(await screen.findByText('May we refund both charges?')).toBeInTheDocument();
        expect(screen.getByTestId('expert-request-state')).toHaveTextContent('Overdue');
        expect(dataProvider.getManyReference).toHaveBeenCalledWith(
            'expert-requests',
            expect.objectContaining({ target: 'expert_id', id: 'priya', sort: { field: 'asked_at', order: 'DESC' } }),
        );
    });

    it("opens an expert's link on the request page, outside the layout, and sends the answer", async () => {
        window.location.hash = '#/expert-requests/r1';
        const request = makeExpertRequest({ due_at: '2999-01-01T00:00:00+00:00' });
        const dataProvider = fakeDataProvider({ 'expert-requests': [request] });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} />);

        expect(await screen.findByTestId('expert-request-question')).toHaveTextContent('May we refund both charges?');
        expect(screen.getByTestId('expert-request-subject')).toHaveTextContent('My card was charged twice');
        expect(screen.getByTestId('expert-request-state')).toHaveTextContent('Waiting for answer');
        expect(document.querySelector('.RaMenu-open, .RaMenu-closed')).toBeNull();

        const send = screen.getByTestId('expert-answer-send');
        expect(send).toBeDisabled();
        await user.click(screen.getByTestId('expert-answer-text'));
        await user.paste('Yes, refund both.');
        await user.click(send);
        await waitFor(() =>
            expect(dataProvider.answerExpertRequest).toHaveBeenCalledWith('r1', { text: 'Yes, refund both.' }),
        );
        // The answer as the API returned it, even before GET shows it.
        expect(await screen.findByTestId('expert-request-answer')).toHaveTextContent('Yes, refund both.');
        expect(screen.queryByTestId('expert-answer-text')).toBeNull();
        expect(screen.getByText('Thank you: your answer is with the contact centre')).toBeInTheDocument();
    });

    it('shows an answered request without the form, and an unknown link as an error', async () => {
        window.location.hash = '#/expert-requests/r1';
        const answered = makeExpertRequest({ answered_at: '2025-01-02T12:00:00+00:00', answer: 'No refund.' });
        const dataProvider = fakeDataProvider({ 'expert-requests': [answered] });
        const { unmount } = render(<App dataProvider={dataProvider} />);
        expect(await screen.findByTestId('expert-request-answer')).toHaveTextContent('No refund.');
        expect(screen.queryByTestId('expert-answer-text')).toBeNull();
        unmount();

        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        window.location.hash = '#/expert-requests/nope';
        dataProvider.getOne.mockRejectedValueOnce(
            new HttpError("no expert request with id 'nope'", 404, {
                detail: { code: 'not_found', message: "no expert request with id 'nope'", path: 'id' },
            }),
        );
        render(<App dataProvider={dataProvider} />);
        expect(await screen.findByTestId('expert-request-error')).toHaveTextContent("no expert request with id 'nope'");
        consoleError.mockRestore();
    });
});
