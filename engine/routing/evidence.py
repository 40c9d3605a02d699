"""An assignment's evidence, and the same choice made again from it alone.

`dispatch` records with each assignment what its strategy weighed (the reason): the agents eligible at
that moment, the round-robin cursor, and, for the strategies that compare agents, each eligible agent's
load, capacity and time of their last case, with their levels in the case's skills.
`redecide` rebuilds that moment from the reason and asks `dispatch` again, so an auditor holding only a
case's timeline can check that the recorded agent is the one the strategy picks. Agents who were not
eligible play no part in a pick, so they are recorded by id only (`skipped`).

The reason travels as JSON (the read side and the workflow's history hold it): times are ISO text.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from engine.models import Priority
from engine.routing.dispatch import dispatch
from engine.routing.model import AgentState, QueuePolicy, RoutingError, WaitingCase

__all__ = ["REDECIDABLE", "redecide"]

# The strategies that pick an agent themselves; under the others a person chose (a pull, a takeover).
REDECIDABLE: frozenset[str] = frozenset({"round_robin", "least_loaded", "skills"})


def redecide(reason: dict[str, Any], case_id: str, at: datetime) -> str | None:
    """The agent `dispatch` picks for `case_id` from what `reason` recorded at `at` (an aware datetime);
    None when nobody recorded is eligible. A `RoutingError` (code `evidence_incomplete`, the missing key's
    JSON Pointer as its path) when the reason lacks something the pick needs (evidence recorded before it
    was kept), or `not_redecidable` for a choice a person made."""
    strategy = reason.get("strategy")
    if strategy not in REDECIDABLE:
        raise RoutingError("not_redecidable", f"{strategy or 'no strategy'}: a person chose the agent", "/strategy")
    needs = ["priority", "channel", "eligible"] + (["cursor_before"] if strategy == "round_robin" else
                                                   ["candidates"])
    needs += ["required_skills", "optional_skills"] if strategy == "skills" else []
    for key in needs:
        if key not in reason:
            raise RoutingError("evidence_incomplete", f"evidence lacks {key}", f"/{key}")
    if strategy == "round_robin":
        agents = [AgentState(id=agent_id) for agent_id in reason["eligible"]]
    else:
        agents = [AgentState(id=agent_id, capacity=one["capacity"], load=one["load"], skills=one.get("skills", {}),
                             last_assigned_at=one["last_assigned_at"])
                  for agent_id, one in reason["candidates"].items()]
    case = WaitingCase(case_id=case_id, priority=Priority(reason["priority"]), enqueued_at=at,
                       channel=reason["channel"], required_skills=reason.get("required_skills", {}),
                       optional_skills=reason.get("optional_skills", {}))
    # The recorded relaxation stands: waited time and the queue's threshold are not in the reason.
    policy = QueuePolicy(strategy=strategy, cursor=reason.get("cursor_before"),
                         relax_optional_after_seconds=0 if reason.get("optional_skills_relaxed") else None)
    result = dispatch(policy, [case], agents, at)
    return result.assignments[0].agent_id if result.assignments else None
