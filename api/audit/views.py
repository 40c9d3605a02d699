"""The audit timeline of cases."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from api.auth.deps import ReadAudit
from api.cases.access import get_visible, through_cases
from api.deps import SessionDep
from api.listing import Listing, ListParams, list_rows
from store.case_events import CaseEvent, CaseEventPublic

router = APIRouter(tags=["audit"])


CASE_EVENTS = Listing(CaseEvent, "case_events", filterable=("case_id", "kind", "actor"))


@router.get("/case_events", response_model=list[CaseEventPublic])
def list_case_events(principal: ReadAudit, session: SessionDep, response: Response,
                     params: Annotated[ListParams, Depends(CASE_EVENTS)]) -> list[CaseEvent]:
    return list_rows(session, response, params, where=through_cases(principal, CaseEvent.case_id))


@router.get("/case_events/{event_id}", response_model=CaseEventPublic)
def get_case_event(principal: ReadAudit, session: SessionDep, event_id: str) -> CaseEvent:
    return get_visible(session, CaseEvent, event_id, resource="case event",
                       where=through_cases(principal, CaseEvent.case_id))
