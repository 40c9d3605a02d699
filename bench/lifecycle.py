"""Cases/s and ingest -> assigned latency on the embedded default (`switchboard up`).

    .venv/bin/python -m bench.lifecycle [--rates 25,50,100,200] [--seconds 10]

Posts mentions to the webhook at each offered rate (open loop: sends on schedule,
whatever the answers' latency), then reads from the read side when each case was
assigned. Latency is `assigned_at - received_at` (both from this machine's clock).
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path

import httpx

from tests.harness.stack import start_up

TEXTS = ["I was charged twice, please refund", "the app is down again", "how do I change my address?",
         "my order never arrived, this is ridiculous", "can't log in since the update"]


async def offer(base_url: str, rate: float, seconds: float, tag: str) -> tuple[int, int]:
    """Post `rate` mentions a second for `seconds`; returns (accepted, failed)."""
    accepted = failed = 0
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    async with httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits) as http:
        async def post(i: int) -> None:
            nonlocal accepted, failed
            body = {"external_id": f"{tag}-{i}", "author": f"@user{i % 997}", "text": TEXTS[i % len(TEXTS)],
                    "created_at": "2026-11-23T10:00:00Z"}
            try:
                response = await http.post("/api/webhooks/twitter", json=body)
                accepted += response.status_code == 201
                failed += response.status_code != 201
            except httpx.HTTPError:
                failed += 1

        start, tasks = time.monotonic(), []
        for i in range(int(rate * seconds)):
            delay = start + i / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(post(i)))
        await asyncio.gather(*tasks)
    return accepted, failed


def latencies(db: Path, tag: str, wait: float) -> tuple[list[float], int]:
    """Assignment latencies (ms) of this run's cases, after waiting up to `wait` s for stragglers."""
    deadline = time.monotonic() + wait
    query = """SELECT m.received_at, c.assigned_at FROM mention m JOIN "case" c ON c.id = m.case_id
               WHERE m.external_id LIKE ? AND m.direction = 'inbound'"""
    while True:
        with sqlite3.connect(db) as conn:
            rows = conn.execute(query, (f"{tag}-%",)).fetchall()
        pending = sum(1 for _, assigned in rows if assigned is None)
        if pending == 0 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    done = [(datetime.fromisoformat(a) - datetime.fromisoformat(r)).total_seconds() * 1000
            for r, a in rows if a is not None]
    return done, pending


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else (values[0] if values else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rates", default="25,50,100,200")
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        up = start_up(data, "--no-demo")
        try:
            print(f"{'offered/s':>9} {'accepted':>8} {'assigned/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'late':>5}")
            for rate in (float(r) for r in args.rates.split(",")):
                tag = uuid.uuid4().hex[:6]
                started = time.monotonic()
                accepted, failed = asyncio.run(offer(up.base_url, rate, args.seconds, tag))
                done, pending = latencies(data / "switchboard.db", tag, wait=30)
                elapsed = time.monotonic() - started
                print(f"{rate:>9.0f} {accepted:>8} {len(done) / elapsed:>10.1f} {pct(done, 50):>8.0f} "
                      f"{pct(done, 99):>8.0f} {pending + failed:>5}", flush=True)
        finally:
            up.stop()


if __name__ == "__main__":
    main()
