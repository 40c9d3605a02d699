"""The case lifecycle: which status changes are allowed, in one table."""

from __future__ import annotations

from engine.models import CaseStatus

S = CaseStatus

# (previous, next) pairs a case may take. Everything else is refused.
# An escalated case stays escalated when it finds an agent or goes back to the queue;
# `pending` (waiting on the customer) ends when the customer writes or the agent resumes.
# `with_expert` ends when the expert answers (back to the queue) or a supervisor closes the case;
# a closed case reopens when its customer writes again within the flow's reopen window.
TRANSITIONS: frozenset[tuple[CaseStatus, CaseStatus]] = frozenset({
    (S.open, S.assigned),
    (S.open, S.escalated),
    (S.open, S.closed),
    (S.assigned, S.open),
    (S.assigned, S.escalated),
    (S.assigned, S.pending),
    (S.assigned, S.closed),
    (S.escalated, S.assigned),
    (S.escalated, S.pending),
    (S.escalated, S.closed),
    (S.pending, S.open),
    (S.pending, S.assigned),
    (S.pending, S.escalated),
    (S.pending, S.closed),
    (S.open, S.with_expert),
    (S.assigned, S.with_expert),
    (S.escalated, S.with_expert),
    (S.pending, S.with_expert),
    (S.with_expert, S.open),
    (S.with_expert, S.closed),
    (S.closed, S.open),
})


class LifecycleError(ValueError):
    """A status change the lifecycle does not allow; `code` is stable for clients."""

    code = "invalid_transition"

    def __init__(self, previous: CaseStatus, target: CaseStatus) -> None:
        super().__init__(f"a case cannot go from {previous.value!r} to {target.value!r}")
        self.previous = previous
        self.target = target


def can_transition(previous: CaseStatus, target: CaseStatus) -> bool:
    """Whether a case in `previous` may move to `target`."""
    return (previous, target) in TRANSITIONS


def transition(previous: CaseStatus, target: CaseStatus) -> CaseStatus:
    """Return `target` if the move is allowed, else raise LifecycleError."""
    if not can_transition(previous, target):
        raise LifecycleError(previous, target)
    return target
