"""The escalation ladder. Deadlines, pauses and escalation levels are in engine.slas."""

from __future__ import annotations

from engine.models import PRIORITY_ORDER, Priority


def escalated_priority(priority: Priority) -> Priority:
    """One step up the priority ladder; urgent stays urgent."""
    index = PRIORITY_ORDER.index(priority)
    return PRIORITY_ORDER[min(index + 1, len(PRIORITY_ORDER) - 1)]
