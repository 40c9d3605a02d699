"""`switchboard up`: everything on one machine, in one command."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import uvicorn
from temporalio.client import Client

from api.app import connect_temporal, create_app
from api.db import make_engine
from api.db.migrate import migrate
from api.demo import demo_mentions, seed
from api.settings import Settings
from cli.temporal_server import dev_server_command
from workflows.worker import build_worker


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: the supervisor owns SIGINT/SIGTERM."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


async def wait_for_temporal(settings: Settings, *, timeout: float = 60.0,
                            process: subprocess.Popen | None = None) -> Client:
    """Connect, retrying while the server starts; fail clearly if it died or never answered."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        try:
            return await connect_temporal(settings)
        except Exception as exc:  # the server is not listening yet
            if process is not None and process.poll() is not None:
                raise SystemExit(f"the embedded Temporal server exited with code {process.returncode}; "
                                 "see its log in the data folder") from exc
            if asyncio.get_running_loop().time() > deadline:
                raise SystemExit(f"Temporal at {settings.temporal_address} did not answer in {timeout:.0f}s") from exc
            await asyncio.sleep(0.2)


async def post_demo_mentions(base_url: str) -> int:
    """Post the demo mentions through the public webhook, as a connector would; returns how many were new."""
    created = 0
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        for mention in demo_mentions():
            body = {k: v for k, v in mention.items() if k != "source"}
            response = await http.post(f"/api/webhooks/{mention['source']}", json=body)
            response.raise_for_status()
            created += response.status_code == 201
            await asyncio.sleep(0.2)  # let a reply find its parent's case
    return created


def _die_with_parent() -> None:
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG (Linux)
    except OSError:
        pass


async def up(*, data_dir: Path, port: int, host: str, temporal_port: int, temporal_ui_port: int,
             embedded_temporal: bool, demo: bool) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(api_port=port, api_host=host)
    if not {"DATABASE_URL", "SWITCHBOARD_DATABASE_URL"} & os.environ.keys():
        settings.database_url = f"sqlite:///{data_dir.resolve() / 'switchboard.db'}"
    process = None
    if embedded_temporal:
        settings.temporal_address = f"127.0.0.1:{temporal_port}"
        log = (data_dir / "temporal.log").open("ab")
        command = dev_server_command(db_file=data_dir.resolve() / "temporal.db", port=temporal_port,
                                     ui_port=temporal_ui_port)
        # Its own process group: a terminal's Ctrl-C reaches us only, and we stop it after the
        # worker has drained; the parent-death signal stops it should we be killed outright.
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                   preexec_fn=_die_with_parent)
    try:
        await _serve(settings, process, demo=demo, temporal_ui_port=temporal_ui_port if process else None)
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


async def _serve(settings: Settings, process: subprocess.Popen | None, *, demo: bool,
                 temporal_ui_port: int | None) -> None:
    client = await wait_for_temporal(settings, process=process)
    engine = make_engine(settings.database_url)
    migrate(engine)
    seed(engine)
    worker = build_worker(client, task_queue=settings.task_queue, database_url=settings.database_url)
    app = create_app(settings, engine=engine, temporal=client)
    server = _Server(uvicorn.Config(app, host=settings.api_host, port=settings.api_port, log_level="warning"))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    worker_task = asyncio.create_task(worker.run())
    server_task = asyncio.create_task(server.serve())
    while not server.started and not server_task.done():
        await asyncio.sleep(0.05)
    if server_task.done():
        await server_task
        raise SystemExit(f"the API could not start on {settings.api_host}:{settings.api_port}")
    base = f"http://{settings.api_host}:{settings.api_port}"
    if demo:
        created = await post_demo_mentions(base)
        print(f"demo: {created} new mentions posted")
    print(f"Switchboard is up.\n  designer:    {base}/\n  API:         {base}/api  (docs: {base}/docs)")
    if temporal_ui_port:
        print(f"  Temporal UI: http://127.0.0.1:{temporal_ui_port}")
    print("Ctrl-C stops everything.", flush=True)
    stopper = asyncio.create_task(stop.wait())
    await asyncio.wait({stopper, worker_task, server_task}, return_when=asyncio.FIRST_COMPLETED)
    print("stopping...", flush=True)
    server.should_exit = True
    await server_task
    if not worker_task.done():
        await worker.shutdown()
    stopper.cancel()
