"""The record every part of the case workflow shares: the view the read side shows, the events not yet
saved with their sequence numbers, the flow version and classification the case is handled under, and
the agent's handle time; with the refusals an Update answers with.

The other parts (workflows/case_*.py) each own their own state and write to the case through this
record, so its events stay one numbered series whoever adds them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from types import MappingProxyType

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ApplicationError

with workflow.unsafe.imports_passed_through():
    from engine.flows.data import case_facts
    from engine.messages import Activity, CaseNote, CaseView, Classification, Refusal, SaveCaseInput
    from engine.models import CaseEvent, CaseStatus
    from engine.slas import SlaEvent

# Infrastructure hiccups (a locked DB, a restarting connector) are retried, never fatal.
RETRY = RetryPolicy(initial_interval=timedelta(milliseconds=200), maximum_interval=timedelta(seconds=30))
LOCAL = MappingProxyType({"start_to_close_timeout": timedelta(seconds=15), "retry_policy": RETRY})


def refuse(message: str, kind: Refusal, **details: object) -> ApplicationError:
    """The error an Update's validator or handler raises: the API answers `kind` with its status code."""
    return ApplicationError(message, details or None, type=kind.value, non_retryable=True)


def require_open(view: CaseView) -> None:
    if view.status == CaseStatus.closed:
        raise refuse(f"case {view.case_id} is closed ({view.close_reason})", Refusal.case_closed)


def require_in_house(view: CaseView) -> None:
    """Open, and not handed to an outside expert (whose answer brings it back to the queue)."""
    require_open(view)
    if view.status == CaseStatus.with_expert and view.expert is not None:
        raise refuse(f"the case is with expert {view.expert.expert_id} until they answer "
                     f"(due {view.expert.due_at.isoformat()}); it can still be closed", Refusal.with_expert,
                     holder=view.expert.expert_id)


class CaseRecord:
    def __init__(self, flow_version: str) -> None:
        self.view: CaseView | None = None
        self.unsaved: list[CaseEvent] = []
        self.seq = 0
        # Set by whatever changes the case, cleared by the loop that waits on it: the loop looks again.
        self.wake = False
        self.flow_version = flow_version
        self.cls: Classification | None = None  # of the mention that opened the case, or of its latest reopen
        self._work_since: datetime | None = None  # an agent holds the case for work since then

    def require_view(self) -> CaseView:
        if self.view is None:
            raise refuse("the case is still opening; try again in a moment", Refusal.case_opening)
        return self.view

    def facts(self) -> dict:
        """The case as the flow's rules see it (SLA selection, reply checks)."""
        view = self.require_view()
        return case_facts(priority=view.priority.value, channel=view.source, tags=view.tags,
                          sentiment=view.sentiment, team_id=view.team_id, author=view.author,
                          status=view.status.value, escalation_level=view.escalation_level)

    def event(self, kind: str, actor: str = "system", occurrence: str | None = None, **detail: object) -> None:
        self.seq += 1
        self.unsaved.append(CaseEvent(seq=self.seq, at=workflow.now(), kind=kind, actor=actor, detail=detail,
                                      occurrence=occurrence))

    def touch(self) -> None:
        self.require_view().updated_at = workflow.now()
        self.wake = True

    def add_note(self, author: str, text: str, kind: str = "note") -> None:
        self.require_view().notes.append(CaseNote(at=workflow.now(), author=author, text=text, kind=kind))
        self.event("note_added", actor=author, text=text, note_kind=kind)

    def work_begin(self) -> None:
        """An agent took the case in hand (claimed it, or began replying): handle time runs."""
        if self._work_since is None:
            self._work_since = workflow.now()

    def work_end(self, at: datetime | None = None) -> None:
        """The case left the agent's hands (closed, handed on, waiting, idle): bank the handle time."""
        if self._work_since is not None:
            end = max(at or workflow.now(), self._work_since)
            self.require_view().handle_seconds += (end - self._work_since).total_seconds()
            self._work_since = None

    async def save(self, deadlines: tuple[list[SlaEvent], dict[str, datetime]]) -> None:
        """The view and the new events to the read side, with the SLA's `deadlines` (Clocks.deadlines) for
        its deadline sweeper."""
        view = self.require_view()
        events, self.unsaved = self.unsaved, []
        due, since = deadlines
        await workflow.execute_local_activity(
            Activity.save_case, SaveCaseInput(view=view, events=events, last_seq=self.seq, deadlines=due,
                                              clock_since=since), **LOCAL)
