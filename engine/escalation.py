"""What an SLA event shows on the read side, computed the same way by the case workflow (which decides it)
and by the deadline sweeper (store.deadlines, which shows it at its instant, before the workflow's task runs).

Each firing of an SLA event has an occurrence id, `<key>@<instant>`: the read side keys the event's
rows by it, so the sweeper's projection and the workflow's record of the same firing are one row, not two.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.lifecycle import can_transition
from engine.models import CaseStatus, Priority
from engine.sla import escalated_priority
from engine.slas import SlaEvent


def occurrence(event: SlaEvent) -> str:
    """One firing of an SLA event: a key fires again after its clock restarts (a reopen, the next message)."""
    return f"{event.key}@{event.at.isoformat()}"


def when(event: SlaEvent) -> dict[str, str]:
    return {"target": event.target, "at": event.at.isoformat()}


def escalated_detail(event: SlaEvent) -> dict:
    return {"level": event.level, **when(event), "actions": [a.model_dump() for a in event.actions]}


@dataclass
class Projection:
    """The read side's change for one SLA event: its events (id suffix after the occurrence, kind, detail)
    and the case's fields after it. Reassigning and moving queues are decisions the workflow makes."""

    events: list[tuple[str, str, dict]] = field(default_factory=list)  # ("" or "#<action index>", kind, detail)
    status: CaseStatus = CaseStatus.open
    priority: Priority = Priority.normal
    escalation_level: int = 0
    sla_breached: bool = False


def project(event: SlaEvent, *, status: CaseStatus, priority: Priority, escalation_level: int,
            sla_breached: bool) -> Projection:
    out = Projection(status=status, priority=priority, escalation_level=escalation_level, sla_breached=sla_breached)
    if event.kind == "warning":
        out.events.append(("", "sla_warning", when(event)))
    elif event.kind == "breach":
        out.sla_breached = True
        if can_transition(status, CaseStatus.escalated):
            out.status = CaseStatus.escalated
        out.events.append(("", "sla_breached", when(event)))
    else:
        out.escalation_level = max(escalation_level, event.level or 0)
        out.events.append(("", "escalated", escalated_detail(event)))
        for index, action in enumerate(event.actions):
            if action.type == "raise_priority":
                previous, out.priority = out.priority, escalated_priority(out.priority)
                out.events.append((f"#{index}", "priority_raised", {"priority_from": previous.value,
                                                                    "priority_to": out.priority.value}))
            elif action.type == "notify":
                out.events.append((f"#{index}", "notified", {"to": action.to}))
    return out
