"""SLA deadlines on the read side, and the sweeper that shows every case sharing one escalated together.

Each case's workflow decides its SLA events on its own durable timers (workflows/case_clocks.py), and each
of its saves writes the events it has yet to act on here (`replace_deadlines`). When a deadline comes,
the sweeper (`DeadlineSweeper`, beside the API like the outbox relay) changes the read side for every
case due then in one transaction: the flags, status, escalation level and priority the event brings,
and its events (engine.escalation.project), keyed by the event's occurrence. A storm of thousands of
cases sharing a Monday-morning deadline is on the read side in that one transaction, while Temporal
fires the workflows' timers at its own pace; each workflow then records the same occurrence, and its
save replaces the projected rows with its own, or removes them if the event never happened after all
(a reply that went out before the deadline reached the workflow late).

A response clock's event is not projected for a case whose reply (an outbound mention) went out
between the clock's start and the deadline: the workflow will meet the clock.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, func, insert
from sqlmodel import JSON, Column, Field, Session, SQLModel, col, select

from engine.escalation import occurrence, project
from engine.models import SYSTEM_ACTOR, CaseStatus, Direction, Priority
from engine.slas import SlaEvent
from store.audit import append
from store.audit.cases import case_changes
from store.case_events import CaseEvent
from store.cases import Case
from store.db import session_scope
from store.db.types import UtcDateTime
from store.event_payloads import case_events_out
from store.mentions import Mention

log = logging.getLogger("switchboard.deadlines")

RESPONSE_TARGETS = ("first_response", "next_response")
POLL = 1.0  # seconds: the longest the sweeper sleeps before looking for nearer deadlines saved meanwhile
BATCH = 50_000  # deadline rows projected in one transaction (a 5,000-case storm: 10,000 at its breach)


class SlaDeadline(SQLModel, table=True):
    __tablename__ = "sla_deadline"

    id: str = Field(primary_key=True, description="<case id>:<occurrence>")
    case_id: str = Field(index=True)
    occurrence: str
    at: datetime = Field(sa_type=UtcDateTime, index=True)  # type: ignore[call-overload]
    target: str
    kind: str = Field(description="warning, breach or escalation")
    level: int | None = None
    actions: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    since: datetime | None = Field(default=None, sa_type=UtcDateTime,  # type: ignore[call-overload]
                                   description="when the target's clock started running")
    projected_at: datetime | None = Field(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]


def replace_deadlines(session: Session, case_id: str, events: list[SlaEvent], since: dict[str, datetime],
                      confirmed: set[str]) -> None:
    """A workflow's save, after it wrote its events: its case's deadlines become `events` (those it has yet to
    act on; a row already projected keeps its mark). Projected event rows are removed unless their occurrence
    is still pending and not recorded in this save (`confirmed`): the workflow's record stands instead, and
    an occurrence it does not have did not happen (the save writes the case's fields from its view)."""
    existing = {row.id: row for row in session.exec(select(SlaDeadline).where(SlaDeadline.case_id == case_id))}
    wanted = {f"{case_id}:{occurrence(e)}": e for e in events}
    gone = [row_id for row_id in existing if row_id not in wanted]
    if gone:
        session.execute(delete(SlaDeadline).where(col(SlaDeadline.id).in_(gone)))
    add_deadlines(session, case_id, [e for row_id, e in wanted.items() if row_id not in existing], since)
    if all(row.projected_at is None for row in existing.values()):
        return  # the sweeper showed nothing of this case's (its projections and their marks go together)
    # The save has written its events already, so a row still marked projected is one the workflow did not
    # record: of an occurrence it recorded otherwise (an action it did not take), or of one it does not have.
    pending = {occurrence(e) for e in events} - confirmed
    projected = session.exec(select(CaseEvent).where(  # by the case's index: a LIKE alone scans the table
        CaseEvent.case_id == case_id, col(CaseEvent.id).startswith(f"{case_id}:sla:"))).all()
    void = [row.id for row in projected if (row.detail or {}).get("projected")
            and row.id.removeprefix(f"{case_id}:sla:").split("#")[0] not in pending]
    if void:
        session.execute(delete(CaseEvent).where(col(CaseEvent.id).in_(void)))


def add_deadlines(session: Session, case_id: str, events: list[SlaEvent], since: dict[str, datetime]) -> None:
    """Deadlines of a case that has none of these yet."""
    insert_deadlines(session, deadline_rows(case_id, events, since))


def deadline_rows(case_id: str, events: list[SlaEvent], since: dict[str, datetime]) -> list[dict]:
    """The rows of a case's deadlines, for `insert_deadlines` (ingest writes a batch's cases' rows at once)."""
    return [{"id": f"{case_id}:{occurrence(e)}", "case_id": case_id, "occurrence": occurrence(e), "at": e.at,
             "target": e.target, "kind": e.kind, "level": e.level, "actions": [a.model_dump() for a in e.actions],
             "since": since.get(e.target), "projected_at": None} for e in events]


def insert_deadlines(session: Session, rows: list[dict]) -> None:
    if rows:
        session.execute(insert(SlaDeadline.__table__), rows)  # type: ignore[attr-defined]


def overdue(session: Session, now: datetime) -> tuple[int, datetime | None]:
    """Deadlines due by `now` and not yet shown, and the earliest of them (health: a stalled sweeper)."""
    count, oldest = session.exec(select(func.count(), func.min(SlaDeadline.at)).where(
        col(SlaDeadline.projected_at).is_(None), col(SlaDeadline.at) <= now)).one()
    return count, oldest.replace(tzinfo=oldest.tzinfo or UTC) if oldest is not None else None


def next_deadline(session: Session) -> datetime | None:
    return session.exec(select(func.min(SlaDeadline.at)).where(col(SlaDeadline.projected_at).is_(None))).one()


def project_due(session: Session, now: datetime) -> int:
    """Show every deadline due by `now` on the read side, in the caller's transaction; returns how many."""
    due = list(session.exec(select(SlaDeadline).where(col(SlaDeadline.projected_at).is_(None),
                                                      col(SlaDeadline.at) <= now)
                            .order_by(col(SlaDeadline.at), col(SlaDeadline.id)).limit(BATCH)))
    if not due:
        return 0
    by_case: dict[str, list[SlaDeadline]] = defaultdict(list)
    for row in due:
        by_case[row.case_id].append(row)
    cases = {case.id: case for case in session.exec(select(Case).where(col(Case.id).in_(list(by_case))))}
    replied = _replies(session, [c for c, rows in by_case.items() if any(r.target in RESPONSE_TARGETS for r in rows)])
    last_seq = dict(session.exec(select(CaseEvent.case_id, func.max(CaseEvent.seq)).where(
        col(CaseEvent.case_id).in_(list(by_case))).group_by(CaseEvent.case_id)).all())
    events: list[dict[str, Any]] = []
    for case_id, rows in by_case.items():
        case = cases.get(case_id)
        if case is None or case.status == CaseStatus.closed:
            continue
        seq = last_seq.get(case_id) or 0
        for row in rows:
            if row.target in RESPONSE_TARGETS and any((row.since or case.opened_at) <= sent <= row.at
                                                      for sent in replied.get(case_id, [])):
                continue  # answered in time: the workflow meets the clock
            change = project(_event(row), status=CaseStatus(case.status), priority=Priority(case.priority),
                             escalation_level=case.escalation_level, sla_breached=case.sla_breached)
            case.status, case.priority = change.status, change.priority
            case.escalation_level, case.sla_breached = change.escalation_level, change.sla_breached
            case.updated_at = now
            for suffix, kind, detail in change.events:
                seq += 1  # shown after the case's events so far; the workflow's record renumbers it
                events.append({"id": f"{case_id}:sla:{row.occurrence}{suffix}", "case_id": case_id, "seq": seq,
                               "at": now, "kind": kind, "actor": "system", "detail": {**detail, "projected": True}})
        session.add(case)
    for row in due:
        row.projected_at = now
        session.add(row)
    if events:
        known = set(session.exec(select(CaseEvent.id).where(col(CaseEvent.id).in_([e["id"] for e in events]))))
        fresh = [e for e in events if e["id"] not in known]  # the workflow got there first: its row stands
        if fresh:
            session.execute(insert(CaseEvent.__table__), fresh)  # type: ignore[attr-defined]
            append(session, case_changes(fresh), now)
            case_events_out(session, fresh)
    return len(due)


def _event(row: SlaDeadline) -> SlaEvent:
    return SlaEvent(key=row.occurrence.split("@")[0], target=row.target, kind=row.kind, level=row.level,  # type: ignore[arg-type]
                    at=row.at, actions=row.actions)


def _replies(session: Session, case_ids: list[str]) -> dict[str, list[datetime]]:
    """When each case's replies went out (their outbound mentions; auto-replies are no response)."""
    sent: dict[str, list[datetime]] = defaultdict(list)
    if case_ids:
        for case_id, at in session.exec(select(Mention.case_id, Mention.received_at).where(
                col(Mention.case_id).in_(case_ids), Mention.direction == Direction.outbound,
                Mention.author != SYSTEM_ACTOR)):
            sent[case_id].append(at)
    return sent


class DeadlineSweeper:
    """Projects each deadline when it comes, for as long as it runs (api.app starts it)."""

    def __init__(self, *, engine: Engine, poll: float = POLL) -> None:
        self._engine, self._poll = engine, poll
        self.projected = 0  # deadline rows shown so far (metrics, tests)

    async def run(self) -> None:
        while True:
            try:
                wait = await asyncio.to_thread(self._round)
            except asyncio.CancelledError:
                raise
            except Exception:  # the database was locked or gone for a moment: try again shortly
                log.exception("the deadline sweeper's round failed; trying again")
                wait = self._poll
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(wait):
                    await asyncio.Event().wait()

    async def overdue(self) -> tuple[int, float]:
        """Deadlines due and not shown yet, and how late the earliest of them is, in seconds."""
        def read() -> tuple[int, float]:
            now = datetime.now(UTC)
            with session_scope(self._engine, write=False) as session:
                count, oldest = overdue(session, now)
            return count, max((now - oldest).total_seconds(), 0.0) if oldest is not None else 0.0
        return await asyncio.to_thread(read)

    def _round(self) -> float:
        """Project what is due; returns how long to sleep (until the next deadline, at most `poll`)."""
        now = datetime.now(UTC)
        with session_scope(self._engine, write=False) as session:
            upcoming = next_deadline(session)
        if upcoming is not None and upcoming.replace(tzinfo=upcoming.tzinfo or UTC) <= now:
            with session_scope(self._engine) as session:
                self.projected += project_due(session, now)
            return 0.0
        if upcoming is None:
            return self._poll
        return min(max((upcoming.replace(tzinfo=upcoming.tzinfo or UTC) - now).total_seconds(), 0.0), self._poll)
