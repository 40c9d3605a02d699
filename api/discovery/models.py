"""What the import route takes and answers."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ImportBatch(BaseModel):
    """Up to 1,000 mentions of one source; each is checked on its own, so a bad one rejects only itself."""

    mentions: list[dict[str, Any]] = Field(max_length=1000)
    replay: bool = Field(default=False, description="backfill history: store and count, start no case workflow")


class Rejected(BaseModel):
    index: int = Field(description="the mention's position in the batch")
    path: str = Field(description="the field at fault, e.g. 'created_at'")
    message: str


class ImportReport(BaseModel):
    stored: int
    duplicates: int
    rejected: list[Rejected]
    actionable: int = Field(description="new inbound mentions that need a response")
    cases: int = Field(description=(
        "new mentions given a case (opened, routed and assigned, or joined to an open one) as they were stored; "
        "their case workflows hear of them through the outbox"))
