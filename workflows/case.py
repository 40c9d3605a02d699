"""The case workflow: one per conversation, from first mention to measure.

Decisions that depend on the outside (the flow's rules, the agents on shift)
come from local activities, so their results sit in history and a replay
shows an auditor exactly what was decided and why.
"""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ApplicationError

with workflow.unsafe.imports_passed_through():
    from engine.lifecycle import can_transition, transition
    from engine.measures import measure
    from engine.messages import (
        ADD_MENTION_SIGNAL,
        CASE_WORKFLOW,
        CLOSE_UPDATE,
        REPLY_UPDATE,
        VIEW_QUERY,
        AssignInput,
        AssignResult,
        CaseInput,
        CaseView,
        Classification,
        ClassifyInput,
        CloseInput,
        ReplyInput,
        SaveCaseInput,
        SendReplyInput,
        SentReply,
    )
    from engine.models import CaseEvent, CaseStatus, CloseReason, Mention
    from engine.sla import escalated_priority, first_response_due

# Infrastructure hiccups (a locked DB, a restarting connector) are retried, never fatal.
_RETRY = RetryPolicy(initial_interval=timedelta(milliseconds=200), maximum_interval=timedelta(seconds=30))
_LOCAL = {"start_to_close_timeout": timedelta(seconds=15), "retry_policy": _RETRY}
ASSIGN_RETRY = timedelta(seconds=60)
SUBJECT_LENGTH = 140


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

    # ---- handlers -------------------------------------------------------
    @workflow.signal(name=ADD_MENTION_SIGNAL)
    def add_mention(self, mention: Mention) -> None:
        if mention.id not in self._seen:
            self._seen.add(mention.id)
            self._pending.append(mention)
            self._wake = True

    @workflow.query(name=VIEW_QUERY)
    def view(self) -> CaseView | None:
        return self._view

    @workflow.update(name=REPLY_UPDATE)
    async def reply(self, inp: ReplyInput) -> CaseView:
        view = self._require_view()
        if inp.reply_id not in self._sent and inp.reply_id not in self._sending:
            self._sending.add(inp.reply_id)
            sent = await workflow.execute_activity(
                "send_reply",
                SendReplyInput(reply_id=inp.reply_id, case_id=view.case_id, conversation_id=view.conversation_id,
                               source=view.source, agent_id=inp.agent_id, text=inp.text,
                               in_reply_to=view.mention_ids[-1] if view.mention_ids else None),
                result_type=SentReply, start_to_close_timeout=timedelta(seconds=30), retry_policy=_RETRY)
            self._sending.discard(inp.reply_id)
            self._sent.add(inp.reply_id)
            now = workflow.now()
            if view.first_response_at is None:
                view.first_response_at = now
            view.reply_count += 1
            self._event("replied", actor=inp.agent_id, reply_id=inp.reply_id, mention_id=sent.mention_id)
            if inp.close and view.status != CaseStatus.closed:
                self._close(CloseReason.resolved, inp.agent_id)
            self._touch()
        return view

    @reply.validator
    def _validate_reply(self, inp: ReplyInput) -> None:
        view = self._require_view()
        if inp.reply_id in self._sent or inp.reply_id in self._sending:
            return  # a retried request: answered without sending twice
        self._require_open(view)
        if view.assignee_id != inp.agent_id:
            holder = view.assignee_id or "nobody yet"
            raise ApplicationError(f"case is assigned to {holder}, not to {inp.agent_id}",
                                   {"holder": view.assignee_id}, type="not_assignee", non_retryable=True)

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
        cls = await self._classify(inp.flow_version, first)
        view.tags, view.sentiment = list(cls.tags.keywords), cls.tags.sentiment
        view.needs_response, view.priority, view.team_id = cls.triage.needs_response, cls.triage.priority, cls.team_id
        self._event("tagged", keywords=cls.tags.keywords, sentiment=cls.tags.sentiment)
        self._event("triaged", needs_response=cls.triage.needs_response, priority=cls.triage.priority.value,
                    evidence=cls.triage.evidence)
        self._event("routed", team_id=cls.team_id, evidence=cls.routing)
        if not view.needs_response:
            self._close(CloseReason.no_action, "system")
        else:
            view.sla_due_at = first_response_due(view.opened_at, view.priority, cls.first_response_targets)
        await self._save()

        while view.status != CaseStatus.closed:
            self._wake = False  # cleared before the work, so a signal during it is not missed
            await self._take_pending(inp.flow_version)
            if view.assignee_id is None:
                await self._assign()
            if view.status == CaseStatus.closed:
                break
            try:
                await workflow.wait_condition(lambda: self._wake, timeout=self._next_timeout())
            except TimeoutError:
                await self._check_sla()
            if self._unsaved and view.status != CaseStatus.closed:
                await self._save()  # replies and other handler events reach the read side now

        await workflow.wait_condition(workflow.all_handlers_finished)
        self._measure()
        await self._save()
        if self._pending:
            # Mentions that arrived while the case was closing start the next case, never dropped.
            workflow.continue_as_new(CaseInput(conversation_id=inp.conversation_id, flow_version=inp.flow_version,
                                               carried_mentions=self._pending))
        return view

    # ---- steps ----------------------------------------------------------
    async def _classify(self, flow_version: str, mention: Mention) -> Classification:
        return await workflow.execute_local_activity(
            "classify_mention", ClassifyInput(flow_version=flow_version, mention=mention),
            result_type=Classification, **_LOCAL)

    async def _take_pending(self, flow_version: str) -> None:
        """Fold follow-up mentions of the conversation into the case."""
        view = self._require_view()
        while self._pending and view.status != CaseStatus.closed:
            mention = self._pending.pop(0)
            cls = await self._classify(flow_version, mention)
            view.mention_ids.append(mention.id)
            view.tags = sorted(set(view.tags) | set(cls.tags.keywords))
            view.sentiment = cls.tags.sentiment
            self._event("mention_added", mention_id=mention.id, keywords=cls.tags.keywords,
                        sentiment=cls.tags.sentiment)
            self._touch()
            await self._save()

    async def _assign(self) -> None:
        view = self._require_view()
        assert view.team_id is not None
        result = await workflow.execute_local_activity(
            "assign_case", AssignInput(case_id=view.case_id, team_id=view.team_id),
            result_type=AssignResult, **_LOCAL)
        if view.status == CaseStatus.closed:
            return  # closed while the assignment was being decided
        if result.agent_id is None:
            self._event("queued", team_id=view.team_id, reason="no online agent in the team")
            workflow.logger.info("case %s queued: no online agent in team %s", view.case_id, view.team_id)
        else:
            view.assignee_id, view.assigned_at = result.agent_id, workflow.now()
            view.status = transition(view.status, CaseStatus.assigned) if view.status == CaseStatus.open \
                else view.status  # an escalated case stays escalated when it finds an agent
            self._event("assigned", agent_id=result.agent_id, team_id=view.team_id,
                        strategy="round_robin", considered=result.considered)
            workflow.logger.info("case %s assigned to %s (round robin over %s)",
                                 view.case_id, result.agent_id, result.considered)
        self._touch()
        await self._save()

    def _next_timeout(self) -> timedelta | None:
        view = self._require_view()
        waits = []
        if view.sla_due_at and not view.sla_breached and view.first_response_at is None:
            waits.append(max(view.sla_due_at - workflow.now(), timedelta(0)))
        if view.assignee_id is None:
            waits.append(ASSIGN_RETRY)
        return min(waits) if waits else None

    async def _check_sla(self) -> None:
        view = self._require_view()
        due = view.sla_due_at
        if due is None or view.sla_breached or view.first_response_at is not None or workflow.now() < due:
            return
        view.sla_breached = True
        previous = view.priority
        view.priority = escalated_priority(previous)
        if can_transition(view.status, CaseStatus.escalated):
            view.status = CaseStatus.escalated
        self._event("sla_breached", target="first_response", due=due.isoformat(),
                    priority_from=previous.value, priority_to=view.priority.value)
        workflow.logger.info("case %s breached its first-response SLA; priority %s -> %s",
                             view.case_id, previous.value, view.priority.value)
        self._touch()
        await self._save()

    def _close(self, reason: CloseReason, actor: str) -> None:
        view = self._require_view()
        view.status = transition(view.status, CaseStatus.closed)
        view.closed_at, view.close_reason = workflow.now(), reason
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
    def _event(self, kind: str, actor: str = "system", **detail: object) -> None:
        self._seq += 1
        self._unsaved.append(CaseEvent(seq=self._seq, at=workflow.now(), kind=kind, actor=actor, detail=detail))

    def _touch(self) -> None:
        self._require_view().updated_at = workflow.now()
        self._wake = True

    def _require_view(self) -> CaseView:
        if self._view is None:
            raise ApplicationError("the case is still opening; try again in a moment",
                                   type="case_opening", non_retryable=True)
        return self._view

    @staticmethod
    def _require_open(view: CaseView) -> None:
        if view.status == CaseStatus.closed:
            raise ApplicationError(f"case {view.case_id} is closed ({view.close_reason})",
                                   type="case_closed", non_retryable=True)
