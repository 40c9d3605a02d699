"""The case from open to measure: opening it (as ingest decided it, or from its first mention for a case
started before decisions moved to ingest), closing it, measuring it, and the reopen window after a close.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from temporalio import workflow

from workflows.case_assignment import Assignment
from workflows.case_clocks import Clocks
from workflows.case_escalation import record_sla_event
from workflows.case_mentions import Mentions
from workflows.case_record import CaseRecord

with workflow.unsafe.imports_passed_through():
    from engine.lifecycle import transition
    from engine.measures import measure
    from engine.messages import CaseInput, CaseView, Classification
    from engine.models import CaseStatus, CloseReason
    from engine.opening import SUBJECT_LENGTH, opening


class Lifecycle:
    def __init__(self, record: CaseRecord, clocks: Clocks, assignment: Assignment, mentions: Mentions) -> None:
        self._record, self._clocks, self._assignment, self._mentions = record, clocks, assignment, mentions
        # When the case first needed a response: its first-response clock started then, and its first response is
        # measured from then (engine.measures). A case opened at ingest opens at its first inbound mention needing
        # a response, so this is its opening; the brand's own posts before it never open a case nor start a clock.
        # An older case opened here by a mention needing none (closed at once) started waiting at its reopen.
        self.responding_since: datetime | None = None

    def open_decided(self, inp: CaseInput) -> None:
        """Take the case as the ingest transaction opened it: the same view and events (engine.opening)."""
        decision = inp.decision
        assert decision is not None
        record = self._record
        opened = opening(decision, workflow_id=workflow.info().workflow_id, conversation_id=inp.conversation_id,
                         flow_version=inp.flow_version)
        record.view, record.cls, self._clocks.sla = opened.view, decision.classification, opened.clocks
        self.responding_since = opened.view.opened_at  # only a mention needing a response opens a case at ingest
        self._mentions.seen.add(decision.mention.id)
        record.unsaved, record.seq = list(opened.events), len(opened.events)
        self._assignment.routing, self._assignment.routed_at = decision.routing, decision.decided_at
        workflow.logger.info("case %s opened at ingest: priority %s, queue %s, %s", decision.case_id,
                             opened.view.priority.value, opened.view.team_id,
                             f"assigned to {opened.view.assignee_id}" if opened.view.assignee_id else "waiting")

    async def open_and_classify(self, inp: CaseInput) -> None:
        """A case started before decisions moved to ingest: classify and route its first mention here."""
        record, mentions = self._record, self._mentions
        await workflow.wait_condition(lambda: bool(mentions.pending))
        first = mentions.pending.pop(0)
        assert not isinstance(first, str), "a case opened before ingest decided starts with its mentions whole"
        info = workflow.info()
        now = workflow.now()
        view = record.view = CaseView(
            case_id=info.run_id, workflow_id=info.workflow_id, conversation_id=inp.conversation_id,
            source=first.source, author=first.author, subject=first.text[:SUBJECT_LENGTH],
            opened_at=now, flow_version=inp.flow_version, updated_at=now, mention_ids=[first.id])
        record.event("mention_added", mention_id=first.id)
        cls = record.cls = await mentions.classify(first)
        view.tags, view.sentiment = list(cls.tags.keywords), cls.tags.sentiment
        view.needs_response, view.priority, view.team_id = cls.triage.needs_response, cls.triage.priority, cls.team_id
        record.event("tagged", keywords=cls.tags.keywords, sentiment=cls.tags.sentiment)
        record.event("triaged", needs_response=cls.triage.needs_response, priority=cls.triage.priority.value,
                     evidence=cls.triage.evidence)
        record.event("routed", team_id=cls.team_id, evidence=cls.routing)
        workflow.logger.info(
            "case %s: tags %s, sentiment %.2f; needs response: %s, priority %s; queue %s by rule %s; SLA policy %s",
            view.case_id, ",".join(cls.tags.keywords) or "-", cls.tags.sentiment, cls.triage.needs_response,
            cls.triage.priority.value, cls.team_id, ",".join(cls.routing.get("matched") or []) or "default",
            cls.sla_policy.id if cls.sla_policy else "none")
        if not view.needs_response:
            self.close(CloseReason.no_action, "system")
        else:
            self.responding_since = now
            self._clocks.start(cls.sla_policy, cls.sla_evidence)
            await self._assignment.route()

    def close(self, reason: CloseReason, actor: str) -> None:
        record = self._record
        view = record.require_view()
        view.status = transition(view.status, CaseStatus.closed)
        view.closed_at, view.close_reason = workflow.now(), reason
        view.claimed_by = view.claimed_at = None
        record.work_end()
        due = self._clocks.stop(view.closed_at)
        # Events that fell due by the close happened before it: the history records them (actions on the
        # queue are moot for a closed case).
        if due and workflow.patched("record-due-at-close"):
            for event in due:
                record_sla_event(record, event, skipped="the case closed")  # noted on an escalation only
        record.event("closed", actor=actor, reason=reason.value)
        workflow.logger.info("case %s closed by %s (%s)", view.case_id, actor, reason.value)
        record.wake = True

    def measure(self) -> None:
        view = self._record.require_view()
        assert view.closed_at is not None
        since = self.responding_since
        # Only an older case that opened needing no response differs from its opening; cases running before the
        # rule measured such a case from its opening, and replay keeps what they recorded.
        moved = since is not None and since != view.opened_at and workflow.patched("first-response-from-needing")
        view.measures = measure(opened_at=view.opened_at, closed_at=view.closed_at,
                                first_response_at=view.first_response_at, sla_breached=view.sla_breached,
                                mention_count=len(view.mention_ids), reply_count=view.reply_count,
                                handle_seconds=view.handle_seconds, transfers=view.transfers,
                                reopen_count=view.reopen_count, sla_outcomes=self._clocks.outcomes,
                                responding_since=since if moved else None)
        self._record.event("measured", **view.measures.model_dump())

    async def reopened_in_window(self) -> bool:
        """After closing, wait out the flow's reopen window: the customer writing again reopens the case.

        A mention that triage says needs no response (a "thanks!") joins the closed case and leaves
        it closed. Notes and tags still reach the read side meanwhile. Mentions after the window
        start a new case (continue-as-new), never dropped.
        """
        record, mentions = self._record, self._mentions
        view = record.require_view()
        assert view.closed_at is not None and record.cls is not None
        window_ends = view.closed_at + timedelta(seconds=record.cls.reopen_window_seconds)
        while True:
            record.wake = False
            if not mentions.pending:
                left = window_ends - workflow.now()
                if left <= timedelta(0):
                    return False
                try:
                    await workflow.wait_condition(lambda: record.wake or bool(mentions.pending), timeout=left)
                except TimeoutError:
                    return False
            if mentions.pending and workflow.now() >= window_ends:
                return False  # too late to reopen: these mentions start the conversation's next case
            if mentions.pending:
                mention_id, cls = await mentions.fold_next()
                if cls.triage.needs_response:
                    self._reopen(cls)
                    await self._assignment.route()
                    return True
                record.event("kept_closed", mention_id=mention_id, evidence=cls.triage.evidence)
            if record.unsaved:
                await record.save(self._clocks.deadlines())

    def _reopen(self, cls: Classification) -> None:
        record = self._record
        view = record.require_view()
        now = workflow.now()
        view.status = transition(view.status, CaseStatus.open)
        view.reopen_count += 1
        view.closed_at = view.close_reason = view.measures = None
        view.assignee_id = view.assigned_at = None
        view.needs_response = True
        view.priority, view.team_id = cls.triage.priority, cls.team_id
        record.cls = cls
        self.responding_since = self.responding_since or now
        self._assignment.started_by = None
        record.event("reopened", reopen_count=view.reopen_count, priority=cls.triage.priority.value,
                     team_id=cls.team_id, evidence=cls.triage.evidence)
        workflow.logger.info("case %s reopened (%d) by a new mention; queue %s", view.case_id, view.reopen_count,
                             cls.team_id)
        self._clocks.start(cls.sla_policy, cls.sla_evidence, since=now)
