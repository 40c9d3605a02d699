"""One Temporal Schedule per polling source: `poll-<source>` starts the PollSource workflow every
`poll_seconds`, skipping a tick while the last poll still runs, paused while the source is disabled."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine
from sqlmodel import col, select
from temporalio.client import (
    Client,
    Schedule,
    ScheduleActionStartWorkflow,
    ScheduleAlreadyRunningError,
    ScheduleIntervalSpec,
    ScheduleOverlapPolicy,
    SchedulePolicy,
    ScheduleSpec,
    ScheduleState,
    ScheduleUpdate,
    ScheduleUpdateInput,
)
from temporalio.service import RPCError, RPCStatusCode

from engine.messages import POLL_WORKFLOW, PollInput
from store.connector_config import POLLING_KINDS, parse_config
from store.db import session_scope
from store.sources import Source


def schedule_id(source: str) -> str:
    return f"poll-{source}"


def _schedule(source: Source, task_queue: str) -> Schedule:
    config = parse_config(source.kind, source.config or {})
    every = timedelta(seconds=config.poll_seconds)  # type: ignore[attr-defined]
    return Schedule(
        action=ScheduleActionStartWorkflow(POLL_WORKFLOW, PollInput(source=source.id), id=f"poll-{source.id}",
                                           task_queue=task_queue),
        spec=ScheduleSpec(intervals=[ScheduleIntervalSpec(every=every)]),
        policy=SchedulePolicy(overlap=ScheduleOverlapPolicy.SKIP),
        state=ScheduleState(paused=not source.enabled,
                            note="source disabled" if not source.enabled else "polling"))


async def ensure_schedule(temporal: Client, task_queue: str, source: Source, *, poll_now: bool = False) -> bool:
    """Create or update the source's schedule (a no-op for push-only kinds); True when it polls."""
    if source.kind not in POLLING_KINDS:
        return False
    wanted = _schedule(source, task_queue)
    try:
        await temporal.create_schedule(schedule_id(source.id), wanted, trigger_immediately=poll_now and source.enabled)
        return True
    except ScheduleAlreadyRunningError:
        pass

    def replace(_: ScheduleUpdateInput) -> ScheduleUpdate:
        return ScheduleUpdate(schedule=wanted)

    handle = temporal.get_schedule_handle(schedule_id(source.id))
    await handle.update(replace)
    if poll_now and source.enabled:
        await handle.trigger(overlap=ScheduleOverlapPolicy.BUFFER_ONE)
    return True


async def poll_now(temporal: Client, source: str) -> None:
    """Poll at once; if a poll is running, right after it (a click during a poll is not lost)."""
    await temporal.get_schedule_handle(schedule_id(source)).trigger(overlap=ScheduleOverlapPolicy.BUFFER_ONE)


async def remove_schedule(temporal: Client, source: str) -> None:
    try:
        await temporal.get_schedule_handle(schedule_id(source)).delete()
    except RPCError as exc:
        if exc.status != RPCStatusCode.NOT_FOUND:
            raise


async def sync_schedules(*, engine: Engine, temporal: Client, task_queue: str) -> int:
    """Put every polling source's schedule in place (after a restore, or a config changed offline)."""
    with session_scope(engine, write=False) as session:
        rows = list(session.exec(select(Source).where(col(Source.kind).in_(sorted(POLLING_KINDS)))).all())
    for row in rows:
        await ensure_schedule(temporal, task_queue, row)
    return len(rows)
