"""Case and mention metrics over a period, grouped and filtered, read from the read side (issue 16).

**Which instant puts a case in a period** (as Zendesk Explore reports created tickets by their creation date and
solved tickets' times by their solve date):
- `opened` and `first_response`: the case's `opened_at`. A first response counts for the cases opened in the
  period that have one: a closed case's measured `first_response_seconds` (engine.measures: from the first
  inbound mention needing a response), an open case's `first_response_at - opened_at` (every case opened at
  ingest opened at that mention); a case nobody answered yet has no first response and is not in the figures.
- `closed` (throughput, grouped by assignee or team), `next_response`, `resolution`, `handle`, `sla`,
  `transfer_rate`, `reopen_rate`: closed cases (status `closed`) by their `closed_at`. These measures are final
  only at a close (a reopened case has none until it closes again).
- `next_response`: every wait of a closed case, read from its mentions (Mention.case_id): after our first reply,
  an inbound mention needing a response (triage did not say it needs none) starts a wait, our next reply ends
  it (engine.metrics.next_response_gaps). Its count is of waits, not cases.
- `auto_replies` and `auto_reply_rate` (issue 16's auto-response statistics): the cases opened in the period that
  triage's auto-reply answered (Case.auto_reply_id, set once it was sent), and their share of the cases opened;
  `resolved_by_auto_reply`: closed cases (by `closed_at`) that got an auto-reply and no human reply, not closed as
  spam (engine.metrics.resolved_by_auto_reply). An auto-reply is never a first or next response.
- `approval_rate`: replies held for approval and decided in the period, by the decision's instant (the
  reply_approved and reply_rejected events of the case timeline): approved / decided.
- `backlog` and `workload` (backlog with an agent): the cases open at one instant, the period's end or now if
  sooner, with their ages then (from the first opening) in buckets <1h, 1-4h, 4-24h, 1-3d, >3d. A case never
  reopened was open from `opened_at` to `closed_at`; a reopened one's closes and reopens come from its timeline.
  Team, agent and priority are the case's current ones (the read side keeps no history of them).
Day and hour groups of a metric bucket the same instant, in the viewer's time zone.

**Business hours** (`hours=business`; first_response, next_response, resolution): the same two instants, the
open time between them in the calendar of the case's SLA policy (the one its workflow chose last, on its row,
looked up in its flow version), by engine.calendars'
business_time_between, the maths the SLA clocks run on. No policy, or a policy with no calendar: 24/7.

**Mentions** are counted by `created_at` (when they were written: an import of last year's mentions counts last
year), inbound and outbound unless a direction is asked for. `sentiment` is the mean of the mentions that have
one (inbound: discovery scores them), grouped by day for the trend; the sentiment group labels scores negative
(<= -0.05), neutral or positive (>= 0.05); team is the team of the mention's case. `share_of_voice` counts the
inbound mentions naming each configured name (the brand and its competitors, a term matching as a whole word)
and its share of the mentions naming any.

**Where the work is done**: counts grouped by a column (channel, team, assignee, priority, direction,
language, sentiment label) are a SQL `GROUP BY`, and so is a mean sentiment. Tags (a JSON list: a case or mention
counts once in each tag it has, and under no tag when it has none), local days and hours, durations' medians and
percentiles, next-response waits, business time and ages are computed in Python over the fetched values
(engine.metrics, engine.calendars). Local buckets are computed with zoneinfo on the fetched UTC instants, so
SQLite and PostgreSQL bucket alike, daylight saving time included, without either database's time-zone support.
Share of voice fetches only the mentions holding a term (SQL LIKE) and matches whole words in Python. That
fetch grows with the period (seconds for a year of 300,000 cases): store.analytics_fast answers the same rows
with the counting done by the database when it can (`accelerate`: the first slice's metrics and groups, in
calendar hours, and mention volume by day or hour), and bench/analytics.py measures both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, case, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from engine.calendars import BusinessCalendar, business_time_between
from engine.metrics import (
    AGE_BUCKETS,
    AUTO_REPLY_METRICS,
    SENTIMENT_CUT,
    age_bucket,
    attainment,
    next_response_gaps,
    rate,
    resolved_by_auto_reply,
    shares,
    summarize,
    term_pattern,
    time_bucket,
    time_buckets,
)
from engine.models import SYSTEM_ACTOR, CaseStatus, Direction
from store import analytics_fast, mention_rollup, rollups, voice_rollup
from store.case_events import CaseEvent
from store.cases import Case
from store.compiled_flows import compiled
from store.flows import Flow
from store.mentions import Mention

CaseMetric = Literal["opened", "closed", "first_response", "next_response", "resolution", "handle", "sla",
                     "transfer_rate", "reopen_rate", "approval_rate", "backlog", "workload", "auto_replies",
                     "auto_reply_rate", "resolved_by_auto_reply"]
CaseGroup = Literal["none", "channel", "team", "assignee", "priority", "tag", "policy", "day", "hour"]
MentionMetric = Literal["volume", "sentiment", "share_of_voice"]
MentionGroup = Literal["none", "channel", "direction", "tag", "language", "sentiment", "team", "day", "hour"]
Hours = Literal["calendar", "business"]
CASE_METRICS: tuple[str, ...] = CaseMetric.__args__  # type: ignore[attr-defined]
CASE_GROUPS: tuple[str, ...] = CaseGroup.__args__  # type: ignore[attr-defined]
MENTION_METRICS: tuple[str, ...] = MentionMetric.__args__  # type: ignore[attr-defined]
MENTION_GROUPS: tuple[str, ...] = MentionGroup.__args__  # type: ignore[attr-defined]
BY_OPENING = frozenset({"opened", "first_response", "auto_replies", "auto_reply_rate"})
# Counted at one instant (the period's end, or now if sooner) rather than over the period.
AT_AN_INSTANT = frozenset({"backlog", "workload"})
# Durations that have a business-hours variant (the case's SLA calendar).
IN_BUSINESS_HOURS = frozenset({"first_response", "next_response", "resolution"})
SLA_TARGETS = ("first_response", "next_response", "resolution")
APPROVAL_EVENTS = ("reply_approved", "reply_rejected")
UTC_ZONE: tzinfo = UTC

_MENTION_CASE = aliased(Case, name="mention_case")
_CASE_COLUMNS: dict[str, Any] = {"channel": Case.source, "team": Case.team_id, "assignee": Case.assignee_id,
                                 "priority": Case.priority, "policy": Case.sla_policy}
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
    ages: dict[str, int] | None = None
    name: str | None = None


def period_column(metric: str) -> str:
    """The instant that puts a case in a period for `metric` (see the module docstring)."""
    if metric in AT_AN_INSTANT:
        return "until"
    if metric == "approval_rate":
        return "decided_at"
    return "opened_at" if metric in BY_OPENING else "closed_at"


def case_report(*, session: Session, metric: str, group_by: str, since: datetime, until: datetime, zone: tzinfo,
                filters: CaseFilters = CaseFilters(), visible: Sequence[ColumnElement[bool]] = (),
                hours: str = "calendar", now: datetime | None = None, accelerate: bool = True) -> list[ReportRow]:
    """`metric` of the cases in [since, until), one row per group (`visible`: the caller's visibility rule).

    `hours`: business measures durations in the case's SLA calendar (first_response, next_response and
    resolution only). `now`: the instant backlog and workload are counted at when the period ends later.
    `accelerate`: let store.analytics_fast answer when it can, with the same rows.
    """
    if metric not in CASE_METRICS or group_by not in CASE_GROUPS or hours not in Hours.__args__:  # type: ignore
        raise ValueError(f"no case metric {metric!r}, group {group_by!r} or hours {hours!r}: see CASE_METRICS, "
                         "CASE_GROUPS and Hours")
    if hours == "business" and metric not in IN_BUSINESS_HOURS:
        raise ValueError(f"{metric} has no business-hours variant: only {sorted(IN_BUSINESS_HOURS)}")
    if metric in AT_AN_INSTANT:
        if group_by in ("day", "hour"):
            raise ValueError(f"{metric} is counted at one instant: it has no {group_by} groups")
        return _backlog(session, metric, group_by, min(until, now) if now else until, filters, visible)
    if metric == "approval_rate":
        return _approvals(session, group_by, since, until, zone, filters, visible)
    if accelerate and hours == "calendar" and (summed := rollups.case_report(
            session=session, metric=metric, group_by=group_by, since=since, until=until, zone=zone,
            filters=filters, visible=visible)) is not None:
        return summed
    if accelerate and hours == "calendar" and (fast := analytics_fast.case_report(
            session=session, metric=metric, group_by=group_by, since=since, until=until, zone=zone,
            filters=filters, visible=visible)) is not None:
        return fast
    when = Case.opened_at if metric in BY_OPENING else Case.closed_at
    where = [when >= since, when < until, *visible, *_equalities(filters)]
    if metric not in BY_OPENING:
        where.append(Case.status == CaseStatus.closed)
    if metric in ("opened", "closed") and group_by in ("none", *_CASE_COLUMNS) and filters.tag is None:
        return _counted_in_sql(session, where, group_by)
    rows = _case_rows(session, where, filters, _MEASURES[metric])
    if metric == "next_response":
        _add_next_response_gaps(session, rows)
    if hours == "business":
        _to_business_hours(session, metric, rows)
    instant = "opened_at" if metric in BY_OPENING else "closed_at"
    return _rows(metric, _grouped(rows, group_by, instant, since, until, zone))


_BASE = (("id", Case.id), ("opened_at", Case.opened_at), ("closed_at", Case.closed_at), ("tags", Case.tags),
         ("flow_version", Case.flow_version), *_CASE_COLUMNS.items())


def _case_rows(session: Session, where: Sequence[Any], filters: CaseFilters,
               measures: tuple[tuple[str, Any], ...]) -> list[dict]:
    named = (*_BASE, *measures)
    rows = [dict(zip((name for name, _ in named), found, strict=True))
            for found in session.exec(select(*(column for _, column in named)).where(*where))]
    if filters.tag is not None:
        rows = [row for row in rows if filters.tag in (row["tags"] or [])]
    return rows


def mention_report(*, session: Session, group_by: str, since: datetime, until: datetime, zone: tzinfo,
                   metric: str = "volume", channel: str | None = None, direction: str | None = None,
                   names: dict[str, list[str]] | None = None,
                   visible: Sequence[ColumnElement[bool]] = (), accelerate: bool = True) -> list[ReportRow]:
    """Mentions written in [since, until), one row per group: how many (volume), their mean sentiment
    (sentiment: the mentions that have one), or per configured name of `names` how many name it and its share
    (share_of_voice: inbound mentions only, grouped by none, day or hour). `accelerate`: let
    store.analytics_fast count volume by day or hour, with the same rows."""
    if metric not in MENTION_METRICS or group_by not in MENTION_GROUPS:
        raise ValueError(f"no mention metric {metric!r} or group {group_by!r}: see MENTION_METRICS and MENTION_GROUPS")
    if accelerate and metric in ("volume", "sentiment") and (summed := mention_rollup.mention_report(
            session=session, group_by=group_by, since=since, until=until, zone=zone, metric=metric,
            channel=channel, direction=direction, visible=visible)) is not None:
        return summed
    if accelerate and metric == "volume" and (fast := analytics_fast.mention_report(
            session=session, group_by=group_by, since=since, until=until, zone=zone, channel=channel,
            direction=direction, visible=visible)) is not None:
        return fast
    if accelerate and metric == "share_of_voice" and (counted := voice_rollup.voice_report(
            session=session, names=names or {}, group_by=group_by, since=since, until=until, zone=zone,
            channel=channel, direction=direction, visible=visible)) is not None:
        return counted
    where = [Mention.created_at >= since, Mention.created_at < until, *visible]
    if channel is not None:
        where.append(Mention.source == channel)
    if direction is not None:
        where.append(Mention.direction == direction)
    if metric == "share_of_voice":
        return _share_of_voice(session, where, group_by, since, until, zone, names or {})
    if metric == "sentiment":
        where.append(col(Mention.sentiment).is_not(None))
    value = func.count() if metric == "volume" else func.avg(Mention.sentiment)
    if group_by == "none":
        total, mean = session.exec(select(func.count(), value).select_from(Mention).where(*where)).one()
        return [_mention_row(None, total, mean, metric)]
    if group_by in _MENTION_COLUMNS or group_by in ("language", "sentiment", "team"):
        column = _mention_column(group_by)
        query = select(column, func.count(), value).select_from(Mention)
        if group_by == "team":  # an alias: a visibility rule's subquery on Case must not correlate with it
            query = query.outerjoin(_MENTION_CASE, col(Mention.case_id) == _MENTION_CASE.id)
        found = session.exec(query.where(*where).group_by(column)).all()
        return [_mention_row(key, n, mean, metric) for key, n, mean in sorted(
            ((_text(key), n, mean) for key, n, mean in found), key=lambda row: (row[0] is None, row[0] or ""))]
    # Tags (a JSON list) and local days and hours: in Python over the fetched rows.
    groups: dict[str | None, list[float | None]] = defaultdict(list)
    if group_by in ("day", "hour"):
        groups.update((key, []) for key in time_buckets(since, until, zone, group_by))
    for at, tags, sentiment in session.exec(select(Mention.created_at, Mention.tags, Mention.sentiment).where(*where)):
        keys = (time_bucket(at, zone, group_by),) if group_by in ("day", "hour") else sorted(set(tags or [])) or (None,)
        for key in keys:
            groups[key].append(sentiment)
    ordered = groups.items() if group_by in ("day", "hour") else sorted(
        groups.items(), key=lambda item: (item[0] is None, item[0] or ""))
    return [_mention_row(key, len(values), _mean(values), metric) for key, values in ordered]


def _mention_column(group_by: str) -> Any:
    if group_by == "team":
        return _MENTION_CASE.team_id
    if group_by == "language":
        return Mention.language
    if group_by == "sentiment":
        # engine.metrics.sentiment_label, as SQL: one GROUP BY over three labels.
        return case((col(Mention.sentiment).is_(None), None), (col(Mention.sentiment) <= -SENTIMENT_CUT, "negative"),
                    (col(Mention.sentiment) >= SENTIMENT_CUT, "positive"), else_="neutral")
    return _MENTION_COLUMNS[group_by]


def _mention_row(key: str | None, n: int, mean: float | None, metric: str) -> ReportRow:
    if metric == "volume":
        return ReportRow(group=key, count=n, value=n)
    return ReportRow(group=key, count=n, value=None if mean is None else float(mean), mean=mean)


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return summarize(known).mean


def _share_of_voice(session: Session, where: list, group_by: str, since: datetime, until: datetime, zone: tzinfo,
                    names: dict[str, list[str]]) -> list[ReportRow]:
    """Per name, per bucket: the inbound mentions naming it, and its share of those naming any name. SQL keeps
    the mentions holding a term anywhere (LIKE); the whole-word match is engine.metrics.term_pattern's."""
    if group_by not in ("none", "day", "hour"):
        raise ValueError(f"share of voice is grouped by none, day or hour, not {group_by!r}")
    patterns = {name: term_pattern(terms) for name, terms in names.items()}
    terms = sorted({term.strip().lower() for found in names.values() for term in found if term.strip()})
    buckets = time_buckets(since, until, zone, group_by) if group_by in ("day", "hour") else [None]
    counts: dict[str | None, dict[str, int]] = {key: dict.fromkeys(patterns, 0) for key in buckets}
    if terms:
        holding = or_(*(func.lower(Mention.text).contains(term, autoescape=True) for term in terms))
        query = select(Mention.created_at, Mention.text).where(*where, Mention.direction == Direction.inbound, holding)
        for at, text in session.exec(query):
            key = None if group_by == "none" else time_bucket(at, zone, group_by)
            for name, pattern in patterns.items():
                if pattern.search(text):
                    counts[key][name] += 1
    return [ReportRow(group=key, name=name, count=n, value=share)
            for key, per_name in counts.items() for (name, n), share in zip(
                per_name.items(), shares(per_name).values(), strict=True)]


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
    "next_response": (),
    "sla": (("sla_outcomes", Case.sla_outcomes),),
    "transfer_rate": (("transfers", Case.transfers),),
    "reopen_rate": (("reopen_count", Case.reopen_count),),
    "auto_replies": (("auto_reply_id", Case.auto_reply_id),),
    "auto_reply_rate": (("auto_reply_id", Case.auto_reply_id),),
    "resolved_by_auto_reply": (("auto_reply_id", Case.auto_reply_id), ("reply_count", Case.reply_count),
                               ("close_reason", Case.close_reason)),
}


def _text(value: object) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


def _grouped(rows: list[dict], group_by: str, instant: str, since: datetime, until: datetime,
             zone: tzinfo) -> list[tuple[str | None, list[dict]]]:
    """The rows of each group in the group's order (a case counts in each of its tags; `instant` places it in a
    day or hour)."""
    groups: dict[str | None, list[dict]] = defaultdict(list)
    for row in rows:
        for key in _keys(row, group_by, instant, zone):
            groups[key].append(row)
    return _ordered(groups, group_by, since, until, zone)


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


def _durations(metric: str, row: dict) -> list[float]:
    """A case's values of a duration metric: its one value (none when it has none), or its next-response gaps."""
    if "business" in row:
        return list(row["business"])
    if metric == "next_response":
        return [(end - start).total_seconds() for start, end in row["gaps"]]
    value = _DURATIONS[metric](row)
    return [] if value is None else [value]


def _rows(metric: str, groups: list[tuple[str | None, list[dict]]]) -> list[ReportRow]:
    found: list[ReportRow] = []
    for key, rows in groups:
        if metric in ("opened", "closed"):
            found.append(ReportRow(group=key, count=len(rows), value=len(rows)))
        elif metric in _DURATIONS or metric == "next_response":
            values = [v for row in rows for v in _durations(metric, row)]
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
        elif metric in AUTO_REPLY_METRICS:
            found.append(_auto_reply_row(metric, key, rows))
        else:
            column = "transfers" if metric == "transfer_rate" else "reopen_count"
            matching = sum(1 for row in rows if (row[column] or 0) > 0)
            found.append(ReportRow(group=key, count=len(rows), value=rate(matching, len(rows)), matching=matching))
    return found


def _auto_reply_row(metric: str, key: str | None, rows: list[dict]) -> ReportRow:
    """auto_replies: the cases opened in the period that were auto-replied (count and value); auto_reply_rate:
    their share of the cases opened (count: opened, matching: auto-replied); resolved_by_auto_reply: of the
    auto-replied cases closed in the period (count), those closed with no human reply (matching and value)."""
    replied = [row for row in rows if row["auto_reply_id"] is not None]
    if metric == "auto_replies":
        return ReportRow(group=key, count=len(replied), value=len(replied))
    if metric == "auto_reply_rate":
        return ReportRow(group=key, count=len(rows), value=rate(len(replied), len(rows)), matching=len(replied))
    resolved = sum(1 for row in replied if resolved_by_auto_reply(
        auto_replied=True, human_replies=row["reply_count"] or 0, close_reason=_text(row["close_reason"])))
    return ReportRow(group=key, count=len(replied), value=resolved, matching=resolved)


# ---- Next response and business hours ------------------------------------------------------------------

_CHUNK = 500  # ids per IN (...): well inside SQLite's and PostgreSQL's parameter limits


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    return (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK))


def _add_next_response_gaps(session: Session, rows: list[dict]) -> None:
    """Each case's next-response waits (engine.metrics.next_response_gaps) from its mentions (Mention.case_id):
    an inbound mention needs a response unless triage said it needs none."""
    messages: dict[str, list[tuple[datetime, bool, bool]]] = defaultdict(list)
    for ids in _chunks([row["id"] for row in rows]):
        query = select(Mention.case_id, Mention.created_at, Mention.direction, Mention.needs_response,
                       Mention.author).where(col(Mention.case_id).in_(ids))
        for case_id, at, direction, needs, author in session.exec(query):
            if direction == Direction.outbound and author == SYSTEM_ACTOR:
                continue  # an auto-reply ends no wait: it is no human's response
            messages[case_id].append((at, direction == Direction.inbound, needs is not False))
    for row in rows:
        row["gaps"] = next_response_gaps(messages.get(row["id"], []))


def _to_business_hours(session: Session, metric: str, rows: list[dict]) -> None:
    """Each case's durations as business seconds in its SLA policy's calendar (24/7 without one): the open
    time between the same two instants engine.calendars.business_time_between counts an SLA clock's time by."""
    calendars = _case_calendars(session, rows)
    for row in rows:
        calendar = calendars.get(row["id"])
        row["business"] = [_business_seconds(calendar, start, end) for start, end in _spans(metric, row)]


def _spans(metric: str, row: dict) -> list[tuple[datetime, datetime]]:
    if metric == "next_response":
        return list(row["gaps"])
    if metric == "resolution":
        return [] if row["resolution_seconds"] is None else [(row["opened_at"], row["closed_at"])]
    seconds, answered = _first_response(row), row["first_response_at"]
    return [] if seconds is None or answered is None else [(answered - timedelta(seconds=seconds), answered)]


def _business_seconds(calendar: BusinessCalendar | None, start: datetime, end: datetime) -> float:
    if calendar is None:
        return (end - start).total_seconds()
    return business_time_between(calendar, start, end).total_seconds()


def _case_calendars(session: Session, rows: list[dict]) -> dict[str, BusinessCalendar | None]:
    """Each case's business calendar: that of its SLA policy (case.sla_policy) as its flow version defines it;
    None (24/7) with no policy or no calendar."""
    flows: dict[str, Any] = {}
    found: dict[str, BusinessCalendar | None] = {}
    for row in rows:
        version = row["flow_version"]
        if row["policy"] is None:
            continue
        if version not in flows:
            stored = session.get(Flow, version)
            flows[version] = None if stored is None else compiled(stored)
        policy = flows[version].sla_policies.get(row["policy"]) if flows[version] is not None else None
        found[row["id"]] = None if policy is None else policy.calendar
    return found


# ---- Backlog, workload and approvals -------------------------------------------------------------------


def _backlog(session: Session, metric: str, group_by: str, at: datetime, filters: CaseFilters,
             visible: Sequence[ColumnElement[bool]]) -> list[ReportRow]:
    """The cases open at `at` (workload: those with an agent), one row per group, with their ages at `at`.

    A case never reopened was open from its opening to its close (closed_at); a reopened one's closes and
    reopens are read from its timeline, as only its last close is on its row. Team, agent and priority are
    the case's current ones.
    """
    # Open at `at`: open now (if reopened, its timeline says whether it was open then), or closed after `at`. A
    # case closed now whose last close (closed_at) is at or before `at` stayed closed from then on, whatever
    # reopened it before. Both terms read the (status, closed_at, ...) index, not every case.
    where = [Case.opened_at <= at, *visible, *_equalities(filters),
             or_(col(Case.status).in_([s for s in CaseStatus if s != CaseStatus.closed]),
                 and_(Case.status == CaseStatus.closed, col(Case.closed_at) > at))]
    if metric == "workload":
        where.append(col(Case.assignee_id).is_not(None))
    rows = _case_rows(session, where, filters, (("status", Case.status), ("reopen_count", Case.reopen_count)))
    reopened = [row for row in rows if row["reopen_count"]]
    closed_at_instant = _closed_at(session, [row["id"] for row in reopened], at)
    rows = [row for row in rows if row["id"] not in closed_at_instant]
    found = []
    for key, members in _grouped(rows, group_by, "opened_at", at, at, UTC_ZONE):
        ages = [at - row["opened_at"] for row in members]
        summary = summarize(age.total_seconds() for age in ages)
        buckets = dict.fromkeys((name for name, _ in AGE_BUCKETS), 0)
        for age in ages:
            buckets[age_bucket(age)] += 1
        found.append(ReportRow(group=key, count=len(members), value=len(members), mean=summary.mean,
                               median=summary.median, p90=summary.p90, ages=buckets))
    return found


def _closed_at(session: Session, ids: list[str], at: datetime) -> set[str]:
    """Of these (reopened) cases, those whose latest close or reopen at or before `at` is a close."""
    latest: dict[str, tuple[datetime, int, str]] = {}
    for chunk in _chunks(ids):
        query = select(CaseEvent.case_id, CaseEvent.at, CaseEvent.seq, CaseEvent.kind).where(
            col(CaseEvent.case_id).in_(chunk), col(CaseEvent.kind).in_(("closed", "reopened")), CaseEvent.at <= at)
        for case_id, when, seq, kind in session.exec(query):
            if (when, seq) > latest.get(case_id, (when, -1, ""))[:2]:
                latest[case_id] = (when, seq, kind)
    return {case_id for case_id, (_, _, kind) in latest.items() if kind == "closed"}


def _approvals(session: Session, group_by: str, since: datetime, until: datetime, zone: tzinfo,
               filters: CaseFilters, visible: Sequence[ColumnElement[bool]]) -> list[ReportRow]:
    """Replies held for approval and decided in [since, until): matching approved, count decided, value the
    approval rate; grouped by their case's columns, or by the decision's local day or hour."""
    named = (*_BASE, ("decided_at", CaseEvent.at), ("kind", CaseEvent.kind))
    query = select(*(column for _, column in named)).join(Case, col(CaseEvent.case_id) == Case.id).where(
        CaseEvent.at >= since, CaseEvent.at < until, col(CaseEvent.kind).in_(APPROVAL_EVENTS), *visible,
        *_equalities(filters))
    rows = [dict(zip((name for name, _ in named), found, strict=True)) for found in session.exec(query)]
    if filters.tag is not None:
        rows = [row for row in rows if filters.tag in (row["tags"] or [])]
    found = []
    for key, members in _grouped(rows, group_by, "decided_at", since, until, zone):
        approved = sum(1 for row in members if row["kind"] == "reply_approved")
        found.append(ReportRow(group=key, count=len(members), value=rate(approved, len(members)), matching=approved))
    return found
