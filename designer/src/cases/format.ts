// Pure display helpers for cases: no React, so they are tested directly.
import type { CasePriority, CaseStatus, SlaOutcome, SlaTargetClock } from '../types';

export type ChipColor = 'default' | 'primary' | 'secondary' | 'info' | 'success' | 'warning' | 'error';

export const STATUS_COLORS: Record<CaseStatus, ChipColor> = {
    open: 'info',
    assigned: 'primary',
    escalated: 'error',
    pending: 'secondary',
    with_expert: 'warning',
    closed: 'default',
};

export const PRIORITY_COLORS: Record<CasePriority, ChipColor> = {
    low: 'default',
    normal: 'info',
    high: 'warning',
    urgent: 'error',
};

export const statusColor = (status: string | undefined): ChipColor =>
    (status && STATUS_COLORS[status as CaseStatus]) || 'default';

export const priorityColor = (priority: string | undefined): ChipColor =>
    (priority && PRIORITY_COLORS[priority as CasePriority]) || 'default';

/** "no_action" -> "No action" */
export const humanize = (value: string): string => {
    const words = value.replace(/[_-]+/g, ' ').trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
};

const UNITS: [label: string, seconds: number][] = [
    ['d', 86400],
    ['h', 3600],
    ['min', 60],
    ['s', 1],
];

/**
 * Human duration with the two largest units: 42 -> "42 s", 3720 -> "1 h 2 min".
 * Null means "not measured yet" (e.g. no first response so far).
 */
export const formatDuration = (seconds: number | null | undefined): string => {
    if (seconds === null || seconds === undefined || Number.isNaN(seconds)) {
        return '—';
    }
    let rest = Math.max(0, Math.round(seconds));
    if (rest === 0) {
        return '0 s';
    }
    const parts: string[] = [];
    for (const [label, size] of UNITS) {
        if (parts.length === 2) break;
        const count = Math.floor(rest / size);
        if (count > 0) {
            parts.push(`${count} ${label}`);
            rest -= count * size;
        } else if (parts.length === 1) {
            // Stop at the first empty unit after the largest: "2 d", not "2 d 0 h".
            break;
        }
    }
    return parts.join(' ');
};

export type SentimentTone = 'negative' | 'neutral' | 'positive';

/** Sentiment is a score in -1..1; the dead zone around 0 reads as neutral. */
export const sentimentTone = (score: number | null | undefined): SentimentTone => {
    if (score === null || score === undefined || (score > -0.2 && score < 0.2)) return 'neutral';
    return score < 0 ? 'negative' : 'positive';
};

export const formatSentiment = (score: number | null | undefined): string => {
    if (score === null || score === undefined) return '—';
    const sign = score > 0 ? '+' : '';
    return `${sentimentTone(score)} (${sign}${score.toFixed(2)})`;
};

/**
 * What "SLA due" says: a due time while a clock runs, paused while every started clock waits on the customer,
 * closed once the case is (its outcomes tell how each target ended, never a blanket "met"), none without a policy.
 */
export type SlaState = 'none' | 'due' | 'paused' | 'closed';

export const slaState = (record: {
    sla_due_at: string | null;
    closed_at: string | null;
    sla?: Record<string, SlaTargetClock> | null;
}): SlaState => {
    if (record.closed_at) return 'closed';
    if (record.sla_due_at) return 'due';
    return Object.values(record.sla ?? {}).some((clock) => clock.status === 'paused') ? 'paused' : 'none';
};

/** One target's state on the case page: its clock while open, its outcome once closed. */
export type SlaTargetState = 'running' | 'paused' | 'met' | 'breached' | 'not_started' | 'closed_without_response';

export const SLA_TARGET_ORDER = ['first_response', 'next_response', 'resolution'];

const targetOrder = (target: string) => {
    const index = SLA_TARGET_ORDER.indexOf(target);
    return index === -1 ? SLA_TARGET_ORDER.length : index;
};

/**
 * A target's state: a closed case's from its outcome (its clocks stopped where they were; a case closed before
 * outcomes were recorded reads from them), an open one's from its clock, where a breach stays shown once met.
 */
const targetState = (clock: SlaTargetClock, outcome: SlaOutcome | undefined, closed: boolean): SlaTargetState => {
    if (closed && outcome) return outcome;
    if (clock.breached_at) return 'breached';
    if (clock.met_at || clock.status === 'met') return 'met';
    if (!clock.status || clock.status === 'not_started') return 'not_started';
    return closed ? 'closed_without_response' : clock.status;
};

/** Each target the policy sets, in the order a case meets them, with its due time while its clock runs. */
export const slaTargets = (record: {
    closed_at: string | null;
    sla?: Record<string, SlaTargetClock> | null;
    sla_outcomes?: Record<string, SlaOutcome> | null;
}): { target: string; label: string; state: SlaTargetState; dueAt: string | null }[] =>
    Object.entries(record.sla ?? {})
        .sort(([a], [b]) => targetOrder(a) - targetOrder(b) || a.localeCompare(b))
        .map(([target, clock]) => {
            const closed = Boolean(record.closed_at);
            const state = targetState(clock, record.sla_outcomes?.[target], closed);
            const running = !closed && clock.status === 'running';
            return { target, label: humanize(target), state, dueAt: running ? (clock.due_at ?? null) : null };
        });

export const SLA_STATE_COLORS: Record<SlaTargetState, ChipColor> = {
    running: 'info',
    paused: 'secondary',
    met: 'success',
    breached: 'error',
    not_started: 'default',
    closed_without_response: 'default',
};

export interface NoteAuthor {
    kind: 'agent' | 'expert';
    id: string;
}

/** A note's author is an agent id, or `expert:{id}` for an expert's answer. */
export const noteAuthor = (author: string): NoteAuthor =>
    author.startsWith('expert:') ? { kind: 'expert', id: author.slice('expert:'.length) } : { kind: 'agent', id: author };

/** Oldest first; notes written at the same instant keep the order the API gave them. */
export const notesInOrder = <T extends { at: string }>(notes: readonly T[] | null | undefined): T[] =>
    [...(notes ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || 0);

/** A closed case's SLA outcomes, by target name: [{target: 'first_response', label: 'First response', outcome: 'met'}]. */
export const slaOutcomeList = (
    outcomes: Record<string, SlaOutcome> | null | undefined,
): { target: string; label: string; outcome: SlaOutcome }[] =>
    Object.entries(outcomes ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([target, outcome]) => ({ target, label: humanize(target), outcome }));

/** Where the API says the Temporal UI is (`GET /api/auth/me`: only for those who may read histories). */
export interface TemporalUi {
    temporal_ui_url?: string | null;
    temporal_namespace?: string | null;
}

/**
 * The case's workflow in the Temporal UI, or null when the UI's address is unknown. A case opened at ingest has a
 * workflow of its own (`case-<case id>`); an older case is one run of its conversation's workflow, its run id the
 * case id.
 */
export const temporalWorkflowUrl = (
    ui: TemporalUi | undefined,
    record: { id: string; workflow_id: string },
): string | null => {
    if (!ui?.temporal_ui_url || !ui.temporal_namespace) return null;
    const namespace = `${ui.temporal_ui_url}/namespaces/${encodeURIComponent(ui.temporal_namespace)}`;
    const workflow = `${namespace}/workflows/${encodeURIComponent(record.workflow_id)}`;
    return record.workflow_id === `case-${record.id}` ? workflow : `${workflow}/${encodeURIComponent(record.id)}/history`;
};

/**
 * At most `max` characters, cut between words (never inside one) with an ellipsis; a single word longer than
 * `max` is cut where it must. "Hi there, can you help" (14) -> "Hi there, can…"
 */
export const truncateWords = (text: string, max: number): string => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean.length <= max) return clean;
    const cut = clean.slice(0, max);
    const space = cut.lastIndexOf(' ');
    const head = (space > max / 3 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '');
    return `${head}…`;
};

/** How long ago, shortly, for a list: "now", "5 min", "3 h", "2 d" (a future time reads as "now"). */
export const shortAgo = (at: string, now = Date.now()): string => {
    const minutes = Math.floor((now - Date.parse(at)) / 60_000);
    if (Number.isNaN(minutes)) return '';
    if (minutes < 1) return 'now';
    if (minutes < 60) return `${minutes} min`;
    const hours = Math.floor(minutes / 60);
    return hours < 24 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
};
