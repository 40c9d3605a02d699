// One readable line per decision on a case's timeline, from the evidence the engine recorded with it
// (engine/opening.py, engine/routing/dispatch.py, engine/escalation.py, the case workflow's parts).
// Pure: the timeline shows the parts, tests read them as text.
import type { CaseEvent, FlowDocument } from '../../types';
import { formatDuration, formatSentiment, humanize } from '../format';
import { asArray, asRecord, asText, joined, ruleBecause, ruleSetParts } from './ruleParts';
import type { Detail, Part } from './ruleParts';
import { truthy } from './trace';

export type { Part } from './ruleParts';

export interface Explanation {
    parts: Part[];
    /** The flow version the decision was made under, when its evidence says. */
    flowVersion: string | null;
}

type Explainer = (detail: Detail, flow?: FlowDocument) => Part[];

const agent = (id: unknown): Part => ({ agent: String(id) });
const team = (id: unknown): Part => ({ team: String(id) });
const lower = (value: unknown): string => humanize(String(value)).toLowerCase();

/** Why an agent could not take the case (engine/routing/eligibility.py INELIGIBLE). */
const NOT_ELIGIBLE: Record<string, string> = {
    offline: 'offline',
    excluded: 'excluded',
    channel: 'not on this channel',
    language: 'not in its language',
    skills: 'missing a required skill',
    optional_skills: 'missing its optional skills',
    at_capacity: 'at capacity',
    channel_capacity: 'at capacity on this channel',
};

/** "needs a response because …; priority High because …, raised to Urgent by the routing rule". */
const triageParts = (detail: Detail, flow?: FlowDocument): Part[] => {
    const evidence = asRecord(detail.evidence);
    const traces = asRecord(evidence.trace);
    const override = asRecord(evidence.routing_override);
    const error = asRecord(evidence.error);
    const cut = asRecord(evidence.tagging_cut_short);
    return [
        truthy(evidence.needs_response ?? detail.needs_response) ? 'needs a response' : 'no response needed',
        ...ruleBecause(traces.needs_response, flow),
        `; priority ${humanize(String(evidence.priority ?? detail.priority))}`,
        ...ruleBecause(traces.priority, flow),
        override.to ? `, raised to ${humanize(String(override.to))} by the routing rule` : '',
        asText(error.message) ? ` (${String(error.message)})` : '',
        asText(cut.step) ? `; tagging stopped before its ${String(cut.step)} step (time budget spent)` : '',
    ];
};

/** "by least loaded: 2 eligible (Ada 1/5, Grace 3/5); not eligible: Sam (offline)". */
const assignmentParts = (detail: Detail): Part[] => {
    const reason = asRecord(detail.evidence);
    if (reason.takeover) return [' (taken over from ', agent(reason.from), ')'];
    if (reason.strategy === 'pull') return [' (pulled from the queue)'];
    const candidates = asRecord(reason.candidates);
    const eligible = asArray(reason.eligible).map(id => {
        const load = asRecord(candidates[String(id)]);
        return [agent(id), load.capacity !== undefined ? ` ${String(load.load)}/${String(load.capacity)}` : ''];
    });
    const skipped = Object.entries(asRecord(reason.skipped)).map(([code, ids]) => [
        ...joined(asArray(ids).map(id => [agent(id)]), ', '),
        ` (${NOT_ELIGIBLE[code] ?? lower(code)})`,
    ]);
    return [
        reason.strategy ? ` by ${lower(reason.strategy)}` : '',
        reason.cursor_before ? ', next after ' : '',
        reason.cursor_before ? agent(reason.cursor_before) : '',
        reason.strategy === 'skills' ? ` (${String(reason.optional_skills_met)} optional skills met)` : '',
        ...(eligible.length ? [`: ${eligible.length} eligible (`, ...joined(eligible, ', '), ')'] : []),
        // Older evidence has the chosen agent's load only.
        !reason.candidates && reason.capacity !== undefined
            ? `; had ${String(reason.load_before)} of ${String(reason.capacity)}`
            : '',
        ...(skipped.length ? ['; not eligible: ', ...joined(skipped, ', ')] : []),
        reason.optional_skills_relaxed ? '; optional skills no longer required after its wait' : '',
    ];
};

/** "by rule 2 `high`: …" and the policy's targets: "; first response within 1 h, resolution within 1 d". */
const slaParts = (detail: Detail, flow?: FlowDocument): Part[] => {
    const evidence = asRecord(detail.evidence);
    const byPriority = asText(evidence.by_priority);
    const targets = Object.entries(asRecord(detail.targets)).flatMap(([target, clock]) => {
        const seconds = asRecord(clock).target_seconds;
        return typeof seconds === 'number' ? [`${lower(target)} within ${formatDuration(seconds)}`] : [];
    });
    return [
        ...(byPriority ? [' by the case priority (the flow has no selection rules)'] : ruleSetParts(evidence, flow)),
        targets.length ? `; ${targets.join(', ')}` : '',
    ];
};

const routeParts = (detail: Detail, flow?: FlowDocument): Part[] => {
    const evidence = asRecord(detail.evidence);
    if (evidence.fixed_team) return [', the only team of its flow'];
    return ruleSetParts(evidence, flow);
};

const ACTIONS: Record<string, (to: string | null) => Part[]> = {
    raise_priority: () => ['raise the priority'],
    notify: to => [`notify ${to ?? 'someone'}`],
    reassign: () => ['reassign'],
    move_queue: to => ['move to the queue of team ', team(to)],
};

const escalationParts = (detail: Detail): Part[] => {
    const actions = asArray(detail.actions).map(asRecord);
    return [
        `Escalation level ${String(detail.level)} of the ${lower(detail.target)} target: `,
        ...joined(actions.map(action => ACTIONS[String(action.type)]?.(asText(action.to)) ?? [lower(action.type)]), ', '),
    ];
};

const EXPLAINERS: Record<string, Explainer> = {
    tagged: detail => {
        const tags = asArray(detail.keywords).map(tag => [{ code: String(tag) }]);
        const sentiment = `sentiment ${formatSentiment(detail.sentiment as number | undefined)}`;
        return tags.length ? ['Tagged ', ...joined(tags, ', '), `; ${sentiment}`] : [`No tags; ${sentiment}`];
    },
    triaged: (detail, flow) => ['Triage: ', ...triageParts(detail, flow)],
    kept_closed: (detail, flow) => ['Kept closed. Triage: ', ...triageParts(detail, flow)],
    reopened: (detail, flow) => [
        `Reopened (${String(detail.reopen_count)}) in team `,
        team(detail.team_id),
        '. Triage: ',
        ...triageParts(detail, flow),
    ],
    routed: (detail, flow) => ['Routed to team ', team(detail.team_id), ...routeParts(detail, flow)],
    auto_replied: detail => [
        'Auto-replied with canned reply ',
        { code: String(detail.canned_reply_id) },
        " (triage's auto_reply rule); not a response: the first-response clock waits for an agent's reply",
    ],
    auto_reply_failed: detail => [
        'Auto-reply ',
        { code: String(detail.canned_reply_id) },
        ` not sent after ${String(detail.attempts)} attempts: ${String(detail.error)}`,
    ],
    sla_started: (detail, flow) => ['SLA policy ', { code: String(detail.policy) }, ...slaParts(detail, flow)],
    sla_policy_changed: (detail, flow) => [
        'SLA policy changed from ',
        { code: String(detail.policy_from) },
        ' to ',
        { code: String(detail.policy_to) },
        ...slaParts(detail, flow),
    ],
    assigned: detail => ['Assigned to ', agent(detail.agent_id), ...assignmentParts(detail)],
    reassigned: detail => [
        'Reassigned from ',
        agent(detail.previous),
        ' to ',
        agent(detail.agent_id),
        ...assignmentParts(detail),
    ],
    queued: detail => ['Queued in team ', team(detail.team_id), `: ${String(detail.reason ?? 'waiting')}`],
    routing_failed: detail => [
        'Could not queue in team ',
        team(detail.team_id),
        `: ${String(detail.message ?? '')} (${String(detail.error)})`,
    ],
    returned_to_queue: detail => {
        const reason = asRecord(detail.reason);
        const why = asText(reason.queued) ?? asText(reason.why);
        return [
            'Back to the queue of team ',
            team(detail.team_id),
            ' from ',
            agent(detail.previous),
            why ? ` (${lower(why)})` : '',
        ];
    },
    released: detail => [
        'Released to the queue of team ',
        team(detail.team_id),
        ...(asText(detail.previous) ? [' (held by ', agent(detail.previous), ')'] : []),
    ],
    transferred: detail => [
        'Transferred from team ',
        team(detail.from_team),
        ' to team ',
        team(detail.to_team),
        asText(detail.note) ? `: ${String(detail.note)}` : '',
    ],
    escalated: escalationParts,
    priority_raised: detail => [
        `Priority raised from ${humanize(String(detail.priority_from))} to ${humanize(String(detail.priority_to))}`,
    ],
    notified: detail => [`Notified ${String(detail.to ?? 'someone')}`, asText(detail.about) ? ` (${lower(detail.about)})` : ''],
    escalation_skipped: detail => [`Escalation step ${lower(detail.action)} skipped: ${String(detail.reason ?? '')}`],
    sla_warning: detail => [`${humanize(String(detail.target))} target due soon`],
    sla_breached: detail => [`${humanize(String(detail.target))} target breached`],
    reply_pending_approval: (detail, flow) => [
        'Reply held for approval',
        ...ruleBecause(asRecord(detail.evidence).trace, flow),
    ],
    reply_approved: detail => [detail.edited ? 'Reply approved with edits' : 'Reply approved'],
    reply_rejected: detail => [`Reply rejected: ${String(detail.reason ?? '')}`],
    closed: detail => [`Closed: ${lower(detail.reason ?? 'resolved')}`],
};

/** The flow version an event's evidence was decided under. */
export const flowVersionOf = (detail: Detail | undefined): string | null =>
    asText(asRecord(asRecord(detail).evidence).flow_version);

/**
 * The explanation of a decision on the timeline; null for events that decide nothing (a mention added, a note).
 * `flow` is the version's document: with it, conditions read as written (`followers > 10000`), else as the
 * trace saw them (`25000 > 10000`).
 */
export const explainEvent = (event: Pick<CaseEvent, 'kind' | 'detail'>, flow?: FlowDocument): Explanation | null => {
    const explain = EXPLAINERS[event.kind];
    if (!explain) return null;
    const detail = asRecord(event.detail);
    return { parts: explain(detail, flow).filter(part => part !== ''), flowVersion: flowVersionOf(detail) };
};

/** The parts as plain text, agents and teams by `name` (their ids by default): for tests and titles. */
export const partsText = (parts: readonly Part[], name: (kind: 'agent' | 'team', id: string) => string = (_, id) => id) =>
    parts
        .map(part => {
            if (typeof part === 'string') return part;
            if ('code' in part) return `\`${part.code}\``;
            return 'agent' in part ? name('agent', part.agent) : name('team', part.team);
        })
        .join('');
