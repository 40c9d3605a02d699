"""Discovery throughput: mentions/s/core through dedupe -> thread -> tag -> triage, then with storage.

    .venv/bin/python -m bench.discovery [--mentions 50000] [--batch 1000]

1. **Pipeline, in-process** (engine.discovery.process_batch with the demo flow's tag and triage rules):
   mentions/s on one core (this process is single-threaded), against two peers on the same texts in the
   same run: vaderSentiment's `polarity_scores` alone (the sentiment step of a naive pipeline) and the
   demo flow's traced triage (`CompiledFlow.triage`, what a case workflow records as evidence).
2. **Stored** (store.ingest.store_batch into a fresh SQLite file, replay mode, batches of
   `--batch`): the same mentions with the dedupe/threading lookups and the writes in one transaction
   per batch.
3. **End to end** (`--e2e N`): the first N as a JSONL file through `switchboard import --replay` into
   `switchboard up --no-demo` (the embedded default: dev server, SQLite, API and worker), timed from
   the command's start to its summary. The import carries an API token scoped `import:twitter`, made
   beforehand (untimed) with `switchboard users add` and `switchboard tokens create`, as an operator would.
Only local files are touched.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from api.demo import HERE as DEMO
from api.demo import seed
from bench.mentions import BODIES, OPENINGS
from bench.timing import best_of
from engine.discovery.pipeline import Known, process_batch
from engine.models import Mention, mention_id
from store.db import make_engine
from store.db.migrate import migrate
from store.ingest import store_batch
from store.lexicons import compile_with_vader
from tests.harness.stack import SWITCHBOARD, add_user, start_up

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def mentions(count: int, seed_value: int = 7) -> list[Mention]:
    """Deterministic social mentions: 2,000 authors, a quarter replies, some follow-ups and repeats."""
    rng = random.Random(seed_value)
    out = []
    for i in range(count):
        n = i if rng.random() > 0.01 else max(0, i - rng.randrange(1, 50))  # ~1% repeats
        text = f"{rng.choice(OPENINGS)} {rng.choice(BODIES)}".strip()
        at = T0 + timedelta(seconds=n * 3)
        reply = f"m{n - 1}" if n % 4 == 3 else None
        out.append(Mention(id=mention_id("twitter", f"m{n}"), source="twitter", external_id=f"m{n}",
                           conversation_id="", author=f"@user{n % 2000}", text=text, created_at=at, received_at=at,
                           reply_to_id=reply, author_followers=rng.choice([10, 200, 5000, 50_000])))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mentions", type=int, default=50_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--e2e", type=int, default=50_000, help="mentions for the end-to-end import (0 skips it)")
    args = parser.parse_args()
    flow = compile_with_vader(json.loads((DEMO / "flow.json").read_text()))
    batch = mentions(args.mentions)
    window = timedelta(seconds=flow.thread_window_seconds)
    print(f"{len(batch):,} mentions; python {sys.version.split()[0]}; load {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} CPUs")

    def pipeline() -> None:
        known = Known()
        for i in range(0, len(batch), args.batch):
            process_batch(batch[i:i + args.batch], known, flow.screen, window=window)

    ours = best_of(3, pipeline)
    vader = SentimentIntensityAnalyzer()
    sample = batch[:10_000]
    vader_time = best_of(3, lambda: [vader.polarity_scores(m.text) for m in sample]) * len(batch) / len(sample)
    traced_time = best_of(3, lambda: [flow.triage(m, flow.tag(m)) for m in sample]) * len(batch) / len(sample)
    print("| step | mentions/s/core | ours is |\n|---|---|---|")
    print(f"| **dedupe -> thread -> tag -> triage (ours)** | **{len(batch) / ours:,.0f}** | 1.00x |")
    print(f"| vaderSentiment polarity_scores alone | {len(batch) / vader_time:,.0f} | {vader_time / ours:.2f}x |")
    print(f"| tag + traced triage (a case's evidence) | {len(batch) / traced_time:,.0f} | {traced_time / ours:.2f}x |")

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        migrate(engine)
        seed(engine, accounts=False)
        began = time.perf_counter()
        stored = 0
        for i in range(0, len(batch), args.batch):
            stored += len(store_batch(engine=engine, mentions=batch[i:i + args.batch], replay=True).outcome.processed)
        seconds = time.perf_counter() - began
        print(f"| stored in SQLite, replay, batches of {args.batch} | {len(batch) / seconds:,.0f} | "
              f"{seconds / ours:.2f}x |  ({stored:,} new, {len(batch) - stored:,} duplicates)")
        engine.dispose()
        if args.e2e:
            end_to_end(Path(tmp), batch[:args.e2e], args.batch, ours / len(batch))


def import_token(data_dir: Path, source: str) -> str:
    """An API token scoped `import:SOURCE`, of an admin added for the purpose, on `switchboard up`'s database."""
    email = "bench@example.com"
    add_user(data_dir, email, "admin", password=secrets.token_urlsafe(18))
    env = {k: v for k, v in os.environ.items() if not k.startswith("SWITCHBOARD_") and k != "DATABASE_URL"}
    made = subprocess.run([SWITCHBOARD, "tokens", "create", "--user", email, "--scope", f"import:{source}",
                           "--data-dir", str(data_dir)], capture_output=True, text=True, env=env, timeout=60)
    if made.returncode != 0 or not made.stdout.strip():
        raise SystemExit(f"could not make an import token: {made.stderr.strip()}")
    return made.stdout.strip().splitlines()[0]


def end_to_end(tmp: Path, batch: list[Mention], size: int, ours_each: float) -> None:
    """`switchboard import --replay` of a JSONL file into `switchboard up` (embedded dev server, SQLite)."""
    path = tmp / "import.jsonl"
    with path.open("w") as out:
        for m in batch:
            out.write(json.dumps({"id": m.external_id, "author": m.author, "text": m.text,
                                  "created_at": m.created_at.isoformat(), "reply_to_id": m.reply_to_id,
                                  "followers": m.author_followers}) + "\n")
    up = start_up(tmp / "up", "--no-demo")
    try:
        token = import_token(tmp / "up", "twitter")
        began = time.perf_counter()
        done = subprocess.run([SWITCHBOARD, "import", str(path), "--source", "twitter", "--replay", "--quiet",
                               "--batch-size", str(size), "--api", up.base_url, "--token", token],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - began
    finally:
        up.stop()
    summary = done.stdout.splitlines()[0] if done.stdout else done.stderr.strip()
    print(f"| end to end: switchboard import --replay -> API -> SQLite (switchboard up) | {len(batch) / seconds:,.0f} "
          f"| {seconds / (ours_each * len(batch)):.2f}x |  ({summary}; {seconds:.1f} s, CLI, API and Temporal on "
          f"{os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
