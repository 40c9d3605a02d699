"""SLA steps of the case workflow: the clocks, their events and the escalation actions, and
the one timer the main loop waits on (SLA events, idle claims, the expert's deadline, routing
re-checks).

Deadlines are workflow timers computed by the pure maths in engine.slas, so
they are exact, durable, recomputed when the policy or priority changes and
gone once the case closes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from temporalio import workflow

from workflows.case_routing import RoutingSteps
from workflows.case_state import LOCAL, RESPONSE_TARGETS, SEND_HOLD

with workflow.unsafe.imports_passed_through():
    from engine.escalation import escalated_detail, occurrence, when
    from engine.lifecycle import can_transition
    from engine.messages import Activity, SlaSelectInput, SlaSelection
    from engine.models import CaseStatus
    from engine.sla import escalated_priority
    from engine.slas import (
        SlaClocks,
        SlaEvent,
        SlaPolicy,
        change_policy,
        deadline,
        due_events,
        met,
        pending_events,
        start_clocks,
        summary,
        withdraw_breach,
    )


class SlaSteps(RoutingSteps):
    def _start_sla(self, policy: SlaPolicy | None, evidence: dict, since: datetime | None = None) -> None:
        view = self._require_view()
        if policy is None:
            return
        self._sla = start_clocks(policy, since or view.opened_at)
        view.sla = summary(self._sla, workflow.now())
        view.sla_due_at = deadline(self._sla, "first_response")
        self._event("sla_started", policy=policy.id, evidence=evidence, targets=view.sla)

    def _sla_change(self, change: Callable[..., SlaClocks], *args: object, at: datetime | None = None) -> None:
        """Apply one of engine.slas' changes to the clocks, and show the new deadlines.

        Events due by `at` (default now; a reply's send time can be earlier) are taken out first and
        acted on by the main loop, so a change at the same instant as a timer never loses that timer.
        """
        if self._sla is None:
            return
        due, self._sla = due_events(self._sla, at or workflow.now())
        self._due.extend(due)
        self._sla = change(self._sla, *args)
        view = self._require_view()
        view.sla = summary(self._sla, workflow.now())
        view.sla_due_at = deadline(self._sla, "first_response")

    async def _sla_event(self, event: SlaEvent) -> None:
        """Act on an SLA event. Its events are keyed by its occurrence (engine.escalation), as the deadline
        sweeper showed them on the read side at the instant: the save replaces those rows, never adds to them."""
        view = self._require_view()
        fired = self._record_sla_event(event)
        if event.kind == "warning":
            workflow.logger.info("case %s: %s SLA breaches soon", view.case_id, event.target)
        elif event.kind == "breach":
            if can_transition(view.status, CaseStatus.escalated):
                view.status = CaseStatus.escalated
            workflow.logger.info("case %s breached its %s SLA", view.case_id, event.target)
        else:
            for index, action in enumerate(event.actions):
                await self._escalate(action.type, action.to, occurrence=f"{fired}#{index}")
        self._touch()

    def _record_sla_event(self, event: SlaEvent, **extra: object) -> str:
        """The event's mark on the case (breached, escalation level) and its timeline entry, `extra` noted on an
        escalation's; returns its occurrence."""
        view = self._require_view()
        fired = occurrence(event)
        if event.kind == "warning":
            self._event("sla_warning", occurrence=fired, **when(event))
        elif event.kind == "breach":
            view.sla_breached = True
            self._event("sla_breached", occurrence=fired, **when(event))
        else:
            view.escalation_level = max(view.escalation_level, event.level or 0)
            self._event("escalated", occurrence=fired, **escalated_detail(event), **extra)
        return fired

    async def _escalate(self, kind: str, to: str | None, occurrence: str | None = None) -> None:
        view = self._require_view()
        if kind == "raise_priority":
            previous, view.priority = view.priority, escalated_priority(view.priority)
            self._event("priority_raised", occurrence=occurrence, priority_from=previous.value,
                        priority_to=view.priority.value)
            workflow.logger.info("case %s: priority %s -> %s", view.case_id, previous.value, view.priority.value)
            await self._reselect_sla()
        elif kind == "notify":
            self._event("notified", occurrence=occurrence, to=to)
            workflow.logger.info("case %s: %s notified of the escalation", view.case_id, to)
        elif kind in ("reassign", "move_queue") and view.status == CaseStatus.with_expert:
            # Nobody in the contact centre holds the case: the expert's answer sends it back to the queue.
            if kind == "move_queue" and to and to != view.team_id:
                self._event("transferred", actor="system", from_team=view.team_id, to_team=to, note="escalation")
                view.team_id = to
                view.transfers += 1
            else:
                self._event("escalation_skipped", action=kind, reason="the case is with an expert")
            workflow.logger.info("case %s: %s while with an expert: %s", view.case_id, kind,
                                 "queue changed for the return" if kind == "move_queue" else "nothing to reassign")
        elif kind == "reassign":
            current = view.assignee_id
            workflow.logger.info("case %s: reassigned away from %s", view.case_id, current)
            await self._route(requeue=True, exclude=[current] if current else [])
        elif kind == "move_queue" and to and to != view.team_id:
            self._event("transferred", actor="system", from_team=view.team_id, to_team=to, note="escalation")
            view.team_id = to
            view.transfers += 1
            workflow.logger.info("case %s: moved to queue %s", view.case_id, to)
            await self._route(requeue=True)

    async def _reselect_sla(self) -> None:
        """The priority changed: the flow may pick another policy; the clocks keep the time consumed."""
        selection = await workflow.execute_local_activity(
            Activity.select_sla, SlaSelectInput(flow_version=self._flow_version, facts=self._facts()),
            result_type=SlaSelection, **LOCAL)
        if selection.policy is None or self._sla is None or selection.policy.id == self._sla.policy.id:
            return
        now = workflow.now()
        previous = self._sla.policy.id
        self._sla_change(change_policy, selection.policy, now)
        self._event("sla_policy_changed", policy_from=previous, policy_to=selection.policy.id,
                    evidence=selection.evidence, targets=self._require_view().sla)

    def _hold_while_sending(self, now: datetime) -> None:
        """While a reply is on its way, its response clocks' due events wait for the send (up to SEND_HOLD):
        the send's own time decides whether they happened (`_sent_at`)."""
        if self._sending and (self._held or any(e.target in RESPONSE_TARGETS for e in self._due)) \
                and workflow.patched("hold-response-clocks"):
            self._held.extend(e for e in self._due if e.target in RESPONSE_TARGETS)
            self._due = [e for e in self._due if e.target not in RESPONSE_TARGETS]
        if self._held and (not self._sending or min(e.at for e in self._held) + SEND_HOLD <= now):
            self._release_held(until=None)

    def _release_held(self, until: datetime | None) -> None:
        """Held events back to the main loop; with `until` (a reply went out then), only those due before it:
        the rest never happened, and a breach among them is taken back from the clocks."""
        released = [e for e in self._held if until is None or e.at < until]
        for event in self._held:
            if event not in released and event.kind == "breach" and self._sla is not None \
                    and workflow.patched("withdraw-held-breach"):
                self._sla = withdraw_breach(self._sla, event.target)
                self._require_view().sla = summary(self._sla, workflow.now())
        self._held = []
        self._due = sorted([*self._due, *released], key=lambda e: e.at)
        if self._due:
            self._wake = True

    def _sent_at(self, sent_at: datetime | None, asked_at: datetime) -> datetime:
        """The instant a reply counts from: when its connector sent it (recorded with the outbound mention),
        between when the workflow asked for the send and now (clocks of other machines can be off); histories
        from before the time was returned use now."""
        now = workflow.now()
        return min(max(sent_at, asked_at), now) if sent_at is not None else now

    def _deadlines(self) -> tuple[list[SlaEvent], dict[str, datetime]]:
        """The SLA events yet to be acted on, for the read side's deadline sweeper (store.deadlines), and
        when each running clock started."""
        if self._sla is None:
            return [], {}
        since = {target: clock.running_since for target, clock in self._sla.clocks.items()
                 if clock.running_since is not None}
        return [*self._due, *self._held, *pending_events(self._sla)], since

    def _meet_response(self, target: str, at: datetime) -> None:
        """A reply sent at `at` meets the response clock: as of `at`, or as of the clock's last start when it
        started later (a priority change runs it on from then)."""
        clock = self._sla.clocks.get(target) if self._sla is not None else None
        if clock is not None and clock.running_since is not None and clock.running_since > at:
            at = clock.running_since
        self._sla_change(met, target, at, at=at)

    def _record_due_at_close(self) -> None:
        """Closing: SLA events that fell due by now (taken out of the clocks, or held for a send) happened
        before the close, so the history records them; actions on the queue are moot for a closed case."""
        self._release_held(until=None)
        due, self._due = self._due, []
        if not due or not workflow.patched("record-due-at-close"):
            return
        for event in due:
            self._record_sla_event(event, skipped="the case closed")  # noted on an escalation only

    # ---- time: SLA events, idle claims, the expert's deadline, routing re-checks ----
    def _next_timeout(self) -> timedelta | None:
        view = self._require_view()
        now = workflow.now()
        moments = []
        if self._due:
            return timedelta(0)
        if self._held:
            moments.append(min(event.at for event in self._held) + SEND_HOLD)
        if self._sla is not None:
            upcoming = pending_events(self._sla)
            if upcoming:
                moments.append(upcoming[0].at)
        if view.claimed_by is not None and self._claim_seen_at is not None and self._routing is not None:
            moments.append(self._claim_seen_at + timedelta(seconds=self._routing.claim_idle_seconds))
        if view.assignee_id is None and self._routed_at is not None and view.status != CaseStatus.with_expert:
            moments.append(self._recheck_at())
        if view.status == CaseStatus.with_expert and view.expert is not None and not view.expert.overdue:
            moments.append(view.expert.due_at)
        return max(min(moments) - now, timedelta(0)) if moments else None

    async def _on_time(self) -> None:
        view = self._require_view()
        if view.status == CaseStatus.closed:
            return
        now = workflow.now()
        if self._sla is not None:
            events, self._sla = due_events(self._sla, now)
            self._due.extend(events)
        self._hold_while_sending(now)
        while self._due and view.status != CaseStatus.closed:
            await self._sla_event(self._due.pop(0))
        if self._sla is not None:
            view.sla = summary(self._sla, now)
        if (view.claimed_by is not None and self._claim_seen_at is not None and self._routing is not None
                and now >= self._claim_seen_at + timedelta(seconds=self._routing.claim_idle_seconds)):
            idle = view.claimed_by
            self._event("claim_expired", agent_id=idle, idle_seconds=self._routing.claim_idle_seconds)
            workflow.logger.info("case %s: claim by %s expired; back to the queue", view.case_id, idle)
            view.claimed_by = view.claimed_at = None
            self._work_end(at=self._claim_seen_at)  # the idle stretch is not handle time
            await self._route(requeue=True, exclude=[idle])
        consult = view.expert
        if (view.status == CaseStatus.with_expert and consult is not None and not consult.overdue
                and now >= consult.due_at):
            consult.overdue = True
            self._event("expert_sla_breached", expert_id=consult.expert_id, request_id=consult.request_id,
                        due_at=consult.due_at.isoformat())
            self._event("notified", to="supervisor", about="expert_overdue", expert_id=consult.expert_id)
            workflow.logger.info("case %s: expert %s has not answered by %s; supervisor notified", view.case_id,
                                 consult.expert_id, consult.due_at.isoformat())
            self._touch()
        if (view.assignee_id is None and self._routed_at is not None and view.status != CaseStatus.with_expert
                and now >= self._recheck_at()):
            await self._route()
