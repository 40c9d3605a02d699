// A fake analytics API for component tests: reports made from a table of answers, and a handle to push live snapshots.
import { vi } from 'vitest';
import type { AnalyticsReport, AnalyticsRow, LiveSnapshot, ShareOfVoiceTerms, ShareOfVoiceTermsInput } from '../types';
import type { AnalyticsApi, CaseQuery, MentionQuery } from './analyticsApi';

export const row = (group: string | null, count: number, extra: Partial<AnalyticsRow> = {}): AnalyticsRow => ({
    group,
    count,
    value: count,
    target: null,
    mean: null,
    median: null,
    p90: null,
    met: null,
    breached: null,
    closed_without_response: null,
    matching: null,
    ages: null,
    name: null,
    ...extra,
});

export const report = (metric: string, groupBy: string, rows: AnalyticsRow[]): AnalyticsReport => ({
    metric,
    group_by: groupBy,
    since: '2026-11-28T00:00:00Z',
    until: '2026-11-30T00:00:00Z',
    tz: 'UTC',
    hours: 'calendar',
    period_column: 'opened_at',
    rows,
});

export const SNAPSHOT: LiveSnapshot = {
    at: '2026-12-04T10:00:00Z',
    queues: [
        { team_id: 'marketing', name: 'Marketing/PR', waiting: 1, oldest_waiting_since: '2026-12-04T09:55:00Z', oldest_waiting_seconds: 300, agents: 1, agents_online: 1, agents_active: 0 },
        { team_id: 'support', name: 'Support/Sales', waiting: 2, oldest_waiting_since: '2026-12-04T09:20:00Z', oldest_waiting_seconds: 2400, agents: 3, agents_online: 2, agents_active: 1 },
    ],
    waiting: 3,
    oldest_waiting_since: '2026-12-04T09:20:00Z',
    oldest_waiting_seconds: 2400,
    breaches_last_hour: 2,
    mention_rate: { last_5_minutes: 0.6, last_15_minutes: 0.333, mentions_5_minutes: 3, mentions_15_minutes: 5 },
    agents: 4,
    agents_online: 3,
    agents_active: 1,
    open_cases: 6,
    open_by_priority: { low: 1, normal: 2, high: 2, urgent: 1 },
};

const DAYS = ['2026-11-28', '2026-11-29'];

/** Answers per metric: two days of figures, SLA per target, mentions on twitter and facebook. */
export const caseAnswer = (query: CaseQuery): AnalyticsReport => {
    const team = query.team_id ? 1 : 2; // a team's figures are half the whole's, to see the filter apply
    switch (query.metric) {
        case 'opened':
            return report('opened', 'day', [row(DAYS[0], 4 / team), row(DAYS[1], 6 / team)]);
        case 'closed':
            return report('closed', 'day', [row(DAYS[0], 2), row(DAYS[1], 0)]);
        case 'first_response':
            return report('first_response', 'day', [row(DAYS[0], 2, { median: 600, p90: 1800 }), row(DAYS[1], 0, { value: null })]);
        case 'resolution':
            return report('resolution', 'day', [row(DAYS[0], 2, { median: 7200, p90: 36000 }), row(DAYS[1], 0, { value: null })]);
        case 'sla':
            return report('sla', 'none', [
                row(null, 4, { target: 'first_response', value: 2 / 3, met: 2, breached: 1 }),
                row(null, 0, { target: 'next_response', value: null, met: 0, breached: 0 }),
                row(null, 4, { target: 'resolution', value: 0.75, met: 3, breached: 1 }),
            ]);
        case 'auto_replies':
            return report('auto_replies', 'day', [row(DAYS[0], 3 / team), row(DAYS[1], 1)]);
        case 'resolved_by_auto_reply':
            return report('resolved_by_auto_reply', 'day', [row(DAYS[0], 2, { value: 1, matching: 1 }), row(DAYS[1], 0)]);
        default:
            return report(query.metric, 'none', []);
    }
};

export const VOICE_TERMS: ShareOfVoiceTerms = {
    brand: { name: 'Acme', terms: ['acme', '@acmehelp'] },
    competitors: [{ name: 'Globex', terms: ['globex'] }],
    origin: 'environment',
    updated_at: null,
    updated_by: null,
};

/** Share of voice as the API counts it over the fake mentions: acme 3, globex 1, initech 1 (one mention each). */
const VOICE_COUNTS: Record<string, number> = { acme: 3, '@acmehelp': 0, globex: 1, initech: 1 };

export const voiceAnswer = (terms: ShareOfVoiceTerms): AnalyticsReport => {
    const names = terms.brand ? [terms.brand, ...terms.competitors] : [];
    const counts = names.map(name => name.terms.reduce((sum, term) => sum + (VOICE_COUNTS[term] ?? 0), 0));
    const total = counts.reduce((a, b) => a + b, 0);
    return report('share_of_voice', 'none', names.map((name, i) => row(null, counts[i], { name: name.name, value: total ? counts[i] / total : null })));
};

export const mentionAnswer = (query: MentionQuery): AnalyticsReport => {
    if (query.group_by === 'channel') return report('volume', 'channel', [row('facebook', 2), row('twitter', 3), row('email', 0)]);
    const counts: Record<string, number[]> = { twitter: [1, 2], facebook: [2, 0] };
    return report('volume', 'day', DAYS.map((day, i) => row(day, counts[query.channel ?? '']?.[i] ?? 0)));
};

export const fakeAnalyticsApi = (snapshot: LiveSnapshot = SNAPSHOT, initialTerms: ShareOfVoiceTerms = VOICE_TERMS) => {
    let push: (snapshot: LiveSnapshot) => void = () => undefined;
    let terms = initialTerms;
    const api = {
        cases: vi.fn(async (query: CaseQuery) => caseAnswer(query)),
        mentions: vi.fn(async (query: MentionQuery) => (query.metric === 'share_of_voice' ? voiceAnswer(terms) : mentionAnswer(query))),
        voiceTerms: vi.fn(async () => terms),
        saveVoiceTerms: vi.fn(async (input: ShareOfVoiceTermsInput) => {
            terms = { brand: input.brand, competitors: input.competitors ?? [], origin: 'saved', updated_at: '2026-12-04T10:00:00Z', updated_by: 'olivia' };
            return terms;
        }),
        snapshot: vi.fn(async () => snapshot),
        live: vi.fn((onSnapshot: (s: LiveSnapshot) => void, onStatus: (connected: boolean) => void) => {
            push = onSnapshot;
            onStatus(true);
            return () => undefined;
        }),
    } satisfies AnalyticsApi;
    return { api, emit: (next: LiveSnapshot) => push(next) };
};
