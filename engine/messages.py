"""Inputs and outputs of the case workflow, its updates and its activities.

One model per message, so fields can be added without breaking histories.
They live in engine/ because the API, the workflows and the activities all
speak them and engine/ is the one package each of them may import.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from engine.measures import Measures
from engine.models import CaseEvent, CaseStatus, CloseReason, Mention, Priority, Tags, Triage

CASE_WORKFLOW = "CaseWorkflow"
ADD_MENTION_SIGNAL = "add_mention"
REPLY_UPDATE = "reply"
CLOSE_UPDATE = "close"
VIEW_QUERY = "view"


class CaseInput(BaseModel):
    conversation_id: str
    flow_version: str
    carried_mentions: list[Mention] = Field(default_factory=list)


class ReplyInput(BaseModel):
    reply_id: str = Field(description="Idempotency key: the same reply id is sent once.")
    agent_id: str
    text: str = Field(min_length=1, max_length=10_000)
    close: bool = False


class CloseInput(BaseModel):
    agent_id: str
    reason: CloseReason = CloseReason.resolved


class CaseView(BaseModel):
    """The case as the read side stores it; the workflow owns it."""

    case_id: str
    workflow_id: str
    conversation_id: str
    source: str
    status: CaseStatus = CaseStatus.open
    priority: Priority = Priority.normal
    needs_response: bool = True
    sentiment: float = 0.0
    tags: list[str] = Field(default_factory=list)
    team_id: str | None = None
    assignee_id: str | None = None
    author: str = ""
    subject: str = ""
    opened_at: datetime
    assigned_at: datetime | None = None
    first_response_at: datetime | None = None
    closed_at: datetime | None = None
    close_reason: CloseReason | None = None
    sla_due_at: datetime | None = None
    sla_breached: bool = False
    flow_version: str
    mention_ids: list[str] = Field(default_factory=list)
    reply_count: int = 0
    measures: Measures | None = None
    updated_at: datetime


class ClassifyInput(BaseModel):
    flow_version: str
    mention: Mention


class Classification(BaseModel):
    """Everything the workflow needs from the flow for one mention, recorded in history."""

    tags: Tags
    triage: Triage
    team_id: str
    first_response_targets: dict[str, int]
    routing: dict = Field(default_factory=dict, description="Which routing rule matched, and its trace")


class AssignInput(BaseModel):
    case_id: str
    team_id: str


class AssignResult(BaseModel):
    agent_id: str | None
    considered: list[str] = Field(default_factory=list)


class SaveCaseInput(BaseModel):
    view: CaseView
    events: list[CaseEvent] = Field(default_factory=list)


class SendReplyInput(BaseModel):
    reply_id: str
    case_id: str
    conversation_id: str
    source: str
    agent_id: str
    text: str
    in_reply_to: str | None


class SentReply(BaseModel):
    mention_id: str
