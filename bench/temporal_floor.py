"""The floor under issue 4's targets: what bare Temporal does on this machine, in the same run.

    .venv/bin/python -m bench.temporal_floor [--rates 50,100,200,300] [--seconds 10] [--storm 1000]

The peer is the least a "case" can be in Temporal: the embedded dev server with Switchboard's own
settings (cli/temporal_server.py), one Python worker in this process, and a workflow whose first
workflow task starts one timer (its SLA deadline) and nothing else: no activity, no database,
no routing. Whatever Switchboard adds costs on top of this.

1. **Start ladder.** Starts workflows open loop at each offered rate for `--seconds` (eager start,
   as the API does), and times each from when it was due to when its first workflow task ran in
   the worker ("assigned" for a case that decides nothing). Reports achieved/s, p50 and p99.
2. **Timer storm** (`--storm N`). N workflows wait on one shared deadline; when it comes, each one's
   workflow task runs once ("escalates": records the time, starts its next timer). Reports how long
   after the deadline the first and the last ran.

Run sandboxed (default) and `--unsandboxed` to see the sandbox's share. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

from temporalio import workflow
from temporalio.client import Client
from temporalio.worker import UnsandboxedWorkflowRunner, Worker
from temporalio.worker.workflow_sandbox import SandboxedWorkflowRunner

from cli.temporal_server import dev_server_command

# When each workflow's task ran, by workflow id: written from workflow code through a passed-through
# module-level dict, which is harmless here (a bench, never replayed) and cheap.
RAN: dict[str, float] = {}
FIRED: dict[str, float] = {}


@workflow.defn(name="FloorCase", sandboxed=True)
class FloorCase:
    @workflow.run
    async def run(self, deadline_in: float) -> None:
        with workflow.unsafe.sandbox_unrestricted():
            RAN.setdefault(workflow.info().workflow_id, time.time())
        await workflow.sleep(timedelta(seconds=deadline_in))
        with workflow.unsafe.sandbox_unrestricted():
            FIRED.setdefault(workflow.info().workflow_id, time.time())
        await workflow.sleep(timedelta(hours=1))  # the next escalation level


def pct(values: list[float], q: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def ladder_step(client: Client, queue: str, rate: float, seconds: float, settle: float) -> dict[str, float]:
    """Start workflows open loop at `rate` a second for `seconds`: achieved starts/s (first task run) and latency."""
    count = int(rate * seconds)
    tag = uuid.uuid4().hex[:8]
    due: dict[str, float] = {}
    failed = 0

    async def start(i: int) -> None:
        nonlocal failed
        wid = f"floor-{tag}-{i}"
        due[wid] = wall0 + i / rate
        try:
            await client.start_workflow(FloorCase.run, 3600.0, id=wid, task_queue=queue, request_eager_start=True)
        except Exception:  # noqa: BLE001 - a bench counts failures, whatever they are
            failed += 1

    wall0, mono0 = time.time(), time.monotonic()
    tasks = []
    for i in range(count):
        delay = mono0 + i / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(start(i)))
    await asyncio.gather(*tasks)
    deadline = time.monotonic() + settle
    while time.monotonic() < deadline and sum(w in RAN for w in due) < count - failed:
        await asyncio.sleep(0.1)
    ran = [RAN[w] for w in due if w in RAN]
    lat = [RAN[w] - due[w] if w in RAN else math.inf for w in due]
    span = (max(ran) - min(due.values())) if ran else math.nan
    return {"offered": rate, "starts_per_s": round(len(ran) / span, 1), "p50_ms": round(pct(lat, 50) * 1000),
            "p99_ms": round(pct(lat, 99) * 1000), "failed": failed}


async def storm(client: Client, queue: str, count: int, lead: float) -> dict[str, float] | None:
    """`count` workflows on one shared deadline: seconds after it until the first and the last one ran."""
    tag = uuid.uuid4().hex[:8]
    ids = [f"storm-{tag}-{i}" for i in range(count)]
    at = time.time() + lead
    sem = asyncio.Semaphore(50)

    async def start(wid: str) -> None:
        async with sem:
            await client.start_workflow(FloorCase.run, at - time.time(), id=wid, task_queue=queue,
                                        request_eager_start=True)
    await asyncio.gather(*(start(w) for w in ids))
    if time.time() > at - 2:
        return None  # starting took past the deadline
    while time.time() < at + 120 and sum(w in FIRED for w in ids) < count:
        await asyncio.sleep(0.05)
    fired = [FIRED[w] - at for w in ids if w in FIRED]
    return {"cases": count, "fired": len(fired), "first_s": round(min(fired), 2), "p50_s": round(pct(fired, 50), 2),
            "last_s": round(max(fired), 2)}


@asynccontextmanager
async def bare_temporal(*, unsandboxed: bool = False, cache: int = 5000) -> AsyncIterator[tuple[Client, str]]:
    """An embedded dev server with Switchboard's settings and one worker for FloorCase; yields the client and queue."""
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        server = subprocess.Popen(dev_server_command(db_file=Path(tmp) / "t.db", port=port, ui_port=0, ui=False),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(300):
                try:
                    client = await Client.connect(f"127.0.0.1:{port}")
                    break
                except Exception:  # noqa: BLE001 - the server is still starting
                    await asyncio.sleep(0.1)
            runner = (UnsandboxedWorkflowRunner() if unsandboxed else SandboxedWorkflowRunner(
                restrictions=SandboxedWorkflowRunner().restrictions.with_passthrough_modules("bench")))
            async with Worker(client, task_queue="floor", workflows=[FloorCase], workflow_runner=runner,
                              max_cached_workflows=cache):
                yield client, "floor"
        finally:
            server.terminate()
            server.wait(10)


async def floor(*, rate: float = 300, seconds: float = 10, settle: float = 60) -> dict[str, float]:
    """The start rate bare Temporal sustains here, offered `rate` a second (what bench.lifecycle compares with)."""
    async with bare_temporal() as (client, queue):
        return await ladder_step(client, queue, rate, seconds, settle)


async def run(args: argparse.Namespace) -> None:
    async with bare_temporal(unsandboxed=args.unsandboxed, cache=args.cache) as (client, queue):
        print(f"bare Temporal, {'unsandboxed' if args.unsandboxed else 'sandboxed'}, "
              f"load {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
        print("| offered | achieved | p50 | p99 | failed |\n|---|---|---|---|---|")
        for rate in args.rates:
            step = await ladder_step(client, queue, rate, args.seconds, args.settle)
            print(f"| {rate:.0f}/s | {step['starts_per_s']}/s | {step['p50_ms']} ms | {step['p99_ms']} ms "
                  f"| {step['failed']} |", flush=True)
            await asyncio.sleep(2)
        if args.storm:
            fired = await storm(client, queue, args.storm, args.storm_lead)
            print(f"storm of {args.storm}: " + (
                "starting took past the deadline; raise --storm-lead" if fired is None else
                f"{fired['fired']} fired; first {fired['first_s']:.2f} s, p50 {fired['p50_s']:.2f} s, "
                f"last {fired['last_s']:.2f} s after the deadline"), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rates", type=lambda s: [float(x) for x in s.split(",")], default=[50, 100, 200, 300])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--settle", type=float, default=60)
    parser.add_argument("--storm", type=int, default=1000)
    parser.add_argument("--storm-lead", type=float, default=30)
    parser.add_argument("--cache", type=int, default=5000)
    parser.add_argument("--unsandboxed", action="store_true")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    # Run through the imported module, so the sandbox passes through the same RAN/FIRED dicts.
    from bench import temporal_floor

    temporal_floor.main()
