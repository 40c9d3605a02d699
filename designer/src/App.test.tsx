import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { agents, makeCase } from './test/fixtures';
import { fakeDataProvider } from './test/fakeDataProvider';

describe('App', () => {
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
        expect(items).toEqual(['Cases', 'Mentions', 'Agents', 'Teams', 'Flows', 'Flow drafts']);
    });
});
