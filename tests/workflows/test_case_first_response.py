"""A conversation that starts with the brand's own post, on Temporal's time-skipping server (issue 16): the
case, its first-response SLA and its measures, and the conversation's row, all count from the customer's
mention, never from the announcement it answers.

The demo flow's "normal" policy (24/7): first response 4 h.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlmodel import Session, select
from temporalio import activity
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.worker import Replayer

from activities.connectors.base import PushOnly, Sent
from engine.messages import (
    ADD_MENTION_SIGNAL,
    CASE_WORKFLOW,
    CLOSE_UPDATE,
    REPLY_UPDATE,
    CaseInput,
    CaseView,
    CloseInput,
    ReplyInput,
)
from engine.models import Mention as EngineMention
from store.cases import Case
from store.conversations import Conversation
from store.flows import active_flow
from store.mentions import Mention
from tests.harness.cases import Stack, case_stack, case_where, ended, eventually, workflow_handle
from workflows.worker import WORKFLOWS, sandbox_runner

BILLING = "I was charged twice for my order, please refund"  # demo flow: needs a response, normal priority


class SentOnTheWorkflowClock(PushOnly):
    """A social API whose replies go out at the time-skipping server's time, like the case's own clock."""

    def send_reply(self, **kwargs: Any) -> Sent:
        return Sent(external_id=f"reply-{kwargs['reply'].reply_id}", at=activity.info().current_attempt_scheduled_time)


@pytest.fixture
async def stack(time_skipping_env, seeded_engine) -> AsyncIterator[Stack]:  # type: ignore[no-untyped-def]
    async with case_stack(time_skipping_env.client, seeded_engine,
                          connectors={"webhook": SentOnTheWorkflowClock()}) as stack:
        yield stack


def written(stack: Stack, mention_id: str) -> datetime:
    with Session(stack.engine) as session:
        mention = session.get(Mention, mention_id)
        assert mention is not None
        return mention.created_at


def conversation(stack: Stack, conversation_id: str) -> Conversation | None:
    with Session(stack.engine) as session:
        return session.get(Conversation, conversation_id)


async def test_a_reply_to_our_announcement_is_measured_from_the_customers_mention(stack, time_skipping_env) -> None:
    env, engine, run = time_skipping_env, stack.engine, uuid.uuid4().hex[:8]
    assert await stack.ingest(external_id=f"{run}-post", author="@acme", text="Our new plan is out today!",
                              outbound=True, on_workflow_clock=True) == ""  # our own post opens nothing

    await env.sleep(timedelta(minutes=10))
    case_id = await stack.ingest(external_id=f"{run}-q", reply_to_id=f"{run}-post", text=BILLING,
                                 on_workflow_clock=True)
    posted, asked = written(stack, f"twitter:{run}-post"), written(stack, f"twitter:{run}-q")
    assert asked - posted == pytest.approx(timedelta(minutes=10), abs=timedelta(seconds=1))
    row = await eventually(lambda: case_where(engine, case_id, status="assigned"), what="assignment")
    # The case opens at the customer's mention, and its first-response SLA counts from it: 4 h after 9:10, not 9:00.
    assert row.conversation_id == f"twitter:{run}-post"
    assert row.opened_at == asked != posted
    assert row.sla_due_at == datetime.fromisoformat(row.sla["first_response"]["due_at"]) == asked + timedelta(hours=4)

    await env.sleep(timedelta(minutes=5))
    handle = workflow_handle(env.client, row.workflow_id, case_id, result_type=CaseView)
    view = await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id=f"{run}-r1", agent_id=row.assignee_id,
                                                                text="Sorry! Refunded."), result_type=CaseView)
    assert view.first_response_at - asked == pytest.approx(timedelta(minutes=5), abs=timedelta(seconds=1))
    assert view.sla["first_response"]["status"] == "met"
    assert view.sla["first_response"]["consumed_seconds"] == pytest.approx(300, abs=1)
    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=row.assignee_id), result_type=CaseView)
    final = await ended(env, handle)
    assert final.measures is not None and final.measures.first_response_seconds == pytest.approx(300, abs=1)

    # The read side shows the same: the case row, and the conversation (in the conversation list).
    closed = await eventually(lambda: case_where(engine, case_id, status="closed"), what="the closed row")
    assert closed.first_response_seconds == pytest.approx(300, abs=1)
    assert closed.sla_outcomes["first_response"] == "met"
    thread = conversation(stack, row.conversation_id)
    assert thread is not None and (thread.inbound_count, thread.outbound_count) == (1, 2)
    assert thread.first_at == posted and thread.first_response_from == asked
    assert thread.first_response_seconds == pytest.approx(300, abs=1)
    with Session(engine) as session:
        assert session.exec(select(Case).where(Case.conversation_id == row.conversation_id)).all() == [closed]


async def test_an_older_case_opened_by_praise_measures_from_the_mention_that_needed_a_response(
        stack, time_skipping_env) -> None:
    """A case started before decisions moved to ingest classifies its first mention itself: praise closes it at
    once, and a complaint in its reopen window reopens it. Its first response runs from the complaint (as its
    first-response SLA clock does), not from the praise that opened it (patch first-response-from-needing)."""
    env, engine, run = time_skipping_env, stack.engine, uuid.uuid4().hex[:8]
    with Session(engine) as session:
        flow = active_flow(session=session)
        assert flow is not None

    def mention(external_id: str, text: str, at: datetime) -> EngineMention:
        return EngineMention(id=f"twitter:{external_id}", source="twitter", external_id=external_id,
                             conversation_id=f"twitter:{run}", author=f"@legacy-{run}", text=text, created_at=at,
                             received_at=at)

    handle = await env.client.start_workflow(
        CASE_WORKFLOW, CaseInput(conversation_id=f"twitter:{run}", flow_version=flow.id,
                                 carried_mentions=[mention(run, "Love the new app, thanks!", await stack.now())]),
        id=f"case-twitter:{run}", task_queue=stack.task_queue, result_type=CaseView)
    stack.workflow_ids.add(handle.id)
    case_id = handle.result_run_id
    assert case_id is not None
    opened = await eventually(lambda: case_where(engine, case_id, status="closed"), what="praise closed at once")
    assert opened.close_reason == "no_action"

    await env.sleep(timedelta(minutes=20))
    await handle.signal(ADD_MENTION_SIGNAL, mention(f"{run}-q", BILLING, await stack.now()))
    row = await eventually(lambda: case_where(engine, case_id, status="assigned"), what="reopened and assigned")
    reopened = datetime.fromisoformat(row.sla["first_response"]["due_at"]) - timedelta(hours=4)
    assert reopened - row.opened_at >= timedelta(minutes=20)  # the SLA clock started at the complaint

    await env.sleep(timedelta(minutes=6))
    await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id=f"{run}-r1", agent_id=row.assignee_id,
                                                         text="Sorry! Refunded."), result_type=CaseView)
    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=row.assignee_id), result_type=CaseView)
    closed = await eventually(lambda: case_where(engine, case_id, status="closed", reopen_count=1,
                                                 close_reason="resolved"), what="the second close")
    # Real seconds pass between the skipped sleeps (polls, updates; more on a loaded CI machine), so the bounds
    # allow 30 s: far from the 20 minutes that tell the two starts apart.
    assert closed.first_response_seconds == pytest.approx(6 * 60, abs=30)  # not 26 minutes, from the praise
    assert closed.resolution_seconds == pytest.approx(26 * 60, abs=30)  # the case's resolution keeps its opening

    # Its history so far (in its reopen window), with the patch's marker, replays against the same code.
    history = await handle.fetch_history()
    markers = [e.marker_recorded_event_attributes for e in history.events
               if e.HasField("marker_recorded_event_attributes")]
    patches = [json.loads(m.details["patch-data"].payloads[0].data)["id"] for m in markers
               if m.marker_name == "core_patch"]
    assert "first-response-from-needing" in patches
    await Replayer(workflows=WORKFLOWS, data_converter=pydantic_data_converter,
                   workflow_runner=sandbox_runner()).replay_workflow(history)
