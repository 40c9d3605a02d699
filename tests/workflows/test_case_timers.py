"""The case workflow on Temporal's time-skipping server: SLA timers, replies, closure, measures."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlmodel import Session, select
from temporalio.client import WorkflowUpdateFailedError
from temporalio.exceptions import ApplicationError
from temporalio.service import RPCError

from api.cases.models import Case
from api.teams.models import Agent
from engine.messages import CLOSE_UPDATE, REPLY_UPDATE, CaseView, CloseInput, ReplyInput
from tests.harness.cases import Stack, case_row, case_where, event_kinds, eventually, running_worker

BILLING = "I was charged twice for my order, please refund"  # demo flow: needs response, priority normal (4h)


pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


async def _assigned(stack: Stack, text: str = BILLING) -> tuple[str, Case]:
    case_id = await stack.ingest(text=text)
    row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
    return case_id, row


@pytest.fixture
async def stack(time_skipping_env, seeded_engine):  # type: ignore[no-untyped-def]
    async with running_worker(time_skipping_env.client, seeded_engine) as task_queue:
        yield Stack(time_skipping_env.client, seeded_engine, task_queue)


async def test_first_response_sla_breaches_exactly_at_the_deadline(stack, time_skipping_env) -> None:
    env, engine = time_skipping_env, stack.engine
    case_id, row = await _assigned(stack)
    assert row.priority == "normal" and row.sla_due_at is not None
    assert (row.sla_due_at - row.opened_at) == timedelta(hours=4)

    await env.sleep(timedelta(hours=3, minutes=59))
    assert case_row(engine, case_id).sla_breached is False

    await env.sleep(timedelta(minutes=2))
    row = await eventually(lambda: case_where(engine, case_id, sla_breached=True), what="the SLA breach")
    assert row.status == "escalated"
    assert row.priority == "high"  # one step up the ladder
    assert event_kinds(engine, case_id)[-1] == "sla_breached"


async def test_reply_in_time_stops_the_sla_and_close_measures_the_case(stack, time_skipping_env) -> None:
    env, engine = time_skipping_env, stack.engine
    case_id, row = await _assigned(stack)
    handle = env.client.get_workflow_handle(row.workflow_id, run_id=case_id, result_type=CaseView)

    await env.sleep(timedelta(minutes=30))
    view = await handle.execute_update(
        REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=row.assignee_id, text="Refund is on its way"),
        result_type=CaseView)
    assert view.first_response_at is not None and view.reply_count == 1

    await env.sleep(timedelta(hours=5))  # well past the 4h target: no breach, it was answered
    assert case_row(engine, case_id).sla_breached is False

    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=row.assignee_id), result_type=CaseView)
    final = await handle.result()
    assert final.status == "closed" and final.close_reason == "resolved"
    assert final.measures is not None
    assert final.measures.first_response_seconds == pytest.approx(30 * 60, abs=5)
    assert final.measures.resolution_seconds == pytest.approx(5.5 * 3600, abs=5)
    stored = await eventually(lambda: case_where(engine, case_id, status="closed"), what="closed row")
    assert stored.resolution_seconds == pytest.approx(final.measures.resolution_seconds)
    assert event_kinds(engine, case_id)[-2:] == ["closed", "measured"]


async def test_the_same_reply_id_is_sent_once(stack) -> None:
    case_id, row = await _assigned(stack)
    handle = stack.client.get_workflow_handle(row.workflow_id, run_id=case_id, result_type=CaseView)
    reply = ReplyInput(reply_id="same", agent_id=row.assignee_id, text="On it")
    await handle.execute_update(REPLY_UPDATE, reply, result_type=CaseView)
    view = await handle.execute_update(REPLY_UPDATE, reply, result_type=CaseView)
    assert view.reply_count == 1


async def test_only_the_assignee_may_reply_and_closed_cases_refuse_changes(stack, time_skipping_env) -> None:
    env, engine = time_skipping_env, stack.engine
    case_id, row = await _assigned(stack)
    handle = env.client.get_workflow_handle(row.workflow_id, run_id=case_id, result_type=CaseView)
    other = "grace" if row.assignee_id != "grace" else "ada"
    with pytest.raises(WorkflowUpdateFailedError) as refused:
        await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="x", agent_id=other, text="mine now"))
    assert isinstance(refused.value.cause, ApplicationError)
    assert refused.value.cause.type == "not_assignee"
    assert row.assignee_id in refused.value.cause.message

    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=row.assignee_id, reason="spam"))
    with pytest.raises((WorkflowUpdateFailedError, RPCError)):  # refused, or the run has already finished
        await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="y", agent_id=row.assignee_id, text="late"))
    assert (await handle.result()).close_reason == "spam"
    assert "replied" not in event_kinds(engine, case_id)


async def test_praise_needs_no_response_and_closes_itself(stack) -> None:
    engine = stack.engine
    case_id = await stack.ingest(text="Love the new app, thanks!")
    row = await eventually(lambda: case_where(engine, case_id, status="closed"), what="auto close")
    assert row.close_reason == "no_action" and row.needs_response is False and row.assignee_id is None
    assert "praise" in row.tags and row.sentiment > 0.5


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


async def test_a_case_waits_in_queue_until_an_agent_comes_online(stack, time_skipping_env) -> None:
    env, engine = time_skipping_env, stack.engine
    with Session(engine) as session:
        for agent in session.exec(select(Agent).where(Agent.team_id == "support")):
            agent.online = False
            session.add(agent)
        session.commit()
    case_id = await stack.ingest(text=BILLING)
    await eventually(lambda: "queued" in event_kinds(engine, case_id), what="queued event")
    with Session(engine) as session:
        grace = session.get(Agent, "grace")
        grace.online = True
        session.add(grace)
        session.commit()
    await env.sleep(timedelta(seconds=61))
    row = await eventually(lambda: case_where(engine, case_id, status="assigned"), what="late assignment")
    assert row.assignee_id == "grace"
