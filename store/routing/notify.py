"""Telling case workflows what routing changed, after the transaction committed.

A signal that does not arrive costs at most a delay: a waiting case re-reads
its routing row on a timer, and `seq` makes repeated signals harmless.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from temporalio.client import Client
from temporalio.service import RPCError

from engine.messages import ROUTING_SIGNAL, RoutingState

log = logging.getLogger("switchboard.routing")


async def notify(client: Client, changes: Iterable[RoutingState]) -> None:
    """Signal each changed case's workflow; failures are logged, never raised."""
    changes = list(changes)
    results = await asyncio.gather(*(client.get_workflow_handle(change.workflow_id).signal(ROUTING_SIGNAL, change)
                                     for change in changes), return_exceptions=True)
    for change, result in zip(changes, results, strict=True):
        if isinstance(result, RPCError):
            log.warning("routing change of case %s not delivered (%s); it re-reads its state on its timer",
                        change.case_id, result.message)
        elif isinstance(result, BaseException):
            log.error("routing change of case %s not delivered", change.case_id, exc_info=result)
