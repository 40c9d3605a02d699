"""Events out: what writing them costs ingest, and how fast the webhook relay delivers them.

    .venv/bin/python -m bench.events_out [--mentions 3000] [--batch 50] [--events 2000] [--rounds 5] [--http]

1. **Ingest cost**: store.ingest.store_batch (live, not replay: every actionable mention opens or joins a case,
   routed and assigned, with its outbox entry) into two fresh SQLite files seeded with the demo, in batches of
   `--batch`, a batch into each in turn: one with events out written (mention.received, customer.created,
   case.opened, case.assigned), the other with their writers stubbed out; cases per CPU second of each and the
   share lost (target: under 5%), and the CPU time spent inside the writers. The same for the rollups' writes
   (store.rollups' marks of written cases, store.mention_rollup's deltas).
   With `--http`, the same pairing on the whole ingest path: the mentions posted one a request to
   `POST /api/webhooks/twitter` of the app (api.app.create_app, in this process, called as ASGI with no client or
   socket in between), `--batch` posts in flight at a time, stored together by group commit as under load; each
   side's CPU time is its posts' (request, route, group commit's threads, store_batch).
2. **Delivery**: `--events` events through WebhookRelay.deliver to a receiver on 127.0.0.1 (http.server,
   threaded, answering 200), one signed request an event as in production; events/s.
Only local files and the loopback interface are touched.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import pkgutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from statistics import median
from typing import Any
from unittest import mock

from sqlalchemy import text

from api.app import create_app
from api.demo import seed
from api.security.ratelimit import Limits
from api.security.reseal import reseal_sources
from api.settings import Settings
from api.webhooks.sources import WebhookSources
from bench.discovery import mentions
from store.db import make_engine, session_scope
from store.db.migrate import migrate
from store.event_payloads import TestPing
from store.events_out import Emitted, EventType, emit_many, last_cursor
from store.group_commit import GroupCommit
from store.ingest import store_batch
from store.keys import KeyRing
from store.netguard import parse_networks
from store.subscriptions import Subscription, seal_secret
from store.webhook_relay import WebhookRelay
from tests.harness.receiver import Receiver

# What each figure stubs out (the writers) and times (those, and the statement that writes what they buffered).
WRITERS = {
    "events": (("store.ingest.mentions_out", "store.decisions.case_events_out",
                "store.event_payloads.customers_created_out"), ("store.events_out._write",)),
    "rollups": (("store.rollups.mark", "store.mention_rollup._append"), ()),
    "nothing": ((), ()),  # both sides alike: the pairing's own noise
}


class Clock:
    """CPU seconds spent inside the functions it wraps (not nested: the writers never call one another)."""

    def __init__(self) -> None:
        self.spent = 0.0

    def wrap(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.spent += time.process_time() - started
        return timed


@dataclass
class Paired:
    spent: dict[bool, float]  # CPU seconds: True with the writers, False without
    cases: dict[bool, int]
    writing: float  # CPU seconds inside the writers (with them)
    transactions: int = 0  # posted only: the group commits that stored the posts (both sides)

    def rate(self, on: bool) -> float:
        return self.cases[on] / self.spent[on]


@contextmanager
def _writers(on: bool, stubbed: tuple[str, ...], timed: tuple[str, ...], clock: Clock) -> Iterator[None]:
    """One side of a pair: the writers timed (on), or the stubbed ones doing nothing (off); then a full garbage
    collection, so that it lands in neither side's batch (they share the heap)."""
    with ExitStack() as patches:
        for target in stubbed + timed:
            if on:
                patches.enter_context(mock.patch(target, clock.wrap(pkgutil.resolve_name(target))))
            elif target in stubbed:
                patches.enter_context(mock.patch(target, lambda *a, **k: 0))
        gc.collect()
        yield


def ingest(count: int, batch: int, writers: str) -> Paired:
    """Store `count` mentions live into two fresh databases, a batch into each in turn (which goes first
    alternates): one as in production, one with `writers` stubbed out. Turn by turn, a burst of load on the shared
    machine falls on both alike: runs of each, one after the other, differed by up to a third here."""
    stubbed, timed = WRITERS[writers]
    clock = Clock()
    paired = Paired({True: 0.0, False: 0.0}, {True: 0, False: 0}, 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        engines, rows, cases = {}, {}, {True: set(), False: set()}
        for on in (True, False):
            engines[on] = make_engine(f"sqlite:///{Path(tmp) / f'read-{on}.db'}")
            migrate(engines[on])
            seed(engines[on], webhook_token="bench-token-0123456789")
            rows[on] = mentions(count)
        for turn, i in enumerate(range(0, count, batch)):
            for on in ((True, False) if turn % 2 == 0 else (False, True)):
                with _writers(on, stubbed, timed, clock):
                    started = time.process_time()  # CPU time: the machine may be shared, and the cost is CPU
                    stored = store_batch(engine=engines[on], mentions=rows[on][i:i + batch], now=datetime.now(UTC))
                    paired.spent[on] += time.process_time() - started
                cases[on] |= {c for c in stored.cases.values() if c}
        for on in (True, False):
            paired.cases[on] = len(cases[on])
            engines[on].dispose()
    paired.writing = clock.spent
    return paired


TOKEN = "bench-token-0123456789"


def _app(engine: Any, keys: KeyRing) -> Any:
    """The app with what its webhook route uses (the lifespan's settings, limits, sources and group commit; not
    its Temporal client and relays, which the route never touches: the outbox relay's wake-up is a no-op)."""
    settings = Settings(database_url=str(engine.url), designer_dist=Path("/nonexistent"),
                        webhook_per_second=1_000_000)
    logging.getLogger("switchboard.api").setLevel(logging.ERROR)  # no designer here, and none needed
    app = create_app(settings, engine=engine, keys=keys)
    app.state.settings, app.state.keys, app.state.engine = settings, keys, engine
    app.state.limits = Limits(login_per_minute=settings.login_per_minute, webhook_per_second=1_000_000,
                              import_per_second=settings.import_per_second)
    app.state.ingest = GroupCommit(engine=engine, tagging_budget_ms=settings.tagging_budget_ms)
    app.state.webhook_sources = WebhookSources(engine=engine, keys=keys)
    return app


async def _post(app: Any, body: bytes) -> int:
    """One webhook post straight into the ASGI app: its status."""
    answered = asyncio.Event()
    given = False
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        await answered.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif not message.get("more_body"):
            answered.set()

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/api/webhooks/twitter", "raw_path": b"/api/webhooks/twitter", "query_string": b"",
             "root_path": "", "client": ("127.0.0.1", 50000), "server": ("bench", 80),
             "headers": [(b"host", b"bench"), (b"content-type", b"application/json"),
                         (b"content-length", str(len(body)).encode()), (b"x-switchboard-token", TOKEN.encode())]}
    await app(scope, receive, send)
    return status


def posted(count: int, batch: int, writers: str) -> Paired:
    """ingest's pairing through the webhook route: `count` mentions posted to two apps over fresh databases,
    `batch` posts in flight at a time into each in turn (which goes first alternates), one with `writers`
    stubbed out. Group commit forms its transactions as posts arrive, so a reply may be stored apart from what it
    answers on one side and not the other: the cases opened may differ by a few in thousands (rates are per case)."""
    stubbed, timed = WRITERS[writers]
    clock = Clock()
    paired = Paired({True: 0.0, False: 0.0}, {True: 0, False: 0}, 0.0)
    bodies = [json.dumps({"external_id": m.external_id, "author": m.author, "text": m.text,
                          "created_at": m.created_at.isoformat(), "reply_to_id": m.reply_to_id,
                          "author_followers": m.author_followers}).encode() for m in mentions(count)]
    keys = KeyRing.generate()

    async def run(apps: dict[bool, Any]) -> None:
        for turn, i in enumerate(range(0, count, batch)):
            for on in ((True, False) if turn % 2 == 0 else (False, True)):
                with _writers(on, stubbed, timed, clock):
                    started = time.process_time()
                    statuses = await asyncio.gather(*(_post(apps[on], body) for body in bodies[i:i + batch]))
                    paired.spent[on] += time.process_time() - started
                assert set(statuses) <= {200, 201}, statuses

    with tempfile.TemporaryDirectory() as tmp:
        engines, apps = {}, {}
        for on in (True, False):
            engines[on] = make_engine(f"sqlite:///{Path(tmp) / f'post-{on}.db'}")
            migrate(engines[on])
            seed(engines[on], webhook_token=TOKEN)
            reseal_sources(engine=engines[on], keys=keys)
            apps[on] = _app(engines[on], keys)
        asyncio.run(run(apps))
        for on in (True, False):
            with engines[on].connect() as connection:
                paired.cases[on] = connection.execute(text('SELECT COUNT(*) FROM "case"')).scalar_one()
            paired.transactions += apps[on].state.ingest.batches
            engines[on].dispose()
    paired.writing = clock.spent
    return paired


def delivery(count: int) -> float:
    """Events/s delivered to a local receiver."""
    keys = KeyRing.generate()
    receiver = Receiver().start()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'read.db'}")
        migrate(engine)
        now = datetime.now(UTC)
        with session_scope(engine) as session:
            start = last_cursor(session)
            emit_many(session, [Emitted(EventType.test, TestPing(subscription_id="bench")) for _ in range(count)])
            session.add(Subscription(id="bench", name="bench", url=receiver.url, event_types=[], secret=seal_secret(
                keys, "bench-secret-0123456789"), cursor=start, created_at=now, created_by="bench", updated_at=now))
        relay = WebhookRelay(engine=engine, keys=keys, allow=parse_networks("127.0.0.0/8"))
        started = time.perf_counter()
        delivered = relay.deliver("bench")
        spent = time.perf_counter() - started
        relay.close()
        engine.dispose()
    receiver.stop()
    assert delivered == count == len(receiver.received), (delivered, count, len(receiver.received))
    return count / spent


def report(runs: list[Paired], title: str, label: str, posts: int = 0) -> None:
    on = sum(r.cases[True] for r in runs) / sum(r.spent[True] for r in runs)
    off = sum(r.cases[False] for r in runs) / sum(r.spent[False] for r in runs)
    lost = sorted(1 - r.rate(True) / r.rate(False) for r in runs)
    inside = sorted(r.writing / r.spent[True] for r in runs)
    per = f" ({2 * posts * len(runs) / sum(r.transactions for r in runs):.1f} posts a transaction)" if posts else ""
    print(f"{title}, {len(runs)} rounds, batches taken in turn with and without {label}{per}:")
    print(f"  without: {off:8.1f} cases per CPU second; with: {on:8.1f}")
    print(f"  lost: {100 * (1 - on / off):.1f}% of cases/s (all rounds; per round {100 * lost[0]:.1f} to "
          f"{100 * lost[-1]:.1f}%, median {100 * median(lost):.1f}%)")
    print(f"  CPU inside the writers: {100 * median(inside):.1f}% of ingest's (median; {100 * inside[0]:.1f}-"
          f"{100 * inside[-1]:.1f}%)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5, help="paired runs of each kind of writer")
    parser.add_argument("--http", action="store_true", help="also measure events out through the webhook route")
    args = parser.parse_args()
    for writers, label in (("nothing", "nothing (the same code on both sides: the noise)"),
                           ("events", "events out"), ("rollups", "the rollups' marks and deltas")):
        report([ingest(args.mentions, args.batch, writers) for _ in range(args.rounds)],
               f"ingest, {args.mentions} mentions in batches of {args.batch} (live, SQLite)", label)
    if args.http:
        for writers, label in (("nothing", "nothing (the noise)"), ("events", "events out")):
            report([posted(args.mentions, args.batch, writers) for _ in range(args.rounds)],
                   f"webhook posts, {args.mentions} mentions, {args.batch} in flight (live, SQLite, group commit)",
                   label, args.mentions)
    print(f"delivery: {delivery(args.events):.0f} events/s to a receiver on 127.0.0.1 (one signed request an event)")


if __name__ == "__main__":
    main()
