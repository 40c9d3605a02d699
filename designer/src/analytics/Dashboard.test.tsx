import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext } from 'react-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as files from '../common/saveFile';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { AnalyticsApi } from './analyticsApi';
import { CHARTS_REFRESH_MS, Dashboard } from './Dashboard';
import { LiveTiles } from './LiveTiles';
import { useLiveSnapshot } from './useLiveSnapshot';
import { SNAPSHOT, caseAnswer, fakeAnalyticsApi, report, row } from './testApi';

const teams = [
    { id: 'support', name: 'Support/Sales', description: '', department: '', strategy: 'round_robin', relax_optional_after_seconds: null, allow_pull: false, claim_idle_seconds: 900, members: [], waiting: 0, oldest_waiting_since: null },
    { id: 'marketing', name: 'Marketing/PR', description: '', department: '', strategy: 'round_robin', relax_optional_after_seconds: null, allow_pull: false, claim_idle_seconds: 900, members: [], waiting: 0, oldest_waiting_since: null },
];

/** The live figures alone, as the dashboard shows them (without its charts: quicker to draw). */
const LiveOnly = ({ api }: { api: AnalyticsApi }) => <LiveTiles live={useLiveSnapshot(api)} />;

const setup = (fake = fakeAnalyticsApi()) => {
    render(
        <AdminContext dataProvider={fakeDataProvider({ teams })}>
            <Dashboard api={fake.api} />
        </AdminContext>,
    );
    return { ...fake, user: userEvent.setup() };
};

const value = (tile: string) => screen.getByTestId(`tile-${tile}-value`).textContent;

// jsdom has no ResizeObserver, and recharts then draws at its initial size. Test files share one environment
// (isolate: false) and the canvas tests install a stub that never reports a size, which would keep every chart
// undrawn: the dashboard's tests run without it.
const observer = Object.getOwnPropertyDescriptor(globalThis, 'ResizeObserver');

describe('the dashboard', () => {
    beforeEach(() => {
        delete (globalThis as Record<string, unknown>).ResizeObserver;
    });
    afterEach(() => {
        vi.restoreAllMocks();
        if (observer) Object.defineProperty(globalThis, 'ResizeObserver', observer);
    });

    it('shows the live figures and follows the stream', async () => {
        const { api, emit } = fakeAnalyticsApi();
        render(<LiveOnly api={api} />);
        await waitFor(() => expect(screen.getByTestId('tile-waiting-value')).toHaveTextContent('3'));
        expect(screen.getByTestId('live-status')).toHaveTextContent('Live');
        expect([value('breaches'), value('mention-rate'), value('agents'), value('open')]).toEqual(['2', '0.6', '3 / 4', '6']);
        expect(screen.getByTestId('tile-open-detail')).toHaveTextContent('urgent 1 · high 2 · normal 2 · low 1');
        expect(screen.getByTestId('tile-agents-detail')).toHaveTextContent('1 on a case now');
        const queues = within(screen.getByTestId('live-queues'));
        expect(queues.getAllByRole('row').map(r => r.textContent)).toEqual([
            'QueueWaitingOldest waitingAgents online',
            expect.stringMatching(/^Marketing\/PR1.+1 \/ 1$/),
            expect.stringMatching(/^Support\/Sales2.+2 \/ 3$/),
        ]);

        act(() =>
            emit({
                ...SNAPSHOT,
                at: '2026-12-04T10:00:05Z',
                breaches_last_hour: 3,
                mention_rate: { ...SNAPSHOT.mention_rate, last_5_minutes: 1.2, mentions_5_minutes: 6 },
            }),
        );
        expect(value('breaches')).toBe('3');
        expect(value('mention-rate')).toBe('1.2');
        expect(screen.getByTestId('tile-mention-rate-detail')).toHaveTextContent('6 in 5 min');
        // An older snapshot arriving late does not undo a newer one.
        act(() => emit({ ...SNAPSHOT, at: '2026-12-04T09:59:00Z', breaches_last_hour: 0 }));
        expect(value('breaches')).toBe('3');
    });

    it('asks for the period in the viewer time zone and draws every chart', async () => {
        const { api } = setup();
        // channels, then twitter and facebook's days; and share of voice
        await waitFor(() => expect(api.mentions).toHaveBeenCalledTimes(4));
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        const first = api.cases.mock.calls[0][0];
        expect(first).toMatchObject({ metric: 'opened', group_by: 'day', tz: zone, team_id: undefined });
        expect((Date.parse(first.until) - Date.parse(first.since)) / 86_400_000).toBeCloseTo(30, 0);
        expect(api.cases.mock.calls.map(([q]) => q.metric)).toEqual([
            'opened',
            'closed',
            'first_response',
            'resolution',
            'sla',
            'auto_replies',
            'resolved_by_auto_reply',
        ]);
        // email had no mention: no series, no request
        expect(api.mentions.mock.calls.map(([q]) => q.channel ?? q.group_by ?? q.metric).sort()).toEqual([
            'channel',
            'facebook',
            'share_of_voice',
            'twitter',
        ]);
        for (const id of ['cases-per-day', 'first-response', 'resolution', 'sla', 'auto-replies', 'mentions-per-channel', 'share-of-voice']) {
            await waitFor(() => expect(screen.getByTestId(`chart-${id}`).querySelector('.recharts-wrapper')).not.toBeNull());
        }
    });

    it('asks again for another period and for one team', async () => {
        // Empty answers: the charts say "nothing" rather than draw, which keeps this test quick.
        const fake = fakeAnalyticsApi();
        fake.api.cases.mockImplementation(async query => report(query.metric, 'day', []));
        fake.api.mentions.mockImplementation(async () => report('volume', 'channel', []));
        const { api, user } = setup(fake);
        await waitFor(() => expect(api.cases.mock.calls.length).toBe(7));
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

        await user.click(screen.getByTestId('period-7'));
        await waitFor(() => expect(api.cases.mock.calls.length).toBe(14));
        const week = api.cases.mock.calls[7][0];
        expect((Date.parse(week.until) - Date.parse(week.since)) / 86_400_000).toBeCloseTo(7, 0);
        expect(screen.getByTestId('period-caption')).toHaveTextContent(`Last 7 days, days counted in ${zone}`);

        await user.click(within(screen.getByTestId('dashboard')).getByRole('combobox', { name: 'Team' }));
        await user.click(await screen.findByRole('option', { name: 'Marketing/PR' }));
        await waitFor(() => expect(api.cases.mock.calls.length).toBe(21));
        expect(api.cases.mock.calls.slice(14).every(([q]) => q.team_id === 'marketing')).toBe(true);
    });

    it('reads the charts again every half minute while open, the new figures replacing the old in place', async () => {
        const save = vi.spyOn(files, 'saveFile').mockImplementation(() => undefined);
        const timers = vi.spyOn(window, 'setInterval');
        const fake = fakeAnalyticsApi();
        let opened = 2;
        fake.api.cases.mockImplementation(async query =>
            query.metric === 'opened' ? report('opened', 'day', [row('2026-11-29', opened)]) : caseAnswer(query),
        );
        const { api, user } = setup(fake);
        const perRead = 7; // the case metrics the charts ask for
        await waitFor(() => expect(api.cases.mock.calls.length).toBe(perRead));
        const refresh = timers.mock.calls.find(([, every]) => every === CHARTS_REFRESH_MS);
        expect(refresh).toBeDefined();
        const card = screen.getByTestId('chart-cases-per-day');
        const csv = within(card).getByRole('button', { name: /as CSV/ });
        await waitFor(() => expect(csv).toBeEnabled());

        opened = 7; // a case opened meanwhile
        act(() => (refresh![0] as () => void)());
        await waitFor(() => expect(api.cases.mock.calls.length).toBe(2 * perRead));
        expect(api.cases.mock.calls[perRead][0]).toMatchObject({ metric: 'opened', group_by: 'day' });
        expect(csv).toBeEnabled(); // the chart stayed while it was read again
        await waitFor(async () => {
            await user.click(csv);
            expect(save).toHaveBeenLastCalledWith('cases-per-day.csv', expect.stringContaining('2026-11-29,7,'), 'text/csv');
        });
    });

    it('exports a chart as the CSV of its data', async () => {
        const save = vi.spyOn(files, 'saveFile').mockImplementation(() => undefined);
        const { user } = setup();
        const card = await screen.findByTestId('chart-sla');
        const csv = within(card).getByRole('button', { name: 'Export SLA attainment as CSV' });
        await waitFor(() => expect(csv).toBeEnabled());
        await user.click(csv);
        expect(save).toHaveBeenCalledWith(
            'sla.csv',
            'target,attainment %,met,breached\r\nFirst response,66.7,2,1\r\nNext response,,0,0\r\nResolution,75,3,1\r\n',
            'text/csv',
        );
        const volumes = within(screen.getByTestId('chart-cases-per-day')).getByRole('button', { name: /as CSV/ });
        await user.click(volumes);
        expect(save).toHaveBeenLastCalledWith('cases-per-day.csv', 'day,opened,closed\r\n2026-11-28,2,2\r\n2026-11-29,3,0\r\n', 'text/csv');
        // Auto-replies sent per day (cases opened) beside the cases they resolved with no human reply.
        await user.click(within(screen.getByTestId('chart-auto-replies')).getByRole('button', { name: /as CSV/ }));
        expect(save).toHaveBeenLastCalledWith(
            'auto-replies.csv',
            'day,auto-replies sent,resolved by auto-reply\r\n2026-11-28,1.5,1\r\n2026-11-29,1,0\r\n',
            'text/csv',
        );
    });
});

describe('a chart with nothing to show', () => {
    it('says so instead of drawing empty axes, and still exports its days as CSV', async () => {
        const fake = fakeAnalyticsApi();
        fake.api.cases.mockImplementation(async query =>
            query.metric === 'first_response' ? report('first_response', 'day', [row('2026-11-28', 0, { value: null })]) : caseAnswer(query),
        );
        render(
            <AdminContext dataProvider={fakeDataProvider({ teams })}>
                <Dashboard api={fake.api} />
            </AdminContext>,
        );
        const card = await screen.findByTestId('chart-first-response');
        await waitFor(() => expect(card).toHaveTextContent('Nothing in this period'));
        expect(card.querySelector('.recharts-wrapper')).toBeNull();
        expect(within(card).getByRole('button', { name: /as PNG/ })).toBeDisabled();
        expect(within(card).getByRole('button', { name: /as CSV/ })).toBeEnabled();
    });
});
