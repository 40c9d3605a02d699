"""Assignment maths. The state (who got the last case) lives with the caller."""

from __future__ import annotations

from collections.abc import Sequence


def round_robin(agent_ids: Sequence[str], last_assigned: str | None) -> str | None:
    """The agent after `last_assigned` in id order, wrapping; None when nobody is available.

    Ordering by id (not by list position) keeps the rotation fair when agents
    come online or go offline between two assignments.
    """
    ordered = sorted(agent_ids)
    if not ordered:
        return None
    if last_assigned is None:
        return ordered[0]
    for agent_id in ordered:
        if agent_id > last_assigned:
            return agent_id
    return ordered[0]
