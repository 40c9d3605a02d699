"""The evidence on a case's timeline, as the engine makes it, kept in tests/fixtures/evidence/case_events.json.

The designer's explanations (designer/src/cases/explain) are tested on that file, so they read the shapes the
engine really writes. A change to the evidence fails here until the file is written again:

    .venv/bin/python -m tests.engine.test_case_evidence

and then the designer's tests say whether its explanations still read it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from api.demo import default_flow
from engine.escalation import project
from engine.flows import CompiledFlow
from engine.messages import CaseDecision, Classification, RoutingState
from engine.models import Mention
from engine.opening import classify, opening
from engine.routing import AgentState, QueuePolicy, WaitingCase, dispatch
from engine.slas.maths import pending_events
from store.lexicons import compile_with_vader

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "evidence" / "case_events.json"
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)  # a Monday, in the demo's support hours


def _mention(external_id: str, text: str, *, author: str = "@sam", followers: int | None = None) -> Mention:
    return Mention(id=f"twitter:{external_id}", source="twitter", external_id=external_id,
                   conversation_id=f"twitter:{external_id}", author=author, text=text, created_at=NOW,
                   received_at=NOW, author_followers=followers)


def _routing(case_id: str, cls: Classification, policy: QueuePolicy | None, agents: list[AgentState],
             channel: str) -> RoutingState:
    """The case's routing as the ingest transaction decides it (store.routing): dispatched in its team's queue by
    the team's strategy, waiting if nobody can take it, or refused when the flow names a team nobody created."""
    base = {"case_id": case_id, "workflow_id": f"case-{case_id}", "seq": 1, "team_id": cls.team_id, "at": NOW}
    if policy is None:
        return RoutingState(**base, state="waiting",
                            reason={"error": "unknown_team", "message": f"team {cls.team_id!r} does not exist"})
    waiting = WaitingCase(case_id=case_id, priority=cls.triage.priority, enqueued_at=NOW, channel=channel,
                          optional_skills=cls.optional_skills, required_skills=cls.required_skills)
    result = dispatch(policy, [waiting], agents, NOW)
    if not result.assignments:
        return RoutingState(**base, state="waiting")
    chosen = result.assignments[0]
    return RoutingState(**base, state="assigned", agent_id=chosen.agent_id, reason=chosen.reason)


def _events(case_id: str, mention: Mention, team_policy: QueuePolicy | None, agents: list[AgentState],
            flow: CompiledFlow) -> list[dict[str, Any]]:
    cls = classify(flow, mention, flow.tag(mention))
    routed = _routing(case_id, cls, team_policy, agents, mention.source)
    decision = CaseDecision(case_id=case_id, decided_at=NOW, mention=mention, classification=cls, routing=routed)
    opened = opening(decision, workflow_id=f"case-{case_id}", conversation_id=mention.conversation_id,
                     flow_version=flow.version)
    events = [{"kind": e.kind, "actor": e.actor, "detail": e.detail} for e in opened.events]
    if opened.clocks is not None:
        # The first escalation level of the first response target, as the deadline sweeper shows it.
        due = next(event for event in pending_events(opened.clocks) if event.kind == "escalation")
        shown = project(due, status=opened.view.status, priority=opened.view.priority, escalation_level=0,
                        sla_breached=False)
        events += [{"kind": kind, "actor": "system", "detail": detail} for _, kind, detail in shown.events]
    return events


def _approval(flow: CompiledFlow) -> dict[str, Any]:
    """A junior's reply held by the demo flow's approval rule (workflows/case_replies.py records it so)."""
    facts = {"case": {"tags": ["billing"], "priority": "normal", "channel": "twitter"},
             "agent": {"id": "linus", "seniority": "junior"}, "reply": {"text": "Refunded, sorry!"}}
    held, evidence = flow.needs_approval(facts)
    assert held
    return {"kind": "reply_pending_approval", "actor": "linus", "detail": {"reply_id": "r1", "evidence": evidence}}


def build() -> dict[str, Any]:
    """Every scenario's timeline: `{scenario: [{id, case_id, at, kind, actor, detail}]}` as `/api/case_events`."""
    flow = compile_with_vader(default_flow())
    support = [AgentState(id="ada", capacity=5, load=1, skills={"billing": 4}),
               AgentState(id="grace", capacity=5, load=3, skills={"billing": 3}),
               AgentState(id="linus", capacity=3, load=0, skills={"billing": 2}),
               AgentState(id="sam", capacity=5, online=False, skills={"billing": 5})]
    press = [AgentState(id="maya", capacity=8, load=2), AgentState(id="omar", capacity=8, load=1)]
    full = [AgentState(id="ada", capacity=5, load=5), AgentState(id="grace", capacity=5, load=5)]
    scenarios = {
        # Angry about billing: routed by the second rule (which raises the priority), least loaded among three.
        "angry_billing": (_mention("101", "I was charged twice for my order!! This is a disgrace, refund me now",
                                   followers=25000), QueuePolicy(strategy="least_loaded"), support),
        # A journalist: the first routing rule, which raises triage's priority; the press team's round robin.
        "press": (_mention("102", "I'm a journalist writing a story about your new prices, can you comment?",
                           author="@jo_reporter"), QueuePolicy(strategy="round_robin", cursor="maya"), press),
        # A question nobody can take now: the default route, then the queue.
        "queued": (_mention("103", "How do I change the address on my account?"),
                   QueuePolicy(strategy="least_loaded"), full),
        # The flow routes to a team nobody created.
        "routing_failed": (_mention("104", "My parcel never arrived, help"), None, []),
    }
    out: dict[str, Any] = {}
    for name, (mention, policy, agents) in scenarios.items():
        out[name] = _events(name, mention, policy, agents, flow)
    out["angry_billing"].append(_approval(flow))
    return {name: [{"id": f"{name}:{seq}", "case_id": name, "at": NOW.isoformat(), **event}
                   for seq, event in enumerate(events, start=1)]
            for name, events in out.items()}


def _encoded(value: Any) -> str:
    return json.dumps(value, indent=1, sort_keys=True, default=str) + "\n"


def test_the_designers_evidence_fixture_is_what_the_engine_makes() -> None:
    made = json.loads(_encoded(build()))
    kept = json.loads(FIXTURE.read_text())
    assert made == kept, "the evidence changed: run `.venv/bin/python -m tests.engine.test_case_evidence`, " \
                         "then the designer's tests (npx vitest run src/cases)"


def test_the_fixture_has_every_decision_the_designer_explains() -> None:
    kinds = {event["kind"] for events in build().values() for event in events}
    assert {"tagged", "triaged", "routed", "sla_started", "assigned", "queued", "routing_failed", "escalated",
            "priority_raised", "reply_pending_approval"} <= kinds
    angry = {event["kind"]: event["detail"] for event in build()["angry_billing"]}
    # The rule that routed it, its raised priority, and every candidate's load.
    assert angry["routed"]["evidence"]["matched"] == ["angry-billing-first"]
    press = {event["kind"]: event["detail"] for event in build()["press"]}
    assert press["triaged"]["evidence"]["routing_override"] == {"from": "low", "to": "high"}
    candidates = angry["assigned"]["evidence"]["candidates"]
    assert {name: (c["load"], c["capacity"]) for name, c in candidates.items()} == {"ada": (1, 5), "grace": (3, 5)}


if __name__ == "__main__":
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(_encoded(build()))
    print(f"wrote {FIXTURE}")
