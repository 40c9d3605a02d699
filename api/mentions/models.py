"""Mentions: every message in or out, stored exactly once per (source, external id)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from api.db.types import UtcDateTime
from engine.models import Direction


class MentionBase(SQLModel):
    source: str = Field(index=True)
    external_id: str
    conversation_id: str = Field(index=True)
    author: str
    text: str
    created_at: datetime = Field(sa_type=UtcDateTime)
    received_at: datetime = Field(sa_type=UtcDateTime)
    reply_to_id: str | None = None
    direction: Direction = Direction.inbound


class Mention(MentionBase, table=True):
    __table_args__ = (UniqueConstraint("source", "external_id", name="uq_mention_source_external_id"),)
    id: str = Field(primary_key=True)
    case_id: str | None = Field(default=None, index=True)
    # False until the case workflow has been signalled: a re-post retries delivery.
    dispatched: bool = False


class MentionPublic(MentionBase):
    id: str
    case_id: str | None
