"""The agents' replies: checked by the flow, held as drafts for approval when it says so, and sent; with
the sends in flight and those done, so a retried request never sends twice.

A reply counts from when its connector sent it, not from when the workflow heard back: the response
clocks it meets, and those of its events held while it was on its way, go by that instant.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from temporalio import workflow

from workflows.case_assignment import Assignment
from workflows.case_clocks import Clocks
from workflows.case_lifecycle import Lifecycle
from workflows.case_record import LOCAL, RETRY, CaseRecord, refuse, require_in_house, require_open

with workflow.unsafe.imports_passed_through():
    from engine.messages import (
        Activity,
        ApproveInput,
        CaseView,
        Refusal,
        RejectInput,
        ReplyCheck,
        ReplyCheckInput,
        ReplyDraft,
        ReplyInput,
        SendReplyInput,
        SentReply,
    )
    from engine.models import CaseStatus, CloseReason


class Replies:
    def __init__(self, record: CaseRecord, clocks: Clocks, assignment: Assignment, lifecycle: Lifecycle) -> None:
        self._record, self._clocks, self._assignment, self._lifecycle = record, clocks, assignment, lifecycle
        self.sending: set[str] = set()  # checked or being sent, not yet answered
        self._sent: set[str] = set()

    async def reply(self, inp: ReplyInput) -> CaseView:
        record = self._record
        view = record.require_view()
        if self._known(inp.reply_id):
            await self._sent_or_held(inp.reply_id)  # a retried request answers with the first one's outcome
            return view
        self.sending.add(inp.reply_id)
        self._assignment.claim_seen_at = workflow.now()
        await self._assignment.start_work(inp.agent_id)
        check = await workflow.execute_local_activity(
            Activity.check_reply, ReplyCheckInput(flow_version=record.flow_version, agent_id=inp.agent_id,
                                                  text=inp.text, case=record.facts()),
            result_type=ReplyCheck, **LOCAL)
        if check.needs_approval:
            self.sending.discard(inp.reply_id)
            view.drafts.append(ReplyDraft(reply_id=inp.reply_id, agent_id=inp.agent_id, text=inp.text,
                                          status="pending", created_at=workflow.now(), close=inp.close,
                                          evidence=check.evidence))
            record.event("reply_pending_approval", actor=inp.agent_id, reply_id=inp.reply_id,
                         evidence=check.evidence)
            workflow.logger.info("case %s: reply %s by %s waits for approval", view.case_id, inp.reply_id,
                                 inp.agent_id)
            record.touch()
            return view
        await self._send(inp.reply_id, inp.agent_id, inp.text, inp.close)
        return view

    def validate_reply(self, inp: ReplyInput) -> None:
        view = self._record.require_view()
        if self._known(inp.reply_id):
            return  # a retried request: answered without sending twice
        require_in_house(view)
        if inp.agent_id not in (view.assignee_id, view.claimed_by):
            holder = view.claimed_by or view.assignee_id or "nobody yet"
            raise refuse(f"case is assigned to {holder}, not to {inp.agent_id}", Refusal.not_assignee,
                         holder=view.claimed_by or view.assignee_id)

    async def approve(self, inp: ApproveInput) -> CaseView:
        view = self._record.require_view()
        draft = self._draft(inp.reply_id)
        if draft.status != "pending":
            await self._sent_or_held(inp.reply_id)  # a retried approval: answered once the reply went out
            return view
        draft.status, draft.decided_by = "approved", inp.approver_id
        edited = inp.text is not None and inp.text != draft.text
        self._record.event("reply_approved", actor=inp.approver_id, reply_id=draft.reply_id, edited=edited)
        workflow.logger.info("case %s: reply %s approved by %s", view.case_id, draft.reply_id, inp.approver_id)
        self.sending.add(draft.reply_id)
        await self._send(draft.reply_id, draft.agent_id, inp.text or draft.text, draft.close)
        return view

    def reject(self, inp: RejectInput) -> CaseView:
        view = self._record.require_view()
        draft = self._draft(inp.reply_id)
        if draft.status == "pending":
            draft.status, draft.decided_by, draft.reason = "rejected", inp.approver_id, inp.reason
            self._record.event("reply_rejected", actor=inp.approver_id, reply_id=draft.reply_id, reason=inp.reason)
            self._record.touch()
        return view

    def validate_decision(self, reply_id: str, approver_id: str) -> None:
        """An approval or a rejection of a pending draft, by someone other than its author."""
        view = self._record.require_view()
        draft = self._draft(reply_id)
        if draft.status != "pending":
            if draft.decided_by == approver_id:
                return  # a retried decision
            raise refuse(f"reply {reply_id} was already {draft.status} by {draft.decided_by}", Refusal.already_decided,
                         holder=draft.decided_by)
        require_open(view)
        if approver_id == draft.agent_id:
            raise refuse("a reply needs someone other than its author to approve it", Refusal.self_approval)

    async def _send(self, reply_id: str, agent_id: str, text: str, close: bool) -> None:
        record = self._record
        view = record.require_view()
        asked_at = workflow.now()
        sent = await workflow.execute_activity(
            Activity.send_reply,
            SendReplyInput(reply_id=reply_id, case_id=view.case_id, conversation_id=view.conversation_id,
                           source=view.source, agent_id=agent_id, text=text,
                           in_reply_to=view.mention_ids[-1] if view.mention_ids else None),
            result_type=SentReply, start_to_close_timeout=timedelta(seconds=30), retry_policy=RETRY)
        self.sending.discard(reply_id)
        self._sent.add(reply_id)
        self._clocks.reply_sent(self._sent_at(sent.at, asked_at))
        view.reply_count += 1
        record.event("replied", actor=agent_id, reply_id=reply_id, mention_id=sent.mention_id)
        if close and view.status != CaseStatus.closed:
            self._lifecycle.close(CloseReason.resolved, agent_id)
        record.touch()

    @staticmethod
    def _sent_at(sent_at: datetime | None, asked_at: datetime) -> datetime:
        """The instant a reply counts from: when its connector sent it (recorded with the outbound mention),
        between when the workflow asked for the send and now (clocks of other machines can be off); histories
        from before the time was returned use now."""
        now = workflow.now()
        return min(max(sent_at, asked_at), now) if sent_at is not None else now

    async def _sent_or_held(self, reply_id: str) -> None:
        """Wait while the first request for `reply_id` is still sending it (or checking whether it needs
        approval): its answer must show the reply sent, or held as a draft, not half-way."""
        if reply_id in self.sending and workflow.patched("retried-reply-waits"):
            await workflow.wait_condition(lambda: reply_id not in self.sending)

    def _known(self, reply_id: str) -> bool:
        view = self._record.require_view()
        return reply_id in self._sent or reply_id in self.sending or any(d.reply_id == reply_id for d in view.drafts)

    def _draft(self, reply_id: str) -> ReplyDraft:
        for draft in self._record.require_view().drafts:
            if draft.reply_id == reply_id:
                return draft
        raise refuse(f"no reply {reply_id} waits for approval on this case", Refusal.unknown_reply)
