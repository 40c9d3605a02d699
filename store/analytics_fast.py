"""The fast path of store.analytics: the same report rows, with the counting done by the database.

store.analytics' exact path fetches every case of the period with all the columns a metric might need and
groups them in Python; on a year of 300,000 cases that takes seconds (bench/analytics.py). This path asks the
database for aggregates instead, and stays exact:

- **Counts, SLA outcomes and rates** (auto-replies included) are SQL aggregates per group: `COUNT(*)`,
  `SUM(CASE ...)` for rates, and
  SLA outcomes counted per distinct `sla_outcomes` JSON text (a handful of distinct values), each decoded once
  in Python and counted as engine.metrics.attainment counts them.
- **Durations** (first response, resolution, handle): their median and nearest-rank p90 need every value, and
  percentiles cannot be summed from partial figures, so no summary table could give them exactly short of
  keeping every value. Only (group, value) pairs are fetched, without ORM row processing, and
  engine.metrics.summarize computes mean, median and p90 from them, as the exact path does. An open case's
  first response (first_response_at - opened_at) is computed in Python from its instants, as the exact path
  does, so that no database's date arithmetic rounds it differently; open cases are a small share of a period.
- **Tags**: the case's JSON list is expanded in SQL (SQLite `json_each`, PostgreSQL `json_array_elements_text`),
  each distinct tag of a case once, a case without tags under no tag (null).
- **Local days and hours**: the database groups by UTC hour; each UTC hour of the period is mapped to its local
  day or hour in Python. That is exact when every UTC hour of the period falls in one local bucket: the zone's
  offset is a whole number of hours and does not change inside an hour. Zones with half- or quarter-hour
  offsets (Asia/Kolkata, Asia/Kathmandu, Australia/Adelaide...) get None here, and the exact path answers.

Anything else returns None and the exact path answers: a tag filter, an unknown metric or group (new metrics
added to store.analytics go to the exact path until they are added here), or a database other than SQLite or
PostgreSQL. tests/api/test_analytics.py runs on both paths, and bench/analytics.py --check compares them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, cast, func, literal_column, or_, select, true, type_coerce
from sqlmodel import Session, col

from engine.measures import BREACHED, CLOSED_WITHOUT_RESPONSE, MET
from engine.metrics import AUTO_REPLY_METRICS, rate, summarize
from engine.models import CaseStatus, CloseReason
from store.cases import Case
from store.mentions import Mention

HOUR = timedelta(hours=1)
_TINY = timedelta(microseconds=1)
_COLUMNS: dict[str, Any] = {"channel": Case.source, "team": Case.team_id, "assignee": Case.assignee_id,
                            "priority": Case.priority, "policy": Case.sla_policy}
_MENTION_COLUMNS: dict[str, Any] = {"channel": Mention.source, "direction": Mention.direction}
_DURATIONS = {"resolution": Case.resolution_seconds, "handle": Case.handle_seconds}
METRICS = frozenset({"opened", "closed", "first_response", "resolution", "handle", "sla", "transfer_rate",
                      "reopen_rate", *AUTO_REPLY_METRICS})
GROUPS = frozenset({"none", "channel", "team", "assignee", "priority", "policy", "tag", "day", "hour"})
_SLA_TARGETS = ("first_response", "next_response", "resolution")
_OUTCOMES = {MET: 0, BREACHED: 1, CLOSED_WITHOUT_RESPONSE: 2}


def case_report(*, session: Session, metric: str, group_by: str, since: datetime, until: datetime, zone: tzinfo,
                filters: Any, visible: Sequence[ColumnElement[bool]] = ()) -> list | None:
    """store.analytics.case_report's rows, or None when this path does not answer (see the module docstring)."""
    from store.analytics import BY_OPENING, ReportRow, _equalities

    dialect = session.get_bind().dialect.name
    if metric not in METRICS or group_by not in GROUPS or filters.tag is not None or \
            dialect not in ("sqlite", "postgresql"):
        return None
    hours = None
    if group_by in ("day", "hour"):
        hours = hour_labels(since, until, zone, group_by)
        if hours is None:
            return None
    when = Case.opened_at if metric in BY_OPENING else Case.closed_at
    where: list[Any] = [when >= since, when < until, *visible, *_equalities(filters)]
    closed_only = metric not in BY_OPENING
    if closed_only:
        where.append(Case.status == CaseStatus.closed)
    key, source = _case_key(group_by, when, dialect)

    def fetch(*columns: Any, grouped: bool = True) -> list[tuple]:
        query = select(key, *columns).select_from(source).where(*where)
        if grouped and group_by != "none":
            query = query.group_by(key)
        return [tuple(row) for row in session.connection().execute(query)]

    if metric in ("opened", "closed"):
        return _finish(ReportRow, metric, _sum_by(fetch(func.count()), hours), group_by, hours)
    if metric in ("transfer_rate", "reopen_rate"):
        column = Case.transfers if metric == "transfer_rate" else Case.reopen_count
        matched = func.sum(case((func.coalesce(column, 0) > 0, 1), else_=0))
        return _finish(ReportRow, metric, _sum_by(fetch(func.count(), matched), hours), group_by, hours)
    if metric in AUTO_REPLY_METRICS:
        # engine.metrics.resolved_by_auto_reply, as SQL: auto-replied, no human reply, not closed as spam.
        replied = col(Case.auto_reply_id).is_not(None)
        resolved = and_(replied, func.coalesce(Case.reply_count, 0) == 0,
                        or_(col(Case.close_reason).is_(None), Case.close_reason != CloseReason.spam))
        counted = func.sum(case((replied, 1), else_=0))
        if metric == "resolved_by_auto_reply":
            found = fetch(counted, func.sum(case((resolved, 1), else_=0)))
        else:
            found = fetch(func.count(), counted)
        return _finish(ReportRow, metric, _sum_by(found, hours), group_by, hours)
    if metric == "sla":
        text = type_coerce(Case.sla_outcomes, String) if dialect == "sqlite" else cast(Case.sla_outcomes, String)
        query = select(key, text, func.count()).select_from(source).where(*where)
        query = query.group_by(text) if group_by == "none" else query.group_by(key, text)
        counted: dict[Any, list[int]] = defaultdict(lambda: [0] * 9)
        for group, outcomes, n in session.connection().execute(query):
            decoded = json.loads(outcomes) if outcomes is not None else None
            sums = counted[hours[group] if hours is not None else group]
            for t, target in enumerate(_SLA_TARGETS):
                # engine.metrics.attainment's counting: any other outcome is ignored
                slot = _OUTCOMES.get((decoded or {}).get(target))
                if slot is not None:
                    sums[3 * t + slot] += n
        return _finish(ReportRow, metric, {k: tuple(v) for k, v in counted.items()}, group_by, hours)
    # Durations: every value, then the same summary as the exact path's.
    values: dict[Any, list[float]] = defaultdict(list)
    if metric == "first_response":
        # Closed cases' measured seconds, read with their status (so that SQLite reads the opened_at index
        # alone), then the others' instants.
        status = type_coerce(Case.status, String)  # the stored name, without Enum processing of every row
        found = [(group, seconds) for group, stored, seconds in fetch(status, Case.first_response_seconds,
                                                                      grouped=False)
                 if stored == CaseStatus.closed.name]
        open_rows = session.connection().execute(
            select(key, Case.opened_at, Case.first_response_at).select_from(source)
            .where(*where, Case.status != CaseStatus.closed)).all()
        found += [(group, None if answered is None else (answered - opened).total_seconds())
                  for group, opened, answered in open_rows]
    else:
        found = fetch(_DURATIONS[metric], grouped=False)
    for group, value in found:
        bucket = values[hours[group] if hours is not None else group]
        if value is not None:
            bucket.append(value)
    return _finish(ReportRow, metric, values, group_by, hours)


def mention_report(*, session: Session, group_by: str, since: datetime, until: datetime, zone: tzinfo,
                   channel: str | None = None, direction: str | None = None,
                   visible: Sequence[ColumnElement[bool]] = ()) -> list | None:
    """store.analytics.mention_report's rows for day and hour groups (the others are SQL there already), or None."""
    from store.analytics import ReportRow

    dialect = session.get_bind().dialect.name
    if group_by not in ("day", "hour") or dialect not in ("sqlite", "postgresql"):
        return None
    hours = hour_labels(since, until, zone, group_by)
    if hours is None:
        return None
    where: list[Any] = [Mention.created_at >= since, Mention.created_at < until, *visible]
    if channel is not None:
        where.append(Mention.source == channel)
    if direction is not None:
        where.append(Mention.direction == direction)
    key = _utc_hour(Mention.created_at, dialect)
    counts: dict[str, int] = dict.fromkeys(hours.values(), 0)
    for hour, n in session.connection().execute(select(key, func.count()).where(*where).group_by(key)):
        counts[hours[hour]] += n
    return [ReportRow(group=label, count=n, value=n) for label, n in counts.items()]


def hour_labels(since: datetime, until: datetime, zone: tzinfo, unit: str) -> dict[str, str] | None:
    """Each UTC hour of [since, until) ('YYYY-MM-DD HH', as _utc_hour writes it) and the local day or hour
    (engine.metrics.time_bucket's label) all its instants fall in, in time order; None when some UTC hour
    straddles two local buckets (an offset that is not whole hours, or one that changes inside an hour).

    A year has 8,760 hours: the labels are built a UTC day at a time from the day's offset, read at its
    first and last instant; only a day whose offset changes is read hour by hour (no zone changes its offset
    twice within a day)."""
    labels: dict[str, str] = {}
    day = since.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    first_hour = since.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    end = until.astimezone(UTC)
    while day < end:
        dates = [f"{day + timedelta(days=d):%Y-%m-%d}" for d in (-1, 0, 1)]
        prefix = dates[1] + " "
        hours = range(24)
        offsets = _day_offsets(day, max(day, first_hour), min(day + 24 * HOUR, end), zone)
        if offsets is None:
            return None
        for hour in hours:
            at = day + hour * HOUR
            if at < first_hour:
                continue
            if at >= end:
                break
            offset = offsets[hour]
            local_hour = hour + offset
            date = dates[local_hour // 24 + 1]
            if unit == "day":
                labels[prefix + _HH[hour]] = date
            else:
                sign = "-" if offset < 0 else "+"
                labels[prefix + _HH[hour]] = f"{date}T{_HH[local_hour % 24]}:00{sign}{_HH[abs(offset)]}:00"
        day += timedelta(days=1)
    return labels


_HH = [f"{n:02d}" for n in range(48)]


def _day_offsets(day: datetime, start: datetime, end: datetime, zone: tzinfo) -> list[int] | None:
    """The zone's offset in whole hours during each UTC hour of `day` (midnight UTC) that [start, end) touches
    (0 for the others); None if one is not whole hours or changes inside an hour."""
    def whole(at: datetime) -> int | None:
        offset = at.astimezone(zone).utcoffset()
        return None if offset is None or offset % HOUR else offset // HOUR

    morning, night = whole(start), whole(end - _TINY)
    if morning is not None and morning == night:
        return [morning] * 24
    offsets = []
    for hour in range(24):
        at = day + hour * HOUR
        if at + HOUR <= start or at >= end:
            offsets.append(0)
            continue
        offset = whole(max(at, start))
        if offset is None or whole(min(at + HOUR, end) - _TINY) != offset:
            return None
        offsets.append(offset)
    return offsets


def _utc_hour(column: Any, dialect: str) -> Any:
    """The UTC hour of an instant column as 'YYYY-MM-DD HH' text (SQLite stores 'YYYY-MM-DD HH:MM:SS.ffffff'
    in UTC: store.db.types.UtcDateTime)."""
    if dialect == "sqlite":
        return func.substr(type_coerce(column, String), 1, 13)
    return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD HH24")


def _case_key(group_by: str, when: Any, dialect: str) -> tuple[Any, Any]:
    """The group key expression and the FROM clause (cases, or cases with their tags)."""
    table = Case.__table__  # type: ignore[attr-defined]
    if group_by == "none":
        return literal_column("NULL"), table
    if group_by in ("day", "hour"):
        return _utc_hour(when, dialect), table
    if group_by != "tag":
        return _COLUMNS[group_by], table
    if dialect == "sqlite":
        # Each distinct tag once: the element whose first occurrence this is.
        each = func.json_each(Case.tags).table_valued("key", "value").alias("tag")
        first = select(func.min(literal_column("other.key"))).select_from(
            func.json_each(Case.tags).table_valued("key", "value").alias("other")).where(
            literal_column("other.value") == each.c.value).scalar_subquery()
        return each.c.value, table.outerjoin(each, each.c.key == first)
    elements = func.json_array_elements_text(
        case((func.json_typeof(Case.tags) == "array", Case.tags), else_=literal_column("'[]'::json")))
    distinct = select(elements.column_valued("value").label("value")).distinct().lateral("tag")
    return distinct.c.value, table.outerjoin(distinct, true())


def _sum_by(found: list[tuple], hours: dict[str, str] | None) -> dict[Any, tuple]:
    """Aggregate tuples per group key, the UTC hours summed into their local buckets."""
    if hours is None:
        return {group: tuple(rest) for group, *rest in found}
    summed: dict[str, list[int]] = {}
    for group, *rest in found:
        label = hours[group]
        if label in summed:
            summed[label] = [a + b for a, b in zip(summed[label], rest, strict=True)]
        else:
            summed[label] = list(rest)
    return {k: tuple(v) for k, v in summed.items()}


def _text(value: object) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


def _finish(row_type: Any, metric: str, found: dict[Any, Any], group_by: str,
            hours: dict[str, str] | None) -> list:
    """Rows in the exact path's order and shape (store.analytics._ordered and _rows)."""
    if hours is not None:
        ordered = [(label, found.get(label)) for label in dict.fromkeys(hours.values())]
    elif group_by == "none":
        ordered = [(None, found.get(None))]
    else:
        merged: dict[str | None, Any] = {}
        for key, value in found.items():
            merged[_text(key)] = value  # keys are distinct in SQL, and so as text
        ordered = sorted(merged.items(), key=lambda item: (item[0] is None, item[0] or ""))
    rows = []
    for key, value in ordered:
        if metric in ("opened", "closed"):
            n = value[0] if value else 0
            rows.append(row_type(group=key, count=n, value=n))
        elif metric in ("transfer_rate", "reopen_rate"):
            n, matching = (value[0], int(value[1] or 0)) if value else (0, 0)
            rows.append(row_type(group=key, count=n, value=rate(matching, n), matching=matching))
        elif metric in AUTO_REPLY_METRICS:
            n, matching = (int(value[0] or 0), int(value[1] or 0)) if value else (0, 0)
            if metric == "auto_replies":
                rows.append(row_type(group=key, count=matching, value=matching))
            elif metric == "auto_reply_rate":
                rows.append(row_type(group=key, count=n, value=rate(matching, n), matching=matching))
            else:
                rows.append(row_type(group=key, count=n, value=matching, matching=matching))
        elif metric == "sla":
            sums = value or (0,) * 9
            for t, target in enumerate(_SLA_TARGETS):
                met, breached, without = sums[3 * t: 3 * t + 3]
                rows.append(row_type(group=key, target=target, value=met / (met + breached) if met + breached
                                     else None, count=met + breached + without, met=met, breached=breached,
                                     closed_without_response=without))
        else:
            summary = summarize(value or [])
            rows.append(row_type(group=key, count=summary.count, value=summary.mean, mean=summary.mean,
                                 median=summary.median, p90=summary.p90))
    return rows
