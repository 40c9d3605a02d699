"""Sources (connector instances): create, configure, enable, poll now; their cursor and health."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import Engine
from temporalio.service import RPCError

from api.auth.deps import ReadSources, WriteSources
from api.connectors.config import (
    KINDS,
    MASK,
    POLLING_KINDS,
    changed_identity,
    managed,
    open_secrets,
    parse_config,
    public,
    secret_fields,
    set_webhook_token,
    stored,
)
from api.connectors.schedules import ensure_schedule, poll_now
from api.db import session_scope
from api.deps import EngineDep, KeysDep, ListDep, SessionDep, SettingsDep, TemporalDep
from api.errors import ApiError
from api.listing import get_or_404, list_rows
from api.security.keys import KeyRing
from api.sources import Source

router = APIRouter(tags=["sources"])


class SourcePublic(BaseModel):
    id: str
    kind: str
    name: str
    enabled: bool
    config: dict[str, Any] = Field(description="secrets show as ********")
    polls: bool
    cursor: str | None
    healthy: bool
    last_polled_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    consecutive_failures: int


class SourceCreate(BaseModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,99}$", description="lower-case name, e.g. mastodon-acme")
    kind: str = Field(description=f"one of {', '.join(KINDS)}")
    name: str = Field(default="", max_length=200)
    enabled: bool = True
    config: dict[str, Any] = Field(default_factory=dict)


class SourceCreated(SourcePublic):
    webhook_token: str | None = Field(default=None, description=(
        "a webhook source's token for X-Switchboard-Token: shown this once, store it now"))


class WebhookToken(BaseModel):
    webhook_token: str = Field(description="send it in X-Switchboard-Token; shown this once")


class SourceChange(BaseModel):
    name: str | None = Field(default=None, max_length=200)
    enabled: bool | None = None
    config: dict[str, Any] | None = Field(default=None, description="a secret sent back as ******** is kept")


def _public(row: Source) -> SourcePublic:
    return SourcePublic(**row.model_dump(exclude={"config"}), config=public(row.kind, row.config or {}),
                        polls=row.kind in POLLING_KINDS)


def _checked(kind: str, raw: dict[str, Any], keys: KeyRing, kept: dict[str, Any] | None = None) -> dict[str, Any]:
    """The config to store, secrets sealed: checked, with the fields only the API sets taken from `kept`
    (the stored config), never from the request. A secret sent back masked keeps its stored value, unless
    the host, URL or account changed: a secret is never sent where it was not given for."""
    if kind not in KINDS:
        raise ApiError(422, code="unknown_kind", path="kind",
                       message=f"no connector kind {kind!r}; kinds are {', '.join(KINDS)}")
    own, kept = managed(kind), kept or {}
    raw = {**{k: v for k, v in raw.items() if k not in own}, **{k: v for k, v in kept.items() if k in own}}
    moved = changed_identity(kind, kept, raw) if kept else []
    previous = open_secrets(kind, kept, keys)
    for name in secret_fields(kind):
        if raw.get(name) == MASK:
            if moved:
                del raw[name]
            else:
                raw[name] = previous.get(name)
    try:
        return stored(parse_config(kind, raw), keys)
    except ValidationError as exc:
        why = f" (the stored secrets were dropped: {', '.join(moved)} changed; give them again)" if moved else ""
        errors = [{"code": "invalid_config", "path": ".".join(["config", *map(str, e["loc"])]),
                   "message": e["msg"] + (why if e["type"] == "missing" else "")} for e in exc.errors()]
        raise ApiError(422, code="invalid_config", path=errors[0]["path"], message=errors[0]["message"],
                       errors=errors) from exc


@router.get("/sources", response_model=list[SourcePublic])
def list_sources(_: ReadSources, session: SessionDep, response: Response, params: ListDep) -> list[SourcePublic]:
    rows = list_rows(session, response, params, table=Source, resource="sources", filterable=("kind", "enabled",
                                                                                             "healthy"),
                     searchable=("name",))
    return [_public(r) for r in rows]


@router.get("/sources/{source_id}", response_model=SourcePublic)
def get_source(_: ReadSources, session: SessionDep, source_id: str) -> SourcePublic:
    return _public(get_or_404(session, Source, source_id, resource="source"))


@router.post("/sources", response_model=SourceCreated, status_code=status.HTTP_201_CREATED)
async def create_source(_: WriteSources, body: SourceCreate, engine: EngineDep, temporal: TemporalDep,
                        settings: SettingsDep, keys: KeysDep) -> SourceCreated:
    """A new source; a webhook source authenticated by token answers its token, this once."""
    config = _checked(body.kind, body.config, keys)
    token = None
    if body.kind == "webhook" and config.get("auth", "token") == "token":
        token = secrets.token_urlsafe(32)
        config = set_webhook_token(config, token)
    row = await run_in_threadpool(_create, engine, body, config)
    await _schedule(temporal, settings.task_queue, row, poll=True)
    return SourceCreated(**_public(row).model_dump(), webhook_token=token)


def _create(engine: Engine, body: SourceCreate, config: dict[str, Any]) -> Source:
    with session_scope(engine) as session:
        if session.get(Source, body.id) is not None:
            raise ApiError(409, code="exists", path="id", message=f"a source named {body.id!r} exists; "
                                                                   "change it with PATCH /api/sources/{id}")
        row = Source(id=body.id, kind=body.kind, name=body.name or body.id, enabled=body.enabled, config=config)
        session.add(row)
    return row


@router.patch("/sources/{source_id}", response_model=SourcePublic)
async def change_source(_: WriteSources, source_id: Annotated[str, Path(max_length=100)], body: SourceChange,
                        engine: EngineDep, temporal: TemporalDep, settings: SettingsDep,
                        keys: KeysDep) -> SourcePublic:
    row = await run_in_threadpool(_change, engine, source_id, body, keys)
    await _schedule(temporal, settings.task_queue, row, poll=False)
    return _public(row)


def _change(engine: Engine, source_id: str, body: SourceChange, keys: KeyRing) -> Source:
    with session_scope(engine) as session:
        row = get_or_404(session, Source, source_id, resource="source")
        if body.config is not None:
            row.config = _checked(row.kind, body.config, keys, kept=row.config or {})
        if body.name is not None:
            row.name = body.name
        if body.enabled is not None:
            row.enabled = body.enabled
        session.add(row)
    return row


@router.post("/sources/{source_id}/webhook-token", response_model=WebhookToken)
def new_webhook_token(_: WriteSources, source_id: Annotated[str, Path(max_length=100)],
                      engine: EngineDep) -> WebhookToken:
    """A new token for a webhook source (its auth becomes `token`); the old one stops working at once."""
    token = secrets.token_urlsafe(32)
    with session_scope(engine) as session:
        row = get_or_404(session, Source, source_id, resource="source")
        if row.kind != "webhook":
            raise ApiError(409, code="not_a_webhook", path="source_id",
                           message=f"source {source_id!r} is a {row.kind} source; only webhook sources take tokens")
        row.config = set_webhook_token(row.config or {}, token)
        session.add(row)
    return WebhookToken(webhook_token=token)


@router.post("/sources/{source_id}/poll", status_code=status.HTTP_202_ACCEPTED)
async def poll_source(_: WriteSources, source_id: Annotated[str, Path(max_length=100)], session: SessionDep,
                      temporal: TemporalDep) -> dict[str, str]:
    row = get_or_404(session, Source, source_id, resource="source")
    if row.kind not in POLLING_KINDS:
        raise ApiError(409, code="not_polled", path="source_id",
                       message=f"{row.kind} sources push their mentions; only {', '.join(sorted(POLLING_KINDS))} poll")
    if not row.enabled:
        raise ApiError(409, code="disabled", path="source_id", message="the source is disabled; enable it first")
    try:
        await poll_now(temporal, source_id)
    except RPCError as exc:
        raise ApiError(503, code="workflow_service_unavailable", path="",
                       message=f"the workflow service did not take the poll ({exc.message}); try again") from exc
    return {"status": "polling"}


async def _schedule(temporal: Any, task_queue: str, row: Source, *, poll: bool) -> None:
    try:
        await ensure_schedule(temporal, task_queue, row, poll_now=poll)
    except RPCError as exc:
        raise ApiError(503, code="workflow_service_unavailable", path="",
                       message=f"source {row.id} is saved, but its polling schedule could not be set "
                               f"({exc.message}); it is set at the next start-up") from exc
