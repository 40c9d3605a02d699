"""Inputs and outputs of the case workflow, its updates and its activities.

One model per message, so fields can be added without breaking histories.
They live in engine/ because the API, the workflows and the activities all
speak them and engine/ is the one package each of them may import.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field

from engine.measures import Measures
from engine.models import CaseEvent, CaseStatus, CloseReason, Mention, Priority, Tags, Triage
from engine.slas import SlaEvent, SlaPolicy

CASE_WORKFLOW = "CaseWorkflow"
ADD_MENTION_SIGNAL = "add_mention"  # one Mention, text and all: older cases' histories
MENTIONS_SIGNAL = "mentions"  # MentionRefs: new mentions by id, read from the read side
REPLY_UPDATE = "reply"
CLOSE_UPDATE = "close"
CLAIM_UPDATE = "claim"
APPROVE_UPDATE = "approve"
REJECT_UPDATE = "reject"
TRANSFER_UPDATE = "transfer"
RELEASE_UPDATE = "release"
PENDING_UPDATE = "pending"
NOTE_UPDATE = "note"
TAG_UPDATE = "tag"
EXPERT_UPDATE = "consult_expert"
EXPERT_ANSWER_UPDATE = "expert_answer"
VIEW_QUERY = "view"
ROUTING_SIGNAL = "routing"


class Activity(StrEnum):
    """The activities' names: what the workflows call and the worker registers."""

    classify_mention = "classify_mention"
    select_sla = "select_sla"
    check_reply = "check_reply"
    save_case = "save_case"
    send_reply = "send_reply"
    hand_on_mentions = "hand_on_mentions"
    route_case = "route_case"
    release_case = "release_case"
    start_work = "start_work"
    poll_source = "poll_source"
    deliver_report = "deliver_report"  # a scheduled report to its webhook (engine.report_delivery)
    mail_report = "mail_report"  # a scheduled report to its email recipients (engine.report_delivery)
    crisis_sample = "crisis_sample"  # the crisis watch reads its figures (engine.crisis)
    crisis_apply = "crisis_apply"  # and records what a check decided, acting on it


class Refusal(StrEnum):
    """Why a case refused a change (an Update's validator or handler, or routing), with the HTTP status the
    API answers it with. Every one is the caller's to fix or retry; the workflow records nothing for it."""

    status: int

    def __new__(cls, code: str, status: int) -> Refusal:
        member = str.__new__(cls, code)
        member._value_ = code
        member.status = status
        return member

    not_assignee = ("not_assignee", 409)
    case_closed = ("case_closed", 409)
    case_opening = ("case_opening", 409)
    claimed = ("claimed", 409)
    not_supervisor = ("not_supervisor", 403)
    pull_not_allowed = ("pull_not_allowed", 409)
    at_capacity = ("at_capacity", 409)
    not_in_team = ("not_in_team", 409)
    not_waiting = ("not_waiting", 409)
    not_routed = ("not_routed", 409)
    self_approval = ("self_approval", 409)
    already_decided = ("already_decided", 409)
    unknown_reply = ("unknown_reply", 404)
    same_team = ("same_team", 409)
    not_assigned = ("not_assigned", 409)
    unknown_team = ("unknown_team", 404)
    unknown_agent = ("unknown_agent", 404)
    with_expert = ("with_expert", 409)
    nothing_to_change = ("nothing_to_change", 422)
    unknown_request = ("unknown_request", 404)

Tag = Annotated[str, Field(min_length=1, max_length=50, pattern=r"^[^\s].*$")]


class CaseInput(BaseModel):
    conversation_id: str
    flow_version: str
    carried_mentions: list[Mention] = Field(default_factory=list)
    decision: CaseDecision | None = Field(default=None, description=(
        "The case as the ingest transaction opened it (engine.opening); None: the workflow classifies and "
        "routes its first mention itself (cases started before decisions moved to ingest)"))


class ReplyInput(BaseModel):
    reply_id: str = Field(description="Idempotency key: the same reply id is sent once.")
    agent_id: str
    text: str = Field(min_length=1, max_length=10_000)
    close: bool = False


class CloseInput(BaseModel):
    agent_id: str
    reason: CloseReason = CloseReason.resolved


class ClaimInput(BaseModel):
    agent_id: str
    takeover: bool = Field(default=False, description="A supervisor takes the case from whoever holds it")
    supervisor: bool = Field(default=False, description="Set by the API after checking the agent's roles")


class ReleaseInput(BaseModel):
    """The holder gives a claimed or assigned case back to its team's queue (or a supervisor does it for them)."""

    agent_id: str
    supervisor: bool = Field(default=False, description="Set by the API after checking the user's roles")


class ApproveInput(BaseModel):
    reply_id: str
    approver_id: str
    text: str | None = Field(default=None, min_length=1, max_length=10_000, description="An edited text to send")


class RejectInput(BaseModel):
    reply_id: str
    approver_id: str
    reason: str = Field(min_length=1, max_length=2_000)


class TransferInput(BaseModel):
    agent_id: str
    team_id: str
    note: str = Field(default="", max_length=2_000)


class PendingInput(BaseModel):
    """Waiting on the customer (pauses the SLA clocks) or back to work."""

    agent_id: str
    waiting: bool = True


class NoteInput(BaseModel):
    agent_id: str
    text: str = Field(min_length=1, max_length=10_000)


class TagInput(BaseModel):
    agent_id: str
    add: list[Tag] = Field(default_factory=list, max_length=50)
    remove: list[Tag] = Field(default_factory=list, max_length=50)


class CaseNote(BaseModel):
    """An internal note: never sent to the customer, it travels with the case through every hand-over."""

    at: datetime
    author: str
    text: str
    kind: str = Field(default="note", description="note, or expert_answer")


class ExpertRequestInput(BaseModel):
    agent_id: str = Field(description="Who hands the case over")
    request_id: str = Field(description="The consultation's id; the expert answers through it")
    expert_id: str
    expert_name: str = ""
    question: str = Field(min_length=1, max_length=10_000)
    response_seconds: int = Field(gt=0, description="The expert's own SLA: answer within this many seconds")


class ExpertConsult(BaseModel):
    request_id: str
    expert_id: str
    expert_name: str = ""
    question: str
    asked_by: str
    asked_at: datetime
    due_at: datetime
    answered_at: datetime | None = None
    overdue: bool = False


class ExpertAnswerInput(BaseModel):
    request_id: str
    text: str = Field(min_length=1, max_length=10_000)


class ReplyDraft(BaseModel):
    reply_id: str
    agent_id: str
    text: str
    status: str = Field(description="pending, approved or rejected")
    created_at: datetime
    close: bool = False
    decided_by: str | None = None
    reason: str | None = None
    evidence: dict = Field(default_factory=dict)


class ReplyCheckInput(BaseModel):
    flow_version: str
    agent_id: str
    text: str
    case: dict = Field(description="The case facts the approval rule sees")


class ReplyCheck(BaseModel):
    needs_approval: bool
    evidence: dict = Field(default_factory=dict)


class CaseView(BaseModel):
    """The case as the read side stores it; the workflow owns it."""

    case_id: str
    workflow_id: str
    conversation_id: str
    source: str
    status: CaseStatus = CaseStatus.open
    priority: Priority = Priority.normal
    needs_response: bool = True
    sentiment: float = Field(default=0.0, description="The most negative of its mentions' (VADER compound, -1..1)")
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
    claimed_by: str | None = None
    claimed_at: datetime | None = None
    drafts: list[ReplyDraft] = Field(default_factory=list)
    transfers: int = 0
    escalation_level: int = 0
    sla: dict = Field(default_factory=dict, description="Per target: due_at, paused, met_at, breached_at")
    sla_policy: str | None = Field(default=None, description="The SLA policy its clocks run under (the latest "
                                   "chosen: at its opening, or on a change of priority); kept once it closes")
    notes: list[CaseNote] = Field(default_factory=list)
    expert: ExpertConsult | None = Field(default=None, description="The latest consultation of an outside expert")
    reopen_count: int = 0
    handle_seconds: float = 0.0
    auto_reply_id: str | None = Field(default=None, description="The canned reply sent as the case's auto-reply")
    auto_replied_at: datetime | None = Field(default=None, description="When the auto-reply went out")


class MentionRefs(BaseModel):
    """New mentions of a case, by id: the workflow reads each from the read side as it takes it in, so a
    thread of any length, with texts of any size, stays far under Temporal's payload and history limits."""

    ids: list[str] = Field(min_length=1, max_length=500)


class ClassifyInput(BaseModel):
    """A mention to classify: carried whole (older histories), or by id, with the tags ingest stored."""

    flow_version: str
    mention: Mention | None = None
    mention_id: str | None = None


class Classification(BaseModel):
    """Everything the workflow needs from the flow for one mention, recorded in history."""

    tags: Tags
    triage: Triage
    team_id: str
    first_response_targets: dict[str, int] = Field(default_factory=dict)
    routing: dict = Field(default_factory=dict, description="Which routing rule matched, and its trace")
    required_skills: dict[str, int] = Field(default_factory=dict)
    optional_skills: dict[str, int] = Field(default_factory=dict)
    language: str | None = None
    sla_policy: SlaPolicy | None = None
    sla_evidence: dict = Field(default_factory=dict, description="Which SLA policy rule matched, and its trace")
    reopen_window_seconds: int = Field(default=0, description="A new mention this soon after closing reopens the case")


class SlaSelectInput(BaseModel):
    flow_version: str
    facts: dict = Field(description="priority, channel, tags, sentiment, team_id of the case")


class SlaSelection(BaseModel):
    policy: SlaPolicy | None
    evidence: dict = Field(default_factory=dict)


class AssignInput(BaseModel):
    case_id: str
    team_id: str


class AssignResult(BaseModel):
    agent_id: str | None
    considered: list[str] = Field(default_factory=list)


class RouteRequest(BaseModel):
    """Put a case in a team's queue (or keep it there) and dispatch the queue; idempotent."""

    case_id: str
    workflow_id: str
    team_id: str
    priority: Priority
    channel: str
    language: str | None = None
    required_skills: dict[str, int] = Field(default_factory=dict)
    optional_skills: dict[str, int] = Field(default_factory=dict)
    excluded_agents: list[str] = Field(default_factory=list)
    requeue: bool = Field(default=False, description="Take it back from its agent first (reassign, move queue)")


class RoutingState(BaseModel):
    """Where a case stands in routing, as the routing table says; `seq` orders the changes."""

    case_id: str
    workflow_id: str
    seq: int
    state: str = Field(description="waiting, assigned or released")
    team_id: str
    agent_id: str | None = None
    reason: dict = Field(default_factory=dict)
    at: datetime
    recheck_in_seconds: float | None = Field(
        default=None, description="Waiting may end by itself this long after now (optional skills relax)")
    allow_pull: bool = False
    claim_idle_seconds: int = 900


class ReleaseRequest(BaseModel):
    case_id: str


class WorkRequest(BaseModel):
    """An agent starts work on a case: as its assignee, by pulling it, or taking it over."""

    case_id: str
    agent_id: str
    mode: str = Field(description="start, pull or takeover")


class WorkResult(BaseModel):
    ok: bool
    code: str = ""
    message: str = ""
    holder: str | None = None
    state: RoutingState | None = None


class SaveCaseInput(BaseModel):
    """The case as its workflow sees it, with the events since the last save.

    `last_seq` is the workflow's latest event number: rows numbered beyond it were written by a workflow task
    that never completed (a worker killed after its save), and the save removes them (None: older histories).
    """

    view: CaseView
    events: list[CaseEvent] = Field(default_factory=list)
    last_seq: int | None = None
    deadlines: list[SlaEvent] | None = Field(
        default=None, description="The SLA events the workflow has yet to act on (store.deadlines); None: older")
    clock_since: dict[str, datetime] = Field(default_factory=dict, description="When each target's clock started")


class SendReplyInput(BaseModel):
    reply_id: str
    case_id: str
    conversation_id: str
    source: str
    agent_id: str
    text: str
    in_reply_to: str | None
    canned_reply_id: str | None = Field(default=None, description=(
        "An auto-reply: the canned reply whose text is sent, its variables filled in by the activity (`text` is "
        "then ignored); None: an agent's reply"))


class SentReply(BaseModel):
    """The outbound mention a reply became, and when it was sent (the first attempt's record; None in
    histories recorded before the time was returned)."""

    mention_id: str
    at: datetime | None = None


POLL_WORKFLOW = "PollSource"


class PollInput(BaseModel):
    """Poll one source (a connector instance) now: what each Schedule tick starts."""

    source: str


class PollPage(BaseModel):
    """What one page of polling did."""

    source: str
    fetched: int = 0
    stored: int = 0
    duplicates: int = 0
    cases: int = Field(default=0, description="new mentions given a case (opened or joined) as they were stored")
    more: bool = False
    skipped: str | None = None


class CaseDecision(BaseModel):
    """A case opened in the ingest transaction: its first mention, how the flow version classified it,
    and where routing put it. The workflow's input carries it, so the history shows what was decided
    and why; engine.opening builds the same opening view and events from it on both sides."""

    case_id: str
    decided_at: datetime
    mention: Mention
    classification: Classification
    routing: RoutingState


class HandOnInput(BaseModel):
    """Mentions a finished case cannot take (they came after its reopen window): the conversation's
    next case gets them."""

    case_id: str
    mention_ids: list[str]


CaseInput.model_rebuild()
