"""Sources (connector instances): create, configure, enable, poll now; their cursor and health."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, ValidationError, WrapValidator
from sqlalchemy import Engine
from temporalio.service import RPCError

from api.audit.trail import record, record_apart
from api.auth.deps import ReadSources, WriteSources
from api.auth.principal import Principal
from api.connectors.schedules import ensure_schedule, poll_now
from api.deps import EngineDep, KeysDep, SessionDep, SettingsDep, TemporalDep, WebhookSourcesDep
from api.errors import ApiError, refusal
from api.listing import Listing, ListParams, get_or_404, list_rows
from store.connector_config import (
    KINDS,
    MASK,
    POLLING_KINDS,
    EmailConfig,
    FileConfig,
    Kind,
    KindConfig,
    MastodonConfig,
    RssConfig,
    WebhookConfig,
    changed_identity,
    managed,
    open_secrets,
    parse_config,
    public,
    secret_fields,
    secrets_of,
    set_webhook_token,
    stored,
)
from store.db import session_scope
from store.keys import KeyRing
from store.sources import Source

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


def documented_as(shape: Any) -> WrapValidator:
    """Checked as the annotated type, documented as `shape`. A config is checked by `_checked` (which names each
    problem `config.<field>`, and knows the stored source), against the same models `shape` documents."""
    return WrapValidator(lambda value, handler: handler(value), json_schema_input_type=shape)


class SourceFields(BaseModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,99}$", description="lower-case name, e.g. mastodon-acme")
    name: str = Field(default="", max_length=200, description="default: the id")
    enabled: bool = Field(default=True, strict=True)


def _secrets_given(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """A new source has no stored secret for ******** to keep: its secrets are the secrets themselves."""
    config = model.model_fields["config"].annotation
    names = secrets_of(config) if isinstance(config, type) and issubclass(config, KindConfig) else ()
    if names:
        schema["properties"]["config"] = {"allOf": [schema["properties"]["config"], {
            "properties": {name: {"not": {"const": MASK}} for name in names}}]}


class NewSourceOfKind(SourceFields):
    """A new source of one kind, as the document shows POST /api/sources (SourceCreate is how it is checked)."""

    model_config = ConfigDict(json_schema_extra=_secrets_given)


class NewWebhookSource(NewSourceOfKind):
    kind: Literal["webhook"]
    config: WebhookConfig = Field(default_factory=WebhookConfig)


class NewRssSource(NewSourceOfKind):
    kind: Literal["rss"]
    config: RssConfig


class NewMastodonSource(NewSourceOfKind):
    kind: Literal["mastodon"]
    config: MastodonConfig


class NewEmailSource(NewSourceOfKind):
    kind: Literal["email"]
    config: EmailConfig


class NewFileSource(NewSourceOfKind):
    kind: Literal["file"]
    config: FileConfig = Field(default_factory=FileConfig)


# What POST /api/sources takes: one variant per kind, with that kind's config.
NewSource = Annotated[NewWebhookSource | NewRssSource | NewMastodonSource | NewEmailSource | NewFileSource,
                      Field(discriminator="kind")]
AnyConfig = WebhookConfig | RssConfig | MastodonConfig | EmailConfig | FileConfig


class SourceCreate(SourceFields):
    """POST /api/sources as it is checked: the config by `_checked`, against the kind's model (documented as
    NewSource)."""

    kind: Kind
    config: dict[str, Any] = Field(default_factory=dict)


class SourceCreated(SourcePublic):
    webhook_token: str | None = Field(default=None, description=(
        "a webhook source's token for X-Switchboard-Token: shown this once, store it now"))


class WebhookToken(BaseModel):
    webhook_token: str = Field(description="send it in X-Switchboard-Token; shown this once")


class SourceChange(BaseModel):
    name: str | None = Field(default=None, max_length=200)
    enabled: bool | None = Field(default=None, strict=True)
    config: Annotated[dict[str, Any] | None, documented_as(AnyConfig | None)] = Field(default=None, description=(
        "the whole config, of the source's kind (another kind's answers 409); a secret sent back as ******** keeps "
        "the stored one (409 if none is stored, or if the host, URL or account changed)"))


def _public(row: Source) -> SourcePublic:
    return SourcePublic(**row.model_dump(exclude={"config"}), config=public(row.kind, row.config or {}),
                        polls=row.kind in POLLING_KINDS)


def _checked(kind: str, raw: dict[str, Any], keys: KeyRing, kept: dict[str, Any] | None = None) -> dict[str, Any]:
    """The config to store, secrets sealed; `kept` is the stored config when a source changes (None: a new one).

    Fields only the API sets come from `kept`, never from the request. A secret sent back masked keeps its
    stored value, unless the host, URL or account changed: a secret is never sent where it was not given for.
    A config that fits some kind but not this source (another kind's, or a masked secret with none to keep)
    conflicts with what is stored: 409. Any other problem is the request's: 422.
    """
    own = managed(kind)
    if own & raw.keys():
        name = min(own & raw.keys())
        raise ApiError(422, code="invalid_config", path=f"config.{name}",
                       message=f"config.{name} is set by the API, never sent: leave it out")
    masked = [name for name in secret_fields(kind) if raw.get(name) == MASK]
    if kept is None and masked:
        raise ApiError(422, code="invalid_config", path=f"config.{masked[0]}",
                       message=f"******** stands for a stored secret, and a new source has none: give {masked[0]}")
    moved = changed_identity(kind, kept, raw) if kept is not None else []
    previous = open_secrets(kind, kept or {}, keys)
    config = {**raw, **{k: v for k, v in (kept or {}).items() if k in own}}
    for name in masked:
        if moved or previous.get(name) is None:
            del config[name]
        else:
            config[name] = previous[name]
    try:
        return stored(parse_config(kind, config, sent=True), keys)
    except ValidationError as exc:
        why = (f" (the stored secrets were dropped: {', '.join(moved)} changed; give them again)" if moved else
               " (******** keeps a stored secret, and this source has none: give it)")
        errors = [{"code": "invalid_config", "path": ".".join(["config", *map(str, e["loc"])]),
                   "message": e["msg"] + (why if e["type"] == "missing" and e["loc"][0] in masked else "")}
                  for e in exc.errors()]
        if kept is None or not _fits_a_kind(raw):
            raise ApiError(422, code="invalid_config", path=errors[0]["path"], message=errors[0]["message"],
                           errors=errors) from exc
        other = "" if _fits(KINDS[kind], raw) else f"this is a {kind} source, and this is not a {kind} config: "
        raise ApiError(409, code="config_conflict", path=errors[0]["path"], message=other + errors[0]["message"],
                       errors=errors) from exc


def _fits(model: type[KindConfig], raw: dict[str, Any]) -> bool:
    """Whether `raw`, as sent, is a config of the model's kind (a masked secret counts as given)."""
    if raw.keys() & set(model.managed_fields):
        return False
    try:
        model.model_validate(raw, context={"sent": True})
    except ValidationError:
        return False
    return True


def _fits_a_kind(raw: dict[str, Any]) -> bool:
    return any(_fits(model, raw) for model in KINDS.values())


SOURCES = Listing(Source, "sources", filterable=("kind", "enabled", "healthy"), searchable=("name",))


@router.get("/sources", response_model=list[SourcePublic])
def list_sources(_: ReadSources, session: SessionDep, response: Response,
                 params: Annotated[ListParams, Depends(SOURCES)]) -> list[SourcePublic]:
    rows = list_rows(session, response, params)
    return [_public(r) for r in rows]


@router.get("/sources/{source_id}", response_model=SourcePublic)
def get_source(_: ReadSources, session: SessionDep, source_id: str) -> SourcePublic:
    return _public(get_or_404(session, Source, source_id, resource="source"))


@router.post("/sources", response_model=SourceCreated, status_code=status.HTTP_201_CREATED)
async def create_source(principal: WriteSources, body: Annotated[SourceCreate, documented_as(NewSource)],
                        engine: EngineDep, temporal: TemporalDep, settings: SettingsDep,
                        keys: KeysDep) -> SourceCreated:
    """A new source; a webhook source authenticated by token answers its token, this once."""
    config = _checked(body.kind, body.config, keys)
    token = None
    if body.kind == "webhook" and config.get("auth", "token") == "token":
        token = secrets.token_urlsafe(32)
        config = set_webhook_token(config, token)
    row = await run_in_threadpool(_create, engine, principal, body, config)
    await _schedule(temporal, settings.task_queue, row, poll=True)
    return SourceCreated(**_public(row).model_dump(), webhook_token=token)


def _create(engine: Engine, principal: Principal, body: SourceCreate, config: dict[str, Any]) -> Source:
    with session_scope(engine) as session:
        if session.get(Source, body.id) is not None:
            raise ApiError(409, code="exists", path="id", message=f"a source named {body.id!r} exists; "
                                                                   "change it with PATCH /api/sources/{id}")
        row = Source(id=body.id, kind=body.kind, name=body.name or body.id, enabled=body.enabled, config=config)
        session.add(row)
        record(session, principal, "source.create", "source", row.id, after=_public(row).model_dump(mode="json"))
    return row


@router.patch("/sources/{source_id}", response_model=SourcePublic, responses={409: refusal(
    "the config is not one this source takes: another kind's, or a secret sent back as ******** with none stored to "
    "keep (or its host, URL or account changed)")})
async def change_source(principal: WriteSources, source_id: Annotated[str, Path(max_length=100)], body: SourceChange,
                        engine: EngineDep, temporal: TemporalDep, settings: SettingsDep,
                        keys: KeysDep, webhook_sources: WebhookSourcesDep) -> SourcePublic:
    row = await run_in_threadpool(_change, engine, principal, source_id, body, keys)
    webhook_sources.forget(source_id)
    await _schedule(temporal, settings.task_queue, row, poll=False)
    return _public(row)


def _change(engine: Engine, principal: Principal, source_id: str, body: SourceChange, keys: KeyRing) -> Source:
    with session_scope(engine) as session:
        row = get_or_404(session, Source, source_id, resource="source")
        before = _public(row).model_dump(mode="json")
        if body.config is not None:
            row.config = _checked(row.kind, body.config, keys, kept=row.config or {})
        if body.name is not None:
            row.name = body.name
        if body.enabled is not None:
            row.enabled = body.enabled
        session.add(row)
        record(session, principal, "source.change", "source", row.id, before=before,
               after=_public(row).model_dump(mode="json"))
    return row


@router.post("/sources/{source_id}/webhook-token", response_model=WebhookToken)
def new_webhook_token(principal: WriteSources, source_id: Annotated[str, Path(max_length=100)],
                      engine: EngineDep, webhook_sources: WebhookSourcesDep) -> WebhookToken:
    """A new token for a webhook source (its auth becomes `token`); the old one stops working at once (in
    another API process, within a second: api/webhooks/sources.py)."""
    token = secrets.token_urlsafe(32)
    with session_scope(engine) as session:
        row = get_or_404(session, Source, source_id, resource="source")
        if row.kind != "webhook":
            raise ApiError(409, code="not_a_webhook", path="source_id",
                           message=f"source {source_id!r} is a {row.kind} source; only webhook sources take tokens")
        row.config = set_webhook_token(row.config or {}, token)
        session.add(row)
        record(session, principal, "source.webhook_token", "source", row.id)
    webhook_sources.forget(source_id)
    return WebhookToken(webhook_token=token)


@router.post("/sources/{source_id}/poll", status_code=status.HTTP_202_ACCEPTED)
async def poll_source(principal: WriteSources, source_id: Annotated[str, Path(max_length=100)], session: SessionDep,
                      temporal: TemporalDep, engine: EngineDep) -> dict[str, str]:
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
    await record_apart(engine, principal, "source.poll", "source", source_id)
    return {"status": "polling"}


async def _schedule(temporal: Any, task_queue: str, row: Source, *, poll: bool) -> None:
    try:
        await ensure_schedule(temporal, task_queue, row, poll_now=poll)
    except RPCError as exc:
        raise ApiError(503, code="workflow_service_unavailable", path="",
                       message=f"source {row.id} is saved, but its polling schedule could not be set "
                               f"({exc.message}); it is set at the next start-up") from exc
