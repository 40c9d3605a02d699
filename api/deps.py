"""Dependencies as Annotated aliases, so route signatures say what they need."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlmodel import Session
from temporalio.client import Client

from api.settings import Settings
from api.webhooks.sources import WebhookSources
from store.db import get_session, session_scope
from store.group_commit import GroupCommit
from store.keys import KeyRing
from store.relay import OutboxRelay


def _engine(request: Request) -> Engine:
    return request.app.state.engine


def _session(request: Request) -> Iterator[Session]:
    yield from get_session(request.app.state.engine)


def _write_session(request: Request) -> Iterator[Session]:
    with session_scope(request.app.state.engine) as session:
        yield session


def _temporal(request: Request) -> Client:
    return request.app.state.temporal


def _relay(request: Request) -> OutboxRelay:
    return request.app.state.relay


def _ingest(request: Request) -> GroupCommit:
    return request.app.state.ingest


def _webhook_sources(request: Request) -> WebhookSources:
    return request.app.state.webhook_sources


def _settings(request: Request) -> Settings:
    return request.app.state.settings


def _keys(request: Request) -> KeyRing:
    return request.app.state.keys


EngineDep = Annotated[Engine, Depends(_engine)]
SessionDep = Annotated[Session, Depends(_session, scope="function")]
WriteSessionDep = Annotated[Session, Depends(_write_session, scope="function")]  # commits before the response
TemporalDep = Annotated[Client, Depends(_temporal)]
RelayDep = Annotated[OutboxRelay, Depends(_relay)]
IngestDep = Annotated[GroupCommit, Depends(_ingest)]
WebhookSourcesDep = Annotated[WebhookSources, Depends(_webhook_sources)]
SettingsDep = Annotated[Settings, Depends(_settings)]
KeysDep = Annotated[KeyRing, Depends(_keys)]
