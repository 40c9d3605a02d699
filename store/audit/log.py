"""The audit log's entries and its head: appended in the transaction that made the change, chained by hash.

Each entry carries the hash of the one before it and its own hash over a canonical encoding of
everything it says (`canonical`), so an entry edited, removed, inserted or moved breaks the chain at
that point. The head (one row) holds the last entry's number and hash: appending locks it, so entries
from concurrent transactions (the API, ingest, the workers; on SQLite or PostgreSQL) form one series,
and a cut-off tail no longer matches it. The database refuses updates and deletes of entries (triggers,
migration 0010) as a second line; signed checkpoints (store.audit.checkpoints) pin the chain so that
rewriting the head as well is caught.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, update
from sqlmodel import JSON, Column, Field, Session, SQLModel, select

from store.db.types import UtcDateTime

GENESIS = "0" * 64  # the hash the first entry follows


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"

    id: int = Field(primary_key=True, description="1, 2, 3...: the entry's place in the chain")
    at: datetime = Field(sa_type=UtcDateTime, index=True)
    actor: str = Field(index=True, description="who: a user's id, an integration (source:ID) or system")
    via: str | None = Field(default=None, description="how a person acted: session, or token:ID")
    action: str = Field(index=True, description="what, e.g. auth.login, flow.publish, case.claimed")
    target_type: str | None = Field(default=None, description="the kind of thing acted on: user, case, flow...")
    target_id: str | None = Field(default=None, index=True)
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    detail: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    prev: str = Field(description="the hash of the entry before (GENESIS for the first)")
    hash: str = Field(description="SHA-256 of the canonical encoding of this entry, prev included")


class AuditHead(SQLModel, table=True):
    """The chain's last entry: locked by every append, compared by every verification."""

    __tablename__ = "audit_head"

    id: int = Field(default=1, primary_key=True)
    seq: int = 0
    hash: str = GENESIS


@dataclass(frozen=True)
class Change:
    """One action to record: who did what to which thing, and what changed."""

    actor: str
    action: str
    target_type: str | None = None
    target_id: str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    detail: dict[str, Any] | None = None
    via: str | None = None
    at: datetime | None = None  # when it happened; the append's time if None


def _plain(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """The value as the JSON column will give it back (dates as ISO text, tuples as lists): what is
    hashed is exactly what is stored."""
    return None if value is None else json.loads(json.dumps(value, default=str))


def instant_text(at: datetime) -> str:
    """An instant as the hashes and signatures cover it: UTC, to the microsecond."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(row: dict[str, Any]) -> bytes:
    """The bytes an entry's hash covers: every field but the hash, as JSON with sorted keys, no spaces,
    UTF-8, the instant in UTC to the microsecond."""
    doc = {key: row[key] for key in ("id", "actor", "via", "action", "target_type", "target_id", "before",
                                     "after", "detail", "prev")}
    doc["at"] = instant_text(row["at"])
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(row: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(row)).hexdigest()


def lock_head(session: Session) -> tuple[int, str]:
    """The head's entry number and hash, locked until the transaction ends (on PostgreSQL a row lock, so a
    second appender waits and then reads the first's head; on SQLite writers hold the database's lock)."""
    table = AuditHead.__table__  # type: ignore[attr-defined]
    seq, last = session.execute(select(table.c.seq, table.c.hash).where(table.c.id == 1).with_for_update()).one()
    return seq, last


def append(session: Session, changes: Iterable[Change], now: datetime | None = None) -> list[dict[str, Any]]:
    """Chain `changes` onto the log in the session's transaction; returns the rows written. Nothing is
    written for no changes, and the head is not even locked."""
    changes = list(changes)
    if not changes:
        return []
    at = now or datetime.now(UTC)
    seq, prev = lock_head(session)
    rows: list[dict[str, Any]] = []
    for change in changes:
        seq += 1
        row = {"id": seq, "at": change.at or at, "actor": change.actor, "via": change.via,
               "action": change.action, "target_type": change.target_type, "target_id": change.target_id,
               "before": _plain(change.before), "after": _plain(change.after), "detail": _plain(change.detail),
               "prev": prev}
        row["hash"] = prev = entry_hash(row)
        rows.append(row)
    session.execute(insert(AuditEntry.__table__), rows)  # type: ignore[attr-defined]
    session.execute(update(AuditHead.__table__).where(AuditHead.__table__.c.id == 1)  # type: ignore[attr-defined]
                    .values(seq=seq, hash=prev))
    return rows
