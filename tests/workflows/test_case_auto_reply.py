"""Auto-replies, on Temporal's time-skipping server (issue 16's auto-response statistics need them first): a
mention matching the flow's triage `auto_reply` rule gets its canned reply once per case, sent as "system" through
the connector like an agent's reply, written to the timeline as `auto_replied`; it is no first response, which
still runs to the agent's reply. A connector that keeps failing is retried, then recorded; the case goes on.

The demo flow's "normal" policy (24/7): first response 4 h.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import Session, select
from temporalio import activity
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.worker import Replayer

from activities.connectors.base import PushOnly, Sent
from api.demo import default_flow
from api.flows.service import publish_flow
from engine.messages import CLOSE_UPDATE, REPLY_UPDATE, VIEW_QUERY, CaseView, CloseInput, ReplyInput
from store.canned_replies import create_canned_reply
from store.case_events import CaseEvent
from store.conversations import Conversation
from store.db import session_scope
from store.mentions import Mention
from tests.harness.cases import Stack, case_stack, case_where, ended, event_kinds, eventually, workflow_handle
from workflows.worker import WORKFLOWS, sandbox_runner

BILLING = "I was charged twice for my order, please refund"  # demo flow: billing, needs a response, normal
FOLLOW_UP = "Still waiting on that refund, is anyone there?"


class RecordingConnector(PushOnly):
    """A social API that records what it was asked to send, at the time-skipping server's time."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, str]] = []  # (reply id, author, text)

    def send_reply(self, **kwargs: Any) -> Sent:
        reply = kwargs["reply"]
        self.sent.append((reply.reply_id, reply.agent_id, reply.text))
        return Sent(external_id=f"reply-{reply.reply_id}", at=activity.info().current_attempt_scheduled_time)


class DownForAutoReplies(RecordingConnector):
    """The social API refuses every auto-reply (a rate limit that does not lift); agents' replies go out."""

    def __init__(self) -> None:
        super().__init__()
        self.refused = 0

    def send_reply(self, **kwargs: Any) -> Sent:
        if kwargs["reply"].agent_id == "system":
            self.refused += 1
            raise RuntimeError("429 Too Many Requests")
        return super().send_reply(**kwargs)


def with_auto_reply(engine: Any) -> None:
    """A canned reply, and the demo flow answering billing mentions with it (published and active)."""
    doc = default_flow()
    doc["nodes"][2]["content"]["auto_reply"] = {"when": {"in": ["billing", {"var": "tags"}]},
                                                "canned_reply_id": "billing-received"}
    with session_scope(engine) as session:
        create_canned_reply(session, title="Billing received", text="Hi {{customer.name}}, we got your billing "
                            "question ({{case.id}}) and will answer soon. {{agent.name}}", team_id=None, channels=[],
                            actor="lead", now=datetime.now(UTC))
        publish_flow(session=session, name="auto-reply", document=doc, check_teams=True)


@pytest.fixture
def connector(request: pytest.FixtureRequest) -> RecordingConnector:
    """A recording connector, or a new one of the class a test asks for by indirect parametrization (a fresh one
    for each database, so counts do not carry over)."""
    return getattr(request, "param", RecordingConnector)()


@pytest.fixture
async def stack(time_skipping_env, seeded_engine, connector) -> AsyncIterator[Stack]:  # type: ignore[no-untyped-def]
    with_auto_reply(seeded_engine)
    async with case_stack(time_skipping_env.client, seeded_engine, connectors={"webhook": connector}) as stack:
        yield stack


def timeline(stack: Stack, case_id: str, kind: str) -> list[CaseEvent]:
    with Session(stack.engine) as session:
        return list(session.exec(select(CaseEvent).where(CaseEvent.case_id == case_id, CaseEvent.kind == kind)))


def mention_row(stack: Stack, mention_id: str) -> Mention:
    with Session(stack.engine) as session:
        row = session.get(Mention, mention_id)
        assert row is not None
        return row


async def test_a_matching_mention_is_auto_replied_once_and_the_first_response_waits_for_the_agent(
        stack, time_skipping_env, connector) -> None:
    env, engine, run = time_skipping_env, stack.engine, uuid.uuid4().hex[:8]
    author = f"@jane_{run}"
    case_id = await stack.ingest(external_id=f"{run}-q", author=author, text=BILLING, on_workflow_clock=True)
    asked = mention_row(stack, f"twitter:{run}-q").created_at
    [auto] = await eventually(lambda: timeline(stack, case_id, "auto_replied"), what="the auto-reply")
    assert auto.actor == "system"
    assert auto.detail["canned_reply_id"] == "billing-received" and auto.detail["reply_id"] == f"auto-{case_id}"
    # Sent through the connector, as "system", its variables filled (the handle without its @, the case id).
    assert connector.sent == [(f"auto-{case_id}", "system", f"Hi jane_{run}, we got your billing question "
                                                            f"({case_id}) and will answer soon. the support team")]
    reply = mention_row(stack, auto.detail["mention_id"])
    assert (reply.direction, reply.author, reply.case_id) == ("outbound", "system", case_id)
    row = await eventually(lambda: case_where(engine, case_id, auto_reply_id="billing-received"), what="the row")
    assert row.first_response_at is None and row.reply_count == 0
    assert row.sla["first_response"]["status"] == "running"

    # The customer writes again: the mention joins the case, and no second auto-reply goes out.
    await env.sleep(timedelta(minutes=2))
    assert await stack.ingest(external_id=f"{run}-q2", author=author, text=FOLLOW_UP,
                              on_workflow_clock=True) == case_id
    await eventually(lambda: event_kinds(engine, case_id).count("mention_added") == 2, what="the follow-up joined")

    # The agent answers 5 minutes after the customer's first mention: that is the first response, not the auto-reply.
    await env.sleep(timedelta(minutes=3))
    handle = workflow_handle(env.client, row.workflow_id, case_id, result_type=CaseView)
    view = await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id=f"{run}-r1", agent_id=row.assignee_id,
                                                                text="Sorry! Refunded."), result_type=CaseView)
    assert view.first_response_at - asked == pytest.approx(timedelta(minutes=5), abs=timedelta(seconds=1))
    assert view.sla["first_response"]["status"] == "met"
    assert view.sla["first_response"]["consumed_seconds"] == pytest.approx(300, abs=1)
    assert (view.reply_count, view.auto_reply_id) == (1, "billing-received")
    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=row.assignee_id), result_type=CaseView)
    final = await ended(env, handle)
    assert final.measures is not None and final.measures.first_response_seconds == pytest.approx(300, abs=1)
    assert [sent[0] for sent in connector.sent] == [f"auto-{case_id}", f"{run}-r1"]
    assert len(timeline(stack, case_id, "auto_replied")) == 1

    closed = await eventually(lambda: case_where(engine, case_id, status="closed"), what="the closed row")
    assert closed.first_response_seconds == pytest.approx(300, abs=1)
    assert closed.sla_outcomes["first_response"] == "met"
    with Session(engine) as session:
        thread = session.get(Conversation, closed.conversation_id)
    assert thread is not None and thread.outbound_count == 2
    assert thread.first_response_seconds == pytest.approx(300, abs=1)  # the conversation's row skips it too

    # The history, with the patch's marker, replays against the same code.
    history = await handle.fetch_history()
    markers = [e.marker_recorded_event_attributes for e in history.events
               if e.HasField("marker_recorded_event_attributes")]
    assert "auto-reply" in [json.loads(m.details["patch-data"].payloads[0].data)["id"] for m in markers
                            if m.marker_name == "core_patch"]
    await Replayer(workflows=WORKFLOWS, data_converter=pydantic_data_converter,
                   workflow_runner=sandbox_runner()).replay_workflow(history)


async def test_a_mention_not_matching_the_rule_gets_no_auto_reply(stack, connector) -> None:
    case_id = await stack.ingest(text="Is the app down? Nothing loads, help", on_workflow_clock=True)
    row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
    assert "billing" not in row.tags
    assert "auto_replied" not in event_kinds(stack.engine, case_id) and connector.sent == []
    assert row.auto_reply_id is None


@pytest.mark.parametrize("connector", [DownForAutoReplies], ids=["down"], indirect=True)
async def test_a_failing_auto_reply_is_retried_then_recorded_and_the_case_goes_on(
        stack, time_skipping_env, connector) -> None:
    env, engine, run = time_skipping_env, stack.engine, uuid.uuid4().hex[:8]
    case_id = await stack.ingest(external_id=f"{run}-q", text=BILLING, on_workflow_clock=True)
    row = await eventually(lambda: case_where(engine, case_id, status="assigned"), what="assignment")
    async with env.time_skipping_unlocked():
        [failed] = await eventually(lambda: timeline(stack, case_id, "auto_reply_failed"), what="the failure",
                                    timeout=30)
    assert connector.refused == failed.detail["attempts"] == 5  # the activity's retry policy, then given up
    assert failed.detail["canned_reply_id"] == "billing-received" and "429" in failed.detail["error"]
    assert "auto_replied" not in event_kinds(engine, case_id)
    handle = workflow_handle(env.client, row.workflow_id, case_id, result_type=CaseView)
    holder = (await handle.query(VIEW_QUERY, result_type=CaseView)).assignee_id  # time skipped while retrying
    view = await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id=f"{run}-r1", agent_id=holder,
                                                                text="Sorry! Refunded.", close=True),
                                       result_type=CaseView)
    assert view.status == "closed" and view.auto_reply_id is None and view.first_response_at is not None
    assert connector.sent == [(f"{run}-r1", holder, "Sorry! Refunded.")]
