"""The API tests' stack: the shared dev server, a read side of the test's own (SQLite or PostgreSQL) and a
worker on a task queue of its own."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.harness.cases import Stack, running_worker


@pytest.fixture
async def stack(dev_server_env, seeded_engine) -> AsyncIterator[Stack]:  # type: ignore[no-untyped-def]
    async with running_worker(dev_server_env.client, seeded_engine) as task_queue:
        yield Stack(dev_server_env.client, seeded_engine, task_queue)
    # Polling schedules live on the shared dev server and would tick on into later tests: remove them.
    async for listed in await dev_server_env.client.list_schedules():
        if listed.id.startswith("poll-"):
            await dev_server_env.client.get_schedule_handle(listed.id).delete()
