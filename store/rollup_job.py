"""The background fold of the rollups (store.rollups for cases, store.mention_rollup for mentions, store.voice_rollup
for share of voice's configured names): runs beside the API, every `interval` seconds, until nothing waits. Any
number of processes may run it (PostgreSQL: each fold skips what another is taking)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from functools import partial

from sqlalchemy import Connection, Engine, select

from store import mention_rollup, rollups, voice_rollup
from store.db.session import session_scope
from store.share_of_voice import names_of

log = logging.getLogger(__name__)
INTERVAL = 1.0
ROUND_BATCHES = 20
_FOLDS = ((rollups.fold, rollups.FOLD_BATCH), (mention_rollup.fold, mention_rollup.FOLD_BATCH))


def _folds(names: dict[str, list[str]] | None) -> list[tuple[Callable[[Connection, int], int], int]]:
    folds: list[tuple[Callable[[Connection, int], int], int]] = list(_FOLDS)
    if names is not None:
        folds.append((partial(voice_rollup.fold, names=names), voice_rollup.FOLD_HOURS))  # (connection, limit)
    return folds


def fold_all(connection: Connection, voice_names: dict[str, list[str]] | None = None) -> int:
    """Fold everything waiting in the caller's transaction (tests, the bench), share of voice for `voice_names`
    too if given; how many marks, deltas and hours."""
    total = 0
    for fold, limit in _folds(voice_names):
        while (taken := fold(connection, limit)) > 0:
            total += taken
    return total


class RollupJob:
    """`voice_default`: the setting SWITCHBOARD_SHARE_OF_VOICE, the names share of voice counts until an ops lead
    saves some (store.share_of_voice)."""

    def __init__(self, engine: Engine, interval: float = INTERVAL,
                 voice_default: dict[str, list[str]] | None = None) -> None:
        self._engine, self._interval, self._voice_default = engine, interval, voice_default or {}

    def _waiting(self) -> dict[str, list[str]] | None:
        """The names share of voice counts now if anything waits, else None: read first, so that an idle round
        takes no write lock (SQLite)."""
        with session_scope(self._engine, write=False) as session:
            connection = session.connection()
            names = names_of(session, default=self._voice_default)
            if connection.execute(select(voice_rollup.STATE.c.signature)).scalar() != voice_rollup.signature(names):
                return names
            return names if any(connection.execute(select(column).limit(1)).first() is not None for column in (
                rollups.PENDING.c.case_id, mention_rollup.DELTA.c.id, voice_rollup.PENDING.c.hour)) else None

    def once(self) -> int:
        """Fold until caught up, a batch per transaction (SQLite holds the write lock for one batch at a time), at
        most ROUND_BATCHES batches of each rollup (new share of voice names recount every hour: the others' folds
        go on between); how many marks, deltas and hours."""
        if (names := self._waiting()) is None:
            return 0
        total = 0
        for fold, limit in _folds(names):
            for _ in range(ROUND_BATCHES):
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
