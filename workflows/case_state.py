"""The case workflow's state and the helpers every part of it uses.

The workflow is one class (workflows/case.py) built on three layers: routing
steps (workflows/case_routing.py), SLA and timer steps (workflows/case_sla.py)
and closing steps (workflows/case_closing.py); this module holds what all share.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ApplicationError

with workflow.unsafe.imports_passed_through():
    from engine.messages import CaseNote, CaseView, Classification, Refusal, RoutingState
    from engine.models import CaseEvent, CaseStatus, Mention
    from engine.slas import SlaClocks, SlaEvent

# Infrastructure hiccups (a locked DB, a restarting connector) are retried, never fatal.
RETRY = RetryPolicy(initial_interval=timedelta(milliseconds=200), maximum_interval=timedelta(seconds=30))
LOCAL = {"start_to_close_timeout": timedelta(seconds=15), "retry_policy": RETRY}
# A response clock's event that falls due while a reply is being sent waits this long for the send: a reply
# sent before the instant meets the clock and the event never fires; a send still going after this lets it fire.
SEND_HOLD = timedelta(seconds=90)
RESPONSE_TARGETS = frozenset({"first_response", "next_response"})


def refuse(message: str, kind: Refusal, **details: object) -> ApplicationError:
    """The error an Update's validator or handler raises: the API answers `kind` with its status code."""
    return ApplicationError(message, details or None, type=kind.value, non_retryable=True)


class CaseState:
    def __init__(self) -> None:
        self._pending: list[Mention | str] = []  # whole (older histories), or by id (MentionRefs)
        self._seen: set[str] = set()
        self._view: CaseView | None = None
        self._unsaved: list[CaseEvent] = []
        self._seq = 0
        self._wake = False
        self._sending: set[str] = set()
        self._sent: set[str] = set()
        self._flow_version = ""
        self._routing: RoutingState | None = None
        self._routed_at: datetime | None = None
        self._started_by: str | None = None
        self._claim_seen_at: datetime | None = None
        self._sla: SlaClocks | None = None
        self._due: list[SlaEvent] = []  # SLA events taken out of the clocks, not yet acted on
        self._customer_wrote_at: datetime | None = None  # the latest follow-up mention folded in
        self._held: list[SlaEvent] = []  # response-clock events due while a reply is being sent (SEND_HOLD)
        self._cls: Classification | None = None
        self._work_since: datetime | None = None  # an agent holds the case for work since then
        self._outcomes: dict[str, str] = {}  # SLA outcomes of earlier closes, kept through a reopen

    def _facts(self) -> dict:
        view = self._require_view()
        return {"priority": view.priority.value, "channel": view.source, "tags": list(view.tags),
                "sentiment": view.sentiment, "team_id": view.team_id, "author": view.author,
                "status": view.status.value, "escalation_level": view.escalation_level}

    def _event(self, kind: str, actor: str = "system", occurrence: str | None = None, **detail: object) -> None:
        self._seq += 1
        self._unsaved.append(CaseEvent(seq=self._seq, at=workflow.now(), kind=kind, actor=actor, detail=detail,
                                       occurrence=occurrence))

    def _work_begin(self) -> None:
        """An agent took the case in hand (claimed it, or began replying): handle time runs."""
        if self._work_since is None:
            self._work_since = workflow.now()

    def _work_end(self, at: datetime | None = None) -> None:
        """The case left the agent's hands (closed, handed on, waiting, idle): bank the handle time."""
        if self._work_since is not None:
            end = max(at or workflow.now(), self._work_since)
            self._require_view().handle_seconds += (end - self._work_since).total_seconds()
            self._work_since = None

    def _add_note(self, author: str, text: str, kind: str = "note") -> None:
        self._require_view().notes.append(CaseNote(at=workflow.now(), author=author, text=text, kind=kind))
        self._event("note_added", actor=author, text=text, note_kind=kind)

    def _touch(self) -> None:
        self._require_view().updated_at = workflow.now()
        self._wake = True

    def _require_view(self) -> CaseView:
        if self._view is None:
            raise refuse("the case is still opening; try again in a moment", Refusal.case_opening)
        return self._view

    @staticmethod
    def _require_open(view: CaseView) -> None:
        if view.status == CaseStatus.closed:
            raise refuse(f"case {view.case_id} is closed ({view.close_reason})", Refusal.case_closed)

    @classmethod
    def _require_in_house(cls, view: CaseView) -> None:
        """Open, and not handed to an outside expert (whose answer brings it back to the queue)."""
        cls._require_open(view)
        if view.status == CaseStatus.with_expert and view.expert is not None:
            raise refuse(f"the case is with expert {view.expert.expert_id} until they answer "
                         f"(due {view.expert.due_at.isoformat()}); it can still be closed", Refusal.with_expert,
                         holder=view.expert.expert_id)
