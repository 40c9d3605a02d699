"""Cases as the read side sees them; the case workflow is their source of truth."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, Index, or_
from sqlmodel import JSON, Column, Field, SQLModel, col

from engine.messages import CaseView
from engine.models import CaseStatus, CloseReason, Direction, Priority
from store.db.types import UtcDateTime


def _when(**kw: object) -> object:
    return Field(default=None, sa_type=UtcDateTime, **kw)  # type: ignore[call-overload]


class CaseBase(SQLModel):
    workflow_id: str = Field(index=True)
    conversation_id: str = Field(index=True)
    source: str
    status: CaseStatus = Field(default=CaseStatus.open, index=True)
    priority: Priority = Field(default=Priority.normal, index=True)
    needs_response: bool = True
    sentiment: float = Field(default=0.0, description="The most negative of its mentions' sentiments (-1..1): a "
                             "complaint stays one after a thank-you")
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    team_id: str | None = Field(default=None, index=True)
    assignee_id: str | None = Field(default=None, index=True)
    author: str = ""
    subject: str = ""
    opened_at: datetime = Field(sa_type=UtcDateTime, index=True)
    assigned_at: datetime | None = _when()
    first_response_at: datetime | None = _when()
    closed_at: datetime | None = _when()
    close_reason: CloseReason | None = None
    sla_due_at: datetime | None = _when(index=True)  # the inbox's breaching and overdue views
    sla_breached: bool = False
    flow_version: str
    first_response_seconds: float | None = None
    resolution_seconds: float | None = None
    mention_count: int = 0
    reply_count: int = 0
    updated_at: datetime = Field(sa_type=UtcDateTime, index=True)  # the live stream reads changes by it
    claimed_by: str | None = None
    claimed_at: datetime | None = _when()
    transfers: int = 0
    escalation_level: int = 0
    drafts_pending: int = Field(default=0, description="Replies waiting for approval")
    sla: dict = Field(default_factory=dict, sa_column=Column(JSON))
    sla_policy: str | None = Field(default=None, description="The SLA policy its clocks run under (the latest "
                                   "chosen); null when its flow set none")
    notes: list[dict] = Field(default_factory=list, sa_column=Column(JSON),
                              description="Internal notes (author, at, text, kind); never sent to the customer")
    expert_id: str | None = Field(default=None, description="The outside expert consulted last")
    expert_request_id: str | None = Field(default=None, description="Their request: the link the expert answers by")
    reopen_count: int = 0
    handle_seconds: float = Field(default=0.0, description="Time agents held the case for work")
    sla_outcomes: dict = Field(default_factory=dict, sa_column=Column(JSON),
                               description="Per SLA target, once closed: met, breached or "
                               "closed_without_response (engine.measures)")
    auto_reply_id: str | None = Field(default=None, description="The canned reply the case was auto-replied with "
                                      "(the flow's triage auto_reply); never a human's response")
    auto_replied_at: datetime | None = _when()


class Case(CaseBase, table=True):
    # Analytics (store.analytics_fast; migration 0018): a period's closed and opened cases with what their reports
    # group by and measure, read from the index alone.
    __table_args__ = (Index("ix_case_analytics_closed", "status", "closed_at", "source", "team_id", "priority",
                            "assignee_id", "transfers", "reopen_count", "resolution_seconds", "handle_seconds",
                            "first_response_seconds"),
                      Index("ix_case_analytics_opened", "opened_at", "status", "source", "team_id", "priority",
                            "assignee_id", "first_response_seconds", "first_response_at"))
    id: str = Field(primary_key=True)


class CasePublic(CaseBase):
    id: str


class LastMessage(SQLModel):
    """The newest message of a case's conversation, either way, as a list shows it under the subject."""

    text: str = Field(description="Its text on one line, cut at a word boundary to at most 160 characters "
                                  "(an ellipsis ends a cut one)")
    at: datetime = Field(description="When it was written (the mention's created_at)")
    direction: Direction = Field(description="inbound: the customer's; outbound: a reply we sent")
    author: str = Field(description="The customer's handle (inbound) or the replying agent's id (outbound)")


class CaseListItem(CasePublic):
    last_message: LastMessage | None = Field(
        default=None, description="The conversation's newest message; null when it has none, or the caller may "
                                  "not read mentions")


def case_fields(view: CaseView) -> dict[str, object]:
    """The read-side columns of a case, from the workflow's view of it."""
    fields = view.model_dump(exclude={"case_id", "mention_ids", "measures", "drafts", "notes", "expert"})
    fields["mention_count"] = len(view.mention_ids)
    fields["drafts_pending"] = sum(1 for draft in view.drafts if draft.status == "pending")
    as_json = view.model_dump(mode="json", include={"sla", "notes"})
    fields["sla"], fields["notes"] = as_json["sla"], as_json["notes"]
    fields["expert_id"] = view.expert.expert_id if view.expert is not None else None
    fields["expert_request_id"] = view.expert.request_id if view.expert is not None else None
    measures = view.measures
    # A reopened case has no measures until it closes again.
    fields["first_response_seconds"] = measures.first_response_seconds if measures else None
    fields["resolution_seconds"] = measures.resolution_seconds if measures else None
    fields["sla_outcomes"] = dict(measures.sla_outcomes) if measures else {}
    return fields


def visible_cases(teams: Iterable[str], user_id: str) -> list[ColumnElement[bool]]:
    """Conditions on Case rows a user scoped to `teams` sees: their teams' cases and those assigned to them
    (no teams: every case). api.cases.access applies it to each request's caller; a scheduled report, to its
    owner."""
    scoped = sorted(teams)
    if not scoped:
        return []
    return [or_(col(Case.team_id).in_(scoped), Case.assignee_id == user_id)]


# The case rollup (store.rollups) follows every flush that writes cases: importing it registers its session events
# wherever cases are written.
import store.rollups  # noqa: E402,F401  (after Case: store.rollups imports it)
