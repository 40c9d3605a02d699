"""Case routing: which agent gets which waiting case, decided by pure maths.

`dispatch` takes a snapshot of one queue (its policy, waiting cases and
agents) and returns the assignments, the new round-robin cursor, the cases
left waiting and when to look again. No clock, no I/O, no state kept between
calls: the caller reads the snapshot and writes the decisions back in one
transaction. See `eligibility` for who may take a case and `dispatch` for
how one is chosen, and `evidence` for choosing again from what an assignment recorded.
"""

from __future__ import annotations

from engine.routing.dispatch import dispatch, least_loaded_key, skill_score
from engine.routing.eligibility import INELIGIBLE, eligible, next_relax_at, queue_order, relaxed
from engine.routing.evidence import REDECIDABLE, redecide
from engine.routing.model import (
    STRATEGIES,
    AgentState,
    Assignment,
    DispatchResult,
    QueuePolicy,
    RoutingError,
    Strategy,
    WaitingCase,
)

__all__ = [
    "INELIGIBLE",
    "REDECIDABLE",
    "STRATEGIES",
    "AgentState",
    "Assignment",
    "DispatchResult",
    "QueuePolicy",
    "RoutingError",
    "Strategy",
    "WaitingCase",
    "dispatch",
    "eligible",
    "least_loaded_key",
    "next_relax_at",
    "queue_order",
    "redecide",
    "relaxed",
    "skill_score",
]
