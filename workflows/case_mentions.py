"""The conversation's mentions as the case takes them in: those heard and not yet folded, each classified
by the flow (a local activity, so the decision sits in history) and folded into the case.

A follow-up is the customer's turn: it resumes a case waiting on them, and starts the next-response clock.
"""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow

from workflows.case_clocks import Clocks
from workflows.case_record import LOCAL, CaseRecord

with workflow.unsafe.imports_passed_through():
    from engine.messages import Activity, Classification, ClassifyInput
    from engine.models import CaseStatus, Mention

# Follow-up mentions taken into the case in one workflow task (about 4 KB of history each): a task
# completing a thousand folds at once exceeds what Temporal takes in one message (GrpcMessageTooLarge
# terminates the workflow).
FOLD_PER_TASK = 100


class Mentions:
    def __init__(self, record: CaseRecord, clocks: Clocks) -> None:
        self._record, self._clocks = record, clocks
        self.pending: list[Mention | str] = []  # whole (older histories), or by id (MentionRefs)
        self.seen: set[str] = set()

    def hear(self, mention: Mention | str) -> None:
        """A mention of the conversation, whole or by id; one heard before is ignored (signals may repeat)."""
        mention_id = mention if isinstance(mention, str) else mention.id
        if mention_id not in self.seen:
            self.seen.add(mention_id)
            self.pending.append(mention)
            self._record.wake = True

    async def classify(self, mention: Mention | str) -> Classification:
        given = {"mention_id": mention} if isinstance(mention, str) else {"mention": mention}
        return await workflow.execute_local_activity(
            Activity.classify_mention, ClassifyInput(flow_version=self._record.flow_version, **given),
            result_type=Classification, **LOCAL)

    async def fold_next(self) -> tuple[str, Classification]:
        """Take the next pending mention into the case: classified, its tags and sentiment added; returns its id."""
        view = self._record.require_view()
        mention = self.pending.pop(0)
        mention_id = mention if isinstance(mention, str) else mention.id
        cls = await self.classify(mention)
        view.mention_ids.append(mention_id)
        view.tags = sorted(set(view.tags) | set(cls.tags.keywords))
        # The case's sentiment is the worst its customer showed: a fire-hazard complaint stays one after a
        # "thanks" (each mention's own is on its row and in this event, for the trend).
        if workflow.patched("case-sentiment-worst"):
            view.sentiment = min(view.sentiment, cls.tags.sentiment)
        else:
            view.sentiment = cls.tags.sentiment
        self._record.event("mention_added", mention_id=mention_id, keywords=cls.tags.keywords,
                           sentiment=cls.tags.sentiment)
        return mention_id, cls

    async def take_pending(self) -> None:
        """Fold the open case's follow-ups in, FOLD_PER_TASK to a workflow task."""
        record = self._record
        view = record.require_view()
        folded = 0
        while self.pending and view.status != CaseStatus.closed:
            if folded >= FOLD_PER_TASK and workflow.patched("fold-in-slices"):
                await record.save(self._clocks.deadlines())
                await workflow.sleep(timedelta(milliseconds=1))  # the task completes; the next one goes on
                folded = 0
            await self.fold_next()
            folded += 1
            if view.status == CaseStatus.pending:
                self._clocks.resume_work("customer")
            self._clocks.customer_wrote()
            record.touch()

    def ids(self) -> list[str]:
        return [m if isinstance(m, str) else m.id for m in self.pending]
