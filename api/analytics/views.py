"""Analytics: case and mention metrics over a period, grouped and filtered, in the viewer's time zone.

Which instant puts a case in the period for each metric, and where the work is done, is store.analytics'
docstring; the maths (median, nearest-rank p90, SLA attainment) is engine.metrics'.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from api.analytics.voice import voice_names
from api.auth.deps import ReadAnalytics
from api.auth.principal import Principal
from api.cases.access import case_filter, through_cases
from api.deps import SessionDep, SettingsDep
from api.errors import ApiError
from api.instants import instant_query, parse_instant
from engine.models import Direction, Priority
from store.analytics import (
    AT_AN_INSTANT,
    IN_BUSINESS_HOURS,
    CaseFilters,
    CaseGroup,
    CaseMetric,
    Hours,
    MentionGroup,
    MentionMetric,
    ReportRow,
    case_report,
    mention_report,
    period_column,
)
from store.cases import Case
from store.mentions import Mention

router = APIRouter(tags=["analytics"])

# A time series longer than this is refused rather than answered with thousands of rows.
MAX_BUCKETS = {"hour": timedelta(days=93), "day": timedelta(days=3 * 366)}


class AnalyticsRow(BaseModel):
    group: str | None = Field(description="The group's key: a channel, team id, agent id, priority, tag, SLA "
                                          "policy id, language, sentiment label, local day (YYYY-MM-DD) or hour "
                                          "(YYYY-MM-DDTHH:00+HH:MM); null for the whole period (group_by=none) "
                                          "and for cases (or mentions) with no team, agent, tag or language")
    count: int = Field(description="What the value was computed from: cases (or mentions) counted; for "
                                   "durations, the cases that have one; for sla, the target's outcomes")
    value: float | None = Field(description="The headline: the count (opened, closed, backlog, workload, "
                                            "volume), the mean seconds (first_response, next_response, "
                                            "resolution, handle), the attainment met / (met + breached) (sla), "
                                            "the rate (transfer_rate, reopen_rate, approval_rate), the mean "
                                            "sentiment (-1..1) or the share (share_of_voice); null when nothing "
                                            "was counted")
    target: str | None = Field(default=None, description="sla: the SLA target of this row")
    mean: float | None = Field(default=None, description="Durations: the mean, in seconds")
    median: float | None = Field(default=None, description="Durations: the median, in seconds (the mean of the "
                                                            "two middle values for an even count). Exact up to "
                                                            "5,000 values in the period (next_response: 200); "
                                                            "above, read from the case rollup's log-scale "
                                                            "histogram: within 0.99% of the exact median")
    p90: float | None = Field(default=None, description="Durations: the 90th percentile by nearest rank, in "
                                                         "seconds (the value at rank ceil(0.9 * count)). Exact up "
                                                         "to 5,000 values in the period (next_response: 200); "
                                                         "above, within 0.99%")
    met: int | None = Field(default=None, description="sla: outcomes met")
    breached: int | None = Field(default=None, description="sla: outcomes breached")
    closed_without_response: int | None = Field(
        default=None, description="sla: cases closed before any response and before the deadline; not in the "
                                  "attainment")
    matching: int | None = Field(default=None, description="Rates: the cases transferred (or reopened) at "
                                                           "least once; approval_rate: the replies approved; "
                                                           "auto_reply_rate: the cases auto-replied; "
                                                           "resolved_by_auto_reply: those closed with no human "
                                                           "reply")
    ages: dict[str, int] | None = Field(default=None, description="backlog and workload: the open cases per age "
                                                                  "(<1h, 1-4h, 4-24h, 1-3d, >3d) at the instant")
    name: str | None = Field(default=None, description="share_of_voice: the brand or competitor of this row")


class AnalyticsReport(BaseModel):
    metric: str
    group_by: str
    since: datetime
    until: datetime
    tz: str = Field(description="The time zone days and hours are counted in")
    hours: str = Field(default="calendar", description="calendar: elapsed time; business: open time in each case's "
                                                      "SLA calendar")
    period_column: str = Field(description="The instant that puts a case (or mention) in the period: opened_at, "
                                           "closed_at, decided_at (approval_rate), created_at, or until: "
                                           "backlog and workload are counted at the period's end (or now if "
                                           "sooner)")
    rows: list[AnalyticsRow]


def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ApiError(422, code="unknown_time_zone", path="tz",
                       message=f"{tz!r} is not an IANA time zone: give one such as Europe/Paris, "
                               "America/New_York or UTC") from exc


def _period(since: str, until: str, group_by: str) -> tuple[datetime, datetime]:
    start, end = parse_instant(since, "since"), parse_instant(until, "until")
    assert start is not None and end is not None
    if start >= end:
        raise ApiError(422, code="empty_period", path="until",
                       message=f"until ({until}) must be after since ({since}): the period is [since, until)")
    longest = MAX_BUCKETS.get(group_by)
    if longest is not None and end - start > longest:
        raise ApiError(422, code="period_too_long", path="since",
                       message=f"grouped by {group_by}, a period is at most {longest.days} days: shorten it or "
                               f"group by {'day' if group_by == 'hour' else 'none'}")
    return start, end


def _now() -> datetime:
    """The instant backlog and workload are capped at (a test on a virtual clock replaces it)."""
    return datetime.now(UTC)


def _rows(found: list[ReportRow]) -> list[AnalyticsRow]:
    return [AnalyticsRow(**vars(row)) for row in found]


SINCE = Annotated[str, instant_query("The period's start (included)")]
UNTIL = Annotated[str, instant_query("The period's end (excluded)")]
TZ = Annotated[str, Query(description="The viewer's IANA time zone, for day and hour groups", max_length=64)]


@router.get("/analytics/cases", response_model=AnalyticsReport)
def case_analytics(
    principal: ReadAnalytics, session: SessionDep, since: SINCE, until: UNTIL,
    metric: Annotated[CaseMetric, Query(description="opened, first_response, auto_replies and auto_reply_rate "
                                                    "count cases by opened_at; closed, resolved_by_auto_reply, "
                                                    "next_response, resolution, handle, sla, transfer_rate and "
                                                    "reopen_rate count closed cases by closed_at (throughput: "
                                                    "closed grouped by assignee or team); approval_rate counts "
                                                    "held replies decided in the period; backlog and workload "
                                                    "(open cases with an agent) count at the period's end")],
    group_by: Annotated[CaseGroup, Query(description="channel is the case's source; a case counts once in each "
                                                     "tag it has; policy is the SLA policy its workflow chose "
                                                     "last")] = "none",
    tz: TZ = "UTC",
    team_id: Annotated[str | None, Query(max_length=200)] = None,
    channel: Annotated[str | None, Query(max_length=200, description="A source, e.g. twitter")] = None,
    priority: Priority | None = None,
    tag: Annotated[str | None, Query(max_length=200)] = None,
    hours: Annotated[Hours, Query(description="business: first_response, next_response and resolution in open "
                                              "time of each case's SLA policy's calendar (24/7 without one)")
                     ] = "calendar",
) -> AnalyticsReport:
    """A case metric over [since, until), one row per group; a team-scoped user counts their teams' cases."""
    zone = _zone(tz)
    start, end = _period(since, until, group_by)
    _check_team(principal, team_id)
    check_case_metric(metric, group_by, hours)
    filters = CaseFilters(team_id=team_id, channel=channel, priority=priority, tag=tag)
    found = case_report(session=session, metric=metric, group_by=group_by, since=start, until=end, zone=zone,
                        filters=filters, visible=case_filter(principal), hours=hours, now=_now())
    return AnalyticsReport(metric=metric, group_by=group_by, since=start, until=end, tz=tz, hours=hours,
                           period_column=period_column(metric), rows=_rows(found))


@router.get("/analytics/mentions", response_model=AnalyticsReport)
def mention_analytics(
    principal: ReadAnalytics, session: SessionDep, since: SINCE, until: UNTIL,
    settings: SettingsDep,
    metric: Annotated[MentionMetric, Query(description="volume: mentions written in the period (by created_at); "
                                                       "sentiment: their mean sentiment (-1..1; group by day for "
                                                       "the trend); share_of_voice: inbound mentions naming the "
                                                       "brand and each competitor (GET /api/analytics/share-of-"
                                                       "voice/terms), "
                                                       "grouped by none, day or hour")] = "volume",
    group_by: Annotated[MentionGroup, Query(description="team is the queue of the mention's case; sentiment: "
                                                        "negative (<= -0.05), neutral, positive (>= 0.05); a "
                                                        "mention counts once in each tag it has")] = "none",
    tz: TZ = "UTC",
    channel: Annotated[str | None, Query(max_length=200, description="A source, e.g. twitter")] = None,
    direction: Direction | None = None,
) -> AnalyticsReport:
    """Mentions written in [since, until), one row per group; a team-scoped user counts the mentions of their
    teams' cases' conversations, as the mention list shows them."""
    zone = _zone(tz)
    start, end = _period(since, until, group_by)
    names = voice_names(session, settings) if metric == "share_of_voice" else {}
    check_mention_metric(metric, group_by, names)
    found = mention_report(session=session, metric=metric, group_by=group_by, since=start, until=end, zone=zone,
                           channel=channel, direction=direction, names=names,
                           visible=through_cases(principal, Mention.conversation_id, Case.conversation_id))
    return AnalyticsReport(metric=metric, group_by=group_by, since=start, until=end, tz=tz,
                           period_column="created_at", rows=_rows(found))


def check_case_metric(metric: str, group_by: str, hours: str) -> None:
    """Refuse a case metric with a grouping or hours it does not have (the analytics route and saved reports)."""
    if hours == "business" and metric not in IN_BUSINESS_HOURS:
        raise ApiError(422, code="no_business_hours", path="hours",
                       message=f"{metric} has no business-hours variant: use hours=calendar, or ask for "
                               f"{', '.join(sorted(IN_BUSINESS_HOURS))}")
    if metric in AT_AN_INSTANT and group_by in ("day", "hour"):
        raise ApiError(422, code="no_time_groups", path="group_by",
                       message=f"{metric} is counted at one instant (the period's end): group it by none, channel, "
                               "team, assignee, priority, tag or policy")


def check_mention_metric(metric: str, group_by: str, names: dict[str, list[str]]) -> None:
    """Refuse share of voice grouped other than by time, or with no name configured (`names`)."""
    check_mention_group(metric, group_by)
    if metric == "share_of_voice":
        check_voice_names(names)


def check_mention_group(metric: str, group_by: str) -> None:
    """Refuse share of voice grouped other than by none, day or hour."""
    if metric == "share_of_voice" and group_by not in ("none", "day", "hour"):
        raise ApiError(422, code="bad_group", path="group_by",
                       message=f"share_of_voice is counted per name: group it by none, day or hour, not {group_by}")


def check_voice_names(names: dict[str, list[str]]) -> None:
    """Refuse share of voice when no brand or competitor is set anywhere (`names` empty)."""
    if not names:
        raise ApiError(422, code="no_share_of_voice_terms", path="metric",
                       message="no brand or competitor is set: an ops lead sets them (the dashboard's share of "
                               "voice, or PUT /api/analytics/share-of-voice/terms), or the operator sets "
                               "SWITCHBOARD_SHARE_OF_VOICE to JSON such as {\"Acme\": [\"acme\"]}")


def _check_team(principal: Principal, team_id: str | None) -> None:
    if team_id is not None and not principal.sees_team(team_id):
        raise ApiError(403, code="other_team", path="team_id",
                       message=f"team {team_id!r} is not yours; you work for {', '.join(sorted(principal.teams))}")
