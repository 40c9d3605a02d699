"""Share of voice counted per UTC hour, day and month, channel and name (table `voice_rollup`, migration 0026), for
the names configured (store.share_of_voice), so that a year's share of voice reads summary rows instead of matching
every inbound mention's text (issue 16's speed target; bench/analytics.py).

**What it counts**: per cell, source and name, the inbound mentions whose text names it (engine.metrics.term_pattern,
as store.analytics counts them), for one set of names at a time: the rollup's `signature` (voice_rollup_state).

**Maintained** by hours, beside the writes like the other rollups: a mention write already appends its cells'
changes to `mention_rollup_delta` (store.mention_rollup), and that rollup's fold marks the UTC hours of the inbound
mentions it folds in `voice_rollup_pending` (`touched`). `fold` (store.rollup_job.RollupJob, every second) counts a
batch of marked hours again from their mentions and adds the difference to the hour's, day's and month's cells. When
the configured names change, the cells are emptied and every hour that has inbound mentions is marked: the rollup
counts the new names in the background (a year of a million mentions: about a minute), and reports take the exact
path until it has.

**Corrected on read** (`voice_report`): in one snapshot, the cells of the period, and the hours not counted yet (marked,
or with mention deltas not folded) counted from their mentions in place of their cells; with more than DIRTY_UP_TO
such hours, or names other than the rollup's, or anything store.rollups' planning does not answer (a period not of
whole UTC hours, a half-hour zone, a visibility rule), None: the exact path answers.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import BigInteger, Connection, and_, func, or_, select
from sqlmodel import Field, Session, SQLModel, Text

from engine.metrics import shares, term_pattern
from store.mentions import Mention
from store.rollups import _by_grain, _cells_in, _snapshot, _whole_hour, period_cells, upsert_insert

FOLD_HOURS = 48  # hours counted again per fold transaction (about a thousand mentions at the bench's rate)
DIRTY_UP_TO = 500  # hours a report counts itself; more and the rollup is behind: it does not answer
_VOICE_LOCK = 0x5B_0117  # PostgreSQL advisory lock key of the voice fold
_HOUR = timedelta(hours=1)


class VoiceRollup(SQLModel, table=True):
    __tablename__ = "voice_rollup"
    grain: str = Field(primary_key=True, max_length=1)
    at: str = Field(primary_key=True, max_length=13)
    source: str = Field(primary_key=True)
    name: str = Field(primary_key=True)
    n: int = Field(default=0, sa_type=BigInteger)


class VoiceRollupPending(SQLModel, table=True):
    """UTC hours ('YYYY-MM-DD HH') whose mentions changed since they were counted."""

    __tablename__ = "voice_rollup_pending"
    hour: str = Field(primary_key=True, max_length=13)


class VoiceRollupState(SQLModel, table=True):
    """The names the cells count (`signature`), one row."""

    __tablename__ = "voice_rollup_state"
    id: int = Field(default=1, primary_key=True)
    signature: str = Field(sa_type=Text)


ROLLUP = VoiceRollup.__table__  # type: ignore[attr-defined]
PENDING = VoiceRollupPending.__table__  # type: ignore[attr-defined]
STATE = VoiceRollupState.__table__  # type: ignore[attr-defined]
MENTIONS = Mention.__table__  # type: ignore[attr-defined]


def signature(names: Mapping[str, Iterable[str]]) -> str:
    """The names and their terms as the cells count them: the same text for the same counts."""
    return json.dumps(sorted((name, sorted({t.strip().casefold() for t in terms if t.strip()}))
                             for name, terms in names.items()), separators=(",", ":"))


def touched(connection: Connection, hours: Iterable[str]) -> None:
    """Mark these UTC hours: their inbound mentions changed (store.mention_rollup's fold calls this)."""
    if rows := [{"hour": hour} for hour in sorted(set(hours))]:
        connection.execute(upsert_insert(connection)(PENDING).on_conflict_do_nothing(index_elements=["hour"]), rows)


def _start(hour: str) -> datetime:
    return datetime.strptime(hour, "%Y-%m-%d %H").replace(tzinfo=UTC)


def _counted(connection: Connection, hours: Iterable[str], names: Mapping[str, list[str]],
             channel: str | None = None) -> dict[tuple[str, str, str], int]:
    """(hour, source, name): how many inbound mentions of these hours name it, counted from their texts as
    store.analytics counts them (a LIKE on any term, then each name's whole-word pattern)."""
    ordered = sorted(set(hours))
    terms = sorted({term.strip().lower() for found in names.values() for term in found if term.strip()})
    found: dict[tuple[str, str, str], int] = defaultdict(int)
    if not ordered or not terms:
        return found
    patterns = {name: term_pattern(found_terms) for name, found_terms in names.items()}
    holding = or_(*(func.lower(MENTIONS.c.text).contains(term, autoescape=True) for term in terms))
    where = [MENTIONS.c.direction == "inbound", holding]
    if channel is not None:
        where.append(MENTIONS.c.source == channel)
    for i in range(0, len(ordered), 100):
        spans = or_(*(and_(MENTIONS.c.created_at >= _start(first), MENTIONS.c.created_at < _start(last) + _HOUR)
                      for first, last in _runs(ordered[i:i + 100])))
        query = select(MENTIONS.c.created_at, MENTIONS.c.source, MENTIONS.c.text).where(spans, *where)
        for at, source, text in connection.execute(query):
            hour = f"{at.astimezone(UTC):%Y-%m-%d %H}"
            for name, pattern in patterns.items():
                if pattern.search(text):
                    found[(hour, source, name)] += 1
    return found


def _runs(hours: list[str]) -> list[tuple[str, str]]:
    """Sorted hours as (first, last) of each run of consecutive ones: one range each in SQL."""
    runs: list[list[str]] = []
    for hour in hours:
        if runs and _start(hour) - _start(runs[-1][1]) == _HOUR:
            runs[-1][1] = hour
        else:
            runs.append([hour, hour])
    return [(first, last) for first, last in runs]


def _stored_hours(connection: Connection, hours: list[str], channel: str | None = None) -> dict[tuple, int]:
    found: dict[tuple, int] = {}
    for i in range(0, len(hours), 500):
        query = select(ROLLUP.c.at, ROLLUP.c.source, ROLLUP.c.name, ROLLUP.c.n).where(
            ROLLUP.c.grain == "h", ROLLUP.c.at.in_(hours[i:i + 500]))
        if channel is not None:
            query = query.where(ROLLUP.c.source == channel)
        found.update({(at, source, name): n for at, source, name, n in connection.execute(query)})
    return found


def _restart(connection: Connection, wanted: str) -> None:
    """Count other names: no cell counts them yet, and every hour with an inbound mention waits to be counted."""
    from store.analytics_fast import _utc_hour

    connection.execute(ROLLUP.delete())
    connection.execute(PENDING.delete())
    hour = _utc_hour(MENTIONS.c.created_at, connection.dialect.name)
    if wanted != signature({}):
        touched(connection, [row[0] for row in connection.execute(
            select(hour).where(MENTIONS.c.direction == "inbound").group_by(hour))])
    insert = upsert_insert(connection)(STATE).values(id=1, signature=wanted)
    connection.execute(insert.on_conflict_do_update(index_elements=["id"], set_={"signature": wanted}))


def rebuild(connection: Connection, names: Mapping[str, list[str]]) -> int:
    """Count `names` in every hour at once (a backfill: bench/analytics.py after its bulk load); how many hours."""
    _restart(connection, signature(names))
    hours = sorted(row[0] for row in connection.execute(PENDING.delete().returning(PENDING.c.hour)))
    cells: dict[tuple[str, str, str, str], int] = defaultdict(int)
    for i in range(0, len(hours), 1000):
        for (hour, source, name), n in _counted(connection, hours[i:i + 1000], names).items():
            for grain, at in (("h", hour), ("d", hour[:10]), ("m", hour[:7])):
                cells[(grain, at, source, name)] += n
    rows = [{"grain": grain, "at": at, "source": source, "name": name, "n": n}
            for (grain, at, source, name), n in sorted(cells.items())]
    for i in range(0, len(rows), 20_000):
        connection.execute(ROLLUP.insert(), rows[i:i + 20_000])
    return len(hours)


def fold(connection: Connection, limit: int = FOLD_HOURS, *, names: Mapping[str, list[str]]) -> int:
    """Count up to `limit` marked hours again, in the caller's transaction, and add what changed to their hour's,
    day's and month's cells; how many hours it took (fewer than `limit`: caught up). New `names` first empty the
    cells and mark every hour. One fold at a time (PostgreSQL: an advisory lock; another fold returns 0)."""
    if connection.dialect.name == "postgresql" and not connection.exec_driver_sql(
            f"SELECT pg_try_advisory_xact_lock({_VOICE_LOCK})").scalar():
        return 0
    wanted = signature(names)
    if connection.execute(select(STATE.c.signature)).scalar() != wanted:
        _restart(connection, wanted)
    chosen = select(PENDING.c.hour).order_by(PENDING.c.hour).limit(limit)
    taken = sorted(row[0] for row in connection.execute(
        PENDING.delete().where(PENDING.c.hour.in_(chosen)).returning(PENDING.c.hour)))
    if not taken:
        return 0
    now, before = _counted(connection, taken, names), _stored_hours(connection, taken)
    changed = {key: now.get(key, 0) - before.get(key, 0) for key in set(now) | set(before)}
    rows = []
    for (hour, source, name), n in sorted(changed.items()):
        if n:
            rows += [{"grain": grain, "at": at, "source": source, "name": name, "n": n}
                     for grain, at in (("h", hour), ("d", hour[:10]), ("m", hour[:7]))]
    if rows:
        insert = upsert_insert(connection)(ROLLUP)
        connection.execute(insert.on_conflict_do_update(index_elements=["grain", "at", "source", "name"],
                                                        set_={"n": ROLLUP.c.n + insert.excluded.n}), rows)
    return len(taken)


def _dirty(connection: Connection, since: datetime, until: datetime) -> list[str]:
    """The hours of [since, until) whose cells may be behind their mentions: marked, or with mention deltas not
    folded yet (inbound ones)."""
    from store.mention_rollup import DELTA

    first, last = f"{since.astimezone(UTC):%Y-%m-%d %H}", f"{(until - _HOUR).astimezone(UTC):%Y-%m-%d %H}"
    marked = select(PENDING.c.hour).where(PENDING.c.hour >= first, PENDING.c.hour <= last)
    unfolded = select(DELTA.c.at).where(DELTA.c.grain == "h", DELTA.c.dim == "none",
                                        DELTA.c.direction == "inbound", DELTA.c.at >= first, DELTA.c.at <= last)
    return sorted({row[0] for query in (marked, unfolded) for row in connection.execute(query)})


def voice_report(*, session: Session, names: Mapping[str, list[str]], group_by: str, since: datetime,
                 until: datetime, zone: tzinfo, channel: str | None = None, direction: str | None = None,
                 visible: Sequence[Any] = ()) -> list | None:
    """store.analytics.mention_report's share_of_voice rows from the rollup, or None (see the module docstring)."""
    from store.analytics import ReportRow

    if group_by not in ("none", "day", "hour") or visible or direction not in (None, "inbound") or not names or (
            since >= until or not (_whole_hour(since) and _whole_hour(until))) or (
            session.get_bind().dialect.name not in ("sqlite", "postgresql")):
        return None
    if (covered := period_cells(since, until, zone, group_by)) is None:
        return None
    hours, cells = covered
    counts: dict[str | None, dict[str, int]] = defaultdict(lambda: dict.fromkeys(names, 0))
    with _snapshot(session) as connection:
        if connection.execute(select(STATE.c.signature)).scalar() != signature(names):
            return None  # other names, or the rollup has not counted these yet
        if len(dirty := _dirty(connection, since, until)) > DIRTY_UP_TO:
            return None
        for grain, members in _by_grain(cells).items():
            keys = [ROLLUP.c.at, ROLLUP.c.name]
            query = select(*keys, func.sum(ROLLUP.c.n)).where(
                ROLLUP.c.grain == grain, _cells_in(ROLLUP, grain, sorted(members)),
                *([ROLLUP.c.source == channel] if channel is not None else [])).group_by(*keys)
            for at, name, n in connection.execute(query):
                if name in names:
                    for label, weight in members[at]:
                        counts[label][name] += weight * int(n or 0)
        # The hours not counted yet: what their mentions name now, in place of what their cells hold.
        live, stored = _counted(connection, dirty, names, channel), _stored_hours(connection, dirty, channel)
        for (hour, _source, name), n in live.items():
            counts[hours[hour] if hours is not None else None][name] += n
        for (hour, _source, name), n in stored.items():
            if name in names:
                counts[hours[hour] if hours is not None else None][name] -= n
    buckets = list(dict.fromkeys(hours.values())) if hours is not None else [None]  # every local bucket, in order
    return [ReportRow(group=key, name=name, count=n, value=share)
            for key in buckets for (name, n), share in zip(
                counts[key].items(), shares(counts[key]).values(), strict=True)]
