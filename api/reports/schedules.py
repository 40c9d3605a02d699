"""One Temporal Schedule per scheduled report: `report-<id>` starts the DeliverReport workflow (by name: the API
never imports workflows) daily, or weekly on one day, at a local time in the report's time zone, which
Temporal keeps across daylight saving changes. A report with no schedule has none; deleting the report
deletes it."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine
from sqlmodel import col, select
from temporalio.client import (
    Client,
    Schedule,
    ScheduleActionStartWorkflow,
    ScheduleAlreadyRunningError,
    ScheduleCalendarSpec,
    ScheduleOverlapPolicy,
    SchedulePolicy,
    ScheduleRange,
    ScheduleSpec,
    ScheduleState,
    ScheduleUpdate,
    ScheduleUpdateInput,
)
from temporalio.service import RPCError, RPCStatusCode

from engine.report_delivery import DELIVER_REPORT_WORKFLOW, DeliverReportInput, schedule_id
from store.db import session_scope
from store.reports import SavedReport


def calendar(report: SavedReport) -> ScheduleCalendarSpec:
    """The report's delivery time as a Temporal calendar (whose weeks start on Sunday: 0; ours on Monday: 0)."""
    assert report.schedule_time is not None
    hour, minute = (int(part) for part in report.schedule_time.split(":"))
    days = ((report.schedule_weekday + 1) % 7,) if report.schedule_cadence == "weekly" and \
        report.schedule_weekday is not None else None
    return ScheduleCalendarSpec(hour=[ScheduleRange(hour)], minute=[ScheduleRange(minute)],
                                day_of_week=[ScheduleRange(days[0])] if days else [ScheduleRange(0, 6)],
                                comment=f"report {report.id}: {report.schedule_cadence} at {report.schedule_time}")


def _schedule(report: SavedReport, task_queue: str) -> Schedule:
    return Schedule(
        action=ScheduleActionStartWorkflow(DELIVER_REPORT_WORKFLOW, DeliverReportInput(report_id=report.id),
                                           id=schedule_id(report.id), task_queue=task_queue),
        spec=ScheduleSpec(calendars=[calendar(report)], time_zone_name=report.tz),
        # A delivery still retrying when the next is due: the next waits for it (one at most).
        policy=SchedulePolicy(overlap=ScheduleOverlapPolicy.BUFFER_ONE, catchup_window=timedelta(hours=6)),
        state=ScheduleState(note=f"report {report.name}"))


async def ensure_report_schedule(temporal: Client, task_queue: str, report: SavedReport) -> bool:
    """Create, update or remove the report's schedule as the report says; True when it is scheduled."""
    if not report.schedule_cadence or not (report.webhook_url or report.email_to):
        await remove_report_schedule(temporal, report.id)
        return False
    wanted = _schedule(report, task_queue)
    try:
        await temporal.create_schedule(schedule_id(report.id), wanted)
        return True
    except ScheduleAlreadyRunningError:
        pass

    def replace(_: ScheduleUpdateInput) -> ScheduleUpdate:
        return ScheduleUpdate(schedule=wanted)

    await temporal.get_schedule_handle(schedule_id(report.id)).update(replace)
    return True


async def deliver_now(temporal: Client, report_id: str) -> None:
    """A delivery at once, beside the scheduled ones."""
    await temporal.get_schedule_handle(schedule_id(report_id)).trigger(overlap=ScheduleOverlapPolicy.ALLOW_ALL)


async def remove_report_schedule(temporal: Client, report_id: str) -> None:
    try:
        await temporal.get_schedule_handle(schedule_id(report_id)).delete()
    except RPCError as exc:
        if exc.status != RPCStatusCode.NOT_FOUND:
            raise


async def sync_report_schedules(*, engine: Engine, temporal: Client, task_queue: str) -> int:
    """Put every scheduled report's schedule in place (after a restore, or a change whose schedule failed)."""
    with session_scope(engine, write=False) as session:
        rows = list(session.exec(select(SavedReport).where(col(SavedReport.schedule_cadence).is_not(None))).all())
    for row in rows:
        await ensure_report_schedule(temporal, task_queue, row)
    return len(rows)
