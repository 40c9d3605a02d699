"""Polling a source: one page from its connector through the discovery pipeline, cursor and health kept.

The page's mentions and the cursor after them are written in one transaction, so a crash either
stores both or neither: a page is never skipped, and one fetched twice is deduplicated. A failing
connector marks its source unhealthy (with the reason) before the error goes back to Temporal, whose
retry policy backs off; the next success marks it healthy again.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy import Engine
from temporalio import activity
from temporalio.client import Client
from temporalio.exceptions import ApplicationError

from activities.connectors import ConnectorError, ConnectorRefused, ConnectorRegistry
from engine.messages import Activity, PollInput, PollPage
from store.budget import DEFAULT_TAGGING_BUDGET_MS
from store.db import session_scope
from store.ingest import store_batch
from store.sources import Source


class DiscoveryActivities:
    def __init__(self, *, engine: Engine, connectors: ConnectorRegistry, client: Client, task_queue: str,
                 tagging_budget_ms: float = DEFAULT_TAGGING_BUDGET_MS) -> None:
        self._engine, self._connectors, self._client, self._task_queue = engine, connectors, client, task_queue
        self._tagging_budget_ms = tagging_budget_ms

    @activity.defn(name=Activity.poll_source)
    async def poll_source(self, inp: PollInput) -> PollPage:
        row, connector, config = await asyncio.to_thread(self._connectors.source, engine=self._engine,
                                                         source=inp.source)
        if not row.enabled:
            return PollPage(source=inp.source, skipped="disabled")
        try:
            page = await asyncio.to_thread(connector.discover, source=row, config=config, cursor=row.cursor)
        except ConnectorError as exc:
            await asyncio.to_thread(self._health, inp.source, error=str(exc))
            activity.logger.warning("source %s: %s", inp.source, exc)
            raise ApplicationError(str(exc), type=type(exc).__name__,
                                   non_retryable=isinstance(exc, ConnectorRefused)) from exc
        messages = [m.to_message(inp.source, datetime.now(UTC)) for m in page.mentions]
        stored = await asyncio.to_thread(store_batch, engine=self._engine, mentions=messages,
                                         cursor=(inp.source, page.cursor), tagging_budget_ms=self._tagging_budget_ms)
        await asyncio.to_thread(self._health, inp.source, error=None)
        result = PollPage(source=inp.source, fetched=len(messages), stored=len(stored.outcome.processed),
                          duplicates=len(stored.outcome.duplicates), cases=stored.to_tell, more=page.more)
        activity.logger.info("source %s: %d fetched, %d new, %d duplicates, %d given cases", inp.source,
                             result.fetched, result.stored, result.duplicates, result.cases)
        return result

    def _health(self, source: str, *, error: str | None) -> None:
        now = datetime.now(UTC)
        with session_scope(self._engine) as session:
            row = session.get(Source, source)
            if row is None:
                return
            row.last_polled_at = now
            if error is None:
                row.healthy, row.last_error, row.consecutive_failures, row.last_success_at = True, None, 0, now
            else:
                row.healthy, row.last_error = False, error[:500]
                row.consecutive_failures += 1
            session.add(row)

    def all(self) -> list:
        return [self.poll_source]
