"""Events out: what writing them costs ingest, and how fast the webhook relay delivers them.

    .venv/bin/python -m bench.events_out [--mentions 3000] [--batch 50] [--events 2000] [--rounds 5]

1. **Ingest cost**: store.ingest.store_batch (live, not replay: every actionable mention opens or joins a case,
   routed and assigned, with its outbox entry) into a fresh SQLite file seeded with the demo, in batches of
   `--batch`, with events out written (mention.received, customer.created, case.opened, case.assigned) and
   with their writers stubbed out; cases/s of each and the share lost (target: under 5%), and the CPU time
   spent inside the writers (a steadier figure on a shared machine, without the database's later costs).
2. **Delivery**: `--events` events through WebhookRelay.deliver to a receiver on 127.0.0.1 (http.server,
   threaded, answering 200), one signed request an event as in production; events/s.
Only local files and the loopback interface are touched.
"""

from __future__ import annotations

import argparse
import pkgutil
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from statistics import median
from typing import Any
from unittest import mock

from api.demo import seed
from bench.discovery import mentions
from store.db import make_engine, session_scope
from store.db.migrate import migrate
from store.event_payloads import TestPing
from store.events_out import Emitted, EventType, emit_many, last_cursor
from store.ingest import store_batch
from store.keys import KeyRing
from store.netguard import parse_networks
from store.subscriptions import Subscription, seal_secret
from store.webhook_relay import WebhookRelay
from tests.harness.receiver import Receiver

STUBS = ("store.ingest.mentions_out", "store.decisions.case_events_out", "store.event_payloads.customers_created_out")


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


def ingest(count: int, batch: int, *, events: bool, writing: Clock | None = None) -> tuple[float, int]:
    """CPU seconds to store `count` mentions live, and the cases opened; `writing` (with events) times the
    event writers and the statement that writes a transaction's events as it commits."""
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stubs:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'read.db'}")
        migrate(engine)
        seed(engine, webhook_token="bench-token-0123456789")
        for target in (*STUBS, "store.events_out._write"):
            if not events:
                if target in STUBS:
                    stubs.enter_context(mock.patch(target, lambda *a, **k: 0))
            elif writing is not None:
                stubs.enter_context(mock.patch(target, writing.wrap(pkgutil.resolve_name(target))))
        rows = mentions(count)
        cases: set[str] = set()
        started = time.process_time()  # CPU time: the machine may be shared, and the cost is CPU
        for i in range(0, len(rows), batch):
            stored = store_batch(engine=engine, mentions=rows[i:i + batch], now=datetime.now(UTC))
            cases |= {c for c in stored.cases.values() if c}
        spent = time.process_time() - started
        engine.dispose()
    return spent, len(cases)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5, help="runs of each, interleaved (the best of each counts)")
    args = parser.parse_args()
    rates: dict[bool, list[float]] = {False: [], True: []}
    shares = []
    for events in (False, True) * args.rounds:  # interleaved (the machine is shared)
        writing = Clock()
        spent, cases = ingest(args.mentions, args.batch, events=events, writing=writing)
        rates[events].append(cases / spent)
        if events:
            shares.append(writing.spent / spent)
    best = {events: max(r) for events, r in rates.items()}
    print(f"ingest, {args.mentions} mentions in batches of {args.batch} (live, SQLite), {args.rounds} rounds:")
    print(f"  without events out: {best[False]:8.1f} cases per CPU second (best; median {median(rates[False]):.1f})")
    print(f"  with events out:    {best[True]:8.1f} cases per CPU second (best; median {median(rates[True]):.1f})")
    print(f"  lost to writing events: {100 * (1 - best[True] / best[False]):.1f}% of cases/s, best against best; "
          f"{100 * (1 - median(rates[True]) / median(rates[False])):.1f}% median against median (target: under 5%)")
    print(f"  CPU inside the event writers: {100 * median(shares):.1f}% of ingest's (median; "
          f"{100 * min(shares):.1f}-{100 * max(shares):.1f}%), the share lost without what writing more rows "
          "costs the database afterwards")
    print(f"delivery: {delivery(args.events):.0f} events/s to a receiver on 127.0.0.1 (one signed request an event)")


if __name__ == "__main__":
    main()
