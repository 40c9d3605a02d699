"""Case and mention metrics over a period, grouped and filtered, read from the read side (issue 16's first slice).

**Which instant puts a case in a period** (as Zendesk Explore reports created tickets by their creation date and
solved tickets' times by their solve date):
- `opened` and `first_response`: the case's `opened_at`. A first response counts for the cases opened in the
  period that have one: a closed case's measured `first_response_seconds` (engine.measures: from the first
  inbound mention needing a response), an open case's `first_response_at - opened_at` (every case opened at
  ingest opened at that mention); a case nobody answered yet has no first response and is not in the figures.
- `closed`, `resolution`, `handle`, `sla`, `transfer_rate`, `reopen_rate`: closed cases (status `closed`) by
  their `closed_at`. These measures are final only at a close (a reopened case has none until it closes again).
Day and hour groups of a metric bucket the same instant, in the viewer's time zone.

**Mentions** are counted by `created_at` (when they were written: an import of last year's mentions counts last
year), inbound and outbound unless a direction is asked for.

**Where the work is done**: counts grouped by a column (channel, team, assignee, priority, direction) are a SQL
`GROUP BY`. Tags (a JSON list: a case counts once in each tag it has, and under no tag when it has none), local
days and hours, and durations' medians and percentiles are computed in Python over the fetched values
(engine.metrics). Local buckets are computed with zoneinfo on the fetched UTC instants, so SQLite and PostgreSQL
bucket alike, daylight saving time included, without either database's time-zone support. That fetch grows with
the period (seconds for a year of 300,000 cases): store.analytics_fast answers the same rows with the counting
done by the database when it can (`accelerate`), and bench/analytics.py measures both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, Literal

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, select

from engine.metrics import attainment, rate, summarize, time_bucket, time_buckets
from engine.models import CaseStatus
from store import analytics_fast
from store.cases import Case
from store.mentions import Mention

CaseMetric = Literal["opened", "closed", "first_response", "resolution", "handle", "sla", "transfer_rate",
                     "reopen_rate"]
CaseGroup = Literal["none", "channel", "team", "assignee", "priority", "tag", "day", "hour"]
MentionGroup = Literal["none", "channel", "direction", "day", "hour"]
CASE_METRICS: tuple[str, ...] = CaseMetric.__args__  # type: ignore[attr-defined]
CASE_GROUPS: tuple[str, ...] = CaseGroup.__args__  # type: ignore[attr-defined]
MENTION_GROUPS: tuple[str, ...] = MentionGroup.__args__  # type: ignore[attr-defined]
BY_OPENING = frozenset({"opened", "first_response"})
SLA_TARGETS = ("first_response", "next_response", "resolution")

_CASE_COLUMNS: dict[str, Any] = {"channel": Case.source, "team": Case.team_id, "assignee": Case.assignee_id,
                                 "priority": Case.priority}
_MENTION_COLUMNS: dict[str, Any] = {"channel": Mention.source, "direction": Mention.direction}


@dataclass(frozen=True)
class CaseFilters:
    """Equality filters on cases; None: any."""

    team_id: str | None = None
    channel: str | None = None
    priority: str | None = None
    tag: str | None = None


@dataclass
class ReportRow:
    """One group of a report. `value` is its headline: the count (opened, closed, mentions), the mean seconds
    (durations), the attainment (sla) or the rate; the other fields say what it was computed from."""

    group: str | None
    count: int
    value: float | None
    target: str | None = None
    mean: float | None = None
    median: float | None = None
    p90: float | None = None
    met: int | None = None
    breached: int | None = None
    closed_without_response: int | None = None
    matching: int | None = None


def period_column(metric: str) -> Any:
    """The instant that puts a case in a period for `metric` (see the module docstring)."""
    return Case.opened_at if metric in BY_OPENING else Case.closed_at


def case_report(*, session: Session, metric: str, group_by: str, since: datetime, until: datetime, zone: tzinfo,
                filters: CaseFilters = CaseFilters(), visible: Sequence[ColumnElement[bool]] = (),
                accelerate: bool = True) -> list[ReportRow]:
    """`metric` of the cases in [since, until), one row per group (`visible`: the caller's visibility rule;
    `accelerate`: let store.analytics_fast answer when it can, with the same rows)."""
    if metric not in CASE_METRICS or group_by not in CASE_GROUPS:
        raise ValueError(f"no case metric {metric!r} or group {group_by!r}: see CASE_METRICS and CASE_GROUPS")
    if accelerate and (fast := analytics_fast.case_report(session=session, metric=metric, group_by=group_by,
                                                          since=since, until=until, zone=zone, filters=filters,
                                                          visible=visible)) is not None:
        return fast
    when = period_column(metric)
    where = [when >= since, when < until, *visible, *_equalities(filters)]
    if metric not in BY_OPENING:
        where.append(Case.status == CaseStatus.closed)
    if metric in ("opened", "closed") and group_by in ("none", *_CASE_COLUMNS) and filters.tag is None:
        return _counted_in_sql(session, where, group_by)
    columns = [Case.opened_at, Case.closed_at, Case.tags, *_CASE_COLUMNS.values(), *_measure_columns(metric)]
    rows = [dict(zip(("opened_at", "closed_at", "tags", *_CASE_COLUMNS, *_measure_names(metric)), found,
                     strict=True)) for found in session.exec(select(*columns).where(*where))]
    if filters.tag is not None:
        rows = [row for row in rows if filters.tag in (row["tags"] or [])]
    instant = "opened_at" if metric in BY_OPENING else "closed_at"
    groups: dict[str | None, list[dict]] = defaultdict(list)
    for row in rows:
        for key in _keys(row, group_by, instant, zone):
            groups[key].append(row)
    return _rows(metric, _ordered(groups, group_by, since, until, zone))


def mention_report(*, session: Session, group_by: str, since: datetime, until: datetime, zone: tzinfo,
                   channel: str | None = None, direction: str | None = None,
                   visible: Sequence[ColumnElement[bool]] = (), accelerate: bool = True) -> list[ReportRow]:
    """How many mentions were written in [since, until), one row per group."""
    if group_by not in MENTION_GROUPS:
        raise ValueError(f"no mention group {group_by!r}: see MENTION_GROUPS")
    if accelerate and (fast := analytics_fast.mention_report(
            session=session, group_by=group_by, since=since, until=until, zone=zone, channel=channel,
            direction=direction, visible=visible)) is not None:
        return fast
    where = [Mention.created_at >= since, Mention.created_at < until, *visible]
    if channel is not None:
        where.append(Mention.source == channel)
    if direction is not None:
        where.append(Mention.direction == direction)
    if group_by in ("day", "hour"):
        counts: dict[str | None, int] = dict.fromkeys(time_buckets(since, until, zone, group_by), 0)
        for at in session.exec(select(Mention.created_at).where(*where)):
            counts[time_bucket(at, zone, group_by)] += 1
        return [ReportRow(group=key, count=n, value=n) for key, n in counts.items()]
    if group_by == "none":
        total = session.exec(select(func.count()).select_from(Mention).where(*where)).one()
        return [ReportRow(group=None, count=total, value=total)]
    column = _MENTION_COLUMNS[group_by]
    found = session.exec(select(column, func.count()).where(*where).group_by(column).order_by(column)).all()
    return [ReportRow(group=_text(key), count=n, value=n) for key, n in found]


def _equalities(filters: CaseFilters) -> list[ColumnElement[bool]]:
    pairs = ((Case.team_id, filters.team_id), (Case.source, filters.channel), (Case.priority, filters.priority))
    return [column == value for column, value in pairs if value is not None]


def _counted_in_sql(session: Session, where: list, group_by: str) -> list[ReportRow]:
    if group_by == "none":
        total = session.exec(select(func.count()).select_from(Case).where(*where)).one()
        return [ReportRow(group=None, count=total, value=total)]
    column = _CASE_COLUMNS[group_by]
    found = session.exec(select(column, func.count()).where(*where).group_by(column)).all()
    return [ReportRow(group=key, count=n, value=n) for key, n in sorted(
        ((_text(key), n) for key, n in found), key=lambda pair: (pair[0] is None, pair[0] or ""))]


_MEASURES: dict[str, tuple[tuple[str, Any], ...]] = {
    "opened": (), "closed": (),
    "first_response": (("status", Case.status), ("first_response_seconds", Case.first_response_seconds),
                       ("first_response_at", Case.first_response_at)),
    "resolution": (("resolution_seconds", Case.resolution_seconds),),
    "handle": (("handle_seconds", Case.handle_seconds),),
    "sla": (("sla_outcomes", Case.sla_outcomes),),
    "transfer_rate": (("transfers", Case.transfers),),
    "reopen_rate": (("reopen_count", Case.reopen_count),),
}


def _measure_columns(metric: str) -> list[Any]:
    return [column for _, column in _MEASURES[metric]]


def _measure_names(metric: str) -> list[str]:
    return [name for name, _ in _MEASURES[metric]]


def _text(value: object) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


def _keys(row: dict, group_by: str, instant: str, zone: tzinfo) -> Iterable[str | None]:
    if group_by == "none":
        return (None,)
    if group_by in ("day", "hour"):
        return (time_bucket(row[instant], zone, group_by),)
    if group_by == "tag":
        return sorted(set(row["tags"] or [])) or (None,)
    return (_text(row[group_by]),)


def _ordered(groups: dict[str | None, list[dict]], group_by: str, since: datetime, until: datetime,
             zone: tzinfo) -> list[tuple[str | None, list[dict]]]:
    """Groups in report order: a time series has every bucket of the period, empty or not, in time order; other
    groups in order of their key, the cases without one (no team, no tag) last."""
    if group_by in ("day", "hour"):
        return [(key, groups.get(key, [])) for key in time_buckets(since, until, zone, group_by)]
    if group_by == "none":
        return [(None, groups.get(None, []))]
    return sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or ""))


def _first_response(row: dict) -> float | None:
    if row["status"] == CaseStatus.closed:
        return row["first_response_seconds"]
    answered = row["first_response_at"]
    return None if answered is None else (answered - row["opened_at"]).total_seconds()


_DURATIONS: dict[str, Callable[[dict], float | None]] = {
    "first_response": _first_response,
    "resolution": lambda row: row["resolution_seconds"],
    "handle": lambda row: row["handle_seconds"],
}


def _rows(metric: str, groups: list[tuple[str | None, list[dict]]]) -> list[ReportRow]:
    found: list[ReportRow] = []
    for key, rows in groups:
        if metric in ("opened", "closed"):
            found.append(ReportRow(group=key, count=len(rows), value=len(rows)))
        elif metric in _DURATIONS:
            values = [v for v in map(_DURATIONS[metric], rows) if v is not None]
            summary = summarize(values)
            found.append(ReportRow(group=key, count=summary.count, value=summary.mean, mean=summary.mean,
                                   median=summary.median, p90=summary.p90))
        elif metric == "sla":
            for target in SLA_TARGETS:
                counted = attainment(outcome for row in rows
                                     if (outcome := (row["sla_outcomes"] or {}).get(target)) is not None)
                found.append(ReportRow(group=key, target=target, value=counted.attainment,
                                       count=counted.met + counted.breached + counted.closed_without_response,
                                       met=counted.met, breached=counted.breached,
                                       closed_without_response=counted.closed_without_response))
        else:
            column = "transfers" if metric == "transfer_rate" else "reopen_count"
            matching = sum(1 for row in rows if (row[column] or 0) > 0)
            found.append(ReportRow(group=key, count=len(rows), value=rate(matching, len(rows)), matching=matching))
    return found
