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
visibility rule; None otherwise (the other paths answer). By team (the team of the mention's case, as it is now)
it reads the case rollup's `mention` cells too (store.rollups: a case counts its mentions, and moves them when it
changes team): the mentions of each team there, all the others (no case, or a case with no team) as the rest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, tzinfo
from typing import Any

from sqlalchemy import BigInteger, Connection, event, func, inspect, select, union_all
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Field, Session, SQLModel

from engine.metrics import sentiment_label
from store.mentions import Mention
from store.rollups import (
    Cell,
    _by_grain,
    _cells,
    _cells_in,
    _text,
    _whole_hour,
    mark_on_commit,
    period_cells,
    rows_by_id,
    upsert_insert,
)

KEY = ("grain", "at", "source", "direction", "dim", "value")
MEASURES = ("n", "sentiment_n", "sentiment_micro")  # mentions; those with a sentiment, its sum in millionths
DIMENSIONS = ("none", "tag", "language", "sentiment")
_READ = ("id", "created_at", "source", "direction", "tags", "language", "sentiment")
_GROUP_DIMS = {"tag": "tag", "language": "language", "sentiment": "sentiment"}
GROUPS = frozenset({"none", "channel", "direction", "team", "day", "hour", *_GROUP_DIMS})


class MentionRollup(SQLModel, table=True):
    __tablename__ = "mention_rollup"
    grain: str = Field(primary_key=True, max_length=1)
    at: str = Field(primary_key=True, max_length=13)
    source: str = Field(primary_key=True)
    direction: str = Field(primary_key=True, max_length=10)
    dim: str = Field(primary_key=True, max_length=10)
    value: str = Field(primary_key=True)
    n: int = Field(default=0, sa_type=BigInteger)
    sentiment_n: int = Field(default=0, sa_type=BigInteger)
    sentiment_micro: int = Field(default=0, sa_type=BigInteger)


class MentionRollupDelta(SQLModel, table=True):
    """What writes changed in the cells since the last fold (one row per cell and write; `fold` empties it)."""

    __tablename__ = "mention_rollup_delta"
    id: int | None = Field(default=None, primary_key=True)
    grain: str = Field(max_length=1)
    at: str = Field(max_length=13)
    source: str
    direction: str = Field(max_length=10)
    dim: str = Field(max_length=10)
    value: str
    n: int = Field(sa_type=BigInteger)
    sentiment_n: int = Field(sa_type=BigInteger)
    sentiment_micro: int = Field(sa_type=BigInteger)


ROLLUP = MentionRollup.__table__  # type: ignore[attr-defined]
DELTA = MentionRollupDelta.__table__  # type: ignore[attr-defined]
FOLD_BATCH = 5_000
Cells = dict[tuple, list[int]]


def _add(into: Cells, rows: Iterable[Mapping[str, Any]], sign: int = 1) -> None:
    """What each mention adds: one to its cells of each dimension (a tag each, or the empty tag), and its
    sentiment if it has one (in integer millionths: sums added and taken away never drift)."""
    for row in rows:
        sentiment = row["sentiment"]
        vector = (sign, sign, sign * round(sentiment * 1_000_000)) if sentiment is not None else (sign, 0, 0)
        tags = row["tags"] if isinstance(row["tags"], list) else []
        dims = [("none", ""), ("language", row["language"] or ""), ("sentiment", sentiment_label(sentiment) or ""),
                *(("tag", str(t)) for t in sorted(set(tags)) or [""])]
        source, direction = _text(row["source"]), _text(row["direction"])
        for grain, cell in _cells(row["created_at"]):
            for dim, value in dims:
                found = into.get(key := (grain, cell, source, direction, dim, value))
                if found is None:
                    into[key] = list(vector)
                else:
                    for i, amount in enumerate(vector):
                        found[i] += amount


def _nonzero(cells: Cells) -> Cells:
    return {key: vector for key, vector in cells.items() if any(vector)}


def _read(connection: Connection, ids: Iterable[str]) -> list[dict[str, Any]]:
    return rows_by_id(connection, Mention.__table__, _READ, ids)  # type: ignore[attr-defined]


def _rows(cells: Cells) -> list[dict[str, Any]]:
    return [dict(zip(KEY, key, strict=True)) | dict(zip(MEASURES, vector, strict=True))
            for key, vector in sorted(_nonzero(cells).items())]


def _upsert(connection: Connection, delta: Cells) -> None:
    """Add `delta` to the cells, in key order (concurrent folds lock cells in one order)."""
    if rows := _rows(delta):
        statement = upsert_insert(connection)(ROLLUP)
        connection.execute(statement.on_conflict_do_update(
            index_elements=list(KEY), set_={m: ROLLUP.c[m] + statement.excluded[m] for m in MEASURES}), rows)


def _append(connection: Connection, delta: Cells) -> None:
    if rows := _rows(delta):
        connection.execute(DELTA.insert(), rows)


def added(session: Session | OrmSession, rows: Iterable[Mapping[str, Any]]) -> None:
    """Count mentions just inserted around the ORM (rows with created_at, source and direction), and mark their
    cases for the case rollup (their next-response waits)."""
    rows = list(rows)
    delta: Cells = {}
    _add(delta, rows)
    _append(session.connection(), delta)
    mark_on_commit(session, (row.get("case_id") for row in rows))


@contextmanager
def tracking(session: Session | OrmSession, ids: Sequence[str]) -> Iterator[None]:
    """Around a bulk write to these mentions (a delete): their cells follow."""
    connection = session.connection()
    before = _read(connection, ids)
    yield
    delta: Cells = {}
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
        delta: Cells = {}
        _add(delta, before, -1)
        _add(delta, _read(session.connection(), ids))
        _append(session.connection(), delta)


def fold(connection: Connection, limit: int = FOLD_BATCH) -> int:
    """Move up to `limit` deltas into the cells, in the caller's transaction; how many it took (fewer than `limit`:
    caught up). On PostgreSQL a delta whose writer has not committed is invisible, and one another fold is taking
    is skipped. The UTC hours of the inbound mentions it folds are marked for the share of voice's rollup
    (store.voice_rollup)."""
    chosen = select(DELTA.c.id).order_by(DELTA.c.id).limit(limit)
    if connection.dialect.name == "postgresql":
        chosen = chosen.with_for_update(skip_locked=True)
    counted: Cells = {}
    taken = 0
    for row in connection.execute(DELTA.delete().where(DELTA.c.id.in_(chosen)).returning(
            *(DELTA.c[c] for c in (*KEY, *MEASURES)))):
        key, vector = tuple(row[:len(KEY)]), row[len(KEY):]
        found = counted.setdefault(key, [0] * len(MEASURES))
        for i, amount in enumerate(vector):
            found[i] += amount
        taken += 1
    _upsert(connection, counted)
    from store import voice_rollup  # its hours follow the inbound mentions folded here
    voice_rollup.touched(connection, (key[1] for key in counted
                                      if key[0] == "h" and key[3] == "inbound" and key[4] == "none"))
    return taken


def recomputed(connection: Connection) -> Cells:
    found: Cells = {}
    table = Mention.__table__  # type: ignore[attr-defined]
    result = connection.execute(select(*(table.c[name] for name in _READ)).execution_options(yield_per=10_000))
    for rows in result.mappings().partitions():
        _add(found, rows)
    return _nonzero(found)


def stored(connection: Connection) -> Cells:
    return _nonzero({tuple(row[:len(KEY)]): list(row[len(KEY):]) for row in connection.execute(
        select(*(ROLLUP.c[c] for c in (*KEY, *MEASURES))))})


def rebuild(connection: Connection) -> int:
    """Recount the cells from every mention (a backfill: no delta is left to fold); how many cells it wrote."""
    rows = _rows(recomputed(connection))
    connection.execute(DELTA.delete())
    connection.execute(ROLLUP.delete())
    for i in range(0, len(rows), 20_000):
        connection.execute(ROLLUP.insert(), rows[i:i + 20_000])
    return len(rows)


def _summed(connection: Connection, cells: list[Cell], hours: dict[str, str] | None, group_by: str,
            channel: str | None, direction: str | None) -> dict[Any, list[int]]:
    """Per group (a time group's label, a channel, direction or dimension value, or None) the weighted sums of the
    measures over `cells`: the cells and the deltas not folded yet, read in one statement (one snapshot on either
    database)."""
    both = union_all(*(select(*(table.c[c] for c in (*KEY, *MEASURES))) for table in (ROLLUP, DELTA))).subquery()
    key_column = {"channel": both.c.source, "direction": both.c.direction}.get(group_by)
    dim = _GROUP_DIMS.get(group_by, "none")
    if dim != "none":
        key_column = both.c.value
    where = [both.c.dim == dim]
    if channel is not None:
        where.append(both.c.source == channel)
    if direction is not None:
        where.append(both.c.direction == _text(direction))
    totals: dict[Any, list[int]] = defaultdict(lambda: [0] * len(MEASURES))
    for grain, members in _by_grain(cells).items():
        keys = [both.c.at] + ([key_column] if key_column is not None else [])
        query = select(*keys, *(func.sum(both.c[m]) for m in MEASURES)).where(
            *where, both.c.grain == grain, _cells_in(both, grain, sorted(members))).group_by(*keys)
        for row in connection.execute(query):
            group = row[1] if key_column is not None else None
            for label, weight in members[row[0]]:
                into = totals[label if hours is not None else group]
                for i, amount in enumerate(row[len(keys):]):
                    into[i] += weight * int(amount or 0)
    return totals


def _by_team(session: Session, cells: list[Cell], channel: str | None,
             direction: str | None) -> dict[Any, list[int]] | None:
    """Per team the sums of the measures over `cells` (whole UTC hours, days and months, no labels): the mentions of
    cases with a team, from the case rollup's `mention` cells (store.rollups) and what its cases not folded yet
    change; None (no team) takes the rest of all mentions, from these cells: mentions with no case, and those of
    cases with no team. Read in one snapshot; None when the case rollup is far behind."""
    from store import rollups

    cases, way = rollups.ROLLUP, None if direction is None else _text(direction)

    def counted(team: str, value: str) -> bool:  # value: "source|direction"
        source, written = value.rsplit("|", 1)
        return team not in ("", rollups.ALL_TEAMS) and channel in (None, source) and way in (None, written)

    totals: dict[Any, list[int]] = defaultdict(lambda: [0] * len(MEASURES))
    indexes = [rollups.MEASURES.index(m) for m in ("n", "sentiment_n", "sentiment_micro")]
    with rollups._snapshot(session) as connection:
        if (waiting := rollups.unfolded(connection)) is None:
            return None
        everyone = _summed(connection, cells, None, "none", channel, direction)[None]
        for grain, members in _by_grain(cells).items():
            query = select(cases.c.team, cases.c.value, *(func.sum(cases.c[m]) for m in MEASURES)).where(
                cases.c.basis == "mention", cases.c.dim == "mention", cases.c.grain == grain,
                _cells_in(cases, grain, sorted(members))).group_by(cases.c.team, cases.c.value)
            found = [(team, value, [int(v or 0) for v in sums]) for team, value, *sums in connection.execute(query)]
            found += [(key[4], key[5], [vector[i] for i in indexes]) for key, vector in waiting[0].items()
                      if key[0] == "mention" and key[2] == grain and key[3] in members]
            for team, value, sums in found:
                if counted(team, value):
                    into = totals[team]
                    for i, amount in enumerate(sums):
                        into[i] += amount
    totals[None] = [total - sum(vector[i] for team, vector in totals.items() if team is not None)
                    for i, total in enumerate(everyone)]
    return totals


def mention_report(*, session: Session, group_by: str, since: datetime, until: datetime, zone: tzinfo,
                   metric: str = "volume", channel: str | None = None, direction: str | None = None,
                   visible: Sequence[Any] = ()) -> list | None:
    """store.analytics.mention_report's volume or sentiment rows from the rollup, or None (see the module
    docstring)."""
    from store.analytics import ReportRow, _mention_row

    if metric not in ("volume", "sentiment") or group_by not in GROUPS or visible or since >= until or not (
            _whole_hour(since) and _whole_hour(until)) or session.get_bind().dialect.name not in ("sqlite",
                                                                                                 "postgresql"):
        return None
    if (covered := period_cells(since, until, zone, group_by)) is None:
        return None
    hours, cells = covered
    if group_by == "team":
        totals = _by_team(session, cells, channel, direction)
        if totals is None:
            return None
    else:
        totals = _summed(session.connection(), cells, hours, group_by, channel, direction)

    def shown(key: Any, vector: list[int]) -> Any:
        if metric == "volume":
            return ReportRow(group=key, count=vector[0], value=vector[0])
        n, micro = vector[1], vector[2]
        return _mention_row(key, n, micro / 1_000_000 / n if n else None, metric)

    if hours is not None:
        return [shown(label, totals[label]) for label in dict.fromkeys(hours.values())]
    if group_by == "none":
        return [shown(None, totals[None])]
    counted = 0 if metric == "volume" else 1
    found = sorted(((key or None, v) for key, v in totals.items() if v[counted]),
                   key=lambda p: (p[0] is None, p[0] or ""))
    return [shown(key, v) for key, v in found]
