"""Cases: the read side for lists, the workflow for every change."""

from __future__ import annotations

import uuid
from datetime import timedelta

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field
from temporalio.client import WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError
from temporalio.exceptions import ApplicationError
from temporalio.service import RPCError, RPCStatusCode

from api.cases.models import Case, CasePublic, case_fields
from api.deps import ListDep, SessionDep, TemporalDep
from api.errors import ApiError
from api.listing import get_or_404, list_rows
from api.teams.models import Agent
from engine.messages import CLOSE_UPDATE, REPLY_UPDATE, CaseView, CloseInput, ReplyInput
from engine.models import CloseReason

router = APIRouter(tags=["cases"])
UPDATE_TIMEOUT = timedelta(seconds=20)

# Why the workflow refused a change -> HTTP status. All are the caller's to fix or retry.
_REFUSALS = {"not_assignee": 409, "case_closed": 409, "case_opening": 409}


class ReplyRequest(BaseModel):
    agent_id: str = Field(min_length=1)
    text: str = Field(min_length=1, max_length=10_000)
    close: bool = Field(default=False, description="Send and resolve in one step.")
    reply_id: str | None = Field(default=None, description="Idempotency key; a retry with it sends once.")


class CloseRequest(BaseModel):
    agent_id: str = Field(min_length=1)
    reason: CloseReason = CloseReason.resolved


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
    return await _update(temporal, case, REPLY_UPDATE, update)


@router.post("/cases/{case_id}/close", response_model=CasePublic)
async def close_case(session: SessionDep, temporal: TemporalDep, case_id: str, body: CloseRequest) -> CasePublic:
    case = get_or_404(session, Case, case_id, resource="case")
    get_or_404(session, Agent, body.agent_id, resource="agent")
    session.close()
    return await _update(temporal, case, CLOSE_UPDATE, CloseInput(agent_id=body.agent_id, reason=body.reason))


async def _update(temporal: TemporalDep, case: Case, name: str, arg: object) -> CasePublic:
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
            raise ApiError(_REFUSALS[cause.type], code=cause.type, message=cause.message, path="") from exc
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
