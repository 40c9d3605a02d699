import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { Subscription, SubscriptionDelivery } from '../types';
import { changeSubscriptionPayload, createSubscriptionPayload, EVENT_TYPES, validateSubscription } from './subscriptionForm';

vi.setConfig({ testTimeout: 45_000 });

const subscription = (overrides: Partial<Subscription> = {}): Subscription => ({
    id: 'sub-1',
    name: 'Acme CRM',
    url: 'https://crm.example.com/hooks',
    event_types: ['case.opened', 'case.closed'],
    filter: null,
    active: true,
    paused_reason: null,
    paused_at: null,
    healthy: true,
    cursor: 42,
    backlog: 0,
    consecutive_failures: 0,
    last_error: null,
    last_delivery_at: '2025-01-05T08:00:00+00:00',
    next_attempt_at: null,
    created_at: '2025-01-01T08:00:00+00:00',
    created_by: 'admin',
    updated_at: '2025-01-01T08:00:00+00:00',
    ...overrides,
});

const delivery = (id: number, overrides: Partial<SubscriptionDelivery> = {}): SubscriptionDelivery => ({
    id,
    subscription_id: 'sub-1',
    event_id: `e-${id}`,
    cursor: id,
    type: 'case.opened',
    attempt: 1,
    ok: true,
    status_code: 200,
    latency_ms: 31.2,
    error: null,
    at: '2025-01-05T08:00:00+00:00',
    ...overrides,
});

const records = () => ({
    subscriptions: [
        subscription(),
        subscription({
            id: 'sub-2',
            name: 'Chat alerts',
            active: false,
            healthy: false,
            backlog: 7,
            consecutive_failures: 10,
            paused_reason: 'paused after 10 failed deliveries in a row since 2025-01-05T07:00:00+00:00; last: HTTP 500',
        }),
    ],
    subscription_deliveries: [delivery(1), delivery(2, { ok: false, status_code: 503, error: 'HTTP 503', attempt: 2, subscription_id: 'sub-2' })],
    cases: [],
});

describe('subscription form', () => {
    it('needs a name, an http(s) URL, a type, a 16-character secret (to create) and a JSON filter', () => {
        expect(validateSubscription(true)({ name: ' ', url: 'ftp://x', event_types: [], secret: 'short', filter_text: '{' })).toEqual({
            name: 'Name the subscription (e.g. the CRM it feeds)',
            url: 'An http(s) URL, e.g. https://crm.example.com/hooks',
            event_types: 'Pick at least one event type',
            secret: 'At least 16 characters',
            filter_text: expect.stringMatching(/^Not JSON/),
        });
        expect(validateSubscription(false)({ name: 'x', url: 'https://a.example', event_types: ['case.opened'], secret: '' })).toEqual({});
        expect(validateSubscription(true)({ name: 'x', url: 'https://a.example', event_types: ['case.opened'], secret: 's'.repeat(16), filter_text: '[1]' }))
            .toHaveProperty('filter_text');
    });

    it('sends the filter as JSON and the secret only when a new one is typed', () => {
        const values = { name: ' CRM ', url: 'https://a.example/h', event_types: ['case.closed'], filter_text: '{"==": [1, 1]}', secret: '', active: true };
        expect(changeSubscriptionPayload(values)).toEqual({
            name: 'CRM',
            url: 'https://a.example/h',
            event_types: ['case.closed'],
            filter: { '==': [1, 1] },
            active: true,
        });
        expect(createSubscriptionPayload({ ...values, filter_text: '', secret: 'x'.repeat(20) })).toMatchObject({ filter: null, secret: 'x'.repeat(20) });
        expect(EVENT_TYPES).toHaveLength(15);
    });
});

describe('subscription screens', () => {
    afterEach(() => {
        window.location.hash = '';
    });

    it('lists them with their health for an admin, with the menu entry; an ops lead has neither', async () => {
        window.location.hash = '#/subscriptions';
        const { unmount } = render(<App dataProvider={fakeDataProvider(records())} authProvider={fakeAuthProvider(makeMe('admin'))} />);
        expect(await screen.findByTestId('subscription-create', {}, { timeout: 5_000 })).toBeInTheDocument();
        expect(await screen.findByText('Acme CRM')).toBeInTheDocument();
        const health = screen.getAllByTestId('subscription-health').map(chip => chip.textContent);
        expect(health).toEqual(['Healthy', 'Paused: failing']);
        expect(screen.getByRole('menuitem', { name: /Webhooks/ })).toBeInTheDocument();
        unmount();

        window.location.hash = '#/';
        render(<App dataProvider={fakeDataProvider(records())} authProvider={fakeAuthProvider(makeMe('ops_lead'))} />);
        expect(await screen.findByRole('menuitem', { name: /Cases/ }, { timeout: 5_000 })).toBeInTheDocument();
        expect(screen.queryByRole('menuitem', { name: /Webhooks/ })).toBeNull();
    });

    it('shows why a paused one stopped and its delivery log, sends a test event and resumes it', async () => {
        window.location.hash = '#/subscriptions/sub-2/show';
        const dataProvider = fakeDataProvider(records());
        const user = userEvent.setup();
        render(<App dataProvider={dataProvider} authProvider={fakeAuthProvider(makeMe('admin'))} />);
        expect(await screen.findByTestId('subscription-paused-reason', {}, { timeout: 5_000 })).toHaveTextContent('HTTP 500');
        expect(screen.getByTestId('subscription-backlog')).toHaveTextContent('7');
        const log = await screen.findByTestId('subscription-deliveries');
        await waitFor(() => expect(log).toHaveTextContent('HTTP 503'));
        expect(log).toHaveTextContent('503');

        await user.click(screen.getByTestId('subscription-test'));
        await waitFor(() => expect(dataProvider.testSubscription).toHaveBeenCalledWith('sub-2'));
        expect(await screen.findByText(/Test event delivered: HTTP 200 in 13 ms/)).toBeInTheDocument();

        await user.click(screen.getByTestId('subscription-resume'));
        await waitFor(() => expect(dataProvider.setSubscriptionActive).toHaveBeenCalledWith('sub-2', true));
        expect(await screen.findByText(/Resumed: 7 waiting event/)).toBeInTheDocument();
    });
});
