"""Single-service commands, for running the API and workers apart (docker-compose, a cluster)."""

from __future__ import annotations

import logging

import uvicorn

from activities.netguard import parse_networks
from api.app import create_app
from api.security.limits import MAX_REQUEST_HEAD
from api.settings import Settings
from cli.up import first_user_hint, wait_for_temporal
from store.db import make_engine
from store.db.migrate import migrate
from workflows.worker import build_worker

log = logging.getLogger("switchboard")


def run_api() -> None:
    settings = Settings()
    engine = make_engine(settings.database_url)
    hint = first_user_hint(engine, None)
    if hint:
        log.warning(hint)
    uvicorn.run(create_app(settings, engine=engine), host=settings.api_host, port=settings.api_port, http="h11",
                h11_max_incomplete_event_size=MAX_REQUEST_HEAD)


async def run_worker() -> None:
    settings = Settings()
    keys = settings.key_ring()
    client = await wait_for_temporal(settings, keys, timeout=120)
    worker = build_worker(client, task_queue=settings.task_queue, database_url=settings.database_url, keys=keys,
                          connect_allow=parse_networks(settings.connect_allow),
                          tagging_budget_ms=settings.tagging_budget_ms)
    await worker.run()


def run_migrate() -> None:
    migrate(make_engine(Settings().database_url))
