"""Single-service commands, for running the API and workers apart (docker-compose, a cluster).

`switchboard worker` is also what `switchboard up` runs in each of its worker processes, so a worker
imports no more than it runs: the API's app (uvicorn, FastAPI, the routes) and the migrations are
imported by `run_api` and `run_migrate` only.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import select
from temporalio.client import Client

from activities.connectors.netguard import parse_networks
from api.security.codec import sealed_converter
from api.settings import Settings
from store.accounts import User
from store.db import make_engine, session_scope
from store.keys import KeyRing
from workflows.worker import build_worker

log = logging.getLogger("switchboard")


async def wait_for_temporal(settings: Settings, keys: KeyRing, *, timeout: float = 60.0,
                            process: subprocess.Popen | None = None) -> Client:
    """Connect, retrying while the server starts; fail clearly if it died or never answered. The client
    is api.app.connect_temporal's (pydantic payloads sealed with the key ring), made without the API."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        try:
            return await Client.connect(settings.temporal_address, namespace=settings.temporal_namespace,
                                        data_converter=sealed_converter(keys))
        except Exception as exc:  # the server is not listening yet
            if process is not None and process.poll() is not None:
                raise SystemExit(f"the embedded Temporal server exited with code {process.returncode}; "
                                 "see its log in the data folder") from exc
            if asyncio.get_running_loop().time() > deadline:
                raise SystemExit(f"Temporal at {settings.temporal_address} did not answer in {timeout:.0f}s") from exc
            await asyncio.sleep(0.2)


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


def run_api() -> None:
    import uvicorn

    from api.app import create_app
    from api.security.limits import MAX_REQUEST_HEAD

    settings = Settings()
    engine = make_engine(settings.database_url)
    hint = first_user_hint(engine, None)
    if hint:
        log.warning(hint)
    uvicorn.run(create_app(settings, engine=engine), host=settings.api_host, port=settings.api_port, http="h11",
                h11_max_incomplete_event_size=MAX_REQUEST_HEAD)


async def run_worker() -> None:
    """One worker on the task queue until SIGTERM or SIGINT, which shut it down cleanly (docker stop,
    `switchboard up` stopping, or `switchboard up` dying: its workers get SIGTERM then)."""
    settings = Settings()
    keys = settings.key_ring()
    client = await wait_for_temporal(settings, keys, timeout=120)
    worker = build_worker(client, task_queue=settings.task_queue, database_url=settings.database_url, keys=keys,
                          connect_allow=parse_networks(settings.connect_allow),
                          tagging_budget_ms=settings.tagging_budget_ms, reimport_workflows=False,
                          smtp=settings.smtp(), share_of_voice=settings.share_of_voice)
    loop = asyncio.get_running_loop()
    stopping: list[asyncio.Task] = []

    def stop(signum: int) -> None:
        if not stopping:
            log.info("worker %d: %s, shutting down", os.getpid(), signal.Signals(signum).name)
            stopping.append(asyncio.create_task(worker.shutdown()))

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop, sig)
    log.info("worker %d: on task queue %s at %s", os.getpid(), settings.task_queue, settings.temporal_address)
    await worker.run()
    if stopping:
        await stopping[0]
    log.info("worker %d: stopped", os.getpid())


def run_migrate() -> None:
    from store.db.migrate import migrate

    migrate(make_engine(Settings().database_url))
