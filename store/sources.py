"""Connector instances (sources) that mentions arrive from, with their cursor and health."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import JSON, Column, Field, SQLModel

from store.db import session_scope
from store.db.types import UtcDateTime


class SourceHealth(SQLModel):
    healthy: bool = True
    last_polled_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    last_success_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    last_error: str | None = None
    consecutive_failures: int = 0


class Source(SourceHealth, table=True):
    id: str = Field(primary_key=True, description="The name used in /api/webhooks/{source} and imports")
    kind: str = "webhook"
    name: str = ""
    enabled: bool = True
    config: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    # Where polling resumes: advanced only in the transaction that stores the page it ends.
    cursor: str | None = None


class UnknownSource(LookupError):
    pass


def require_source(engine: Engine, source: str) -> Source:
    """The enabled connector instance named `source`; UnknownSource if there is none."""
    with session_scope(engine, write=False) as session:
        row = session.get(Source, source)
    if row is None or not row.enabled:
        raise UnknownSource(source)
    return row
