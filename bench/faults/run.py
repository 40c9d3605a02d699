"""One run: start `up`, set up, then load, agents, faults and samples at once; let everything settle; verify."""

from __future__ import annotations

import asyncio
import contextlib
import random
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.faults.inject import Injector, schedule
from bench.faults.load import Clock, Load
from bench.faults.report import FaultReport, say
from bench.faults.stack import Stack
from bench.faults.verify import verify
from bench.lifecycle import load as load_average
from bench.lifecycle import query
from tests.harness import stack as harness


def _option(default: object, help: str) -> Any:  # noqa: A002 - argparse's word
    return field(default=default, metadata={"help": help})


@dataclass
class FaultOptions:
    seconds: float = _option(60.0, "length of the load, s")
    rate: float = _option(6.0, "mentions posted a second (a 2-core machine keeps up with about 6 through the faults)")
    worker_kills: int = _option(5, "kill -9 a worker this many times")
    temporal_restarts: int = _option(2, "kill -9 the embedded Temporal server this many times")
    api_kills: int = _option(1, "kill -9 `up` (the API) and start it again this many times")
    db_locks: int = _option(2, "lock the read side's database this many times")
    lock_seconds: float = _option(4.0, "how long each lock is held, s")
    temporal_restart_timeout: float = _option(40.0, "longest wait for `up` to start a killed Temporal server, s "
                                                    "(its back-off reaches 30 s)")
    workers: int = _option(1, "`up --workers N`")
    capacity: int = _option(1000, "every agent's open cases at most (nothing waits for an agent)")
    sla_seconds: int = _option(20, "first-response target; escalation level 1 at the deadline")
    level2_seconds: int = _option(15, "escalation level 2, this long after the deadline")
    settle: float = _option(120.0, "longest wait after the posts for the outbox and the agents' work, s")
    retry_grace: float = _option(45.0, "posts are retried until this long after the load and the faults, s")
    recovery_timeout: float = _option(120.0, "longest wait for one fault's recovery, s")
    agent_parallel: int = _option(16, "agents' API calls in flight")
    sample_every: float = _option(5.0, "a probe every so often: accepted -> first workflow task, s (0: none)")
    grace: float = _option(8.0, "an SLA event due less than this before the check need not have fired yet, s")
    seed: int = _option(1, "seeds the agents' plans and timing")
    data_dir: Path | None = _option(None, "use (and keep) this data folder; default a temporary one")
    switchboard: str = _option(harness.SWITCHBOARD, "the switchboard executable to start `up` with")


def run_faults(options: FaultOptions) -> FaultReport:
    """Start `up`, run load, agents and faults, verify, stop `up`; returns the report."""
    began, load_before = time.monotonic(), load_average()
    harness.SWITCHBOARD = options.switchboard
    random.seed(options.seed)
    with contextlib.ExitStack() as cleanup:
        data_dir = options.data_dir or Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="faults-")),
                                            "data")
        stack = Stack(data_dir, workers=options.workers)
        stack.start()
        try:
            report = asyncio.run(_run(options, stack))
        finally:
            problems = stack.stop()
        report.notes += problems
        logs = ", ".join(map(str, stack.logs)) if options.data_dir else "removed with the temporary folder"
        report.notes.append(f"up started {stack.starts} times; logs: {logs}")
        report.notes.append(f"before the run: {load_before}; after it: {load_average()}")
    report.wall_seconds = time.monotonic() - began
    return report


async def _run(o: FaultOptions, stack: Stack) -> FaultReport:
    clock = Clock()
    load = Load(o, stack, clock)
    injector = Injector(o, stack, load, clock)
    await load.setup()
    say(f"set up: SLA {o.sla_seconds} s (+{o.level2_seconds} s); load {o.rate:g}/s for {o.seconds:g} s; "
        f"faults {[(round(at, 1), kind) for at, kind in schedule(o)]}")
    clock.start()
    tasks = [asyncio.create_task(t) for t in (load.agents(), load.run(), injector.run(), injector.sample())]
    _, loader, faults, _ = tasks
    try:
        await loader
        say(f"[{clock():6.1f}s] load sent: {len(load.posts)} posts")
        await faults
        load.retry_until = clock() + o.retry_grace
        await load.posts_done(o.retry_grace + 60)
        say(f"[{clock():6.1f}s] posts answered; settling (up to {o.settle:g} s)")
        notes = await _settle(o, stack, load)
        # The last cases' level-2 escalations: give them their time (bounded).
        last = max((p.accepted_at or 0.0) for p in load.posts.values())
        await asyncio.sleep(max(0.0, min(last + o.sla_seconds + o.level2_seconds + o.grace - clock(),
                                         o.sla_seconds + o.level2_seconds + o.grace)))
        say(f"[{clock():6.1f}s] verifying")
        report = await verify(o, stack, load, injector)
        report.notes += notes
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await load.close()
    return report


async def _settle(o: FaultOptions, stack: Stack, load: Load) -> list[str]:
    """Until the outbox is empty and the agents are done (bounded); then the agents stop, and the read side must
    be quiet (no case saved, no event added for 3 s; bounded) before anything is checked."""
    notes, health = [], None
    deadline = time.monotonic() + o.settle
    while time.monotonic() < deadline:
        health = await stack.health()
        if health is not None and health["outbox"]["backlog"] == 0 and load.agents_idle():
            break
        await asyncio.sleep(0.5)
    else:
        notes.append(f"not settled after {o.settle:g} s: outbox {health and health['outbox']}, "
                     f"agents idle {load.agents_idle()}")
    await load.stop_agents()
    # An Update sent before the stop may still land (the API waits up to 20 s for one): wait for quiet.
    last, quiet_since, deadline = None, time.monotonic(), time.monotonic() + 30
    while time.monotonic() < deadline and time.monotonic() - quiet_since < 3:
        latest = query(stack.db, 'SELECT max(updated_at), (SELECT count(*) FROM case_event) FROM "case"')[0]
        if latest != last:
            last, quiet_since = latest, time.monotonic()
        await asyncio.sleep(0.5)
    return notes
