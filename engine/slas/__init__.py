"""SLA policies and clocks: the exact instants a case workflow sets its durable timers for.

A policy (`policy`) sets business-time targets, a warning lead and an escalation ladder. A case keeps one
clock per target in `SlaClocks` (`clocks`), a plain value in the workflow's state; the functions of
`maths` take it with `now` (workflow time) and return a new one, so a replay computes the same timers:

    clocks = start_clocks(policy, opened_at)
    events = pending_events(clocks)           # sleep until events[0].at, or until a signal arrives
    fired, clocks = due_events(clocks, now)   # act on `fired` first, then on the signal:
    clocks = pause(clocks, ("resolution", "next_response"), now)   # or resume / met / restart / change_policy

Apply `due_events(clocks, now)` before pause, met, restart or change_policy at the same `now`: they work
on the clocks as they are, so an unapplied event is dropped (met, restart) or comes due at the resume
rather than when it was reached (pause).
"""

from __future__ import annotations

from .clocks import EventKind, SlaClock, SlaClocks, SlaEvent
from .maths import (
    change_policy,
    deadline,
    due_events,
    met,
    next_due,
    pause,
    pending_events,
    restart,
    resume,
    start_clocks,
    summary,
    withdraw_breach,
)
from .policy import ALL, TARGETS, EscalationAction, EscalationLevel, SlaError, SlaPolicy, Target

__all__ = [
    "ALL", "TARGETS", "EscalationAction", "EscalationLevel", "EventKind", "SlaClock", "SlaClocks", "SlaError",
    "SlaEvent", "SlaPolicy", "Target", "change_policy", "deadline", "due_events", "met", "next_due", "pause",
    "pending_events", "restart", "resume", "start_clocks", "summary", "withdraw_breach",
]
