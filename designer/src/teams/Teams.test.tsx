import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { fakeApi, refusal } from '../agents/testApi';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { agent } from '../test/evidence';
import { changeTeamPayload, createTeamPayload, validateTeam, waitedFor } from './teamForm';
import type { TeamRecord } from './teamForm';

const team = (overrides: Partial<TeamRecord>): TeamRecord => ({
    id: 'support',
    name: 'Support/Sales',
    description: 'Tier 1 care',
    department: 'Support/Sales',
    strategy: 'least_loaded',
    relax_optional_after_seconds: 120,
    allow_pull: false,
    claim_idle_seconds: 900,
    members: ['ada'],
    waiting: 1,
    oldest_waiting_since: '2025-01-05T08:00:00Z',
    ...overrides,
});
const records = () => ({
    teams: [team({}), team({ id: 'marketing', name: 'Marketing/PR', members: ['maya'], waiting: 0, oldest_waiting_since: null })],
    agents: [agent('ada', 'Ada Lovelace', 'support'), agent('maya', 'Maya Angelou', 'marketing')],
    cases: [
        { id: 'c1', subject: 'Charged twice for order 5521', status: 'open', priority: 'high', team_id: 'support', assignee_id: null, opened_at: '2025-01-05T08:00:00Z', sla_due_at: '2025-01-05T09:00:00Z', sla_breached: false },
        { id: 'c2', subject: 'Closed one', status: 'closed', priority: 'normal', team_id: 'support', assignee_id: 'ada', opened_at: '2025-01-04T08:00:00Z', sla_due_at: null, sla_breached: false },
    ],
    users: [],
    sources: [],
});

// Whole-app renders with several saves: slow on a loaded machine.
vi.setConfig({ testTimeout: 45_000 });

describe('team form', () => {
    it('needs a name and keeps ids and durations in range', () => {
        expect(validateTeam({ name: ' ', id: 'Bad Id', claim_idle_seconds: 5, relax_optional_after_seconds: -1 })).toEqual({
            name: 'Give the team a name',
            id: 'Lowercase letters, digits, - and _ (or leave empty)',
            claim_idle_seconds: 'From 60 seconds to a week (604800)',
            relax_optional_after_seconds: 'From 0 to a week (604800); empty: never',
        });
        expect(validateTeam({ name: 'VIP', claim_idle_seconds: 900 })).toEqual({});
    });

    it('creates with what was filled in and changes only what changed ("never" relaxes by an empty field)', () => {
        expect(createTeamPayload({ name: ' VIP desk ', strategy: 'skills', members: ['ada'] })).toEqual({
            name: 'VIP desk',
            strategy: 'skills',
            members: ['ada'],
        });
        const previous = team({});
        expect(changeTeamPayload({ ...previous }, previous)).toEqual({});
        expect(changeTeamPayload({ ...previous, name: 'Support', relax_optional_after_seconds: null }, previous)).toEqual({
            name: 'Support',
            never_relax: true,
        });
        expect(waitedFor('2025-01-05T08:00:00Z', new Date('2025-01-05T09:35:00Z'))).toBe('1 h 35 min');
        expect(waitedFor(null)).toBe('—');
    });
});

describe('team screens', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it('offers New team to an ops lead, not to a supervisor', async () => {
        window.location.hash = '#/teams';
        const { dataProvider } = fakeApi(records(), () => ({}));
        const { unmount } = render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('ops_lead'))} />);
        expect(await screen.findByTestId('team-create', {}, { timeout: 5_000 })).toBeInTheDocument();
        expect(screen.getAllByTestId('team-list-waiting').map(chip => chip.textContent)).toEqual(['1', '0']);
        unmount();

        const again = fakeApi(records(), () => ({}));
        render(<App dataProvider={again.dataProvider} authProvider={fakeAuthProvider(makeMe('supervisor'))} />);
        expect(await screen.findAllByTestId('team-list-waiting', {}, { timeout: 5_000 })).toHaveLength(2);
        expect(screen.queryByTestId('team-create')).toBeNull();
    });

    it('creates a team with POST /api/teams and shows a taken name on its field', async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        window.location.hash = '#/teams/create';
        const posted: unknown[] = [];
        const { dataProvider } = fakeApi(records(), (method, url, body) => {
            expect([method, url]).toEqual(['POST', '/api/teams']);
            posted.push(body);
            if (posted.length === 1) {
                throw new HttpError('Conflict', 409, refusal('team_name_taken', "team 'support' is already called 'Support/Sales': choose another name", 'name'));
            }
            return team({ id: 'vip', name: 'VIP', members: [], waiting: 0, oldest_waiting_since: null });
        });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('ops_lead'))} />);
        const name = await screen.findByTestId('team-name-input', {}, { timeout: 5_000 });
        await user.type(name, 'support/sales');
        await user.click(screen.getByRole('button', { name: 'Save' }));
        await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
        expect(name).toHaveAccessibleDescription("team 'support' is already called 'Support/Sales': choose another name");
        expect(posted[0]).toEqual({ name: 'support/sales', strategy: 'round_robin', allow_pull: false, claim_idle_seconds: 900, relax_optional_after_seconds: 120 });

        await user.clear(name);
        await user.type(name, 'VIP');
        await user.click(screen.getByRole('button', { name: 'Save' }));
        await waitFor(() => expect(posted).toHaveLength(2));
        expect(posted[1]).toMatchObject({ name: 'VIP' });
        consoleError.mockRestore();
    });

    it("shows the team's members and its queue oldest first, and adds and moves members", async () => {
        window.location.hash = '#/teams/support/show';
        const calls: [string, string][] = [];
        const data = records();
        const { dataProvider, client } = fakeApi(data, (method, url) => {
            calls.push([method, url]);
            return team({});
        });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('ops_lead'))} />);
        const members = await screen.findByTestId('team-members', {}, { timeout: 5_000 });
        await waitFor(() => expect(within(members).getAllByTestId('team-member').map(row => row.dataset.agent)).toEqual(['ada']));
        expect(screen.getByTestId('team-waiting')).toHaveTextContent('1 waiting');
        // The queue: the team's open and escalated cases, oldest first.
        await waitFor(() => expect(screen.getByText('Charged twice for order 5521')).toBeInTheDocument());
        expect(screen.queryByText('Closed one')).toBeNull();
        const queueUrl = client.mock.calls.map(([url]) => decodeURIComponent(String(url))).find(url => url.startsWith('/api/cases?'));
        expect(queueUrl).toContain('"team_id":"support"');
        expect(queueUrl).toContain('"status":["open","escalated"]');
        expect(queueUrl).toContain('sort=["opened_at","ASC"]');
        expect(screen.getByTestId('sla-due')).toHaveAttribute('data-state', 'due');

        await user.click(screen.getByRole('combobox', { name: 'Add an agent' }));
        await user.click(await screen.findByRole('option', { name: 'Maya Angelou (Marketing/PR)' }));
        await user.click(screen.getByTestId('team-add-member'));
        await waitFor(() => expect(calls).toContainEqual(['POST', '/api/teams/support/members/maya']));

        await user.click(screen.getByRole('combobox', { name: 'Move to' }));
        await user.click(await screen.findByRole('option', { name: 'Marketing/PR' }));
        await user.click(screen.getByTestId('remove-ada'));
        await waitFor(() => expect(calls).toContainEqual(['DELETE', '/api/teams/support/members/ada?to=marketing']));
    });

    it('shows no member buttons to a supervisor', async () => {
        window.location.hash = '#/teams/support/show';
        const { dataProvider } = fakeApi(records(), () => ({}));
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('supervisor'))} />);
        await waitFor(() => expect(screen.getAllByTestId('team-member')).toHaveLength(1), { timeout: 5_000 });
        expect(screen.queryByTestId('team-add-member')).toBeNull();
        expect(screen.queryByTestId('remove-ada')).toBeNull();
        expect(screen.queryByTestId('team-edit')).toBeNull();
    });
});
