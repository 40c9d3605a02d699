"""The FastAPI app factory: the API under /api and the built designer at /."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from http import HTTPStatus

from fastapi import APIRouter, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.convertors import Convertor, register_url_convertor
from starlette.exceptions import HTTPException as StarletteHTTPException
from temporalio.client import Client

from api.analytics.live import router as live_dashboard_router
from api.analytics.views import router as analytics_router
from api.analytics.voice import router as share_of_voice_router
from api.audit.coverage import AuditCoverage
from api.audit.log import router as audit_log_router
from api.audit.views import router as audit_router
from api.auth.deps import public
from api.auth.tokens import router as tokens_router
from api.auth.users import router as users_router
from api.auth.views import router as auth_router
from api.canned_replies.views import router as canned_replies_router
from api.cases.views import router as cases_router
from api.connectors.schedules import sync_schedules
from api.connectors.views import router as sources_router
from api.crisis.views import router as crisis_router
from api.crisis.watch import watch_at_start
from api.customers.views import router as customers_router
from api.discovery.views import router as discovery_router
from api.errors import validation_error_body
from api.events.views import router as events_router
from api.experts.views import router as experts_router
from api.flows.backtest import router as backtest_router
from api.flows.drafts import router as drafts_router
from api.flows.fields import router as flow_fields_router
from api.flows.testing import router as flow_testing_router
from api.flows.views import router as flows_router
from api.health import Health, health_of, prometheus_text
from api.inbox.views import router as inbox_router
from api.mentions.views import router as mentions_router
from api.openapi import documented
from api.reports.exports import router as exports_router
from api.reports.schedules import sync_report_schedules
from api.reports.views import router as reports_router
from api.security.codec import sealed_converter
from api.security.limits import RequestLimits
from api.security.methods import AllowEveryMethod
from api.security.ratelimit import Limits
from api.security.reseal import reseal_sources
from api.security.views import router as codec_router
from api.settings import Settings
from api.subscriptions.views import router as subscriptions_router
from api.teams.views import router as teams_router
from api.webhooks.sources import WebhookSources
from api.webhooks.views import MAX_BODY as WEBHOOK_MAX_BODY
from api.webhooks.views import router as webhooks_router
from store.audit.checkpoints import CheckpointWriter
from store.db import make_engine
from store.deadlines import DeadlineSweeper
from store.group_commit import GroupCommit
from store.keys import KeyRing
from store.netguard import parse_networks
from store.relay import OutboxRelay
from store.retention.schedule import RetentionJob
from store.rollup_job import RollupJob
from store.webhook_relay import Policy, WebhookRelay

log = logging.getLogger("switchboard.api")


class _PageConvertor(Convertor[str]):
    """A path outside /api (the designer's own routes and files)."""

    regex = r"(?!api(?:/|$)).*"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("page", _PageConvertor())


async def connect_temporal(settings: Settings, keys: KeyRing) -> Client:
    """A Temporal client speaking our pydantic payloads, sealed with the key ring (see api.security.codec)."""
    return await Client.connect(settings.temporal_address, namespace=settings.temporal_namespace,
                                data_converter=sealed_converter(keys))


def create_app(settings: Settings, *, engine: Engine | None = None, temporal: Client | None = None,
               keys: KeyRing | None = None) -> FastAPI:
    """Build the app; `engine`, `temporal` and `keys` may be given (tests), else they are made at start-up."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.limits = Limits(login_per_minute=settings.login_per_minute,
                                  webhook_per_second=settings.webhook_per_second,
                                  import_per_second=settings.import_per_second)
        app.state.keys = keys or settings.key_ring()
        app.state.engine = engine or make_engine(settings.database_url)
        app.state.temporal = temporal or await connect_temporal(settings, app.state.keys)
        app.state.ingest = GroupCommit(engine=app.state.engine, tagging_budget_ms=settings.tagging_budget_ms,
                                       on_commit=lambda: app.state.relay.wake())
        app.state.relay = OutboxRelay(engine=app.state.engine, temporal=app.state.temporal,
                                      task_queue=settings.task_queue, tagging_budget_ms=settings.tagging_budget_ms,
                                      yield_to=app.state.ingest.busy)
        app.state.deadlines = DeadlineSweeper(engine=app.state.engine)
        app.state.webhooks = WebhookRelay(
            engine=app.state.engine, keys=app.state.keys, allow=parse_networks(settings.connect_allow),
            policy=Policy(max_failures=settings.webhook_max_failures, backoff_base=settings.webhook_retry_seconds,
                          pause_after=timedelta(seconds=settings.webhook_pause_after_seconds)))
        app.state.webhook_sources = WebhookSources(engine=app.state.engine, keys=app.state.keys)
        await _at_start(app)
        background = [asyncio.create_task(app.state.relay.run(), name="outbox-relay"),
                      asyncio.create_task(app.state.deadlines.run(), name="deadline-sweeper"),
                      asyncio.create_task(app.state.webhooks.run(), name="webhook-relay"),
                      asyncio.create_task(CheckpointWriter(app.state.engine, app.state.keys).run(),
                                          name="audit-checkpoints"),
                      asyncio.create_task(RetentionJob(app.state.engine, app.state.keys, settings.retention()).run(),
                                          name="retention"),
                      asyncio.create_task(RollupJob(app.state.engine, voice_default=settings.share_of_voice).run(),
                                          name="rollups")]
        yield
        for task in background:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        app.state.webhooks.close()

    app = FastAPI(title="Switchboard", version="0.1.0", lifespan=lifespan)
    app.state.streams_closing = asyncio.Event()  # set before the server stops: live streams end (api.inbox)
    api = APIRouter(prefix="/api")
    # Webhooks first: routes are matched in order, and a spike's posts are most of what the API answers.
    for router in (webhooks_router, auth_router, users_router, tokens_router, codec_router, cases_router,
                   mentions_router, teams_router, flow_fields_router, flows_router, drafts_router, audit_router,
                   audit_log_router, experts_router, backtest_router, flow_testing_router,
                   discovery_router, sources_router, customers_router, inbox_router, canned_replies_router,
                   analytics_router, live_dashboard_router, crisis_router, reports_router, exports_router):
        api.include_router(router)
    for router in (events_router, subscriptions_router):  # events out (issue 17)
        api.include_router(router)
    api.include_router(share_of_voice_router)  # share of voice's names (issue 16)

    @api.get("/health", tags=["health"], response_model=Health,
             openapi_extra=public("says that the API answers, and how far behind the outbox relay is (counts only)"))
    async def health(request: Request) -> Health:
        return await health_of(request.app.state.relay, request.app.state.deadlines)

    @api.get("/metrics", tags=["health"], response_class=PlainTextResponse,
             openapi_extra=public("counts only, in Prometheus' text format"))
    async def metrics(request: Request) -> str:
        return await prometheus_text(request.app.state.relay, request.app.state.deadlines)

    app.include_router(api)
    app.add_middleware(AuditCoverage, strict=settings.audit_strict)  # innermost: it reads the route matched
    app.add_middleware(AllowEveryMethod)
    app.add_middleware(RequestLimits, default_cap=settings.max_body_bytes,
                       caps=[(r"/api/webhooks/[^/]+", WEBHOOK_MAX_BODY),
                             (r"/api/sources/[^/]+/imports", settings.max_import_bytes)])
    if settings.temporal_ui_origin:
        # Only the Temporal UI, and only for the codec: it calls it from the browser with the session cookie.
        app.add_middleware(CORSMiddleware, allow_origins=[settings.temporal_ui_origin], allow_credentials=True,
                           allow_methods=["POST"], allow_headers=["content-type", "x-namespace", "authorization"])
    _serve_designer(app, settings)
    app.openapi = lambda: documented(app, password_min_length=settings.password_min_length)  # type: ignore[method-assign]

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(validation_error_body(list(exc.errors())), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def refused(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        # Ours carry {code, message, path}; the framework's (a body that is not JSON, no such route,
        # a method the route lacks) get the same shape.
        detail = exc.detail if isinstance(exc.detail, dict) else {
            "code": HTTPStatus(exc.status_code).phrase.lower().replace(" ", "_"), "message": str(exc.detail),
            "path": ""}
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)

    return app


async def _at_start(app: FastAPI) -> None:
    """Seal stored secrets and set the polling schedules. A failure stops the start-up, loudly: an API
    running with plaintext secrets or sources nobody polls would fail silently later."""
    sealed = await run_in_threadpool(reseal_sources, engine=app.state.engine, keys=app.state.keys)
    if sealed:
        log.info("sealed %d connector secrets with key %s", sealed, app.state.keys.fingerprint())
    polled = await sync_schedules(engine=app.state.engine, temporal=app.state.temporal,
                                  task_queue=app.state.settings.task_queue)
    if polled:
        log.info("polling schedules in place for %d sources", polled)
    await watch_at_start(engine=app.state.engine, temporal=app.state.temporal,
                         task_queue=app.state.settings.task_queue)
    scheduled = await sync_report_schedules(engine=app.state.engine, temporal=app.state.temporal,
                                            task_queue=app.state.settings.task_queue)
    if scheduled:
        log.info("delivery schedules in place for %d reports", scheduled)


def _serve_designer(app: FastAPI, settings: Settings) -> None:
    dist = settings.designer_dist
    index = dist / "index.html"
    if not index.is_file():
        log.warning("designer not built (%s missing): only the API is served", index)
        return
    app.mount("/assets", StaticFiles(directory=dist / "assets"), name="assets")

    # Every path but /api's: an API path that is no route answers 404 (or 405 for a method it lacks),
    # never the designer's page.
    @app.get("/{path:page}", include_in_schema=False)
    def spa(path: str) -> FileResponse:
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(dist.resolve()):
            return FileResponse(candidate)
        return FileResponse(index)
