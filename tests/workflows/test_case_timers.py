"""The case workflow on Temporal's time-skipping server: SLA timers, replies, closure, measures."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select
from temporalio.client import WorkflowUpdateFailedError
from temporalio.exceptions import ApplicationError
from temporalio.service import RPCError

from engine.messages import CLOSE_UPDATE, REPLY_UPDATE, CaseView, CloseInput, ReplyInput
from store.cases import Case
from store.conversations import Conversation
from store.db import session_scope
from store.mentions import Mention
from store.routing.notify import notify
from store.routing.service import set_presence
from tests.harness.cases import Stack, case_row, case_stack, case_where, ended, event_kinds, eventually, workflow_handle

BILLING = "I was charged twice for my order, please refund"  # demo flow: needs response, priority normal (4h)


async def _assigned(stack: Stack, text: str = BILLING) -> tuple[str, Case]:
    case_id = await stack.ingest(text=text)
    row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
    return case_id, row


@pytest.fixture
async def stack(time_skipping_env, seeded_engine):  # type: ignore[no-untyped-def]
    async with case_stack(time_skipping_env.client, seeded_engine) as stack:
        yield stack


async def test_first_response_sla_breaches_exactly_at_the_deadline(stack, time_skipping_env) -> None:
    env, engine = time_skipping_env, stack.engine
    case_id, row = await _assigned(stack)
    first_agent = row.assignee_id
    assert row.priority == "normal" and row.sla_due_at is not None
    assert (row.sla_due_at - row.opened_at) == timedelta(hours=4)

    await env.sleep(timedelta(hours=3, minutes=59))
    assert case_row(engine, case_id).sla_breached is False

    await env.sleep(timedelta(minutes=2))
    row = await eventually(lambda: case_where(engine, case_id, sla_breached=True), what="the SLA breach")
    assert row.status == "escalated"
    assert row.priority == "high"  # the demo's level 1: one step up the ladder
    # High priority has the stricter policy, under which the case is already 3h late: past its
    # level-2 mark (30 min after breach), so it is reassigned at once, away from the silent agent.
    row = await eventually(lambda: case_where(engine, case_id, escalation_level=2), what="level 2")
    kinds = event_kinds(engine, case_id)
    assert kinds[kinds.index("sla_warning"):] == ["sla_warning", "sla_breached", "escalated", "priority_raised",
                                                  "sla_policy_changed", "escalated", "reassigned"]
    assert row.assignee_id not in (None, first_agent)


async def test_reply_in_time_stops_the_sla_and_close_measures_the_case(stack, time_skipping_env) -> None:
    env, engine = time_skipping_env, stack.engine
    case_id, row = await _assigned(stack)
    handle = workflow_handle(env.client, row.workflow_id, case_id, result_type=CaseView)

    await env.sleep(timedelta(minutes=30))
    view = await handle.execute_update(
        REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=row.assignee_id, text="Refund is on its way"),
        result_type=CaseView)
    assert view.first_response_at is not None and view.reply_count == 1

    await env.sleep(timedelta(hours=5))  # well past the 4h target: no breach, it was answered
    assert case_row(engine, case_id).sla_breached is False

    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=row.assignee_id), result_type=CaseView)
    final = await ended(env, handle)
    assert final.status == "closed" and final.close_reason == "resolved"
    assert final.measures is not None
    assert final.measures.first_response_seconds == pytest.approx(30 * 60, abs=5)
    assert final.measures.resolution_seconds == pytest.approx(5.5 * 3600, abs=5)
    stored = await eventually(lambda: case_where(engine, case_id, status="closed"), what="closed row")
    assert stored.resolution_seconds == pytest.approx(final.measures.resolution_seconds)
    assert event_kinds(engine, case_id)[-2:] == ["closed", "measured"]


async def test_the_same_reply_id_is_sent_once(stack) -> None:
    case_id, row = await _assigned(stack)
    handle = workflow_handle(stack.client, row.workflow_id, case_id, result_type=CaseView)
    reply = ReplyInput(reply_id="same", agent_id=row.assignee_id, text="On it")
    await handle.execute_update(REPLY_UPDATE, reply, result_type=CaseView)
    view = await handle.execute_update(REPLY_UPDATE, reply, result_type=CaseView)
    assert view.reply_count == 1


async def test_only_the_assignee_may_reply_and_closed_cases_refuse_changes(stack, time_skipping_env) -> None:
    env, engine = time_skipping_env, stack.engine
    case_id, row = await _assigned(stack)
    handle = workflow_handle(env.client, row.workflow_id, case_id, result_type=CaseView)
    other = "grace" if row.assignee_id != "grace" else "ada"
    with pytest.raises(WorkflowUpdateFailedError) as refused:
        await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="x", agent_id=other, text="mine now"))
    assert isinstance(refused.value.cause, ApplicationError)
    assert refused.value.cause.type == "not_assignee"
    assert row.assignee_id in refused.value.cause.message

    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=row.assignee_id, reason="spam"))
    with pytest.raises((WorkflowUpdateFailedError, RPCError)):  # refused, or the run has already finished
        await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="y", agent_id=row.assignee_id, text="late"))
    assert (await ended(env, handle)).close_reason == "spam"
    assert "replied" not in event_kinds(engine, case_id)


async def test_praise_needs_no_response_and_starts_no_case(stack) -> None:
    external_id = uuid.uuid4().hex[:10]
    assert await stack.ingest(external_id=external_id, text="Love the new app, thanks!") == ""
    with session_scope(stack.engine, write=False) as session:
        mention = session.get(Mention, f"twitter:{external_id}")
        conversation = session.get(Conversation, mention.conversation_id)
        cases = session.exec(select(Case).where(Case.conversation_id == mention.conversation_id)).all()
    # Stored, tagged and counted for analytics; no workflow, no case.
    assert mention.needs_response is False and mention.dispatched and mention.case_id is None
    assert "praise" in mention.tags and mention.sentiment > 0.5
    assert conversation.inbound_count == 1 and not conversation.actionable
    assert cases == []


async def test_a_reply_in_the_conversation_joins_the_same_case(stack) -> None:
    engine = stack.engine
    root = uuid.uuid4().hex[:8]  # the server outlives the test: a conversation id of its own
    first = await stack.ingest(external_id=root, text=BILLING)
    await eventually(lambda: case_where(engine, first, status="assigned"), what="assignment")
    second = await stack.ingest(external_id=root + "-re", reply_to_id=root,
                          text="Still no refund and the app is down")
    assert second == first
    row = await eventually(lambda: case_where(engine, first, mention_count=2), what="second mention")
    assert {"billing", "outage"} <= set(row.tags)


async def test_a_case_waits_in_queue_until_an_agent_comes_online(stack) -> None:
    engine = stack.engine
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        for agent_id in ("ada", "grace", "linus"):
            set_presence(session, agent_id, False, now)
    case_id = await stack.ingest(text=BILLING)
    await eventually(lambda: "queued" in event_kinds(engine, case_id), what="queued event")
    with session_scope(engine) as session:
        changes = set_presence(session, "grace", True, now)  # what PATCH /api/agents/grace does
    assert [(c.case_id, c.agent_id) for c in changes] == [(case_id, "grace")]
    await notify(stack.client, changes, engine=stack.engine)
    row = await eventually(lambda: case_where(engine, case_id, status="assigned"), what="late assignment")
    assert row.assignee_id == "grace"
