"""Retention for the audit log: entries older than a date are removed, and the chain stays verifiable.

A purge signs a checkpoint of the last entry it removes (reason "purge"), records itself in audit_purge
(append-only) and as an entry at the head (`audit.purge`, with the range and its last hash), then
deletes the entries, in the same transaction or in batches after it (store.retention): the database's
trigger lets an entry go only when a purge covers it. Verification then starts after the latest purge,
from the hash its signed checkpoint holds (store.audit.verify), so a purge row made up to delete entries,
with no signature of the audit key, breaks the chain there.
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
    who asked (its action and detail are filled in), in the session's transaction."""
    purged = record_purge(session, keys, before, by, now)
    if purged is not None:
        remove_purged(session)
    return purged


def to_purge(session: Session, before: datetime) -> tuple[int, int, int] | None:
    """The entries a purge of those older than `before` would remove: (first, last, how many); None: none."""
    through = session.exec(select(func.max(AuditEntry.id)).where(AuditEntry.at < before)).one()
    previous = last_purge(session)
    start = previous.through_seq + 1 if previous else 1
    if through is None or through < start:
        return None
    count = session.exec(select(func.count()).select_from(AuditEntry).where(
        AuditEntry.id >= start, AuditEntry.id <= through)).one()  # type: ignore[operator]
    return start, through, count


def record_purge(session: Session, keys: KeyRing, before: datetime, by: Change,
                 now: datetime | None = None) -> Purged | None:
    """`purge_before` but for the deletes: the checkpoint, the entry and the purge row, after which the
    entries it covers may go (`remove_purged`), in this transaction or later ones."""
    now = now or datetime.now(UTC)
    found = to_purge(session, before)
    if found is None:
        return None
    start, through, count = found
    entry = session.get(AuditEntry, through)
    assert entry is not None
    checkpoint = sign_point(session, keys, through, entry.hash, "purge", now)
    append(session, [Change(actor=by.actor, via=by.via, action="audit.purge", target_type="audit_log",
                            detail={**(by.detail or {}), "from": start, "through": through, "through_hash": entry.hash,
                                    "entries": count, "before": before.astimezone(UTC).isoformat(),
                                    "checkpoint": checkpoint.id})], now)
    session.execute(insert(AuditPurge.__table__), [{  # type: ignore[attr-defined]
        "through_seq": through, "through_hash": entry.hash, "before": before, "at": now, "entries": count,
        "checkpoint_id": checkpoint.id}])
    session.expunge(entry)
    return Purged(through, count)


def remove_purged(session: Session, limit: int | None = None) -> int:
    """Delete entries a recorded purge covers, the oldest first, at most `limit` (None: all); how many went.
    Entries a purge covers but an interrupted removal left are gone with the next call."""
    covered = select(func.max(AuditPurge.through_seq)).scalar_subquery()
    doomed = select(AuditEntry.id).where(AuditEntry.id <= covered).order_by(AuditEntry.id)  # type: ignore[arg-type]
    if limit is not None:
        doomed = doomed.limit(limit)
    return session.execute(delete(AuditEntry).where(AuditEntry.id.in_(doomed.scalar_subquery()))).rowcount  # type: ignore[attr-defined]
