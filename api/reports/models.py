"""What a saved report's create and change take. The fields each check alone are checked here; whether a metric,
grouping and filter go with the report's kind, and the period, are checked by the routes (api.reports.views)
over the report as it will be, so a change of kind alone is refused when its old metric no longer fits."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from engine.models import Direction, Priority
from engine.periods import RELATIVE_PERIODS
from store.analytics import CASE_GROUPS, CASE_METRICS, MENTION_GROUPS

NAME_MAX = 120
Kind = Literal["cases", "mentions"]
Metric = Literal[(*CASE_METRICS, "volume")]  # type: ignore[valid-type]
Group = Literal[tuple(dict.fromkeys((*CASE_GROUPS, *MENTION_GROUPS)))]  # type: ignore[valid-type]
Period = Literal[(*RELATIVE_PERIODS, "custom")]  # type: ignore[valid-type]
Key = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[^\x00]*$")]


def _not_blank(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise ValueError("the name is blank: write one")
    return value


Name = Annotated[str, StringConstraints(min_length=1, max_length=NAME_MAX, pattern=r"^[^\x00]*$"),
                 BeforeValidator(_not_blank), Field(description=f"1 to {NAME_MAX} characters")]
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
    metric: Metric = Field(description="cases: a metric of GET /api/analytics/cases; mentions: volume")
    group_by: Group = "none"
    filters: ReportFilters = Field(default_factory=ReportFilters)
    period: Period = Field(default="last_7_days", description="A window of whole local days before today "
                                                              "(last_N_days, yesterday), the current or last "
                                                              "week or month, today, or custom (since, until)")
    since: AwareDatetime | None = Field(default=None, description="custom: the start (included)")
    until: AwareDatetime | None = Field(default=None, description="custom: the end (excluded)")
    tz: Zone = "UTC"
    shared: bool = Field(default=False, description="true: everyone who reads analytics sees and runs it")


class ReportChange(BaseModel):
    """Fields to change; absent ones stay as they are."""

    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    kind: Kind | None = None
    metric: Metric | None = None
    group_by: Group | None = None
    filters: ReportFilters | None = None
    period: Period | None = None
    since: AwareDatetime | None = None
    until: AwareDatetime | None = None
    tz: Zone | None = None
    shared: bool | None = None
