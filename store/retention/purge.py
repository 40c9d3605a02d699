"""One purge of one data class: what it would remove, its audit entry, then the deletes in batches.

Unlike the other services of the store this one owns its transactions: a purge of a year's cases is far
too much for one transaction (on SQLite it would hold the one write lock, and every webhook post with it,
for as long as it took), so it removes `batch` rows of its class at a time, each batch committed on its own.
The audit entry goes in the first batch's transaction, with the counts found to remove when the purge
began: nothing is ever removed unrecorded, and a purge cut short is finished, and recorded, by the next.
Two API processes purging at once each record what they found and remove what is left (on SQLite one
transaction at a time): the entries may then count some rows twice, never a row left unrecorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy import Delete, Engine
from sqlmodel import Session

from store.audit.log import Change, append
from store.db import session_scope

BATCH = 500  # rows of the class (cases, mentions, entries) one transaction removes, with what hangs off them


class DataClass(Protocol):
    """What a purge needs of a data class. `plan` and `remove` see the same rows: those older than `cutoff`
    that nothing still needs at `now`."""

    name: str

    def plan(self, session: Session, cutoff: datetime, now: datetime) -> dict[str, int]:
        """How many rows of each table a purge would remove now."""

    def record(self, session: Session, cutoff: datetime, planned: dict[str, int], by: Change,
               now: datetime) -> None:
        """The purge's audit entry, in the transaction of its first batch."""

    def remove(self, session: Session, cutoff: datetime, now: datetime, after: str | None,
               limit: int) -> tuple[dict[str, int], str | None]:
        """Delete up to `limit` rows of the class, in key order after `after`, and what hangs off them;
        the rows removed per table, and the key to go on after (None: that was the last batch)."""


@dataclass(frozen=True)
class Purge:
    """What one purge removed, or in a dry run would remove, per table."""

    data_class: str
    cutoff: datetime
    counts: dict[str, int]
    dry_run: bool = False

    def summary(self) -> str:
        removed = " ".join(f"{table}={count}" for table, count in self.counts.items() if count) or "nothing"
        return (f"{self.data_class} older than {self.cutoff.astimezone(UTC).isoformat()}: "
                f"{'would remove' if self.dry_run else 'removed'} {removed}")


def purge(engine: Engine, data_class: DataClass, cutoff: datetime, by: Change, *, dry_run: bool = False,
          now: datetime | None = None, batch: int = BATCH) -> Purge:
    """Remove `data_class`'s rows older than `cutoff` (a dry run only counts them), recorded as `by` says
    who asked; returns the rows removed per table."""
    now = now or datetime.now(UTC)
    # Counted in a reading transaction: on SQLite the count of a large class would hold the write lock.
    with session_scope(engine, write=False) as session:
        planned = data_class.plan(session, cutoff, now)
    if dry_run or not any(planned.values()):
        return Purge(data_class.name, cutoff, planned, dry_run)
    with session_scope(engine) as session:
        data_class.record(session, cutoff, planned, by, now)
        removed, after = data_class.remove(session, cutoff, now, None, batch)
    while after is not None:
        with session_scope(engine) as session:
            more, after = data_class.remove(session, cutoff, now, after, batch)
        removed = {table: removed.get(table, 0) + more.get(table, 0) for table in removed.keys() | more.keys()}
    return Purge(data_class.name, cutoff, {table: removed.get(table, 0) for table in planned} | removed)


class RecordedByEntry:
    """`DataClass.record` for the classes whose purge is recorded by one `retention.purge` entry: who asked,
    the class, the cutoff and what the purge found to remove."""

    name: str

    def record(self, session: Session, cutoff: datetime, planned: dict[str, int], by: Change,
               now: datetime) -> None:
        append(session, [Change(actor=by.actor, via=by.via, action="retention.purge", target_type="retention",
                                target_id=self.name, detail={**(by.detail or {}), "class": self.name,
                                                             "cutoff": cutoff.astimezone(UTC).isoformat(),
                                                             "counts": planned})], now)


def deleted(session: Session, statement: Delete) -> int:
    """Run a DELETE; the rows it removed."""
    return int(session.execute(statement).rowcount)  # type: ignore[attr-defined]
