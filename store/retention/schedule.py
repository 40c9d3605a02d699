"""Retention's settings and its hourly job beside the API: each data class with a retention purged in turn.

Cases go first, so the mentions of the cases a round removes go in the same round (once their own
retention has passed too).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from store.audit.log import Change
from store.keys import KeyRing
from store.retention.audit import AuditClass
from store.retention.cases import CASES
from store.retention.mentions import MENTIONS
from store.retention.policy import Retention
from store.retention.purge import DataClass, Purge, purge

log = logging.getLogger("switchboard.retention")

PURGE_EVERY = 3600.0  # seconds between two rounds
FIRST_ROUND_AFTER = 60.0  # seconds after start-up: a restart does not wait an hour, nor slow the start


def data_class(name: str, keys: KeyRing) -> DataClass:
    """The data class called `name` (one of store.retention.policy.CLASSES); the audit class signs its purges
    with `keys`."""
    return {"cases": CASES, "mentions": MENTIONS, "audit": AuditClass(keys)}[name]


class RetentionJob:
    """Purges each class older than its retention, once an hour, as the system."""

    def __init__(self, engine: Engine, keys: KeyRing, retention: Retention, every: float = PURGE_EVERY) -> None:
        self._engine, self._keys, self._retention, self._every = engine, keys, retention, every

    def once(self, now: datetime | None = None) -> list[Purge]:
        """One round; a class whose purge fails is logged and the round goes on with the next."""
        now = now or datetime.now(UTC)
        done = []
        for name, days in self._retention.days().items():
            try:
                purged = purge(self._engine, data_class(name, self._keys), now - timedelta(days=days),
                               Change(actor="system", action="retention.purge", detail={"retention_days": days}),
                               now=now)
            except Exception:  # the database was busy, or a bug: the next round tries again
                log.exception("retention: purging %s failed; trying again in %.0f s", name, self._every)
                continue
            if any(purged.counts.values()):
                log.info("retention: %s", purged.summary())
            done.append(purged)
        return done

    async def run(self) -> None:
        if not self._retention.days():
            return
        pause = FIRST_ROUND_AFTER
        while True:
            await asyncio.sleep(pause)
            pause = self._every
            await asyncio.to_thread(self.once)
