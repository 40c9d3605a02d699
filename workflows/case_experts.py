"""A case handed to an expert outside the contact centre: the consult (kept on the view), its own deadline,
and the answer that brings the case back to the queue.

While the expert works nobody in the contact centre holds the case: the agent's slot is freed, and the
SLA clocks run on (the customer waits on us, now through the expert).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from temporalio import workflow

from workflows.case_assignment import Assignment
from workflows.case_clocks import Clocks
from workflows.case_record import LOCAL, CaseRecord, refuse, require_open

with workflow.unsafe.imports_passed_through():
    from engine.lifecycle import transition
    from engine.messages import (
        Activity,
        CaseView,
        ExpertAnswerInput,
        ExpertConsult,
        ExpertRequestInput,
        Refusal,
        ReleaseRequest,
    )
    from engine.models import CaseStatus
    from engine.slas import resume


class Experts:
    def __init__(self, record: CaseRecord, clocks: Clocks, assignment: Assignment) -> None:
        self._record, self._clocks, self._assignment = record, clocks, assignment

    async def consult(self, inp: ExpertRequestInput) -> CaseView:
        record = self._record
        view = record.require_view()
        now = workflow.now()
        previous = view.assignee_id
        record.work_end()
        if view.status == CaseStatus.pending:
            self._clocks.change(resume, "all", now)  # the customer waits on us again, now through the expert
        view.status = transition(view.status, CaseStatus.with_expert)
        view.assignee_id = view.assigned_at = view.claimed_by = view.claimed_at = None
        self._assignment.started_by = None
        view.expert = ExpertConsult(request_id=inp.request_id, expert_id=inp.expert_id, expert_name=inp.expert_name,
                                    question=inp.question, asked_by=inp.agent_id, asked_at=now,
                                    due_at=now + timedelta(seconds=inp.response_seconds))
        view.transfers += 1
        record.event("expert_consulted", actor=inp.agent_id, expert_id=inp.expert_id, request_id=inp.request_id,
                     question=inp.question, due_at=view.expert.due_at.isoformat(), previous=previous)
        workflow.logger.info("case %s handed by %s to expert %s, answer due %s", view.case_id, inp.agent_id,
                             inp.expert_id, view.expert.due_at.isoformat())
        await workflow.execute_local_activity(Activity.release_case, ReleaseRequest(case_id=view.case_id), **LOCAL)
        record.touch()
        return view

    def validate_consult(self, inp: ExpertRequestInput) -> None:
        view = self._record.require_view()
        require_open(view)
        if view.status == CaseStatus.with_expert and view.expert is not None:
            raise refuse(f"the case is already with expert {view.expert.expert_id}", Refusal.with_expert,
                         holder=view.expert.expert_id)
        if not view.needs_response:
            raise refuse("a case that needs no response has nothing to ask an expert", Refusal.not_routed)

    async def answer(self, inp: ExpertAnswerInput) -> CaseView:
        record = self._record
        view = record.require_view()
        consult = view.expert
        assert consult is not None
        if consult.answered_at is not None:
            return view  # a retried answer
        consult.answered_at = workflow.now()
        expert = f"expert:{consult.expert_id}"
        record.add_note(expert, inp.text, kind="expert_answer")
        record.event("expert_answered", actor=expert, request_id=consult.request_id, late=consult.overdue)
        workflow.logger.info("case %s: expert %s answered; back to queue %s", view.case_id, consult.expert_id,
                             view.team_id)
        if view.status == CaseStatus.with_expert:
            view.status = transition(view.status, CaseStatus.open)
            await self._assignment.route()
        record.touch()
        return view

    def validate_answer(self, inp: ExpertAnswerInput) -> None:
        view = self._record.require_view()
        consult = view.expert
        if consult is None or consult.request_id != inp.request_id:
            raise refuse("this case is not waiting for that expert request", Refusal.unknown_request)
        if consult.answered_at is not None:
            return
        require_open(view)

    # ---- time: the expert's deadline ------------------------------------
    def next_moment(self) -> datetime | None:
        view = self._record.require_view()
        if view.status == CaseStatus.with_expert and view.expert is not None and not view.expert.overdue:
            return view.expert.due_at
        return None

    def check_overdue(self, now: datetime) -> None:
        record = self._record
        view = record.require_view()
        consult = view.expert
        if (view.status == CaseStatus.with_expert and consult is not None and not consult.overdue
                and now >= consult.due_at):
            consult.overdue = True
            record.event("expert_sla_breached", expert_id=consult.expert_id, request_id=consult.request_id,
                         due_at=consult.due_at.isoformat())
            record.event("notified", to="supervisor", about="expert_overdue", expert_id=consult.expert_id)
            workflow.logger.info("case %s: expert %s has not answered by %s; supervisor notified", view.case_id,
                                 consult.expert_id, consult.due_at.isoformat())
            record.touch()
