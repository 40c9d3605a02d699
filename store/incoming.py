"""A mention as a webhook, an import or a connector hands it in, before discovery gives it its ids."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict
from sqlmodel import Field

from engine.models import Direction, Mention, mention_id


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
