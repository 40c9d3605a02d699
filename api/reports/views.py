"""Saved reports: kept by those who manage reports, read and run by whoever reads analytics (a shared report) or
by its owner alone (a private one). A run answers what GET /api/analytics/<kind> answers for the report's fields
over its period resolved now, counted over the cases the caller sees."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, SecretStr
from sqlalchemy import ColumnElement, or_
from sqlmodel import Session, col
from temporalio.client import Client
from temporalio.service import RPCError

from api.analytics.views import (
    MAX_BUCKETS,
    AnalyticsReport,
    AnalyticsRow,
    _check_team,
    _zone,
    check_case_metric,
    check_mention_group,
    check_voice_names,
)
from api.audit.trail import record, record_apart
from api.auth.deps import ManageReports, ReadAnalytics
from api.auth.permissions import Role
from api.auth.principal import Principal
from api.cases.access import case_filter, through_cases
from api.deps import EngineDep, KeysDep, SessionDep, SettingsDep, TemporalDep
from api.errors import ApiError, refusal
from api.listing import Listing, ListParams, get_or_404, list_rows
from api.reports.models import MENTION_REPORT_METRICS, ReportChange, ReportCreate
from api.reports.schedules import deliver_now, ensure_report_schedule, remove_report_schedule
from api.settings import Settings
from engine.report_delivery import schedule_id
from store.analytics import CASE_GROUPS, CASE_METRICS, MENTION_GROUPS
from store.cases import Case
from store.db import session_scope
from store.keys import KeyRing
from store.mentions import Mention
from store.netguard import AddressRefused, NetGuard, parse_networks
from store.reports import (
    CUSTOM,
    WEBHOOK_SECRET_PURPOSE,
    ReportResult,
    SavedReport,
    SavedReportPublic,
    change_report,
    create_report,
    delete_report,
    run_report,
)
from store.share_of_voice import names_of

router = APIRouter(tags=["reports"])

REPORTS = Listing(SavedReport, "reports", filterable=("kind", "owner_id", "shared"), searchable=("name",),
                  sortable=("id", "name", "kind", "metric", "owner_id", "shared", "created_at", "updated_at"))
_FILTERS = {"cases": ("team_id", "channel", "priority", "tag"), "mentions": ("channel", "direction")}


class Delivery(BaseModel):
    status: str
    schedule_id: str


NOT_FOUND = {404: refusal("no such report, or a private report of someone else")}


def readable(principal: Principal) -> list[ColumnElement[bool]]:
    """The reports the caller sees: the shared ones and their own."""
    return [or_(col(SavedReport.shared).is_(True), SavedReport.owner_id == principal.user_id)]


def visible_report(session: Session, principal: Principal, report_id: str) -> SavedReport:
    """A report the caller may read; another's private report is answered as absent (its name is private too)."""
    report: SavedReport = get_or_404(session, SavedReport, report_id, resource="report")
    if not report.shared and report.owner_id != principal.user_id:
        raise ApiError(404, code="not_found", message=f"no report with id {report_id!r}", path="id")
    return report


def _owned(session: Session, principal: Principal, report_id: str) -> SavedReport:
    report = visible_report(session, principal, report_id)
    if report.owner_id != principal.user_id and principal.role != Role.admin:
        raise ApiError(403, code="not_owner", path="id",
                       message=f"report {report_id} is {report.owner_id}'s: only they (or an admin) change it; "
                               "save a copy of your own instead")
    return report


def _refuse(path: str, message: str, code: str = "invalid_report") -> ApiError:
    return ApiError(422, code=code, path=path, message=message)


def check_report(principal: Principal, fields: dict[str, Any], *, has_secret: bool = False,
                 mail_missing: str | None = None) -> dict[str, Any]:
    """The report as it will be, checked as a whole: its metric, grouping and filters fit its kind, its time zone
    exists, a custom period has a since before its until and no longer than its grouping allows, a schedule has
    its time (and day) and somewhere to go: a webhook with a signing secret (`has_secret`: one is stored or given)
    or email recipients, when the operator has an SMTP server (`mail_missing`: the setting it lacks). Answers the
    fields to store (null filters dropped; since and until only for custom periods)."""
    fields = {**fields, **_checked_schedule(fields, has_secret, mail_missing)}
    kind = fields["kind"]
    metrics = CASE_METRICS if kind == "cases" else MENTION_REPORT_METRICS
    if fields["metric"] not in metrics:
        raise _refuse("metric", f"a {kind} report's metric is one of {', '.join(metrics)}, not "
                                f"{fields['metric']!r}")
    groups = CASE_GROUPS if kind == "cases" else MENTION_GROUPS
    if fields["group_by"] not in groups:
        raise _refuse("group_by", f"a {kind} report groups by one of {', '.join(groups)}, not "
                                  f"{fields['group_by']!r}")
    if kind == "cases":
        check_case_metric(fields["metric"], fields["group_by"], fields.get("hours") or "calendar")
    elif fields.get("hours", "calendar") != "calendar":
        raise _refuse("hours", "a mentions report has no business hours: leave hours at calendar")
    else:
        check_mention_group(fields["metric"], fields["group_by"])
    filters = {key: value for key, value in (fields.get("filters") or {}).items() if value is not None}
    for key in filters:
        if key not in _FILTERS[kind]:
            raise _refuse(f"filters.{key}", f"a {kind} report filters by {', '.join(_FILTERS[kind])}: remove "
                                            f"{key}")
    _check_team(principal, filters.get("team_id"))
    _zone(fields["tz"])
    since, until = fields.get("since"), fields.get("until")
    if fields["period"] != CUSTOM:
        since = until = None
    else:
        if since is None or until is None:
            raise _refuse("since" if since is None else "until",
                          "a custom period needs since and until (ISO 8601 instants with an offset); or pick a "
                          "relative period such as last_7_days")
        if since >= until:
            raise _refuse("until", f"until ({until.isoformat()}) must be after since ({since.isoformat()})",
                          "empty_period")
        longest = MAX_BUCKETS.get(fields["group_by"])
        if longest is not None and until - since > longest:
            raise _refuse("since", f"grouped by {fields['group_by']}, a period is at most {longest.days} days: "
                                   "shorten it or group by day", "period_too_long")
    return {**fields, "filters": filters, "since": since, "until": until}


def _checked_schedule(fields: dict[str, Any], has_secret: bool, mail_missing: str | None) -> dict[str, Any]:
    cadence = fields.get("schedule_cadence")
    emails = fields.get("email_to") or None
    if cadence is None:
        return {"schedule_time": None, "schedule_weekday": None, "email_to": emails}
    if not fields.get("schedule_time"):
        raise _refuse("schedule_time", f"a {cadence} report is delivered at a local time: give schedule_time as "
                                       "HH:MM, e.g. 08:30")
    if cadence == "weekly" and fields.get("schedule_weekday") is None:
        raise _refuse("schedule_weekday", "a weekly report is delivered on one day: give schedule_weekday, 0 "
                                          "(Monday) to 6 (Sunday)")
    if not fields.get("webhook_url") and not emails:
        raise _refuse("webhook_url", "a scheduled report is POSTed to a webhook or emailed: give webhook_url (and "
                                     "webhook_secret), or email_to, the addresses it is emailed to")
    if fields.get("webhook_url") and not has_secret:
        raise _refuse("webhook_secret", "a webhook's deliveries are signed: give webhook_secret, 16 to 200 "
                                        "characters the receiver checks X-Signature-256 with")
    if emails and mail_missing:
        raise _refuse("email_to", "reports are emailed through the operator's SMTP server, and none is set up: "
                                  f"the operator sets {mail_missing}; or deliver to a webhook instead",
                      "email_not_configured")
    return {"schedule_weekday": fields.get("schedule_weekday") if cadence == "weekly" else None, "email_to": emails}


def _voice_checked(session: Session, settings: Settings, fields: dict[str, Any]) -> None:
    """A share of voice report is refused when no brand or competitor is set anywhere (it would count nothing)."""
    if fields["kind"] == "mentions" and fields["metric"] == "share_of_voice":
        check_voice_names(names_of(session, default=settings.share_of_voice))


def _mail_server_refusal(settings: Settings) -> str | None:
    """Why the operator's SMTP server is refused by the outbound-address rule the deliveries follow, or None.
    Resolves its name (at most netguard.LOOKUP_TIMEOUT): call it off the event loop and outside a transaction."""
    if not settings.smtp_host:
        return None
    try:
        NetGuard(parse_networks(settings.connect_allow)).resolve(settings.smtp_host, settings.smtp_port)
    except AddressRefused as exc:
        return str(exc)
    return None


def _mail_server_checked(fields: dict[str, Any], refusal: str | None) -> None:
    """A report emailed on a schedule is refused when saved if the SMTP server is (rather than at every
    delivery)."""
    if refusal and fields.get("schedule_cadence") and fields.get("email_to"):
        raise _refuse("email_to", f"reports are emailed through the operator's SMTP server, and it is refused: "
                                  f"{refusal}; or deliver to a webhook instead", "email_server_refused")


@router.get("/reports", response_model=list[SavedReportPublic])
def list_reports(principal: ReadAnalytics, session: SessionDep, response: Response,
                 params: Annotated[ListParams, Depends(REPORTS)]) -> list[SavedReportPublic]:
    """The shared reports and the caller's own."""
    return [SavedReportPublic.of(r) for r in list_rows(session, response, params, where=readable(principal))]


@router.get("/reports/{report_id}", response_model=SavedReportPublic, responses=NOT_FOUND)
def get_report(principal: ReadAnalytics, session: SessionDep, report_id: str) -> SavedReportPublic:
    return SavedReportPublic.of(visible_report(session, principal, report_id))


async def _scheduled(temporal: Client, settings: Settings, report: SavedReport) -> None:
    try:
        await ensure_report_schedule(temporal, settings.task_queue, report)
    except RPCError as exc:
        raise ApiError(503, code="workflow_service_unavailable", path="",
                       message=f"report {report.id} is saved, but its delivery schedule could not be set "
                               f"({exc.message}); it is set at the next start-up, or save it again") from exc


def _sealed(keys: KeyRing, secret: SecretStr | None) -> dict[str, str]:
    if secret is None:
        return {}
    return {"webhook_secret_sealed": keys.seal(secret.get_secret_value().encode(), purpose=WEBHOOK_SECRET_PURPOSE)}


SCHEDULE_REFUSALS = {503: refusal("saved, but the workflow service did not take its delivery schedule")}


@router.post("/reports", response_model=SavedReportPublic, status_code=status.HTTP_201_CREATED,
             responses={403: refusal("a team filter naming a team that is not the caller's"), **SCHEDULE_REFUSALS})
async def create(principal: ManageReports, engine: EngineDep, temporal: TemporalDep, settings: SettingsDep,
                 keys: KeysDep, body: ReportCreate) -> SavedReportPublic:
    """Save a report; the caller owns it. With a schedule, its result is POSTed to its webhook and emailed to its
    recipients daily or weekly."""
    fields = check_report(principal, body.model_dump(mode="python", exclude={"webhook_secret"}),
                          has_secret=body.webhook_secret is not None, mail_missing=settings.smtp_missing())
    fields["name"] = fields["name"].strip()

    def save() -> tuple[SavedReport, SavedReportPublic]:
        _mail_server_checked(fields, _mail_server_refusal(settings) if fields["email_to"] else None)
        with session_scope(engine) as session:
            _voice_checked(session, settings, fields)
            report = create_report(session, fields={**fields, **_sealed(keys, body.webhook_secret)},
                                   owner_id=principal.user_id, now=datetime.now(UTC))
            public = SavedReportPublic.of(report)
            record(session, principal, "report.create", "report", report.id, after=public.model_dump(mode="json"))
            return report, public

    report, public = await run_in_threadpool(save)
    if report.schedule_cadence:
        await _scheduled(temporal, settings, report)
    return public


_NULLABLE = ("since", "until", "schedule_cadence", "schedule_time", "schedule_weekday", "webhook_url", "email_to")


@router.patch("/reports/{report_id}", response_model=SavedReportPublic,
              responses={**NOT_FOUND, 403: refusal("someone else's report, or another team in its filter"),
                         **SCHEDULE_REFUSALS})
async def change(principal: ManageReports, engine: EngineDep, temporal: TemporalDep, settings: SettingsDep,
                 keys: KeysDep, report_id: str, body: ReportChange) -> SavedReportPublic:
    """Change a report's fields; absent ones stay as they are (a null schedule_cadence unschedules it). Its
    owner (or an admin) only."""
    def save() -> tuple[SavedReport, SavedReportPublic, bool]:
        # Resolved before the transaction (SQLite: no write lock held through a name lookup), unless the change
        # itself ends the emails.
        ends_mail = "email_to" in body.model_fields_set and not body.email_to or \
            "schedule_cadence" in body.model_fields_set and body.schedule_cadence is None
        refusal = None if ends_mail else _mail_server_refusal(settings)
        with session_scope(engine) as session:
            report = _owned(session, principal, report_id)
            was_scheduled = report.schedule_cadence is not None
            before = SavedReportPublic.of(report).model_dump(mode="json")
            asked = body.model_dump(mode="python", exclude_unset=True, exclude={"webhook_secret"})
            current = report.model_dump(include=set(ReportCreate.model_fields))
            wanted = {**current, **{k: v for k, v in asked.items() if v is not None or k in _NULLABLE}}
            fields = check_report(principal, wanted, has_secret=body.webhook_secret is not None or
                                  report.webhook_secret_sealed is not None, mail_missing=settings.smtp_missing())
            if "name" in asked and asked["name"] is not None:
                fields["name"] = asked["name"].strip()
            _mail_server_checked(fields, refusal)
            _voice_checked(session, settings, fields)
            change_report(session, report=report, fields={**fields, **_sealed(keys, body.webhook_secret)},
                          now=datetime.now(UTC))
            public = SavedReportPublic.of(report)
            record(session, principal, "report.change", "report", report.id, before=before,
                   after=public.model_dump(mode="json"))
            return report, public, was_scheduled

    report, public, was_scheduled = await run_in_threadpool(save)
    if report.schedule_cadence or was_scheduled:
        await _scheduled(temporal, settings, report)
    return public


@router.delete("/reports/{report_id}", response_model=SavedReportPublic,
               responses={**NOT_FOUND, 403: refusal("someone else's report")})
async def delete(principal: ManageReports, engine: EngineDep, temporal: TemporalDep,
                 report_id: str) -> SavedReportPublic:
    """Remove a report (and its schedule); answers it as it was. Its owner (or an admin) only."""
    def remove() -> SavedReportPublic:
        with session_scope(engine) as session:
            report = _owned(session, principal, report_id)
            gone = SavedReportPublic.of(report)
            delete_report(session, report=report)
            record(session, principal, "report.delete", "report", report_id, before=gone.model_dump(mode="json"))
            return gone

    gone = await run_in_threadpool(remove)
    if gone.schedule_cadence:
        try:
            await remove_report_schedule(temporal, report_id)
        except RPCError:  # a delivery of a deleted report finds nothing and sends nothing
            pass
    return gone


@router.post("/reports/{report_id}/deliver", status_code=status.HTTP_202_ACCEPTED, response_model=Delivery,
             responses={**NOT_FOUND, 409: refusal("the report is not scheduled"), **SCHEDULE_REFUSALS})
async def deliver(principal: ManageReports, session: SessionDep, engine: EngineDep, temporal: TemporalDep,
                  report_id: str) -> Delivery:
    """Deliver a scheduled report to its webhook and recipients now, beside its scheduled deliveries. Its owner
    (or an admin)."""
    report = _owned(session, principal, report_id)
    if not report.schedule_cadence:
        raise ApiError(409, code="not_scheduled", path="report_id",
                       message=f"report {report_id} has no schedule: set schedule_cadence, schedule_time, and "
                               "webhook_url with webhook_secret or email_to first")
    try:
        await deliver_now(temporal, report_id)
    except RPCError as exc:
        raise ApiError(503, code="workflow_service_unavailable", path="",
                       message=f"the workflow service did not take the delivery ({exc.message}); try again") from exc
    await record_apart(engine, principal, "report.deliver", "report", report_id,
                       detail={"webhook": report.webhook_url, "email_to": report.email_to})
    return Delivery(status="delivering", schedule_id=schedule_id(report_id))


def result_of(session: Session, principal: Principal, report: SavedReport, settings: Settings) -> ReportResult:
    """The report run now over what the caller sees (a shared report's team filter must be one of theirs); share
    of voice by the saved names, else the setting's."""
    _check_team(principal, (report.filters or {}).get("team_id"))
    return run_report(session=session, report=report, now=datetime.now(UTC), visible_cases=case_filter(principal),
                      visible_mentions=through_cases(principal, Mention.conversation_id, Case.conversation_id),
                      voice_default=settings.share_of_voice)


@router.get("/reports/{report_id}/result", response_model=AnalyticsReport,
            responses={**NOT_FOUND, 403: refusal("the report filters by a team that is not the caller's")})
def report_result(principal: ReadAnalytics, session: SessionDep, settings: SettingsDep,
                  report_id: str) -> AnalyticsReport:
    """Run the report now: its period resolved at this instant in its time zone, the rows GET
    /api/analytics/<kind> answers for the same fields."""
    report = visible_report(session, principal, report_id)
    found = result_of(session, principal, report, settings)
    return AnalyticsReport(metric=report.metric, group_by=report.group_by, since=found.since, until=found.until,
                           tz=report.tz, hours=report.hours, period_column=found.period_column,
                           rows=[AnalyticsRow(**vars(row)) for row in found.rows])
