import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { fakeDataProvider } from '../test/fakeDataProvider';
import { makeSource } from '../test/fixtures';
import type { AnalyticsReport, SavedReport } from '../types';
import { resultColumns } from './ReportResult';
import { deliveryTargets, exportUrl } from './ReportShow';
import { createReportPayload, formatValue, recipientText, validateReport } from './reportForm';

const report = (overrides: Partial<SavedReport> = {}): SavedReport => ({
    id: 'rpt-1',
    name: 'First response by team',
    kind: 'cases',
    metric: 'first_response',
    group_by: 'team',
    hours: 'calendar',
    filters: { channel: 'twitter' },
    period: 'last_7_days',
    since: null,
    until: null,
    tz: 'Europe/Paris',
    shared: true,
    schedule_cadence: null,
    schedule_time: null,
    schedule_weekday: null,
    webhook_url: null,
    email_to: null,
    owner_id: 'supervisor',
    has_webhook_secret: false,
    created_at: '2025-01-01T09:00:00+00:00',
    updated_at: '2025-01-01T09:00:00+00:00',
    ...overrides,
});

const NONE = { target: null, met: null, breached: null, closed_without_response: null, matching: null, ages: null,
    name: null };

const result: AnalyticsReport = {
    metric: 'first_response',
    group_by: 'team',
    since: '2024-12-25T23:00:00Z',
    until: '2025-01-01T23:00:00Z',
    tz: 'Europe/Paris',
    hours: 'calendar',
    period_column: 'opened_at',
    rows: [
        { ...NONE, group: 'support', count: 3, value: 2000, mean: 2000, median: 1800, p90: 3600 },
        { ...NONE, group: null, count: 1, value: 45, mean: 45, median: 45, p90: 45 },
    ],
};

const voice: AnalyticsReport = {
    ...result,
    metric: 'share_of_voice',
    group_by: 'day',
    period_column: 'created_at',
    rows: [
        { ...NONE, group: '2025-01-01', name: 'Acme', count: 3, value: 0.6667, mean: null, median: null, p90: null },
        { ...NONE, group: '2025-01-01', name: 'Globex', count: 1, value: 0.3333, mean: null, median: null, p90: null },
    ],
};

const provider = () => {
    const dataProvider = fakeDataProvider({
        reports: [
            report(),
            report({ id: 'rpt-2', name: 'Mentions', kind: 'mentions', metric: 'volume', group_by: 'day', shared: false }),
            report({ id: 'rpt-3', name: 'Brand vs competitors', kind: 'mentions', metric: 'share_of_voice', group_by: 'day', filters: {} }),
        ],
        sources: [makeSource({ id: 'twitter', name: 'X / Twitter' })],
        teams: [{ id: 'support', name: 'Support' }],
        cases: [],
    });
    return Object.assign(dataProvider, { runReport: vi.fn(async () => ({ data: result })) });
};

vi.setConfig({ testTimeout: 45_000 });

describe('report form', () => {
    it('checks what the API checks and sends only the filters the kind takes', () => {
        expect(validateReport({ name: ' ', kind: 'mentions', metric: 'opened', period: 'custom', since: '2025-01-02T00:00', until: '2025-01-01T00:00' })).toEqual({
            name: 'Give the report a name',
            metric: 'Pick a mentions metric',
            until: 'The end must be after the start',
        });
        const payload = createReportPayload({
            name: ' Weekly ',
            kind: 'mentions',
            metric: 'volume',
            group_by: 'day',
            period: 'last_7_days',
            since: '2025-01-01T00:00',
            tz: 'Europe/Paris',
            filters: { channel: 'twitter', team_id: 'support', direction: '' },
        });
        expect(payload).toEqual({
            name: 'Weekly',
            kind: 'mentions',
            metric: 'volume',
            group_by: 'day',
            hours: 'calendar',
            filters: { channel: 'twitter' },
            period: 'last_7_days',
            since: null,
            until: null,
            tz: 'Europe/Paris',
            shared: false,
            schedule_cadence: null,
            schedule_time: null,
            schedule_weekday: null,
            webhook_url: null,
            email_to: null,
        });
    });

    it('emails a schedule to recipients, with or without a webhook, each address checked and sent once', () => {
        const daily = { name: 'D', kind: 'cases' as const, metric: 'opened', schedule_cadence: 'daily', schedule_time: '07:00' };
        expect(validateReport(daily)).toEqual({ webhook_url: 'A webhook URL, or email recipients below' });
        const emailed = { ...daily, email_to: 'ops@example.com,\n lead@example.org; OPS@example.com' };
        expect(validateReport(emailed)).toEqual({});
        expect(createReportPayload(emailed)).toMatchObject({ webhook_url: null, email_to: ['ops@example.com', 'lead@example.org'] });
        expect(createReportPayload(emailed)).not.toHaveProperty('webhook_secret');
        expect(validateReport({ ...daily, email_to: 'ops@example.com, Ops <x@y.example>' }).email_to).toMatch(/^Not an email address: Ops/);
        expect(validateReport({ ...daily, email_to: 'ops@localhost' }).email_to).toMatch(/ops@localhost/);
        expect(validateReport({ ...daily, email_to: Array.from({ length: 21 }, (_, i) => `r${i}@example.com`) }).email_to).toBe('At most 20 recipients');
        // A webhook beside the email still needs its secret; the list the API answers reads back as text.
        expect(validateReport({ ...emailed, webhook_url: 'https://hooks.example.com/r' })).toEqual({
            webhook_secret: 'At least 16 characters the receiver checks signatures with',
        });
        expect(recipientText(['a@example.com', 'b@example.com'])).toBe('a@example.com, b@example.com');
        expect(createReportPayload({ ...daily, email_to: ' ' }).email_to).toBeNull();
        expect(deliveryTargets({ webhook_url: 'https://hooks.example.com/r', email_to: ['a@example.com', 'b@example.com'] })).toBe(
            'hooks.example.com and 2 email recipients',
        );
        expect(deliveryTargets({ webhook_url: null, email_to: ['a@example.com'] })).toBe('a@example.com');
    });

    it('asks a schedule for its time, day, webhook and a secret unless one is set; sends the secret only when typed', () => {
        const weekly = { name: 'W', kind: 'cases' as const, metric: 'opened', schedule_cadence: 'weekly', webhook_url: 'ftp://x' };
        expect(validateReport(weekly)).toEqual({
            schedule_time: 'A time as HH:MM, e.g. 08:30',
            schedule_weekday: 'Pick the day',
            webhook_url: 'The http(s) address deliveries are POSTed to',
            webhook_secret: 'At least 16 characters the receiver checks signatures with',
        });
        const set = { ...weekly, schedule_time: '08:30', schedule_weekday: 0, webhook_url: 'https://hooks.example.com/r', has_webhook_secret: true };
        expect(validateReport(set)).toEqual({});
        expect(createReportPayload(set)).toMatchObject({ schedule_cadence: 'weekly', schedule_time: '08:30', schedule_weekday: 0 });
        expect(createReportPayload(set)).not.toHaveProperty('webhook_secret');
        expect(createReportPayload({ ...set, webhook_secret: 'a-long-enough-secret' }).webhook_secret).toBe('a-long-enough-secret');
        expect(createReportPayload({ ...set, schedule_cadence: 'daily' }).schedule_weekday).toBeNull();
    });

    it('offers business hours only for the durations that have them, and no time groups for a backlog', () => {
        const base = { name: 'B', kind: 'cases' as const, period: 'last_7_days' };
        expect(validateReport({ ...base, metric: 'resolution', hours: 'business' })).toEqual({});
        expect(createReportPayload({ ...base, metric: 'resolution', hours: 'business' }).hours).toBe('business');
        expect(validateReport({ ...base, metric: 'opened', hours: 'business' })).toEqual({
            hours: 'Only first response, next response and resolution have business hours',
        });
        expect(validateReport({ ...base, metric: 'backlog', group_by: 'day' })).toEqual({
            group_by: "Counted at the period's end: group by something other than time",
        });
        expect(createReportPayload({ ...base, kind: 'mentions', metric: 'sentiment', hours: 'business' }).hours).toBe('calendar');
    });

    it('reads values as durations, rates and counts', () => {
        expect(formatValue('first_response', 1800)).toBe('30 min');
        expect(formatValue('resolution', 5400)).toBe('1.5 h');
        expect(formatValue('sla', 2 / 3)).toBe('66.7 %');
        expect(formatValue('opened', 1250)).toBe('1,250');
        expect(formatValue('handle', null)).toBe('-');
        expect(resultColumns({ metric: 'sla', group_by: 'none' }).map(column => column.label)).toEqual([
            'Nothing (one row)',
            'Target',
            'Attainment',
            'Met',
            'Breached',
        ]);
        expect(exportUrl('rpt 1', 'csv')).toBe('/api/reports/rpt%201/export?format=csv');
        expect(resultColumns({ metric: 'share_of_voice', group_by: 'day' }).map(column => column.label)).toEqual([
            'Day',
            'Brand or competitor',
            'Mentions',
            'Share',
        ]);
    });
});

describe('report screens', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it('lists reports for a supervisor, runs one and offers its downloads; an agent has no menu entry', async () => {
        window.location.hash = '#/reports';
        const dataProvider = provider();
        const user = userEvent.setup();
        const { unmount } = render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('supervisor'))} />);
        expect(await screen.findByTestId('report-create', {}, { timeout: 5_000 })).toBeInTheDocument();
        expect(screen.getByRole('menuitem', { name: /Reports/ })).toBeInTheDocument();
        expect(await screen.findByText('First response time by team')).toBeInTheDocument();
        await user.click(screen.getByText('First response by team'));
        const table = await screen.findByTestId('report-result', {}, { timeout: 5_000 });
        expect(dataProvider.runReport).toHaveBeenCalledWith('rpt-1');
        const rows = within(table).getAllByTestId('report-row');
        expect(rows.map(row => row.textContent)).toEqual(['support333.3 min30 min1 h', 'No team145 s45 s45 s']);
        expect(screen.getByTestId('report-download-csv')).toHaveAttribute('href', '/api/reports/rpt-1/export?format=csv');
        expect(screen.getByTestId('report-download-json')).toHaveAttribute('href', '/api/reports/rpt-1/export?format=json');
        expect(screen.getByTestId('report-edit')).toBeInTheDocument(); // hers
        unmount();

        window.location.hash = '#/';
        render(<App dataProvider={provider()} authProvider={fakeAuthProvider(makeMe('agent'))} />);
        expect(await screen.findByRole('menuitem', { name: /Cases/ }, { timeout: 5_000 })).toBeInTheDocument();
        expect(screen.queryByRole('menuitem', { name: /Reports/ })).toBeNull();
    });

    it('runs a share of voice report to a row per brand and competitor', async () => {
        window.location.hash = '#/reports';
        const dataProvider = provider();
        dataProvider.runReport.mockImplementation(async () => ({ data: voice }));
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('supervisor'))} />);
        expect(await screen.findByText('Share of voice by day', {}, { timeout: 5_000 })).toBeInTheDocument();
        await user.click(screen.getByText('Brand vs competitors'));
        const table = await screen.findByTestId('report-result', {}, { timeout: 5_000 });
        expect(dataProvider.runReport).toHaveBeenCalledWith('rpt-3');
        expect(within(table).getAllByRole('columnheader').map(cell => cell.textContent)).toEqual(['Day', 'Brand or competitor', 'Mentions', 'Share']);
        expect(within(table).getAllByTestId('report-row').map(row => row.textContent)).toEqual([
            '2025-01-01Acme366.7 %',
            '2025-01-01Globex133.3 %',
        ]);
    });

    it('creates a report from the form', async () => {
        window.location.hash = '#/reports/create';
        const dataProvider = provider();
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('ops_lead'))} />);
        await user.type(await screen.findByTestId('report-name', {}, { timeout: 5_000 }), 'Opened per day');
        await user.click(screen.getByRole('button', { name: /Save/ }));
        await waitFor(() => expect(dataProvider.create).toHaveBeenCalled());
        const [resource, { data }] = dataProvider.create.mock.calls[0] as unknown as [string, { data: Record<string, unknown> }];
        expect(resource).toBe('reports');
        expect(data).toMatchObject({ name: 'Opened per day', kind: 'cases', metric: 'opened', group_by: 'day', period: 'last_7_days', filters: {} });
    });
});
