"""The outbox relay: tells the case workflows what the outbox (store.outbox) holds, all the time.

It runs beside the API for as long as it is up (api.app starts it; anything that commits entries may
`wake` it), reads the entries due, and for each workflow, in id order, tells it: starts it with its
decision, signals it mentions (by id) or a routing change. An entry is deleted only after Temporal
acknowledged it, in a transaction that also marks its mention dispatched, so a crash before that
tells it again, and telling twice is harmless: a start finds the workflow running (or finished), a
workflow ignores a mention it has seen and a routing change older than the last.

Pacing: at most `concurrency` requests are in flight, so the relay goes as fast as Temporal answers
and no faster; an entry that fails waits (exponential backoff up to a minute) and holds back the
entries after it for the same workflow, while other workflows go on. While ingest is saturated
(`yield_to`, store.group_commit's `busy`) the relay trickles, `YIELD_BATCH` entries a
round with `YIELD_PAUSE` between rounds: every start it makes costs the embedded Temporal and the
worker CPU that the same machine's senders are waiting for. Their mentions and cases are committed
and visible, an action on a case whose workflow has not started starts it (`flush`), and the backlog
drains at full pace once the spike has passed.

A mention whose case's workflow has ended (closed, reopen window over) is placed again
(store.decisions): it opens the conversation's next case.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, func, update
from sqlmodel import Session, col, select
from temporalio.client import Client
from temporalio.common import WorkflowIDConflictPolicy, WorkflowIDReusePolicy
from temporalio.exceptions import WorkflowAlreadyStartedError
from temporalio.service import RPCError, RPCStatusCode

from engine.messages import CASE_WORKFLOW, MENTIONS_SIGNAL, ROUTING_SIGNAL, CaseInput, MentionRefs, RoutingState
from engine.models import Mention
from store.budget import DEFAULT_TAGGING_BUDGET_MS, tagging_budget
from store.db import session_scope
from store.decisions import Placement, place
from store.ingest import compiled_flow, lock_ingest
from store.mentions import Mention as MentionRow
from store.outbox import Backlog, Kind, OutboxEntry, backlog, enqueue, place_entry

log = logging.getLogger("switchboard.relay")

CONCURRENCY = 32  # requests in flight to Temporal
BATCH = 500  # entries read at a time
IDLE_POLL = 0.25  # seconds between looks at an empty outbox when nobody wakes the relay
YIELD_BATCH = 8  # entries a round while ingest is saturated
YIELD_PAUSE = 0.2  # seconds between those rounds
MAX_BACKOFF = timedelta(seconds=60)


@dataclass
class _Told:
    entry: OutboxEntry
    finished: bool = False  # the case's workflow had ended: place its mention again


@dataclass
class RelayStats:
    told: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failures: int = 0
    last_error: str | None = None
    yielded: int = 0  # rounds trickled because ingest was saturated


class OutboxRelay:
    def __init__(self, *, engine: Engine, temporal: Client, task_queue: str, concurrency: int = CONCURRENCY,
                 batch: int = BATCH, idle_poll: float = IDLE_POLL,
                 tagging_budget_ms: float = DEFAULT_TAGGING_BUDGET_MS,
                 yield_to: Callable[[], bool] = lambda: False) -> None:
        self._engine, self._temporal, self._task_queue = engine, temporal, task_queue
        self._gate = asyncio.Semaphore(concurrency)
        self._batch, self._idle_poll, self._yield_to = batch, idle_poll, yield_to
        self._budget = tagging_budget(tagging_budget_ms)
        self._wake = asyncio.Event()
        self._locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self.stats = RelayStats()

    def wake(self) -> None:
        """Entries were committed: look now rather than at the next poll."""
        self._wake.set()

    async def run(self) -> None:
        """Relay until cancelled. Errors of one round are logged and the round is tried again."""
        pause = 0.0
        while True:
            self._wake.clear()
            yielding = self._yield_to()
            try:
                entries = await asyncio.to_thread(self._due, None, YIELD_BATCH if yielding else self._batch)
                told = await self._tell(entries) if entries else 0
            except asyncio.CancelledError:
                raise
            except Exception:  # the database was locked or gone for a moment: try again, slower
                log.exception("the outbox relay's round failed; trying again")
                told, pause = 0, min(max(pause * 2, 0.5), 10.0)
                await asyncio.sleep(pause)
                continue
            pause = 0.0
            if yielding:
                self.stats.yielded += 1
                await asyncio.sleep(YIELD_PAUSE)
            elif not told:
                # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a cancellation that
                # lands as the wait ends, and the relay would never stop.
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self._idle_poll):
                        await self._wake.wait()

    async def drain(self, timeout: float = 60.0) -> None:
        """Tell everything, waiting out retries' backoff (tests, and a clean stop); TimeoutError if the
        outbox does not empty in time."""
        async with asyncio.timeout(timeout):
            while (await self.backlog()).entries:
                entries = await asyncio.to_thread(self._due)
                if not entries or not await self._tell(entries):
                    await asyncio.sleep(0.05)  # only retries are left, or they failed again: let backoff pass

    async def flush(self, workflow_id: str) -> None:
        """Tell one workflow what is due for it, now (a case acted on before its workflow started)."""
        entries = await asyncio.to_thread(self._due, workflow_id)
        if entries:
            await self._tell(entries)

    async def backlog(self) -> Backlog:
        def read() -> Backlog:
            with session_scope(self._engine, write=False) as session:
                return backlog(session)
        return await asyncio.to_thread(read)

    async def backlog_of(self, workflow_id: str) -> int:
        """Entries not yet told to one workflow."""
        def read() -> int:
            with session_scope(self._engine, write=False) as session:
                return session.exec(select(func.count()).where(OutboxEntry.workflow_id == workflow_id)).one()
        return await asyncio.to_thread(read)

    # ---- a round ----------------------------------------------------------
    def _due(self, workflow_id: str | None = None, limit: int | None = None) -> list[OutboxEntry]:
        now = datetime.now(UTC)
        with session_scope(self._engine, write=False) as session:
            due = (OutboxEntry.next_attempt_at == None) | (col(OutboxEntry.next_attempt_at) <= now)  # noqa: E711
            query = select(OutboxEntry).where(due)
            waiting = select(OutboxEntry.workflow_id, func.min(OutboxEntry.id)).where(
                col(OutboxEntry.next_attempt_at) > now).group_by(OutboxEntry.workflow_id)
            if workflow_id is not None:
                query = query.where(OutboxEntry.workflow_id == workflow_id)
                waiting = waiting.where(OutboxEntry.workflow_id == workflow_id)
            entries = list(session.exec(query.order_by(col(OutboxEntry.id)).limit(limit or self._batch)).all())
            # An entry waiting out its backoff holds back the later entries of its workflow.
            held = dict(session.exec(waiting).all()) if entries else {}
        return [e for e in entries if e.id < held.get(e.workflow_id, e.id + 1)]  # type: ignore[operator]

    async def _tell(self, entries: list[OutboxEntry]) -> int:
        by_workflow: dict[str, list[OutboxEntry]] = defaultdict(list)
        for entry in entries:
            by_workflow[entry.workflow_id].append(entry)
        rounds = await asyncio.gather(*(self._tell_workflow(wid, group) for wid, group in by_workflow.items()))
        told = [t for done, _ in rounds for t in done]
        failed = [f for _, f in rounds if f is not None]
        # One transaction for the round's bookkeeping: SQLite has one writer, and ingest needs it more.
        await asyncio.to_thread(self._finish, told, failed)
        for t in told:
            self.stats.told[t.entry.kind] += 1
        for entry, why in failed:
            self.stats.failures += 1
            self.stats.last_error = why
            log.warning("outbox entry %s (%s for %s) not told: %s; retried later", entry.id, entry.kind,
                        entry.workflow_id, why)
        return len(told)

    async def _tell_workflow(self, workflow_id: str, entries: list[OutboxEntry],
                             ) -> tuple[list[_Told], tuple[OutboxEntry, str] | None]:
        """Tell one workflow its entries in order; consecutive mentions go as one `mentions` signal."""
        told: list[_Told] = []
        try:
            async with self._locks[workflow_id], self._gate:
                for group in _runs(entries):
                    try:
                        told += await self._tell_group(group)
                    except Exception as exc:  # noqa: BLE001 - kept, retried with backoff, reported in health
                        return told, (group[0], f"{type(exc).__name__}: {exc}")
            return told, None
        finally:
            self._locks.pop(workflow_id, None)  # one lock per case would pile up; a rare second holder is harmless

    async def _tell_group(self, group: list[OutboxEntry]) -> list[_Told]:
        entry = group[0]
        if entry.kind == Kind.place:
            await asyncio.to_thread(self._place, entry)
            return [_Told(entry)]
        if entry.kind == Kind.start:
            try:
                await self._temporal.start_workflow(
                    CASE_WORKFLOW, CaseInput.model_validate(entry.payload), id=entry.workflow_id,
                    task_queue=self._task_queue, id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
                    id_reuse_policy=WorkflowIDReusePolicy.REJECT_DUPLICATE)
            except WorkflowAlreadyStartedError:
                pass  # told before a crash, and the case has run its course since
            return [_Told(entry)]
        handle = self._temporal.get_workflow_handle(entry.workflow_id)
        try:
            if entry.kind == Kind.mention:
                await handle.signal(MENTIONS_SIGNAL, MentionRefs(ids=[e.mention_id for e in group if e.mention_id]))
            else:
                await handle.signal(ROUTING_SIGNAL, RoutingState.model_validate(entry.payload))
        except RPCError as exc:
            if exc.status != RPCStatusCode.NOT_FOUND:
                raise
            # The workflow has ended: a routing change is moot; mentions go to the conversation's next case.
            return [_Told(e, finished=e.kind == Kind.mention) for e in group]
        return [_Told(e) for e in group]

    def _finish(self, told: list[_Told], failed: list[tuple[OutboxEntry, str]]) -> None:
        now = datetime.now(UTC)
        with session_scope(self._engine) as session:
            done = [t.entry.id for t in told if t.entry.kind != Kind.place]  # a placement deleted its own
            if done:
                session.execute(delete(OutboxEntry).where(col(OutboxEntry.id).in_(done)))
            delivered = [t.entry.mention_id for t in told
                         if t.entry.kind in (Kind.start, Kind.mention) and not t.finished and t.entry.mention_id]
            if delivered:
                session.execute(update(MentionRow).where(col(MentionRow.id).in_(delivered)).values(dispatched=True))
            self._place_later(session, [t.entry for t in told if t.finished], now)
            for entry, why in failed:
                backoff = min(timedelta(seconds=0.5 * 2 ** entry.attempts), MAX_BACKOFF)
                session.execute(update(OutboxEntry).where(col(OutboxEntry.id) == entry.id).values(
                    attempts=OutboxEntry.attempts + 1, last_error=why[:1000], next_attempt_at=now + backoff))

    @staticmethod
    def _place_later(session: Session, entries: list[OutboxEntry], now: datetime) -> None:
        if not entries:
            return
        rows = {row.id: row for row in session.exec(select(MentionRow).where(
            col(MentionRow.id).in_([e.mention_id for e in entries])))}
        enqueue(session, [place_entry(mention_id=e.mention_id, conversation_id=rows[e.mention_id].conversation_id,
                                      finished_case=e.case_id) for e in entries if e.mention_id in rows], now)

    def _place(self, entry: OutboxEntry) -> None:
        """Give a stored mention its case (store.decisions), and drop the entry, in one transaction."""
        now = datetime.now(UTC)
        with session_scope(self._engine) as session:
            lock_ingest(session)
            row = session.get(MentionRow, entry.mention_id)
            finished = entry.payload.get("finished_case")
            if row is not None and (row.case_id is None or row.case_id == finished):
                flow = compiled_flow(session)  # NoActiveFlow: kept and retried, nothing is decided without one
                mention = Mention.model_validate(row.model_dump())
                tags = flow.tag(mention, self._budget)
                needs = row.needs_response if row.needs_response is not None else flow.screen(mention)[1]
                place(session, flow=flow, now=now, finished_case=finished,
                      placements=[Placement(mention=mention, tags=tags, needs_response=needs)])
            session.execute(delete(OutboxEntry).where(col(OutboxEntry.id) == entry.id))


MAX_REFS = 500  # mention ids in one signal (MentionRefs)


def _runs(entries: list[OutboxEntry]) -> list[list[OutboxEntry]]:
    """The entries in order, consecutive mentions together (up to MAX_REFS), everything else alone."""
    runs: list[list[OutboxEntry]] = []
    for entry in entries:
        if (entry.kind == Kind.mention and runs and runs[-1][0].kind == Kind.mention
                and len(runs[-1]) < MAX_REFS):
            runs[-1].append(entry)
        else:
            runs.append([entry])
    return runs
