"""Connectors by kind: discover mentions since a cursor, send a reply, look up an author.

A connector is stateless: its source row (configuration, cursor) comes with each call, and what it
finds goes through the discovery pipeline like any other mention. Push-only kinds (webhooks, file
imports) discover nothing; sources that cannot be answered through an API (webhooks, feeds, files)
store a reply as an outbound mention for the agent's own tooling to deliver.
"""

from __future__ import annotations

import html
import ipaddress
import re
from abc import ABC
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine

from engine.messages import SendReplyInput, SentReply
from store.connector_config import KindConfig, opened
from store.db import session_scope
from store.incoming import IncomingMention
from store.ingest import record_outbound
from store.keys import KeyRing
from store.sources import Source

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class ConnectorError(RuntimeError):
    """A source that did not answer as it should; the message says what to check. Retried with backoff."""


class ConnectorRefused(ConnectorError):
    """The source refused us (bad token, gone): retrying will not help until someone fixes the config."""


@dataclass
class Page:
    """One page of discovery: mentions, where to resume, and whether more are waiting now."""

    mentions: list[IncomingMention]
    cursor: str | None
    more: bool = False


@dataclass
class AuthorProfile:
    handle: str
    name: str | None = None
    followers: int | None = None
    verified: bool = False
    extra: dict[str, object] = field(default_factory=dict)


class Connector(ABC):
    kind: str
    polls = False

    def discover(self, *, source: Source, config: KindConfig, cursor: str | None) -> Page:
        """Mentions after `cursor`, oldest first; the page's cursor is stored with the page."""
        return Page(mentions=[], cursor=cursor)

    def send_reply(self, *, engine: Engine, source: Source, config: KindConfig, reply: SendReplyInput) -> SentReply:
        """Deliver a reply; idempotent per reply id, since activities are retried."""
        return SentReply(mention_id=record_outbound(engine=engine, reply=reply, external_id=f"reply-{reply.reply_id}",
                                                    at=datetime.now(UTC)))

    def lookup_author(self, *, source: Source, config: KindConfig, handle: str) -> AuthorProfile | None:
        return None


class WebhookConnector(Connector):
    kind = "webhook"


class FileConnector(Connector):
    kind = "file"


class ConnectorRegistry:
    """Connector kinds by name; a source's kind says which one answers it."""

    def __init__(self, connectors: list[Connector] | None = None, *, keys: KeyRing | None = None,
                 allow: Sequence[Network] = ()) -> None:
        """`allow`: the private networks the operator lets connectors reach (none by default)."""
        self._keys = keys
        if connectors is None:
            from activities.feeds import RssConnector
            from activities.mailbox import EmailConnector
            from activities.mastodon import MastodonConnector
            from activities.netguard import NetGuard

            guard = NetGuard(allow)
            connectors = [WebhookConnector(), FileConnector(), RssConnector(guard=guard),
                          MastodonConnector(guard=guard), EmailConnector(guard=guard)]
        self._by_kind = {c.kind: c for c in connectors}

    def get(self, kind: str) -> Connector:
        return self._by_kind[kind]

    def source(self, *, engine: Engine, source: str) -> tuple[Source, Connector, KindConfig]:
        with session_scope(engine, write=False) as session:
            row = session.get(Source, source)
        if row is None:
            raise ConnectorRefused(f"no source named {source!r}")
        if self._keys is None:
            raise ConnectorRefused("this worker has no key ring to open the source's secrets with: set "
                                   "SWITCHBOARD_KEY_FILE or SWITCHBOARD_KEYS as for the API")
        return row, self._by_kind[row.kind], opened(row.kind, row.config or {}, self._keys)

    def send_reply(self, *, engine: Engine, reply: SendReplyInput) -> SentReply:
        row, connector, config = self.source(engine=engine, source=reply.source)
        return connector.send_reply(engine=engine, source=row, config=config, reply=reply)


_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<\s*(br|/p|/div|/li)\s*/?\s*>", re.IGNORECASE)


def plain_text(markup: str) -> str:
    """Text of an HTML fragment (feeds and Mastodon send HTML): tags dropped, entities decoded, spaces tidied."""
    text = html.unescape(_TAG.sub("", _BREAK.sub("\n", markup)))
    return "\n".join(" ".join(line.split()) for line in text.splitlines()).strip()
