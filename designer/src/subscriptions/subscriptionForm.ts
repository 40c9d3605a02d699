// The webhook subscription forms' values and the API bodies made from them (POST /api/subscriptions, PATCH .../{id}).
import type { EventType, SubscriptionChangePayload, SubscriptionCreatePayload } from '../types';

/** Every event type a subscription may take, grouped as the form shows them. */
export const EVENT_GROUPS: { label: string; types: EventType[] }[] = [
    {
        label: 'Cases',
        types: [
            'case.opened',
            'case.assigned',
            'case.claimed',
            'case.replied',
            'case.escalated',
            'case.sla_breached',
            'case.transferred',
            'case.closed',
            'case.measured',
        ],
    },
    { label: 'Mentions', types: ['mention.received'] },
    { label: 'Customers', types: ['customer.created', 'customer.merged', 'customer.noted'] },
    { label: 'Flows', types: ['flow.published', 'flow.activated'] },
];
export const EVENT_TYPES: EventType[] = EVENT_GROUPS.flatMap(group => group.types);

export interface SubscriptionFormValues {
    name?: string;
    url?: string;
    event_types?: string[];
    /** The JSON Logic filter as text; empty: every event of the types. */
    filter_text?: string;
    secret?: string;
    active?: boolean;
}

const parseFilter = (text: string | undefined): { value?: Record<string, unknown> | null; error?: string } => {
    if (!text?.trim()) return { value: null };
    try {
        const value: unknown = JSON.parse(text);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            return { error: 'A JSON Logic rule is an object, e.g. {"==": [{"var": "data.case.priority"}, "high"]}' };
        }
        return { value: value as Record<string, unknown> };
    } catch (error) {
        return { error: `Not JSON: ${(error as Error).message}` };
    }
};

/** What the API would refuse, said before the form is sent (`creating`: the secret is required). */
export const validateSubscription =
    (creating: boolean) =>
    (values: SubscriptionFormValues): Record<string, string> => {
        const errors: Record<string, string> = {};
        if (!values.name?.trim()) errors.name = 'Name the subscription (e.g. the CRM it feeds)';
        if (!/^https?:\/\/[^\s/]+/i.test(values.url ?? '')) errors.url = 'An http(s) URL, e.g. https://crm.example.com/hooks';
        if (!values.event_types?.length) errors.event_types = 'Pick at least one event type';
        const secret = values.secret ?? '';
        if ((creating || secret) && secret.length < 16) errors.secret = 'At least 16 characters';
        const filter = parseFilter(values.filter_text);
        if (filter.error) errors.filter_text = filter.error;
        return errors;
    };

/** `POST /api/subscriptions`. */
export const createSubscriptionPayload = (values: SubscriptionFormValues): SubscriptionCreatePayload => ({
    name: values.name?.trim() ?? '',
    url: values.url?.trim() ?? '',
    event_types: (values.event_types ?? []) as EventType[],
    filter: parseFilter(values.filter_text).value ?? null,
    secret: values.secret ?? '',
    active: values.active ?? true,
});

/** `PATCH /api/subscriptions/{id}`: the secret only when a new one is typed (it is never shown). */
export const changeSubscriptionPayload = (values: SubscriptionFormValues): SubscriptionChangePayload => {
    const { secret, ...rest } = createSubscriptionPayload(values);
    return secret ? { ...rest, secret } : rest;
};

/** The form's values of a stored subscription (its filter as indented JSON). */
export const subscriptionFormValues = (record: { filter?: unknown }): { filter_text: string } => ({
    filter_text: record.filter ? JSON.stringify(record.filter, null, 2) : '',
});
