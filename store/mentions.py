"""Mentions: every message in or out, stored exactly once per (source, external id)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import JSON, Column, Field, SQLModel

from engine.models import Direction
from store.db.types import UtcDateTime


class MentionBase(SQLModel):
    source: str = Field(index=True)
    external_id: str
    conversation_id: str  # indexed with created_at (Mention's table args)
    author: str
    text: str
    created_at: datetime = Field(sa_type=UtcDateTime)
    received_at: datetime = Field(sa_type=UtcDateTime, index=True)
    reply_to_id: str | None = None
    direction: Direction = Direction.inbound
    thread_id: str | None = None
    author_followers: int | None = None
    author_verified: bool = False
    # What discovery found (inbound only): tags, sentiment, language and whether it needs a response.
    tags: list[str] | None = Field(default=None, sa_column=Column(JSON))
    sentiment: float | None = None
    language: str | None = None
    needs_response: bool | None = None


class Mention(MentionBase, table=True):
    __table_args__ = (UniqueConstraint("source", "external_id", name="uq_mention_source_external_id"),
                      # an author's latest mentions, for follow-up threading
                      Index("ix_mention_source_author_created", "source", "author", "created_at"),
                      # a conversation's mentions, and its newest one (store.last_messages: a case list's page)
                      Index("ix_mention_conversation_created", "conversation_id", "created_at"),
                      # a period's mentions by channel and direction (analytics, migration 0018)
                      Index("ix_mention_created_source_direction", "created_at", "source", "direction"))
    id: str = Field(primary_key=True)
    case_id: str | None = Field(default=None, index=True)
    customer_id: str | None = Field(default=None, index=True)  # inbound mentions: their author's customer
    # False until the case workflow has been signalled: a re-post retries delivery.
    dispatched: bool = False


class MentionPublic(MentionBase):
    id: str
    case_id: str | None
    customer_id: str | None


# The mention rollup (store.mention_rollup) follows every flush that writes mentions: importing it registers its
# session events.
import store.mention_rollup  # noqa: E402,F401  (after Mention: it imports it)
