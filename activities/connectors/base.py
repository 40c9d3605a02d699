"""What every connector is, one base per capability, and the registry that answers a source with its kind's.

A connector is stateless: its source row (configuration, cursor) comes with each call, and what it
finds goes through the discovery pipeline like any other mention. Push-only kinds (webhooks, file
imports) discover nothing; sources that cannot be answered through an API (webhooks, feeds, files)
keep a reply as an outbound mention for the agent's own tooling to deliver. Connectors never write to
the database: a connector's send says what it sent, and the registry records it.

The registry is built at the composition root (workflows/worker.py), which names each kind's
connector; nothing here imports a concrete one.
"""

from __future__ import annotations

import html
import re
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, ClassVar, Generic, TypeVar, get_args

from sqlalchemy import Engine

from engine.messages import SendReplyInput, SentReply
from engine.models import mention_id
from store.connector_config import KINDS, POLLING_KINDS, KindConfig, opened
from store.db import session_scope
from store.incoming import IncomingMention
from store.ingest import record_outbound
from store.keys import KeyRing
from store.mentions import Mention as MentionRow
from store.sources import Source

C = TypeVar("C", bound=KindConfig)


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


@dataclass(frozen=True)
class Sent:
    """What a connector sent: the reply's id at the source, and when the source says it was sent."""

    external_id: str
    at: datetime


class Connector(Generic[C]):
    """What every kind does unless a capability base below says otherwise: mentions are pushed to us
    (nothing to discover), replies are kept for delivery by hand, authors are known only by handle.

    `C` is the kind's config model; `config_type` is read from it, so the registry can check once, at
    start-up, that each kind's stored config is what its connector takes.
    """

    config_type: ClassVar[type[KindConfig]] = KindConfig

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for base in getattr(cls, "__orig_bases__", ()):
            models = [a for a in get_args(base) if isinstance(a, type) and issubclass(a, KindConfig)]
            if models:
                cls.config_type = models[0]

    def discover(self, *, source: Source, config: C, cursor: str | None) -> Page:
        """Mentions after `cursor`, oldest first; the page's cursor is stored with the page."""
        return Page(mentions=[], cursor=cursor)

    def known_external_id(self, *, config: C, reply: SendReplyInput) -> str | None:
        """The id `reply` will have at the source if it is known before sending: a reply already recorded
        under it is not sent again (activities are retried). None: only the source knows, once sent."""
        return f"reply-{reply.reply_id}"

    def send_reply(self, *, source: Source, config: C, reply: SendReplyInput, parent: MentionRow | None) -> Sent:
        """Deliver `reply` (answering the stored mention `parent`, if any); idempotent per reply id."""
        return Sent(external_id=f"reply-{reply.reply_id}", at=datetime.now(UTC))

    def lookup_author(self, *, source: Source, config: C, handle: str) -> AuthorProfile | None:
        return None


class PushOnly(Connector[KindConfig]):
    """Webhooks and file imports: mentions come to us, and replies wait for the agent's own tooling."""


class Discovers(Connector[C], ABC):
    """Finds mentions by polling the source."""

    @abstractmethod
    def discover(self, *, source: Source, config: C, cursor: str | None) -> Page: ...


class SendsReplies(Connector[C], ABC):
    """Answers through the source's own API."""

    def known_external_id(self, *, config: C, reply: SendReplyInput) -> str | None:
        return None

    @abstractmethod
    def send_reply(self, *, source: Source, config: C, reply: SendReplyInput, parent: MentionRow | None) -> Sent: ...


class LooksUpAuthors(Connector[C], ABC):
    """Knows more about an author than the mention says (name, followers)."""

    @abstractmethod
    def lookup_author(self, *, source: Source, config: C, handle: str) -> AuthorProfile | None: ...


class ConnectorRegistry:
    """Connectors by kind; a source's kind says which one answers it."""

    def __init__(self, connectors: Mapping[str, Connector[Any]], *, keys: KeyRing | None = None) -> None:
        """`connectors`: every kind's connector (raises ValueError for a kind missing, unknown or mismatched)."""
        problems = [f"no connector for kind {k!r}" for k in KINDS if k not in connectors]
        for kind, connector in connectors.items():
            if kind not in KINDS:
                problems.append(f"{kind!r} is not a kind of source")
            elif not issubclass(KINDS[kind], connector.config_type):
                problems.append(f"{kind!r} sources have a {KINDS[kind].__name__} but {type(connector).__name__} "
                                f"takes a {connector.config_type.__name__}")
            elif kind in POLLING_KINDS and not isinstance(connector, Discovers):
                problems.append(f"{kind!r} sources are polled but {type(connector).__name__} discovers nothing")
        if problems:
            raise ValueError("; ".join(problems))
        self._keys = keys
        self._by_kind = dict(connectors)

    def get(self, kind: str) -> Connector[Any]:
        return self._by_kind[kind]

    def source(self, *, engine: Engine, source: str) -> tuple[Source, Connector[Any], KindConfig]:
        with session_scope(engine, write=False) as session:
            row = session.get(Source, source)
        if row is None:
            raise ConnectorRefused(f"no source named {source!r}")
        if self._keys is None:
            raise ConnectorRefused("this worker has no key ring to open the source's secrets with: set "
                                   "SWITCHBOARD_KEY_FILE or SWITCHBOARD_KEYS as for the API")
        return row, self._by_kind[row.kind], opened(row.kind, row.config or {}, self._keys)

    def send_reply(self, *, engine: Engine, reply: SendReplyInput) -> SentReply:
        """Send `reply` through its source's connector, then record what was sent as an outbound mention."""
        row, connector, config = self.source(engine=engine, source=reply.source)
        known = connector.known_external_id(config=config, reply=reply)
        with session_scope(engine, write=False) as session:
            row = session.get(MentionRow, mention_id(reply.source, known)) if known is not None else None
            if row is not None:  # sent and recorded by an earlier attempt
                return SentReply(mention_id=row.id, at=row.created_at)
            parent = session.get(MentionRow, reply.in_reply_to) if reply.in_reply_to else None
        sent = connector.send_reply(source=row, config=config, reply=reply, parent=parent)
        recorded, at = record_outbound(engine=engine, reply=reply, external_id=sent.external_id, at=sent.at)
        return SentReply(mention_id=recorded, at=at)


_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<\s*(br|/p|/div|/li)\s*/?\s*>", re.IGNORECASE)


def plain_text(markup: str) -> str:
    """Text of an HTML fragment (feeds and Mastodon send HTML): tags dropped, entities decoded, spaces tidied."""
    text = html.unescape(_TAG.sub("", _BREAK.sub("\n", markup)))
    return "\n".join(" ".join(line.split()) for line in text.splitlines()).strip()
