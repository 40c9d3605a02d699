"""The cases class: cases closed before the cutoff, with every row that hangs off them.

A case goes only once nothing can bring it back: closed, past the reopen window of its own flow version
(its workflow waits that long for a follow-up) and of the active flow (ingest joins a mention to a closed
case within that one), and with nothing left in the outbox for its workflow to hear. An open case is
never touched. Its mentions stay: they are the mentions class's, kept for as long as that class says,
and its audit entries are the audit class's. Its conversation stays too, no longer naming it.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, delete, false, func, or_, update
from sqlmodel import Session, SQLModel, col, select

from engine.flows.compiled import InvalidFlow
from engine.models import CaseStatus
from store.case_events import CaseEvent
from store.cases import Case
from store.compiled_flows import compiled
from store.conversations import Conversation
from store.deadlines import SlaDeadline
from store.events_out import EventOut
from store.experts import ExpertRequest
from store.flows import Flow
from store.outbox import OutboxEntry
from store.presence import CasePresence
from store.retention.purge import RecordedByEntry, deleted
from store.routing.models import CaseRouting

log = logging.getLogger("switchboard.retention")

# The tables keyed by a case that go with it. Every other table with a case_id, and why it keeps its rows
# (tests/api/test_retention.py holds the two lists to the schema):
CASE_ROWS: tuple[type[SQLModel], ...] = (CaseEvent, SlaDeadline, CaseRouting, CasePresence, ExpertRequest, EventOut)
NOT_WITH_THE_CASE = {
    "mention": "the mentions class: a mention of a purged case goes at its own retention",
    "conversation": "its case_id is cleared; the mentions class removes the conversation once it is empty",
    "outbox": "a case with entries still to tell its workflow is not purged",
    "case_rollup_pending": "the purge's delete marks its cases (store.rollups); the next fold takes them out of the "
                           "cells",
    "case_rollup_seen": "the rollup's next fold removes it, with the purged case's mark",
}


class CasesClass(RecordedByEntry):
    name = "cases"

    def plan(self, session: Session, cutoff: datetime, now: datetime) -> dict[str, int]:
        doomed = select(Case.id).where(_purgeable(session, cutoff, now))
        counts = {"case": session.exec(select(func.count()).select_from(doomed.subquery())).one()}
        for table in CASE_ROWS:
            counts[_name(table)] = session.exec(select(func.count()).select_from(table).where(
                col(table.case_id).in_(doomed))).one()  # type: ignore[attr-defined]
        return counts

    def remove(self, session: Session, cutoff: datetime, now: datetime, after: str | None,
               limit: int) -> tuple[dict[str, int], str | None]:
        query = select(Case.id).where(_purgeable(session, cutoff, now))
        if after is not None:
            query = query.where(Case.id > after)
        ids = list(session.exec(query.order_by(col(Case.id)).limit(limit)))
        if not ids:
            return {}, None
        counts = {"case": deleted(session, delete(Case).where(col(Case.id).in_(ids)))}
        for table in CASE_ROWS:
            counts[_name(table)] = deleted(session, delete(table).where(col(table.case_id).in_(ids)))  # type: ignore[attr-defined]
        session.execute(update(Conversation).where(col(Conversation.case_id).in_(ids)).values(case_id=None))
        return counts, ids[-1] if len(ids) == limit else None


CASES = CasesClass()


def _purgeable(session: Session, cutoff: datetime, now: datetime) -> ColumnElement[bool]:
    """Closed before `cutoff`, past every reopen window that applies to it at `now`, and told everything."""
    past_reopening = [and_(col(Case.flow_version) == version, col(Case.closed_at) < now - timedelta(seconds=window))
                      for version, window in _reopen_windows(session).items()]
    # NOT IN over the (small) outbox is read once; a NOT EXISTS would scan it for every case.
    told = col(Case.id).not_in(select(OutboxEntry.case_id).where(col(OutboxEntry.case_id).is_not(None)))
    return and_(col(Case.status) == CaseStatus.closed, col(Case.closed_at) < cutoff, told,
                or_(false(), *past_reopening))


def _reopen_windows(session: Session) -> dict[str, int]:
    """Per flow version, how long after a close its cases may still take a mention: its own reopen window or
    the active flow's, whichever is longer. A version that no longer compiles is left out: its cases stay."""
    windows: dict[str, int] = {}
    active = 0
    for row in session.exec(select(Flow)):
        try:
            windows[row.id] = compiled(row).reopen_window_seconds
        except InvalidFlow:
            log.warning("flow version %s does not compile: its cases are kept, whatever their age", row.id)
            continue
        if row.active:
            active = max(active, windows[row.id])
    return {version: max(window, active) for version, window in windows.items()}


def _name(table: type[SQLModel]) -> str:
    return str(table.__tablename__)
