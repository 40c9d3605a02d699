"""Closing steps of the case workflow: classify and fold in mentions, close, measure, save,
and the reopen window after a close.

The third layer of the case workflow (after routing and SLA steps); workflows/case.py builds
the handlers and the main loop on it.
"""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow

from workflows.case_sla import SlaSteps
from workflows.case_state import LOCAL

with workflow.unsafe.imports_passed_through():
    from engine.lifecycle import transition
    from engine.measures import measure, sla_outcomes
    from engine.messages import Activity, Classification, ClassifyInput, SaveCaseInput
    from engine.models import CaseStatus, CloseReason, Mention
    from engine.slas import met


class ClosingSteps(SlaSteps):
    async def _classify(self, mention: Mention | str) -> Classification:
        given = {"mention_id": mention} if isinstance(mention, str) else {"mention": mention}
        return await workflow.execute_local_activity(
            Activity.classify_mention, ClassifyInput(flow_version=self._flow_version, **given),
            result_type=Classification, **LOCAL)

    async def _fold_next_mention(self) -> tuple[str, Classification]:
        """Take the next pending mention into the case: classified, its tags and sentiment added; returns its id."""
        view = self._require_view()
        mention = self._pending.pop(0)
        mention_id = mention if isinstance(mention, str) else mention.id
        cls = await self._classify(mention)
        view.mention_ids.append(mention_id)
        view.tags = sorted(set(view.tags) | set(cls.tags.keywords))
        view.sentiment = cls.tags.sentiment
        self._event("mention_added", mention_id=mention_id, keywords=cls.tags.keywords, sentiment=cls.tags.sentiment)
        return mention_id, cls

    def _close(self, reason: CloseReason, actor: str) -> None:
        view = self._require_view()
        view.status = transition(view.status, CaseStatus.closed)
        view.closed_at, view.close_reason = workflow.now(), reason
        view.claimed_by = view.claimed_at = None
        self._work_end()
        if self._sla is not None:
            now = view.closed_at
            self._sla_change(met, "resolution", now)
            self._record_due_at_close()
            self._sla = None  # closed: no timer is left to fire
            self._outcomes = sla_outcomes(view.sla, earlier=self._outcomes)
        self._event("closed", actor=actor, reason=reason.value)
        workflow.logger.info("case %s closed by %s (%s)", view.case_id, actor, reason.value)
        self._wake = True

    def _measure(self) -> None:
        view = self._require_view()
        assert view.closed_at is not None
        view.measures = measure(opened_at=view.opened_at, closed_at=view.closed_at,
                                first_response_at=view.first_response_at, sla_breached=view.sla_breached,
                                mention_count=len(view.mention_ids), reply_count=view.reply_count,
                                handle_seconds=view.handle_seconds, transfers=view.transfers,
                                reopen_count=view.reopen_count, sla_outcomes=self._outcomes)
        self._event("measured", **view.measures.model_dump())

    async def _save(self) -> None:
        view = self._require_view()
        events, self._unsaved = self._unsaved, []
        deadlines, since = self._deadlines()
        await workflow.execute_local_activity(
            Activity.save_case, SaveCaseInput(view=view, events=events, last_seq=self._seq, deadlines=deadlines,
                                              clock_since=since), **LOCAL)

    async def _reopened_in_window(self) -> bool:
        """After closing, wait out the flow's reopen window: the customer writing again reopens the case.

        A mention that triage says needs no response (a "thanks!") joins the closed case and leaves
        it closed. Notes and tags still reach the read side meanwhile. Mentions after the window
        start a new case (continue-as-new), never dropped.
        """
        view = self._require_view()
        assert view.closed_at is not None and self._cls is not None
        window_ends = view.closed_at + timedelta(seconds=self._cls.reopen_window_seconds)
        while True:
            self._wake = False
            if not self._pending:
                left = window_ends - workflow.now()
                if left <= timedelta(0):
                    return False
                try:
                    await workflow.wait_condition(lambda: self._wake or bool(self._pending), timeout=left)
                except TimeoutError:
                    return False
            if self._pending and workflow.now() >= window_ends:
                return False  # too late to reopen: these mentions start the conversation's next case
            if self._pending:
                mention_id, cls = await self._fold_next_mention()
                if cls.triage.needs_response:
                    self._reopen(cls)
                    await self._route()
                    return True
                self._event("kept_closed", mention_id=mention_id, evidence=cls.triage.evidence)
            if self._unsaved:
                await self._save()

    def _reopen(self, cls: Classification) -> None:
        view = self._require_view()
        now = workflow.now()
        view.status = transition(view.status, CaseStatus.open)
        view.reopen_count += 1
        view.closed_at = view.close_reason = view.measures = None
        view.assignee_id = view.assigned_at = None
        view.needs_response = True
        view.priority, view.team_id = cls.triage.priority, cls.team_id
        self._cls = cls
        self._started_by = None
        self._event("reopened", reopen_count=view.reopen_count, priority=cls.triage.priority.value,
                    team_id=cls.team_id, evidence=cls.triage.evidence)
        workflow.logger.info("case %s reopened (%d) by a new mention; queue %s", view.case_id, view.reopen_count,
                             cls.team_id)
        self._start_sla(cls.sla_policy, cls.sla_evidence, since=now)
