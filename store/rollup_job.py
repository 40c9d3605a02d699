"""The background fold of the rollups (store.rollups for cases, store.mention_rollup for mentions): runs beside
the API, every `interval` seconds, until nothing waits. Any number of processes may run it (PostgreSQL: each fold
skips what another is taking)."""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import Connection, Engine, select

from store import mention_rollup, rollups
from store.db.session import session_scope

log = logging.getLogger(__name__)
INTERVAL = 1.0
_FOLDS = ((rollups.fold, rollups.FOLD_BATCH), (mention_rollup.fold, mention_rollup.FOLD_BATCH))


def fold_all(connection: Connection) -> int:
    """Fold everything waiting in the caller's transaction (tests, the bench); how many marks and deltas."""
    total = 0
    for fold, limit in _FOLDS:
        while (taken := fold(connection, limit)) > 0:
            total += taken
    return total


class RollupJob:
    def __init__(self, engine: Engine, interval: float = INTERVAL) -> None:
        self._engine, self._interval = engine, interval

    def _waiting(self) -> bool:
        """Whether anything waits: read first, so that an idle round takes no write lock (SQLite)."""
        with session_scope(self._engine, write=False) as session:
            connection = session.connection()
            return any(connection.execute(select(column).limit(1)).first() is not None
                       for column in (rollups.PENDING.c.case_id, mention_rollup.DELTA.c.id))

    def once(self) -> int:
        """Fold until caught up, a batch per transaction (SQLite holds the write lock for one batch at a time);
        how many marks and deltas."""
        if not self._waiting():
            return 0
        total = 0
        for fold, limit in _FOLDS:
            while True:
                with session_scope(self._engine) as session:
                    taken = fold(session.connection(), limit)
                total += taken
                if taken < limit:
                    break
        return total

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            try:
                await asyncio.to_thread(self.once)
            except Exception:  # the database was busy: the next round folds what this one did not
                log.exception("folding the rollups failed; trying again in %.0f s", self._interval)
