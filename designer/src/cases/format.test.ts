import { describe, expect, it } from 'vitest';
import {
    formatDuration,
    truncateWords,
    formatSentiment,
    humanize,
    noteAuthor,
    notesInOrder,
    priorityColor,
    sentimentTone,
    slaOutcomeList,
    slaTargets,
    slaState,
    statusColor,
    temporalWorkflowUrl,
} from './format';
import { CASE_STATUSES } from '../types';

describe('formatDuration', () => {
    it('says a missing measure is not there yet', () => {
        expect(formatDuration(null)).toBe('—');
        expect(formatDuration(undefined)).toBe('—');
    });

    it('uses the two largest units', () => {
        expect(formatDuration(0)).toBe('0 s');
        expect(formatDuration(42)).toBe('42 s');
        expect(formatDuration(61)).toBe('1 min 1 s');
        expect(formatDuration(3720)).toBe('1 h 2 min');
        expect(formatDuration(90061)).toBe('1 d 1 h');
    });

    it('drops a trailing empty unit', () => {
        expect(formatDuration(7200)).toBe('2 h');
        expect(formatDuration(2 * 86400 + 30)).toBe('2 d');
    });

    it('rounds fractional seconds', () => {
        expect(formatDuration(59.6)).toBe('1 min');
    });
});

describe('sentiment', () => {
    it('has a neutral dead zone', () => {
        expect(sentimentTone(0.1)).toBe('neutral');
        expect(sentimentTone(-0.5)).toBe('negative');
        expect(sentimentTone(0.8)).toBe('positive');
    });

    it('shows tone and signed score', () => {
        expect(formatSentiment(-0.734)).toBe('negative (-0.73)');
        expect(formatSentiment(0.5)).toBe('positive (+0.50)');
        expect(formatSentiment(null)).toBe('—');
    });
});

describe('colours and labels', () => {
    it('maps statuses and priorities to chip colours', () => {
        expect(statusColor('escalated')).toBe('error');
        expect(statusColor('closed')).toBe('default');
        expect(statusColor('unknown')).toBe('default');
        expect(priorityColor('urgent')).toBe('error');
        expect(priorityColor(undefined)).toBe('default');
    });

    it('gives a case with an expert its own colour', () => {
        expect(statusColor('with_expert')).toBe('warning');
        const colours = CASE_STATUSES.filter(status => status !== 'closed').map(statusColor);
        expect(new Set(colours).size).toBe(colours.length);
    });

    it('humanizes enum values', () => {
        expect(humanize('no_action')).toBe('No action');
        expect(humanize('sla_breached')).toBe('Sla breached');
    });
});

describe('slaState', () => {
    const due = '2030-01-01T00:00:00Z';
    it('is due while a clock runs', () => {
        expect(slaState({ sla_due_at: due, closed_at: null })).toBe('due');
    });
    it('is paused while every started clock waits on the customer, not "none"', () => {
        const sla = { first_response: { status: 'met' as const }, resolution: { status: 'paused' as const } };
        expect(slaState({ sla_due_at: null, closed_at: null, sla })).toBe('paused');
        expect(slaState({ sla_due_at: null, closed_at: null, sla: {} })).toBe('none');
    });
    it('is closed once closed, never a blanket "met"', () => {
        expect(slaState({ sla_due_at: due, closed_at: '2029-12-31T00:00:00Z' })).toBe('closed');
        expect(slaState({ sla_due_at: null, closed_at: '2029-12-31T00:00:00Z' })).toBe('closed');
    });
});

describe('slaTargets', () => {
    const first = { status: 'met' as const, met_at: '2025-01-02T10:30:00Z', due_at: null };
    const next = { status: 'running' as const, due_at: '2025-01-02T15:00:00Z' };
    const resolution = { status: 'running' as const, due_at: '2025-01-05T10:00:00Z' };

    it('lists the targets in the order a case meets them, a running one with its due time', () => {
        const targets = slaTargets({ closed_at: null, sla: { resolution, next_response: next, first_response: first } });
        expect(targets).toEqual([
            { target: 'first_response', label: 'First response', state: 'met', dueAt: null },
            { target: 'next_response', label: 'Next response', state: 'running', dueAt: next.due_at },
            { target: 'resolution', label: 'Resolution', state: 'running', dueAt: resolution.due_at },
        ]);
    });

    it('shows paused clocks without a due time and keeps a breach shown once met', () => {
        const targets = slaTargets({
            closed_at: null,
            sla: {
                first_response: { ...first, breached_at: '2025-01-02T10:15:00Z' },
                next_response: { status: 'not_started' },
                resolution: { status: 'paused', due_at: null },
            },
        });
        expect(targets.map(({ state, dueAt }) => [state, dueAt])).toEqual([
            ['breached', null],
            ['not_started', null],
            ['paused', null],
        ]);
    });

    it('reads a closed case from its outcomes: a first response never given is not met', () => {
        const targets = slaTargets({
            closed_at: '2025-01-02T10:20:00Z',
            sla: { first_response: { status: 'running', due_at: '2025-01-02T11:00:00Z' }, resolution: first },
            sla_outcomes: { first_response: 'closed_without_response', resolution: 'met' },
        });
        expect(targets.map(({ state, dueAt }) => [state, dueAt])).toEqual([
            ['closed_without_response', null],
            ['met', null],
        ]);
    });

    it('does not call an unanswered clock of a case closed before outcomes were kept met', () => {
        const targets = slaTargets({ closed_at: '2025-01-02T10:20:00Z', sla: { first_response: next }, sla_outcomes: {} });
        expect(targets[0].state).toBe('closed_without_response');
    });
});

describe('notes', () => {
    it('tells agents from experts by the author', () => {
        expect(noteAuthor('a1')).toEqual({ kind: 'agent', id: 'a1' });
        expect(noteAuthor('expert:priya')).toEqual({ kind: 'expert', id: 'priya' });
    });

    it('puts notes oldest first and keeps the order of simultaneous ones', () => {
        const note = (at: string, text: string) => ({ at, author: 'a1', text, kind: 'note' as const });
        const ordered = notesInOrder([
            note('2025-01-02T11:00:00+00:00', 'third'),
            note('2025-01-02T10:00:00+00:00', 'first'),
            note('2025-01-02T10:00:00Z', 'second'),
        ]);
        expect(ordered.map(n => n.text)).toEqual(['first', 'second', 'third']);
        expect(notesInOrder(undefined)).toEqual([]);
    });
});

describe('slaOutcomeList', () => {
    it('lists outcomes by target with readable names', () => {
        expect(slaOutcomeList({ resolution: 'breached', first_response: 'met' })).toEqual([
            { target: 'first_response', label: 'First response', outcome: 'met' },
            { target: 'resolution', label: 'Resolution', outcome: 'breached' },
        ]);
        expect(slaOutcomeList(null)).toEqual([]);
    });
});

describe('temporalWorkflowUrl', () => {
    const ui = { temporal_ui_url: 'http://127.0.0.1:8233', temporal_namespace: 'default' };

    it("opens a case's own workflow, or an older case's run of its conversation's workflow", () => {
        expect(temporalWorkflowUrl(ui, { id: 'c1', workflow_id: 'case-c1' })).toBe(
            'http://127.0.0.1:8233/namespaces/default/workflows/case-c1',
        );
        expect(temporalWorkflowUrl(ui, { id: 'c1', workflow_id: 'case-twitter:42' })).toBe(
            'http://127.0.0.1:8233/namespaces/default/workflows/case-twitter%3A42/c1/history',
        );
    });

    it('gives no link while the API does not say where the UI is', () => {
        expect(temporalWorkflowUrl(undefined, { id: 'c1', workflow_id: 'case-c1' })).toBeNull();
        const unknown = { temporal_ui_url: null, temporal_namespace: null };
        expect(temporalWorkflowUrl(unknown, { id: 'c1', workflow_id: 'case-c1' })).toBeNull();
    });
});

describe('truncateWords', () => {
    it('cuts between words with an ellipsis, never inside one', () => {
        expect(truncateWords('Hi there, can you help me', 14)).toBe('Hi there, can…');
        expect(truncateWords('short', 14)).toBe('short');
        expect(truncateWords("Hi @acme, I'm a reporter at the Daily Planet", 20)).toBe("Hi @acme, I'm a…");
        expect(truncateWords('Supercalifragilisticexpialidocious', 10)).toBe('Supercalif…');
    });
});
