"""The case workflow: one per conversation, from first mention to measure.

Decisions that depend on the outside (the flow's rules, the agents on shift)
come from local activities, so their results sit in history and a replay
shows an auditor exactly what was decided and why.

This module is the workflow's Temporal surface (its run, signals, updates with
their validators, and query) and the main loop; each part of the case is
owned by one object, all sharing the case's record (workflows/case_record.py):
who holds it (case_assignment.py), its SLA clocks (case_clocks.py) and what
their events do (case_escalation.py), the mentions folded in (case_mentions.py),
replies (case_replies.py), experts (case_experts.py), and its opening, close,
measures and reopen window (case_lifecycle.py).
"""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow

from workflows.case_assignment import Assignment
from workflows.case_auto_reply import AutoReply
from workflows.case_clocks import Clocks
from workflows.case_escalation import Escalation
from workflows.case_experts import Experts
from workflows.case_lifecycle import Lifecycle
from workflows.case_mentions import Mentions
from workflows.case_record import LOCAL, CaseRecord, refuse, require_in_house, require_open
from workflows.case_replies import Replies

with workflow.unsafe.imports_passed_through():
    from engine.messages import (
        ADD_MENTION_SIGNAL,
        APPROVE_UPDATE,
        CASE_WORKFLOW,
        CLAIM_UPDATE,
        CLOSE_UPDATE,
        EXPERT_ANSWER_UPDATE,
        EXPERT_UPDATE,
        MENTIONS_SIGNAL,
        NOTE_UPDATE,
        PENDING_UPDATE,
        REJECT_UPDATE,
        RELEASE_UPDATE,
        REPLY_UPDATE,
        ROUTING_SIGNAL,
        TAG_UPDATE,
        TRANSFER_UPDATE,
        VIEW_QUERY,
        Activity,
        ApproveInput,
        CaseInput,
        CaseView,
        ClaimInput,
        CloseInput,
        ExpertAnswerInput,
        ExpertRequestInput,
        HandOnInput,
        MentionRefs,
        NoteInput,
        PendingInput,
        Refusal,
        RejectInput,
        ReleaseInput,
        ReleaseRequest,
        ReplyInput,
        RoutingState,
        TagInput,
        TransferInput,
    )
    from engine.models import CaseStatus, Mention


@workflow.defn(name=CASE_WORKFLOW)
class CaseWorkflow:
    @workflow.init
    def __init__(self, inp: CaseInput) -> None:
        record = self._record = CaseRecord(inp.flow_version)
        self._assignment = Assignment(record)
        self._clocks = Clocks(record)
        self._escalation = Escalation(record, self._clocks, self._assignment)
        self._mentions = Mentions(record, self._clocks)
        self._lifecycle = Lifecycle(record, self._clocks, self._assignment, self._mentions)
        self._replies = Replies(record, self._clocks, self._assignment, self._lifecycle)
        self._experts = Experts(record, self._clocks, self._assignment)
        self._auto_reply = AutoReply(record)
        if inp.decision is not None:
            # Before any handler runs: a claim or a reply can arrive with the start itself.
            self._lifecycle.open_decided(inp)

    # ---- signals and queries ---------------------------------------------
    @workflow.signal(name=ADD_MENTION_SIGNAL)
    def add_mention(self, mention: Mention) -> None:
        self._mentions.hear(mention)

    @workflow.signal(name=MENTIONS_SIGNAL)
    def add_mentions(self, refs: MentionRefs) -> None:
        for mention_id in refs.ids:
            self._mentions.hear(mention_id)

    @workflow.signal(name=ROUTING_SIGNAL)
    def on_routing(self, state: RoutingState) -> None:
        view = self._record.view
        if view is not None and state.case_id == view.case_id:
            self._assignment.apply(state)

    @workflow.query(name=VIEW_QUERY)
    def view(self) -> CaseView | None:
        return self._record.view

    # ---- replies and approvals ---------------------------------------------
    @workflow.update(name=REPLY_UPDATE)
    async def reply(self, inp: ReplyInput) -> CaseView:
        return await self._replies.reply(inp)

    @reply.validator
    def _validate_reply(self, inp: ReplyInput) -> None:
        self._replies.validate_reply(inp)

    @workflow.update(name=APPROVE_UPDATE)
    async def approve(self, inp: ApproveInput) -> CaseView:
        return await self._replies.approve(inp)

    @approve.validator
    def _validate_approve(self, inp: ApproveInput) -> None:
        self._replies.validate_decision(inp.reply_id, inp.approver_id)

    @workflow.update(name=REJECT_UPDATE)
    def reject(self, inp: RejectInput) -> CaseView:
        return self._replies.reject(inp)

    @reject.validator
    def _validate_reject(self, inp: RejectInput) -> None:
        self._replies.validate_decision(inp.reply_id, inp.approver_id)

    # ---- work: claim, transfer, waiting on the customer, close -------------
    @workflow.update(name=CLAIM_UPDATE)
    async def claim(self, inp: ClaimInput) -> CaseView:
        return await self._assignment.claim(inp)

    @claim.validator
    def _validate_claim(self, inp: ClaimInput) -> None:
        self._assignment.validate_claim(inp)

    @workflow.update(name=RELEASE_UPDATE)
    async def release(self, inp: ReleaseInput) -> CaseView:
        if not workflow.patched("case-release"):  # pragma: no cover - no history before the patch has one
            raise refuse("this case's workflow predates releasing", Refusal.nothing_to_change)
        return await self._assignment.release(inp)

    @release.validator
    def _validate_release(self, inp: ReleaseInput) -> None:
        self._assignment.validate_release(inp)

    @workflow.update(name=TRANSFER_UPDATE)
    async def transfer(self, inp: TransferInput) -> CaseView:
        return await self._assignment.transfer(inp)

    @transfer.validator
    def _validate_transfer(self, inp: TransferInput) -> None:
        self._assignment.validate_transfer(inp)

    @workflow.update(name=PENDING_UPDATE)
    def set_pending(self, inp: PendingInput) -> CaseView:
        view = self._record.require_view()
        now = workflow.now()
        if inp.waiting and view.status != CaseStatus.pending:
            self._clocks.wait_on_customer(inp.agent_id, now)
        elif not inp.waiting and view.status == CaseStatus.pending:
            self._clocks.resume_work(inp.agent_id)
        self._assignment.claim_seen_at = now
        self._record.touch()
        return view

    @set_pending.validator
    def _validate_pending(self, inp: PendingInput) -> None:
        view = self._record.require_view()
        require_in_house(view)
        if inp.waiting and view.assignee_id is None:
            raise refuse("only an assigned case can wait on the customer", Refusal.not_assigned)

    @workflow.update(name=CLOSE_UPDATE)
    def close(self, inp: CloseInput) -> CaseView:
        view = self._record.require_view()
        if view.status != CaseStatus.closed:
            self._lifecycle.close(inp.reason, inp.agent_id)
            self._record.touch()
        return view

    @close.validator
    def _validate_close(self, inp: CloseInput) -> None:
        require_open(self._record.require_view())

    # ---- notes, tags and experts outside the contact centre ----------------
    @workflow.update(name=NOTE_UPDATE)
    def note(self, inp: NoteInput) -> CaseView:
        view = self._record.require_view()
        self._record.add_note(inp.agent_id, inp.text)
        self._record.touch()
        return view

    @note.validator
    def _validate_note(self, inp: NoteInput) -> None:
        self._record.require_view()  # closed cases take notes too, while their reopen window lasts

    @workflow.update(name=TAG_UPDATE)
    def tag(self, inp: TagInput) -> CaseView:
        view = self._record.require_view()
        before = set(view.tags)
        after = (before | set(inp.add)) - set(inp.remove)
        if after != before:
            view.tags = sorted(after)
            self._record.event("tags_changed", actor=inp.agent_id, added=sorted(after - before),
                               removed=sorted(before - after))
            self._record.touch()
        return view

    @tag.validator
    def _validate_tag(self, inp: TagInput) -> None:
        self._record.require_view()
        if not inp.add and not inp.remove:
            raise refuse("give tags to add or to remove", Refusal.nothing_to_change)

    @workflow.update(name=EXPERT_UPDATE)
    async def consult_expert(self, inp: ExpertRequestInput) -> CaseView:
        return await self._experts.consult(inp)

    @consult_expert.validator
    def _validate_consult(self, inp: ExpertRequestInput) -> None:
        self._experts.validate_consult(inp)

    @workflow.update(name=EXPERT_ANSWER_UPDATE)
    async def expert_answer(self, inp: ExpertAnswerInput) -> CaseView:
        return await self._experts.answer(inp)

    @expert_answer.validator
    def _validate_expert_answer(self, inp: ExpertAnswerInput) -> None:
        self._experts.validate_answer(inp)

    # ---- run ------------------------------------------------------------
    @workflow.run
    async def run(self, inp: CaseInput) -> CaseView:
        mentions = self._mentions
        for mention in inp.carried_mentions:
            self.add_mention(mention)
        if inp.decision is None:
            await self._lifecycle.open_and_classify(inp)
        view = self._record.require_view()
        if view.status != CaseStatus.closed:
            self._auto_reply.begin()
        while True:
            await self._work_until_closed()
            await workflow.wait_condition(workflow.all_handlers_finished)
            await self._auto_reply.settled()
            if view.needs_response:
                await workflow.execute_local_activity(Activity.release_case, ReleaseRequest(case_id=view.case_id),
                                                      **LOCAL)
            self._lifecycle.measure()
            await self._record.save(self._clocks.deadlines())
            if not workflow.patched("reopen-window") or not await self._lifecycle.reopened_in_window():
                break
        if mentions.pending and (inp.decision is not None or workflow.patched("hand-on-mentions")):
            # The conversation's next case is opened as ingest opens one (store.decisions), with its own
            # workflow; this one ends.
            await workflow.execute_local_activity(
                Activity.hand_on_mentions, HandOnInput(case_id=view.case_id, mention_ids=mentions.ids()), **LOCAL)
        elif mentions.pending:
            # Mentions that arrived while the case was closing start the next case, never dropped.
            workflow.continue_as_new(CaseInput(conversation_id=inp.conversation_id, flow_version=inp.flow_version,
                                               carried_mentions=mentions.pending))
        return view

    async def _work_until_closed(self) -> None:
        record = self._record
        view = record.require_view()
        while view.status != CaseStatus.closed:
            record.wake = False  # cleared before the work, so a signal during it is not missed
            await self._mentions.take_pending()
            if view.status == CaseStatus.closed:
                break
            if record.unsaved:
                await record.save(self._clocks.deadlines())  # decisions and handler events reach the read side now
            try:
                await workflow.wait_condition(lambda: record.wake, timeout=self._next_timeout())
            except TimeoutError:
                pass
            await self._on_time()

    # ---- time: SLA events, idle claims, the expert's deadline, routing re-checks ----
    def _next_timeout(self) -> timedelta | None:
        now = workflow.now()
        if self._clocks.due:
            return timedelta(0)
        moments = [moment for moment in (self._clocks.next_moment(), self._assignment.next_moment(),
                                         self._experts.next_moment()) if moment is not None]
        return max(min(moments) - now, timedelta(0)) if moments else None

    async def _on_time(self) -> None:
        view = self._record.require_view()
        if view.status == CaseStatus.closed:
            return
        now = workflow.now()
        await self._escalation.on_time(now, sending=bool(self._replies.sending))
        await self._assignment.expire_idle_claim(now)
        self._experts.check_overdue(now)
        await self._assignment.recheck(now)
