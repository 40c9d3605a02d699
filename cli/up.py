"""`switchboard up`: everything on one machine, in one command."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import secrets
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import select
from temporalio.client import Client

from activities.netguard import parse_networks
from api.app import connect_temporal, create_app
from api.demo import DEMO_PASSWORD, demo_accounts, demo_mentions, seed
from api.security.limits import MAX_REQUEST_HEAD
from api.settings import Settings
from cli.datadir import settings_for
from cli.temporal_server import dev_server_command
from store.accounts import User
from store.db import make_engine, session_scope
from store.db.migrate import migrate
from store.keys import KeyRing
from workflows.worker import build_worker


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: the supervisor owns SIGINT/SIGTERM."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


async def wait_for_temporal(settings: Settings, keys: KeyRing, *, timeout: float = 60.0,
                            process: subprocess.Popen | None = None) -> Client:
    """Connect, retrying while the server starts; fail clearly if it died or never answered."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        try:
            return await connect_temporal(settings, keys)
        except Exception as exc:  # the server is not listening yet
            if process is not None and process.poll() is not None:
                raise SystemExit(f"the embedded Temporal server exited with code {process.returncode}; "
                                 "see its log in the data folder") from exc
            if asyncio.get_running_loop().time() > deadline:
                raise SystemExit(f"Temporal at {settings.temporal_address} did not answer in {timeout:.0f}s") from exc
            await asyncio.sleep(0.2)


async def post_demo_mentions(app: FastAPI, webhook_token: str) -> int:
    """Post the demo mentions through the webhook route, as a connector would (in process, so a TLS
    certificate for another name does not stand in the way); returns how many were new."""
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


def _die_with_parent() -> None:
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG (Linux)
    except OSError:
        pass


def first_user_hint(engine: Engine, data_dir: Path | None) -> str | None:
    """What to run when nobody can log in yet (no users), else None."""
    try:
        with session_scope(engine, write=False) as session:
            if session.exec(select(User.id).limit(1)).first() is not None:
                return None
    except SQLAlchemyError:  # not migrated yet: `switchboard migrate` comes first
        return None
    where = f" --data-dir {data_dir}" if data_dir is not None else ""
    return ("No users yet, so nobody can log in. Create the first admin (the password is prompted for):\n"
            f"  switchboard users add you@example.com --role admin{where}")


def demo_banner(webhook_token: str) -> str:
    accounts = "\n".join(f"    {u['email']:<22} {u['role']}" + (f" ({', '.join(u['teams'])})" if u["teams"] else "")
                         for u in demo_accounts())
    return (f"  demo accounts (password: {DEMO_PASSWORD}; for trying out only, `--no-demo` makes none):\n"
            f"{accounts}\n"
            f"  demo webhook token (twitter, facebook, instagram; new at each start): {webhook_token}\n"
            "    send it as X-Switchboard-Token")


async def up(*, data_dir: Path, port: int, host: str, temporal_port: int, temporal_ui_port: int,
             embedded_temporal: bool, demo: bool, tls: tuple[Path | None, Path | None] = (None, None)) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = settings_for(data_dir)
    settings.api_port, settings.api_host = port, host
    process = None
    if embedded_temporal:
        settings.temporal_address = f"127.0.0.1:{temporal_port}"
        log = (data_dir / "temporal.log").open("ab")
        scheme = "https" if tls[0] else "http"
        command = dev_server_command(db_file=data_dir.resolve() / "temporal.db", port=temporal_port,
                                     ui_port=temporal_ui_port, codec_endpoint=f"{scheme}://{host}:{port}/api/codec")
        settings.temporal_ui_origin = f"http://127.0.0.1:{temporal_ui_port}"
        # Its own process group: a terminal's Ctrl-C reaches us only, and we stop it after the
        # worker has drained; the parent-death signal stops it should we be killed outright.
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                   preexec_fn=_die_with_parent)
    try:
        await _serve(settings, process, demo=demo, temporal_ui_port=temporal_ui_port if process else None,
                     data_dir=data_dir, tls=tls)
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


async def _serve(settings: Settings, process: subprocess.Popen | None, *, demo: bool,
                 temporal_ui_port: int | None, data_dir: Path, tls: tuple[Path | None, Path | None]) -> None:
    keys = settings.key_ring(create=True)
    client = await wait_for_temporal(settings, keys, process=process)
    engine = make_engine(settings.database_url)
    migrate(engine)
    webhook_token = secrets.token_urlsafe(24) if demo else None
    seed(engine, accounts=demo, webhook_token=webhook_token)
    worker = build_worker(client, task_queue=settings.task_queue, database_url=settings.database_url, keys=keys,
                          connect_allow=parse_networks(settings.connect_allow),
                          tagging_budget_ms=settings.tagging_budget_ms)
    app = create_app(settings, engine=engine, temporal=client, keys=keys)
    cert, key = tls
    server = _Server(uvicorn.Config(app, host=settings.api_host, port=settings.api_port, log_level="warning",
                                    ssl_certfile=str(cert) if cert else None, ssl_keyfile=str(key) if key else None,
                                    http="h11", h11_max_incomplete_event_size=MAX_REQUEST_HEAD))
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
    base = f"{'https' if cert else 'http'}://{settings.api_host}:{settings.api_port}"
    if webhook_token is not None:
        created = await post_demo_mentions(app, webhook_token)
        print(f"demo: {created} new mentions posted")
    print(f"Switchboard is up.\n  designer:    {base}/\n  API:         {base}/api  (docs: {base}/docs)")
    if temporal_ui_port:
        print(f"  Temporal UI: http://127.0.0.1:{temporal_ui_port}")
    if webhook_token is not None:
        print(demo_banner(webhook_token))
    hint = first_user_hint(engine, data_dir)
    if hint:
        print(hint)
    print("Ctrl-C stops everything.", flush=True)
    stopper = asyncio.create_task(stop.wait())
    await asyncio.wait({stopper, worker_task, server_task}, return_when=asyncio.FIRST_COMPLETED)
    print("stopping...", flush=True)
    server.should_exit = True
    await server_task
    if not worker_task.done():
        await worker.shutdown()
    stopper.cancel()
