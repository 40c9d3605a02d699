"""The case workflow: one per conversation, from first mention to measure.

Decisions that depend on the outside (the flow's rules, the agents on shift)
come from local activities, so their results sit in history and a replay
shows an auditor exactly what was decided and why. Routing state lives in
the database (see store/routing/models.py); the workflow hears its changes as
`routing` signals (workflows/case_routing.py). SLA deadlines are workflow
timers computed by the pure maths in engine.slas (workflows/case_sla.py).
Closing, measuring and the reopen window are workflows/case_closing.py.
This module holds the handlers, the main loop and the steps between them.
"""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow

from workflows.case_closing import ClosingSteps
from workflows.case_state import LOCAL, RETRY, refuse

with workflow.unsafe.imports_passed_through():
    from engine.lifecycle import transition
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
        ExpertConsult,
        ExpertRequestInput,
        HandOnInput,
        MentionRefs,
        NoteInput,
        PendingInput,
        Refusal,
        RejectInput,
        ReleaseRequest,
        ReplyCheck,
        ReplyCheckInput,
        ReplyDraft,
        ReplyInput,
        RoutingState,
        SendReplyInput,
        SentReply,
        TagInput,
        TransferInput,
        WorkRequest,
        WorkResult,
    )
    from engine.models import CaseStatus, CloseReason, Mention
    from engine.opening import SUBJECT_LENGTH, opening
    from engine.slas import (
        pause,
        restart,
        resume,
    )

FOLD_PER_TASK = 100  # follow-up mentions taken into the case in one workflow task (about 4 KB of history each)


@workflow.defn(name=CASE_WORKFLOW)
class CaseWorkflow(ClosingSteps):
    @workflow.init
    def __init__(self, inp: CaseInput) -> None:
        super().__init__()
        self._flow_version = inp.flow_version
        if inp.decision is not None:
            # Before any handler runs: a claim or a reply can arrive with the start itself.
            self._open_decided(inp)

    # ---- signals and queries ---------------------------------------------
    @workflow.signal(name=ADD_MENTION_SIGNAL)
    def add_mention(self, mention: Mention) -> None:
        if mention.id not in self._seen:
            self._seen.add(mention.id)
            self._pending.append(mention)
            self._wake = True

    @workflow.signal(name=MENTIONS_SIGNAL)
    def add_mentions(self, refs: MentionRefs) -> None:
        for mention_id in refs.ids:
            if mention_id not in self._seen:
                self._seen.add(mention_id)
                self._pending.append(mention_id)
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
            await self._sent_or_held(inp.reply_id)  # a retried request answers with the first one's outcome
            return view
        self._sending.add(inp.reply_id)
        self._claim_seen_at = workflow.now()
        await self._start_work(inp.agent_id)
        check = await workflow.execute_local_activity(
            Activity.check_reply, ReplyCheckInput(flow_version=self._flow_version, agent_id=inp.agent_id, text=inp.text,
                                           case=self._facts()), result_type=ReplyCheck, **LOCAL)
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
        self._require_in_house(view)
        if inp.agent_id not in (view.assignee_id, view.claimed_by):
            holder = view.claimed_by or view.assignee_id or "nobody yet"
            raise refuse(f"case is assigned to {holder}, not to {inp.agent_id}", Refusal.not_assignee,
                          holder=view.claimed_by or view.assignee_id)

    @workflow.update(name=APPROVE_UPDATE)
    async def approve(self, inp: ApproveInput) -> CaseView:
        view = self._require_view()
        draft = self._draft(inp.reply_id)
        if draft.status != "pending":
            await self._sent_or_held(inp.reply_id)  # a retried approval: answered once the reply went out
            return view
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
            raise refuse(f"reply {reply_id} was already {draft.status} by {draft.decided_by}", Refusal.already_decided,
                          holder=draft.decided_by)
        self._require_open(view)
        if approver_id == draft.agent_id:
            raise refuse("a reply needs someone other than its author to approve it", Refusal.self_approval)

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
            Activity.start_work, WorkRequest(case_id=view.case_id, agent_id=inp.agent_id, mode=mode),
            result_type=WorkResult, **LOCAL)
        if not result.ok:
            if view.claimed_by == inp.agent_id:
                view.claimed_by, view.claimed_at = None, None
            raise refuse(result.message, Refusal(result.code), holder=result.holder)
        self._started_by = inp.agent_id
        if result.state is not None:
            self._apply_routing(result.state)
        if inp.takeover:
            self._work_end()  # the previous holder's time is theirs; the supervisor's starts now
        self._work_begin()
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
        self._require_in_house(view)
        if inp.takeover:
            if not inp.supervisor:
                raise refuse(f"{inp.agent_id} is not a supervisor; only supervisors take cases over",
                              Refusal.not_supervisor)
            return
        holder = view.claimed_by
        if holder == inp.agent_id:
            return
        if holder is not None:
            since = view.claimed_at.isoformat() if view.claimed_at else "now"
            raise refuse(f"{holder} is working on this case (since {since})", Refusal.claimed, holder=holder)
        if view.assignee_id == inp.agent_id:
            return
        if view.assignee_id is not None:
            raise refuse(f"case is assigned to {view.assignee_id}", Refusal.not_assignee, holder=view.assignee_id)
        if not (self._routing and self._routing.allow_pull):
            raise refuse("this case waits for the queue to assign it; its team does not let agents pick cases",
                          Refusal.pull_not_allowed)

    @workflow.update(name=TRANSFER_UPDATE)
    async def transfer(self, inp: TransferInput) -> CaseView:
        view = self._require_view()
        source = view.team_id
        view.team_id = inp.team_id
        view.transfers += 1
        self._work_end()
        if inp.note:
            self._add_note(inp.agent_id, inp.note)
        self._event("transferred", actor=inp.agent_id, from_team=source, to_team=inp.team_id, note=inp.note)
        workflow.logger.info("case %s transferred by %s from %s to %s", view.case_id, inp.agent_id, source,
                             inp.team_id)
        await self._route(requeue=True)
        return view

    @transfer.validator
    def _validate_transfer(self, inp: TransferInput) -> None:
        view = self._require_view()
        self._require_in_house(view)
        if inp.team_id == view.team_id:
            raise refuse(f"case is already in team {inp.team_id}", Refusal.same_team)

    @workflow.update(name=PENDING_UPDATE)
    def set_pending(self, inp: PendingInput) -> CaseView:
        view = self._require_view()
        now = workflow.now()
        if inp.waiting and view.status != CaseStatus.pending:
            view.status = transition(view.status, CaseStatus.pending)
            self._work_end()
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
        self._require_in_house(view)
        if inp.waiting and view.assignee_id is None:
            raise refuse("only an assigned case can wait on the customer", Refusal.not_assigned)

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

    # ---- notes, tags and experts outside the contact centre ----------------
    @workflow.update(name=NOTE_UPDATE)
    def note(self, inp: NoteInput) -> CaseView:
        view = self._require_view()
        self._add_note(inp.agent_id, inp.text)
        self._touch()
        return view

    @note.validator
    def _validate_note(self, inp: NoteInput) -> None:
        self._require_view()  # closed cases take notes too, while their reopen window lasts

    @workflow.update(name=TAG_UPDATE)
    def tag(self, inp: TagInput) -> CaseView:
        view = self._require_view()
        before = set(view.tags)
        after = (before | set(inp.add)) - set(inp.remove)
        if after != before:
            view.tags = sorted(after)
            self._event("tags_changed", actor=inp.agent_id, added=sorted(after - before),
                        removed=sorted(before - after))
            self._touch()
        return view

    @tag.validator
    def _validate_tag(self, inp: TagInput) -> None:
        self._require_view()
        if not inp.add and not inp.remove:
            raise refuse("give tags to add or to remove", Refusal.nothing_to_change)

    @workflow.update(name=EXPERT_UPDATE)
    async def consult_expert(self, inp: ExpertRequestInput) -> CaseView:
        view = self._require_view()
        now = workflow.now()
        previous = view.assignee_id
        self._work_end()
        if view.status == CaseStatus.pending:
            self._sla_change(resume, "all", now)  # the customer waits on us again, now through the expert
        view.status = transition(view.status, CaseStatus.with_expert)
        view.assignee_id = view.assigned_at = view.claimed_by = view.claimed_at = None
        self._started_by = None
        view.expert = ExpertConsult(request_id=inp.request_id, expert_id=inp.expert_id, expert_name=inp.expert_name,
                                    question=inp.question, asked_by=inp.agent_id, asked_at=now,
                                    due_at=now + timedelta(seconds=inp.response_seconds))
        view.transfers += 1
        self._event("expert_consulted", actor=inp.agent_id, expert_id=inp.expert_id, request_id=inp.request_id,
                    question=inp.question, due_at=view.expert.due_at.isoformat(), previous=previous)
        workflow.logger.info("case %s handed by %s to expert %s, answer due %s", view.case_id, inp.agent_id,
                             inp.expert_id, view.expert.due_at.isoformat())
        # The agent's slot is free while the expert works; the answer puts the case back in the queue.
        await workflow.execute_local_activity(Activity.release_case, ReleaseRequest(case_id=view.case_id), **LOCAL)
        self._touch()
        return view

    @consult_expert.validator
    def _validate_consult(self, inp: ExpertRequestInput) -> None:
        view = self._require_view()
        self._require_open(view)
        if view.status == CaseStatus.with_expert and view.expert is not None:
            raise refuse(f"the case is already with expert {view.expert.expert_id}", Refusal.with_expert,
                          holder=view.expert.expert_id)
        if not view.needs_response:
            raise refuse("a case that needs no response has nothing to ask an expert", Refusal.not_routed)

    @workflow.update(name=EXPERT_ANSWER_UPDATE)
    async def expert_answer(self, inp: ExpertAnswerInput) -> CaseView:
        view = self._require_view()
        consult = view.expert
        assert consult is not None
        if consult.answered_at is not None:
            return view  # a retried answer
        consult.answered_at = workflow.now()
        expert = f"expert:{consult.expert_id}"
        self._add_note(expert, inp.text, kind="expert_answer")
        self._event("expert_answered", actor=expert, request_id=consult.request_id, late=consult.overdue)
        workflow.logger.info("case %s: expert %s answered; back to queue %s", view.case_id, consult.expert_id,
                             view.team_id)
        if view.status == CaseStatus.with_expert:
            view.status = transition(view.status, CaseStatus.open)
            await self._route()
        self._touch()
        return view

    @expert_answer.validator
    def _validate_expert_answer(self, inp: ExpertAnswerInput) -> None:
        view = self._require_view()
        consult = view.expert
        if consult is None or consult.request_id != inp.request_id:
            raise refuse("this case is not waiting for that expert request", Refusal.unknown_request)
        if consult.answered_at is not None:
            return
        self._require_open(view)

    # ---- run ------------------------------------------------------------
    @workflow.run
    async def run(self, inp: CaseInput) -> CaseView:
        self._flow_version = inp.flow_version
        for mention in inp.carried_mentions:
            self.add_mention(mention)
        if inp.decision is None:
            await self._open_and_classify(inp)
        view = self._require_view()
        while True:
            await self._work_until_closed()
            await workflow.wait_condition(workflow.all_handlers_finished)
            if view.needs_response:
                await workflow.execute_local_activity(Activity.release_case, ReleaseRequest(case_id=view.case_id),
                                                      **LOCAL)
            self._measure()
            await self._save()
            if not workflow.patched("reopen-window") or not await self._reopened_in_window():
                break
        if self._pending and (inp.decision is not None or workflow.patched("hand-on-mentions")):
            # The conversation's next case is opened as ingest opens one (store.decisions), with its own
            # workflow; this one ends.
            await workflow.execute_local_activity(
                Activity.hand_on_mentions, HandOnInput(case_id=view.case_id, mention_ids=[
                    m if isinstance(m, str) else m.id for m in self._pending]), **LOCAL)
        elif self._pending:
            # Mentions that arrived while the case was closing start the next case, never dropped.
            workflow.continue_as_new(CaseInput(conversation_id=inp.conversation_id, flow_version=inp.flow_version,
                                               carried_mentions=self._pending))
        return view

    def _open_decided(self, inp: CaseInput) -> None:
        """Take the case as the ingest transaction opened it: the same view and events (engine.opening)."""
        decision = inp.decision
        assert decision is not None
        opened = opening(decision, workflow_id=workflow.info().workflow_id, conversation_id=inp.conversation_id,
                         flow_version=inp.flow_version)
        self._view, self._cls, self._sla = opened.view, decision.classification, opened.clocks
        self._seen.add(decision.mention.id)
        self._unsaved, self._seq = list(opened.events), len(opened.events)
        self._routing, self._routed_at = decision.routing, decision.decided_at
        workflow.logger.info("case %s opened at ingest: priority %s, queue %s, %s", decision.case_id,
                             opened.view.priority.value, opened.view.team_id,
                             f"assigned to {opened.view.assignee_id}" if opened.view.assignee_id else "waiting")

    async def _open_and_classify(self, inp: CaseInput) -> None:
        """A case started before decisions moved to ingest: classify and route its first mention here."""
        await workflow.wait_condition(lambda: bool(self._pending))
        first = self._pending.pop(0)
        assert not isinstance(first, str), "a case opened before ingest decided starts with its mentions whole"
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
        workflow.logger.info(
            "case %s: tags %s, sentiment %.2f; needs response: %s, priority %s; queue %s by rule %s; SLA policy %s",
            view.case_id, ",".join(cls.tags.keywords) or "-", cls.tags.sentiment, cls.triage.needs_response,
            cls.triage.priority.value, cls.team_id, ",".join(cls.routing.get("matched") or []) or "default",
            cls.sla_policy.id if cls.sla_policy else "none")
        if not view.needs_response:
            self._close(CloseReason.no_action, "system")
        else:
            self._start_sla(cls.sla_policy, cls.sla_evidence)
            await self._route()

    # ---- steps ----------------------------------------------------------
    async def _work_until_closed(self) -> None:
        view = self._require_view()
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

    async def _take_pending(self) -> None:
        """Fold follow-up mentions of the conversation into the case, FOLD_PER_TASK to a workflow task: each
        fold records its classification, and a task completing a thousand of them at once exceeds what
        Temporal takes in one message (GrpcMessageTooLarge terminates the workflow)."""
        view = self._require_view()
        folded = 0
        while self._pending and view.status != CaseStatus.closed:
            if folded >= FOLD_PER_TASK and workflow.patched("fold-in-slices"):
                await self._save()
                await workflow.sleep(timedelta(milliseconds=1))  # the task completes; the next one goes on
                folded = 0
            await self._fold_next_mention()
            folded += 1
            if view.status == CaseStatus.pending:
                self._resume_work("customer")
            if view.needs_response and view.reply_count > 0:
                now = workflow.now()  # the customer wrote after our reply: the next-response clock starts
                self._sla_change(restart, "next_response", now)
            self._customer_wrote_at = workflow.now()
            self._touch()

    async def _send(self, reply_id: str, agent_id: str, text: str, close: bool) -> None:
        view = self._require_view()
        asked_at = workflow.now()
        sent = await workflow.execute_activity(
            Activity.send_reply,
            SendReplyInput(reply_id=reply_id, case_id=view.case_id, conversation_id=view.conversation_id,
                           source=view.source, agent_id=agent_id, text=text,
                           in_reply_to=view.mention_ids[-1] if view.mention_ids else None),
            result_type=SentReply, start_to_close_timeout=timedelta(seconds=30), retry_policy=RETRY)
        self._sending.discard(reply_id)
        self._sent.add(reply_id)
        at = self._sent_at(sent.at, asked_at)
        if view.first_response_at is None:
            view.first_response_at = at
            self._meet_response("first_response", at)
        if self._customer_wrote_at is None or self._customer_wrote_at <= at:
            self._meet_response("next_response", at)  # else the customer wrote again after it was sent
        if self._held:
            self._release_held(until=at)
        view.reply_count += 1
        self._event("replied", actor=agent_id, reply_id=reply_id, mention_id=sent.mention_id)
        if close and view.status != CaseStatus.closed:
            self._close(CloseReason.resolved, agent_id)
        self._touch()

    def _resume_work(self, actor: str) -> None:
        view = self._require_view()
        now = workflow.now()
        view.status = transition(view.status, CaseStatus.assigned if view.assignee_id else CaseStatus.open)
        self._sla_change(resume, "all", now)
        self._event("resumed", actor=actor)

    # ---- helpers ----------------------------------------------------------

    async def _sent_or_held(self, reply_id: str) -> None:
        """Wait while the first request for `reply_id` is still sending it (or checking whether it needs
        approval): its answer must show the reply sent, or held as a draft, not half-way."""
        if reply_id in self._sending and workflow.patched("retried-reply-waits"):
            await workflow.wait_condition(lambda: reply_id not in self._sending)

    def _known_reply(self, reply_id: str) -> bool:
        view = self._require_view()
        return reply_id in self._sent or reply_id in self._sending or any(d.reply_id == reply_id for d in view.drafts)

    def _draft(self, reply_id: str) -> ReplyDraft:
        for draft in self._require_view().drafts:
            if draft.reply_id == reply_id:
                return draft
        raise refuse(f"no reply {reply_id} waits for approval on this case", Refusal.unknown_reply)
