"""The case lifecycle on Temporal's time-skipping server: business-hours SLAs, claims,
capacity and the oldest-waiting-first rule, approvals, presence and transfers.

Each test has its own time-skipping server and database, publishes the flow variant it
needs, and gives its agents and teams their own ids.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, select
from temporalio.client import WorkflowUpdateFailedError

from api.demo import default_flow
from api.flows.service import publish_flow
from engine.messages import (
    APPROVE_UPDATE,
    CLAIM_UPDATE,
    CLOSE_UPDATE,
    EXPERT_ANSWER_UPDATE,
    EXPERT_UPDATE,
    NOTE_UPDATE,
    PENDING_UPDATE,
    REJECT_UPDATE,
    REPLY_UPDATE,
    ApproveInput,
    CaseView,
    ClaimInput,
    CloseInput,
    ExpertAnswerInput,
    ExpertRequestInput,
    NoteInput,
    PendingInput,
    RejectInput,
    ReplyInput,
)
from engine.models import Direction
from store.case_events import CaseEvent
from store.db import session_scope
from store.experts import ExpertRequest
from store.mentions import Mention
from store.routing.models import CaseRouting
from store.routing.notify import notify
from store.routing.service import set_presence
from store.teams import Agent, Team
from tests.harness.cases import Stack, case_row, case_stack, case_where, ended, event_kinds, eventually, workflow_handle

PARIS = ZoneInfo("Europe/Paris")
COMPLAINT = "I was charged twice for my order, please refund"  # demo flow: needs a response, priority normal
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


def flow_with(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    doc = default_flow()
    change(doc)
    return doc


def node(doc: dict[str, Any], node_type: str) -> dict[str, Any]:
    return next(n for n in doc["nodes"] if n["type"] == node_type)


def route_all_to(team_id: str) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        node(doc, "assign")["content"]["routing"] = {"mode": "first_match", "rules": [],
                                                     "default": {"team_id": team_id}}
    return change


def use_flow(engine: Engine, document: dict[str, Any]) -> None:
    with session_scope(engine) as session:
        publish_flow(session=session, name="test flow", document=document)


def add_team(engine: Engine, *agents: str, capacity: int = 5, **settings: Any) -> str:
    """A team of its own with these agents (online, every role the test may need); returns its id."""
    team_id = f"t-{uuid.uuid4().hex[:6]}"
    with session_scope(engine) as session:
        session.add(Team(id=team_id, name=team_id, **settings))
        session.flush()
        for agent_id in agents:
            session.add(Agent(id=agent_id, name=agent_id, email=f"{agent_id}@example.com", team_id=team_id,
                              capacity=capacity))
    return team_id


class CaseHandle:
    """A case workflow's handle whose updates answer with a CaseView."""

    def __init__(self, stack: Stack, row: Any) -> None:
        self._handle = workflow_handle(stack.client, row.workflow_id, row.id, result_type=CaseView)

    async def execute_update(self, name: str, arg: object) -> CaseView:
        return await self._handle.execute_update(name, arg, result_type=CaseView)

    async def result(self, env: Any) -> CaseView:
        return await ended(env, self._handle)


def handle(stack: Stack, row: Any) -> CaseHandle:
    return CaseHandle(stack, row)


def outbound(engine: Engine, case_id: str) -> list[Mention]:
    with Session(engine) as session:
        return list(session.exec(select(Mention).where(Mention.case_id == case_id,
                                                       Mention.direction == Direction.outbound)).all())


@pytest.fixture
async def stack(time_skipping_env, seeded_engine):  # type: ignore[no-untyped-def]
    async with case_stack(time_skipping_env.client, seeded_engine) as stack:
        yield stack


async def _sleep_until(env, moment: datetime) -> None:  # type: ignore[no-untyped-def]
    now = await env.get_current_time()
    assert moment > now, "the shared test clock is already past the moment this test needs"
    await env.sleep(moment - now)


def _next_friday_evening(now: datetime) -> datetime:
    local = now.astimezone(PARIS)
    days = (4 - local.weekday()) % 7 or 7  # always a Friday ahead, never today
    friday = (local + timedelta(days=days)).date()
    return datetime(friday.year, friday.month, friday.day, 18, 30, tzinfo=PARIS)


async def test_a_friday_evening_mention_escalates_on_monday_morning(stack, time_skipping_env) -> None:
    env, engine = time_skipping_env, stack.engine

    def business_hours(doc: dict[str, Any]) -> None:
        node(doc, "sla")["content"] = {
            "calendars": {"paris": {"timezone": "Europe/Paris", "weekly": {d: [["09:00", "17:00"]] for d in WEEKDAYS}}},
            "policies": [{"id": "office", "calendar": "paris", "first_response_seconds": 3600,
                          "warn_before_seconds": 900,
                          "escalation": [{"after_seconds": 1800, "actions": [{"type": "notify", "to": "supervisor"},
                                                                             {"type": "raise_priority"}]}]}],
            "select": {"mode": "first_match", "rules": [], "default": "office"}}
    use_flow(engine, flow_with(business_hours))
    friday = _next_friday_evening(await env.get_current_time())
    await _sleep_until(env, friday)

    case_id = await stack.ingest(text=COMPLAINT)
    row = await eventually(lambda: case_where(engine, case_id, status="assigned"), what="assignment")
    monday = (friday + timedelta(days=3)).replace(hour=10, minute=0)
    assert row.sla_due_at == monday  # 1h of open time: Monday 09:00-10:00, not Friday night
    assert datetime.fromisoformat(row.sla["first_response"]["due_at"]) == monday

    await _sleep_until(env, monday.replace(hour=9, minute=44))
    assert "sla_warning" not in event_kinds(engine, case_id)
    await env.sleep(timedelta(minutes=2))
    await eventually(lambda: "sla_warning" in event_kinds(engine, case_id), what="the warning at 09:45")
    await _sleep_until(env, monday - timedelta(seconds=1))
    assert case_row(engine, case_id).sla_breached is False  # one second before the deadline
    await env.sleep(timedelta(seconds=2))
    row = await eventually(lambda: case_where(engine, case_id, sla_breached=True), what="the breach at 10:00")
    assert row.status == "escalated" and row.priority == "normal"  # the breach itself changes no priority
    await _sleep_until(env, monday.replace(minute=31))
    row = await eventually(lambda: case_where(engine, case_id, escalation_level=1), what="level 1 at 10:30")
    assert row.priority == "high"
    kinds = event_kinds(engine, case_id)
    assert kinds.index("sla_warning") < kinds.index("sla_breached") < kinds.index("escalated")
    assert "notified" in kinds


async def test_ten_concurrent_claims_give_one_winner(stack) -> None:
    engine = stack.engine
    agents = [f"puller-{i}-{uuid.uuid4().hex[:4]}" for i in range(10)]
    team = add_team(engine, *agents, strategy="manual", allow_pull=True)
    use_flow(engine, flow_with(route_all_to(team)))
    case_id = await stack.ingest(text=COMPLAINT)
    row = await eventually(lambda: "queued" in event_kinds(engine, case_id) and case_row(engine, case_id),
                           what="the case waiting in the pull queue")
    assert row.assignee_id is None
    case = handle(stack, row)

    results = await asyncio.gather(*(case.execute_update(CLAIM_UPDATE, ClaimInput(agent_id=agent))
                                     for agent in agents), return_exceptions=True)
    winners = [agent for agent, result in zip(agents, results, strict=True) if isinstance(result, CaseView)]
    losers = [result for result in results if not isinstance(result, CaseView)]
    assert len(winners) == 1, results
    assert len(losers) == 9
    for refused in losers:
        assert isinstance(refused, WorkflowUpdateFailedError)
        assert refused.cause.type == "claimed"
        assert winners[0] in refused.cause.message  # every loser is told who holds it
    row = await eventually(lambda: case_where(engine, case_id, assignee_id=winners[0], claimed_by=winners[0]),
                           what="the winner holding the case")
    with Session(engine) as session:
        routing = session.get(CaseRouting, case_id)
        assert routing.state == "assigned" and routing.agent_id == winners[0] and routing.started
    assert event_kinds(engine, case_id).count("claimed") == 1


async def test_a_claim_expires_when_idle_and_a_supervisor_can_take_over(stack, time_skipping_env) -> None:
    env, engine = time_skipping_env, stack.engine
    first, second, boss = (f"{name}-{uuid.uuid4().hex[:4]}" for name in ("first", "second", "boss"))
    team = add_team(engine, first, second, boss, strategy="round_robin", claim_idle_seconds=600)
    with session_scope(engine) as session:
        chief = session.get(Agent, boss)
        chief.roles, chief.online = ["agent", "supervisor"], False
        session.add(chief)
    use_flow(engine, flow_with(route_all_to(team)))
    case_id = await stack.ingest(text=COMPLAINT)
    row = await eventually(lambda: case_where(engine, case_id, status="assigned"), what="assignment")
    holder = row.assignee_id
    other = second if holder == first else first
    case = handle(stack, row)
    await case.execute_update(CLAIM_UPDATE, ClaimInput(agent_id=holder))
    with pytest.raises(WorkflowUpdateFailedError) as refused:
        await case.execute_update(CLAIM_UPDATE, ClaimInput(agent_id=other))
    assert refused.value.cause.type == "claimed" and holder in refused.value.cause.message
    with pytest.raises(WorkflowUpdateFailedError) as not_boss:
        await case.execute_update(CLAIM_UPDATE, ClaimInput(agent_id=other, takeover=True))
    assert not_boss.value.cause.type == "not_supervisor"

    await env.sleep(timedelta(seconds=601))  # idle past the team's claim timeout
    row = await eventually(lambda: case_where(engine, case_id, assignee_id=other), what="requeue after idle claim")
    assert row.claimed_by is None
    assert "claim_expired" in event_kinds(engine, case_id)

    await case.execute_update(CLAIM_UPDATE, ClaimInput(agent_id=boss, takeover=True, supervisor=True))
    row = await eventually(lambda: case_where(engine, case_id, assignee_id=boss, claimed_by=boss),
                           what="the takeover")
    assert event_kinds(engine, case_id)[-1] == "taken_over"
    with Session(engine) as session:
        loads = {agent: len(session.exec(select(CaseRouting).where(
            CaseRouting.agent_id == agent, CaseRouting.state == "assigned")).all()) for agent in (other, boss)}
    assert loads == {other: 0, boss: 1}  # the previous agent's slot was freed


async def test_an_agent_at_capacity_gets_nothing_until_a_case_closes_then_the_oldest(stack) -> None:
    engine = stack.engine
    solo = f"solo-{uuid.uuid4().hex[:4]}"
    team = add_team(engine, solo, capacity=2, strategy="least_loaded")
    use_flow(engine, flow_with(route_all_to(team)))
    cases = []
    for n in range(4):
        cases.append(await stack.ingest(text=f"{COMPLAINT} (case {n})"))
        if n < 2:
            await eventually(lambda c=cases[-1]: case_where(engine, c, status="assigned"), what=f"case {n}")
        else:
            await eventually(lambda c=cases[-1]: "queued" in event_kinds(engine, c), what=f"case {n} queued")
    assert [case_row(engine, c).assignee_id for c in cases] == [solo, solo, None, None]

    first = case_row(engine, cases[1])
    await handle(stack, first).execute_update(CLOSE_UPDATE, CloseInput(agent_id=solo))
    row = await eventually(lambda: case_where(engine, cases[2], assignee_id=solo), what="the oldest waiting case")
    assert row.status == "assigned"
    await asyncio.sleep(0.3)
    assert case_row(engine, cases[3]).assignee_id is None  # the younger one still waits: capacity is 2
    with Session(engine) as session:
        assigned = session.exec(select(CaseRouting).where(CaseRouting.agent_id == solo,
                                                          CaseRouting.state == "assigned")).all()
    assert sorted(r.case_id for r in assigned) == sorted([cases[0], cases[2]])


async def test_unstarted_cases_go_back_to_the_queue_when_their_agent_goes_offline(stack) -> None:
    engine = stack.engine
    a, b = (f"{n}-{uuid.uuid4().hex[:4]}" for n in ("a", "b"))
    team = add_team(engine, a, b, strategy="round_robin")
    with session_scope(engine) as session:
        session.get(Agent, b).online = False
    use_flow(engine, flow_with(route_all_to(team)))
    started = await stack.ingest(text=f"{COMPLAINT} 1")
    unstarted = await stack.ingest(text=f"{COMPLAINT} 2")
    for case_id in (started, unstarted):
        await eventually(lambda c=case_id: case_where(engine, c, assignee_id=a), what="both with a")
    await handle(stack, case_row(engine, started)).execute_update(CLAIM_UPDATE, ClaimInput(agent_id=a))

    with session_scope(engine) as session:
        online = set_presence(session, b, True, datetime.now(PARIS))
        offline = set_presence(session, a, False, datetime.now(PARIS))
    await notify(stack.client, online + offline, engine=engine)
    await eventually(lambda: case_where(engine, unstarted, assignee_id=b), what="the unstarted case moving to b")
    assert case_row(engine, started).assignee_id == a  # begun work stays with its agent
    assert event_kinds(engine, unstarted)[-1] == "reassigned"
    with Session(engine) as session:
        routing = session.get(CaseRouting, unstarted)
    assert routing.reason["returned_from"] == a and routing.reason["why"] == "agent_offline"


async def test_a_reply_that_needs_approval_is_not_sent_before_it(stack) -> None:
    engine = stack.engine
    junior, senior = (f"{n}-{uuid.uuid4().hex[:4]}" for n in ("junior", "senior"))
    team = add_team(engine, junior, senior, strategy="round_robin")
    with session_scope(engine) as session:
        session.get(Agent, junior).seniority = "junior"
        session.get(Agent, senior).online = False
    use_flow(engine, flow_with(route_all_to(team)))  # the demo's approval rule: juniors need approval
    case_id = await stack.ingest(text=COMPLAINT)
    row = await eventually(lambda: case_where(engine, case_id, assignee_id=junior), what="assignment")
    case = handle(stack, row)

    view = await case.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=junior, text="Refunded!"))
    assert [d.status for d in view.drafts] == ["pending"] and view.reply_count == 0
    await asyncio.sleep(0.3)
    assert outbound(engine, case_id) == []  # nothing went out
    assert case_row(engine, case_id).first_response_at is None
    with pytest.raises(WorkflowUpdateFailedError) as self_approval:
        await case.execute_update(APPROVE_UPDATE, ApproveInput(reply_id="r1", approver_id=junior))
    assert self_approval.value.cause.type == "self_approval"
    assert outbound(engine, case_id) == []

    view = await case.execute_update(APPROVE_UPDATE, ApproveInput(reply_id="r1", approver_id=senior,
                                                                  text="Your refund is on its way."))
    assert view.reply_count == 1 and view.first_response_at is not None
    sent = outbound(engine, case_id)
    assert [m.text for m in sent] == ["Your refund is on its way."]  # the approver's edit went out

    view = await case.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r2", agent_id=junior, text="lol"))
    await case.execute_update(REJECT_UPDATE, RejectInput(reply_id="r2", approver_id=senior, reason="tone"))
    assert len(outbound(engine, case_id)) == 1
    kinds = event_kinds(engine, case_id)
    assert kinds.count("reply_pending_approval") == 2 and "reply_approved" in kinds and "reply_rejected" in kinds


async def test_waiting_on_the_customer_pauses_the_resolution_clock(stack, time_skipping_env) -> None:
    env, engine = time_skipping_env, stack.engine

    def resolution(doc: dict[str, Any]) -> None:
        node(doc, "sla")["content"] = {
            "policies": [{"id": "fix", "resolution_seconds": 7200}],
            "select": {"mode": "first_match", "rules": [], "default": "fix"}}
    agent = f"p-{uuid.uuid4().hex[:4]}"
    team = add_team(engine, agent)
    document = flow_with(resolution)
    route_all_to(team)(document)
    use_flow(engine, document)
    case_id = await stack.ingest(text=COMPLAINT)
    row = await eventually(lambda: case_where(engine, case_id, assignee_id=agent), what="assignment")
    due = datetime.fromisoformat(row.sla["resolution"]["due_at"])
    case = handle(stack, row)
    await env.sleep(timedelta(minutes=30))
    await case.execute_update(PENDING_UPDATE, PendingInput(agent_id=agent))
    await env.sleep(timedelta(hours=5))  # the customer takes their time: no breach meanwhile
    assert case_row(engine, case_id).sla_breached is False
    await case.execute_update(PENDING_UPDATE, PendingInput(agent_id=agent, waiting=False))
    row = await eventually(lambda: case_where(engine, case_id, status="assigned"), what="back to work")
    moved = datetime.fromisoformat(row.sla["resolution"]["due_at"]) - due
    assert abs(moved - timedelta(hours=5)) < timedelta(seconds=2)


async def test_closing_cancels_every_timer(stack, time_skipping_env) -> None:
    env, engine = time_skipping_env, stack.engine
    case_id = await stack.ingest(text=COMPLAINT)
    row = await eventually(lambda: case_where(engine, case_id, status="assigned"), what="assignment")
    await handle(stack, row).execute_update(CLOSE_UPDATE, CloseInput(agent_id=row.assignee_id))
    await handle(stack, row).result(env)
    await env.sleep(timedelta(days=4))
    kinds = event_kinds(engine, case_id)
    assert not {"sla_warning", "sla_breached", "escalated"} & set(kinds)
    with Session(engine) as session:
        assert session.get(CaseRouting, case_id).state == "released"
        assert not session.exec(select(CaseRouting).where(CaseRouting.case_id == case_id,
                                                          col(CaseRouting.agent_id).is_not(None))).all()



async def test_a_new_mention_reopens_within_the_window_and_starts_a_new_case_after_it(stack, time_skipping_env) -> None:
    env, engine = time_skipping_env, stack.engine

    def one_hour_window(doc: dict[str, Any]) -> None:
        node(doc, "close")["content"]["reopen_window_seconds"] = 3600
    agent = f"r-{uuid.uuid4().hex[:4]}"
    document = flow_with(one_hour_window)
    route_all_to(add_team(engine, agent))(document)
    use_flow(engine, document)
    first = f"r-{uuid.uuid4().hex[:8]}"
    case_id = await stack.ingest(external_id=first, text=COMPLAINT)
    row = await eventually(lambda: case_where(engine, case_id, assignee_id=agent), what="assignment")
    case = handle(stack, row)
    await case.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=agent, text="Refunded", close=True))
    await eventually(lambda: case_where(engine, case_id, status="closed"), what="the close")

    # "Thanks!" needs no response (the flow's triage): it joins the closed case and leaves it closed.
    await env.sleep(timedelta(minutes=10))
    assert await stack.ingest(text="thank you so much", reply_to_id=first) == case_id
    await eventually(lambda: "kept_closed" in event_kinds(engine, case_id), what="the thanks kept closed")
    assert case_row(engine, case_id).status == "closed" and case_row(engine, case_id).mention_count == 2

    # Still charged: a new problem within the hour reopens the same case, routed and on a fresh SLA clock.
    await env.sleep(timedelta(minutes=20))
    assert await stack.ingest(text="I was charged AGAIN, refund please", reply_to_id=first) == case_id
    row = await eventually(lambda: case_where(engine, case_id, assignee_id=agent, status="assigned"),
                           what="the reopened case assigned")
    assert row.reopen_count == 1 and row.closed_at is None and row.resolution_seconds is None
    kinds = event_kinds(engine, case_id)
    assert kinds[kinds.index("reopened"):].count("assigned") == 1
    await case.execute_update(CLOSE_UPDATE, CloseInput(agent_id=agent))
    row = await eventually(lambda: case_where(engine, case_id, status="closed"), what="the second close")
    assert row.reopen_count == 1 and row.resolution_seconds == pytest.approx(30 * 60, abs=5)

    # An hour after that close the window has shut: the next mention is a new case of the conversation.
    await env.sleep(timedelta(minutes=61))
    later = await stack.ingest(text="charged twice again, refund", reply_to_id=first)
    assert later != case_id
    row = await eventually(lambda: case_where(engine, later, assignee_id=agent), what="the new case")
    assert row.reopen_count == 0 and row.conversation_id == case_row(engine, case_id).conversation_id


async def test_an_expert_has_their_own_sla_and_their_answer_returns_the_case(stack, time_skipping_env) -> None:
    env, engine = time_skipping_env, stack.engine

    def one_day_to_resolve(doc: dict[str, Any]) -> None:
        node(doc, "sla")["content"] = {"policies": [{"id": "day", "resolution_seconds": 86400}],
                                       "select": {"mode": "first_match", "rules": [], "default": "day"}}
    agent = f"x-{uuid.uuid4().hex[:4]}"
    document = flow_with(one_day_to_resolve)
    route_all_to(add_team(engine, agent, capacity=1))(document)
    use_flow(engine, document)
    case_id = await stack.ingest(text=COMPLAINT)
    row = await eventually(lambda: case_where(engine, case_id, assignee_id=agent), what="assignment")
    case = handle(stack, row)
    await case.execute_update(CLAIM_UPDATE, ClaimInput(agent_id=agent))
    await env.sleep(timedelta(minutes=5))
    await case.execute_update(NOTE_UPDATE, NoteInput(agent_id=agent, text="Customer since 2019; double charge"))
    before_asking = await env.get_current_time()
    asked = await case.execute_update(EXPERT_UPDATE, ExpertRequestInput(
        agent_id=agent, request_id=f"q-{case_id}", expert_id="priya", question="May we refund both charges?",
        response_seconds=4 * 3600))
    after_asking = await env.get_current_time()
    assert asked.status == "with_expert" and asked.assignee_id is None
    with pytest.raises(WorkflowUpdateFailedError) as refused:  # nobody in the contact centre holds it now
        await case.execute_update(REPLY_UPDATE, ReplyInput(reply_id="early", agent_id=agent, text="hi"))
    assert refused.value.cause.type == "with_expert"  # type: ignore[union-attr]
    other = await stack.ingest(text="charged twice, refund me")  # the agent's one slot is free for others
    other_row = await eventually(lambda: case_where(engine, other, assignee_id=agent), what="the freed slot used")
    await handle(stack, other_row).execute_update(CLOSE_UPDATE, CloseInput(agent_id=agent))

    # the expert's clock started between before_asking and after_asking; real time passes meanwhile (a busy
    # machine takes seconds to route the other case), so the sleeps are measured from those instants
    await env.sleep(before_asking + timedelta(hours=4) - timedelta(seconds=2) - await env.get_current_time())
    assert "expert_sla_breached" not in event_kinds(engine, case_id)
    await env.sleep(after_asking + timedelta(hours=4) + timedelta(seconds=2) - await env.get_current_time())
    await eventually(lambda: "expert_sla_breached" in event_kinds(engine, case_id), what="the expert's breach")
    assert case_row(engine, case_id).status == "with_expert"

    await case.execute_update(EXPERT_ANSWER_UPDATE, ExpertAnswerInput(request_id=f"q-{case_id}",
                                                                      text="Yes, refund both."))
    row = await eventually(lambda: case_where(engine, case_id, assignee_id=agent, status="assigned"),
                           what="back in the queue and assigned")
    assert [(n["author"], n["kind"]) for n in row.notes] == [(agent, "note"), ("expert:priya", "expert_answer")]
    with Session(engine) as session:
        request = session.get(ExpertRequest, f"q-{case_id}")
        assert request is not None and request.overdue and request.answered_at is not None
    await case.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=agent, text="Both refunded",
                                                       close=True))
    row = await eventually(lambda: case_where(engine, case_id, status="closed"), what="the close")
    assert row.transfers == 1 and row.sla_outcomes == {"resolution": "met"}
    assert row.handle_seconds == pytest.approx(5 * 60, abs=5)  # claimed until handed over; 0 after the return


async def test_a_complaint_keeps_its_sentiment_after_a_friendly_follow_up(stack) -> None:
    engine = stack.engine
    agent = f"s-{uuid.uuid4().hex[:4]}"
    document = default_flow()
    route_all_to(add_team(engine, agent))(document)
    use_flow(engine, document)
    first = f"s-{uuid.uuid4().hex[:8]}"
    case_id = await stack.ingest(external_id=first, text="The heater caught fire: a terrible, dangerous product")
    row = await eventually(lambda: case_where(engine, case_id, assignee_id=agent), what="assignment")
    complaint = row.sentiment
    assert complaint < -0.5
    assert await stack.ingest(text="thanks, you are great, love the quick answer!", reply_to_id=first) == case_id
    await eventually(lambda: case_row(engine, case_id).mention_count == 2, what="the follow-up folded in")
    assert case_row(engine, case_id).sentiment == complaint  # the worst the customer showed, not the latest
    with Session(engine) as session:
        added = session.exec(select(CaseEvent).where(CaseEvent.case_id == case_id, CaseEvent.kind == "mention_added",
                                                     CaseEvent.seq > 1)).one()
    assert added.detail["sentiment"] > 0.5  # each mention's own stays on the timeline, for the trend
