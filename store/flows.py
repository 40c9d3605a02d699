"""Flow versions: immutable, content-addressed; one is active for new cases."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, cast

from pydantic import BaseModel, PlainValidator
from pydantic import Field as PydanticField
from sqlmodel import JSON, Column, Field, Session, SQLModel, col, select

from engine.flows import compile_flow
from engine.flows.document import FlowDocument
from store.db.types import UtcDateTime
from store.event_payloads import FlowChange
from store.events_out import EventType, emit
from store.teams import Team


class FlowBase(SQLModel):
    name: str
    active: bool = False
    published_at: datetime = Field(sa_type=UtcDateTime)
    published_by: str | None = Field(default=None, description="the user who published it")
    activated_by: str | None = Field(default=None, description="the user who last made it the active flow")
    document: dict[str, Any] = Field(sa_column=Column(JSON))


class Flow(FlowBase, table=True):
    id: str = Field(primary_key=True)  # the version hash


class FlowPublic(FlowBase):
    id: str
    version: str


class FlowDraftBase(SQLModel):
    name: str = Field(min_length=1, max_length=200)
    document: dict[str, Any] = Field(sa_column=Column(JSON))


class FlowDraft(FlowDraftBase, table=True):
    __tablename__ = "flow_draft"
    id: str = Field(primary_key=True)
    based_on: str | None = Field(default=None, description="The version this draft was started from")
    updated_at: datetime = Field(sa_type=UtcDateTime)
    updated_by: str | None = Field(default=None, description="the user who saved it last")


def _flow_shaped(document: Any) -> dict[str, Any]:
    """The document as sent (kept whole: its version is the hash of what was sent), once it has a flow's shape."""
    FlowDocument.model_validate(document, strict=True)
    return cast(dict[str, Any], document)


# A draft's document: documented as a flow's shape (nodes of known types, edges) and checked strictly for it, then
# as a whole (edges to missing nodes, a stage missing, rules that do not compile: 422, each with its path).
DraftDocument = Annotated[dict[str, Any], PlainValidator(_flow_shaped, json_schema_input_type=FlowDocument)]


class FlowDraftCreate(BaseModel):
    name: str = PydanticField(min_length=1, max_length=200)
    document: DraftDocument
    based_on: str | None = PydanticField(default=None, max_length=100,
                                         description="the version this draft starts from")


class FlowDraftUpdate(BaseModel):
    name: str | None = PydanticField(default=None, min_length=1, max_length=200)
    document: DraftDocument | None = None


class FlowDraftPublic(FlowDraftBase):
    id: str
    based_on: str | None
    updated_at: datetime
    updated_by: str | None


def active_flow(*, session: Session) -> Flow | None:
    """The flow new cases start with."""
    return session.exec(select(Flow).where(col(Flow.active)).order_by(col(Flow.published_at).desc())).first()


def activate_flow(*, session: Session, flow: Flow, by: str | None = None) -> Flow:
    """Make `flow` the version new cases start with, and give its queue settings to the teams it names.

    Queue settings (strategy, pull, claim timeout) belong to the team, not to a
    case, since one queue hands out cases of every flow version; the active
    flow sets them. A team the flow names but the database lacks is skipped.
    """
    for other in session.exec(select(Flow).where(col(Flow.active), Flow.id != flow.id)):
        other.active = False
        session.add(other)
    if not flow.active:
        emit(session, EventType.flow_activated, FlowChange(version=flow.id, name=flow.name, actor=by))
    flow.active = True
    flow.activated_by = by
    session.add(flow)
    for team_id, settings in compile_flow(flow.document).queues.items():
        team = session.get(Team, team_id)
        if team is not None:
            team.sqlmodel_update(settings.model_dump())
            session.add(team)
    return flow
