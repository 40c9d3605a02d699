"""The case workflow: one per conversation, from first mention to measure.

Decisions that depend on the outside (the flow's rules, the agents on shift)
come from local activities, so their results sit in history and a replay
shows an auditor exactly what was decided and why. Routing state lives in
the database (see api/routing/models.py); the workflow hears its changes as
`routing` signals. SLA deadlines are workflow timers computed by the pure
maths in engine.slas, so they are exact, durable, recomputed when the policy
or priority changes and gone once the case closes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ApplicationError

with workflow.unsafe.imports_passed_through():
    from engine.lifecycle import can_transition, transition
    from engine.measures import measure
    from engine.messages import (
        ADD_MENTION_SIGNAL,
        APPROVE_UPDATE,
        CASE_WORKFLOW,
        CLAIM_UPDATE,
        CLOSE_UPDATE,
        PENDING_UPDATE,
        REJECT_UPDATE,
        REPLY_UPDATE,
        ROUTING_SIGNAL,
        TRANSFER_UPDATE,
        VIEW_QUERY,
        ApproveInput,
        CaseInput,
        CaseView,
        ClaimInput,
        Classification,
        ClassifyInput,
        CloseInput,
        PendingInput,
        RejectInput,
        ReleaseRequest,
        ReplyCheck,
        ReplyCheckInput,
        ReplyDraft,
        ReplyInput,
        RouteRequest,
        RoutingState,
        SaveCaseInput,
        SendReplyInput,
        SentReply,
        SlaSelectInput,
        SlaSelection,
        TransferInput,
        WorkRequest,
        WorkResult,
    )
    from engine.models import CaseEvent, CaseStatus, CloseReason, Mention
    from engine.sla import escalated_priority
    from engine.slas import (
        SlaClocks,
        SlaEvent,
        SlaPolicy,
        change_policy,
        due_events,
        met,
        pause,
        pending_events,
        restart,
        resume,
        start_clocks,
        summary,
    )

# Infrastructure hiccups (a locked DB, a restarting connector) are retried, never fatal.
_RETRY = RetryPolicy(initial_interval=timedelta(milliseconds=200), maximum_interval=timedelta(seconds=30))
_LOCAL = {"start_to_close_timeout": timedelta(seconds=15), "retry_policy": _RETRY}
# A waiting case re-reads its routing row this often, in case a routing signal was lost.
ROUTE_RECHECK = timedelta(seconds=60)
SUBJECT_LENGTH = 140


def _refuse(message: str, kind: str, **details: object) -> ApplicationError:
    return ApplicationError(message, details or None, type=kind, non_retryable=True)


@workflow.defn(name=CASE_WORKFLOW)
class CaseWorkflow:
    def __init__(self) -> None:
        self._pending: list[Mention] = []
        self._seen: set[str] = set()
        self._view: CaseView | None = None
        self._unsaved: list[CaseEvent] = []
        self._seq = 0
        self._wake = False
        self._sending: set[str] = set()
        self._sent: set[str] = set()
        self._flow_version = ""
        self._routing: RoutingState | None = None
        self._routed_at: datetime | None = None
        self._started_by: str | None = None
        self._claim_seen_at: datetime | None = None
        self._sla: SlaClocks | None = None
        self._due: list[SlaEvent] = []  # SLA events taken out of the clocks, not yet acted on
        self._cls: Classification | None = None

    # ---- signals and queries ---------------------------------------------
    @workflow.signal(name=ADD_MENTION_SIGNAL)
    def add_mention(self, mention: Mention) -> None:
        if mention.id not in self._seen:
            self._seen.add(mention.id)
            self._pending.append(mention)
            self._wake = True

    @workflow.signal(name=ROUTING_SIGNAL)
    def on_routing(self, state: RoutingState) -> None:
        if self._view is not None and state.case_id == self._view.case_id:
            self._apply_routing(state)

    @workflow.query(name=VIEW_QUERY)
    def view(self) -> CaseView | None:
        return self._view

    # ---- replies and approvals ---------------------------------------------
    @workflow.update(name=REPLY_UPDATE)
    async def reply(self, inp: ReplyInput) -> CaseView:
        view = self._require_view()
        if self._known_reply(inp.reply_id):
            return view
        self._sending.add(inp.reply_id)
        self._claim_seen_at = workflow.now()
        await self._start_work(inp.agent_id)
        check = await workflow.execute_local_activity(
            "check_reply", ReplyCheckInput(flow_version=self._flow_version, agent_id=inp.agent_id, text=inp.text,
                                           case=self._facts()), result_type=ReplyCheck, **_LOCAL)
        if check.needs_approval:
            self._sending.discard(inp.reply_id)
            view.drafts.append(ReplyDraft(reply_id=inp.reply_id, agent_id=inp.agent_id, text=inp.text,
                                          status="pending", created_at=workflow.now(), close=inp.close,
                                          evidence=check.evidence))
            self._event("reply_pending_approval", actor=inp.agent_id, reply_id=inp.reply_id,
                        evidence=check.evidence)
            workflow.logger.info("case %s: reply %s by %s waits for approval", view.case_id, inp.reply_id,
                                 inp.agent_id)
            self._touch()
            return view
        await self._send(inp.reply_id, inp.agent_id, inp.text, inp.close)
        return view

    @reply.validator
    def _validate_reply(self, inp: ReplyInput) -> None:
        view = self._require_view()
        if self._known_reply(inp.reply_id):
            return  # a retried request: answered without sending twice
        self._require_open(view)
        if inp.agent_id not in (view.assignee_id, view.claimed_by):
            holder = view.claimed_by or view.assignee_id or "nobody yet"
            raise _refuse(f"case is assigned to {holder}, not to {inp.agent_id}", "not_assignee",
                          holder=view.claimed_by or view.assignee_id)

    @workflow.update(name=APPROVE_UPDATE)
    async def approve(self, inp: ApproveInput) -> CaseView:
        view = self._require_view()
        draft = self._draft(inp.reply_id)
        if draft.status != "pending":
            return view  # a retried approval
        draft.status, draft.decided_by = "approved", inp.approver_id
        edited = inp.text is not None and inp.text != draft.text
        self._event("reply_approved", actor=inp.approver_id, reply_id=draft.reply_id, edited=edited)
        workflow.logger.info("case %s: reply %s approved by %s", view.case_id, draft.reply_id, inp.approver_id)
        self._sending.add(draft.reply_id)
        await self._send(draft.reply_id, draft.agent_id, inp.text or draft.text, draft.close)
        return view

    @approve.validator
    def _validate_approve(self, inp: ApproveInput) -> None:
        self._validate_decision(inp.reply_id, inp.approver_id)

    @workflow.update(name=REJECT_UPDATE)
    def reject(self, inp: RejectInput) -> CaseView:
        view = self._require_view()
        draft = self._draft(inp.reply_id)
        if draft.status == "pending":
            draft.status, draft.decided_by, draft.reason = "rejected", inp.approver_id, inp.reason
            self._event("reply_rejected", actor=inp.approver_id, reply_id=draft.reply_id, reason=inp.reason)
            self._touch()
        return view

    @reject.validator
    def _validate_reject(self, inp: RejectInput) -> None:
        self._validate_decision(inp.reply_id, inp.approver_id)

    def _validate_decision(self, reply_id: str, approver_id: str) -> None:
        view = self._require_view()
        draft = self._draft(reply_id)
        if draft.status != "pending":
            if draft.decided_by == approver_id:
                return  # a retried decision
            raise _refuse(f"reply {reply_id} was already {draft.status} by {draft.decided_by}", "already_decided",
                          holder=draft.decided_by)
        self._require_open(view)
        if approver_id == draft.agent_id:
            raise _refuse("a reply needs someone other than its author to approve it", "self_approval")

    # ---- work: claim, transfer, waiting on the customer, close -------------
    @workflow.update(name=CLAIM_UPDATE)
    async def claim(self, inp: ClaimInput) -> CaseView:
        view = self._require_view()
        now = workflow.now()
        if view.claimed_by == inp.agent_id and not inp.takeover:
            self._claim_seen_at = now  # the holder is still at it: the idle timer starts again
            return view
        previous = view.claimed_by or view.assignee_id
        # Taken before any await: a concurrent claim's validator already sees the holder.
        view.claimed_by, view.claimed_at, self._claim_seen_at = inp.agent_id, now, now
        mode = "takeover" if inp.takeover else "start" if view.assignee_id == inp.agent_id else "pull"
        result = await workflow.execute_local_activity(
            "start_work", WorkRequest(case_id=view.case_id, agent_id=inp.agent_id, mode=mode),
            result_type=WorkResult, **_LOCAL)
        if not result.ok:
            if view.claimed_by == inp.agent_id:
                view.claimed_by, view.claimed_at = None, None
            raise _refuse(result.message, result.code, holder=result.holder)
        self._started_by = inp.agent_id
        if result.state is not None:
            self._apply_routing(result.state)
        if inp.takeover:
            self._event("taken_over", actor=inp.agent_id, previous=previous)
            workflow.logger.info("case %s taken over by %s from %s", view.case_id, inp.agent_id, previous)
        else:
            self._event("claimed", actor=inp.agent_id, mode=mode)
        self._touch()
        return view

    @claim.validator
    def _validate_claim(self, inp: ClaimInput) -> None:
        view = self._require_view()
        self._require_open(view)
        if inp.takeover:
            if not inp.supervisor:
                raise _refuse(f"{inp.agent_id} is not a supervisor; only supervisors take cases over",
                              "not_supervisor")
            return
        holder = view.claimed_by
        if holder == inp.agent_id:
            return
        if holder is not None:
            since = view.claimed_at.isoformat() if view.claimed_at else "now"
            raise _refuse(f"{holder} is working on this case (since {since})", "claimed", holder=holder)
        if view.assignee_id == inp.agent_id:
            return
        if view.assignee_id is not None:
            raise _refuse(f"case is assigned to {view.assignee_id}", "not_assignee", holder=view.assignee_id)
        if not (self._routing and self._routing.allow_pull):
            raise _refuse("this case waits for the queue to assign it; its team does not let agents pick cases",
                          "pull_not_allowed")

    @workflow.update(name=TRANSFER_UPDATE)
    async def transfer(self, inp: TransferInput) -> CaseView:
        view = self._require_view()
        source = view.team_id
        view.team_id = inp.team_id
        view.transfers += 1
        self._event("transferred", actor=inp.agent_id, from_team=source, to_team=inp.team_id, note=inp.note)
        workflow.logger.info("case %s transferred by %s from %s to %s", view.case_id, inp.agent_id, source,
                             inp.team_id)
        await self._route(requeue=True)
        return view

    @transfer.validator
    def _validate_transfer(self, inp: TransferInput) -> None:
        view = self._require_view()
        self._require_open(view)
        if inp.team_id == view.team_id:
            raise _refuse(f"case is already in team {inp.team_id}", "same_team")

    @workflow.update(name=PENDING_UPDATE)
    def set_pending(self, inp: PendingInput) -> CaseView:
        view = self._require_view()
        now = workflow.now()
        if inp.waiting and view.status != CaseStatus.pending:
            view.status = transition(view.status, CaseStatus.pending)
            self._sla_change(pause, "all", now)
            self._event("waiting_on_customer", actor=inp.agent_id)
        elif not inp.waiting and view.status == CaseStatus.pending:
            self._resume_work(inp.agent_id)
        self._claim_seen_at = now
        self._touch()
        return view

    @set_pending.validator
    def _validate_pending(self, inp: PendingInput) -> None:
        view = self._require_view()
        self._require_open(view)
        if inp.waiting and view.assignee_id is None:
            raise _refuse("only an assigned case can wait on the customer", "not_assigned")

    @workflow.update(name=CLOSE_UPDATE)
    def close(self, inp: CloseInput) -> CaseView:
        view = self._require_view()
        if view.status != CaseStatus.closed:
            self._close(inp.reason, inp.agent_id)
            self._touch()
        return view

    @close.validator
    def _validate_close(self, inp: CloseInput) -> None:
        self._require_open(self._require_view())

    # ---- run ------------------------------------------------------------
    @workflow.run
    async def run(self, inp: CaseInput) -> CaseView:
        self._flow_version = inp.flow_version
        for mention in inp.carried_mentions:
            self.add_mention(mention)
        await workflow.wait_condition(lambda: bool(self._pending))
        first = self._pending.pop(0)
        info = workflow.info()
        now = workflow.now()
        view = self._view = CaseView(
            case_id=info.run_id, workflow_id=info.workflow_id, conversation_id=inp.conversation_id,
            source=first.source, author=first.author, subject=first.text[:SUBJECT_LENGTH],
            opened_at=now, flow_version=inp.flow_version, updated_at=now, mention_ids=[first.id])
        self._event("mention_added", mention_id=first.id)
        cls = self._cls = await self._classify(first)
        view.tags, view.sentiment = list(cls.tags.keywords), cls.tags.sentiment
        view.needs_response, view.priority, view.team_id = cls.triage.needs_response, cls.triage.priority, cls.team_id
        self._event("tagged", keywords=cls.tags.keywords, sentiment=cls.tags.sentiment)
        self._event("triaged", needs_response=cls.triage.needs_response, priority=cls.triage.priority.value,
                    evidence=cls.triage.evidence)
        self._event("routed", team_id=cls.team_id, evidence=cls.routing)
        if not view.needs_response:
            self._close(CloseReason.no_action, "system")
        else:
            self._start_sla(cls.sla_policy, cls.sla_evidence)
            await self._route()

        while view.status != CaseStatus.closed:
            self._wake = False  # cleared before the work, so a signal during it is not missed
            await self._take_pending()
            if view.status == CaseStatus.closed:
                break
            if self._unsaved:
                await self._save()  # decisions and handler events reach the read side now
            try:
                await workflow.wait_condition(lambda: self._wake, timeout=self._next_timeout())
            except TimeoutError:
                pass
            await self._on_time()

        await workflow.wait_condition(workflow.all_handlers_finished)
        if view.needs_response:
            await workflow.execute_local_activity("release_case", ReleaseRequest(case_id=view.case_id), **_LOCAL)
        self._measure()
        await self._save()
        if self._pending:
            # Mentions that arrived while the case was closing start the next case, never dropped.
            workflow.continue_as_new(CaseInput(conversation_id=inp.conversation_id, flow_version=inp.flow_version,
                                               carried_mentions=self._pending))
        return view

    # ---- steps ----------------------------------------------------------
    async def _classify(self, mention: Mention) -> Classification:
        return await workflow.execute_local_activity(
            "classify_mention", ClassifyInput(flow_version=self._flow_version, mention=mention),
            result_type=Classification, **_LOCAL)

    async def _take_pending(self) -> None:
        """Fold follow-up mentions of the conversation into the case."""
        view = self._require_view()
        while self._pending and view.status != CaseStatus.closed:
            mention = self._pending.pop(0)
            cls = await self._classify(mention)
            view.mention_ids.append(mention.id)
            view.tags = sorted(set(view.tags) | set(cls.tags.keywords))
            view.sentiment = cls.tags.sentiment
            self._event("mention_added", mention_id=mention.id, keywords=cls.tags.keywords,
                        sentiment=cls.tags.sentiment)
            if view.status == CaseStatus.pending:
                self._resume_work("customer")
            if view.needs_response and view.reply_count > 0:
                now = workflow.now()  # the customer wrote after our reply: the next-response clock starts
                self._sla_change(restart, "next_response", now)
            self._touch()

    async def _route(self, *, requeue: bool = False, exclude: list[str] | None = None) -> None:
        view = self._require_view()
        cls = self._cls
        assert view.team_id is not None and cls is not None
        self._routed_at = workflow.now()
        state = await workflow.execute_local_activity(
            "route_case", RouteRequest(case_id=view.case_id, workflow_id=view.workflow_id, team_id=view.team_id,
                                       priority=view.priority, channel=view.source, language=cls.language,
                                       required_skills=cls.required_skills, optional_skills=cls.optional_skills,
                                       excluded_agents=exclude or [], requeue=requeue),
            result_type=RoutingState, **_LOCAL)
        self._apply_routing(state)

    def _apply_routing(self, state: RoutingState) -> None:
        """Take a routing change if it is newer than the last one seen (signals may repeat or cross)."""
        view = self._require_view()
        if self._routing is not None and state.seq <= self._routing.seq:
            return
        self._routing = state
        if view.status == CaseStatus.closed:
            return  # the release at the end frees whatever this was
        now = workflow.now()
        if state.state == "assigned" and state.agent_id != view.assignee_id:
            previous = view.assignee_id
            view.assignee_id, view.assigned_at, view.team_id = state.agent_id, now, state.team_id
            if view.status == CaseStatus.open:
                view.status = transition(view.status, CaseStatus.assigned)
            if view.claimed_by not in (None, state.agent_id):
                view.claimed_by = view.claimed_at = None
            if previous is not None:
                self._started_by = None  # went straight from one agent to the next (e.g. the first went offline)
                self._event("reassigned", agent_id=state.agent_id, previous=previous, team_id=state.team_id,
                            strategy=state.reason.get("strategy"), evidence=state.reason)
            else:
                self._event("assigned", agent_id=state.agent_id, team_id=state.team_id,
                            strategy=state.reason.get("strategy"), evidence=state.reason)
            workflow.logger.info("case %s assigned to %s in team %s (%s)", view.case_id, state.agent_id,
                                 state.team_id, state.reason.get("strategy"))
        elif state.state == "waiting":
            if view.assignee_id is not None:
                self._event("returned_to_queue", team_id=state.team_id, previous=view.assignee_id,
                            reason=state.reason)
                workflow.logger.info("case %s returned to queue %s from %s", view.case_id, state.team_id,
                                     view.assignee_id)
                view.assignee_id = view.assigned_at = view.claimed_by = view.claimed_at = None
                self._started_by = None
                if view.status in (CaseStatus.assigned, CaseStatus.pending):
                    view.status = transition(view.status, CaseStatus.open)
            elif "error" in state.reason:
                self._event("routing_failed", team_id=state.team_id, **state.reason)
                workflow.logger.warning("case %s cannot be queued in %s: %s", view.case_id, state.team_id,
                                        state.reason["message"])
            else:
                self._event("queued", team_id=state.team_id, reason="no eligible agent with free capacity")
                workflow.logger.info("case %s waits in queue %s", view.case_id, state.team_id)
        self._touch()

    async def _start_work(self, agent_id: str) -> None:
        """The first reply marks the case as begun, so it stays with its agent through a disconnect."""
        if self._started_by == agent_id:
            return
        self._started_by = agent_id
        await workflow.execute_local_activity(
            "start_work", WorkRequest(case_id=self._require_view().case_id, agent_id=agent_id, mode="start"),
            result_type=WorkResult, **_LOCAL)

    async def _send(self, reply_id: str, agent_id: str, text: str, close: bool) -> None:
        view = self._require_view()
        sent = await workflow.execute_activity(
            "send_reply",
            SendReplyInput(reply_id=reply_id, case_id=view.case_id, conversation_id=view.conversation_id,
                           source=view.source, agent_id=agent_id, text=text,
                           in_reply_to=view.mention_ids[-1] if view.mention_ids else None),
            result_type=SentReply, start_to_close_timeout=timedelta(seconds=30), retry_policy=_RETRY)
        self._sending.discard(reply_id)
        self._sent.add(reply_id)
        now = workflow.now()
        if view.first_response_at is None:
            view.first_response_at = now
            self._sla_change(met, "first_response", now)
        self._sla_change(met, "next_response", now)
        view.reply_count += 1
        self._event("replied", actor=agent_id, reply_id=reply_id, mention_id=sent.mention_id)
        if close and view.status != CaseStatus.closed:
            self._close(CloseReason.resolved, agent_id)
        self._touch()

    # ---- time: SLA events, idle claims, routing re-checks --------------------
    def _next_timeout(self) -> timedelta | None:
        view = self._require_view()
        now = workflow.now()
        moments = []
        if self._due:
            return timedelta(0)
        if self._sla is not None:
            upcoming = pending_events(self._sla)
            if upcoming:
                moments.append(upcoming[0].at)
        if view.claimed_by is not None and self._claim_seen_at is not None and self._routing is not None:
            moments.append(self._claim_seen_at + timedelta(seconds=self._routing.claim_idle_seconds))
        if view.assignee_id is None and self._routed_at is not None:
            moments.append(self._recheck_at())
        return max(min(moments) - now, timedelta(0)) if moments else None

    async def _on_time(self) -> None:
        view = self._require_view()
        if view.status == CaseStatus.closed:
            return
        now = workflow.now()
        if self._sla is not None:
            events, self._sla = due_events(self._sla, now)
            self._due.extend(events)
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
            await self._route(requeue=True, exclude=[idle])
        if view.assignee_id is None and self._routed_at is not None and now >= self._recheck_at():
            await self._route()

    def _recheck_at(self) -> datetime:
        """When a waiting case asks routing again: on the routing's hint (skills relax), or as a safety net."""
        assert self._routed_at is not None
        wait = ROUTE_RECHECK
        if self._routing is not None and self._routing.recheck_in_seconds is not None:
            wait = min(wait, timedelta(seconds=max(self._routing.recheck_in_seconds, 1)))
        return self._routed_at + wait

    def _start_sla(self, policy: SlaPolicy | None, evidence: dict) -> None:
        view = self._require_view()
        if policy is None:
            return
        self._sla = start_clocks(policy, view.opened_at)
        view.sla = summary(self._sla, workflow.now())
        view.sla_due_at = _due(view.sla, "first_response")
        self._event("sla_started", policy=policy.id, evidence=evidence, targets=view.sla)

    def _sla_change(self, change: Callable[..., SlaClocks], *args: object) -> None:
        """Apply one of engine.slas' changes to the clocks, and show the new deadlines.

        Events already due are taken out first (and acted on by the main loop),
        so a change at the same instant as a timer never loses that timer.
        """
        if self._sla is None:
            return
        due, self._sla = due_events(self._sla, workflow.now())
        self._due.extend(due)
        self._sla = change(self._sla, *args)
        view = self._require_view()
        view.sla = summary(self._sla, workflow.now())
        view.sla_due_at = _due(view.sla, "first_response")

    async def _sla_event(self, event: SlaEvent) -> None:
        view = self._require_view()
        when = {"target": event.target, "at": event.at.isoformat()}
        if event.kind == "warning":
            self._event("sla_warning", **when)
            workflow.logger.info("case %s: %s SLA breaches soon", view.case_id, event.target)
        elif event.kind == "breach":
            view.sla_breached = True
            if can_transition(view.status, CaseStatus.escalated):
                view.status = CaseStatus.escalated
            self._event("sla_breached", **when)
            workflow.logger.info("case %s breached its %s SLA", view.case_id, event.target)
        else:
            view.escalation_level = max(view.escalation_level, event.level or 0)
            self._event("escalated", level=event.level, **when, actions=[a.model_dump() for a in event.actions])
            for action in event.actions:
                await self._escalate(action.type, action.to)
        self._touch()

    async def _escalate(self, kind: str, to: str | None) -> None:
        view = self._require_view()
        if kind == "raise_priority":
            previous, view.priority = view.priority, escalated_priority(view.priority)
            self._event("priority_raised", priority_from=previous.value, priority_to=view.priority.value)
            workflow.logger.info("case %s: priority %s -> %s", view.case_id, previous.value, view.priority.value)
            await self._reselect_sla()
        elif kind == "notify":
            self._event("notified", to=to)
            workflow.logger.info("case %s: %s notified of the escalation", view.case_id, to)
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
            "select_sla", SlaSelectInput(flow_version=self._flow_version, facts=self._facts()),
            result_type=SlaSelection, **_LOCAL)
        if selection.policy is None or self._sla is None or selection.policy.id == self._sla.policy.id:
            return
        now = workflow.now()
        previous = self._sla.policy.id
        self._sla_change(change_policy, selection.policy, now)
        self._event("sla_policy_changed", policy_from=previous, policy_to=selection.policy.id,
                    evidence=selection.evidence, targets=self._require_view().sla)

    def _resume_work(self, actor: str) -> None:
        view = self._require_view()
        now = workflow.now()
        view.status = transition(view.status, CaseStatus.assigned if view.assignee_id else CaseStatus.open)
        self._sla_change(resume, "all", now)
        self._event("resumed", actor=actor)

    # ---- close and measure -------------------------------------------------
    def _close(self, reason: CloseReason, actor: str) -> None:
        view = self._require_view()
        view.status = transition(view.status, CaseStatus.closed)
        view.closed_at, view.close_reason = workflow.now(), reason
        view.claimed_by = view.claimed_at = None
        if self._sla is not None:
            now = view.closed_at
            self._sla_change(met, "resolution", now)
            self._sla = None  # closed: no timer is left to fire
        self._event("closed", actor=actor, reason=reason.value)
        self._wake = True

    def _measure(self) -> None:
        view = self._require_view()
        assert view.closed_at is not None
        view.measures = measure(opened_at=view.opened_at, closed_at=view.closed_at,
                                first_response_at=view.first_response_at, sla_breached=view.sla_breached,
                                mention_count=len(view.mention_ids), reply_count=view.reply_count)
        self._event("measured", **view.measures.model_dump())

    async def _save(self) -> None:
        view = self._require_view()
        events, self._unsaved = self._unsaved, []
        await workflow.execute_local_activity(
            "save_case", SaveCaseInput(view=view, events=events), **_LOCAL)

    # ---- helpers ----------------------------------------------------------
    def _facts(self) -> dict:
        view = self._require_view()
        return {"priority": view.priority.value, "channel": view.source, "tags": list(view.tags),
                "sentiment": view.sentiment, "team_id": view.team_id, "author": view.author,
                "status": view.status.value, "escalation_level": view.escalation_level}

    def _known_reply(self, reply_id: str) -> bool:
        view = self._require_view()
        return reply_id in self._sent or reply_id in self._sending or any(d.reply_id == reply_id for d in view.drafts)

    def _draft(self, reply_id: str) -> ReplyDraft:
        for draft in self._require_view().drafts:
            if draft.reply_id == reply_id:
                return draft
        raise _refuse(f"no reply {reply_id} waits for approval on this case", "unknown_reply")

    def _event(self, kind: str, actor: str = "system", **detail: object) -> None:
        self._seq += 1
        self._unsaved.append(CaseEvent(seq=self._seq, at=workflow.now(), kind=kind, actor=actor, detail=detail))

    def _touch(self) -> None:
        self._require_view().updated_at = workflow.now()
        self._wake = True

    def _require_view(self) -> CaseView:
        if self._view is None:
            raise _refuse("the case is still opening; try again in a moment", "case_opening")
        return self._view

    @staticmethod
    def _require_open(view: CaseView) -> None:
        if view.status == CaseStatus.closed:
            raise _refuse(f"case {view.case_id} is closed ({view.close_reason})", "case_closed")


def _due(sla: dict, target: str) -> datetime | None:
    due = sla.get(target, {}).get("due_at")
    return datetime.fromisoformat(due) if isinstance(due, str) else due
