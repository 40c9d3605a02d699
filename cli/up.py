"""`switchboard up`: everything on one machine, in one command.

Processes: this one (migrations, demo data, the API and designer, and the supervisor of the others),
the embedded Temporal dev server, and `--workers N` worker processes (`switchboard worker`, all on the
task queue), so the API's event loop and the workflows share no GIL and a worker can be killed alone.
A worker or the embedded Temporal server that dies is started again (the outbox holds what arrives
meanwhile). All of them stop with this one, and die with it.

The API's modules are imported where they are used, after the workers have been started: a worker
process takes seconds to import and connect, and the first case waits for one.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from api.settings import Settings
from cli.datadir import settings_environment, settings_for
from cli.temporal_server import dev_server_command
from store.db import make_engine
from store.db.migrate import migrate

if TYPE_CHECKING:
    import uvicorn
    from fastapi import FastAPI
    from temporalio.client import Client

log = logging.getLogger("switchboard")

WORKER_COMMAND = (sys.executable, "-m", "cli.main", "worker")
WORKERS_PID_FILE = "workers.pid"


def _api_server(app: FastAPI, settings: Settings, tls: tuple[Path | None, Path | None]) -> uvicorn.Server:
    """uvicorn without its own signal handling: `up` owns SIGINT/SIGTERM."""
    import uvicorn

    from api.security.limits import MAX_REQUEST_HEAD

    class Server(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            yield

    cert, key = tls
    return Server(uvicorn.Config(app, host=settings.api_host, port=settings.api_port, log_level="warning",
                                 ssl_certfile=str(cert) if cert else None, ssl_keyfile=str(key) if key else None,
                                 http="h11", h11_max_incomplete_event_size=MAX_REQUEST_HEAD))


async def post_demo_mentions(app: FastAPI, webhook_token: str) -> int:
    """Post the demo mentions through the webhook route, as a connector would (in process, so a TLS
    certificate for another name does not stand in the way); returns how many were new."""
    import httpx

    from api.demo import demo_mentions

    created = 0
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://switchboard.local",
                                 timeout=30, headers={"X-Switchboard-Token": webhook_token}) as http:
        for mention in demo_mentions():
            body = {k: v for k, v in mention.items() if k != "source"}
            response = await http.post(f"/api/webhooks/{mention['source']}", json=body)
            response.raise_for_status()
            created += response.status_code == 201
            await asyncio.sleep(0.2)  # let a reply find its parent's case
    return created


_prctl = None


def _die_with_parent() -> None:
    """In a child between fork and exec: ask for SIGTERM when the parent dies (PR_SET_PDEATHSIG, Linux).
    libc is opened in the parent beforehand (`_ready_to_die_with_parent`): no dlopen in a forked child."""
    if _prctl is not None:
        _prctl(1, signal.SIGTERM)


def _ready_to_die_with_parent() -> None:
    global _prctl
    if _prctl is None:
        with contextlib.suppress(OSError, AttributeError):
            _prctl = ctypes.CDLL("libc.so.6", use_errno=True).prctl


def _spawn(command: Sequence[str], *, log_file: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """A child in its own session (a terminal's Ctrl-C reaches us only, and we stop it in order), writing
    to `log_file`, and sent SIGTERM should we die outright. Called on the event loop's thread: the
    parent-death signal follows the thread that forked, which lives as long as we do."""
    _ready_to_die_with_parent()
    with log_file.open("ab") as out:
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True, preexec_fn=_die_with_parent)


def _exit_description(code: int) -> str:
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
    return f"exited with code {code}"


class Child:
    """One child process `switchboard up` keeps running: started again, after a short back-off, whenever
    it exits. Each quick exit doubles the back-off, up to 30 s; one that ran a minute starts from 0.5 s."""

    FIRST_DELAY, MAX_DELAY, STEADY_SECONDS = 0.5, 30.0, 60.0

    def __init__(self, name: str, command: Sequence[str], *, log_file: Path, env: dict[str, str] | None = None) -> None:
        self.name, self.command, self.log_file, self.env = name, tuple(command), log_file, env
        self.process: subprocess.Popen | None = None
        self._started = 0.0
        self._delay = self.FIRST_DELAY
        self._restart_at: float | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None, f"{self.name} was never started"
        return self.process.pid

    def start(self) -> None:
        self.process = _spawn(self.command, log_file=self.log_file, env=self.env)
        self._started, self._restart_at = time.monotonic(), None

    def exited(self) -> int | None:
        return self.process.poll() if self.process is not None else None

    def tend(self, now: float) -> bool:
        """Notice an exit (and plan the restart), or restart when its time has come: True if restarted."""
        if self._restart_at is None:
            code = self.exited()
            if code is None:
                return False
            ran = now - self._started
            delay = self.FIRST_DELAY if ran >= self.STEADY_SECONDS else self._delay
            self._delay = min(delay * 2, self.MAX_DELAY)
            self._restart_at = now + delay
            log.warning("%s (pid %d) %s after %.0fs; starting it again in %.1fs (see %s)", self.name, self.pid,
                        _exit_description(code), ran, delay, self.log_file)
            return False
        if now < self._restart_at:
            return False
        self.start()
        log.warning("%s started again: pid %d", self.name, self.pid)
        return True

    def terminate(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()

    def kill(self, waited: float) -> None:
        if self.process is not None and self.process.poll() is None:
            log.warning("%s (pid %d) did not stop in %.0fs: killing it", self.name, self.pid, waited)
            self.process.kill()
            self.process.wait()


async def supervise(children: Sequence[Child], *, restarted: Callable[[Child], None] = lambda child: None) -> None:
    """Keep every child running (until cancelled)."""
    while True:
        await asyncio.sleep(0.1)
        now = time.monotonic()
        for child in children:
            if child.tend(now):
                restarted(child)


async def stop_children(children: Sequence[Child], timeout: float = 15.0) -> None:
    """SIGTERM (each shuts down cleanly), then wait, then SIGKILL what is left."""
    for child in children:
        child.terminate()
    deadline = time.monotonic() + timeout
    while any(child.exited() is None for child in children) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    for child in children:
        child.kill(timeout)


class Workers:
    """`count` worker processes, `switchboard worker` with the API's settings, on one task queue; their
    pids in `workers.pid` (one a line) and their output in `worker-<n>.log`, in the data folder."""

    def __init__(self, count: int, *, settings: Settings, data_dir: Path) -> None:
        self.count, self.settings, self.data_dir = count, settings, data_dir
        env = settings_environment(settings, os.environ)
        self.children = [Child(f"worker {n + 1}", WORKER_COMMAND, log_file=data_dir / f"worker-{n + 1}.log", env=env)
                         for n in range(count)]

    @property
    def pids(self) -> list[int]:
        return [child.pid for child in self.children]

    def start(self) -> None:
        for child in self.children:
            child.start()
        self.write_pids()

    def write_pids(self) -> None:
        path = self.data_dir / WORKERS_PID_FILE
        temporary = path.with_suffix(".tmp")
        temporary.write_text("".join(f"{pid}\n" for pid in self.pids))
        temporary.replace(path)

    async def wait_ready(self, client: Client, *, stop: asyncio.Event, timeout: float = 60.0) -> bool:
        """Until Temporal lists every worker process as polling the task queue for workflow and for
        activity tasks (a worker's identity is `pid@host`): True then, False if `stop` is set first;
        fail clearly if a worker exits first, or is not polling after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while not stop.is_set():
            polling = await task_queue_pollers(client, self.settings.task_queue)
            if all(any(identity.startswith(f"{pid}@") for identity in polling) for pid in self.pids):
                return True
            for child in self.children:
                if (code := child.exited()) is not None:
                    raise SystemExit(f"{child.name} {_exit_description(code)} before it polled the task queue; "
                                     f"see {child.log_file}")
            if time.monotonic() > deadline:
                raise SystemExit(f"the workers did not poll the task queue in {timeout:.0f}s; see "
                                 f"{self.data_dir / 'worker-*.log'}")
            await asyncio.sleep(0.1)
        return False

    async def stop(self, timeout: float = 15.0) -> None:
        await stop_children(self.children, timeout)
        (self.data_dir / WORKERS_PID_FILE).unlink(missing_ok=True)


async def task_queue_pollers(client: Client, task_queue: str) -> set[str]:
    """The identities Temporal saw polling `task_queue` lately for both workflow and activity tasks."""
    from temporalio.api.enums.v1 import TaskQueueKind, TaskQueueType
    from temporalio.api.taskqueue.v1 import TaskQueue
    from temporalio.api.workflowservice.v1 import DescribeTaskQueueRequest
    from temporalio.service import RPCError

    seen: list[set[str]] = []
    for kind in (TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY):
        try:
            answer = await client.workflow_service.describe_task_queue(DescribeTaskQueueRequest(
                namespace=client.namespace, task_queue_type=kind,
                task_queue=TaskQueue(name=task_queue, kind=TaskQueueKind.TASK_QUEUE_KIND_NORMAL)))
        except RPCError:
            return set()
        seen.append({poller.identity for poller in answer.pollers})
    return set.intersection(*seen)


def demo_banner(webhook_token: str) -> str:
    from api.demo import DEMO_PASSWORD, demo_accounts

    accounts = "\n".join(f"    {u['email']:<22} {u['role']}" + (f" ({', '.join(u['teams'])})" if u["teams"] else "")
                         for u in demo_accounts())
    return (f"  demo accounts (password: {DEMO_PASSWORD}; for trying out only, `--no-demo` makes none):\n"
            f"{accounts}\n"
            f"  demo webhook token (twitter, facebook, instagram; new at each start): {webhook_token}\n"
            "    send it as X-Switchboard-Token")


async def up(*, data_dir: Path, port: int, host: str, temporal_port: int, temporal_ui_port: int,
             embedded_temporal: bool, demo: bool, tls: tuple[Path | None, Path | None] = (None, None),
             workers: int = 1) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = settings_for(data_dir)
    settings.api_port, settings.api_host = port, host
    temporal = None
    if embedded_temporal:
        settings.temporal_address = f"127.0.0.1:{temporal_port}"
        scheme = "https" if tls[0] else "http"
        command = dev_server_command(db_file=data_dir.resolve() / "temporal.db", port=temporal_port,
                                     ui_port=temporal_ui_port, codec_endpoint=f"{scheme}://{host}:{port}/api/codec")
        settings.temporal_ui_origin = f"http://127.0.0.1:{temporal_ui_port}"
        temporal = Child("the Temporal server", command, log_file=data_dir / "temporal.log")
        temporal.start()
    pool = Workers(workers, settings=settings, data_dir=data_dir)
    try:
        await _serve(settings, temporal, pool, demo=demo, temporal_ui_port=temporal_ui_port if temporal else None,
                     data_dir=data_dir, tls=tls)
    finally:
        await pool.stop()  # the workers drain while Temporal still answers
        if temporal is not None:
            await stop_children([temporal])


async def _serve(settings: Settings, temporal: Child | None, workers: Workers, *, demo: bool,
                 temporal_ui_port: int | None, data_dir: Path, tls: tuple[Path | None, Path | None]) -> None:
    keys = settings.key_ring(create=True)  # made before the workers start: they open the same key file
    engine = make_engine(settings.database_url)
    migrate(engine)  # before the workers start: their activities use the read side
    workers.start()  # they import and connect to Temporal while we do
    from api.app import create_app
    from api.demo import seed
    from cli.services import first_user_hint, wait_for_temporal

    client = await wait_for_temporal(settings, keys, process=temporal.process if temporal else None)
    webhook_token = secrets.token_urlsafe(24) if demo else None
    seed(engine, accounts=demo, webhook_token=webhook_token)
    app = create_app(settings, engine=engine, temporal=client, keys=keys)
    server = _api_server(app, settings, tls)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    server_task = asyncio.create_task(server.serve())
    while not server.started and not server_task.done():
        await asyncio.sleep(0.05)
    if server_task.done():
        await server_task
        raise SystemExit(f"the API could not start on {settings.api_host}:{settings.api_port}")
    stopper = asyncio.create_task(stop.wait())
    supervisor = None
    if await workers.wait_ready(client, stop=stop):  # the demo's cases need a worker
        supervisor = asyncio.create_task(supervise(
            [*([temporal] if temporal else []), *workers.children],
            restarted=lambda child: workers.write_pids() if child in workers.children else None))
        base = f"{'https' if tls[0] else 'http'}://{settings.api_host}:{settings.api_port}"
        if webhook_token is not None:
            created = await post_demo_mentions(app, webhook_token)
            print(f"demo: {created} new mentions posted")
        print(f"Switchboard is up.\n  designer:    {base}/\n  API:         {base}/api  (docs: {base}/docs)")
        if temporal_ui_port:
            print(f"  Temporal UI: http://127.0.0.1:{temporal_ui_port}")
        print(f"  workers:     {workers.count} (pids {', '.join(map(str, workers.pids))}; "
              f"logs: {data_dir / 'worker-<n>.log'})")
        if webhook_token is not None:
            print(demo_banner(webhook_token))
        hint = first_user_hint(engine, data_dir)
        if hint:
            print(hint)
        print("Ctrl-C stops everything.", flush=True)
        await asyncio.wait({stopper, supervisor, server_task}, return_when=asyncio.FIRST_COMPLETED)
    print("stopping...", flush=True)
    app.state.streams_closing.set()  # the designers' live streams end, or the server would wait for them
    server.should_exit = True
    if supervisor is not None and not supervisor.done():
        supervisor.cancel()
    await server_task
    stopper.cancel()
    if supervisor is not None and supervisor.done() and not supervisor.cancelled():
        supervisor.result()  # it failed (could not start a process): say why
