import { describe, expect, it } from 'vitest';
import { allEngineEvents, DEMO_FLOW_VERSION, demoFlow, engineEvent } from '../../test/evidence';
import type { Scenario } from '../../test/evidence';
import { explainEvent, partsText } from './explanations';
import { evidenceRules } from './ruleParts';

// The evidence is the engine's own (tests/fixtures/evidence/case_events.json), decided under the demo flow.
const explained = (scenario: Scenario, kind: string, withFlow = true) => {
    const explanation = explainEvent(engineEvent(scenario, kind), withFlow ? demoFlow.document : undefined);
    if (!explanation) throw new Error(`${kind} is not explained`);
    return { text: partsText(explanation.parts), flowVersion: explanation.flowVersion };
};

describe('explainEvent', () => {
    it('says why triage decided, with the condition that matched as written and the values it read', () => {
        const { text, flowVersion } = explained('angry_billing', 'triaged');
        expect(text).toBe(
            'Triage: needs a response because `sentiment < -0.05` matched (sentiment = -0.6792); ' +
                'priority High because `("outage" in tags) or (sentiment < -0.6)` matched ' +
                '(tags = ["angry","billing","influencer"], sentiment = -0.6792)',
        );
        expect(flowVersion).toBe(DEMO_FLOW_VERSION);
    });

    it("says when no priority condition matched and the routing rule raised triage's priority", () => {
        expect(explained('press', 'triaged').text).toBe(
            'Triage: needs a response because `"question" in tags` matched (tags = ["press","question"]); ' +
                'priority Low because no condition matched, raised to High by the routing rule',
        );
    });

    it('reads conditions as the trace saw them while the flow is not at hand', () => {
        expect(explained('angry_billing', 'triaged', false).text).toContain(
            'needs a response because `-0.6792 < -0.05` matched; priority High because ' +
                '`("outage" in ["angry","billing","influencer"]) or (-0.6792 < -0.6)` matched',
        );
    });

    it('names the routing rule that matched, or says the default applied', () => {
        expect(explained('angry_billing', 'routed').text).toBe(
            'Routed to team support by rule 3 `angry-billing-first`: `("billing" in tags) and ("angry" in tags)` ' +
                'matched (tags = ["angry","billing","influencer"])',
        );
        expect(explained('queued', 'routed').text).toBe(
            "Routed to team support: no rule matched (4 checked), so the flow's default",
        );
    });

    it('names the SLA policy, the rule that chose it and its targets', () => {
        expect(explained('angry_billing', 'sla_started').text).toBe(
            'SLA policy `high` by rule 2 `high`: `priority == "high"` matched (priority = "high"); ' +
                'first response within 1 h, next response within 2 h, resolution within 1 d',
        );
        expect(explained('queued', 'sla_started').text).toBe(
            'SLA policy `low` by rule 3 `low`: `priority == "low"` matched (priority = "low"); first response within 8 h',
        );
    });

    it('says why that agent: the strategy, who was eligible with their loads, and who was not and why', () => {
        expect(explained('angry_billing', 'assigned').text).toBe(
            'Assigned to ada by least loaded: 2 eligible (ada 1/5, grace 3/5); ' +
                'not eligible: sam (offline), linus (missing its optional skills)',
        );
        expect(explained('press', 'assigned').text).toBe(
            'Assigned to omar by round robin, next after maya: 2 eligible (maya 2/8, omar 1/8)',
        );
    });

    it("gives the chosen agent's load from evidence recorded before every candidate's was", () => {
        const event = engineEvent('angry_billing', 'assigned');
        const { candidates: _, ...older } = event.detail.evidence as Record<string, unknown>;
        const explanation = explainEvent({ ...event, detail: { ...event.detail, evidence: older } });
        expect(partsText(explanation?.parts ?? [])).toContain('2 eligible (ada, grace); had 1 of 5;');
    });

    it('explains a wait, a failed routing, an escalation and a reply held for approval', () => {
        expect(explained('queued', 'queued').text).toBe('Queued in team support: no eligible agent with free capacity');
        expect(explained('routing_failed', 'routing_failed').text).toBe(
            "Could not queue in team support: team 'support' does not exist (unknown_team)",
        );
        expect(explained('angry_billing', 'escalated').text).toBe(
            'Escalation level 1 of the first response target: raise the priority, notify supervisor',
        );
        expect(explained('angry_billing', 'priority_raised').text).toBe('Priority raised from High to Urgent');
        expect(explained('angry_billing', 'tagged').text).toBe(
            'Tagged `angry`, `billing`, `influencer`; sentiment negative (-0.68)',
        );
        const held = explained('angry_billing', 'reply_pending_approval');
        expect(held.text).toBe(
            'Reply held for approval because `agent.seniority == "junior"` matched (agent.seniority = "junior")',
        );
        expect(held.flowVersion).toBe(DEMO_FLOW_VERSION);
    });

    it('explains every decision the engine records, and nothing that decides nothing', () => {
        const unexplained = allEngineEvents()
            .filter(event => explainEvent(event, demoFlow.document) === null)
            .map(event => event.kind);
        expect(new Set(unexplained)).toEqual(new Set(['mention_added']));
    });

    it('names agents and teams through the given lookup', () => {
        const explanation = explainEvent(engineEvent('angry_billing', 'assigned'));
        const names: Record<string, string> = { ada: 'Ada Lovelace', grace: 'Grace Hopper' };
        expect(partsText(explanation?.parts ?? [], (_, id) => names[id] ?? id)).toMatch(
            /^Assigned to Ada Lovelace by least loaded: 2 eligible \(Ada Lovelace 1\/5, Grace Hopper 3\/5\)/,
        );
    });
});

describe('evidenceRules', () => {
    it("lists the rules an event's evidence traced, whatever its shape", () => {
        expect(evidenceRules(engineEvent('angry_billing', 'triaged').detail).map(rule => rule.label)).toEqual([
            'needs_response',
            'priority',
        ]);
        const routed = evidenceRules(engineEvent('angry_billing', 'routed').detail);
        expect(routed.map(rule => [rule.label, rule.matched])).toEqual([
            ['rule 1: safety-legal-to-escalations', false],
            ['rule 2: press-to-pr', false],
            ['rule 3: angry-billing-first', true],
        ]);
        const approval = evidenceRules(engineEvent('angry_billing', 'reply_pending_approval').detail);
        expect(approval.map(rule => [rule.label, rule.result])).toEqual([['requires_approval', true]]);
        expect(evidenceRules(engineEvent('angry_billing', 'assigned').detail)).toEqual([]);
    });
});

describe('a released case', () => {
    it('says whose queue it went back to and who held it', () => {
        const explanation = explainEvent({ kind: 'released', detail: { team_id: 'support', previous: 'ada' } });
        expect(partsText(explanation?.parts ?? [])).toBe('Released to the queue of team support (held by ada)');
    });
});

describe('auto-reply events', () => {
    it('says which canned reply was sent and that it is no response, or why it was not sent', () => {
        const sent = explainEvent({ kind: 'auto_replied', detail: { canned_reply_id: 'billing-received', reply_id: 'auto-c1' } });
        expect(partsText(sent!.parts)).toBe(
            "Auto-replied with canned reply `billing-received` (triage's auto_reply rule); not a response: " +
                "the first-response clock waits for an agent's reply",
        );
        const failed = explainEvent({
            kind: 'auto_reply_failed',
            detail: { canned_reply_id: 'billing-received', attempts: 5, error: '429 Too Many Requests' },
        });
        expect(partsText(failed!.parts)).toBe('Auto-reply `billing-received` not sent after 5 attempts: 429 Too Many Requests');
    });
});
