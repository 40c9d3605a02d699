"""Who is looking at a case right now: a read-side heartbeat, never a lock."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Field, Session, SQLModel, select

from store.db.types import UtcDateTime

FRESH = timedelta(seconds=30)  # a viewer who has not beaten for this long has left


class CasePresence(SQLModel, table=True):
    __tablename__ = "case_presence"

    case_id: str = Field(primary_key=True)
    agent_id: str = Field(primary_key=True)
    seen_at: datetime = Field(sa_type=UtcDateTime)  # type: ignore[call-overload]


def beat(session: Session, case_id: str, agent_id: str, now: datetime) -> None:
    """`agent_id` is viewing `case_id` now."""
    row = session.get(CasePresence, (case_id, agent_id)) or CasePresence(case_id=case_id, agent_id=agent_id,
                                                                         seen_at=now)
    row.seen_at = now
    session.add(row)


def viewers(session: Session, case_id: str, now: datetime) -> list[CasePresence]:
    """Who viewed the case within the last FRESH seconds, most recent first."""
    return list(session.exec(select(CasePresence).where(
        CasePresence.case_id == case_id, CasePresence.seen_at >= now - FRESH).order_by(
        CasePresence.seen_at.desc())).all())  # type: ignore[attr-defined]
