"""What gets measured: a case when it closes, and a conversation's first response as its mentions come in.

**First response is measured from the first inbound mention that needs a response.** A conversation can
start with the brand's own post (an announcement customers then reply to), or with a customer's mention that
needs nothing (praise) before one that does: neither starts the clock. The rule, the same everywhere:
- a case opens at its first inbound mention needing a response (store.decisions: only such a mention opens
  one; the brand's posts and the mentions before it open nothing), and its first-response SLA clock starts
  then (engine.opening); its first response is measured from that moment (`measure`'s `responding_since`);
- a conversation's first response (store.ingest, the read side's `first_response_from`/`_at`/`_seconds`)
  runs from its first inbound mention needing a response (`first_response_start`) to the first of our
  replies at or after it (`first_response_after`). A conversation none of whose mentions needs a response
  (praise the brand thanked) is measured from its first inbound mention; once one of its mentions needs a
  response, the clock moves to that mention and a reply sent before it no longer counts.
Our own posts before the customer spoke are never a response, and never the start of the wait.
"""

from __future__ import annotations

from collections.abc import Iterable
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


def first_response_start(*, stored: datetime | None, stored_needed: bool, first_inbound: datetime | None,
                         first_needing: datetime | None) -> datetime | None:
    """When a conversation's first-response clock starts, after a batch of its mentions (see the module docstring).

    `stored`: the start recorded before the batch (None: no inbound mention yet); `stored_needed`: whether a
    mention needing a response set it (the conversation is actionable). `first_inbound` and `first_needing`:
    the batch's first inbound mention, and its first needing a response (None: none in the batch). None when
    the conversation still has only our own posts.
    """
    if first_needing is not None:
        return min(stored, first_needing) if stored_needed and stored is not None else first_needing
    if stored_needed:
        return stored
    return min((at for at in (stored, first_inbound) if at is not None), default=None)


def first_response_after(start: datetime | None, sent: Iterable[datetime]) -> datetime | None:
    """The first of our replies (`sent`, in any order) at or after `start`; None without a start or a reply."""
    if start is None:
        return None
    return min((at for at in sent if at >= start), default=None)


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
    responding_since: datetime | None = None,
) -> Measures:
    """Measures of a closed case; times are from the case opening, as help desks count them.

    The first response is from `responding_since`, when the case first needed a response (default: its
    opening, which is that moment for every case opened at ingest; an older case opened by a mention needing
    none and reopened by one that did started waiting at the reopen). A reopened case keeps its first opening:
    its resolution time runs to the last close.
    """
    since = responding_since or opened_at
    first = None if first_response_at is None else (first_response_at - since).total_seconds()
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
