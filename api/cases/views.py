"""Cases: the read side for lists, the workflow for every change."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError
from sqlmodel import Session
from temporalio.client import WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError
from temporalio.exceptions import ApplicationError
from temporalio.service import RPCError, RPCStatusCode

from api.audit.coverage import recorded_elsewhere
from api.audit.trail import record
from api.auth.deps import ApproveCases, DecodeHistories, ReadCases, TransferCases, WorkCases
from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.cases.access import case_filter, check_case
from api.cases.workflows import CaseWorkflowsDep, NotStarted
from api.deps import EngineDep, SessionDep, TemporalDep
from api.errors import ApiError
from api.inbox.filters import VIEW_PATTERN, view_conditions
from api.listing import MAX_TEXT, Listing, ListParams, get_or_404, list_rows
from api.security.codec import SealingCodec, opened_history
from engine.flows.data import approval_data, case_facts
from engine.messages import (
    APPROVE_UPDATE,
    CLAIM_UPDATE,
    CLOSE_UPDATE,
    EXPERT_UPDATE,
    NOTE_UPDATE,
    PENDING_UPDATE,
    REJECT_UPDATE,
    RELEASE_UPDATE,
    REPLY_UPDATE,
    TAG_UPDATE,
    TRANSFER_UPDATE,
    ApproveInput,
    ClaimInput,
    CloseInput,
    ExpertRequestInput,
    NoteInput,
    PendingInput,
    Refusal,
    RejectInput,
    ReleaseInput,
    ReplyCheck,
    ReplyDraft,
    ReplyInput,
    TagInput,
    TransferInput,
)
from engine.models import CloseReason
from store.case_bundle import build
from store.cases import Case, CaseListItem, CasePublic, case_fields
from store.compiled_flows import compiled
from store.db import session_scope
from store.experts import Expert
from store.fields import WHITESPACE
from store.flows import Flow
from store.last_messages import last_messages
from store.presence import beat, viewers
from store.teams import Agent, Team

router = APIRouter(tags=["cases"])
# A case action's change is recorded in the audit log with the case's event, when its workflow saves it
# (store.audit.cases), by whoever the event names: the API's answer comes before that save.
BY_CASE_EVENTS = recorded_elsewhere("the case's events, as its workflow saves them (store.audit.cases)")
REFUSALS = frozenset(Refusal)  # a refusal is the caller's to fix or retry; anything else is ours
UPDATE_TIMEOUT = timedelta(seconds=20)

class Body(BaseModel):
    # The actor is whoever is logged in: a body naming one (agent_id, approver_id) is refused, not ignored.
    model_config = ConfigDict(extra="forbid")


class ReplyRequest(Body):
    text: str = Field(min_length=1, max_length=10_000)
    close: bool = Field(default=False, strict=True, description="Send and resolve in one step.")
    reply_id: str | None = Field(default=None, max_length=100,
                                 description="Idempotency key; a retry with it sends once.")


class CloseRequest(Body):
    reason: CloseReason = CloseReason.resolved


class ClaimRequest(Body):
    takeover: bool = Field(default=False, strict=True,
                           description="Supervisors only: take the case from whoever holds it.")


class DecisionRequest(Body):
    reply_id: str = Field(min_length=1, max_length=100)


class ApproveRequest(DecisionRequest):
    text: str | None = Field(default=None, min_length=1, max_length=10_000, description="Send this edit instead.")


class RejectRequest(DecisionRequest):
    reason: str = Field(min_length=1, max_length=2_000)


class TransferRequest(Body):
    team_id: str = Field(min_length=1, max_length=100)
    note: str = Field(default="", max_length=2_000)


class PendingRequest(Body):
    waiting: bool = Field(default=True, strict=True,
                          description="true: waiting on the customer (SLA paused); false: back to work")


class NoteRequest(Body):
    text: str = Field(min_length=1, max_length=10_000)


# The engine's Tag (a visible first character, one line), spelled alike in every regex dialect.
RequestTag = Annotated[str, Field(min_length=1, max_length=50, pattern=rf"^[^{WHITESPACE}][^\n]*$")]


class TagRequest(Body):
    """A change of the case's tags: at least one tag to add or to remove."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"anyOf": [
        {"required": ["add"], "properties": {"add": {"minItems": 1}}},
        {"required": ["remove"], "properties": {"remove": {"minItems": 1}}}]})

    add: list[RequestTag] = Field(default_factory=list, max_length=50)
    remove: list[RequestTag] = Field(default_factory=list, max_length=50)

    @model_validator(mode="after")
    def _changes_something(self) -> TagRequest:
        if not self.add and not self.remove:
            raise PydanticCustomError("nothing_to_change", "give tags to add or to remove")
        return self


class ExpertHandoffRequest(Body):
    expert_id: str = Field(min_length=1, max_length=100)
    question: str = Field(min_length=1, max_length=10_000, description="What the expert is asked; they see this")


class Viewer(BaseModel):
    agent_id: str
    seen_at: datetime


ViewId = Annotated[str, StringConstraints(max_length=MAX_TEXT, pattern=VIEW_PATTERN)]
CASES = Listing(Case, "cases", filterable=("status", "priority", "assignee_id", "team_id", "source",
                                           "conversation_id", "needs_response", "sla_breached"),
                searchable=("subject", "author"),
                extra={"view": (ViewId | None, Field(None, description="an inbox view (GET /api/inbox): mine, "
                                                      "unassigned, breaching, overdue, approvals, team:<id>"))})


@router.get("/cases", response_model=list[CaseListItem])
def list_cases(principal: ReadCases, session: SessionDep, response: Response,
               params: Annotated[ListParams, Depends(CASES)],
               view: Annotated[str | None, Query(max_length=MAX_TEXT, pattern=VIEW_PATTERN,
                                                 description="an inbox view (GET /api/inbox), as the filter's `view` "
                                                             "says")] = None) -> list[CaseListItem]:
    """The cases you may see (a user scoped to teams: their teams' and their own), of one inbox view if
    asked (`?view=mine`, or `view` in the filter), each with its conversation's last message."""
    chosen = params.filter.get("view") or view
    where = case_filter(principal)
    if chosen:
        where += view_conditions(chosen, principal, datetime.now(UTC))
    return _with_last_messages(session, principal, list_rows(session, response, params, where=where))


def _with_last_messages(session: Session, principal: Principal, cases: list[Case]) -> list[CaseListItem]:
    """The cases with their conversations' newest messages, read in one query for all of them. The message is
    a mention's text: only for callers who may read mentions."""
    found = last_messages(session, (case.conversation_id for case in cases)) \
        if principal.can(Permission.mentions_read) else {}
    return [CaseListItem.model_validate(case, update={"last_message": found.get(case.conversation_id)})
            for case in cases]


def _case(session: Session, principal: Principal, case_id: str) -> Case:
    return check_case(principal, get_or_404(session, Case, case_id, resource="case"))


@router.get("/cases/{case_id}", response_model=CaseListItem)
def get_case(principal: ReadCases, session: SessionDep, case_id: str) -> CaseListItem:
    return _with_last_messages(session, principal, [_case(session, principal, case_id)])[0]


@router.get("/cases/{case_id}/bundle")
async def export_case(principal: DecodeHistories, request: Request, temporal: TemporalDep, case_id: str,
                      ) -> dict[str, Any]:
    """The case as evidence: its history with payloads opened, flow versions, row, timeline and audit entries,
    with a manifest signed by the audit key (verify it with `switchboard replay verify FILE`). Recorded."""
    engine, keys = request.app.state.engine, request.app.state.keys
    with session_scope(engine, write=False) as session:
        workflow_id = _case(session, principal, case_id).workflow_id
    try:
        history = await temporal.get_workflow_handle(workflow_id).fetch_history()
    except RPCError as exc:
        raise ApiError(503, code="workflow_service_unavailable", path="",
                       message=f"the case's history could not be read ({exc.message}); try again") from exc
    opened = await opened_history(json.loads(history.to_json()), SealingCodec(keys))

    def write() -> dict[str, Any]:
        with session_scope(engine) as session:
            bundle = build(session, keys, case_id, opened, by=principal.user_id)
            record(session, principal, "case.export", "case", case_id,
                   detail={"manifest": bundle["manifest"]["history"]})
            return bundle
    return await run_in_threadpool(write)


async def _on_behalf(session: Session, principal: Principal, workflows: CaseWorkflowsDep, case_id: str, name: str,
                     arg: object) -> CasePublic:
    """An Update made by the logged-in user on a case they may see; no connection is held while it runs."""
    case = _case(session, principal, case_id)
    session.close()
    return await update_case(workflows, case, name, arg)


@router.post("/cases/{case_id}/replies", response_model=CasePublic, openapi_extra=BY_CASE_EVENTS)
async def reply_to_case(principal: WorkCases, session: SessionDep, workflows: CaseWorkflowsDep, case_id: str,
                        body: ReplyRequest) -> CasePublic:
    update = ReplyInput(reply_id=body.reply_id or str(uuid.uuid4()), agent_id=principal.user_id,
                        text=body.text, close=body.close)
    return await _on_behalf(session, principal, workflows, case_id, REPLY_UPDATE, update)


@router.post("/cases/{case_id}/close", response_model=CasePublic, openapi_extra=BY_CASE_EVENTS)
async def close_case(principal: WorkCases, session: SessionDep, workflows: CaseWorkflowsDep, case_id: str,
                     body: CloseRequest | None = None) -> CasePublic:
    body = body or CloseRequest()
    return await _on_behalf(session, principal, workflows, case_id, CLOSE_UPDATE,
                            CloseInput(agent_id=principal.user_id, reason=body.reason))


@router.post("/cases/{case_id}/claim", response_model=CasePublic, openapi_extra=BY_CASE_EVENTS)
async def claim_case(principal: WorkCases, session: SessionDep, workflows: CaseWorkflowsDep, case_id: str,
                     body: ClaimRequest | None = None) -> CasePublic:
    """Open the case for work: the first claim wins, others learn who holds it (409 `claimed`)."""
    body = body or ClaimRequest()
    if body.takeover:
        principal.require(Permission.cases_takeover)
    if session.get(Agent, principal.user_id) is None:
        raise ApiError(409, code="not_an_agent", path="",
                       message=f"{principal.email} has no agent profile (team, capacity): an admin gives them a team")
    claim = ClaimInput(agent_id=principal.user_id, takeover=body.takeover,
                       supervisor=principal.can(Permission.cases_takeover))
    return await _on_behalf(session, principal, workflows, case_id, CLAIM_UPDATE, claim)


@router.post("/cases/{case_id}/release", response_model=CasePublic, openapi_extra=BY_CASE_EVENTS)
async def release_case(principal: WorkCases, session: SessionDep, workflows: CaseWorkflowsDep,
                       case_id: str) -> CasePublic:
    """Give the case back to its team's queue: its holder, or a supervisor for them (409 `not_assignee`
    otherwise). The queue offers it to the next eligible agent, not back to the one who held it."""
    release = ReleaseInput(agent_id=principal.user_id, supervisor=principal.can(Permission.cases_takeover))
    return await _on_behalf(session, principal, workflows, case_id, RELEASE_UPDATE, release)


@router.post("/cases/{case_id}/approve", response_model=CasePublic, openapi_extra=BY_CASE_EVENTS)
async def approve_reply(principal: ApproveCases, session: SessionDep, workflows: CaseWorkflowsDep, case_id: str,
                        body: ApproveRequest) -> CasePublic:
    """Send a reply that waits for approval, as written or with the approver's edit."""
    return await _on_behalf(session, principal, workflows, case_id, APPROVE_UPDATE,
                            ApproveInput(reply_id=body.reply_id, approver_id=principal.user_id, text=body.text))


@router.post("/cases/{case_id}/reject", response_model=CasePublic, openapi_extra=BY_CASE_EVENTS)
async def reject_reply(principal: ApproveCases, session: SessionDep, workflows: CaseWorkflowsDep, case_id: str,
                       body: RejectRequest) -> CasePublic:
    return await _on_behalf(session, principal, workflows, case_id, REJECT_UPDATE,
                            RejectInput(reply_id=body.reply_id, approver_id=principal.user_id, reason=body.reason))


@router.post("/cases/{case_id}/transfer", response_model=CasePublic, openapi_extra=BY_CASE_EVENTS)
async def transfer_case(principal: TransferCases, session: SessionDep, workflows: CaseWorkflowsDep, case_id: str,
                        body: TransferRequest) -> CasePublic:
    """Move the case to another team's queue; it keeps its place in line (its waiting time)."""
    if session.get(Team, body.team_id) is None:
        raise ApiError(404, code="unknown_team", path="team_id",
                       message=f"no team {body.team_id!r}; see GET /api/teams")
    return await _on_behalf(session, principal, workflows, case_id, TRANSFER_UPDATE,
                            TransferInput(agent_id=principal.user_id, team_id=body.team_id, note=body.note))


@router.post("/cases/{case_id}/pending", response_model=CasePublic, openapi_extra=BY_CASE_EVENTS)
async def set_pending(principal: WorkCases, session: SessionDep, workflows: CaseWorkflowsDep, case_id: str,
                      body: PendingRequest | None = None) -> CasePublic:
    body = body or PendingRequest()
    return await _on_behalf(session, principal, workflows, case_id, PENDING_UPDATE,
                            PendingInput(agent_id=principal.user_id, waiting=body.waiting))


@router.post("/cases/{case_id}/notes", response_model=CasePublic, openapi_extra=BY_CASE_EVENTS)
async def add_note(principal: WorkCases, session: SessionDep, workflows: CaseWorkflowsDep, case_id: str,
                   body: NoteRequest) -> CasePublic:
    """An internal note: never sent to the customer; it travels with the case through every hand-over."""
    return await _on_behalf(session, principal, workflows, case_id, NOTE_UPDATE,
                            NoteInput(agent_id=principal.user_id, text=body.text))


@router.post("/cases/{case_id}/tags", response_model=CasePublic, openapi_extra=BY_CASE_EVENTS)
async def change_tags(principal: WorkCases, session: SessionDep, workflows: CaseWorkflowsDep, case_id: str,
                      body: TagRequest) -> CasePublic:
    return await _on_behalf(session, principal, workflows, case_id, TAG_UPDATE,
                            TagInput(agent_id=principal.user_id, add=body.add, remove=body.remove))


@router.post("/cases/{case_id}/expert", response_model=CasePublic, openapi_extra=BY_CASE_EVENTS)
async def hand_to_expert(principal: WorkCases, session: SessionDep, workflows: CaseWorkflowsDep, case_id: str,
                         body: ExpertHandoffRequest) -> CasePublic:
    """Hand the case to an expert outside the contact centre, on the expert's own SLA.

    The agent's slot is freed; the expert answers through `POST /api/expert-requests/{id}/answer`
    (the request id is the link sent to them), and the answer, kept as a note, puts the case back
    in its team's queue.
    """
    expert = session.get(Expert, body.expert_id)
    if expert is None:
        raise ApiError(404, code="unknown_expert", path="expert_id",
                       message=f"no expert {body.expert_id!r}; see GET /api/experts")
    if not expert.active:
        raise ApiError(409, code="inactive_expert", path="expert_id",
                       message=f"expert {body.expert_id!r} is not active; ask an active one (GET /api/experts)")
    request = ExpertRequestInput(agent_id=principal.user_id, request_id=uuid.uuid4().hex, expert_id=expert.id,
                                 expert_name=expert.name, question=body.question,
                                 response_seconds=expert.response_seconds)
    return await _on_behalf(session, principal, workflows, case_id, EXPERT_UPDATE, request)


@router.get("/cases/{case_id}/drafts", response_model=list[ReplyDraft])
async def list_drafts(principal: ReadCases, session: SessionDep, workflows: CaseWorkflowsDep,
                      case_id: str) -> list[ReplyDraft]:
    """Replies of the case that needed approval, pending or decided."""
    case = _case(session, principal, case_id)
    session.close()
    try:
        view = await workflows.view(case, timeout=UPDATE_TIMEOUT)
    except RPCError as exc:
        raise ApiError(503, code="workflow_service_unavailable", path="",
                       message=f"could not ask case {case.id} for its drafts ({exc.message}); try again") from exc
    return view.drafts if view is not None else []


class ReplyCheckRequest(Body):
    text: str = Field(default="", max_length=10_000, description="The reply as written so far")


@router.post("/cases/{case_id}/reply-check", response_model=ReplyCheck,
             openapi_extra=recorded_elsewhere("nothing to record: a preview that changes nothing"))
def check_reply(principal: WorkCases, session: SessionDep, case_id: str, body: ReplyCheckRequest) -> ReplyCheck:
    """Would the flow's approval rule hold this reply, by you, on this case? The composer asks as you write; the
    answer is the rule's, on the case as stored now (the reply itself is checked again when sent)."""
    case = _case(session, principal, case_id)
    flow = session.get(Flow, case.flow_version)
    if flow is None:
        raise ApiError(409, code="unknown_flow_version", path="",
                       message=f"case {case.id} runs under flow version {case.flow_version}, which is not stored")
    agent = session.get(Agent, principal.user_id)
    facts = case_facts(priority=case.priority.value, channel=case.source, tags=case.tags, sentiment=case.sentiment,
                       team_id=case.team_id, author=case.author, status=case.status.value,
                       escalation_level=case.escalation_level)
    data = approval_data(case=facts, agent_id=principal.user_id,
                         seniority=agent.seniority if agent else "unknown", roles=agent.roles if agent else [],
                         team_id=agent.team_id if agent else None, text=body.text)
    needs, why = compiled(flow).needs_approval(data)
    return ReplyCheck(needs_approval=needs, evidence=why)


@router.post("/cases/{case_id}/presence", response_model=list[Viewer],
             openapi_extra=recorded_elsewhere("nothing to record: who is viewing a case, for a few seconds"))
def case_presence(principal: WorkCases, engine: EngineDep, case_id: str) -> list[Viewer]:
    """I am viewing this case (repeat every few seconds); answers who else is."""
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        _case(session, principal, case_id)
        beat(session, case_id, principal.user_id, now)
        return [Viewer(agent_id=v.agent_id, seen_at=v.seen_at) for v in viewers(session, case_id, now)]


@router.get("/cases/{case_id}/presence", response_model=list[Viewer])
def who_is_viewing(principal: ReadCases, session: SessionDep, case_id: str) -> list[Viewer]:
    _case(session, principal, case_id)
    return [Viewer(agent_id=v.agent_id, seen_at=v.seen_at) for v in viewers(session, case_id, datetime.now(UTC))]


async def update_case(workflows: CaseWorkflowsDep, case: Case, name: str, arg: object) -> CasePublic:
    try:
        view = await workflows.update(case, name, arg, timeout=UPDATE_TIMEOUT)
    except WorkflowUpdateRPCTimeoutOrCancelledError as exc:
        raise ApiError(504, code="case_busy", path="",
                       message=f"case {case.id} did not answer within {UPDATE_TIMEOUT.seconds}s; the change may "
                               "still happen: repeat the request with the same reply_id to be safe") from exc
    except WorkflowUpdateFailedError as exc:
        cause = exc.cause
        if isinstance(cause, ApplicationError) and cause.type in REFUSALS:
            holder = (cause.details[0] or {}).get("holder") if cause.details else None
            message = cause.message if holder is None or holder in cause.message else f"{cause.message} ({holder})"
            raise ApiError(Refusal(cause.type).status, code=cause.type, message=message, path="") from exc
        raise
    except NotStarted as exc:
        raise ApiError(503, code="case_starting", path="",
                       message=f"case {case.id} is stored and assigned; its workflow has not started yet ({exc}); "
                               "nothing was changed, try again in a moment") from exc
    except RPCError as exc:
        if exc.status == RPCStatusCode.NOT_FOUND:
            raise ApiError(409, code="case_closed", message=f"case {case.id} has finished; it takes no changes",
                           path="") from exc
        if exc.status == RPCStatusCode.UNAVAILABLE:
            raise ApiError(503, code="workflow_service_unavailable", path="",
                           message="the workflow service is not answering; nothing was changed, try again") from exc
        if exc.status in _IN_DOUBT:
            # Temporal went away mid-call, or the case's workflow task is failing: the change may or may not
            # have been taken. Repeating it is safe: replies carry their id, the rest are idempotent.
            raise ApiError(503, code="case_unavailable", path="",
                           message=f"case {case.id} could not be reached ({exc.status.name.lower()}: {exc.message}); "
                                   "the change may have been taken: repeat the request (with the same reply_id "
                                   "for a reply) in a moment") from exc
        raise
    return CasePublic(id=view.case_id, **case_fields(view))


_IN_DOUBT = frozenset({RPCStatusCode.UNKNOWN, RPCStatusCode.FAILED_PRECONDITION, RPCStatusCode.DEADLINE_EXCEEDED,
                       RPCStatusCode.CANCELLED, RPCStatusCode.INTERNAL, RPCStatusCode.RESOURCE_EXHAUSTED,
                       RPCStatusCode.ABORTED})
