"""Domain models shared by the workflows, the activities and the API."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field


class Direction(StrEnum):
    inbound = "inbound"
    outbound = "outbound"


class Priority(StrEnum):
    low = "low"
    normal = "normal"
    high = "high"
    urgent = "urgent"


PRIORITY_ORDER: tuple[Priority, ...] = (Priority.low, Priority.normal, Priority.high, Priority.urgent)


class CaseStatus(StrEnum):
    open = "open"
    assigned = "assigned"
    escalated = "escalated"
    pending = "pending"  # waiting on the customer: the SLA clocks pause
    with_expert = "with_expert"  # handed to an expert outside the contact centre, on the expert's own SLA
    closed = "closed"


class CloseReason(StrEnum):
    resolved = "resolved"
    no_action = "no_action"
    spam = "spam"


class Mention(BaseModel):
    """One message from (or, outbound, to) a customer, as it travels into a case."""

    id: str = Field(description="Our id: '<source>:<external_id>'.")
    source: str
    external_id: str
    conversation_id: str
    author: str
    text: str
    created_at: datetime
    received_at: datetime
    reply_to_id: str | None = None
    direction: Direction = Direction.inbound
    thread_id: str | None = Field(default=None, description="A thread the source names (DMs, email).")
    author_followers: int | None = None
    author_verified: bool = False


class Tags(BaseModel):
    """What tagging found in a mention."""

    keywords: list[str] = Field(default_factory=list)
    sentiment: float = 0.0
    language: str | None = Field(default=None, description="ISO 639-1, or 'und' when it cannot tell.")
    # Older histories have no such field: the default keeps them decoding.
    cut_short: dict | None = Field(default=None, description=(
        "When tagging ran out of its time budget: {step, path, budget_ms, spent_ms}, `path` the JSON Pointer "
        "in the flow of the first step not run (e.g. /nodes/1/content/rules/rules/2); the tags are what "
        "the steps before it found."))


# The actor of what the system does by itself, and the author of the replies it sends (auto-replies): those are
# never a human's response, so no first- or next-response measure counts them.
SYSTEM_ACTOR = "system"


class Triage(BaseModel):
    """What triage decided, with the evidence an auditor needs."""

    needs_response: bool
    priority: Priority
    evidence: dict = Field(default_factory=dict)
    # Older histories have no such field: the default keeps them decoding.
    auto_reply: str | None = Field(default=None, description=(
        "The canned reply's id the case is answered with at once (the flow's triage `auto_reply`), sent once per "
        "case as actor 'system'; None: no auto-reply"))


class CaseEvent(BaseModel):
    """One entry of a case's audit timeline."""

    seq: int
    at: datetime
    kind: str
    actor: str = "system"
    detail: dict = Field(default_factory=dict)
    occurrence: str | None = Field(default=None, description="An SLA event's firing (engine.escalation): its row's key")


def mention_id(source: str, external_id: str) -> str:
    """Our mention id: unique per (source, external id), so duplicates collide."""
    return f"{source}:{external_id}"


def case_workflow_id(conversation_id: str) -> str:
    """The workflow id of a conversation's cases before cases were opened at ingest: one at a time, its run
    id the case id."""
    return f"case-{conversation_id}"


def decided_workflow_id(case_id: str) -> str:
    """The workflow id of a case opened at ingest (store.decisions): one workflow per case."""
    return f"case-{case_id}"
