"""Flow versions, read-only until the designer's editor lands."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from api.auth.deps import ReadFlows
from api.deps import SessionDep
from api.listing import Listing, ListParams, get_or_404, list_rows
from store.flows import Flow, FlowPublic

router = APIRouter(tags=["flows"])


def public_flow(flow: Flow) -> FlowPublic:
    return FlowPublic(**flow.model_dump(), version=flow.id)


FLOWS = Listing(Flow, "flows", filterable=("active",), searchable=("name",))


@router.get("/flows", response_model=list[FlowPublic])
def list_flows(_: ReadFlows, session: SessionDep, response: Response,
               params: Annotated[ListParams, Depends(FLOWS)]) -> list[FlowPublic]:
    rows = list_rows(session, response, params)
    return [public_flow(f) for f in rows]


@router.get("/flows/{flow_id}", response_model=FlowPublic)
def get_flow(_: ReadFlows, session: SessionDep, flow_id: str) -> FlowPublic:
    return public_flow(get_or_404(session, Flow, flow_id, resource="flow"))
