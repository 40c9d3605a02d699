"""Flow versions: immutable, content-addressed; one is active for new cases."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from api.db.types import UtcDateTime
from sqlmodel import JSON, Column, Field, SQLModel


class FlowBase(SQLModel):
    name: str
    active: bool = False
    published_at: datetime = Field(sa_type=UtcDateTime)
    document: dict[str, Any] = Field(sa_column=Column(JSON))


class Flow(FlowBase, table=True):
    id: str = Field(primary_key=True)  # the version hash


class FlowPublic(FlowBase):
    id: str
    version: str
