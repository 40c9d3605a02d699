"""Group commit: mentions posted one at a time, stored together.

Each webhook post is one mention, and storing it alone costs a transaction: the ingest lock, the
flow, a dozen statements and a durable commit (an fsync with `synchronous=FULL`). Posts that arrive
while a batch is being stored wait for the next one, which stores them all in one transaction
(store.ingest.store_batch): at a trickle nothing waits (a lone post is stored at once), and under load
each post's share of the work shrinks as the batches grow. Every post is answered only after the
commit that holds its mention, so a 2xx still means durable.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import col, select

from engine.models import Mention
from store.budget import DEFAULT_TAGGING_BUDGET_MS
from store.db import session_scope
from store.ingest import StoredBatch, store_batch
from store.mentions import Mention as MentionRow

MAX_BATCH = 200  # mentions in one transaction
BUSY_POSTS = 20  # posts between arriving and being answered that mean ingest is saturated (see `busy`)


@dataclass(frozen=True)
class StoredMention:
    """What became of one posted mention: new (its conversation, triage and case), or received before."""

    mention_id: str
    conversation_id: str
    duplicate: bool
    needs_response: bool | None  # None for our own outbound replies
    case_id: str | None


class GroupCommit:
    """Stores mentions posted concurrently in shared transactions; `on_commit` runs after each one."""

    def __init__(self, *, engine: Engine, tagging_budget_ms: float = DEFAULT_TAGGING_BUDGET_MS,
                 max_batch: int = MAX_BATCH, on_commit: Callable[[], None] = lambda: None) -> None:
        self._engine, self._budget, self._max = engine, tagging_budget_ms, max_batch
        self._on_commit = on_commit
        self._waiting: list[tuple[Mention, asyncio.Future[StoredMention]]] = []
        self._writer: asyncio.Task | None = None
        self._in_store = 0  # posts queued, being stored, or stored and not yet answered
        self.batches = 0  # transactions committed (for tests and metrics)

    def busy(self) -> bool:
        """Ingest is saturated: many posts are between arriving here and being answered, whether they queue
        for the writer or their answers wait for the event loop. A few always are under steady load."""
        return self._in_store >= BUSY_POSTS

    async def store(self, mention: Mention) -> StoredMention:
        """Store `mention` with whatever else is waiting; raises what store_batch raised for its batch
        (NoActiveFlow, StoreContended: nothing of the batch was stored)."""
        future: asyncio.Future[StoredMention] = asyncio.get_running_loop().create_future()
        self._waiting.append((mention, future))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write(), name="group-commit")
        self._in_store += 1
        try:
            return await future
        finally:
            self._in_store -= 1

    async def _write(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting[:self._max], self._waiting[self._max:]
            try:
                stored = await asyncio.to_thread(store_batch, engine=self._engine, mentions=[m for m, _ in batch],
                                                 tagging_budget_ms=self._budget)
                self.batches += 1
                self._on_commit()
                answers = await asyncio.to_thread(self._answers, stored, [m for m, _ in batch])
            except Exception as exc:  # noqa: BLE001 - each post of the batch answers it (a 503, or its 500)
                for _, future in batch:
                    if not future.done():  # its sender may have gone; the mention's fate is the batch's
                        future.set_exception(exc)
                continue
            for (_, future), answer in zip(batch, answers, strict=True):
                if not future.done():
                    future.set_result(answer)

    def _answers(self, stored: StoredBatch, mentions: list[Mention]) -> list[StoredMention]:
        """Per posted mention, in order: the first post of a new mention created it; any other post of the same
        mention (in this batch, or received before) is a duplicate and is answered with what is stored."""
        processed = {p.mention.id: p for p in stored.outcome.processed}
        rows = {}
        if len(processed) < len(mentions):
            with session_scope(self._engine, write=False) as session:
                rows = {row.id: row for row in session.exec(select(MentionRow).where(
                    col(MentionRow.id).in_({m.id for m in mentions})))}
        answers, told = [], set()
        for mention in mentions:
            new = processed.get(mention.id)
            if new is not None and mention.id not in told:
                told.add(mention.id)
                answers.append(StoredMention(
                    mention_id=mention.id, conversation_id=new.mention.conversation_id or "", duplicate=False,
                    needs_response=new.needs_response if new.tags else None, case_id=stored.cases.get(mention.id)))
            else:
                row = rows[mention.id]
                answers.append(StoredMention(mention_id=row.id, conversation_id=row.conversation_id, duplicate=True,
                                             needs_response=row.needs_response, case_id=row.case_id))
        return answers
