"""Mentions counted per UTC hour, day and month, channel (source) and direction (table `mention_rollup`, migration
0024), so that a year's mention volume reads a few thousand rows (store.rollups does the same for cases, and plans
periods the same way).

A mention adds one to the three cells of its `created_at`. A write does not touch the cells: it appends what it
changes to `mention_rollup_delta` (plain inserts: no row that every ingest batch would lock), from session events
(mentions the ORM inserts, deletes, or whose created_at, source or direction it changes), from `added` after a
bulk insert (store.ingest) and from `tracking` around a bulk delete (retention). `fold` (store.rollups.RollupJob,
every second) moves the deltas into the cells. `mention_report` reads the cells and the deltas not yet folded in
one statement, so it counts every mention there is: store.analytics.mention_report's volume by none, channel,
direction, day or hour, with a channel or direction filter, exactly, for periods of whole UTC hours and no
visibility rule; None otherwise (the other paths answer).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, tzinfo
from typing import Any

from sqlalchemy import BigInteger, Connection, event, func, inspect, select, union_all
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Field, Session, SQLModel

from store.mentions import Mention
from store.rollups import (
    _by_grain,
    _cells,
    _cells_in,
    _text,
    _whole_hour,
    labelled_cells,
    mark_on_commit,
    range_cells,
)

KEY = ("grain", "at", "source", "direction")
_READ = ("id", "created_at", "source", "direction")


class MentionRollup(SQLModel, table=True):
    __tablename__ = "mention_rollup"
    grain: str = Field(primary_key=True, max_length=1)
    at: str = Field(primary_key=True, max_length=13)
    source: str = Field(primary_key=True)
    direction: str = Field(primary_key=True, max_length=10)
    n: int = Field(default=0, sa_type=BigInteger)


class MentionRollupDelta(SQLModel, table=True):
    """What writes changed in the cells since the last fold (one row per cell and write; `fold` empties it)."""

    __tablename__ = "mention_rollup_delta"
    id: int | None = Field(default=None, primary_key=True)
    grain: str = Field(max_length=1)
    at: str = Field(max_length=13)
    source: str
    direction: str = Field(max_length=10)
    n: int = Field(sa_type=BigInteger)


ROLLUP = MentionRollup.__table__  # type: ignore[attr-defined]
DELTA = MentionRollupDelta.__table__  # type: ignore[attr-defined]
FOLD_BATCH = 5_000


def _add(into: Counter, rows: Iterable[Mapping[str, Any]], sign: int = 1) -> None:
    for row in rows:
        for grain, cell in _cells(row["created_at"]):
            into[(grain, cell, _text(row["source"]), _text(row["direction"]))] += sign


def _read(connection: Connection, ids: Iterable[str]) -> list[Mapping[str, Any]]:
    table = Mention.__table__  # type: ignore[attr-defined]
    ordered = sorted(set(ids))
    rows: list[Mapping[str, Any]] = []
    for i in range(0, len(ordered), 500):
        query = select(*(table.c[name] for name in _READ)).where(table.c.id.in_(ordered[i:i + 500]))
        rows += [dict(row) for row in connection.execute(query).mappings()]
    return rows


def _upsert(connection: Connection, delta: Counter) -> None:
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    rows = [dict(zip(KEY, key, strict=True)) | {"n": n} for key, n in sorted(delta.items()) if n]
    if rows:
        statement = insert(ROLLUP)
        connection.execute(statement.on_conflict_do_update(index_elements=list(KEY),
                                                           set_={"n": ROLLUP.c.n + statement.excluded.n}), rows)


def _append(connection: Connection, delta: Counter) -> None:
    rows = [dict(zip(KEY, key, strict=True)) | {"n": n} for key, n in sorted(delta.items()) if n]
    if rows:
        connection.execute(DELTA.insert(), rows)


def added(session: Session | OrmSession, rows: Iterable[Mapping[str, Any]]) -> None:
    """Count mentions just inserted around the ORM (rows with created_at, source and direction), and mark their
    cases for the case rollup (their next-response waits)."""
    rows = list(rows)
    delta: Counter = Counter()
    _add(delta, rows)
    _append(session.connection(), delta)
    mark_on_commit(session, (row.get("case_id") for row in rows))


@contextmanager
def tracking(session: Session | OrmSession, ids: Sequence[str]) -> Iterator[None]:
    """Around a bulk write to these mentions (a delete): their cells follow."""
    connection = session.connection()
    before = _read(connection, ids)
    yield
    delta: Counter = Counter()
    _add(delta, before, -1)
    _add(delta, _read(connection, ids))
    _append(connection, delta)


_PENDING = "switchboard_mention_rollup_before"


@event.listens_for(OrmSession, "before_flush")
def _before_flush(session: OrmSession, _context: Any, _instances: Any) -> None:
    ids = {obj.id for obj in (*session.new, *session.deleted) if isinstance(obj, Mention)}
    ids |= {obj.id for obj in session.dirty if isinstance(obj, Mention) and any(
        inspect(obj).attrs[name].history.has_changes() for name in _READ[1:])}
    if ids:
        session.info[_PENDING] = (ids, _read(session.connection(), ids))
    else:
        session.info.pop(_PENDING, None)


@event.listens_for(OrmSession, "after_flush")
def _after_flush(session: OrmSession, _context: Any) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending is not None:
        ids, before = pending
        delta: Counter = Counter()
        _add(delta, before, -1)
        _add(delta, _read(session.connection(), ids))
        _append(session.connection(), delta)


def fold(connection: Connection, limit: int = FOLD_BATCH) -> int:
    """Move up to `limit` deltas into the cells, in the caller's transaction; how many it took (fewer than `limit`:
    caught up). On PostgreSQL a delta whose writer has not committed is invisible, and one another fold is taking
    is skipped."""
    chosen = select(DELTA.c.id).order_by(DELTA.c.id).limit(limit)
    if connection.dialect.name == "postgresql":
        chosen = chosen.with_for_update(skip_locked=True)
    counted: Counter = Counter()
    taken = 0
    for *key, n in connection.execute(DELTA.delete().where(DELTA.c.id.in_(chosen)).returning(
            *(DELTA.c[c] for c in KEY), DELTA.c.n)):
        counted[tuple(key)] += n
        taken += 1
    _upsert(connection, counted)
    return taken


def recomputed(connection: Connection) -> Counter:
    found: Counter = Counter()
    table = Mention.__table__  # type: ignore[attr-defined]
    result = connection.execute(select(*(table.c[name] for name in _READ)).execution_options(yield_per=10_000))
    for rows in result.mappings().partitions():
        _add(found, rows)
    return Counter({k: n for k, n in found.items() if n})


def stored(connection: Connection) -> Counter:
    return Counter({tuple(row[:-1]): row[-1] for row in connection.execute(
        select(*(ROLLUP.c[c] for c in (*KEY, "n")))) if row[-1]})


def rebuild(connection: Connection) -> int:
    """Recount the cells from every mention (a backfill: no delta is left to fold); how many cells it wrote."""
    counted = recomputed(connection)
    connection.execute(DELTA.delete())
    connection.execute(ROLLUP.delete())
    rows = [dict(zip(KEY, key, strict=True)) | {"n": n} for key, n in counted.items()]
    for i in range(0, len(rows), 20_000):
        connection.execute(ROLLUP.insert(), rows[i:i + 20_000])
    return len(rows)


def mention_report(*, session: Session, group_by: str, since: datetime, until: datetime, zone: tzinfo,
                   channel: str | None = None, direction: str | None = None,
                   visible: Sequence[Any] = ()) -> list | None:
    """store.analytics.mention_report's volume rows from the rollup, or None (see the module docstring)."""
    from store.analytics import ReportRow
    from store.analytics_fast import hour_labels

    if group_by not in ("none", "channel", "direction", "day", "hour") or visible or since >= until or not (
            _whole_hour(since) and _whole_hour(until)) or session.get_bind().dialect.name not in ("sqlite",
                                                                                                 "postgresql"):
        return None
    hours = None
    if group_by in ("day", "hour"):
        hours = hour_labels(since, until, zone, group_by)
        if hours is None:
            return None
        cells = labelled_cells(hours)
    else:
        cells = range_cells(since, until)
    # The cells and the deltas not folded yet, read in one statement (one snapshot on either database).
    both = union_all(*(select(*(table.c[c] for c in KEY), table.c.n) for table in (ROLLUP, DELTA))).subquery()
    key_column = {"channel": both.c.source, "direction": both.c.direction}.get(group_by)
    where = []
    if channel is not None:
        where.append(both.c.source == channel)
    if direction is not None:
        where.append(both.c.direction == _text(direction))
    totals: Counter = Counter()
    connection = session.connection()
    for grain, members in _by_grain(cells).items():
        keys = [both.c.at] + ([key_column] if key_column is not None else [])
        query = select(*keys, func.sum(both.c.n)).where(*where, both.c.grain == grain,
                                                        _cells_in(both, grain, sorted(members))).group_by(*keys)
        for row in connection.execute(query):
            for label, weight in members[row[0]]:
                group = label if hours is not None else row[1] if key_column is not None else None
                totals[group] += weight * int(row[-1] or 0)
    if hours is not None:
        return [ReportRow(group=label, count=totals[label], value=totals[label])
                for label in dict.fromkeys(hours.values())]
    if group_by == "none":
        return [ReportRow(group=None, count=totals[None], value=totals[None])]
    found = sorted(((key or None, n) for key, n in totals.items() if n), key=lambda p: (p[0] is None, p[0] or ""))
    return [ReportRow(group=key, count=n, value=n) for key, n in found]
