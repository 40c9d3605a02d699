"""How long `switchboard flows backtest` takes over 100,000 historical mentions on this machine.

    .venv/bin/python -m bench.backtest [--mentions 100000] [--db FILE]

History is made as production makes it: the discovery benchmark's deterministic mentions (2,000 authors, a
quarter of them replies, some repeats) taken in by ingest (store.ingest.store_batch, not replay) into a
SQLite file with the demo's teams, agents and flow, a minute of arrivals per batch of 1,000, so about three
in four open a case with its opening decisions. That part is not timed, and `--db FILE` keeps the file to
time again without making it. Then two backtests over the whole period, through the command's own path
(store.backtest over the file, every difference turned into its CSV row):
- the live flow itself (every case decided as it was: the floor, all reading and deciding, no row);
- a draft with the changes an ops lead might make (outages to another queue, billing raised, praise
  answered), which changes about a third of the cases.
The issue's target: 100,000 mentions in under 60 s.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from api.demo import default_flow, seed
from bench.discovery import T0, mentions
from bench.timing import machine
from engine.models import Mention
from store.backtest import backtest, csv_lines
from store.db import make_engine
from store.db.migrate import migrate
from store.ingest import store_batch
from store.lexicons import compile_with_vader


def draft() -> dict[str, Any]:
    """The demo flow with three changes an ops lead might make: outages sent to escalations, billing raised to
    high, and praise answered (tests/api/test_backtest.py works out each difference they make by hand)."""
    document = default_flow()
    nodes = {node["type"]: node["content"] for node in document["nodes"]}
    nodes["assign"]["routing"]["rules"].insert(0, {"id": "outage-to-escalations",
                                                   "when": {"in": ["outage", {"var": "tags"}]},
                                                   "then": {"team_id": "escalations"}})
    nodes["triage"]["needs_response"]["or"].append({"in": ["praise", {"var": "tags"}]})
    branches = nodes["triage"]["priority"]["if"]
    branches[branches.index({"in": ["billing", {"var": "tags"}]}) + 1] = "high"
    return document


def make_history(path: Path, count: int) -> None:
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    seed(engine, accounts=False)
    batch: list[Mention] = mentions(count)
    began = time.perf_counter()
    for i in range(0, len(batch), 1000):
        store_batch(engine=engine, mentions=batch[i:i + 1000], now=T0 + timedelta(minutes=i // 1000))
    print(f"history: {count:,} mentions taken in by ingest in {time.perf_counter() - began:.0f} s (not timed)")
    engine.dispose()


def timed(path: Path, document: Any) -> dict[str, Any]:
    engine = make_engine(f"sqlite:///{path}")
    began = time.perf_counter()
    run = backtest(engine, compile_with_vader(document), T0 - timedelta(days=1), T0 + timedelta(days=365))
    rows = sum(1 for _ in csv_lines(run.differences())) - 1
    seconds = time.perf_counter() - began
    engine.dispose()
    totals = run.backtest.totals
    return {"mentions": totals.mentions, "live_cases": totals.live_cases, "rows": rows, "seconds": round(seconds, 1),
            "per_s": round(totals.mentions / seconds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="keep the history in this SQLite file (made if missing)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "history.db"
        if not path.exists():
            make_history(path, args.mentions)
        figures = {"live flow": timed(path, default_flow()), "draft": timed(path, draft())}
    if args.json:
        print(json.dumps({"backtest": figures, "machine": machine()}))
        return
    print(f"backtest over {figures['draft']['mentions']:,} mentions, one process; target: under 60 s")
    for name, f in figures.items():
        print(f"  {name}: {f['seconds']} s ({f['per_s']:,} mentions/s; {f['live_cases']:,} cases opened, "
              f"{f['rows']:,} decided otherwise)")
    print(f"  {machine()}")


if __name__ == "__main__":
    main()
