"""The case's auto-reply: the canned reply triage chose for its opening mention (the flow's triage `auto_reply`),
sent once per case through the same outbound path as the agents' replies (Activity.send_reply), as actor
"system".

It is no human's response (Zendesk's first reply time measures an agent's): it meets no response clock, counts in
no reply count, and the read side's response measures skip it (its outbound mention's author is "system"). It
runs beside the case's main loop, so a connector that is down delays nothing else; a send that fails after its
retries is recorded on the timeline (`auto_reply_failed`), never the workflow's failure.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ActivityError, ApplicationError

from workflows.case_record import CaseRecord

with workflow.unsafe.imports_passed_through():
    from engine.messages import Activity, SendReplyInput, SentReply
    from engine.models import SYSTEM_ACTOR

AUTO_REPLY_PATCH = "auto-reply"
# A connector's error is retried a few times (a social API's hiccup), then the case goes on without it: an
# auto-reply minutes late is worse than none.
AUTO_REPLY_RETRY = RetryPolicy(initial_interval=timedelta(seconds=1), backoff_coefficient=2.0,
                               maximum_interval=timedelta(seconds=30), maximum_attempts=5)


class AutoReply:
    def __init__(self, record: CaseRecord) -> None:
        self._record = record
        self._task: asyncio.Task[None] | None = None

    def begin(self) -> None:
        """Send the auto-reply triage chose for the case's opening mention, if any and not sent yet (once per case:
        later mentions and reopens never send another)."""
        record = self._record
        view = record.require_view()
        canned = record.cls.triage.auto_reply if record.cls is not None else None
        if canned is None or view.auto_reply_id is not None or self._task is not None:
            return
        if not workflow.patched(AUTO_REPLY_PATCH):
            return
        self._task = asyncio.create_task(self._send(canned))

    async def settled(self) -> None:
        """Until the auto-reply was sent or given up (the case measures and ends only then)."""
        if self._task is not None:
            await self._task

    async def _send(self, canned_reply_id: str) -> None:
        record = self._record
        view = record.require_view()
        reply_id = f"auto-{view.case_id}"
        try:
            sent = await workflow.execute_activity(
                Activity.send_reply,
                SendReplyInput(reply_id=reply_id, case_id=view.case_id, conversation_id=view.conversation_id,
                               source=view.source, agent_id=SYSTEM_ACTOR, text="", canned_reply_id=canned_reply_id,
                               in_reply_to=view.mention_ids[0] if view.mention_ids else None),
                result_type=SentReply, start_to_close_timeout=timedelta(seconds=30), retry_policy=AUTO_REPLY_RETRY)
        except ActivityError as failed:
            cause = failed.cause
            record.event("auto_reply_failed", canned_reply_id=canned_reply_id, reply_id=reply_id,
                         error=str(cause) if cause is not None else str(failed),
                         code=cause.type if isinstance(cause, ApplicationError) else None,
                         attempts=AUTO_REPLY_RETRY.maximum_attempts)
            workflow.logger.warning("case %s: auto-reply %s not sent: %s", view.case_id, canned_reply_id, cause)
            record.touch()
            return
        view.auto_reply_id = canned_reply_id
        view.auto_replied_at = sent.at or workflow.now()
        record.event("auto_replied", canned_reply_id=canned_reply_id, reply_id=reply_id, mention_id=sent.mention_id)
        workflow.logger.info("case %s: auto-replied with %s", view.case_id, canned_reply_id)
        record.touch()
