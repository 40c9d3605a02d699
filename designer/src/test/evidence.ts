// The evidence the engine writes on a case's timeline (tests/fixtures/evidence/case_events.json, made by
// tests/engine/test_case_evidence.py from the demo flow), and what the designer needs to show it by name.
import flowDocument from '../../../api/demo/flow.json';
import scenarios from '../../../tests/fixtures/evidence/case_events.json';
import type { Agent, CaseEvent, Flow, FlowDocument, Team } from '../types';

export type Scenario = keyof typeof scenarios;

/** A scenario's timeline, oldest first, as `/api/case_events` lists it. */
export const engineEvents = (scenario: Scenario): CaseEvent[] => scenarios[scenario] as unknown as CaseEvent[];

/** Every scenario's events. */
export const allEngineEvents = (): CaseEvent[] => Object.values(scenarios).flat() as unknown as CaseEvent[];

export const engineEvent = (scenario: Scenario, kind: string): CaseEvent => {
    const found = engineEvents(scenario).find(event => event.kind === kind);
    if (!found) throw new Error(`no ${kind} event in the ${scenario} scenario`);
    return found;
};

export const DEMO_FLOW_VERSION = (engineEvent('angry_billing', 'triaged').detail.evidence as { flow_version: string })
    .flow_version;

export const demoFlow: Flow = {
    id: DEMO_FLOW_VERSION,
    version: DEMO_FLOW_VERSION,
    name: 'Default care flow',
    active: true,
    published_at: '2026-11-01T09:00:00+00:00',
    published_by: 'olivia',
    activated_by: 'olivia',
    document: flowDocument as unknown as FlowDocument,
};

/** A demo-shaped agent: online, one open case of five. */
export const agent = (id: string, name: string, team_id = 'support'): Agent => ({
    id,
    name,
    email: `${id}@example.com`,
    team_id,
    online: true,
    open_cases: 1,
    capacity: 5,
    channel_capacity: {},
    skills: {},
    languages: ['en'],
    channels: [],
    roles: [],
    seniority: 'senior',
});

/** The agents and teams the scenarios name. */
export const demoAgents: Agent[] = [
    agent('ada', 'Ada Lovelace'),
    agent('grace', 'Grace Hopper'),
    agent('linus', 'Linus Pauling'),
    agent('sam', 'Sam Okafor'),
    agent('maya', 'Maya Angelou', 'marketing'),
    agent('omar', 'Omar Haddad', 'marketing'),
];

export const demoTeams: Team[] = [
    { id: 'support', name: 'Support/Sales', description: 'Tier 1 care', department: 'Support/Sales', strategy: 'round_robin', relax_optional_after_seconds: null, allow_pull: false, claim_idle_seconds: 900, members: [], waiting: 0, oldest_waiting_since: null },
    { id: 'marketing', name: 'Marketing/PR', description: 'Praise, press and crises', department: 'Marketing/PR', strategy: 'round_robin', relax_optional_after_seconds: null, allow_pull: false, claim_idle_seconds: 900, members: [], waiting: 0, oldest_waiting_since: null },
];
