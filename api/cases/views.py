"""Cases: the read side for lists, the workflow for every change."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field
from temporalio.client import WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError
from temporalio.exceptions import ApplicationError
from temporalio.service import RPCError, RPCStatusCode

from api.cases.models import Case, CasePublic, case_fields
from api.db import session_scope
from api.deps import EngineDep, ListDep, SessionDep, TemporalDep
from api.errors import ApiError
from api.experts.models import Expert
from api.listing import get_or_404, list_rows
from api.routing.presence import beat, viewers
from api.teams.models import Agent, Team
from engine.messages import (
    APPROVE_UPDATE,
    CLAIM_UPDATE,
    CLOSE_UPDATE,
    EXPERT_UPDATE,
    NOTE_UPDATE,
    PENDING_UPDATE,
    REJECT_UPDATE,
    REPLY_UPDATE,
    TAG_UPDATE,
    TRANSFER_UPDATE,
    VIEW_QUERY,
    ApproveInput,
    CaseView,
    ClaimInput,
    CloseInput,
    ExpertRequestInput,
    NoteInput,
    PendingInput,
    RejectInput,
    ReplyDraft,
    ReplyInput,
    Tag,
    TagInput,
    TransferInput,
)
from engine.models import CloseReason

router = APIRouter(tags=["cases"])
UPDATE_TIMEOUT = timedelta(seconds=20)

# Why the workflow refused a change -> HTTP status. All are the caller's to fix or retry.
_REFUSALS = {"not_assignee": 409, "case_closed": 409, "case_opening": 409, "claimed": 409, "not_supervisor": 403,
             "pull_not_allowed": 409, "at_capacity": 409, "not_in_team": 409, "not_waiting": 409, "not_routed": 409,
             "self_approval": 409, "already_decided": 409, "unknown_reply": 404, "same_team": 409,
             "not_assigned": 409, "unknown_team": 422, "with_expert": 409, "nothing_to_change": 422,
             "unknown_request": 404}


class ReplyRequest(BaseModel):
    agent_id: str = Field(min_length=1)
    text: str = Field(min_length=1, max_length=10_000)
    close: bool = Field(default=False, description="Send and resolve in one step.")
    reply_id: str | None = Field(default=None, description="Idempotency key; a retry with it sends once.")


class CloseRequest(BaseModel):
    agent_id: str = Field(min_length=1)
    reason: CloseReason = CloseReason.resolved


class ClaimRequest(BaseModel):
    agent_id: str = Field(min_length=1)
    takeover: bool = Field(default=False, description="Supervisors only: take the case from whoever holds it.")


class DecisionRequest(BaseModel):
    approver_id: str = Field(min_length=1)
    reply_id: str = Field(min_length=1)


class ApproveRequest(DecisionRequest):
    text: str | None = Field(default=None, min_length=1, max_length=10_000, description="Send this edit instead.")


class RejectRequest(DecisionRequest):
    reason: str = Field(min_length=1, max_length=2_000)


class TransferRequest(BaseModel):
    agent_id: str = Field(min_length=1)
    team_id: str = Field(min_length=1)
    note: str = Field(default="", max_length=2_000)


class PendingRequest(BaseModel):
    agent_id: str = Field(min_length=1)
    waiting: bool = Field(default=True, description="true: waiting on the customer (SLA paused); false: back to work")


class NoteRequest(BaseModel):
    agent_id: str = Field(min_length=1)
    text: str = Field(min_length=1, max_length=10_000)


class TagRequest(BaseModel):
    agent_id: str = Field(min_length=1)
    add: list[Tag] = Field(default_factory=list, max_length=50)
    remove: list[Tag] = Field(default_factory=list, max_length=50)


class ExpertHandoffRequest(BaseModel):
    agent_id: str = Field(min_length=1)
    expert_id: str = Field(min_length=1)
    question: str = Field(min_length=1, max_length=10_000, description="What the expert is asked; they see this")


class PresenceRequest(BaseModel):
    agent_id: str = Field(min_length=1)


class Viewer(BaseModel):
    agent_id: str
    seen_at: datetime


@router.get("/cases", response_model=list[CasePublic])
def list_cases(session: SessionDep, response: Response, params: ListDep) -> list[Case]:
    return list_rows(session, response, params, table=Case, resource="cases",
                     filterable=("status", "priority", "assignee_id", "team_id", "source", "conversation_id",
                                 "needs_response", "sla_breached"),
                     searchable=("subject", "author"))


@router.get("/cases/{case_id}", response_model=CasePublic)
def get_case(session: SessionDep, case_id: str) -> Case:
    return get_or_404(session, Case, case_id, resource="case")


@router.post("/cases/{case_id}/replies", response_model=CasePublic)
async def reply_to_case(session: SessionDep, temporal: TemporalDep, case_id: str, body: ReplyRequest) -> CasePublic:
    case = get_or_404(session, Case, case_id, resource="case")
    get_or_404(session, Agent, body.agent_id, resource="agent")
    session.close()  # hold no connection while the workflow works
    update = ReplyInput(reply_id=body.reply_id or str(uuid.uuid4()), agent_id=body.agent_id,
                        text=body.text, close=body.close)
    return await update_case(temporal, case, REPLY_UPDATE, update)


@router.post("/cases/{case_id}/close", response_model=CasePublic)
async def close_case(session: SessionDep, temporal: TemporalDep, case_id: str, body: CloseRequest) -> CasePublic:
    case = get_or_404(session, Case, case_id, resource="case")
    get_or_404(session, Agent, body.agent_id, resource="agent")
    session.close()
    return await update_case(temporal, case, CLOSE_UPDATE, CloseInput(agent_id=body.agent_id, reason=body.reason))


def _agent(session: SessionDep, agent_id: str, *, role: str | None = None, path: str = "agent_id") -> Agent:
    agent = session.get(Agent, agent_id)
    if agent is None:
        raise ApiError(422, code="unknown_agent", path=path, message=f"no agent {agent_id!r}")
    if role is not None and role not in agent.roles and "supervisor" not in agent.roles:
        raise ApiError(403, code=f"not_{role}", path=path,
                       message=f"{agent_id} lacks the {role!r} role (roles: {', '.join(agent.roles) or 'none'})")
    return agent


@router.post("/cases/{case_id}/claim", response_model=CasePublic)
async def claim_case(session: SessionDep, temporal: TemporalDep, case_id: str, body: ClaimRequest) -> CasePublic:
    """Open the case for work: the first claim wins, others learn who holds it (409 `claimed`)."""
    case = get_or_404(session, Case, case_id, resource="case")
    agent = _agent(session, body.agent_id, role="supervisor" if body.takeover else None)
    session.close()
    claim = ClaimInput(agent_id=agent.id, takeover=body.takeover, supervisor="supervisor" in agent.roles)
    return await update_case(temporal, case, CLAIM_UPDATE, claim)


def _for_approver(session: SessionDep, case_id: str, body: DecisionRequest) -> Case:
    """The case, once the approver is known to hold the role; the session is released for the Update."""
    case = get_or_404(session, Case, case_id, resource="case")
    _agent(session, body.approver_id, role="approver", path="approver_id")
    session.close()
    return case


@router.post("/cases/{case_id}/approve", response_model=CasePublic)
async def approve_reply(session: SessionDep, temporal: TemporalDep, case_id: str, body: ApproveRequest) -> CasePublic:
    """Send a reply that waits for approval, as written or with the approver's edit."""
    case = _for_approver(session, case_id, body)
    return await update_case(temporal, case, APPROVE_UPDATE,
                         ApproveInput(reply_id=body.reply_id, approver_id=body.approver_id, text=body.text))


@router.post("/cases/{case_id}/reject", response_model=CasePublic)
async def reject_reply(session: SessionDep, temporal: TemporalDep, case_id: str, body: RejectRequest) -> CasePublic:
    case = _for_approver(session, case_id, body)
    return await update_case(temporal, case, REJECT_UPDATE,
                         RejectInput(reply_id=body.reply_id, approver_id=body.approver_id, reason=body.reason))


@router.post("/cases/{case_id}/transfer", response_model=CasePublic)
async def transfer_case(session: SessionDep, temporal: TemporalDep, case_id: str, body: TransferRequest) -> CasePublic:
    """Move the case to another team's queue; it keeps its place in line (its waiting time)."""
    case = get_or_404(session, Case, case_id, resource="case")
    _agent(session, body.agent_id)
    if session.get(Team, body.team_id) is None:
        raise ApiError(422, code="unknown_team", path="team_id", message=f"no team {body.team_id!r}")
    session.close()
    return await update_case(temporal, case, TRANSFER_UPDATE,
                         TransferInput(agent_id=body.agent_id, team_id=body.team_id, note=body.note))


async def _by_agent(session: SessionDep, temporal: TemporalDep, case_id: str, agent_id: str, name: str,
                    arg: object) -> CasePublic:
    """An Update on behalf of a known agent; the session is released before the workflow works."""
    case = get_or_404(session, Case, case_id, resource="case")
    _agent(session, agent_id)
    session.close()
    return await update_case(temporal, case, name, arg)


@router.post("/cases/{case_id}/pending", response_model=CasePublic)
async def set_pending(session: SessionDep, temporal: TemporalDep, case_id: str, body: PendingRequest) -> CasePublic:
    return await _by_agent(session, temporal, case_id, body.agent_id, PENDING_UPDATE,
                           PendingInput(agent_id=body.agent_id, waiting=body.waiting))


@router.post("/cases/{case_id}/notes", response_model=CasePublic)
async def add_note(session: SessionDep, temporal: TemporalDep, case_id: str, body: NoteRequest) -> CasePublic:
    """An internal note: never sent to the customer; it travels with the case through every hand-over."""
    return await _by_agent(session, temporal, case_id, body.agent_id, NOTE_UPDATE,
                           NoteInput(agent_id=body.agent_id, text=body.text))


@router.post("/cases/{case_id}/tags", response_model=CasePublic)
async def change_tags(session: SessionDep, temporal: TemporalDep, case_id: str, body: TagRequest) -> CasePublic:
    return await _by_agent(session, temporal, case_id, body.agent_id, TAG_UPDATE,
                           TagInput(agent_id=body.agent_id, add=body.add, remove=body.remove))


@router.post("/cases/{case_id}/expert", response_model=CasePublic)
async def hand_to_expert(session: SessionDep, temporal: TemporalDep, case_id: str,
                         body: ExpertHandoffRequest) -> CasePublic:
    """Hand the case to an expert outside the contact centre, on the expert's own SLA.

    The agent's slot is freed; the expert answers through `POST /api/expert-requests/{id}/answer`
    (the request id is the link sent to them), and the answer, kept as a note, puts the case back
    in its team's queue.
    """
    case = get_or_404(session, Case, case_id, resource="case")
    _agent(session, body.agent_id)
    expert = session.get(Expert, body.expert_id)
    if expert is None or not expert.active:
        raise ApiError(422, code="unknown_expert", path="expert_id",
                       message=f"no active expert {body.expert_id!r}; see GET /api/experts")
    session.close()
    request = ExpertRequestInput(agent_id=body.agent_id, request_id=uuid.uuid4().hex, expert_id=expert.id,
                                 expert_name=expert.name, question=body.question,
                                 response_seconds=expert.response_seconds)
    return await update_case(temporal, case, EXPERT_UPDATE, request)


@router.get("/cases/{case_id}/drafts", response_model=list[ReplyDraft])
async def list_drafts(session: SessionDep, temporal: TemporalDep, case_id: str) -> list[ReplyDraft]:
    """Replies of the case that needed approval, pending or decided."""
    case = get_or_404(session, Case, case_id, resource="case")
    session.close()
    try:
        view = await temporal.get_workflow_handle(case.workflow_id, run_id=case.id).query(
            VIEW_QUERY, result_type=CaseView, rpc_timeout=UPDATE_TIMEOUT)
    except RPCError as exc:
        raise ApiError(503, code="workflow_service_unavailable", path="",
                       message=f"could not ask case {case.id} for its drafts ({exc.message}); try again") from exc
    return view.drafts if view is not None else []


@router.post("/cases/{case_id}/presence", response_model=list[Viewer])
def case_presence(engine: EngineDep, case_id: str, body: PresenceRequest) -> list[Viewer]:
    """I am viewing this case (repeat every few seconds); answers who else is."""
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        get_or_404(session, Case, case_id, resource="case")
        _agent(session, body.agent_id)
        beat(session, case_id, body.agent_id, now)
        return [Viewer(agent_id=v.agent_id, seen_at=v.seen_at) for v in viewers(session, case_id, now)]


@router.get("/cases/{case_id}/presence", response_model=list[Viewer])
def who_is_viewing(session: SessionDep, case_id: str) -> list[Viewer]:
    get_or_404(session, Case, case_id, resource="case")
    return [Viewer(agent_id=v.agent_id, seen_at=v.seen_at) for v in viewers(session, case_id, datetime.now(UTC))]


async def update_case(temporal: TemporalDep, case: Case, name: str, arg: object) -> CasePublic:
    handle = temporal.get_workflow_handle(case.workflow_id, run_id=case.id)
    try:
        view = await handle.execute_update(name, arg, result_type=CaseView, rpc_timeout=UPDATE_TIMEOUT)
    except WorkflowUpdateRPCTimeoutOrCancelledError as exc:
        raise ApiError(504, code="case_busy", path="",
                       message=f"case {case.id} did not answer within {UPDATE_TIMEOUT.seconds}s; the change may "
                               "still happen: repeat the request with the same reply_id to be safe") from exc
    except WorkflowUpdateFailedError as exc:
        cause = exc.cause
        if isinstance(cause, ApplicationError) and cause.type in _REFUSALS:
            holder = (cause.details[0] or {}).get("holder") if cause.details else None
            message = cause.message if holder is None or holder in cause.message else f"{cause.message} ({holder})"
            raise ApiError(_REFUSALS[cause.type], code=cause.type, message=message, path="") from exc
        raise
    except RPCError as exc:
        if exc.status == RPCStatusCode.NOT_FOUND:
            raise ApiError(409, code="case_closed", message=f"case {case.id} has finished; it takes no changes",
                           path="") from exc
        if exc.status == RPCStatusCode.UNAVAILABLE:
            raise ApiError(503, code="workflow_service_unavailable", path="",
                           message="the workflow service is not answering; nothing was changed, try again") from exc
        raise
    return CasePublic(id=view.case_id, **case_fields(view))
