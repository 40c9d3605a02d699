"""Delivering stored mentions to their case workflows (discovery stores them: store.ingest).

A mention is committed before its workflow gets it, and marked dispatched only after; a failure in
between leaves it stored and undispatched, and posting it again (or the redelivery at start-up)
delivers it. Nothing is lost.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass, field

from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine, update
from sqlmodel import col, select
from temporalio.client import Client
from temporalio.common import WorkflowIDConflictPolicy
from temporalio.exceptions import WorkflowAlreadyStartedError
from temporalio.service import RPCError, RPCStatusCode

from engine.messages import ADD_MENTION_SIGNAL, CASE_WORKFLOW, CaseInput
from engine.models import Direction, case_workflow_id
from engine.models import Mention as MentionMessage
from store.db import session_scope
from store.flows import active_flow
from store.mentions import Mention
from store.sources import Source


class NoActiveFlow(RuntimeError):
    pass


class UnknownSource(LookupError):
    pass


def require_source(engine: Engine, source: str) -> Source:
    """The enabled connector instance named `source`; UnknownSource if there is none."""
    with session_scope(engine, write=False) as session:
        row = session.get(Source, source)
    if row is None or not row.enabled:
        raise UnknownSource(source)
    return row


async def deliver(temporal: Client, task_queue: str, flow: str, messages: list[MentionMessage]) -> str:
    """Start the conversation's case with the mentions as its input, or signal them, in order, to the case
    already running; returns the case id.

    A plain start (not signal-with-start) lets a worker in this process take the first workflow task
    eagerly, in the start's own response: the case is classified and routed without a round trip
    through the server's task queue (the dev server's matching is a large part of ingest latency).
    """
    conversation = messages[0].conversation_id
    workflow_id = case_workflow_id(conversation)
    for _ in range(5):
        try:
            handle = await temporal.start_workflow(
                CASE_WORKFLOW, CaseInput(conversation_id=conversation, flow_version=flow,
                                         carried_mentions=list(messages)),
                id=workflow_id, task_queue=task_queue, id_conflict_policy=WorkflowIDConflictPolicy.FAIL,
                request_eager_start=True)
            return handle.result_run_id or handle.run_id or ""
        except WorkflowAlreadyStartedError as running:
            try:
                handle = temporal.get_workflow_handle(workflow_id, run_id=running.run_id)
                for message in messages:
                    await handle.signal(ADD_MENTION_SIGNAL, message)
                return running.run_id or ""
            except RPCError as exc:
                if exc.status != RPCStatusCode.NOT_FOUND:
                    raise
                # That run finished between the two calls: start the conversation's next case.
    raise RuntimeError(f"could not deliver {messages[0].id} to {workflow_id}: its case kept finishing")


def _active_flow_id(engine: Engine) -> str | None:
    with session_scope(engine, write=False) as session:
        flow = active_flow(session=session)
        return flow.id if flow is not None else None


# Deliveries in flight at once: enough to overlap round trips, few enough not to storm Temporal.
DELIVERY_CONCURRENCY = 16


@dataclass
class Delivered:
    case_ids: dict[str, str] = field(default_factory=dict)  # mention id -> case id
    failed: dict[str, str] = field(default_factory=dict)  # mention id -> why (stored undispatched)


async def deliver_all(*, engine: Engine, temporal: Client, task_queue: str, flow: str,
                      messages: list[MentionMessage]) -> Delivered:
    """Deliver mentions to their cases, each conversation's in order and conversations side by side, then
    record where each went. A conversation that fails stays undispatched: the next start-up retries it."""
    by_conversation: dict[str, list[MentionMessage]] = defaultdict(list)
    for message in messages:
        by_conversation[message.conversation_id].append(message)
    result = Delivered()
    gate = asyncio.Semaphore(DELIVERY_CONCURRENCY)

    async def one(batch: list[MentionMessage]) -> None:
        async with gate:
            try:
                case_id = await deliver(temporal, task_queue, flow, batch)
            except Exception as exc:  # noqa: BLE001 - kept as undispatched, reported to the caller
                result.failed.update(dict.fromkeys((m.id for m in batch), f"{type(exc).__name__}: {exc}"))
                return
            result.case_ids.update(dict.fromkeys((m.id for m in batch), case_id))

    await asyncio.gather(*(one(batch) for batch in by_conversation.values()))
    if result.case_ids:
        await run_in_threadpool(mark_dispatched, engine, result.case_ids)
    return result


def mark_dispatched(engine: Engine, case_ids: dict[str, str]) -> None:
    """Record which case each delivered mention went to (the case's own save confirms it later)."""
    by_case: dict[str, list[str]] = defaultdict(list)
    for mention, case in case_ids.items():
        by_case[case].append(mention)
    with session_scope(engine) as session:
        for case, mentions in by_case.items():
            session.execute(update(Mention).where(col(Mention.id).in_(mentions)).values(dispatched=True, case_id=case))


async def redispatch_pending(*, engine: Engine, temporal: Client, task_queue: str, limit: int = 1000) -> int:
    """Deliver mentions stored but never handed to their workflow (e.g. Temporal was down); returns how many."""
    pending = await run_in_threadpool(_undispatched, engine, limit)
    if not pending:
        return 0
    delivered = await deliver_stored(engine=engine, temporal=temporal, task_queue=task_queue, rows=pending)
    if delivered.failed:
        raise RuntimeError(f"{len(delivered.failed)} of {len(pending)} stored mentions are still undelivered: "
                           f"{next(iter(delivered.failed.values()))}")
    return len(pending)


async def deliver_stored(*, engine: Engine, temporal: Client, task_queue: str, rows: list[Mention]) -> Delivered:
    """Deliver stored mentions with the active flow (see deliver_all)."""
    flow = await run_in_threadpool(_active_flow_id, engine)
    if flow is None:
        raise NoActiveFlow("no flow is active; publish one before taking in mentions")
    return await deliver_all(engine=engine, temporal=temporal, task_queue=task_queue, flow=flow,
                             messages=[MentionMessage.model_validate(row.model_dump()) for row in rows])


def _undispatched(engine: Engine, limit: int) -> list[Mention]:
    with session_scope(engine, write=False) as session:
        return list(session.exec(select(Mention).where(~col(Mention.dispatched),
                                                       Mention.direction == Direction.inbound)
                                 .order_by(col(Mention.created_at)).limit(limit)).all())
