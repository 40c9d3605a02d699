"""What a saved report's create and change take. The fields each check alone are checked here; whether a metric,
grouping and filter go with the report's kind, and the period, are checked by the routes (api.reports.views)
over the report as it will be, so a change of kind alone is refused when its old metric no longer fits."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    StrictBool,
    StrictInt,
    StringConstraints,
)

from engine.models import Direction, Priority
from engine.periods import RELATIVE_PERIODS
from store.analytics import CASE_GROUPS, CASE_METRICS, MENTION_GROUPS, Hours
from store.report_mail import MAX_RECIPIENTS, address_problem

NAME_MAX = 120
Kind = Literal["cases", "mentions"]
# Share of voice counts the names an ops lead saved, else the setting SWITCHBOARD_SHARE_OF_VOICE, which the API and
# the workers (scheduled delivery) both take.
MENTION_REPORT_METRICS = ("volume", "sentiment", "share_of_voice")
Metric = Literal[(*CASE_METRICS, *MENTION_REPORT_METRICS)]  # type: ignore[valid-type]
Group = Literal[tuple(dict.fromkeys((*CASE_GROUPS, *MENTION_GROUPS)))]  # type: ignore[valid-type]
Period = Literal[(*RELATIVE_PERIODS, "custom")]  # type: ignore[valid-type]
Key = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[^\x00]*$")]


def _not_blank(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise ValueError("the name is blank: write one")
    return value


Name = Annotated[str, StringConstraints(min_length=1, max_length=NAME_MAX, pattern=r"^[^\x00]*$"),
                 BeforeValidator(_not_blank), Field(description=f"1 to {NAME_MAX} characters")]
def _text_instant(value: Any) -> Any:
    # pydantic would read a number as seconds since 1970; an instant here is ISO 8601 text only.
    if not isinstance(value, str | datetime):
        raise ValueError("an instant is ISO 8601 text with an offset, e.g. 2026-12-01T00:00:00Z")
    return value


Instant = Annotated[AwareDatetime, BeforeValidator(_text_instant)]
Cadence = Literal["daily", "weekly"]
LocalTime = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$"),
                      Field(description="HH:MM, 24-hour, local time in the report's tz", examples=["08:30"])]
Weekday = Annotated[StrictInt, Field(ge=0, le=6, description="weekly: 0 Monday ... 6 Sunday")]
WebhookUrl = Annotated[str, StringConstraints(max_length=2000, pattern=r"^https?://[^\s\x00@/]+(/[^\s\x00]*)?$"),
                       Field(description="http(s) URL a scheduled run is POSTed to; it must pass the outbound "
                                         "address rule connectors follow (no private or loopback address unless "
                                         "the operator allows its network: SWITCHBOARD_CONNECT_ALLOW)")]
Secret = Annotated[SecretStr, Field(min_length=16, max_length=200,
                                    description="HMAC-SHA256 key the webhook's deliveries are signed with "
                                                "(X-Signature-256: sha256=<hex>); stored sealed, never shown")]
def _address(value: Any) -> Any:
    if isinstance(value, str):
        problem = address_problem(value)
        if problem:
            raise ValueError(problem)
        return value.strip()
    return value


def _distinct(value: Any) -> Any:
    # The same address twice is sent to once.
    if isinstance(value, list):
        seen: dict[str, str] = {}
        for address in value:
            seen.setdefault(address.lower(), address)
        return list(seen.values()) or None
    return value


EmailAddress = Annotated[str, AfterValidator(_address)]
Recipients = Annotated[list[EmailAddress], Field(max_length=MAX_RECIPIENTS, description=(
    f"Up to {MAX_RECIPIENTS} addresses (local@domain) a scheduled run is emailed to: a summary table and the CSV "
    "of every row, through the operator's SMTP server (SWITCHBOARD_SMTP_HOST, SWITCHBOARD_SMTP_FROM)"),
                       examples=[["ops@example.com"]]), AfterValidator(_distinct)]
Zone = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[^\x00]*$"),
                 Field(description="An IANA time zone, e.g. Europe/Paris")]


class ReportFilters(BaseModel):
    """Equality filters, as GET /api/analytics/<kind> takes them; absent or null: any."""

    model_config = ConfigDict(extra="forbid")

    team_id: Key | None = Field(default=None, description="cases: a team's id")
    channel: Key | None = Field(default=None, description="a source, e.g. twitter")
    priority: Priority | None = Field(default=None, description="cases")
    tag: Key | None = Field(default=None, description="cases")
    direction: Direction | None = Field(default=None, description="mentions")


class ReportCreate(BaseModel):
    """A new saved report; its owner is the caller."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    kind: Kind
    metric: Metric = Field(description="cases: a metric of GET /api/analytics/cases; mentions: volume, "
                                   "sentiment or share_of_voice (grouped by none, day or hour; saved only when a "
                                   "brand is set: GET /api/analytics/share-of-voice/terms)")
    group_by: Group = "none"
    hours: Hours = Field(default="calendar", description="cases: business measures first_response, next_response "
                                                         "and resolution in the SLA calendar's open time")
    filters: ReportFilters = Field(default_factory=ReportFilters)
    period: Period = Field(default="last_7_days", description="A window of whole local days before today "
                                                              "(last_N_days, yesterday), the current or last "
                                                              "week or month, today, or custom (since, until)")
    since: Instant | None = Field(default=None, description="custom: the start (included)")
    until: Instant | None = Field(default=None, description="custom: the end (excluded)")
    tz: Zone = "UTC"
    shared: StrictBool = Field(default=False, description="true: everyone who reads analytics sees and runs it")
    schedule_cadence: Cadence | None = Field(default=None, description="daily or weekly delivery to the webhook "
                                                                         "and email recipients; null: not "
                                                                         "scheduled")
    schedule_time: LocalTime | None = None
    schedule_weekday: Weekday | None = None
    webhook_url: WebhookUrl | None = None
    webhook_secret: Secret | None = None
    email_to: Recipients | None = None


class ReportChange(BaseModel):
    """Fields to change; absent ones stay as they are."""

    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    kind: Kind | None = None
    metric: Metric | None = None
    group_by: Group | None = None
    hours: Hours | None = None
    filters: ReportFilters | None = None
    period: Period | None = None
    since: Instant | None = None
    until: Instant | None = None
    tz: Zone | None = None
    shared: StrictBool | None = None
    schedule_cadence: Cadence | None = Field(default=None, description="null (given): no longer scheduled")
    schedule_time: LocalTime | None = None
    schedule_weekday: Weekday | None = None
    webhook_url: WebhookUrl | None = None
    webhook_secret: Secret | None = None
    email_to: Recipients | None = Field(default=None, description="null or [] (given): emailed to nobody")
