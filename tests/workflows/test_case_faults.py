"""What a worker's death or a send that breaks off leaves a case with, on Temporal's time-skipping server.

The fault suite (bench/faults.py) found each of these under load; here each is made to happen on purpose.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, select
from temporalio import activity

from activities.cases import CaseActivities
from activities.connectors.base import PushOnly, Sent
from activities.flows import FlowCache
from engine.messages import CLOSE_UPDATE, REPLY_UPDATE, VIEW_QUERY, CaseView, CloseInput, ReplyInput, SaveCaseInput
from engine.models import CaseEvent
from store.case_events import CaseEvent as CaseEventRow
from store.cases import Case
from tests.harness.cases import Stack, case_row, case_where, event_kinds, eventually, running_worker, workflow_handle

BILLING = "I was charged twice for my order, please refund"  # demo flow: needs response, normal priority (4h)


class BrokenOffSend(PushOnly):
    """A social API that takes a reply at the first call and breaks off before answering (the connection
    dropped, or the worker died mid-call); it answers again once `recovered` is set. Like a real API with an
    idempotency key, a repeated call returns the first send: the same id, sent at the first call's time."""

    def __init__(self) -> None:
        self.sent_at: dict[str, datetime] = {}
        self.recovered = threading.Event()

    def send_reply(self, **kwargs: Any) -> Sent:
        reply = kwargs["reply"]
        self.sent_at.setdefault(reply.reply_id, activity.info().current_attempt_scheduled_time)
        if not self.recovered.is_set():
            raise ConnectionError("the connection dropped before the API answered")
        return Sent(external_id=f"reply-{reply.reply_id}", at=self.sent_at[reply.reply_id])


async def _assigned(stack: Stack) -> Case:
    case_id = await stack.ingest(text=BILLING)
    return await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")


async def _sleep_until(env: Any, stack: Stack, moment: datetime) -> None:
    await env.sleep(moment - await stack.now())


def _events(engine: Engine, case_id: str, kind: str) -> list[CaseEventRow]:
    with Session(engine) as session:
        return list(session.exec(select(CaseEventRow).where(CaseEventRow.case_id == case_id,
                                                            CaseEventRow.kind == kind)))


@pytest.fixture
async def broken_off(time_skipping_env, seeded_engine) -> AsyncIterator[tuple[Stack, BrokenOffSend]]:  # type: ignore[no-untyped-def]
    api = BrokenOffSend()
    async with running_worker(time_skipping_env.client, seeded_engine, connectors={"webhook": api}) as task_queue:
        yield Stack(time_skipping_env.client, seeded_engine, task_queue), api


async def _reply_breaking_off(env: Any, stack: Stack, api: BrokenOffSend, row: Case,
                              seconds_before_deadline: int) -> asyncio.Task:
    assert row.sla_due_at is not None
    await _sleep_until(env, stack, row.sla_due_at - timedelta(seconds=seconds_before_deadline))
    handle = workflow_handle(stack.client, row.workflow_id, row.id, result_type=CaseView)
    reply = asyncio.create_task(handle.execute_update(
        REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=row.assignee_id, text="Refund is on its way"),
        result_type=CaseView))
    await eventually(lambda: api.sent_at.get("r1"), what="the API taking the reply")
    return reply


async def test_a_reply_sent_before_the_deadline_but_acknowledged_after_it_meets_the_sla(
        time_skipping_env, broken_off) -> None:
    env, (stack, api) = time_skipping_env, broken_off
    row = await _assigned(stack)
    reply = await _reply_breaking_off(env, stack, api, row, seconds_before_deadline=30)

    # The agent's client retries the same reply: answered only once the first request has sent it.
    handle = workflow_handle(stack.client, row.workflow_id, row.id, result_type=CaseView)
    retried = asyncio.create_task(handle.execute_update(
        REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=row.assignee_id, text="Refund is on its way"),
        result_type=CaseView))
    await env.sleep(timedelta(seconds=60))  # the deadline passes while the send is retried
    assert not _events(stack.engine, row.id, "sla_breached") and case_row(stack.engine, row.id).sla_breached is False
    assert not retried.done()

    api.recovered.set()
    await env.sleep(timedelta(seconds=40))  # the next attempt answers (retries back off up to 30 s)
    view = await reply
    assert view.first_response_at == api.sent_at["r1"] < row.sla_due_at
    assert view.sla["first_response"]["status"] == "met" and not view.sla_breached
    assert (await retried).reply_count == 1
    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=row.assignee_id), result_type=CaseView)
    closed = await eventually(lambda: case_where(stack.engine, row.id, status="closed"), what="the close")
    assert closed.sla_outcomes["first_response"] == "met" and not closed.sla_breached
    kinds = event_kinds(stack.engine, row.id)
    assert "replied" in kinds and not {"sla_breached", "escalated"} & set(kinds), kinds


async def test_a_send_that_stays_broken_off_lets_the_breach_fire(time_skipping_env, broken_off) -> None:
    env, (stack, api) = time_skipping_env, broken_off
    row = await _assigned(stack)
    reply = await _reply_breaking_off(env, stack, api, row, seconds_before_deadline=30)

    await env.sleep(timedelta(minutes=5))  # held for 90 s past the deadline, then acted on
    breached = await eventually(lambda: _events(stack.engine, row.id, "sla_breached"), what="the breach")
    assert [e.detail["at"] for e in breached] == [row.sla_due_at.isoformat()]
    assert breached[0].at >= row.sla_due_at + timedelta(seconds=90)
    assert case_row(stack.engine, row.id).priority == "high"  # the demo's level 1 acted

    api.recovered.set()
    await env.sleep(timedelta(seconds=40))
    view = await reply
    assert view.first_response_at == api.sent_at["r1"] and view.reply_count == 1
    assert len(_events(stack.engine, row.id, "sla_breached")) == 1


async def test_a_breach_due_when_the_case_closes_is_recorded(time_skipping_env, seeded_engine) -> None:
    """The worker was down at the deadline; the close and the breach's timer reach the workflow in one task."""
    env = time_skipping_env
    # No cache, so no sticky queue: the workflow's next task goes to whichever worker polls the task queue next.
    async with running_worker(env.client, seeded_engine, max_cached_workflows=0) as task_queue:
        stack = Stack(env.client, seeded_engine, task_queue)
        row = await _assigned(stack)
        assert row.sla_due_at is not None
        await _sleep_until(env, stack, row.sla_due_at - timedelta(seconds=1))
    await env.sleep(timedelta(seconds=2))  # no worker: the timer fires and its task waits
    handle = workflow_handle(env.client, row.workflow_id, row.id, result_type=CaseView)
    close = asyncio.create_task(handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=row.assignee_id),
                                                      result_type=CaseView))
    await asyncio.sleep(1)  # the close waits for a worker too
    async with running_worker(env.client, seeded_engine, task_queue=task_queue):
        view = await close
        assert view.status == "closed" and view.sla_breached
        saved = await eventually(lambda: case_where(seeded_engine, row.id, status="closed"), what="the saved close")
    kinds = event_kinds(seeded_engine, row.id)
    assert kinds.count("sla_breached") == 1 and kinds.count("escalated") == 1, kinds
    assert kinds.index("sla_breached") < kinds.index("closed")
    escalated = _events(seeded_engine, row.id, "escalated")[0]
    assert escalated.detail["level"] == 1 and escalated.detail["skipped"] == "the case closed"
    assert saved.sla_breached and saved.escalation_level == 1
    assert saved.sla_outcomes["first_response"] == "breached"


async def test_a_save_replaces_the_events_of_a_task_that_never_completed(time_skipping_env, seeded_engine) -> None:
    """A workflow task saved its events and its worker died before completing it: the retried task numbers
    its own events from the same point, and its save overwrites and removes what the lost task wrote."""
    env = time_skipping_env
    async with running_worker(env.client, seeded_engine) as task_queue:
        stack = Stack(env.client, seeded_engine, task_queue)
        row = await _assigned(stack)
        view = await workflow_handle(env.client, row.workflow_id, row.id).query(VIEW_QUERY, result_type=CaseView)
    saves = CaseActivities(engine=seeded_engine, flows=FlowCache(seeded_engine),
                           connectors=None)  # type: ignore[arg-type]  # a save sends nothing
    last = max(e.seq for e in _rows(seeded_engine, row.id))
    at = await stack.now()
    lost = [CaseEvent(seq=last + 1, at=at, kind="claimed", actor="ghost"),
            CaseEvent(seq=last + 2, at=at, kind="replied", actor="ghost", detail={"reply_id": "never"})]
    saves.save_case(SaveCaseInput(view=view, events=lost, last_seq=last + 2))
    retried = [CaseEvent(seq=last + 1, at=at, kind="note_added", actor=row.assignee_id, detail={"text": "real"})]
    saves.save_case(SaveCaseInput(view=view, events=retried, last_seq=last + 1))
    rows = _rows(seeded_engine, row.id)
    assert [(e.seq, e.kind, e.actor) for e in rows[-1:]] == [(last + 1, "note_added", row.assignee_id)]
    assert not [e for e in rows if e.actor == "ghost"]
    # The lost task's number taken, in the retry, by an SLA event, whose row is keyed by its occurrence.
    saves.save_case(SaveCaseInput(view=view, events=[CaseEvent(seq=last + 2, at=at, kind="claimed", actor="ghost")],
                                  last_seq=last + 2))
    breach = CaseEvent(seq=last + 2, at=at, kind="sla_breached", occurrence=f"first_response:breach@{at.isoformat()}")
    saves.save_case(SaveCaseInput(view=view, events=[breach], last_seq=last + 2))
    assert [(e.seq, e.kind) for e in _rows(seeded_engine, row.id)[-2:]] == [(last + 1, "note_added"),
                                                                           (last + 2, "sla_breached")]


def _rows(engine: Engine, case_id: str) -> list[CaseEventRow]:
    with Session(engine) as session:
        return list(session.exec(select(CaseEventRow).where(CaseEventRow.case_id == case_id)
                                 .order_by(col(CaseEventRow.seq))))
