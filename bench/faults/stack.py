"""The `switchboard up` under test: its processes (pids, kills, a start again on the same data), its health,
and a Temporal client to its embedded server. Only processes under the `up` this module started are killed."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from tests.harness.stack import UpProcess, alive, command_of, descendants, start_up, temporal_server_pids


def kill9(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


_RUNTIME: Any = None


def quiet_runtime() -> Any:
    """A Temporal runtime whose core logs (retries against a server killed on purpose) go to Python's logging at
    ERROR instead of the console, so that `--json` output stays one object."""
    global _RUNTIME
    if _RUNTIME is None:
        from temporalio.runtime import LogForwardingConfig, LoggingConfig, Runtime, TelemetryConfig, TelemetryFilter

        _RUNTIME = Runtime(telemetry=TelemetryConfig(logging=LoggingConfig(
            filter=TelemetryFilter(core_level="ERROR", other_level="ERROR"),
            forwarding=LogForwardingConfig(logger=logging.getLogger("bench.faults.temporal")))))
    return _RUNTIME


class Stack:
    """The running `switchboard up --no-demo` of a run; an API kill replaces it by a new one on the same data
    folder (on new ports: `base_url` and the Temporal address change, `starts` counts)."""

    def __init__(self, data_dir: Path, *, workers: int) -> None:
        self.data_dir, self.workers = data_dir, workers
        self.up: UpProcess | None = None
        self.starts = 0
        self.logs: list[Path] = []
        self._temporal: Any = None
        self._temporal_address: str | None = None

    @property
    def base_url(self) -> str:
        assert self.up is not None
        return self.up.base_url

    @property
    def db(self) -> Path:
        return self.data_dir / "switchboard.db"

    def start(self) -> None:
        """Start `up` and wait for its banner (blocking: in a thread while the load goes on)."""
        self.up = start_up(self.data_dir, "--no-demo", "--workers", str(self.workers), timeout=150)
        self.starts += 1
        self.logs.append(self.up.log)

    def log_text(self) -> str:
        assert self.up is not None
        return self.up.output()

    def worker_pids(self) -> list[int]:
        with contextlib.suppress(OSError, ValueError):
            return [int(line) for line in (self.data_dir / "workers.pid").read_text().split()]
        return []

    def temporal_pids(self) -> list[int]:
        """The embedded Temporal server(s) running under `up`."""
        assert self.up is not None
        return temporal_server_pids(self.up)

    async def kill_up(self, *, everything: bool, timeout: float = 30.0) -> dict[str, Any]:
        """kill -9 `up`; with `everything` every process under it too, else they stop on the parent-death
        SIGTERM `up` gave them. Waits (bounded) until all are gone, then kill -9s what is left (ours, by pid)."""
        assert self.up is not None
        process = self.up.process
        under = descendants(process.pid)
        began = time.monotonic()
        kill9(process.pid)
        if everything:
            for pid in under:
                kill9(pid)
        await asyncio.to_thread(process.wait, timeout)
        deadline = time.monotonic() + timeout
        while any(alive(p) for p in under) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        left = [p for p in under if alive(p)]
        for pid in left:
            kill9(pid)
        self.forget_temporal()
        return {"children": len(under), "children_gone_s": round(time.monotonic() - began, 2),
                "killed_after_timeout": len(left)}

    def stop(self) -> list[str]:
        """Ctrl-C `up` as a user would; then kill -9 whatever of it is left. Returns what went wrong."""
        if self.up is None:
            return []
        problems = []
        under = descendants(self.up.process.pid)
        try:
            self.up.stop(timeout=60)
        except AssertionError as exc:
            problems.append(f"up ignored Ctrl-C for 60 s: {str(exc)[-300:]}")
        deadline = time.monotonic() + 20
        while any(alive(p) for p in under) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [p for p in under if alive(p)]
        for pid in left:
            kill9(pid)
        if left:
            problems.append(f"{len(left)} processes of up outlived it by 20 s: {[command_of(p)[:3] for p in left]}")
        return problems

    # ---- what the stack answers ----------------------------------------------------------------------------
    async def temporal(self) -> Any:
        """A client to the current embedded server (plain: only ids, statuses and event types are read)."""
        from temporalio.client import Client

        assert self.up is not None
        if self._temporal is None or self._temporal_address != self.up.temporal_address:
            async with asyncio.timeout(15):
                self._temporal = await Client.connect(self.up.temporal_address, runtime=quiet_runtime())
            self._temporal_address = self.up.temporal_address
        return self._temporal

    def forget_temporal(self) -> None:
        """The server went away: connect afresh next time."""
        self._temporal, self._temporal_address = None, None

    async def first_task_done(self, case_id: str) -> datetime | None:
        """When a worker completed the first workflow task of the case's workflow (Temporal's event time);
        None if not yet (or Temporal does not answer)."""
        from temporalio.api.enums.v1 import EventType
        from temporalio.service import RPCError

        try:
            client = await self.temporal()
            async with asyncio.timeout(5):
                history = await client.get_workflow_handle(f"case-{case_id}").fetch_history()
        except (RPCError, TimeoutError, OSError, RuntimeError):
            return None
        return next((e.event_time.ToDatetime(UTC) for e in history.events
                     if e.event_type == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED), None)

    async def health(self) -> dict[str, Any] | None:
        """GET /api/health on a connection of its own (never queued behind the load's requests); None if the
        API does not answer 200 within 6 s."""
        if self.up is None:
            return None
        try:
            async with asyncio.timeout(6), httpx.AsyncClient(timeout=5) as http:
                answer = await http.get(f"{self.base_url}/api/health")
        except (httpx.HTTPError, TimeoutError):
            return None
        return answer.json() if answer.status_code == 200 else None
