"""Single-service commands, for running the API and workers apart (docker-compose, a cluster)."""

from __future__ import annotations

import uvicorn

from api.app import create_app
from api.db import make_engine
from api.db.migrate import migrate
from api.settings import Settings
from cli.up import wait_for_temporal
from workflows.worker import build_worker


def run_api() -> None:
    settings = Settings()
    uvicorn.run(create_app(settings), host=settings.api_host, port=settings.api_port)


async def run_worker() -> None:
    settings = Settings()
    client = await wait_for_temporal(settings, timeout=120)
    worker = build_worker(client, task_queue=settings.task_queue, database_url=settings.database_url)
    await worker.run()


def run_migrate() -> None:
    migrate(make_engine(Settings().database_url))
