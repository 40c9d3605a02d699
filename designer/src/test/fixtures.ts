// Records shaped like the API's, shared by the component tests.
import type { Agent, Case, CaseEvent } from '../types';

export const agents: Agent[] = [
    { id: 'a1', name: 'Ada Lovelace', email: 'ada@example.com', team_id: 't1', online: true, open_cases: 3 },
    { id: 'a2', name: 'Bob Stone', email: 'bob@example.com', team_id: 't1', online: false, open_cases: 0 },
];

export const makeCase = (overrides: Partial<Case> = {}): Case => ({
    id: 'c1',
    workflow_id: 'wf-c1',
    conversation_id: 'conv-1',
    source: 'twitter',
    status: 'assigned',
    priority: 'high',
    needs_response: true,
    sentiment: -0.6,
    tags: ['billing', 'refund'],
    team_id: 't1',
    assignee_id: 'a1',
    author: '@jane',
    subject: 'My card was charged twice',
    opened_at: '2025-01-02T10:00:00+00:00',
    assigned_at: '2025-01-02T10:01:00+00:00',
    first_response_at: null,
    closed_at: null,
    close_reason: null,
    sla_due_at: '2025-01-02T11:00:00+00:00',
    sla_breached: false,
    flow_version: 'abc123def4567890',
    first_response_seconds: null,
    resolution_seconds: null,
    mention_count: 2,
    updated_at: '2025-01-02T10:01:00+00:00',
    claimed_by: null,
    claimed_at: null,
    transfers: 0,
    escalation_level: 0,
    drafts_pending: 0,
    sla: {},
    ...overrides,
});

export const caseEvents: CaseEvent[] = [
    {
        id: 'ev1',
        case_id: 'c1',
        at: '2025-01-02T10:00:05+00:00',
        kind: 'triaged',
        actor: 'system',
        detail: { rule: 'urgent-billing', result: 'high', trace: [{ var: 'sentiment', value: -0.6 }] },
    },
    { id: 'ev2', case_id: 'c1', at: '2025-01-02T10:01:00+00:00', kind: 'assigned', actor: 'a1', detail: {} },
];
