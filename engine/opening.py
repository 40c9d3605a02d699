"""Opening a case: what the flow decides about its first mention, and the view and events it opens with.

A case is opened in the ingest transaction (store.decisions), so its queue, priority, SLA policy and
agent are on the read side the moment the mention is accepted. The case workflow starts later, from
the same decision (engine.messages.CaseDecision in its input). Both sides build the opening with
`opening`, so the row an agent sees at once and the workflow's own state, history and first save agree
to the field; the workflow adds nothing to the opening but what happens after it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from engine.flows import CompiledFlow
from engine.flows.data import case_facts
from engine.messages import CaseDecision, CaseView, Classification, RoutingState
from engine.models import CaseEvent, CaseStatus, Mention, Tags
from engine.slas import SlaClocks, next_due, start_clocks, summary

SUBJECT_LENGTH = 140


def classify(flow: CompiledFlow, mention: Mention, tags: Tags) -> Classification:
    """Triage, routing and SLA policy of a tagged mention, each with the flow's evidence.

    A routing rule that sets a priority overrides triage's, and the evidence says so; the SLA policy is
    chosen from the case's facts after that."""
    triage = flow.triage(mention, tags)
    route = flow.route(mention, tags)
    if route.priority is not None and route.priority != triage.priority:
        triage.evidence["routing_override"] = {"from": triage.priority.value, "to": route.priority.value}
        triage.priority = route.priority
    policy, why = flow.select_sla(case_facts(priority=triage.priority.value, channel=mention.source,
                                             tags=tags.keywords, sentiment=tags.sentiment, team_id=route.team_id,
                                             author=mention.author))
    return Classification(tags=tags, triage=triage, team_id=route.team_id, routing=route.evidence,
                          required_skills=route.required_skills, optional_skills=route.optional_skills,
                          language=route.language, sla_policy=policy, sla_evidence=why,
                          reopen_window_seconds=flow.reopen_window_seconds)


def text_by_reference(cls: Classification, mention: Mention) -> Classification:
    """The classification with the mention's text, wherever its evidence quotes it, replaced by a reference
    (the mention's id, length and SHA-256): a case that takes in thousands of long mentions keeps its
    history far under Temporal's limits, and an auditor still checks the stored text against it."""
    reference = {"mention_id": mention.id, "chars": len(mention.text),
                 "sha256": hashlib.sha256(mention.text.encode()).hexdigest()}

    def swap(value: Any) -> Any:
        if isinstance(value, str):
            return reference if value == mention.text else value
        if isinstance(value, list):
            return [swap(v) for v in value]
        if isinstance(value, dict):
            return {k: swap(v) for k, v in value.items()}
        return value

    return cls.model_copy(update={"triage": cls.triage.model_copy(update={"evidence": swap(cls.triage.evidence)}),
                                  "routing": swap(cls.routing), "sla_evidence": swap(cls.sla_evidence)})


@dataclass
class Opening:
    """A case as it opens: its view, the events of its timeline so far, and its SLA clocks."""

    view: CaseView
    events: list[CaseEvent] = field(default_factory=list)
    clocks: SlaClocks | None = None

    def event(self, kind: str, at: datetime, **detail: object) -> None:
        self.events.append(CaseEvent(seq=len(self.events) + 1, at=at, kind=kind, detail=detail))


def opening(decision: CaseDecision, *, workflow_id: str, conversation_id: str, flow_version: str) -> Opening:
    """The case a decision opens: as the workflow's first steps would have left it, at `decided_at`.

    The decision's mention is the conversation's first inbound mention needing a response (store.decisions), so
    the case opens, and its first-response and resolution clocks start, at `decided_at`: never at an earlier
    post of the brand's that the customer answered (engine.measures states the rule)."""
    mention, cls, at = decision.mention, decision.classification, decision.decided_at
    view = CaseView(case_id=decision.case_id, workflow_id=workflow_id, conversation_id=conversation_id,
                    source=mention.source, author=mention.author, subject=mention.text[:SUBJECT_LENGTH],
                    opened_at=at, flow_version=flow_version, updated_at=at, mention_ids=[mention.id],
                    tags=list(cls.tags.keywords), sentiment=cls.tags.sentiment,
                    needs_response=cls.triage.needs_response, priority=cls.triage.priority, team_id=cls.team_id)
    opened = Opening(view=view)
    opened.event("mention_added", at, mention_id=mention.id)
    opened.event("tagged", at, keywords=cls.tags.keywords, sentiment=cls.tags.sentiment)
    opened.event("triaged", at, needs_response=cls.triage.needs_response, priority=cls.triage.priority.value,
                 evidence=cls.triage.evidence)
    opened.event("routed", at, team_id=cls.team_id, evidence=cls.routing)
    if cls.sla_policy is not None:
        opened.clocks = start_clocks(cls.sla_policy, at)
        view.sla = summary(opened.clocks, at)
        view.sla_due_at = next_due(opened.clocks)
        view.sla_policy = cls.sla_policy.id
        opened.event("sla_started", at, policy=cls.sla_policy.id, evidence=cls.sla_evidence, targets=view.sla)
    _routed(opened, decision.routing, at)
    return opened


def _routed(opened: Opening, state: RoutingState, at: datetime) -> None:
    view = opened.view
    if state.state == "assigned":
        view.assignee_id, view.assigned_at, view.team_id = state.agent_id, at, state.team_id
        view.status = CaseStatus.assigned
        opened.event("assigned", at, agent_id=state.agent_id, team_id=state.team_id,
                     strategy=state.reason.get("strategy"), evidence=state.reason)
    elif "error" in state.reason:
        opened.event("routing_failed", at, team_id=state.team_id, **state.reason)
    else:
        opened.event("queued", at, team_id=state.team_id, reason="no eligible agent with free capacity")
