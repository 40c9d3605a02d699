"""Telling case workflows what routing changed, after the transaction committed.

A signal that does not arrive costs at most a delay: a waiting case re-reads
its routing row on a timer, and `seq` makes repeated signals harmless. A case
opened at ingest whose workflow the outbox relay has not started yet cannot be
signalled: its change goes to the outbox, behind the start, and the relay tells it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlmodel import col, select
from temporalio.client import Client
from temporalio.service import RPCError, RPCStatusCode

from engine.messages import ROUTING_SIGNAL, RoutingState
from store.db import session_scope
from store.outbox import Kind, OutboxEntry, enqueue, routing_entry

log = logging.getLogger("switchboard.routing")


async def notify(client: Client, changes: Iterable[RoutingState], *, engine: Engine) -> None:
    """Signal each changed case's workflow; failures are logged, never raised."""
    changes = list(changes)
    results = await asyncio.gather(*(client.get_workflow_handle(change.workflow_id).signal(ROUTING_SIGNAL, change)
                                     for change in changes), return_exceptions=True)
    unstarted = [change for change, result in zip(changes, results, strict=True)
                 if isinstance(result, RPCError) and result.status == RPCStatusCode.NOT_FOUND]
    if unstarted:
        started_since = await asyncio.to_thread(_queue_behind_start, engine, unstarted)
        # The relay started these between our signal and our look at the outbox: they can hear it now.
        await asyncio.gather(*(client.get_workflow_handle(c.workflow_id).signal(ROUTING_SIGNAL, c)
                               for c in started_since), return_exceptions=True)
    for change, result in zip(changes, results, strict=True):
        if change in unstarted:
            continue
        if isinstance(result, RPCError):
            log.warning("routing change of case %s not delivered (%s); it re-reads its state on its timer",
                        change.case_id, result.message)
        elif isinstance(result, BaseException):
            log.error("routing change of case %s not delivered", change.case_id, exc_info=result)


def _queue_behind_start(engine: Engine, changes: list[RoutingState]) -> list[RoutingState]:
    with session_scope(engine) as session:
        waiting = set(session.exec(select(OutboxEntry.workflow_id).where(
            col(OutboxEntry.workflow_id).in_([c.workflow_id for c in changes]), OutboxEntry.kind == Kind.start)).all())
        # Only behind a start not yet told; a workflow that has ended has nothing to learn.
        enqueue(session, [routing_entry(c) for c in changes if c.workflow_id in waiting],
                datetime.now(UTC))
    return [c for c in changes if c.workflow_id not in waiting]
