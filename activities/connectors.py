"""Connectors by name. A connector sends replies back to where a mention came from.

Inbound webhooks have no API to answer through, so their replies are stored
as outbound mentions for the agent's own tooling to deliver; the social API
connectors (their own issue) post them for real through the same interface.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import UTC, datetime

from sqlalchemy import Engine

from api.db import session_scope
from api.mentions.models import Mention as MentionRow
from api.sources import Source
from engine.messages import SendReplyInput, SentReply
from engine.models import Direction, mention_id


class Connector(ABC):
    kind: str

    @abstractmethod
    def send_reply(self, *, engine: Engine, reply: SendReplyInput) -> SentReply:
        """Deliver a reply; idempotent per reply id, since activities are retried."""


class WebhookConnector(Connector):
    kind = "webhook"

    def send_reply(self, *, engine: Engine, reply: SendReplyInput) -> SentReply:
        external_id = f"reply-{reply.reply_id}"
        row_id = mention_id(reply.source, external_id)
        with session_scope(engine) as session:
            if session.get(MentionRow, row_id) is None:
                now = datetime.now(UTC)
                session.add(MentionRow(
                    id=row_id, source=reply.source, external_id=external_id,
                    conversation_id=reply.conversation_id, case_id=reply.case_id, author=reply.agent_id,
                    text=reply.text, created_at=now, received_at=now, reply_to_id=reply.in_reply_to,
                    direction=Direction.outbound, dispatched=True))
        return SentReply(mention_id=row_id)


class ConnectorRegistry:
    """Connector kinds by name; a source's kind says which one answers it."""

    def __init__(self, connectors: list[Connector] | None = None) -> None:
        self._by_kind = {c.kind: c for c in (connectors or [WebhookConnector()])}

    def for_source(self, *, engine: Engine, source: str) -> Connector:
        with session_scope(engine) as session:
            row = session.get(Source, source)
        kind = row.kind if row is not None else "webhook"
        return self._by_kind[kind]

    def send_reply(self, *, engine: Engine, reply: SendReplyInput) -> SentReply:
        return self.for_source(engine=engine, source=reply.source).send_reply(engine=engine, reply=reply)
