"""How many case histories `switchboard replay verify --closed-since` verifies a second on this machine.

    .venv/bin/python -m bench.replay_verify [--histories 1000] [--processes 1,2]

The recorded histories of tests/fixtures/histories (real cases of every shape: claims, approvals,
escalations, experts, reopening), repeated to `--histories`, go through the command's own path
(`cli.replay.verify_many`): each history replayed against today's workflow code in the worker's
sandbox, and each opening decision decided again from its recorded inputs where its flow version is
given (the recorded histories' are not kept beside them), over 1 and 2 processes.
Fetching the histories from Temporal is not timed (the command prints that part on its own). The
issue's target is >= 200 histories a second on this 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from cli.replay import verify_many

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "histories"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--histories", type=int, default=1000)
    parser.add_argument("--processes", default="1,2")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    recorded = [json.loads(p.read_text()) for p in sorted(FIXTURES.glob("*.json"))]
    items = [(f"case-{i}", f"{recorded[i % len(recorded)]['workflow_id']}-{i}",
              {**recorded[i % len(recorded)]["history"]}, {}, []) for i in range(args.histories)]
    figures = []
    for processes in (int(p) for p in args.processes.split(",")):
        began = time.perf_counter()
        results = verify_many(items, processes)
        took = time.perf_counter() - began
        # The recorded histories' flow versions are not kept beside them, so only the replay can fail here.
        failed = sum(1 for _, report in results if any("replay" in p for p in report.problems))
        figures.append({"processes": processes, "histories": len(results), "seconds": round(took, 2),
                        "per_s": round(len(results) / took, 1), "failed": failed})
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    if args.json:
        print(json.dumps({"replay_verify": figures, "load_average": load}))
        return
    print(f"replay verify: {len(recorded)} recorded histories repeated to {args.histories} "
          f"(load average {load}, {os.cpu_count()} CPUs)")
    for f in figures:
        print(f"  {f['processes']} process(es): {f['per_s']}/s ({f['histories']} in {f['seconds']} s; "
              f"{f['failed']} did not replay)")


if __name__ == "__main__":
    main()
