"""Conversations: every thread of mentions, actionable or not, with the counts analytics reads."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from store.db.types import UtcDateTime


class ConversationBase(SQLModel):
    source: str = Field(index=True)
    customer: str | None = Field(default=None, description="The author of its first inbound mention.")
    thread_id: str | None = None
    first_at: datetime = Field(sa_type=UtcDateTime, index=True)
    last_at: datetime = Field(sa_type=UtcDateTime)
    last_inbound_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    inbound_count: int = 0
    outbound_count: int = 0
    first_response_from: datetime | None = Field(
        default=None, sa_type=UtcDateTime,
        description="When its first-response clock started: its first inbound mention needing a response (its "
                    "first inbound mention while none does); never one of our own posts (engine.measures)")
    first_response_at: datetime | None = Field(default=None, sa_type=UtcDateTime,
                                               description="Our first reply at or after first_response_from")
    first_response_seconds: float | None = Field(default=None,
                                                 description="first_response_at - first_response_from, in seconds")
    actionable: bool = Field(default=False, index=True, description="Triage found a mention needing a response.")
    customer_id: str | None = Field(default=None, index=True)
    case_id: str | None = Field(default=None, description="Its current case: the latest opened")


class Conversation(ConversationBase, table=True):
    __table_args__ = (Index("ix_conversation_source_customer", "source", "customer"),)
    id: str = Field(primary_key=True)


class ConversationPublic(ConversationBase):
    id: str
