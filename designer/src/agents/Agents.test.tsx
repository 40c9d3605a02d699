import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { changeAgentPayload, toFormValues, validateAgent } from './agentForm';
import type { AgentProfile } from './agentForm';
import { fakeApi, refusal } from './testApi';

const teams = [
    { id: 'support', name: 'Support/Sales', description: '' },
    { id: 'marketing', name: 'Marketing/PR', description: '' },
];
const sources = [
    { id: 'twitter', name: 'X / Twitter' },
    { id: 'facebook', name: 'Facebook' },
];
const grace: AgentProfile = {
    id: 'grace',
    name: 'Grace Hopper',
    email: 'grace@example.com',
    team_id: 'support',
    online: true,
    open_cases: 2,
    capacity: 5,
    channel_capacity: { twitter: 2 },
    skills: { technical: 5 },
    languages: ['en'],
    channels: [],
    roles: [],
    seniority: 'senior',
};
const records = () => ({ agents: [{ ...grace }], teams, sources, cases: [], users: [] });

// Whole-app renders with several saves: slow on a loaded machine.
vi.setConfig({ testTimeout: 45_000 });

describe('agent form', () => {
    it('refuses a negative capacity, a level out of range, a channel capped twice and a bad language', () => {
        const values = {
            ...toFormValues(grace),
            capacity: -1,
            channel_capacity: [
                { channel: 'twitter', capacity: 2 },
                { channel: 'twitter', capacity: -3 },
            ],
            skills: [
                { skill: 'billing', level: 6 },
                { skill: 'Bad Skill', level: 2 },
            ],
            languages: ['en', 'English'],
        };
        expect(validateAgent(values)).toEqual({
            capacity: 'Cannot be negative: 0 takes nothing',
            channel_capacity: [{}, { channel: 'Already capped above', capacity: 'Cannot be negative: 0 takes nothing' }],
            skills: [{ level: 'A level from 1 (novice) to 5 (expert)' }, { skill: 'Lowercase letters, digits, - and _ (e.g. billing)' }],
            languages: '"English" is not a language tag: use en, fr, pt-BR…',
        });
        expect(validateAgent(toFormValues(grace))).toEqual({});
    });

    it('sends only what changed, as the API takes it (maps of channel caps and skill levels)', () => {
        expect(changeAgentPayload(toFormValues(grace), grace)).toEqual({});
        const values = {
            ...toFormValues(grace),
            capacity: 7,
            skills: [
                { skill: 'technical', level: 5 },
                { skill: 'billing', level: 3 },
            ],
            languages: ['en', 'fr'],
            team_id: 'marketing',
        };
        expect(changeAgentPayload(values, grace)).toEqual({
            capacity: 7,
            skills: { technical: 5, billing: 3 },
            languages: ['en', 'fr'],
            team_id: 'marketing',
        });
        expect(changeAgentPayload({ ...toFormValues(grace), channel_capacity: [], online: false }, grace)).toEqual({
            online: false,
            channel_capacity: {},
        });
    });
});

describe('agent screens', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it('offers Edit to an ops lead and not to an agent', async () => {
        window.location.hash = '#/agents/grace/show';
        const { dataProvider } = fakeApi(records(), () => ({}));
        const { unmount } = render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('ops_lead'))} />);
        expect(await screen.findByTestId('agent-edit', {}, { timeout: 5_000 })).toBeInTheDocument();
        expect(screen.getByText('technical · 5')).toBeInTheDocument();
        expect(screen.getByText('twitter: 2')).toBeInTheDocument();
        unmount();

        const again = fakeApi(records(), () => ({}));
        render(<App dataProvider={again.dataProvider} authProvider={fakeAuthProvider(makeMe('agent', { agent_id: 'ada' }))} />);
        expect(await screen.findByText('technical · 5', {}, { timeout: 5_000 })).toBeInTheDocument();
        expect(screen.queryByTestId('agent-edit')).toBeNull();
    });

    it('changes capacity with a PATCH of only that field, and shows the API refusal on its field', async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        window.location.hash = '#/agents/grace';
        const patched: { url: string; body: unknown }[] = [];
        let refuse = true;
        const { dataProvider } = fakeApi(records(), (method, url, body) => {
            expect(method).toBe('PATCH');
            patched.push({ url, body });
            if (refuse) {
                throw new HttpError('Unprocessable Entity', 422, refusal('invalid_request', 'Input should be less than or equal to 1000', 'capacity'));
            }
            return { ...grace, ...(body as object) };
        });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('ops_lead'))} />);
        const capacity = await screen.findByTestId('agent-capacity-input', {}, { timeout: 5_000 });
        await user.clear(capacity);
        await user.type(capacity, '999');
        await user.click(screen.getByTestId('agent-save'));
        await waitFor(() => expect(capacity).toHaveAttribute('aria-invalid', 'true'));
        expect(capacity).toHaveAccessibleDescription('Input should be less than or equal to 1000');
        expect(patched[0]).toEqual({ url: '/api/agents/grace', body: { capacity: 999 } });

        refuse = false;
        await user.clear(capacity);
        await user.type(capacity, '7');
        await user.click(screen.getByTestId('agent-save'));
        await waitFor(() => expect(patched).toHaveLength(2));
        expect(patched[1].body).toEqual({ capacity: 7 });
        await waitFor(() => expect(window.location.hash).toBe('#/agents/grace/show'));
        consoleError.mockRestore();
    });

    it('checks the form before sending: a negative capacity never reaches the API', async () => {
        window.location.hash = '#/agents/grace';
        const write = vi.fn(() => ({}));
        const { dataProvider } = fakeApi(records(), write);
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('ops_lead'))} />);
        const capacity = await screen.findByTestId('agent-capacity-input', {}, { timeout: 5_000 });
        await user.clear(capacity);
        await user.type(capacity, '-2');
        await user.click(screen.getByTestId('agent-save'));
        await waitFor(() => expect(capacity).toHaveAccessibleDescription('Cannot be negative: 0 takes nothing'));
        expect(write).not.toHaveBeenCalled();
    });

    it("links an agent to their user account for admins, and a working user to their agent profile", async () => {
        window.location.hash = '#/agents/grace/show';
        const user = { id: 'grace', email: 'grace@example.com', name: 'Grace Hopper', role: 'agent', teams: ['support'], disabled: false, created_at: '2025-01-01T09:00:00Z', last_login_at: null, second_factor: false };
        const { dataProvider } = fakeApi({ ...records(), users: [user] }, () => ({}));
        const { unmount } = render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('admin', { id: 'admin' }))} />);
        expect(await screen.findByTestId('agent-user-link', {}, { timeout: 5_000 })).toHaveAttribute('href', '#/users/grace');
        unmount();

        window.location.hash = '#/users/grace';
        const again = fakeApi({ ...records(), users: [user] }, () => ({}));
        render(<App dataProvider={again.dataProvider} authProvider={fakeAuthProvider(makeMe('admin', { id: 'admin' }))} />);
        expect(await screen.findByTestId('user-agent-link', {}, { timeout: 5_000 })).toHaveAttribute('href', '#/agents/grace/show');
    });

    it('hides the user account link from an ops lead, who does not manage users', async () => {
        window.location.hash = '#/agents/grace/show';
        const { dataProvider } = fakeApi(records(), () => ({}));
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('ops_lead'))} />);
        expect(await screen.findByTestId('agent-edit', {}, { timeout: 5_000 })).toBeInTheDocument();
        expect(screen.queryByTestId('agent-user-link')).toBeNull();
    });

    it('lets an agent go offline on their own page, and shows others their presence only', async () => {
        window.location.hash = '#/agents/grace/show';
        const patched: unknown[] = [];
        const { dataProvider } = fakeApi(records(), (method, url, body) => {
            patched.push([method, url, body]);
            return { ...grace, ...(body as object) };
        });
        const user = userEvent.setup();
        const { unmount } = render(
            <App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('agent', { id: 'grace', agent_id: 'grace' }))} />,
        );
        await user.click(await screen.findByTestId('agent-presence', {}, { timeout: 5_000 }));
        await waitFor(() => expect(patched).toEqual([['PATCH', '/api/agents/grace', { online: false }]]));
        unmount();

        const again = fakeApi(records(), () => ({}));
        render(<App dataProvider={again.dataProvider} authProvider={fakeAuthProvider(makeMe('agent', { id: 'ada', agent_id: 'ada' }))} />);
        expect(await screen.findByText('technical · 5', {}, { timeout: 5_000 })).toBeInTheDocument();
        expect(screen.queryByTestId('agent-presence')).toBeNull();
        expect(screen.getByText('Online')).toBeInTheDocument();
    });
});
