"""Experts outside the contact centre, and the requests they answer.

Experts have no login: an agent who may work the case gets the request's link
(`GET /api/expert-requests/{id}/link`) and sends it; its token (api.experts.links)
lets the expert read that one question and answer it until the link expires.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError

from api.audit.coverage import recorded_elsewhere
from api.audit.trail import record
from api.auth.deps import ReadExpertRequests, ReadExperts, WorkCases, WriteExperts, public
from api.cases.access import check_case, through_cases
from api.cases.views import update_case
from api.cases.workflows import CaseWorkflowsDep
from api.deps import KeysDep, SessionDep
from api.errors import ApiError
from api.experts.links import HEADER, check_link, link_token
from api.listing import Listing, ListParams, get_or_404, list_rows
from engine.messages import EXPERT_ANSWER_UPDATE, ExpertAnswerInput
from store.cases import Case
from store.experts import Expert, ExpertCreate, ExpertPublic, ExpertRequest, ExpertRequestPublic

router = APIRouter(tags=["experts"])


class AnswerRequest(BaseModel):
    text: str = Field(min_length=1, max_length=10_000)


EXPERTS = Listing(Expert, "experts", filterable=("department", "active"), searchable=("name", "email", "department"))
REQUESTS = Listing(ExpertRequest, "expert-requests", filterable=("expert_id", "case_id", "overdue", "asked_by"))


@router.get("/experts", response_model=list[ExpertPublic])
def list_experts(_: ReadExperts, session: SessionDep, response: Response,
                 params: Annotated[ListParams, Depends(EXPERTS)]) -> list[Expert]:
    return list_rows(session, response, params)


@router.get("/experts/{expert_id}", response_model=ExpertPublic)
def get_expert(_: ReadExperts, session: SessionDep, expert_id: str) -> Expert:
    return get_or_404(session, Expert, expert_id, resource="expert")


@router.post("/experts", response_model=ExpertPublic, status_code=201)
def create_expert(principal: WriteExperts, session: SessionDep, body: ExpertCreate) -> Expert:
    if session.get(Expert, body.id) is not None:
        raise ApiError(409, code="exists", path="id", message=f"expert {body.id!r} exists; pick another id")
    expert = Expert.model_validate(body.model_dump())
    session.add(expert)
    record(session, principal, "expert.create", "expert", expert.id, after=body.model_dump(mode="json"))
    try:
        session.commit()
    except IntegrityError as exc:  # created by a concurrent request
        raise ApiError(409, code="exists", path="id", message=f"expert {body.id!r} exists; pick another id") from exc
    session.refresh(expert)
    return expert


@router.get("/expert-requests", response_model=list[ExpertRequestPublic])
def list_requests(principal: ReadExpertRequests, session: SessionDep, response: Response,
                  params: Annotated[ListParams, Depends(REQUESTS)]) -> list[ExpertRequestPublic]:
    rows = list_rows(session, response, params, where=through_cases(principal, ExpertRequest.case_id))
    return [_public(session, row) for row in rows]


class ExpertLink(BaseModel):
    url: str = Field(description="the page the expert opens, token included; send it to them")
    token: str = Field(description=f"the link's token, sent as {HEADER} to the API")
    expires_at: datetime


ExpertToken = Annotated[str | None, Header(alias=HEADER, description="the token of the expert's link")]
LINK = public(f"the expert's link: a signed, expiring token for this request only, in {HEADER}")


@router.get("/expert-requests/{request_id}/link", response_model=ExpertLink)
def get_link(principal: WorkCases, session: SessionDep, keys: KeysDep, request_id: str) -> ExpertLink:
    """The link to send the expert (never listed; whoever may work the case can ask for it again)."""
    request = get_or_404(session, ExpertRequest, request_id, resource="expert request")
    check_case(principal, get_or_404(session, Case, request.case_id, resource="case"))
    token, expires_at = link_token(keys, request.id, request.asked_at)
    return ExpertLink(url=f"/#/expert-requests/{request.id}?token={token}", token=token, expires_at=expires_at)


@router.get("/expert-requests/{request_id}", response_model=ExpertRequestPublic, openapi_extra=LINK)
def get_request(session: SessionDep, keys: KeysDep, request_id: str, token: ExpertToken = None) -> ExpertRequestPublic:
    """What the expert sees: the question, the case's subject and author, and their answer once given."""
    check_link(keys, request_id, token, datetime.now(UTC))
    return _public(session, get_or_404(session, ExpertRequest, request_id, resource="expert request"))


@router.post("/expert-requests/{request_id}/answer", response_model=ExpertRequestPublic,
             openapi_extra={**LINK, **recorded_elsewhere("the case's expert_answered event")})
async def answer_request(session: SessionDep, workflows: CaseWorkflowsDep, keys: KeysDep, request_id: str,
                         body: AnswerRequest, token: ExpertToken = None) -> ExpertRequestPublic:
    """The expert's answer: kept on the case as a note, and the case goes back to its team's queue."""
    check_link(keys, request_id, token, datetime.now(UTC))
    request = get_or_404(session, ExpertRequest, request_id, resource="expert request")
    case = get_or_404(session, Case, request.case_id, resource="case")
    session.close()
    view = await update_case(workflows, case, EXPERT_ANSWER_UPDATE,
                             ExpertAnswerInput(request_id=request_id, text=body.text))
    answer = _answer_in(view.notes) or body.text
    answered_at = request.answered_at or view.updated_at  # the read side may not have the answer yet
    return ExpertRequestPublic(**request.model_dump(exclude={"answered_at"}), answered_at=answered_at,
                               subject=view.subject, author=view.author, source=view.source, answer=answer)


def _answer_in(notes: list[dict]) -> str | None:
    """The expert's answer: the case's latest note of that kind."""
    return next((n["text"] for n in reversed(notes) if n.get("kind") == "expert_answer"), None)


def _public(session: SessionDep, row: ExpertRequest) -> ExpertRequestPublic:
    case = session.get(Case, row.case_id)
    answer = _answer_in(case.notes or []) if case is not None and row.answered_at is not None else None
    return ExpertRequestPublic(**row.model_dump(), subject=case.subject if case else "",
                               author=case.author if case else "", source=case.source if case else "",
                               answer=answer)
