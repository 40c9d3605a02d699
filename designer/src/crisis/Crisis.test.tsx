import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { createDataProvider } from '../dataProvider';
import type { HttpClient } from '../dataProvider';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import type { CrisisSettings, CrisisStatus } from '../types';
import { duration, formOf, payloadOf, validateCrisis } from './crisisForm';

const SETTINGS: CrisisSettings = {
    enabled: true,
    interval_seconds: 180,
    window_seconds: 900,
    baseline_weeks: 4,
    thresholds: { ratio: 3, min_mentions: 50, negative_ratio: 3, min_negative: 20, negative_below: -0.05, end_ratio: 1.5, calm_checks: 2 },
    topics: ['outage', 'billing'],
    crisis_flow: 'v-crisis',
    backup: [{ team_id: 'marketing', queues: ['support'] }],
    notify_roles: ['supervisor', 'ops_lead'],
    notify_users: ['audrey'],
    updated_at: null,
    updated_by: null,
};

const NORMAL: CrisisStatus = {
    state: 'normal',
    since: null,
    automatic: false,
    started_by: null,
    reason: null,
    figures: [],
    crisis_flow: null,
    normal_flow: null,
    guests: [],
    ended_at: null,
    ended_by: null,
    end_reason: null,
    last_check: {
        at: '2026-12-04T10:00:00Z',
        action: 'none',
        reason: 'no spike',
        applied: false,
        signals: [{ series: 'mentions', count: 12, baseline: 10, ratio: 1.2, spiking: false, calm: true }],
    },
    events: [],
};

const CRISIS: CrisisStatus = {
    ...NORMAL,
    state: 'crisis',
    since: '2026-12-04T10:03:00Z',
    started_by: 'olivia',
    reason: 'the app is down',
    crisis_flow: 'v-crisis',
    normal_flow: 'v-normal',
    guests: [{ team_id: 'support', agent_id: 'maya' }],
    events: [{ id: 1, at: '2026-12-04T10:03:00Z', kind: 'started', actor: 'olivia', reason: 'the app is down' }],
};

/** The API, faked: the crisis routes, teams and flows; `write` answers (or refuses) the POSTs and PUTs. */
const fakeCrisisApi = (write: (method: string, url: string, body: unknown) => unknown, status = NORMAL) => {
    const lists: Record<string, object[]> = {
        teams: [
            { id: 'support', name: 'Support/Sales' },
            { id: 'marketing', name: 'Marketing/PR' },
        ],
        flows: [
            { id: 'v-normal', name: 'Default', active: true },
            { id: 'v-crisis', name: 'Crisis', active: false },
        ],
    };
    const client = vi.fn<HttpClient>(async (url, options) => {
        const method = options?.method ?? 'GET';
        const path = String(url).split('?')[0];
        let json: unknown;
        if (method !== 'GET') json = write(method, path, options?.body ? JSON.parse(String(options.body)) : undefined);
        else if (path === '/api/crisis') json = status;
        else if (path === '/api/crisis/settings') json = SETTINGS;
        else json = lists[path.split('/')[2]] ?? [];
        const total = Array.isArray(json) ? json.length : 1;
        return { status: 200, headers: new Headers({ 'Content-Range': `items 0-${total}/${total}` }), body: JSON.stringify(json), json };
    });
    return { client, dataProvider: createDataProvider('/api', client) };
};

vi.setConfig({ testTimeout: 45_000 });

describe('crisis settings form', () => {
    it('round-trips the settings and checks the ranges the API checks', () => {
        const form = formOf(SETTINGS);
        expect(form.topics).toBe('outage, billing');
        const { updated_at, updated_by, ...sent } = SETTINGS;
        expect([updated_at, updated_by]).toEqual([null, null]);
        expect(payloadOf(form)).toEqual(sent);
        expect(payloadOf({ ...form, topics: ' a , ,b ', crisis_flow: '' })).toMatchObject({ topics: ['a', 'b'], crisis_flow: null });
        expect(validateCrisis(form)).toEqual({});
        expect(
            validateCrisis({ ...form, ratio: '1', calm_checks: '1.5', window_seconds: '', backup: [{ team_id: 'marketing', queues: ['marketing'] }, { team_id: '', queues: [] }] }),
        ).toEqual({
            'thresholds.ratio': 'A number from above 1 to 1000',
            'thresholds.calm_checks': 'A whole number from 1 to 100',
            window_seconds: 'A whole number from 60 to 86400',
            'backup.0.queues': 'Not its own queue: the queues it helps',
            'backup.1.team_id': 'Pick the backup team',
        });
        expect([duration(45), duration(180), duration(5400), duration(7200)]).toEqual(['45 s', '3 min', '1 h 30 min', '2 h']);
    });
});

describe('crisis page', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it('lets an ops lead start a crisis with a reason and end it', async () => {
        window.location.hash = '#/crisis';
        const calls: [string, string, unknown][] = [];
        const { dataProvider } = fakeCrisisApi((method, url, body) => {
            calls.push([method, url, body]);
            return url.endsWith('/start') ? CRISIS : { ...NORMAL, ended_at: '2026-12-04T11:00:00Z', end_reason: 'fixed' };
        });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('ops_lead'))} />);
        expect(await screen.findByTestId('crisis-chip', {}, { timeout: 5_000 })).toHaveTextContent('Normal');
        expect(screen.getByTestId('crisis-last-check')).toHaveTextContent('no spike');
        expect(within(screen.getByTestId('crisis-figures')).getByText('1.2×')).toBeInTheDocument();
        const start = screen.getByTestId('crisis-start');
        expect(start).toBeDisabled(); // a reason first
        await user.type(screen.getByTestId('crisis-reason-input'), 'the app is down');
        await user.click(start);
        await waitFor(() => expect(screen.getByTestId('crisis-chip')).toHaveTextContent('Crisis'));
        expect(calls).toEqual([['POST', '/api/crisis/start', { reason: 'the app is down' }]]);
        expect(screen.getByTestId('crisis-reason')).toHaveTextContent('the app is down');
        expect(screen.getByTestId('crisis-guests')).toHaveTextContent('maya → support');
        expect(screen.getByTestId('crisis-timeline')).toHaveTextContent('Started');

        await user.type(screen.getByTestId('crisis-reason-input'), 'fixed');
        await user.click(screen.getByTestId('crisis-end'));
        await waitFor(() => expect(screen.getByTestId('crisis-chip')).toHaveTextContent('Normal'));
        expect(calls[1]).toEqual(['POST', '/api/crisis/end', { reason: 'fixed' }]);
    });

    it('saves the settings and shows a refusal on its field', async () => {
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        window.location.hash = '#/crisis';
        const sent: unknown[] = [];
        const { dataProvider } = fakeCrisisApi((method, url, body) => {
            expect([method, url]).toEqual(['PUT', '/api/crisis/settings']);
            sent.push(body);
            if (sent.length === 1) {
                throw new HttpError('no team', 404, { detail: { code: 'unknown_team', path: 'backup.0.team_id', message: "no team 'marketing'; teams: support" } });
            }
            return { ...SETTINGS, ...(body as object), updated_by: 'olivia' };
        });
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('ops_lead'))} />);
        const ratio = await screen.findByTestId('crisis-ratio', {}, { timeout: 5_000 });
        await user.clear(ratio);
        await user.type(ratio, '5');
        await user.click(screen.getByTestId('crisis-save'));
        expect(await screen.findByText("no team 'marketing'; teams: support")).toBeInTheDocument();
        expect(sent[0]).toMatchObject({ thresholds: { ratio: 5, min_mentions: 50 }, backup: [{ team_id: 'marketing', queues: ['support'] }], crisis_flow: 'v-crisis' });
        await user.click(screen.getByTestId('crisis-save'));
        await waitFor(() => expect(sent).toHaveLength(2));
        await waitFor(() => expect(screen.queryByText("no team 'marketing'; teams: support")).toBeNull());
        consoleError.mockRestore();
    });

    it('shows a supervisor the state and settings, with nothing to press', async () => {
        window.location.hash = '#/crisis';
        const { dataProvider } = fakeCrisisApi(() => {
            throw new Error('a supervisor changes nothing here');
        }, CRISIS);
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('supervisor'))} />);
        expect(await screen.findByTestId('crisis-chip', {}, { timeout: 5_000 })).toHaveTextContent('Crisis');
        await screen.findByTestId('crisis-settings');
        expect(screen.queryByTestId('crisis-end')).toBeNull();
        expect(screen.queryByTestId('crisis-save')).toBeNull();
        expect(screen.getByTestId('crisis-ratio')).toBeDisabled();
    });
});
