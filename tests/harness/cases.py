"""Helpers shared by tests that drive cases end to end."""

from __future__ import annotations

import asyncio
import inspect
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx
from google.protobuf.empty_pb2 import Empty
from sqlalchemy import Engine
from sqlmodel import Session, select
from temporalio.client import Client, WorkflowHandle
from temporalio.service import RPCError

from activities.connectors import Network
from activities.connectors.netguard import parse_networks
from api.app import create_app
from api.auth.service import Policy, open_session
from api.settings import Settings
from engine.models import decided_workflow_id
from store.accounts import User
from store.case_events import CaseEvent
from store.cases import Case
from store.db import session_scope
from store.incoming import IncomingMention
from store.ingest import store_batch
from store.keys import KeyRing
from store.relay import OutboxRelay
from workflows.worker import build_worker

T = TypeVar("T")


async def eventually(probe: Callable[[], T | None | Awaitable[T | None]], *, timeout: float = 15.0,
                     what: str = "condition") -> T:
    """Poll `probe` (plain or async) until it gives something truthy; fail with `what` after `timeout` seconds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = probe()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        await asyncio.sleep(0.05)


async def ended(env: Any, handle: Any) -> Any:
    """A case workflow's result, letting the time-skipping server skip the reopen window after its close.

    (Handles from get_workflow_handle do not unlock time skipping by themselves.)
    """
    async with env.time_skipping_unlocked():
        return await handle.result()


# The tests' stand-ins for remote services (feeds, Mastodon, mail) listen on this machine.
LOOPBACK = parse_networks("127.0.0.0/8,::1/128")


@asynccontextmanager
async def running_worker(client: Client, engine: Engine, *, connect_allow: Sequence[Network] = LOOPBACK,
                         task_queue: str | None = None, **options: Any) -> AsyncIterator[str]:
    """A worker bound to `engine`'s database, on `task_queue` (default a fresh one), with build_worker's
    `options`; yields the task queue."""
    task_queue = task_queue or f"cases-{uuid.uuid4().hex[:8]}"
    worker = build_worker(client, task_queue=task_queue, database_url=engine.url.render_as_string(False),
                          keys=TEST_KEYS, connect_allow=connect_allow, **options)
    async with worker:
        yield task_queue


@asynccontextmanager
async def case_stack(client: Client, engine: Engine, **options: Any) -> AsyncIterator[Stack]:
    """A Stack with its own worker (running_worker's `options`); the cases it started are terminated after, so
    their timers do not keep a shared time-skipping server busy in later tests."""
    async with running_worker(client, engine, **options) as task_queue:
        stack = Stack(client, engine, task_queue)
        try:
            yield stack
        finally:
            for workflow_id in stack.workflow_ids:
                try:
                    await client.get_workflow_handle(workflow_id).terminate("test over")
                except RPCError:
                    pass  # already finished


def workflow_handle(client: Client, workflow_id: str, case_id: str, **kwargs: Any) -> WorkflowHandle:
    """A case's workflow: its own, for a case opened at ingest; its conversation's run, for an older case."""
    run_id = None if workflow_id == decided_workflow_id(case_id) else case_id
    return client.get_workflow_handle(workflow_id, run_id=run_id, **kwargs)


def case_row(engine: Engine, case_id: str) -> Case | None:
    with Session(engine) as session:
        return session.get(Case, case_id)


def case_where(engine: Engine, case_id: str, **expected: Any) -> Case | None:
    """The case row if every expected field has its value yet, else None (for `eventually`)."""
    row = case_row(engine, case_id)
    if row is not None and all(getattr(row, k) == v for k, v in expected.items()):
        return row
    return None


def event_kinds(engine: Engine, case_id: str) -> list[str]:
    with Session(engine) as session:
        rows = session.exec(select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.seq))
        return [row.kind for row in rows]


@dataclass
class Stack:
    """A Temporal client, a worker's task queue and the read side it writes to."""

    client: Client
    engine: Engine
    task_queue: str
    workflow_ids: set[str] = field(default_factory=set)
    _relay: OutboxRelay | None = None
    _virtual_clock: bool | None = None

    async def ingest(self, *, source: str = "twitter", external_id: str | None = None, text: str,
                     author: str | None = None, reply_to_id: str | None = None, outbound: bool = False,
                     on_workflow_clock: bool = False) -> str:
        """Take in one mention the way the webhook does; returns the case id ("" when triage starts none).

        Each mention has an author of its own unless one is given: an author's follow-ups within the
        flow's window join their conversation, and most tests want a case each. `outbound`: the brand's own
        post. `on_workflow_clock`: the mention was written at the workflows' (virtual) time, not the wall clock's.
        """
        now = await self.now()
        incoming = IncomingMention(external_id=external_id or uuid.uuid4().hex[:10],
                                   author=author or f"@customer-{uuid.uuid4().hex[:6]}", text=text,
                                   created_at=now if on_workflow_clock else datetime.now(UTC), reply_to_id=reply_to_id,
                                   direction="outbound" if outbound else "inbound")
        stored = store_batch(engine=self.engine, mentions=[incoming.to_message(source, now)], now=now)
        for case_id in stored.cases.values():
            if case_id is not None:
                self.workflow_ids.add(decided_workflow_id(case_id))
        await self.relay().drain()
        return next((case for case in stored.cases.values() if case is not None), "")

    async def now(self) -> datetime:
        """The workflows' clock: a time-skipping test server's virtual time, else the wall clock. Cases open
        at ingest, so their SLA clocks must start on the clock their workflows' timers run on."""
        if self._virtual_clock is not False:
            try:
                answer = await self.client.test_service.get_current_time(Empty())
                self._virtual_clock = True
                return answer.time.ToDatetime().replace(tzinfo=UTC)
            except RPCError:
                self._virtual_clock = False  # a dev server: real time
        return datetime.now(UTC)

    def relay(self) -> OutboxRelay:
        """The outbox relay of this stack (the app's runs too when `api_client` is up: telling twice is harmless)."""
        if self._relay is None:
            self._relay = OutboxRelay(engine=self.engine, temporal=self.client, task_queue=self.task_queue)
        return self._relay


# The token the demo's webhook sources take in the tests (seeded by tests/conftest.py).
WEBHOOK_TOKEN = "test-webhook-token-0123456789"
# The tests' key ring: connector secrets are sealed with it (a fixed key, for the tests only).
TEST_KEYS = KeyRing(keys={"test-1": bytes(range(32))}, primary="test-1")


def as_user(engine: Engine, user_id: str) -> dict[str, str]:
    """Headers that make a request as `user_id` (one of the demo's users): a fresh session's bearer token."""
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        user = session.get(User, user_id)
        assert user is not None, f"no user {user_id!r}"
        token, _ = open_session(session=session, user=user, policy=Policy(), now=now)
    return {"Authorization": f"Bearer {token}"}


def refused(response: httpx.Response, status: int, path: str) -> str:
    """The refusal's message, once it is the `status` expected and names the field at `path`."""
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert detail["path"] == path, detail
    return detail["message"]


async def only_online(http: httpx.AsyncClient, *online: str) -> None:
    """Of the demo's support agents, only these are online (the others get no new work)."""
    for agent in ("ada", "grace", "linus"):
        changed = await http.patch(f"/api/agents/{agent}", json={"online": agent in online})
        assert changed.status_code == 200, changed.text


@asynccontextmanager
async def api_client(stack: Stack, *, user: str | None = "admin", **settings_given: Any,
                     ) -> AsyncIterator[httpx.AsyncClient]:
    """The real app (lifespan included) over ASGI, bound to the stack's database and worker queue.

    Requests go as `user` (a demo user; None: anonymous) unless they send their own headers
    (`as_user`); webhook posts carry the demo sources' token. `settings_given` override settings.
    """
    settings = Settings(database_url=stack.engine.url.render_as_string(False), task_queue=stack.task_queue,
                        designer_dist=Path("/nonexistent"), **{"audit_strict": True, **settings_given})
    app = create_app(settings, engine=stack.engine, temporal=stack.client, keys=TEST_KEYS)
    headers = {"X-Switchboard-Token": WEBHOOK_TOKEN, **(as_user(stack.engine, user) if user else {})}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://switchboard.test",
                                     headers=headers) as http:
            yield http
