"""Summary (rollup) tables of cases, so that a long period's case report reads a few thousand summary rows instead
of every case (issue 16's speed target; bench/analytics.py). Kept beside the writes, not in them: a case write
only marks the case; a background fold counts the marked cases a second or so later; a report adds what the
marked cases change to the stored cells itself, so it counts every case as it is when the report reads.

**What a case adds.** Each case adds to the rollup by one pure function of its row (`contributions`), counted at
the same instant store.analytics puts it in a period:
- basis `opened`, at its `opened_at`: one case (`opened`), and its first response if it has one (`first_response`:
  a closed case's measured `first_response_seconds`, an open case's `first_response_at - opened_at`);
- basis `closed`, at its `closed_at`, only while its status is `closed`: one case (`closed`), whether it was
  transferred or reopened (the rates' numerators), its SLA outcomes per target (met, breached,
  closed_without_response, as engine.metrics.attainment counts them), its resolution and handle seconds, and
  each of its next-response waits (from its mentions, as store.analytics reads them: a mention's write marks
  its case);
- both bases: whether it was auto-replied, and at its close whether the auto-reply alone resolved it;
- basis `mention` (dimension `mention`, value 'channel|direction', its team only): its mentions at each's
  `created_at`, with how many have a sentiment and its sum in millionths, so that store.mention_rollup answers
  mentions by team (the team of their case now: a transfer moves them).
A duration adds its count, its sum in whole microseconds (integers: sums that are added and subtracted never
drift, so means are exact to the microsecond) and one count in its log-scale histogram bucket (below).

**Keys.** A contribution is keyed by grain and cell (the UTC hour 'YYYY-MM-DD HH', the UTC day 'YYYY-MM-DD' and
the UTC month 'YYYY-MM' of the instant: each case adds to all three), the case's team (and again to the same cells
of team '*', all teams, which reports neither by nor for a team read: a sixth of the rows), and one dimension and its
value: `none`, `channel`, `assignee`, `priority`, `policy` (its SLA policy, case.sla_policy) or `tag` (a case adds
once to each distinct tag it has, to the empty tag when it has none). The empty string stands for no team, no agent,
no policy or no tag.

**Maintained** in three steps.
- *Marked*: a transaction that inserts, changes (in a column a report reads) or deletes cases upserts their ids
  into `case_rollup_pending` as it commits (SQLAlchemy session events, bulk statements through the session
  included: one statement per transaction). A write that goes around the session calls `mark`.
- *Folded*: `fold`, run every second by `RollupJob` beside the API, takes a batch of marks, and for each case
  subtracts what it added as the rollup last counted it (its columns kept in `case_rollup_seen`) and adds what it
  adds now; the cells are upserted in key order (INSERT ... ON CONFLICT DO UPDATE: concurrent folds lock cells in
  one order). A case that changes team, priority, status... thus moves from its old cells to its new ones. The
  writes themselves never touch a cell: no hot row for ingest to queue on, and about a statement per transaction
  of cost (about 60 cell upserts per case when this was done in the write transaction).
- *Corrected on read*: a report reads the cells and the marks in one snapshot and adds the marked cases' changes
  in memory (`unfolded`), so its figures are those of the cases as they are. With more than CORRECT_UP_TO marks
  waiting (a fold far behind) the rollup does not answer and the other paths do.
`rebuild` recomputes everything from the cases (migration 0024's backfill, bench/analytics.py after its bulk load);
`recomputed` and `stored` let a test compare the two.

**Reading** (`case_report`): a period of whole UTC hours is covered by the fewest cells: whole UTC months, then
whole UTC days, then hours. A viewer's local day or hour (zones whose offset is whole hours in the period,
store.analytics_fast.hour_labels) is a sum of UTC cells: a UTC day whose hours fall in two local days counts as the
day in the local day most of its hours fall in, minus the few hours that fall in the other, plus those hours there.
Counts, rates, SLA attainment and means are exact. **Medians and p90** come from the histograms: bucket k holds
the values in [1.02^k, 1.02^(k+1)) and stands for 2 * 1.02^(k+1) / 2.02, which is within (1.02 - 1) / (1.02 + 1) <
0.99% of any value in it (zero, and any value below a microsecond, has its own bucket standing for 0). A median
of an even count is the mean of two such values, so it is within the same relative bound. When the period holds
at most EXACT_UP_TO values (all groups together), store.analytics answers exactly instead (analytics_fast reads
them all: cheap); for next-response waits, which only the exact path reads (from every mention of the period's
cases: seconds for a month), up to NEXT_RESPONSE_EXACT_UP_TO.

Not answered here (None; store.analytics_fast or the exact path answers): a period that does not start and end on
a whole UTC hour, local days or hours in a zone with a half-hour offset, business hours, a visibility rule other
than none (a team-scoped viewer also sees the cases assigned to them), two dimensions at once (a filter on one
of channel, priority or tag and a group by another), backlog, workload, approvals.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import BigInteger, Connection, Text, and_, bindparam, event, func, inspect, select, tuple_
from sqlalchemy.orm import ORMExecuteState
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Field, Session, SQLModel, col

from engine.measures import BREACHED, CLOSED_WITHOUT_RESPONSE, MET
from engine.metrics import AUTO_REPLY_METRICS, Summary, next_response_gaps, resolved_by_auto_reply
from engine.models import SYSTEM_ACTOR
from store.cases import Case

GAMMA = 1.02
RELATIVE_ERROR = (GAMMA - 1) / (GAMMA + 1)  # < 0.0099
ALL_TEAMS = "*"  # the team of the cells that count every team's cases (reports not by or for one team read them)
ZERO_BUCKET = -100_000  # values below a microsecond (0 s): stands for 0
EXACT_UP_TO = 5_000
NEXT_RESPONSE_EXACT_UP_TO = 200  # next-response waits: the exact path reads them from mentions, slowly
DIMENSIONS = ("none", "channel", "assignee", "priority", "policy", "tag")
_SLA_TARGETS = ("first_response", "next_response", "resolution")
_OUTCOMES = (MET, BREACHED, CLOSED_WITHOUT_RESPONSE)
MEASURES = ("n", "transferred", "reopened",
            *(f"sla_{t}_{o}" for t in ("fr", "nr", "res") for o in ("met", "breached", "cwr")),
            "first_response_n", "first_response_us", "resolution_n", "resolution_us", "handle_n", "handle_us",
            "auto_replied", "resolved_by_auto_reply", "next_response_n", "next_response_us",
            "sentiment_n", "sentiment_micro")
_INDEX = {name: i for i, name in enumerate(MEASURES)}
DURATIONS = ("first_response", "resolution", "handle", "next_response")
KEY = ("basis", "dim", "grain", "at", "team", "value")
HISTS = {metric: f"{metric}_hist" for metric in DURATIONS}
_READ = ("id", "status", "opened_at", "closed_at", "source", "team_id", "assignee_id", "priority", "tags",
         "auto_reply_id", "reply_count", "close_reason",
         "first_response_seconds", "first_response_at", "resolution_seconds", "handle_seconds", "sla_outcomes",
         "transfers", "reopen_count", "sla_policy")


class CaseRollup(SQLModel, table=True):
    """Cases counted per cell (see the module docstring); one column per measure."""

    __tablename__ = "case_rollup"
    basis: str = Field(primary_key=True, max_length=8)
    dim: str = Field(primary_key=True, max_length=10)
    grain: str = Field(primary_key=True, max_length=1)
    at: str = Field(primary_key=True, max_length=13)
    team: str = Field(primary_key=True)
    value: str = Field(primary_key=True)
    n: int = Field(default=0, sa_type=BigInteger)
    transferred: int = Field(default=0, sa_type=BigInteger)
    reopened: int = Field(default=0, sa_type=BigInteger)
    sla_fr_met: int = Field(default=0, sa_type=BigInteger)
    sla_fr_breached: int = Field(default=0, sa_type=BigInteger)
    sla_fr_cwr: int = Field(default=0, sa_type=BigInteger)
    sla_nr_met: int = Field(default=0, sa_type=BigInteger)
    sla_nr_breached: int = Field(default=0, sa_type=BigInteger)
    sla_nr_cwr: int = Field(default=0, sa_type=BigInteger)
    sla_res_met: int = Field(default=0, sa_type=BigInteger)
    sla_res_breached: int = Field(default=0, sa_type=BigInteger)
    sla_res_cwr: int = Field(default=0, sa_type=BigInteger)
    first_response_n: int = Field(default=0, sa_type=BigInteger)
    first_response_us: int = Field(default=0, sa_type=BigInteger)
    resolution_n: int = Field(default=0, sa_type=BigInteger)
    resolution_us: int = Field(default=0, sa_type=BigInteger)
    handle_n: int = Field(default=0, sa_type=BigInteger)
    handle_us: int = Field(default=0, sa_type=BigInteger)
    auto_replied: int = Field(default=0, sa_type=BigInteger)
    resolved_by_auto_reply: int = Field(default=0, sa_type=BigInteger)
    next_response_n: int = Field(default=0, sa_type=BigInteger)
    next_response_us: int = Field(default=0, sa_type=BigInteger)
    # Basis `mention`: of its mentions (n), those with a sentiment and its sum in millionths.
    sentiment_n: int = Field(default=0, sa_type=BigInteger)
    sentiment_micro: int = Field(default=0, sa_type=BigInteger)
    # Histograms of the cell's durations: {bucket: count} as JSON text, read and rewritten under the row's lock.
    first_response_hist: str = Field(default="{}", sa_type=Text)
    resolution_hist: str = Field(default="{}", sa_type=Text)
    handle_hist: str = Field(default="{}", sa_type=Text)
    next_response_hist: str = Field(default="{}", sa_type=Text)


ROLLUP = CaseRollup.__table__  # type: ignore[attr-defined]

# ---- What a case adds --------------------------------------------------------------------------------------


def bucket(seconds: float) -> int:
    """The histogram bucket of a duration: floor(log_1.02(seconds)), or ZERO_BUCKET below a microsecond."""
    if seconds < 1e-6:
        return ZERO_BUCKET
    return math.floor(math.log(seconds) / math.log(GAMMA))


def representative(index: int) -> float:
    """The value that stands for every value of bucket `index` (within RELATIVE_ERROR of each)."""
    if index == ZERO_BUCKET:
        return 0.0
    return 2 * GAMMA ** (index + 1) / (GAMMA + 1)


def _text(value: object) -> str:
    if value is None:
        return ""
    return str(getattr(value, "value", value))


def _cells(at: datetime) -> tuple[tuple[str, str], ...]:
    at = at.astimezone(UTC)
    return (("h", f"{at:%Y-%m-%d %H}"), ("d", f"{at:%Y-%m-%d}"), ("m", f"{at:%Y-%m}"))


def _dimensions(row: Mapping[str, Any]) -> list[tuple[str, str]]:
    tags = row["tags"] if isinstance(row["tags"], list) else []
    return [("none", ""), ("channel", _text(row["source"])), ("assignee", _text(row["assignee_id"])),
            ("priority", _text(row["priority"])), ("policy", _text(row["sla_policy"])),
            *(("tag", str(t)) for t in sorted(set(tags)) or [""])]


def _first_response(row: Mapping[str, Any]) -> float | None:
    if _text(row["status"]) == "closed":
        return row["first_response_seconds"]
    answered = row["first_response_at"]
    return None if answered is None else (answered - row["opened_at"]).total_seconds()


def _us(seconds: float) -> int:
    return round(seconds * 1_000_000)


Totals = tuple[dict[tuple, list[int]], dict[tuple, dict[str, dict[int, int]]]]  # sums and histograms per cell


def contributions(row: Mapping[str, Any]) -> list[tuple[tuple, tuple[tuple[int, int], ...], list[tuple[str, int]]]]:
    """What one case (a row with _READ's columns) adds: per cell key, its measures (index, amount) and its
    durations' (metric, bucket)."""
    found = []
    team = _text(row["team_id"])
    dims = _dimensions(row)
    opened: list[tuple[int, int]] = [(0, 1)]
    auto_replied = row["auto_reply_id"] is not None
    if auto_replied:
        opened.append((_INDEX["auto_replied"], 1))
    durations: list[tuple[str, int]] = []
    if (first := _first_response(row)) is not None:
        opened += [(_INDEX["first_response_n"], 1), (_INDEX["first_response_us"], _us(first))]
        durations.append(("first_response", bucket(first)))
    bases = [("opened", row["opened_at"], tuple(opened), durations)]
    if _text(row["status"]) == "closed" and row["closed_at"] is not None:
        closed: list[tuple[int, int]] = [(0, 1)]
        if (row["transfers"] or 0) > 0:
            closed.append((1, 1))
        if (row["reopen_count"] or 0) > 0:
            closed.append((2, 1))
        if auto_replied:
            closed.append((_INDEX["auto_replied"], 1))
            if resolved_by_auto_reply(auto_replied=True, human_replies=row["reply_count"] or 0,
                                      close_reason=_text(row["close_reason"]) or None):
                closed.append((_INDEX["resolved_by_auto_reply"], 1))
        outcomes = row["sla_outcomes"] if isinstance(row["sla_outcomes"], dict) else {}
        for t, target in enumerate(_SLA_TARGETS):
            if (outcome := outcomes.get(target)) in _OUTCOMES:
                closed.append((3 + 3 * t + _OUTCOMES.index(outcome), 1))
        durations = []
        for metric, column in (("resolution", "resolution_seconds"), ("handle", "handle_seconds")):
            if (value := row[column]) is not None:
                closed += [(_INDEX[f"{metric}_n"], 1), (_INDEX[f"{metric}_us"], _us(value))]
                durations.append((metric, bucket(value)))
        if waits := row.get("next_response") or []:
            closed += [(_INDEX["next_response_n"], len(waits)),
                       (_INDEX["next_response_us"], sum(_us(wait) for wait in waits))]
            durations += [("next_response", bucket(wait)) for wait in waits]
        bases.append(("closed", row["closed_at"], tuple(closed), durations))
    for basis, at, vector, buckets in bases:
        for grain, cell in _cells(at):
            for dim, value in dims:
                found.append(((basis, dim, grain, cell, team, value), vector, buckets))
                found.append(((basis, dim, grain, cell, ALL_TEAMS, value), vector, buckets))
    # Its mentions, by the team it has now (mention reports by team; all teams' are the mention rollup's).
    for hour, source, direction, n, sentiment_n, sentiment_micro in row.get("mentions") or ():
        mentions = ((0, n), (_INDEX["sentiment_n"], sentiment_n), (_INDEX["sentiment_micro"], sentiment_micro))
        for grain, cell in (("h", hour), ("d", hour[:10]), ("m", hour[:7])):
            found.append((("mention", "mention", grain, cell, team, f"{source}|{direction}"), mentions, []))
    return found


def _add(into: Totals, rows: Iterable[Mapping[str, Any]], sign: int = 1) -> None:
    sums, hists = into
    width = len(MEASURES)
    for row in rows:
        for key, vector, buckets in contributions(row):
            found = sums.get(key)
            if found is None:
                found = sums[key] = [0] * width
            for index, amount in vector:
                found[index] += sign * amount
            if buckets:
                per_metric = hists.setdefault(key, {})
                for metric, index in buckets:
                    counts = per_metric.setdefault(metric, {})
                    counts[index] = counts.get(index, 0) + sign


def _normal(totals: Totals) -> Totals:
    """Without the cells, metrics and buckets that add nothing."""
    sums, hists = totals
    kept = {key: {metric: {b: n for b, n in counts.items() if n} for metric, counts in per.items()}
            for key, per in hists.items()}
    kept = {key: {metric: counts for metric, counts in per.items() if counts} for key, per in kept.items()}
    return {k: v for k, v in sums.items() if any(v)}, {k: per for k, per in kept.items() if per}


def rows_by_id(connection: Connection, table: Any, columns: Sequence[str], ids: Iterable[str]) -> list[dict[str, Any]]:
    """`columns` of the rows of `table` with these ids, as dicts, read 500 ids at a time."""
    ordered = sorted(set(ids))
    rows: list[dict[str, Any]] = []
    for i in range(0, len(ordered), 500):
        query = select(*(table.c[name] for name in columns)).where(table.c.id.in_(ordered[i:i + 500]))
        rows += [dict(row) for row in connection.execute(query).mappings()]
    return rows


def _read(connection: Connection, ids: Iterable[str]) -> list[dict[str, Any]]:
    """These cases' _READ columns, each closed case's next-response waits and each case's mentions
    (`_add_mentions`)."""
    rows = rows_by_id(connection, Case.__table__, _READ, ids)  # type: ignore[attr-defined]
    _add_mentions(connection, rows)
    return rows


def _add_mentions(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """From each case's mentions: if it is closed, its next-response waits in seconds as store.analytics counts
    them (`next_response`: an auto-reply ends no wait, an inbound mention needs a response unless triage said it
    needs none; engine.metrics.next_response_gaps); and its mentions per UTC hour, channel and direction, with
    how many have a sentiment and its sum in millionths (`mentions`: [hour, source, direction, n, sentiment_n,
    sentiment_micro], as store.mention_rollup counts them)."""
    from store.mentions import Mention

    table = Mention.__table__  # type: ignore[attr-defined]
    ids = sorted(row["id"] for row in rows)
    messages: dict[str, list[tuple[datetime, bool, bool]]] = defaultdict(list)
    counted: dict[str, dict[tuple[str, str, str], list[int]]] = defaultdict(dict)
    for i in range(0, len(ids), 500):
        query = select(table.c.case_id, table.c.created_at, table.c.direction, table.c.needs_response,
                       table.c.author, table.c.source, table.c.sentiment).where(table.c.case_id.in_(ids[i:i + 500]))
        for case_id, at, direction, needs, author, source, sentiment in connection.execute(query):
            way = _text(direction)
            cell = (f"{at.astimezone(UTC):%Y-%m-%d %H}", _text(source), way)
            found = counted[case_id].setdefault(cell, [0, 0, 0])
            found[0] += 1
            if sentiment is not None:
                found[1] += 1
                found[2] += round(sentiment * 1_000_000)
            if way == "inbound" or author != SYSTEM_ACTOR:
                messages[case_id].append((at, way == "inbound", needs is not False))
    for row in rows:
        row["mentions"] = [[*cell, *vector] for cell, vector in sorted(counted.get(row["id"], {}).items())]
        if _text(row["status"]) == "closed":
            gaps = next_response_gaps(messages.get(row["id"], []))
            row["next_response"] = [(end - start).total_seconds() for start, end in gaps]
        else:
            row["next_response"] = []


def _decode(text: str | None) -> dict[int, int]:
    return {int(k): v for k, v in json.loads(text or "{}").items()}


def _encode(counts: dict[int, int]) -> str:
    return json.dumps({str(k): v for k, v in sorted(counts.items()) if v}, separators=(",", ":"))


def upsert_insert(connection: Connection) -> Any:
    """The dialect's `insert` (PostgreSQL's or SQLite's: both have ON CONFLICT), for the rollups' upserts."""
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def _upsert(connection: Connection, totals: Totals) -> None:
    """Add these deltas to the stored cells, skipping those that add nothing: a row for each new cell first
    (INSERT ... ON CONFLICT DO NOTHING), then the cells locked in key order (PostgreSQL: FOR UPDATE; SQLite holds
    its write lock already), counts added in SQL and histograms merged and written back."""
    dialect, insert = connection.dialect.name, upsert_insert(connection)
    sums, hists = _normal(totals)
    keys = sorted(set(sums) | set(hists))
    if not keys:
        return
    empty = dict.fromkeys(MEASURES, 0) | dict.fromkeys(HISTS.values(), "{}")
    connection.execute(insert(ROLLUP).on_conflict_do_nothing(index_elements=list(KEY)),
                       [dict(zip(KEY, key, strict=True)) | empty for key in keys])
    current: dict[tuple, dict[str, str]] = {}
    locked = keys if dialect == "postgresql" else sorted(hists)  # every cell, in one order: no deadlock cycle
    for i in range(0, len(locked), 300):
        chunk = locked[i:i + 300]
        query = select(*(ROLLUP.c[c] for c in KEY), *(ROLLUP.c[h] for h in HISTS.values())).where(
            tuple_(*(ROLLUP.c[c] for c in KEY)).in_(chunk)).order_by(*(ROLLUP.c[c] for c in KEY))
        if dialect == "postgresql":
            query = query.with_for_update()
        for row in connection.execute(query):
            current[tuple(row[:len(KEY)])] = dict(zip(HISTS, row[len(KEY):], strict=True))
    zero = [0] * len(MEASURES)
    updates = []
    for key in keys:
        values = {f"d_{m}": d for m, d in zip(MEASURES, sums.get(key, zero), strict=True)}
        for metric in HISTS:
            values[f"h_{metric}"] = None  # unchanged
            if metric in hists.get(key, {}):
                merged = _decode(current.get(key, {}).get(metric))
                for index, n in hists[key][metric].items():
                    merged[index] = merged.get(index, 0) + n
                values[f"h_{metric}"] = _encode(merged)
        updates.append({**{f"k_{c}": v for c, v in zip(KEY, key, strict=True)}, **values})
    # Cells whose histograms did not change keep theirs (None: keep the column as it is).
    statement = ROLLUP.update().where(*(ROLLUP.c[c] == bindparam(f"k_{c}") for c in KEY)).values(
        **{m: ROLLUP.c[m] + bindparam(f"d_{m}") for m in MEASURES},
        **{h: func.coalesce(bindparam(f"h_{metric}", type_=Text), ROLLUP.c[h]) for metric, h in HISTS.items()})
    connection.execute(statement, updates)


# ---- Keeping it up to date ---------------------------------------------------------------------------------


class CaseRollupPending(SQLModel, table=True):
    """Cases written since `fold` last counted them: marked in the transaction that writes them."""

    __tablename__ = "case_rollup_pending"
    case_id: str = Field(primary_key=True)
    marks: int = Field(default=1, sa_type=BigInteger)  # bumped by every write: the row is locked until it commits


class CaseRollupSeen(SQLModel, table=True):
    """Each case as the rollup counts it now (`_freeze` of its _READ columns): what `fold` takes away from the
    cells when the case changes."""

    __tablename__ = "case_rollup_seen"
    case_id: str = Field(primary_key=True)
    state: str = Field(sa_type=Text)


PENDING = CaseRollupPending.__table__  # type: ignore[attr-defined]
SEEN = CaseRollupSeen.__table__  # type: ignore[attr-defined]
_FOLD_LOCK = 0x5B_0116  # PostgreSQL advisory lock key of the case fold
FOLD_BATCH = 500  # cases per fold transaction (SQLite: the write lock is held this long, ~50 ms)
CORRECT_UP_TO = 2_000  # waiting cases a report counts itself; more and the rollup is behind: it does not answer
_TIMES = ("opened_at", "closed_at", "first_response_at")


def _freeze(row: Mapping[str, Any]) -> str:
    return json.dumps({name: (row[name].isoformat() if name in _TIMES and row[name] is not None
                              else _text(row[name]) if name in ("status", "source", "priority", "close_reason")
                              else row[name])
                       for name in (*_READ[1:], "next_response", "mentions")}, separators=(",", ":"))


def _thaw(case_id: str, state: str) -> dict[str, Any]:
    row = json.loads(state)
    for name in _TIMES:
        if row[name] is not None:
            row[name] = datetime.fromisoformat(row[name])
    return row | {"id": case_id}


def _seen(connection: Connection, ids: Sequence[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i in range(0, len(ids), 500):
        query = select(SEEN.c.case_id, SEEN.c.state).where(SEEN.c.case_id.in_(ids[i:i + 500]))
        rows += [_thaw(case_id, state) for case_id, state in connection.execute(query)]
    return rows


_MARKED = "switchboard.rollups.marked"


def _changed_cases(session: OrmSession) -> set[str]:
    """The cases this session is about to write, and those of the mentions it writes (`_MENTION_COLUMNS`)."""
    from store.mentions import Mention

    ids = {obj.id for obj in (*session.new, *session.deleted) if isinstance(obj, Case)}
    ids |= {obj.case_id for obj in (*session.new, *session.deleted) if isinstance(obj, Mention) and obj.case_id}
    for obj in session.dirty:
        if isinstance(obj, Case):
            state = inspect(obj)
            if any(state.attrs[name].history.has_changes() for name in _READ if name != "id"):
                ids.add(obj.id)
        elif isinstance(obj, Mention):
            state = inspect(obj)
            if any(state.attrs[name].history.has_changes() for name in _MENTION_COLUMNS):
                history = state.attrs["case_id"].history
                ids |= {case_id for case_id in (*history.deleted, *history.unchanged, *history.added) if case_id}
    return ids


def mark_on_commit(session: Session | OrmSession, ids: Iterable[str]) -> None:
    """Mark these cases as the caller's transaction commits, with the ORM's own (a write through the session that
    the session events do not see, such as a Core insert of mentions)."""
    if found := {i for i in ids if i}:
        session.info.setdefault(_MARKED, set()).update(found)


def mark(session: Session | OrmSession, ids: Iterable[str]) -> None:
    """Mark these cases for the next fold, in the caller's transaction (a write around the ORM calls this: the ORM's
    own writes are marked by the session events below). One statement through the driver; each row is an upsert,
    so that on PostgreSQL a fold waits for this transaction before it takes the mark (see `fold`)."""
    if not (ordered := sorted(set(ids))):
        return
    connection = session.connection()
    mark_ = "%s" if connection.dialect.name == "postgresql" else "?"
    connection.exec_driver_sql(
        f"INSERT INTO case_rollup_pending (case_id, marks) VALUES ({mark_}, 1) "
        "ON CONFLICT (case_id) DO UPDATE SET marks = case_rollup_pending.marks + 1", [(i,) for i in ordered])


@event.listens_for(OrmSession, "before_flush")
def _before_flush(session: OrmSession, _context: Any, _instances: Any) -> None:
    if ids := _changed_cases(session):
        session.info.setdefault(_MARKED, set()).update(ids)


@event.listens_for(OrmSession, "do_orm_execute")
def _bulk_writes(state: ORMExecuteState) -> Any:
    """A bulk insert, update or delete through the session marks the cases it writes: of cases (insert(Case),
    retention's delete(Case).where(...)) those its rows name or its WHERE matches, read just before it runs; of
    mentions that may change what a case adds of them (`_MENTION_COLUMNS`: their case, time, direction, need of
    a response, author, channel or sentiment), the cases of the mentions it matches, before it runs and after."""
    from store.mentions import Mention

    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    mapper = state.bind_mapper
    if mapper is None or mapper.class_ not in (Case, Mention):
        return None
    marked = state.session.info.setdefault(_MARKED, set())
    key = "id" if mapper.class_ is Case else "case_id"
    if state.is_insert:
        params = state.parameters
        rows = params if isinstance(params, list) else [params] if params else []
        marked.update(row[key] for row in rows if row.get(key))
        return None
    if mapper.class_ is Mention and state.is_update and not _touches_counted(state.statement):
        return None
    where = state.statement.whereclause  # type: ignore[attr-defined]
    if mapper.class_ is Case:
        query = select(Case.id) if where is None else select(Case.id).where(where)  # type: ignore[arg-type]
        marked.update(state.session.execute(query).scalars())
        return None
    query = select(Mention.id, Mention.case_id)
    matched = state.session.execute(query if where is None else query.where(where)).all()  # type: ignore[arg-type]
    marked.update(case_id for _, case_id in matched if case_id)
    if not state.is_update:
        return None
    result = state.invoke_statement()
    ids = [mention_id for mention_id, _ in matched]
    for i in range(0, len(ids), 500):
        marked.update(state.session.execute(select(Mention.case_id).where(
            col(Mention.id).in_(ids[i:i + 500]), col(Mention.case_id).is_not(None))).scalars())
    return result


# What a case adds of its mentions: their next-response waits and their counts by the case's team.
_MENTION_COLUMNS = frozenset({"case_id", "created_at", "direction", "needs_response", "author", "source", "sentiment"})


def _touches_counted(statement: Any) -> bool:
    """Whether an UPDATE of mentions sets a column of what their case adds (an UPDATE whose values cannot be
    read counts as one that does)."""
    values = getattr(statement, "_values", None)
    if not values:
        return True
    return any(getattr(column, "key", column) in _MENTION_COLUMNS for column in values)


@event.listens_for(OrmSession, "before_commit")
def _mark_on_commit(session: OrmSession) -> None:
    """The cases this transaction wrote, and those its commit is about to flush, marked as it commits: one
    statement per transaction."""
    if session.in_nested_transaction():
        return
    mark(session, session.info.pop(_MARKED, set()) | _changed_cases(session))


@event.listens_for(OrmSession, "after_transaction_end")
def _forget_marks(session: OrmSession, transaction: Any) -> None:
    if transaction.parent is None:  # the whole transaction ended (rolled back: its writes never happened)
        session.info.pop(_MARKED, None)


def fold(connection: Connection, limit: int = FOLD_BATCH) -> int:
    """Count up to `limit` marked cases in the rollup, in the caller's transaction: each case's cells lose what it
    added as the rollup last saw it (case_rollup_seen) and gain what it adds now. Returns how many it took (fewer
    than `limit`: caught up).

    Exactly once: the marks are taken (deleted) first, then the cases read. On PostgreSQL a mark whose writer has
    not committed is locked (its upsert), and skipped: that writer's change is counted by a later fold; a mark
    the writer adds after this fold took its case's is a new row, for the next fold. One fold at a time (SQLite has
    one writer; PostgreSQL: a transaction-scoped advisory lock, and a fold that finds it taken does nothing): two
    folds of one case at once would each take away what the rollup last saw of it."""
    chosen = select(PENDING.c.case_id).order_by(PENDING.c.case_id).limit(limit)
    if connection.dialect.name == "postgresql":
        if not connection.exec_driver_sql(f"SELECT pg_try_advisory_xact_lock({_FOLD_LOCK})").scalar():
            return 0  # another process folds now
        chosen = chosen.with_for_update(skip_locked=True)
    taken = sorted(row[0] for row in connection.execute(
        PENDING.delete().where(PENDING.c.case_id.in_(chosen)).returning(PENDING.c.case_id)))
    if not taken:
        return 0
    before, now = _seen(connection, taken), _read(connection, taken)
    delta: Totals = ({}, {})
    _add(delta, before, -1)
    _add(delta, now)
    _upsert(connection, delta)
    for i in range(0, len(taken), 500):
        connection.execute(SEEN.delete().where(SEEN.c.case_id.in_(taken[i:i + 500])))
    if now:
        connection.execute(SEEN.insert(), [{"case_id": row["id"], "state": _freeze(row)} for row in now])
    return len(taken)


def unfolded(connection: Connection, limit: int = CORRECT_UP_TO) -> Totals | None:
    """What the marked cases would change in the cells were they folded now, or None when more than `limit` wait
    (a report adds this to the stored cells, so it counts every case as it is: see case_report)."""
    ids = sorted(row[0] for row in connection.execute(select(PENDING.c.case_id).limit(limit + 1)))
    if len(ids) > limit:
        return None
    delta: Totals = ({}, {})
    if ids:
        _add(delta, _seen(connection, ids), -1)
        _add(delta, _read(connection, ids))
    return _normal(delta)


def recomputed(connection: Connection) -> Totals:
    """The rollup as the cases make it now, cells that add nothing left out."""
    table = Case.__table__  # type: ignore[attr-defined]
    totals: Totals = ({}, {})
    result = connection.execute(select(*(table.c[name] for name in _READ)).execution_options(yield_per=5000))
    for part in result.mappings().partitions():
        rows = [dict(row) for row in part]
        _add_mentions(connection, rows)
        _add(totals, rows)
    return _normal(totals)


def stored(connection: Connection) -> Totals:
    """The rollup as stored, cells that add nothing left out."""
    sums: dict[tuple, list[int]] = {}
    hists: dict[tuple, dict[str, dict[int, int]]] = {}
    for row in connection.execute(select(*(ROLLUP.c[c] for c in (*KEY, *MEASURES, *HISTS.values())))):
        key = tuple(row[:len(KEY)])
        sums[key] = list(row[len(KEY):len(KEY) + len(MEASURES)])
        hists[key] = {metric: _decode(text) for metric, text in zip(HISTS, row[len(KEY) + len(MEASURES):],
                                                                        strict=True)}
    return _normal((sums, hists))


def rebuild(connection: Connection) -> int:
    """Recompute the rollup from every case (a backfill: nothing waits to be folded after it); how many cells it
    wrote."""
    table = Case.__table__  # type: ignore[attr-defined]
    totals: Totals = ({}, {})
    for statement in (PENDING.delete(), SEEN.delete(), ROLLUP.delete()):
        connection.execute(statement)
    result = connection.execute(select(*(table.c[name] for name in _READ)).execution_options(yield_per=5000))
    for part in result.mappings().partitions():
        rows = [dict(row) for row in part]
        _add_mentions(connection, rows)
        _add(totals, rows)
        connection.execute(SEEN.insert(), [{"case_id": row["id"], "state": _freeze(row)} for row in rows])
    sums, hists = _normal(totals)
    zero, none = [0] * len(MEASURES), {}
    dumps = json.JSONEncoder(separators=(",", ":")).encode
    keys = list(set(sums) | set(hists))
    for i in range(0, len(keys), 20_000):
        rows = []
        for key in keys[i:i + 20_000]:
            per = hists.get(key, none)
            rows.append(dict(zip(KEY, key, strict=True)) | dict(zip(MEASURES, sums.get(key, zero), strict=True))
                        | {h: dumps(per[metric]) if metric in per else "{}" for metric, h in HISTS.items()})
        connection.execute(ROLLUP.insert(), rows)
    return len(keys)


# ---- Reading it ----------------------------------------------------------------------------------------------

_ONE_HOUR = timedelta(hours=1)
METRICS = frozenset({"opened", "closed", "first_response", "next_response", "resolution", "handle", "sla",
                     "transfer_rate", "reopen_rate", *AUTO_REPLY_METRICS})
GROUPS = frozenset({"none", "channel", "team", "assignee", "priority", "policy", "tag", "day", "hour"})
_GROUP_DIMS = {"channel": "channel", "assignee": "assignee", "priority": "priority", "policy": "policy", "tag": "tag"}
Cell = tuple[str, str, str | None, int]  # grain, cell, label, weight


def _whole_hour(at: datetime) -> bool:
    return at.tzinfo is not None and at.astimezone(UTC).minute == 0 and at.second == 0 and at.microsecond == 0


def _next_month(at: datetime) -> datetime:
    return at.replace(year=at.year + at.month // 12, month=at.month % 12 + 1)


def range_cells(since: datetime, until: datetime) -> list[Cell]:
    """The fewest cells covering [since, until) (whole UTC hours): months, then days, then hours."""
    cells: list[Cell] = []
    at, end = since.astimezone(UTC), until.astimezone(UTC)
    while at < end:
        if at.day == 1 and at.hour == 0 and _next_month(at) <= end:
            cells.append(("m", f"{at:%Y-%m}", None, 1))
            at = _next_month(at)
        elif at.hour == 0 and at + timedelta(days=1) <= end:
            cells.append(("d", f"{at:%Y-%m-%d}", None, 1))
            at += timedelta(days=1)
        else:
            cells.append(("h", f"{at:%Y-%m-%d %H}", None, 1))
            at += _ONE_HOUR
    return cells


def labelled_cells(hours: dict[str, str]) -> list[Cell]:
    """Cells whose weighted sums give each local bucket of `hours` (UTC hour -> label): a whole UTC day counts in
    the label most of its hours have, less its hours labelled otherwise, which count in theirs."""
    by_day: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for hour, label in hours.items():
        by_day[hour[:10]].append((hour, label))
    cells: list[Cell] = []
    for day, members in by_day.items():
        if len(members) < 24:
            cells += [("h", hour, label, 1) for hour, label in members]
            continue
        most = Counter(label for _, label in members).most_common(1)[0][0]
        cells.append(("d", day, most, 1))
        for hour, label in members:
            if label != most:
                cells += [("h", hour, most, -1), ("h", hour, label, 1)]
    return cells


def period_cells(since: datetime, until: datetime, zone: tzinfo,
                 group_by: str) -> tuple[dict[str, str] | None, list[Cell]] | None:
    """The cells a report of [since, until) reads, and for a group by local day or hour each UTC hour's label; None
    when the zone's offset is not whole hours in the period (the other paths answer)."""
    from store.analytics_fast import hour_labels

    if group_by not in ("day", "hour"):
        return None, range_cells(since, until)
    hours = hour_labels(since, until, zone, group_by)
    return None if hours is None else (hours, labelled_cells(hours))


def _plan(metric: str, group_by: str, filters: Any) -> tuple[str, str | None] | None:
    """(dimension, its value to filter by or None), or None when one dimension cannot answer."""
    wanted = {"channel": filters.channel, "priority": filters.priority, "tag": filters.tag}
    filtered = {dim: value for dim, value in wanted.items() if value is not None}
    group_dim = _GROUP_DIMS.get(group_by)
    dims = set(filtered) | ({group_dim} if group_dim else set())
    if len(dims) > 1 or (group_dim == "tag" and filters.tag is not None):  # a tagged case's other tags too
        return None
    dim = dims.pop() if dims else "none"
    return dim, filtered.get(dim)


@dataclass(frozen=True)
class _Selection:
    """The cells a report reads: one basis and dimension, the cells of one team, of each team or of all teams at
    once, maybe one value; grouped by the team or value column or not at all. As SQL (`where`) and as a test of
    a cell key (`matches`: the unfolded cases' changes are added in memory)."""

    basis: str
    dim: str
    team: str | None
    by_team: bool
    value: str | None
    key: str | None  # "team", "value" or None

    @property
    def column(self) -> Any:
        return ROLLUP.c[self.key] if self.key else None

    def where(self) -> list[Any]:
        found = [ROLLUP.c.basis == self.basis, ROLLUP.c.dim == self.dim]
        if self.team is not None:
            found.append(ROLLUP.c.team == self.team)
        else:
            found.append(ROLLUP.c.team != ALL_TEAMS if self.by_team else ROLLUP.c.team == ALL_TEAMS)
        if self.value is not None:
            found.append(ROLLUP.c.value == self.value)
        return found

    def matches(self, key: tuple) -> bool:
        basis, dim, _grain, _at, team, value = key
        if basis != self.basis or dim != self.dim or (self.value is not None and value != self.value):
            return False
        if self.team is not None:
            return team == self.team
        return team != ALL_TEAMS if self.by_team else team == ALL_TEAMS

    def group(self, key: tuple) -> Any:
        return key[KEY.index(self.key)] if self.key else None


@contextmanager
def _snapshot(session: Session) -> Iterator[Connection]:
    """One view of the cells and the marks for a report. SQLite's read transaction is one snapshot already; on
    PostgreSQL (READ COMMITTED: each statement its own) a fold committing between the report's reads of the cells
    and of the marks would count a case twice or not at all, so the report reads in a REPEATABLE READ transaction
    of its own."""
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        yield session.connection()
        return
    with bind.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection


def case_report(*, session: Session, metric: str, group_by: str, since: datetime, until: datetime, zone: tzinfo,
                filters: Any, visible: Sequence[Any] = (), exact_up_to: int = EXACT_UP_TO) -> list | None:
    """store.analytics.case_report's rows from the rollup (medians and p90 within RELATIVE_ERROR), or None when
    the rollup does not answer (see the module docstring). Durations with at most `exact_up_to` values in the
    whole period get None too (next_response: NEXT_RESPONSE_EXACT_UP_TO): the other paths answer them exactly."""
    from store.analytics import BY_OPENING, ReportRow
    from store.analytics_fast import _finish

    if metric not in METRICS or group_by not in GROUPS or visible or not (_whole_hour(since) and _whole_hour(until)):
        return None
    if session.get_bind().dialect.name not in ("sqlite", "postgresql") or since >= until:
        return None
    plan = _plan(metric, group_by, filters)
    if plan is None:
        return None
    dim, value = plan
    if (covered := period_cells(since, until, zone, group_by)) is None:
        return None
    hours, cells = covered
    selection = _Selection(basis="opened" if metric in BY_OPENING else "closed", dim=dim, team=filters.team_id,
                           by_team=group_by == "team", value=value,
                           key="team" if group_by == "team" else "value" if group_by in _GROUP_DIMS else None)
    with _snapshot(session) as connection:
        if (waiting := unfolded(connection)) is None:
            return None  # the fold is far behind (a backfill under way): the other paths answer
        delta_sums = {key: vector for key, vector in waiting[0].items() if selection.matches(key)}
        sums = _summed(connection, selection, cells, _measures_of(metric), hours is not None, delta_sums)
        if metric in DURATIONS:
            delta_hists = {key: per[metric] for key, per in waiting[1].items()
                           if metric in per and selection.matches(key)}
            return _durations(connection, metric, selection, cells, group_by, hours, sums, exact_up_to, ReportRow,
                              delta_hists)
    found: dict[Any, tuple] = {}
    for key, vector in sums.items():
        if hours is None and vector[0] == 0:
            continue  # no case in this group (cells whose cases moved away)
        if metric in ("opened", "closed"):
            found[key] = (vector[0],)
        elif metric in ("transfer_rate", "reopen_rate", "auto_replies", "auto_reply_rate"):
            found[key] = (vector[0], vector[1])
        elif metric == "resolved_by_auto_reply":  # as store.analytics_fast: (auto-replied, resolved by it)
            found[key] = (vector[1], vector[2])
        else:
            found[key] = tuple(vector[1:])
    return _finish(ReportRow, metric, {_group_key(k): v for k, v in found.items()}, group_by, hours)


def _group_key(key: Any) -> Any:
    return key if key != "" else None


def _measures_of(metric: str) -> list[str]:
    if metric in ("opened", "closed"):
        return ["n"]
    if metric == "transfer_rate":
        return ["n", "transferred"]
    if metric == "reopen_rate":
        return ["n", "reopened"]
    if metric in ("auto_replies", "auto_reply_rate"):
        return ["n", "auto_replied"]
    if metric == "resolved_by_auto_reply":
        return ["n", "auto_replied", "resolved_by_auto_reply"]
    if metric == "sla":
        return ["n", *MEASURES[3:12]]
    return ["n", f"{metric}_n", f"{metric}_us"]


Members = dict[str, list[tuple[str | None, int]]]  # a grain's cells: each with its (label, weight)s


def _by_grain(cells: list[Cell]) -> dict[str, Members]:
    by_grain: dict[str, Members] = defaultdict(lambda: defaultdict(list))
    for grain, cell, label, weight in cells:
        by_grain[grain][cell].append((label, weight))
    return by_grain


def _summed(connection: Connection, selection: _Selection, cells: list[Cell], measures: list[str], timed: bool,
            delta: dict[tuple, list[int]]) -> dict[Any, list[int]]:
    """Per group (the cells' label for a time group, else the selection's group column's value or None) the
    weighted sums of `measures` over `cells`, the unfolded cases' `delta` (cell key: every measure) added.

    One query per grain: cells counted once with weight +1 and no label (a non-time group) are summed by the
    database; labelled or subtracted cells come back one row per cell."""
    totals: dict[Any, list[int]] = {}

    def add(weights: list[tuple[str | None, int]], group: Any, values: list[int]) -> None:
        for label, weight in weights:
            slot = label if timed else group
            if slot in totals:
                totals[slot] = [a + weight * b for a, b in zip(totals[slot], values, strict=True)]
            else:
                totals[slot] = [weight * b for b in values]

    column, indexes = selection.column, [_INDEX[m] for m in measures]
    for grain, members in _by_grain(cells).items():
        per_cell = timed or any(len(v) > 1 or v[0][1] != 1 for v in members.values())
        columns = [column] if column is not None else []
        keys = [ROLLUP.c.at, *columns] if per_cell else columns
        query = select(*keys, *(func.sum(ROLLUP.c[m]) for m in measures)).where(
            *selection.where(), ROLLUP.c.grain == grain, _cells_in(ROLLUP, grain, sorted(members)))
        if keys:
            query = query.group_by(*keys)
        for row in connection.execute(query):
            at, rest = (row[0], tuple(row[1:])) if per_cell else (None, tuple(row))
            add(members[at] if per_cell else [(None, 1)], rest[0] if columns else None,
                [int(v or 0) for v in rest[len(columns):]])
        for key, vector in delta.items():
            if key[2] == grain and key[3] in members:
                add(members[key[3]], selection.group(key), [vector[i] for i in indexes])
    return totals


def _cells_in(table: Any, grain: str, cells: list[str]) -> Any:
    """A condition on `at` for these cells of one grain: a range when they are contiguous, else IN."""
    step = {"h": _ONE_HOUR, "d": timedelta(days=1)}.get(grain)
    if step is not None and len(cells) > 2:
        fmt = "%Y-%m-%d %H" if grain == "h" else "%Y-%m-%d"
        first, last = (datetime.strptime(c, fmt) for c in (cells[0], cells[-1]))
        if (last - first) // step + 1 == len(cells):
            return and_(table.c.at >= cells[0], table.c.at <= cells[-1])
    return table.c.at.in_(cells)


def _durations(connection: Connection, metric: str, selection: _Selection, cells: list[Cell], group_by: str,
               hours: dict[str, str] | None, sums: dict[Any, list[int]], exact_up_to: int, row_type: Any,
               delta: dict[tuple, dict[int, int]]) -> list | None:
    # Few values: the database-counted path (store.analytics_fast) counts them exactly, and cheaply. Next-response
    # waits only the exact path reads, from every mention of the period's cases (seconds for a month): only a few.
    limit = min(exact_up_to, NEXT_RESPONSE_EXACT_UP_TO) if metric == "next_response" else exact_up_to
    if sum(vector[1] for vector in sums.values()) <= limit:
        return None
    # Bucket counts by the bucket's number as text, as the cells' JSON has it (a year by day merges about a thousand
    # histograms: no int() per entry; _quantiles reads the numbers).
    buckets: dict[Any, dict[str, int]] = defaultdict(dict)

    def add(weights: list[tuple[str | None, int]], group: Any, counted: Mapping[str, int]) -> None:
        for label, weight in weights:
            into = buckets[label if hours is not None else group]
            get = into.get
            if weight == 1:
                for index, n in counted.items():
                    into[index] = get(index, 0) + n
            else:
                for index, n in counted.items():
                    into[index] = get(index, 0) + weight * n

    for grain, members in _by_grain(cells).items():
        query = select(ROLLUP.c.at, selection.column if selection.key else ROLLUP.c.dim, ROLLUP.c[HISTS[metric]]).where(
            *selection.where(), ROLLUP.c[f"{metric}_n"] != 0, ROLLUP.c.grain == grain,
            _cells_in(ROLLUP, grain, sorted(members)))
        for at, key, text in connection.execute(query):
            add(members[at], key if selection.key else None, json.loads(text))
        for key, counted in delta.items():
            if key[2] == grain and key[3] in members:
                add(members[key[3]], selection.group(key), {str(index): n for index, n in counted.items()})
    summaries: dict[Any, Summary] = {}
    for key, vector in sums.items():
        if hours is None and vector[0] == 0:
            continue
        n, micros = vector[1], vector[2]
        median, p90 = _quantiles(buckets.get(key, {}), n)
        summaries[_group_key(key)] = Summary(count=n, mean=micros / 1_000_000 / n if n else None, median=median,
                                             p90=p90)
    if hours is not None:
        ordered = [(label, summaries.get(label)) for label in dict.fromkeys(hours.values())]
    elif group_by in ("none",):
        ordered = [(None, summaries.get(None))]
    else:
        ordered = sorted(summaries.items(), key=lambda item: (item[0] is None, item[0] or ""))
    empty = Summary(count=0, mean=None, median=None, p90=None)
    return [row_type(group=key, count=s.count, value=s.mean, mean=s.mean, median=s.median, p90=s.p90)
            for key, s in ((k, s or empty) for k, s in ordered)]


def _quantiles(buckets: dict[int, int], n: int) -> tuple[float | None, float | None]:
    """The median and nearest-rank p90 of `n` values given as bucket counts, each as its bucket's
    representative (engine.metrics' definitions, within RELATIVE_ERROR)."""
    if n <= 0:
        return None, None
    ranks = {"p90": max(math.ceil(round(0.9 * n, 9)), 1)}
    if n % 2:
        ranks["m1"] = ranks["m2"] = (n + 1) // 2
    else:
        ranks["m1"], ranks["m2"] = n // 2, n // 2 + 1
    found: dict[str, float] = {}
    seen = 0
    wanted = sorted(ranks.items(), key=lambda item: item[1])
    for index in sorted(buckets, key=int):
        seen += buckets[index]
        while wanted and wanted[0][1] <= seen:
            found[wanted.pop(0)[0]] = representative(int(index))
    if wanted:  # the histogram holds fewer values than the count (never, unless a write went around the rollup)
        return None, None
    return (found["m1"] + found["m2"]) / 2, found["p90"]

