"""The outbox: a mention accepted with a 2xx has its case at once, and reaches the case's workflow
through Temporal being down, a relay that crashes between Temporal's acknowledgement and its own
bookkeeping, and an action on the case before its workflow started. SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, col, select
from temporalio.client import Client

from api.cases.workflows import CaseWorkflows
from engine.messages import CLAIM_UPDATE, CaseView, ClaimInput
from store.cases import Case
from store.incoming import IncomingMention
from store.ingest import store_batch
from store.mentions import Mention
from store.outbox import OutboxEntry
from store.relay import YIELD_BATCH, OutboxRelay
from tests.harness.cases import Stack, api_client, case_where, event_kinds, eventually, workflow_handle

TEXT = "@acme I was charged twice, I need a refund"


def _message(author: str | None = None) -> IncomingMention:
    return IncomingMention(external_id=uuid.uuid4().hex[:12], author=author or f"@c-{uuid.uuid4().hex[:6]}",
                           text=TEXT, created_at=datetime.now(UTC))


def _entries(stack: Stack) -> list[OutboxEntry]:
    with Session(stack.engine) as session:
        return list(session.exec(select(OutboxEntry).order_by(col(OutboxEntry.id))).all())


def _mention(stack: Stack, mention_id: str) -> Mention:
    with Session(stack.engine) as session:
        row = session.get(Mention, mention_id)
    assert row is not None
    return row


async def _unreachable_temporal() -> Client:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return await Client.connect(f"127.0.0.1:{port}", lazy=True)


async def test_a_mention_accepted_while_temporal_is_down_has_its_case_and_reaches_its_workflow_later(
        stack: Stack) -> None:
    message = _message().to_message("twitter", datetime.now(UTC))
    stored = store_batch(engine=stack.engine, mentions=[message])
    case_id = stored.cases[message.id]
    assert case_id is not None
    # Decided in the transaction: queue, priority, SLA and agent, with the evidence, before any workflow runs.
    case = case_where(stack.engine, case_id, status="assigned")
    assert case is not None and case.assignee_id in {"ada", "grace", "linus"} and case.sla_due_at is not None
    assert event_kinds(stack.engine, case_id)[:4] == ["mention_added", "tagged", "triaged", "routed"]
    assert not _mention(stack, message.id).dispatched

    down = OutboxRelay(engine=stack.engine, temporal=await _unreachable_temporal(), task_queue=stack.task_queue)
    await down._tell(down._due())  # noqa: SLF001 - one round, against a Temporal that does not answer
    [entry] = [e for e in _entries(stack) if e.case_id == case_id]
    assert entry.kind == "start" and entry.attempts == 1 and entry.last_error and entry.next_attempt_at
    health = await down.backlog()
    assert health.entries >= 1 and health.failing >= 1 and health.last_error

    await stack.relay().drain()  # Temporal answers again: the retry goes through
    assert [e for e in _entries(stack) if e.case_id == case_id] == []
    assert _mention(stack, message.id).dispatched
    view = await workflow_handle(stack.client, case.workflow_id, case_id).query("view", result_type=CaseView)
    assert view.case_id == case_id and view.assignee_id == case.assignee_id and view.mention_ids == [message.id]
    stack.workflow_ids.add(case.workflow_id)


class _CrashAfterTelling(OutboxRelay):
    """A relay that dies once between Temporal's acknowledgement and deleting the entries it told."""

    crashed = False

    def _finish(self, told, failed) -> None:  # type: ignore[no-untyped-def]
        if not self.crashed and told:
            self.crashed = True
            raise RuntimeError("killed between the acknowledgement and the bookkeeping")
        super()._finish(told, failed)


async def test_a_relay_that_dies_after_temporal_acknowledged_tells_again_and_nothing_is_doubled(
        stack: Stack) -> None:
    author = f"@c-{uuid.uuid4().hex[:6]}"
    first = _message(author).to_message("twitter", datetime.now(UTC))
    case_id = store_batch(engine=stack.engine, mentions=[first]).cases[first.id]
    crashing = _CrashAfterTelling(engine=stack.engine, temporal=stack.client, task_queue=stack.task_queue)
    with pytest.raises(RuntimeError, match="killed between"):
        await crashing._tell(crashing._due())  # noqa: SLF001
    assert [e.kind for e in _entries(stack) if e.case_id == case_id] == ["start"]  # kept: told again

    follow_up = _message(author).to_message("twitter", datetime.now(UTC) + timedelta(seconds=1))
    assert store_batch(engine=stack.engine, mentions=[follow_up]).cases[follow_up.id] == case_id  # joins it
    await stack.relay().drain()
    assert [e for e in _entries(stack) if e.case_id == case_id] == []
    case = await eventually(lambda: case_where(stack.engine, case_id, mention_count=2), what="both mentions")
    stack.workflow_ids.add(case.workflow_id)
    kinds = event_kinds(stack.engine, case_id)
    assert kinds.count("mention_added") == 2 and kinds.count("assigned") == 1  # started once, follow-up once
    conversation = _mention(stack, first.id).conversation_id
    with Session(stack.engine) as session:
        assert session.exec(select(Case.id).where(Case.conversation_id == conversation)).all() == [case_id]


class _CountingRounds(OutboxRelay):
    rounds: list[int]

    async def _tell(self, entries):  # type: ignore[no-untyped-def]
        self.rounds.append(len(entries))
        return await super()._tell(entries)


async def test_the_relay_trickles_while_ingest_is_saturated_and_drains_at_full_pace_after(stack: Stack) -> None:
    messages = [_message().to_message("twitter", datetime.now(UTC)) for _ in range(6 * YIELD_BATCH)]
    cases = store_batch(engine=stack.engine, mentions=messages).cases
    saturated = True
    relay = _CountingRounds(engine=stack.engine, temporal=stack.client, task_queue=stack.task_queue,
                            yield_to=lambda: saturated)
    relay.rounds = []
    running = asyncio.create_task(relay.run())
    try:
        await eventually(lambda: len(relay.rounds) >= 2 or None, what="two rounds while ingest is saturated")
        assert relay.rounds[:2] == [YIELD_BATCH, YIELD_BATCH] and relay.stats.yielded >= 1  # trickling, not stopped
        saturated = False
        await eventually(lambda: not [e for e in _entries(stack) if e.case_id in set(cases.values())] or None,
                         what="the rest told once ingest has room")
        assert max(relay.rounds) > YIELD_BATCH  # the rest went in one full round
    finally:
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running
    for message in messages:
        assert _mention(stack, message.id).dispatched
    with Session(stack.engine) as session:
        stack.workflow_ids.update(session.exec(select(Case.workflow_id).where(
            col(Case.id).in_(list(cases.values())))).all())


async def test_a_case_acted_on_before_its_workflow_started_starts_it_then_takes_the_action(stack: Stack) -> None:
    message = _message().to_message("twitter", datetime.now(UTC))
    case_id = store_batch(engine=stack.engine, mentions=[message]).cases[message.id]
    with Session(stack.engine) as session:
        case = session.get(Case, case_id)
    assert case is not None and case.assignee_id is not None
    stack.workflow_ids.add(case.workflow_id)
    idle = OutboxRelay(engine=stack.engine, temporal=stack.client, task_queue=stack.task_queue)  # not running
    view = await CaseWorkflows(stack.client, idle).update(case, CLAIM_UPDATE, ClaimInput(agent_id=case.assignee_id),
                                                         timeout=timedelta(seconds=20))
    assert view.claimed_by == case.assignee_id
    assert [e for e in _entries(stack) if e.case_id == case_id] == []


async def test_health_and_metrics_show_the_outbox(stack: Stack) -> None:
    async with api_client(stack, user=None) as http:
        health = (await http.get("/api/health")).json()
        assert health["status"] == "ok" and set(health["outbox"]) == {"backlog", "lag_seconds", "failing",
                                                                      "last_error"}
        assert health["deadlines"] == {"overdue": 0, "lag_seconds": 0.0}
        metrics = (await http.get("/api/metrics")).text
    assert "switchboard_outbox_backlog " in metrics and "switchboard_outbox_lag_seconds " in metrics
    assert "switchboard_deadlines_overdue 0" in metrics and "switchboard_deadlines_projected_total " in metrics


async def test_start_up_fails_loudly_when_the_polling_schedules_cannot_be_set(stack: Stack, monkeypatch) -> None:
    async def broken(**_: object) -> int:
        raise RuntimeError("the schedule service refused")

    monkeypatch.setattr("api.app.sync_schedules", broken)
    with pytest.raises(RuntimeError, match="the schedule service refused"):
        async with api_client(stack):
            pass
