"""What an SLA event due from the case's clocks does to the case: its mark (breached, escalation level) and
timeline entry, and an escalation's actions, each dispatched through ACTIONS.

The events are keyed by their occurrence (engine.escalation), as the deadline sweeper showed them on the
read side at the instant: the save replaces those rows, never adds to them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from types import MappingProxyType

from temporalio import workflow

from workflows.case_assignment import Assignment
from workflows.case_clocks import Clocks
from workflows.case_record import CaseRecord

with workflow.unsafe.imports_passed_through():
    from engine.escalation import escalated_detail, occurrence, when
    from engine.lifecycle import can_transition
    from engine.models import CaseStatus
    from engine.sla import escalated_priority
    from engine.slas import SlaEvent


def record_sla_event(record: CaseRecord, event: SlaEvent, **extra: object) -> str:
    """The event's mark on the case (breached, escalation level) and its timeline entry, `extra` noted on an
    escalation's; returns its occurrence."""
    view = record.require_view()
    fired = occurrence(event)
    if event.kind == "warning":
        record.event("sla_warning", occurrence=fired, **when(event))
    elif event.kind == "breach":
        view.sla_breached = True
        record.event("sla_breached", occurrence=fired, **when(event))
    else:
        view.escalation_level = max(view.escalation_level, event.level or 0)
        record.event("escalated", occurrence=fired, **escalated_detail(event), **extra)
    return fired


class Escalation:
    def __init__(self, record: CaseRecord, clocks: Clocks, assignment: Assignment) -> None:
        self._record, self._clocks, self._assignment = record, clocks, assignment

    async def on_time(self, now: datetime, sending: bool) -> None:
        """Act on the events due by `now`, but for those held while a reply is `sending`."""
        view = self._record.require_view()
        self._clocks.take_due(now)
        self._clocks.hold_while_sending(now, sending)
        while self._clocks.due and view.status != CaseStatus.closed:
            await self._act(self._clocks.due.pop(0))
        self._clocks.show(now)

    async def _act(self, event: SlaEvent) -> None:
        view = self._record.require_view()
        fired = record_sla_event(self._record, event)
        if event.kind == "warning":
            workflow.logger.info("case %s: %s SLA breaches soon", view.case_id, event.target)
        elif event.kind == "breach":
            if can_transition(view.status, CaseStatus.escalated):
                view.status = CaseStatus.escalated
            workflow.logger.info("case %s breached its %s SLA", view.case_id, event.target)
        else:
            for index, action in enumerate(event.actions):
                escalate = ACTIONS.get(action.type)
                if escalate is not None:
                    await escalate(self, action.to, f"{fired}#{index}")
        self._record.touch()

    # ---- the actions: (the action's target, its occurrence) -------------
    async def _raise_priority(self, to: str | None, fired: str) -> None:
        view = self._record.require_view()
        previous, view.priority = view.priority, escalated_priority(view.priority)
        self._record.event("priority_raised", occurrence=fired, priority_from=previous.value,
                           priority_to=view.priority.value)
        workflow.logger.info("case %s: priority %s -> %s", view.case_id, previous.value, view.priority.value)
        await self._clocks.reselect()

    async def _notify(self, to: str | None, fired: str) -> None:
        self._record.event("notified", occurrence=fired, to=to)
        workflow.logger.info("case %s: %s notified of the escalation", self._record.require_view().case_id, to)

    async def _reassign(self, to: str | None, fired: str) -> None:
        view = self._record.require_view()
        if view.status == CaseStatus.with_expert:
            # Nobody in the contact centre holds the case: the expert's answer sends it back to the queue.
            self._record.event("escalation_skipped", action="reassign", reason="the case is with an expert")
            workflow.logger.info("case %s: reassign while with an expert: nothing to reassign", view.case_id)
            return
        current = view.assignee_id
        workflow.logger.info("case %s: reassigned away from %s", view.case_id, current)
        await self._assignment.route(requeue=True, exclude=[current] if current else [])

    async def _move_queue(self, to: str | None, fired: str) -> None:
        view = self._record.require_view()
        with_expert = view.status == CaseStatus.with_expert
        if not to or to == view.team_id:
            if with_expert:
                self._record.event("escalation_skipped", action="move_queue", reason="the case is with an expert")
                workflow.logger.info("case %s: move_queue while with an expert: no other queue to return to",
                                     view.case_id)
            return
        self._record.event("transferred", actor="system", from_team=view.team_id, to_team=to, note="escalation")
        view.team_id = to
        view.transfers += 1
        if with_expert:
            # Nobody in the contact centre holds the case: the expert's answer sends it back, to this queue.
            workflow.logger.info("case %s: move_queue while with an expert: queue changed for the return",
                                 view.case_id)
            return
        workflow.logger.info("case %s: moved to queue %s", view.case_id, to)
        await self._assignment.route(requeue=True)


ACTIONS: Mapping[str, Callable[[Escalation, str | None, str], Awaitable[None]]] = MappingProxyType({
    "raise_priority": Escalation._raise_priority,
    "notify": Escalation._notify,
    "reassign": Escalation._reassign,
    "move_queue": Escalation._move_queue,
})
