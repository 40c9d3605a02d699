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
                                         description="Per SLA target: met, breached or closed_without_response")


MET, BREACHED = "met", "breached"
# A target whose clock ran but that the close found neither met nor breached: the case was closed before
# anyone answered and before the deadline (spam, a duplicate, a customer who sorted it out). Never "met": no
# reply was sent; not "breached": the deadline had not passed. Reports count it apart from both.
CLOSED_WITHOUT_RESPONSE = "closed_without_response"
SLA_OUTCOMES = (MET, BREACHED, CLOSED_WITHOUT_RESPONSE)


def sla_outcomes(summary: dict[str, dict], earlier: dict[str, str] | None = None) -> dict[str, str]:
    """met / breached / closed_without_response per target of a case's SLA summary at its close
    (engine.slas.summary), as reports count them.

    A target breached and then met counts as breached, and so does one breached before a reopen
    (`earlier`: the outcomes of the case's earlier closes). A clock still running or paused at the close
    (the first response of a case closed with no reply) is breached when its deadline had passed, and
    closed_without_response otherwise (the resolution is always met by the close). A target that never
    started (the next response of a case whose customer did not write after a reply) is not counted.
    """
    outcomes = dict(earlier or {})
    for target, state in sorted(summary.items()):
        if outcomes.get(target) == BREACHED:
            continue
        remaining = state.get("remaining_seconds")
        if state.get("breached_at") or (state.get("status") in ("running", "paused") and remaining is not None
                                        and remaining <= 0):
            outcomes[target] = BREACHED
        elif state.get("met_at"):
            outcomes[target] = MET
        elif state.get("status") in ("running", "paused"):
            outcomes[target] = CLOSED_WITHOUT_RESPONSE
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
