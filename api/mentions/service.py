"""Taking in one mention: dedupe, thread, store, then hand it to its case workflow.

The mention is committed before the workflow is signalled, and marked
dispatched only after; a failure in between leaves it stored and undispatched,
and posting it again (or the redispatch at start-up) delivers it. Nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from temporalio.client import Client
from temporalio.common import WorkflowIDConflictPolicy
from temporalio.exceptions import WorkflowAlreadyStartedError
from temporalio.service import RPCError, RPCStatusCode

from api.db import session_scope
from api.flows.service import active_flow
from api.mentions.models import Mention
from api.sources import Source
from engine.messages import ADD_MENTION_SIGNAL, CASE_WORKFLOW, CaseInput
from engine.models import Direction, case_workflow_id, mention_id
from engine.models import Mention as MentionMessage


@dataclass(frozen=True)
class IncomingMention:
    source: str
    external_id: str
    author: str
    text: str
    created_at: datetime
    reply_to_id: str | None


@dataclass(frozen=True)
class Ingested:
    mention: Mention
    duplicate: bool


class NoActiveFlow(RuntimeError):
    pass


class UnknownSource(LookupError):
    pass


def store_mention(*, engine: Engine, incoming: IncomingMention) -> Ingested:
    """Store a mention once per (source, external id), threaded into its conversation.

    Raises UnknownSource, storing nothing, when the source is not an enabled connector.
    """
    ident = mention_id(incoming.source, incoming.external_id)
    with session_scope(engine) as session:
        source = session.get(Source, incoming.source)
        if source is None or not source.enabled:
            raise UnknownSource(incoming.source)
        existing = session.get(Mention, ident)
        if existing is not None:
            return Ingested(existing, duplicate=True)
        conversation_id = ident
        if incoming.reply_to_id:
            parent = session.get(Mention, mention_id(incoming.source, incoming.reply_to_id))
            if parent is not None:
                conversation_id = parent.conversation_id
        row = Mention(id=ident, source=incoming.source, external_id=incoming.external_id,
                      conversation_id=conversation_id, author=incoming.author, text=incoming.text,
                      created_at=incoming.created_at, received_at=datetime.now(UTC),
                      reply_to_id=incoming.reply_to_id, direction=Direction.inbound)
        session.add(row)
        try:
            session.flush()
        except IntegrityError:
            # The same mention raced in through another request: that one stored it.
            session.rollback()
            return Ingested(session.get(Mention, ident), duplicate=True)  # type: ignore[arg-type]
    return Ingested(row, duplicate=False)


async def dispatch_mention(*, engine: Engine, temporal: Client, task_queue: str, mention: Mention) -> str:
    """Signal the conversation's case workflow (starting it if needed); returns the case id."""
    flow = await run_in_threadpool(_active_flow_id, engine)  # the event loop never waits on the DB
    if flow is None:
        raise NoActiveFlow("no flow is active; publish one before taking in mentions")
    message = MentionMessage.model_validate(mention.model_dump())
    case_id = await _deliver(temporal, task_queue, flow, message)
    await run_in_threadpool(_mark_dispatched, engine, mention.id, case_id)
    return case_id


async def _deliver(temporal: Client, task_queue: str, flow: str, message: MentionMessage) -> str:
    """Start the conversation's case with the mention as its input, or signal the case already running.

    A plain start (not signal-with-start) lets a worker in this process take the first workflow task
    eagerly, in the start's own response: the case is classified and routed without a round trip
    through the server's task queue (the dev server's matching is a large part of ingest latency).
    """
    workflow_id = case_workflow_id(message.conversation_id)
    for _ in range(5):
        try:
            handle = await temporal.start_workflow(
                CASE_WORKFLOW, CaseInput(conversation_id=message.conversation_id, flow_version=flow,
                                         carried_mentions=[message]),
                id=workflow_id, task_queue=task_queue, id_conflict_policy=WorkflowIDConflictPolicy.FAIL,
                request_eager_start=True)
            return handle.result_run_id or handle.run_id or ""
        except WorkflowAlreadyStartedError as running:
            try:
                await temporal.get_workflow_handle(workflow_id, run_id=running.run_id).signal(
                    ADD_MENTION_SIGNAL, message)
                return running.run_id or ""
            except RPCError as exc:
                if exc.status != RPCStatusCode.NOT_FOUND:
                    raise
                # That run finished between the two calls: start the conversation's next case.
    raise RuntimeError(f"could not deliver {message.id} to {workflow_id}: its case kept finishing")


def _active_flow_id(engine: Engine) -> str | None:
    with session_scope(engine, write=False) as session:
        flow = active_flow(session=session)
        return flow.id if flow is not None else None


def _mark_dispatched(engine: Engine, ident: str, case_id: str) -> None:
    with session_scope(engine) as session:
        row = session.get(Mention, ident)
        if row is not None and (not row.dispatched or row.case_id is None):
            row.dispatched, row.case_id = True, row.case_id or case_id
            session.add(row)


async def redispatch_pending(*, engine: Engine, temporal: Client, task_queue: str, limit: int = 1000) -> int:
    """Deliver mentions stored but never handed to a workflow (e.g. Temporal was down)."""
    pending = await run_in_threadpool(_undispatched, engine, limit)
    for mention in pending:
        await dispatch_mention(engine=engine, temporal=temporal, task_queue=task_queue, mention=mention)
    return len(pending)


def _undispatched(engine: Engine, limit: int) -> list[Mention]:
    with session_scope(engine, write=False) as session:
        return list(session.exec(select(Mention).where(~col(Mention.dispatched),
                                                       Mention.direction == Direction.inbound)
                                 .order_by(col(Mention.received_at)).limit(limit)).all())
