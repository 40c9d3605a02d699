"""Conversations: every thread of mentions, actionable or not, with the counts analytics reads."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict
from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from api.db.types import UtcDateTime
from engine.models import Direction, Mention, mention_id


class ConversationBase(SQLModel):
    source: str = Field(index=True)
    customer: str | None = Field(default=None, description="The author of its first inbound mention.")
    thread_id: str | None = None
    first_at: datetime = Field(sa_type=UtcDateTime, index=True)
    last_at: datetime = Field(sa_type=UtcDateTime)
    last_inbound_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    inbound_count: int = 0
    outbound_count: int = 0
    first_response_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    first_response_seconds: float | None = None
    actionable: bool = Field(default=False, index=True, description="Triage found a mention needing a response.")
    customer_id: str | None = Field(default=None, index=True)


class Conversation(ConversationBase, table=True):
    __table_args__ = (Index("ix_conversation_source_customer", "source", "customer"),)
    id: str = Field(primary_key=True)


class ConversationPublic(ConversationBase):
    id: str


class IncomingMention(BaseModel):
    """A mention as a webhook or an import sends it."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    external_id: str = Field(min_length=1, max_length=200, description="The mention's id at the source.")
    author: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=10_000)
    created_at: AwareDatetime = Field(description="ISO 8601 with a timezone, e.g. 2026-11-23T10:00:00Z")
    reply_to_id: str | None = Field(default=None, max_length=200,
                                    description="external id of the mention this one answers")
    thread_id: str | None = Field(default=None, max_length=200,
                                  description="a thread the source names (a DM or email thread)")
    direction: Direction = Field(default=Direction.inbound,
                                 description="outbound: our brand's own reply, attached and counted, never a case")
    author_followers: int | None = Field(default=None, ge=0)
    author_verified: bool = False

    def to_message(self, source: str, received_at: datetime) -> Mention:
        return Mention(id=mention_id(source, self.external_id), source=source, conversation_id="",
                       received_at=received_at, **self.model_dump())


class ImportBatch(BaseModel):
    """Up to 1,000 mentions of one source; each is checked on its own, so a bad one rejects only itself."""

    mentions: list[dict[str, Any]] = Field(max_length=1000)
    replay: bool = Field(default=False, description="backfill history: store and count, start no case workflow")


class Rejected(BaseModel):
    index: int = Field(description="the mention's position in the batch")
    path: str = Field(description="the field at fault, e.g. 'created_at'")
    message: str


class ImportReport(BaseModel):
    stored: int
    duplicates: int
    rejected: list[Rejected]
    actionable: int = Field(description="new inbound mentions that need a response")
    delivered: int = Field(description="mentions handed to their case workflows")
    undelivered: int = Field(description="stored, not yet handed to their workflows: delivered at the next start-up")
