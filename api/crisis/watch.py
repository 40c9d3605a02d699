"""Starting the crisis watch (workflows/crisis_watch.py) by name: one per installation, started when detection
is switched on and at the API's start while it is on; asking again finds the running one and pokes it."""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import Engine
from sqlmodel import Session
from temporalio.client import Client
from temporalio.common import WorkflowIDConflictPolicy

from engine.crisis import CHECK_NOW_SIGNAL, CRISIS_WATCH_WORKFLOW, WatchInput, crisis_watch_id
from store.crisis import settings_of

log = logging.getLogger("switchboard.crisis")


async def ensure_watch(temporal: Client, task_queue: str) -> str:
    """Start the watch unless it runs, then ask it to check now (the settings may have changed); its id."""
    handle = await temporal.start_workflow(CRISIS_WATCH_WORKFLOW, WatchInput(), id=crisis_watch_id(task_queue),
                                           task_queue=task_queue,
                                           id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING)
    await handle.signal(CHECK_NOW_SIGNAL)
    return handle.id


async def watch_at_start(*, engine: Engine, temporal: Client, task_queue: str) -> None:
    """At the API's start: the watch runs if detection is on. A failure is logged (a crisis can still be started
    by hand), and saving the settings again starts it."""
    def enabled() -> bool:
        with Session(engine) as session:
            return settings_of(session).enabled
    if not await asyncio.to_thread(enabled):
        return
    try:
        await ensure_watch(temporal, task_queue)
    except Exception:  # Temporal not answering yet: the API serves anyway
        log.exception("the crisis watch could not be started; save the crisis settings again to start it")
