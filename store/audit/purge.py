"""Retention for the audit log: entries older than a date are removed, and the chain stays verifiable.

A purge signs a checkpoint of the last entry it removes (reason "purge"), records itself in audit_purge
(append-only) and as an entry at the head (`audit.purge`, with the range and its last hash), then
deletes the entries: the database's trigger lets an entry go only when a purge covers it. Verification
then starts after the latest purge, from the hash its signed checkpoint holds (store.audit.verify), so a
purge row made up to delete entries, with no signature of the audit key, breaks the chain there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, func, insert
from sqlmodel import Field, Session, SQLModel, select

from store.audit.checkpoints import sign_point
from store.audit.log import AuditEntry, Change, append
from store.db.types import UtcDateTime
from store.keys import KeyRing


class AuditPurge(SQLModel, table=True):
    __tablename__ = "audit_purge"

    id: int | None = Field(default=None, primary_key=True)
    through_seq: int = Field(description="entries up to this one were removed")
    through_hash: str = Field(description="the hash of that entry: the chain goes on from it")
    before: datetime = Field(sa_type=UtcDateTime, description="what was asked: entries older than this")
    at: datetime = Field(sa_type=UtcDateTime)
    entries: int = Field(description="entries removed by this purge")
    checkpoint_id: int = Field(description="the signed checkpoint of entry through_seq")


@dataclass(frozen=True)
class Purged:
    through_seq: int
    entries: int


def last_purge(session: Session) -> AuditPurge | None:
    return session.exec(select(AuditPurge).order_by(AuditPurge.through_seq.desc()).limit(1)).first()  # type: ignore[attr-defined]


def purge_before(session: Session, keys: KeyRing, before: datetime, by: Change,
                 now: datetime | None = None) -> Purged | None:
    """Remove the entries older than `before` (None: none are), recording the purge as `by` describes
    who asked (its action and detail are filled in)."""
    now = now or datetime.now(UTC)
    through = session.exec(select(func.max(AuditEntry.id)).where(AuditEntry.at < before)).one()
    previous = last_purge(session)
    start = previous.through_seq + 1 if previous else 1
    if through is None or through < start:
        return None
    entry = session.get(AuditEntry, through)
    assert entry is not None
    count = session.exec(select(func.count()).select_from(AuditEntry).where(
        AuditEntry.id >= start, AuditEntry.id <= through)).one()  # type: ignore[operator]
    checkpoint = sign_point(session, keys, through, entry.hash, "purge", now)
    append(session, [Change(actor=by.actor, via=by.via, action="audit.purge", target_type="audit_log",
                            detail={**(by.detail or {}), "from": start, "through": through, "through_hash": entry.hash,
                                    "entries": count, "before": before.astimezone(UTC).isoformat(),
                                    "checkpoint": checkpoint.id})], now)
    session.execute(insert(AuditPurge.__table__), [{  # type: ignore[attr-defined]
        "through_seq": through, "through_hash": entry.hash, "before": before, "at": now, "entries": count,
        "checkpoint_id": checkpoint.id}])
    session.expunge(entry)
    session.execute(delete(AuditEntry).where(AuditEntry.id <= through))  # type: ignore[arg-type]
    return Purged(through, count)
