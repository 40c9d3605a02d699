"""What gets measured when a case closes."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class Measures(BaseModel):
    first_response_seconds: float | None
    resolution_seconds: float
    sla_breached: bool
    mention_count: int
    reply_count: int
    handle_seconds: float = Field(default=0.0, description="Time agents held the case for work (claimed or started)")
    transfers: int = 0
    reopen_count: int = 0
    sla_outcomes: dict[str, str] = Field(default_factory=dict,
                                         description="Per SLA target: met or breached")


def sla_outcomes(summary: dict[str, dict], earlier: dict[str, str] | None = None) -> dict[str, str]:
    """met / breached per target of a case's SLA summary (engine.slas.summary), as reports count them.

    A target breached and then met counts as breached, and so does one breached before a reopen
    (`earlier`: the outcomes of the case's earlier closes). A target never met nor breached by
    the close (e.g. the next response of a case closed without a reply) is not counted.
    """
    outcomes = dict(earlier or {})
    for target, state in sorted(summary.items()):
        if outcomes.get(target) == "breached":
            continue
        if state.get("breached_at"):
            outcomes[target] = "breached"
        elif state.get("met_at"):
            outcomes[target] = "met"
    return outcomes


def measure(
    *,
    opened_at: datetime,
    closed_at: datetime,
    first_response_at: datetime | None,
    sla_breached: bool,
    mention_count: int,
    reply_count: int,
    handle_seconds: float = 0.0,
    transfers: int = 0,
    reopen_count: int = 0,
    sla_outcomes: dict[str, str] | None = None,
) -> Measures:
    """Measures of a closed case; times are from the case opening, as help desks count them.

    A reopened case keeps its first opening: its resolution time runs to the last close.
    """
    first = None if first_response_at is None else (first_response_at - opened_at).total_seconds()
    return Measures(
        first_response_seconds=first,
        resolution_seconds=(closed_at - opened_at).total_seconds(),
        sla_breached=sla_breached,
        mention_count=mention_count,
        reply_count=reply_count,
        handle_seconds=handle_seconds,
        transfers=transfers,
        reopen_count=reopen_count,
        sla_outcomes=dict(sla_outcomes or {}),
    )
