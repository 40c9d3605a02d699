"""Saved reports (issue 16): a metric of cases or mentions, grouped, filtered, over a period that is relative
(`last_7_days`, resolved when the report runs, in its time zone) or fixed (`since`/`until`), kept by its owner
and shared with everyone who reads analytics or private to them.

Running one is store.analytics' `case_report` or `mention_report` with the report's fields: the same rows
GET /api/analytics/cases and /mentions answer. Who sees which cases (`visible`) is the caller's rule. A report
may carry a schedule (daily or weekly at a local time) and a webhook and email recipients its result is delivered
to (store.report_mail writes the email); the webhook's signing secret is sealed with the key ring
(WEBHOOK_SECRET_PURPOSE), never stored or answered in clear. The services here change rows in the caller's
transaction and never commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement
from sqlmodel import JSON, Column, Field, Session, SQLModel, col, select

from engine.periods import resolve_period
from store.analytics import CaseFilters, ReportRow, case_report, mention_report, period_column
from store.cases import Case, visible_cases
from store.db.types import UtcDateTime
from store.mentions import Mention
from store.share_of_voice import names_of

WEBHOOK_SECRET_PURPOSE = "report-webhook-secret"
CUSTOM = "custom"  # a report with its own since and until


class SavedReportBase(SQLModel):
    name: str = Field(description="What the report is called, e.g. 'Weekly first response by team'")
    kind: str = Field(description="cases or mentions: which analytics the report runs")
    metric: str = Field(description="A case metric (GET /api/analytics/cases), or volume, sentiment or "
                                    "share_of_voice for mentions")
    group_by: str = Field(default="none", description="A grouping the kind's analytics take")
    hours: str = Field(default="calendar", description="cases: calendar, or business for first_response, "
                                                       "next_response and resolution in the SLA calendar's open "
                                                       "time")
    filters: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON),
                                    description="Equality filters: team_id, channel, priority, tag (cases); "
                                                "channel, direction (mentions)")
    period: str = Field(description="A relative window (last_7_days, this_month, ...) resolved in tz when the "
                                    "report runs, or custom: since and until")
    since: datetime | None = Field(default=None, sa_type=UtcDateTime,  # type: ignore[call-overload]
                                   description="custom periods: the start (included)")
    until: datetime | None = Field(default=None, sa_type=UtcDateTime,  # type: ignore[call-overload]
                                   description="custom periods: the end (excluded)")
    tz: str = Field(default="UTC", description="The IANA time zone its days, hours and relative period are in")
    shared: bool = Field(default=False, description="true: everyone who reads analytics sees and runs it; "
                                                    "false: its owner only")
    schedule_cadence: str | None = Field(default=None, description="daily or weekly; null: not scheduled")
    schedule_time: str | None = Field(default=None, description="HH:MM, local time in tz, when it is delivered")
    schedule_weekday: int | None = Field(default=None, description="weekly: 0 Monday ... 6 Sunday")
    webhook_url: str | None = Field(default=None, description="Where a scheduled run is POSTed (JSON, signed)")
    email_to: list[str] | None = Field(default=None, sa_column=Column(JSON),
                                       description="Who a scheduled run is emailed to (a summary and the CSV), "
                                                   "through the operator's SMTP server; null: nobody")


class SavedReport(SavedReportBase, table=True):
    __tablename__ = "saved_report"

    id: str = Field(primary_key=True)
    owner_id: str = Field(index=True)
    # The webhook's HMAC-SHA256 key, sealed with the key ring (the API never answers it).
    webhook_secret_sealed: str | None = None
    created_at: datetime = Field(sa_type=UtcDateTime)  # type: ignore[call-overload]
    updated_at: datetime = Field(sa_type=UtcDateTime)  # type: ignore[call-overload]


class SavedReportPublic(SavedReportBase):
    id: str
    owner_id: str
    has_webhook_secret: bool = Field(default=False, description="A signing secret is set (it is never shown)")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, report: SavedReport) -> SavedReportPublic:
        fields = report.model_dump(exclude={"webhook_secret_sealed"})
        return cls(**fields, has_webhook_secret=report.webhook_secret_sealed is not None)


def new_report_id() -> str:
    return "rpt-" + uuid.uuid4().hex[:12]


def report_period(report: SavedReportBase, *, now: datetime) -> tuple[datetime, datetime]:
    """[since, until) the report covers when run at `now`."""
    if report.period == CUSTOM:
        assert report.since is not None and report.until is not None, "a custom report has since and until"
        return report.since, report.until
    return resolve_period(report.period, now=now, zone=ZoneInfo(report.tz))


@dataclass
class ReportResult:
    since: datetime
    until: datetime
    period_column: str
    rows: list[ReportRow]


def run_report(*, session: Session, report: SavedReportBase, now: datetime,
               visible_cases: Sequence[ColumnElement[bool]] = (),
               visible_mentions: Sequence[ColumnElement[bool]] = (),
               voice_default: dict[str, list[str]] | None = None) -> ReportResult:
    """The report's rows at `now`, as GET /api/analytics/<kind> answers them; `visible_cases` (conditions on
    Case) and `visible_mentions` (on Mention) are the reader's visibility rule. Share of voice counts the names
    an ops lead saved, else `voice_default` (the setting SWITCHBOARD_SHARE_OF_VOICE of the API or the worker
    running it); with none anywhere, no rows."""
    since, until = report_period(report, now=now)
    zone = ZoneInfo(report.tz)
    filters = report.filters or {}
    if report.kind == "mentions":
        names = names_of(session, default=voice_default or {}) if report.metric == "share_of_voice" else None
        rows = mention_report(session=session, metric=report.metric, group_by=report.group_by, since=since,
                              until=until, zone=zone, channel=filters.get("channel"),
                              direction=filters.get("direction"), names=names, visible=visible_mentions)
        return ReportResult(since, until, "created_at", rows)
    case_filters = CaseFilters(team_id=filters.get("team_id"), channel=filters.get("channel"),
                               priority=filters.get("priority"), tag=filters.get("tag"))
    rows = case_report(session=session, metric=report.metric, group_by=report.group_by, since=since, until=until,
                       zone=zone, filters=case_filters, visible=visible_cases, hours=report.hours, now=now)
    return ReportResult(since, until, period_column(report.metric), rows)


def create_report(session: Session, *, fields: dict[str, Any], owner_id: str, now: datetime) -> SavedReport:
    report = SavedReport(id=new_report_id(), owner_id=owner_id, created_at=now, updated_at=now, **fields)
    session.add(report)
    session.flush()
    return report


def change_report(session: Session, *, report: SavedReport, fields: dict[str, Any], now: datetime) -> SavedReport:
    report.sqlmodel_update({**fields, "updated_at": now})
    session.add(report)
    session.flush()
    return report


def delete_report(session: Session, *, report: SavedReport) -> None:
    session.delete(report)
    session.flush()


def visibility_of(teams: Sequence[str], user_id: str) -> tuple[list[ColumnElement[bool]], list[ColumnElement[bool]]]:
    """What a user scoped to `teams` sees, as run_report takes it: conditions on cases, and on mentions (those of
    the conversations of the cases they see), as the API applies them to a request's caller."""
    cases = visible_cases(teams, user_id)
    if not cases:
        return [], []
    return cases, [col(Mention.conversation_id).in_(select(Case.conversation_id).where(*cases))]  # type: ignore[call-overload]


def delivery_body(*, report: SavedReport, result: ReportResult, delivery_id: str, now: datetime) -> dict[str, Any]:
    """What a scheduled run POSTs to the report's webhook: the report, its period and its rows as GET
    /api/reports/{id}/result answers them."""
    return {
        "delivery_id": delivery_id, "delivered_at": now.isoformat(),
        "report": {"id": report.id, "name": report.name, "kind": report.kind, "metric": report.metric,
                   "group_by": report.group_by, "filters": report.filters or {}, "period": report.period,
                   "tz": report.tz, "owner_id": report.owner_id},
        "since": result.since.isoformat(), "until": result.until.isoformat(), "period_column": result.period_column,
        "rows": [vars(row) for row in result.rows],
    }
