"""Connector instances that mentions may arrive from (webhook sources for now)."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class Source(SQLModel, table=True):
    id: str = Field(primary_key=True, description="The name used in /api/webhooks/{source}")
    kind: str = "webhook"
    name: str = ""
    enabled: bool = True
