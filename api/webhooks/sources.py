"""Webhook sources as the webhook view needs them, read from the database at most once a second each.

Every post names its source, and reading the row (a thread hop, a pooled connection, a query) and
opening its config's secrets cost more of the API's CPU under load than storing the mention did. The
opened config is kept for `ttl` seconds; a change made through this process's API (a new token, a
disabled source, a new secret) is seen by the next post, since those views call `forget`. Another API
process sees it within `ttl`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine

from store.connector_config import KindConfig, opened
from store.keys import KeyRing
from store.sources import Source, require_source

TTL = 1.0  # seconds a source's row and opened config are used before they are read again
MAX_SOURCES = 1024  # kept at once; more (an operator with that many webhook sources) are read each time


@dataclass(frozen=True)
class WebhookSource:
    id: str
    kind: str
    config: KindConfig | None  # opened; None for a source of another kind (the view refuses it)


class WebhookSources:
    def __init__(self, *, engine: Engine, keys: KeyRing, ttl: float = TTL,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._engine, self._keys, self._ttl, self._clock = engine, keys, ttl, clock
        self._known: dict[str, tuple[float, WebhookSource]] = {}
        self._reading: dict[str, asyncio.Future[WebhookSource]] = {}
        self._changes = 0  # `forget` calls: a read begun before one is used by its own posts, never kept

    async def get(self, source_id: str) -> WebhookSource:
        """The enabled source named `source_id`; UnknownSource if there is none (that is not kept)."""
        kept = self._known.get(source_id)
        if kept is not None and self._clock() - kept[0] < self._ttl:
            return kept[1]
        # One read a source at a time: the posts that arrive meanwhile share it (at 200 posts/s, each
        # reading for itself when the TTL ran out made most of them read).
        reading = self._reading.get(source_id)
        if reading is None:
            reading = self._reading[source_id] = asyncio.ensure_future(self._fetch(source_id))
            reading.add_done_callback(lambda done: self._reading.pop(source_id, None)
                                      if self._reading.get(source_id) is done else None)
        return await asyncio.shield(reading)

    async def _fetch(self, source_id: str) -> WebhookSource:
        began, changes = self._clock(), self._changes
        source = await run_in_threadpool(self._read, source_id)
        if changes != self._changes:
            return source
        if len(self._known) >= MAX_SOURCES:
            self._known = {k: v for k, v in self._known.items() if began - v[0] < self._ttl}
        if len(self._known) < MAX_SOURCES:
            self._known[source_id] = (began, source)
        return source

    def forget(self, source_id: str) -> None:
        """The source changed: the next post reads it again (a read under way may have seen it before)."""
        self._changes += 1
        self._known.pop(source_id, None)
        self._reading.pop(source_id, None)

    def _read(self, source_id: str) -> WebhookSource:
        row: Source = require_source(self._engine, source_id)
        config = opened(row.kind, row.config or {}, self._keys) if row.kind == "webhook" else None
        return WebhookSource(id=row.id, kind=row.kind, config=config)
