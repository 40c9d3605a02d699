"""The FastAPI app factory: the API under /api and the built designer at /."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from temporalio.client import Client
from temporalio.contrib.pydantic import pydantic_data_converter

from api.audit.views import router as audit_router
from api.cases.views import router as cases_router
from api.connectors.schedules import sync_schedules
from api.connectors.views import router as sources_router
from api.customers.views import router as customers_router
from api.db import make_engine
from api.discovery.views import router as discovery_router
from api.experts.views import router as experts_router
from api.flows.drafts import router as drafts_router
from api.flows.views import router as flows_router
from api.mentions.service import redispatch_pending
from api.mentions.views import router as mentions_router
from api.settings import Settings
from api.teams.views import router as teams_router
from api.webhooks.views import router as webhooks_router

log = logging.getLogger("switchboard.api")


async def connect_temporal(settings: Settings) -> Client:
    """A Temporal client speaking our pydantic payloads."""
    return await Client.connect(settings.temporal_address, namespace=settings.temporal_namespace,
                                data_converter=pydantic_data_converter)


def create_app(settings: Settings, *, engine: Engine | None = None, temporal: Client | None = None) -> FastAPI:
    """Build the app; `engine` and `temporal` may be given (tests), else they are made at start-up."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.engine = engine or make_engine(settings.database_url)
        app.state.temporal = temporal or await connect_temporal(settings)
        task = asyncio.create_task(_redispatch(app))
        yield
        task.cancel()

    app = FastAPI(title="Switchboard", version="0.1.0", lifespan=lifespan)
    api = APIRouter(prefix="/api")
    for router in (cases_router, mentions_router, teams_router, flows_router, drafts_router, audit_router,
                   webhooks_router, experts_router, discovery_router, sources_router,
                   customers_router):
        api.include_router(router)

    @api.get("/health", tags=["health"])
    def health() -> dict[str, str]:
        return {"status": "ok"}

    app.include_router(api)
    _serve_designer(app, settings)
    return app


async def _redispatch(app: FastAPI) -> None:
    try:
        count = await redispatch_pending(engine=app.state.engine, temporal=app.state.temporal,
                                         task_queue=app.state.settings.task_queue)
        if count:
            log.info("redelivered %d stored mentions to their case workflows", count)
    except Exception:  # start-up must not fail on it; the next start tries again
        log.exception("redelivery of stored mentions failed")
    try:
        polled = await sync_schedules(engine=app.state.engine, temporal=app.state.temporal,
                                      task_queue=app.state.settings.task_queue)
        if polled:
            log.info("polling schedules in place for %d sources", polled)
    except Exception:
        log.exception("setting the polling schedules failed; the next start tries again")


def _serve_designer(app: FastAPI, settings: Settings) -> None:
    dist = settings.designer_dist
    index = dist / "index.html"
    if not index.is_file():
        log.warning("designer not built (%s missing): only the API is served", index)
        return
    app.mount("/assets", StaticFiles(directory=dist / "assets"), name="assets")

    @app.get("/{path:path}", include_in_schema=False)
    def spa(path: str) -> FileResponse:
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(dist.resolve()):
            return FileResponse(candidate)
        return FileResponse(index)
