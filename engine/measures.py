"""What gets measured when a case closes."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class Measures(BaseModel):
    first_response_seconds: float | None
    resolution_seconds: float
    sla_breached: bool
    mention_count: int
    reply_count: int


def measure(
    *,
    opened_at: datetime,
    closed_at: datetime,
    first_response_at: datetime | None,
    sla_breached: bool,
    mention_count: int,
    reply_count: int,
) -> Measures:
    """Measures of a closed case; times are from the case opening, as help desks count them."""
    first = None if first_response_at is None else (first_response_at - opened_at).total_seconds()
    return Measures(
        first_response_seconds=first,
        resolution_seconds=(closed_at - opened_at).total_seconds(),
        sla_breached=sla_breached,
        mention_count=mention_count,
        reply_count=reply_count,
    )
