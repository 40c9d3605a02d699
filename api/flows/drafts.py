"""Flow drafts: edited in the designer, validated on every save, published as versions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response, status
from pydantic import BaseModel, Field
from sqlmodel import Session, col, select

from api.audit.trail import record
from api.auth.deps import ReadFlows, WriteFlows
from api.deps import SessionDep, WriteSessionDep
from api.errors import ApiError
from api.flows.service import activate_flow, publish_flow, save_draft
from api.flows.views import public_flow
from api.listing import Listing, ListParams, get_or_404, list_rows
from engine.flows import flow_version
from store.flows import Flow, FlowDraft, FlowDraftCreate, FlowDraftPublic, FlowDraftUpdate, FlowPublic

router = APIRouter(tags=["flows"])


class PublishRequest(BaseModel):
    activate: bool = Field(default=True, strict=True, description="make it the flow new cases start with")


DRAFTS = Listing(FlowDraft, "flow_drafts", filterable=("based_on",), searchable=("name",))


class FlowDraftListed(FlowDraftPublic):
    published_version: str | None = Field(
        default=None, description="the published version with this very document (versions are content-addressed): "
                                  "the draft is published as it is; None while it differs from every version")
    published_active: bool = Field(default=False, description="whether that version is the active flow")


def listed(session: Session, drafts: list[FlowDraft]) -> list[FlowDraftListed]:
    """The drafts, each with the version it is published as, if any."""
    versions = {draft.id: flow_version(draft.document) for draft in drafts}
    flows = {flow.id: flow for flow in session.exec(select(Flow).where(col(Flow.id).in_(set(versions.values()))))}
    out = []
    for draft in drafts:
        flow = flows.get(versions[draft.id])
        out.append(FlowDraftListed(**draft.model_dump(), published_version=flow.id if flow else None,
                                   published_active=bool(flow and flow.active)))
    return out


@router.get("/flow_drafts", response_model=list[FlowDraftListed])
def list_drafts(_: ReadFlows, session: SessionDep, response: Response,
                params: Annotated[ListParams, Depends(DRAFTS)]) -> list[FlowDraftListed]:
    return listed(session, list_rows(session, response, params))


@router.get("/flow_drafts/{draft_id}", response_model=FlowDraftListed)
def get_draft(_: ReadFlows, session: SessionDep, draft_id: str) -> FlowDraftListed:
    return listed(session, [get_or_404(session, FlowDraft, draft_id, resource="flow draft")])[0]


@router.post("/flow_drafts", response_model=FlowDraftListed, status_code=status.HTTP_201_CREATED)
def create_draft(principal: WriteFlows, session: WriteSessionDep, body: FlowDraftCreate) -> FlowDraftListed:
    """A new draft; a document that does not make a working flow is refused (422, each problem with its path)."""
    if body.based_on is not None and session.get(Flow, body.based_on) is None:
        raise ApiError(404, code="not_found", path="based_on",
                       message=f"no flow version {body.based_on!r} to base the draft on; see GET /api/flows")
    draft = save_draft(session=session, draft=None, name=body.name, document=body.document, based_on=body.based_on,
                       by=principal.user_id)
    record(session, principal, "flow_draft.create", "flow_draft", draft.id,
           after={"name": draft.name, "based_on": draft.based_on})
    return listed(session, [draft])[0]


@router.put("/flow_drafts/{draft_id}", response_model=FlowDraftListed)
def update_draft(principal: WriteFlows, session: WriteSessionDep, draft_id: str,
                 body: FlowDraftUpdate) -> FlowDraftListed:
    """Save the draft; a document that does not make a working flow is refused (422, each problem with its path)."""
    draft = get_or_404(session, FlowDraft, draft_id, resource="flow draft")
    saved = save_draft(session=session, draft=draft, name=body.name, document=body.document, by=principal.user_id)
    record(session, principal, "flow_draft.save", "flow_draft", saved.id, after={"name": saved.name})
    return listed(session, [saved])[0]


@router.delete("/flow_drafts/{draft_id}", response_model=FlowDraftPublic)
def delete_draft(principal: WriteFlows, session: WriteSessionDep, draft_id: str) -> FlowDraft:
    draft = get_or_404(session, FlowDraft, draft_id, resource="flow draft")
    session.delete(draft)
    record(session, principal, "flow_draft.delete", "flow_draft", draft.id, before={"name": draft.name})
    return draft


@router.post("/flow_drafts/{draft_id}/publish", response_model=FlowPublic)
def publish_draft(principal: WriteFlows, session: WriteSessionDep, draft_id: str,
                  body: PublishRequest) -> FlowPublic:
    """A version of the draft's document; cases already running keep the version they started with."""
    draft = get_or_404(session, FlowDraft, draft_id, resource="flow draft")
    flow = publish_flow(session=session, name=draft.name, document=draft.document, activate=body.activate,
                        by=principal.user_id, check_teams=True)
    record(session, principal, "flow.publish", "flow", flow.id,
           detail={"draft": draft.id, "name": flow.name, "activated": body.activate})
    return public_flow(flow)


@router.post("/flows/{flow_id}/activate", response_model=FlowPublic)
def activate(principal: WriteFlows, session: WriteSessionDep, flow_id: str) -> FlowPublic:
    flow = activate_flow(session=session, flow=get_or_404(session, Flow, flow_id, resource="flow"),
                         by=principal.user_id)
    record(session, principal, "flow.activate", "flow", flow.id, detail={"name": flow.name})
    return public_flow(flow)
