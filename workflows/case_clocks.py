"""The case's SLA clocks: their events due and not yet acted on, those held while a reply is being sent,
the customer's turn that pauses them, the replies that meet them, and the deadlines the read side sweeps.
What a due event does to the case is workflows/case_escalation.py.

Deadlines are workflow timers computed by the pure maths in engine.slas, so they are exact, durable,
recomputed when the policy or priority changes and gone once the case closes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from temporalio import workflow

from workflows.case_record import LOCAL, CaseRecord

with workflow.unsafe.imports_passed_through():
    from engine.lifecycle import transition
    from engine.measures import sla_outcomes
    from engine.messages import Activity, SlaSelectInput, SlaSelection
    from engine.models import CaseStatus
    from engine.slas import (
        SlaClocks,
        SlaEvent,
        SlaPolicy,
        change_policy,
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

# A response clock's event that falls due while a reply is being sent waits this long for the send: a reply
# sent before the instant meets the clock and the event never fires; a send still going after this lets it fire.
SEND_HOLD = timedelta(seconds=90)
RESPONSE_TARGETS = frozenset({"first_response", "next_response"})


class Clocks:
    def __init__(self, record: CaseRecord) -> None:
        self._record = record
        self.sla: SlaClocks | None = None  # None without a policy, and once the case closes
        self.due: list[SlaEvent] = []  # SLA events taken out of the clocks, not yet acted on
        self.held: list[SlaEvent] = []  # response-clock events due while a reply is being sent (SEND_HOLD)
        self.customer_wrote_at: datetime | None = None  # the latest follow-up mention folded in
        self.outcomes: dict[str, str] = {}  # SLA outcomes of earlier closes, kept through a reopen

    def start(self, policy: SlaPolicy | None, evidence: dict, since: datetime | None = None) -> None:
        view = self._record.require_view()
        if policy is None:
            return
        self.sla = start_clocks(policy, since or view.opened_at)
        self.show(workflow.now())
        self._record.event("sla_started", policy=policy.id, evidence=evidence, targets=view.sla)

    def change(self, change: Callable[..., SlaClocks], *args: object, at: datetime | None = None) -> None:
        """Apply one of engine.slas' changes to the clocks, and show the new deadlines.

        Events due by `at` (default now; a reply's send time can be earlier) are taken out first and
        acted on by the main loop, so a change at the same instant as a timer never loses that timer.
        """
        if self.sla is None:
            return
        due, self.sla = due_events(self.sla, at or workflow.now())
        self.due.extend(due)
        self.sla = change(self.sla, *args)
        self.show(workflow.now())

    async def reselect(self) -> None:
        """The priority changed: the flow may pick another policy; the clocks keep the time consumed."""
        selection = await workflow.execute_local_activity(
            Activity.select_sla, SlaSelectInput(flow_version=self._record.flow_version, facts=self._record.facts()),
            result_type=SlaSelection, **LOCAL)
        if selection.policy is None or self.sla is None or selection.policy.id == self.sla.policy.id:
            return
        now = workflow.now()
        previous = self.sla.policy.id
        self.change(change_policy, selection.policy, now)
        self._record.event("sla_policy_changed", policy_from=previous, policy_to=selection.policy.id,
                           evidence=selection.evidence, targets=self._record.require_view().sla)

    # ---- the customer's turn ----------------------------------------------
    def wait_on_customer(self, agent_id: str, now: datetime) -> None:
        view = self._record.require_view()
        view.status = transition(view.status, CaseStatus.pending)
        self._record.work_end()
        self.change(pause, "all", now)
        self._record.event("waiting_on_customer", actor=agent_id)

    def resume_work(self, actor: str) -> None:
        view = self._record.require_view()
        now = workflow.now()
        view.status = transition(view.status, CaseStatus.assigned if view.assignee_id else CaseStatus.open)
        self.change(resume, "all", now)
        self._record.event("resumed", actor=actor)

    def customer_wrote(self) -> None:
        view = self._record.require_view()
        if view.needs_response and view.reply_count > 0:
            now = workflow.now()  # the customer wrote after our reply: the next-response clock starts
            self.change(restart, "next_response", now)
        self.customer_wrote_at = workflow.now()

    # ---- replies and the response clocks -----------------------------------
    def reply_sent(self, at: datetime) -> None:
        """A reply went out at `at`: it meets the response clocks it answers, and decides the held events."""
        view = self._record.require_view()
        if view.first_response_at is None:
            view.first_response_at = at
            self._meet_response("first_response", at)
        elif self._running("first_response") and workflow.patched("reopen-first-response-met"):
            # A reopen starts a fresh first-response clock (the case's first response stays the first one):
            # the first reply after it meets that clock, else it ran on to the close (or a breach) regardless.
            self._meet_response("first_response", at)
        if self.customer_wrote_at is None or self.customer_wrote_at <= at:
            self._meet_response("next_response", at)  # else the customer wrote again after it was sent
        if self.held:
            self._release_held(until=at)

    def _running(self, target: str) -> bool:
        clock = self.sla.clocks.get(target) if self.sla is not None else None
        return clock is not None and clock.status in ("running", "paused")

    def _meet_response(self, target: str, at: datetime) -> None:
        """A reply sent at `at` meets the response clock: as of `at`, or as of the clock's last start when it
        started later (a priority change runs it on from then)."""
        clock = self.sla.clocks.get(target) if self.sla is not None else None
        if clock is not None and clock.running_since is not None and clock.running_since > at:
            at = clock.running_since
        self.change(met, target, at, at=at)

    def hold_while_sending(self, now: datetime, sending: bool) -> None:
        """While a reply is on its way, its response clocks' due events wait for the send (up to SEND_HOLD):
        the send's own time decides whether they happened (`reply_sent`)."""
        if sending and (self.held or any(e.target in RESPONSE_TARGETS for e in self.due)) \
                and workflow.patched("hold-response-clocks"):
            self.held.extend(e for e in self.due if e.target in RESPONSE_TARGETS)
            self.due = [e for e in self.due if e.target not in RESPONSE_TARGETS]
        if self.held and (not sending or min(e.at for e in self.held) + SEND_HOLD <= now):
            self._release_held(until=None)

    def _release_held(self, until: datetime | None) -> None:
        """Held events back to the main loop; with `until` (a reply went out then), only those due before it:
        the rest never happened, and a breach among them is taken back from the clocks."""
        released = [e for e in self.held if until is None or e.at < until]
        for event in self.held:
            if event not in released and event.kind == "breach" and self.sla is not None \
                    and workflow.patched("withdraw-held-breach"):
                self.sla = withdraw_breach(self.sla, event.target)
                self.show(workflow.now())
        self.held = []
        self.due = sorted([*self.due, *released], key=lambda e: e.at)
        if self.due:
            self._record.wake = True

    # ---- time and the close --------------------------------------------------
    def take_due(self, now: datetime) -> None:
        if self.sla is not None:
            events, self.sla = due_events(self.sla, now)
            self.due.extend(events)

    def show(self, now: datetime) -> None:
        """The clocks on the read side: each target's state, and the case's "SLA due" (engine.slas.next_due:
        whichever running clock is due first, not only the first response's)."""
        if self.sla is not None:
            view = self._record.require_view()
            view.sla, view.sla_due_at = summary(self.sla, now), next_due(self.sla)
            view.sla_policy = self.sla.policy.id

    def next_moment(self) -> datetime | None:
        """When a held event stops waiting for its send, or the clocks' next event falls due."""
        moments = []
        if self.held:
            moments.append(min(event.at for event in self.held) + SEND_HOLD)
        if self.sla is not None:
            upcoming = pending_events(self.sla)
            if upcoming:
                moments.append(upcoming[0].at)
        return min(moments) if moments else None

    def deadlines(self) -> tuple[list[SlaEvent], dict[str, datetime]]:
        """The SLA events yet to be acted on, for the read side's deadline sweeper (store.deadlines), and
        when each running clock started."""
        if self.sla is None:
            return [], {}
        since = {target: clock.running_since for target, clock in self.sla.clocks.items()
                 if clock.running_since is not None}
        return [*self.due, *self.held, *pending_events(self.sla)], since

    def stop(self, at: datetime) -> list[SlaEvent]:
        """The case closed at `at`: resolution met, the clocks gone (no timer is left to fire), their outcomes
        kept for the measures. Returns the events that fell due by the close (taken out of the clocks, or
        held for a send): they happened before it."""
        if self.sla is None:
            return []
        self.change(met, "resolution", at)
        self._release_held(until=None)
        due, self.due = self.due, []
        self.sla = None
        view = self._record.require_view()
        self.outcomes = sla_outcomes(view.sla, earlier=self.outcomes)
        view.sla_due_at = None  # nothing is due on a closed case; its outcomes say how each target ended
        return due
