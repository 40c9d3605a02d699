"""The faults, spread over the load (interleaved by kind), and how long the stack took to recover from each.

Each fault's disruptive part (a kill, and `up` started again where needed) is awaited before the next fault; its
recovery is measured alongside, so a slow recovery does not push the next faults out of the load (a fault whose
recovery the next one interrupted is marked `overlapped`). A probe mention is posted at each fault; recovery
ends when the probe's case workflow has its first workflow task completed, and (all but a worker kill) the API
answers with the outbox caught up (its oldest entry younger than 2 s, none failing). The moment of each step is
in the fault's detail, in seconds from the fault: `api_answers_s`, `outbox_caught_up_s`, `probe_accepted_s`,
`probe_task_s`.

- `worker_kill`: kill -9 one pid of `<data>/workers.pid`; `up` starts a worker again.
- `temporal_restart`: kill -9 the embedded Temporal server; `up` must start it again by itself (it logs "the
  Temporal server (pid N) killed by SIGKILL ..." and "the Temporal server started again: pid M"). If it does
  not within `temporal_restart_timeout`, the fault is an error, and the suite restarts the whole of `up` so that
  the run can go on.
- `api_kill`: kill -9 `up` (the API's process; its children stop on the parent-death SIGTERM), then start `up`
  again on the same data folder.
- `db_lock`: hold `BEGIN EXCLUSIVE` on the read side's SQLite file for `lock_seconds`; posts meanwhile wait or
  answer 503, never 500. Recovery counts from the release.

Samples: every `sample_every` s of the load a probe more, from its acceptance to its workflow's first completed
task; those before the first fault are the baseline the recoveries compare with.
"""

from __future__ import annotations

import asyncio
import random
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Awaitable
from typing import TYPE_CHECKING

from bench.faults.report import Fault, say
from bench.faults.stack import kill9

if TYPE_CHECKING:
    from bench.faults.load import Clock, Load, Post
    from bench.faults.run import FaultOptions
    from bench.faults.stack import Stack

def schedule(options: FaultOptions) -> list[tuple[float, str]]:
    """(run seconds, kind) of each fault: kinds interleaved, spread evenly from 8% to 80% of the load."""
    counts = {"worker_kill": options.worker_kills, "temporal_restart": options.temporal_restarts,
              "api_kill": options.api_kills, "db_lock": options.db_locks}
    spots = sorted(((k + 0.5) / n, kind) for kind, n in counts.items() for k in range(n))
    first, last = 0.08 * options.seconds, 0.8 * options.seconds
    step = (last - first) / max(len(spots) - 1, 1)
    return [(first + i * step, kind) for i, (_, kind) in enumerate(spots)]


class Injector:
    def __init__(self, options: FaultOptions, stack: Stack, load: Load, clock: Clock) -> None:
        self.options, self.stack, self.load, self.now = options, stack, load, clock
        self.faults: list[Fault] = []
        self.samples: list[list[float | None]] = []  # [sent at, accepted -> first task s]

    @property
    def baseline(self) -> float | None:
        """Median accepted -> first workflow task of the samples sent before the first fault."""
        first = min((f.at_s for f in self.faults), default=float("inf"))
        before = sorted(v for t, v in self.samples if v is not None and t is not None and t < first)
        return round(before[len(before) // 2], 2) if before else None

    async def run(self) -> None:
        measuring: list[asyncio.Task] = []
        for at, kind in schedule(self.options):
            await asyncio.sleep(max(0.0, at - self.now()))
            fault = Fault(kind=kind, at_s=self.now())
            self.faults.append(fault)
            say(f"[{self.now():6.1f}s] fault {len(self.faults)}: {kind}")
            try:
                async with asyncio.timeout(self.options.recovery_timeout + 60):
                    recovery = await getattr(self, f"_{kind}")(fault)
            except Exception as exc:  # noqa: BLE001 - recorded as the fault's error; the run goes on
                fault.error = f"not injected: {type(exc).__name__}: {exc}"
                continue
            measuring.append(asyncio.create_task(self._measure(fault, recovery)))
        if measuring:
            await asyncio.wait(measuring, timeout=self.options.recovery_timeout + 30)
        for earlier, later in zip(self.faults, self.faults[1:], strict=False):
            if earlier.recovery_s is None or later.at_s < earlier.at_s + earlier.recovery_s:
                earlier.detail["overlapped"] = True

    async def _measure(self, fault: Fault, recovery: Awaitable[None]) -> None:
        try:
            await recovery
        except Exception as exc:  # noqa: BLE001 - recorded; the run goes on
            fault.error = f"recovery not measured: {type(exc).__name__}: {exc}"
        recovery_s = "NOT RECOVERED" if fault.recovery_s is None else f"{fault.recovery_s:.2f} s"
        say(f"[{self.now():6.1f}s]   {fault.kind} at {fault.at_s:.1f}s: recovery {recovery_s} {fault.detail}"
            + (f" ERROR {fault.error}" if fault.error else ""))

    def _probe(self, fault: Fault) -> tuple[Post, asyncio.Task]:
        post, task = self.load.post(f"p{len(self.faults)}", "probe")
        fault.detail["probe"] = post.external_id
        return post, task

    async def _recovered(self, fault: Fault, started: float, probe: tuple[Post, asyncio.Task], *,
                         outbox: bool) -> None:
        """Wait (bounded) for the probe's first workflow task (its moment: Temporal's event time) and, with
        `outbox`, for the API to answer with the outbox caught up (its moment: the poll that saw it, every 0.5 s).
        Recovered at the later of the two; each step's moment goes in the fault's detail, in seconds from
        `started` (run seconds)."""
        post, task = probe
        marks: dict[str, float] = {}

        def mark(name: str, at: float | None = None) -> None:
            marks.setdefault(name, round((self.now() if at is None else at) - started, 2))

        caught_since = None if outbox else started  # run seconds since when the outbox has been caught up
        while self.now() < started + self.options.recovery_timeout:
            if outbox:
                polled, health = self.now(), await self.stack.health()
                if health is not None:
                    mark("api_answers_s")
                    box = health["outbox"]
                    fault.detail["outbox_max_backlog"] = max(fault.detail.get("outbox_max_backlog", 0),
                                                             box["backlog"])
                if health is None or box["lag_seconds"] >= 2.0 or box["failing"]:
                    caught_since = None
                elif caught_since is None:
                    caught_since = polled
                    mark("outbox_caught_up_s", polled)
            if post.accepted_at is not None:
                mark("probe_accepted_s", post.accepted_at)
                if "probe_task_s" not in marks and (done := await self.stack.first_task_done(post.case_id or "")):
                    mark("probe_task_s", self.now.of(done))
            elif task.done():
                fault.error = f"the probe was not accepted: {dict(post.answers)}"
                break
            if caught_since is not None and "probe_task_s" in marks:
                fault.recovery_s = max(marks["probe_task_s"], caught_since - started)
                break
            await asyncio.sleep(0.5)
        fault.detail.update(marks)

    # ---- the kinds --------------------------------------------------------------------------------------------
    async def _worker_kill(self, fault: Fault) -> Awaitable[None]:
        pids = self.stack.worker_pids()
        if not pids:
            raise RuntimeError("no pid in workers.pid")
        victim = random.choice(pids)
        started = self.now()
        kill9(victim)
        fault.detail["pid"] = victim
        probe = self._probe(fault)

        async def recovery() -> None:
            while self.now() < started + self.options.recovery_timeout:
                pids = self.stack.worker_pids()
                if pids and victim not in pids:
                    fault.detail["worker_started_s"] = round(self.now() - started, 2)
                    break
                await asyncio.sleep(0.1)
            await self._recovered(fault, started, probe, outbox=False)

        await asyncio.sleep(1.0)  # the next fault no sooner
        return recovery()

    async def _temporal_restart(self, fault: Fault) -> Awaitable[None]:
        pids = self.stack.temporal_pids()
        if len(pids) != 1:
            raise RuntimeError(f"expected one Temporal server under up, found {pids}")
        log_before = len(self.stack.log_text())
        started = self.now()
        kill9(pids[0])
        self.stack.forget_temporal()
        fault.detail["pid"] = pids[0]
        probe = self._probe(fault)
        # `up` notices and starts it again (after a back-off): the log says so, and a new server runs under up.
        killed = re.compile(rf"the Temporal server \(pid {pids[0]}\) killed by SIGKILL")
        again = re.compile(r"the Temporal server started again: pid (\d+)")
        restarted = None
        while self.now() < started + self.options.temporal_restart_timeout:
            log = self.stack.log_text()[log_before:]
            found = again.search(log)
            if killed.search(log) and found and int(found[1]) in self.stack.temporal_pids():
                restarted = int(found[1])
                break
            await asyncio.sleep(0.2)
        fault.detail["up_restarted_temporal"] = restarted is not None
        if restarted is None:
            fault.error = (f"up did not start the Temporal server again within "
                           f"{self.options.temporal_restart_timeout:g} s (log since the kill: "
                           f"{self.stack.log_text()[log_before:][-400:]!r}); the suite restarted up to go on")
            fault.detail["fallback"] = await self._restart_up(everything=True)
        else:
            fault.detail["new_pid"] = restarted
            fault.detail["up_restarted_s"] = round(self.now() - started, 2)
        return self._recovered(fault, started, probe, outbox=True)

    async def _api_kill(self, fault: Fault) -> Awaitable[None]:
        started = self.now()
        fault.detail.update(await self._restart_up(everything=False))
        return self._recovered(fault, started, self._probe(fault), outbox=True)

    async def _restart_up(self, *, everything: bool) -> dict[str, object]:
        killed = await self.stack.kill_up(everything=everything)
        began = self.now()
        await asyncio.to_thread(self.stack.start)
        return {**killed, "up_start_s": round(self.now() - began, 2)}

    async def _db_lock(self, fault: Fault) -> Awaitable[None]:
        held = asyncio.Event()
        loop = asyncio.get_running_loop()

        def hold() -> float:
            conn = sqlite3.connect(self.stack.db, timeout=20, isolation_level=None)
            try:
                began = time.monotonic()
                conn.execute("BEGIN EXCLUSIVE")
                waited = time.monotonic() - began
                loop.call_soon_threadsafe(held.set)
                time.sleep(self.options.lock_seconds)
                conn.execute("ROLLBACK")
                return waited
            finally:
                conn.close()

        holder = asyncio.create_task(asyncio.to_thread(hold))
        async with asyncio.timeout(30):
            await held.wait()
        locked_at = self.now()
        probe = self._probe(fault)
        fault.detail["lock_wait_s"] = round(await holder, 2)
        released = self.now()
        fault.detail["held_s"] = round(released - locked_at, 2)

        async def recovery() -> None:
            await self._recovered(fault, released, probe, outbox=True)
            during = [(a, answered - sent) for sent, answered, a in self.load.answer_log
                      if locked_at <= sent <= released]
            fault.detail["answers_during_lock"] = dict(Counter(a for a, _ in during))
            fault.detail["slowest_answer_s"] = round(max((lat for _, lat in during), default=0.0), 2)

        return recovery()

    # ---- samples --------------------------------------------------------------------------------------------
    async def sample(self) -> None:
        """A probe every `sample_every` s of the load: accepted -> its workflow's first completed task."""
        if self.options.sample_every <= 0:
            return
        measuring: list[asyncio.Task] = []

        async def one(k: int) -> None:
            entry: list[float | None] = [round(self.now(), 1), None]
            self.samples.append(entry)
            post, task = self.load.post(f"s{k}", "probe")
            await task
            while post.case_id and post.accepted_at is not None and self.now() < post.accepted_at + 240:
                if done := await self.stack.first_task_done(post.case_id):
                    entry[1] = round(self.now.of(done) - post.accepted_at, 2)
                    return
                await asyncio.sleep(1.0)

        while self.now() < self.options.seconds:
            measuring.append(asyncio.create_task(one(len(measuring))))
            await asyncio.sleep(self.options.sample_every)
        if measuring:  # each is bounded; the run cancels what is left when it checks
            await asyncio.wait(measuring, timeout=300)
