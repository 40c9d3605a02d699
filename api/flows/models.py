"""Flow versions: immutable, content-addressed; one is active for new cases."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import JSON, Column, Field, SQLModel

from api.db.types import UtcDateTime


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


class FlowDraftCreate(FlowDraftBase):
    based_on: str | None = None


class FlowDraftUpdate(SQLModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    document: dict[str, Any] | None = None


class FlowDraftPublic(FlowDraftBase):
    id: str
    based_on: str | None
    updated_at: datetime
    updated_by: str | None
