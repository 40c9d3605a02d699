"""A customer and the identities (a handle on a source, an email address) that are theirs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlmodel import JSON, Column, Field, SQLModel

from api.db.types import UtcDateTime


class CustomerBase(SQLModel):
    name: str
    first_seen_at: datetime = Field(sa_type=UtcDateTime)
    last_seen_at: datetime = Field(sa_type=UtcDateTime, index=True)
    notes: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    merged_into: str | None = Field(default=None, index=True, description="set when merged into another customer")


class Customer(CustomerBase, table=True):
    id: str = Field(primary_key=True)


class CustomerIdentity(SQLModel, table=True):
    __tablename__ = "customer_identity"
    id: str = Field(primary_key=True, description="<source>:<handle>")
    source: str
    handle: str
    # The handle as linking compares it: lower case, without a leading @; an email address as is.
    key: str = Field(index=True)
    customer_id: str = Field(index=True)
    first_seen_at: datetime = Field(sa_type=UtcDateTime)


class IdentityPublic(BaseModel):
    source: str
    handle: str
    first_seen_at: datetime


class SentimentPoint(BaseModel):
    day: str
    mentions: int
    average: float


class CustomerPublic(CustomerBase):
    id: str


class CustomerProfile(CustomerPublic):
    identities: list[IdentityPublic]
    conversations: int
    mentions: int
    cases: int
    tags: dict[str, int]
    sentiment_trend: list[SentimentPoint]
