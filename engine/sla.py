"""SLA maths: deadlines and escalation steps. Calendars arrive with the lifecycle issue."""

from __future__ import annotations

from datetime import datetime, timedelta

from engine.models import PRIORITY_ORDER, Priority


def first_response_due(opened_at: datetime, priority: Priority, targets: dict[str, int]) -> datetime | None:
    """When the first response is due, or None when the policy sets no target for the priority."""
    seconds = targets.get(priority.value)
    if seconds is None:
        return None
    return opened_at + timedelta(seconds=seconds)


def escalated_priority(priority: Priority) -> Priority:
    """One step up the priority ladder; urgent stays urgent."""
    index = PRIORITY_ORDER.index(priority)
    return PRIORITY_ORDER[min(index + 1, len(PRIORITY_ORDER) - 1)]
