"""What a case shows of its SLA on the read side as the case goes (issue 15): "SLA due" follows whichever
clock runs (first response, then resolution, then a next response), none while waiting on the customer or
once closed; and a case closed with no reply never counts its first response met.

The demo flow's "normal" policy (24/7): first and next response 4 h, resolution 72 h.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest

from engine.messages import CLOSE_UPDATE, PENDING_UPDATE, REPLY_UPDATE, CaseView, CloseInput, PendingInput, ReplyInput
from store.cases import Case
from tests.harness.cases import Stack, case_row, case_stack, case_where, eventually, workflow_handle

BILLING = "I was charged twice for my order, please refund"  # demo flow: needs response, priority normal


@pytest.fixture
async def stack(time_skipping_env, seeded_engine):  # type: ignore[no-untyped-def]
    async with case_stack(time_skipping_env.client, seeded_engine) as stack:
        yield stack


def due(row: Case, target: str) -> datetime | None:
    at = row.sla[target]["due_at"]
    return None if at is None else datetime.fromisoformat(at)


async def _assigned(stack: Stack, **ingest: str) -> tuple[str, Case]:
    case_id = await stack.ingest(text=BILLING, **ingest)
    row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
    return case_id, row


async def test_sla_due_follows_the_running_clocks_through_replies_and_waits(stack, time_skipping_env) -> None:
    env, engine = time_skipping_env, stack.engine
    root = uuid.uuid4().hex[:8]
    case_id, row = await _assigned(stack, external_id=root)
    assert row.sla_due_at == due(row, "first_response") == row.opened_at + timedelta(hours=4)
    handle = workflow_handle(env.client, row.workflow_id, case_id, result_type=CaseView)

    # The first reply meets the first response: the resolution is what is due now, not nothing.
    await env.sleep(timedelta(minutes=30))
    await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=row.assignee_id, text="On it"),
                                result_type=CaseView)
    row = await eventually(lambda: case_where(engine, case_id, reply_count=1), what="the reply saved")
    assert row.sla["first_response"]["status"] == "met"
    assert row.sla_due_at is not None
    assert row.sla_due_at == due(row, "resolution") == row.opened_at + timedelta(hours=72)

    # The customer writes again: the next response (4 h from now) comes before the resolution.
    await env.sleep(timedelta(minutes=30))
    assert await stack.ingest(external_id=root + "-re", reply_to_id=root, text="Still no refund") == case_id
    row = await eventually(lambda: case_where(engine, case_id, mention_count=2), what="the follow-up")
    assert row.sla["next_response"]["status"] == "running"
    assert row.sla_due_at == due(row, "next_response") < due(row, "resolution")
    assert row.sla_due_at - row.opened_at == pytest.approx(timedelta(hours=5), abs=timedelta(seconds=5))

    # Waiting on the customer pauses every clock: nothing is due.
    await handle.execute_update(PENDING_UPDATE, PendingInput(agent_id=row.assignee_id), result_type=CaseView)
    row = await eventually(lambda: case_where(engine, case_id, status="pending"), what="waiting on the customer")
    assert row.sla_due_at is None
    assert {row.sla[t]["status"] for t in ("next_response", "resolution")} == {"paused"}

    # Back to work, then closed: the closed case has nothing due, and its outcomes say how each target ended.
    await handle.execute_update(PENDING_UPDATE, PendingInput(agent_id=row.assignee_id, waiting=False),
                                result_type=CaseView)
    row = await eventually(lambda: case_where(engine, case_id, status="assigned"), what="back to work")
    assert row.sla_due_at == due(row, "next_response")
    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=row.assignee_id), result_type=CaseView)
    row = await eventually(lambda: case_where(engine, case_id, status="closed"), what="the close")
    assert row.sla_due_at is None
    assert row.sla_outcomes == {"first_response": "met", "next_response": "closed_without_response",
                                "resolution": "met"}


@pytest.mark.parametrize(("closed_after", "first_response"), [
    (timedelta(minutes=10), "closed_without_response"),
    (timedelta(hours=4, minutes=1), "breached"),
])
async def test_a_case_closed_without_a_reply_never_meets_its_first_response(
        stack, time_skipping_env, closed_after: timedelta, first_response: str) -> None:
    env, engine = time_skipping_env, stack.engine
    case_id, row = await _assigned(stack)
    await env.sleep(closed_after)
    assignee = case_row(engine, case_id).assignee_id or row.assignee_id
    handle = workflow_handle(env.client, row.workflow_id, case_id, result_type=CaseView)
    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=assignee, reason="spam"), result_type=CaseView)
    row = await eventually(lambda: case_where(engine, case_id, status="closed"), what="the close")
    assert row.reply_count == 0 and row.first_response_at is None
    assert row.sla_outcomes["first_response"] == first_response
    assert row.sla_outcomes["resolution"] == "met"
    assert row.sla_due_at is None
