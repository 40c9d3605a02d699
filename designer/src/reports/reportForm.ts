// The saved report form's choices, checks and the API bodies made from it (POST /api/reports, PATCH .../{id}).
import type { AnalyticsRow, SavedReportChangePayload, SavedReportCreatePayload } from '../types';

export type ReportKind = SavedReportCreatePayload['kind'];
type Choice = { id: string; name: string };

export const KINDS: Choice[] = [
    { id: 'cases', name: 'Cases' },
    { id: 'mentions', name: 'Mentions' },
];

/** What each metric measures; `unit` says how its value reads. */
export const METRICS: Record<string, { name: string; unit: 'count' | 'seconds' | 'ratio' | 'score' }> = {
    opened: { name: 'Cases opened', unit: 'count' },
    closed: { name: 'Cases closed', unit: 'count' },
    first_response: { name: 'First response time', unit: 'seconds' },
    next_response: { name: 'Next response time', unit: 'seconds' },
    resolution: { name: 'Resolution time', unit: 'seconds' },
    handle: { name: 'Handle time', unit: 'seconds' },
    sla: { name: 'SLA attainment', unit: 'ratio' },
    transfer_rate: { name: 'Transfer rate', unit: 'ratio' },
    reopen_rate: { name: 'Reopen rate', unit: 'ratio' },
    approval_rate: { name: 'Approval rate', unit: 'ratio' },
    backlog: { name: 'Open cases (backlog)', unit: 'count' },
    workload: { name: 'Open cases held by agents', unit: 'count' },
    auto_replies: { name: 'Auto-replies sent', unit: 'count' },
    auto_reply_rate: { name: 'Auto-reply rate', unit: 'ratio' },
    resolved_by_auto_reply: { name: 'Resolved by auto-reply (no human reply)', unit: 'count' },
    volume: { name: 'Mention volume', unit: 'count' },
    sentiment: { name: 'Mean sentiment', unit: 'score' },
    share_of_voice: { name: 'Share of voice', unit: 'ratio' },
};

/** Durations the API also measures in the open hours of each case's SLA calendar (`hours: business`). */
export const IN_BUSINESS_HOURS = ['first_response', 'next_response', 'resolution'];
/** Counted at one instant (the period's end): no day or hour groups. */
const AT_AN_INSTANT = ['backlog', 'workload'];
export const HOURS: Choice[] = [
    { id: 'calendar', name: 'Calendar hours' },
    { id: 'business', name: 'Business hours (SLA calendar)' },
];

const METRICS_OF: Record<ReportKind, string[]> = {
    cases: [
        'opened',
        'closed',
        'first_response',
        'next_response',
        'resolution',
        'handle',
        'sla',
        'transfer_rate',
        'reopen_rate',
        'approval_rate',
        'backlog',
        'workload',
        'auto_replies',
        'auto_reply_rate',
        'resolved_by_auto_reply',
    ],
    mentions: ['volume', 'sentiment', 'share_of_voice'],
};

const GROUP_NAMES: Record<string, string> = {
    none: 'Nothing (one row)',
    channel: 'Channel',
    team: 'Team',
    assignee: 'Agent',
    priority: 'Priority',
    tag: 'Tag',
    policy: 'SLA policy',
    direction: 'Direction',
    language: 'Language',
    sentiment: 'Sentiment',
    day: 'Day',
    hour: 'Hour',
};

const GROUPS_OF: Record<ReportKind, string[]> = {
    cases: ['none', 'channel', 'team', 'assignee', 'priority', 'tag', 'policy', 'day', 'hour'],
    mentions: ['none', 'channel', 'direction', 'tag', 'language', 'sentiment', 'team', 'day', 'hour'],
};

export const PERIODS: Choice[] = [
    { id: 'today', name: 'Today' },
    { id: 'yesterday', name: 'Yesterday' },
    { id: 'last_7_days', name: 'Last 7 days' },
    { id: 'last_30_days', name: 'Last 30 days' },
    { id: 'last_90_days', name: 'Last 90 days' },
    { id: 'this_week', name: 'This week' },
    { id: 'last_week', name: 'Last week' },
    { id: 'this_month', name: 'This month' },
    { id: 'last_month', name: 'Last month' },
    { id: 'custom', name: 'Custom dates' },
];

export const PRIORITIES: Choice[] = ['low', 'normal', 'high', 'urgent'].map(id => ({ id, name: id }));
export const DIRECTIONS: Choice[] = [
    { id: 'inbound', name: 'Inbound (customers)' },
    { id: 'outbound', name: 'Outbound (our replies)' },
];

/** Share of voice is counted per brand and competitor: grouped by time only (the API refuses other groups). */
const TIME_GROUPS = ['none', 'day', 'hour'];
const groupsOf = (kind: ReportKind, metric?: string) =>
    metric === 'share_of_voice' ? GROUPS_OF[kind].filter(group => TIME_GROUPS.includes(group)) : GROUPS_OF[kind];

export const metricChoices = (kind: ReportKind | undefined): Choice[] =>
    METRICS_OF[kind ?? 'cases'].map(id => ({ id, name: METRICS[id].name }));
export const groupChoices = (kind: ReportKind | undefined, metric?: string): Choice[] =>
    groupsOf(kind ?? 'cases', metric).map(id => ({ id, name: GROUP_NAMES[id] }));
export const metricName = (metric: string) => METRICS[metric]?.name ?? metric;
export const groupName = (group: string) => GROUP_NAMES[group] ?? group;
export const periodName = (period: string) => PERIODS.find(choice => choice.id === period)?.name ?? period;

/** "First response time by team": what a report measures. */
export const describeReport = (report: { metric: string; group_by: string }) =>
    report.group_by === 'none' ? metricName(report.metric) : `${metricName(report.metric)} by ${groupName(report.group_by).toLowerCase()}`;

export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export interface ReportFormValues {
    name?: string;
    kind?: ReportKind;
    metric?: string;
    group_by?: string;
    hours?: string;
    period?: string;
    since?: string | null;
    until?: string | null;
    tz?: string;
    shared?: boolean;
    schedule_cadence?: string | null;
    schedule_time?: string | null;
    schedule_weekday?: number | null;
    webhook_url?: string | null;
    /** Write-only: sent when typed, never shown (the API answers `has_webhook_secret`). */
    webhook_secret?: string | null;
    has_webhook_secret?: boolean;
    /** The recipients as typed (commas, spaces or lines between them), or as the API answers them. */
    email_to?: string[] | string | null;
    filters?: { team_id?: string | null; channel?: string | null; priority?: string | null; tag?: string | null; direction?: string | null };
}

export const NAME_MAX = 120;

export const CADENCES: Choice[] = [
    { id: 'daily', name: 'Every day' },
    { id: 'weekly', name: 'Every week' },
];
export const WEEKDAYS: { id: number; name: string }[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map(
    (name, id) => ({ id, name }),
);

export const MAX_RECIPIENTS = 20;
// One address as the API takes it: local@domain.tld, no name, comma or space.
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** The recipients typed (separated by commas, semicolons, spaces or lines), each once. */
export const recipientList = (value: ReportFormValues['email_to']): string[] => {
    const items = Array.isArray(value) ? value : (value ?? '').split(/[\s,;]+/);
    const seen = new Map<string, string>();
    for (const item of items.map(text => text.trim()).filter(Boolean)) if (!seen.has(item.toLowerCase())) seen.set(item.toLowerCase(), item);
    return [...seen.values()];
};

/** The recipients as the form's text field shows them. */
export const recipientText = (value: ReportFormValues['email_to']): string => (Array.isArray(value) ? value.join(', ') : value ?? '');

const recipientProblem = (value: ReportFormValues['email_to']): string | undefined => {
    const list = recipientList(value);
    const bad = list.find(address => address.length > 254 || !EMAIL.test(address));
    if (bad) return `Not an email address: ${bad} (write local@domain, e.g. ops@example.com)`;
    if (list.length > MAX_RECIPIENTS) return `At most ${MAX_RECIPIENTS} recipients`;
    return undefined;
};

/** What the API would refuse, said before the form is sent. */
export const validateReport = (values: ReportFormValues): Record<string, string> => {
    const errors: Record<string, string> = {};
    const name = values.name?.trim() ?? '';
    if (!name) errors.name = 'Give the report a name';
    else if (name.length > NAME_MAX) errors.name = `At most ${NAME_MAX} characters`;
    const kind = values.kind ?? 'cases';
    if (!values.metric || !METRICS_OF[kind].includes(values.metric)) errors.metric = `Pick a ${kind} metric`;
    if (values.group_by && !GROUPS_OF[kind].includes(values.group_by)) errors.group_by = `Pick a grouping of ${kind}`;
    else if (values.metric && AT_AN_INSTANT.includes(values.metric) && (values.group_by === 'day' || values.group_by === 'hour'))
        errors.group_by = 'Counted at the period\'s end: group by something other than time';
    else if (values.group_by && !groupsOf(kind, values.metric).includes(values.group_by))
        errors.group_by = 'Share of voice is counted per brand and competitor: group by nothing, day or hour';
    if (values.hours === 'business' && !(kind === 'cases' && values.metric && IN_BUSINESS_HOURS.includes(values.metric)))
        errors.hours = 'Only first response, next response and resolution have business hours';
    if (values.period === 'custom') {
        if (!values.since) errors.since = 'A custom period needs a start';
        if (!values.until) errors.until = 'A custom period needs an end';
        else if (values.since && new Date(values.until) <= new Date(values.since)) errors.until = 'The end must be after the start';
    }
    if (values.schedule_cadence) {
        if (!values.schedule_time || !/^([01]\d|2[0-3]):[0-5]\d$/.test(values.schedule_time)) errors.schedule_time = 'A time as HH:MM, e.g. 08:30';
        if (values.schedule_cadence === 'weekly' && (values.schedule_weekday === null || values.schedule_weekday === undefined))
            errors.schedule_weekday = 'Pick the day';
        const emailed = recipientList(values.email_to).length > 0;
        if (!values.webhook_url?.trim() && emailed) {
            // Emailed only: no webhook needed.
        } else if (!values.webhook_url || !/^https?:\/\/\S+$/.test(values.webhook_url)) {
            errors.webhook_url = emailed || values.webhook_url ? 'The http(s) address deliveries are POSTed to' : 'A webhook URL, or email recipients below';
        }
        const secret = values.webhook_secret ?? '';
        if (values.webhook_url?.trim() && !values.has_webhook_secret && secret.length < 16)
            errors.webhook_secret = 'At least 16 characters the receiver checks signatures with';
    }
    const recipients = recipientProblem(values.email_to);
    if (recipients) errors.email_to = recipients;
    if (values.webhook_secret && values.webhook_secret.length < 16) errors.webhook_secret = 'At least 16 characters';
    return errors;
};

const FILTERS_OF: Record<ReportKind, (keyof NonNullable<ReportFormValues['filters']>)[]> = {
    cases: ['team_id', 'channel', 'priority', 'tag'],
    mentions: ['channel', 'direction'],
};

const instant = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);

/** `POST /api/reports`: only the filters the kind takes, non-empty; dates only for a custom period. */
export const createReportPayload = (values: ReportFormValues): SavedReportCreatePayload => {
    const kind = values.kind ?? 'cases';
    const filters: Record<string, string> = {};
    for (const key of FILTERS_OF[kind]) {
        const value = values.filters?.[key];
        if (typeof value === 'string' && value.trim()) filters[key] = value.trim();
    }
    const custom = values.period === 'custom';
    return {
        name: values.name?.trim() ?? '',
        kind,
        metric: (values.metric ?? 'opened') as SavedReportCreatePayload['metric'],
        group_by: (values.group_by ?? 'none') as SavedReportCreatePayload['group_by'],
        hours: kind === 'cases' && values.hours === 'business' ? 'business' : 'calendar',
        filters: filters as SavedReportCreatePayload['filters'],
        period: (values.period ?? 'last_7_days') as SavedReportCreatePayload['period'],
        since: custom ? instant(values.since) : null,
        until: custom ? instant(values.until) : null,
        tz: values.tz?.trim() || 'UTC',
        shared: Boolean(values.shared),
        ...schedulePayload(values),
    };
};

/** The schedule's fields: none when not scheduled; the secret only when one was typed. */
const schedulePayload = (values: ReportFormValues) => {
    const cadence: SavedReportCreatePayload['schedule_cadence'] =
        values.schedule_cadence === 'daily' || values.schedule_cadence === 'weekly' ? values.schedule_cadence : null;
    return {
        schedule_cadence: cadence,
        schedule_time: cadence ? values.schedule_time ?? null : null,
        schedule_weekday: cadence === 'weekly' ? values.schedule_weekday ?? null : null,
        webhook_url: values.webhook_url?.trim() || null,
        ...(values.webhook_secret ? { webhook_secret: values.webhook_secret } : {}),
        email_to: recipientList(values.email_to).length ? recipientList(values.email_to) : null,
    };
};

/** `PATCH /api/reports/{id}`: every field, as the form holds it. */
export const changeReportPayload = (values: ReportFormValues): SavedReportChangePayload => createReportPayload(values);

const DURATION_UNITS: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
];

/** Seconds as a person reads them: `42 s`, `12.5 min`, `3.2 h`, `1.5 d`. */
export const formatSeconds = (seconds: number): string => {
    for (const [size, unit] of DURATION_UNITS) {
        if (Math.abs(seconds) >= size) return `${+(seconds / size).toFixed(1)} ${unit}`;
    }
    return `${+seconds.toFixed(1)} s`;
};

/** A result cell: counts as integers, durations in readable units, ratios as percentages; `-` for none. */
export const formatValue = (metric: string, value: number | null | undefined): string => {
    if (value === null || value === undefined) return '-';
    const unit = METRICS[metric]?.unit ?? 'count';
    if (unit === 'seconds') return formatSeconds(value);
    if (unit === 'ratio') return `${+(value * 100).toFixed(1)} %`;
    return value.toLocaleString('en');
};

/** The group's label in the result table; a null group is the whole period, or none (no team, no tag). */
export const groupLabel = (groupBy: string, row: AnalyticsRow): string =>
    row.group ?? (groupBy === 'none' ? 'All' : `No ${groupName(groupBy).toLowerCase()}`);
