"""A case's SLA state (`SlaClocks`, one `SlaClock` per started target) and the events it schedules.

Each clock measures business seconds consumed. Every event is a point on that axis: the warning at
`target - warn_before`, the breach at `target`, escalation level i at `target + after_seconds`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Literal, NamedTuple

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from .policy import EscalationAction, SlaPolicy, Target

__all__ = ["EventKind", "Point", "SlaClock", "SlaClocks", "SlaEvent", "UtcDatetime", "points"]

EventKind = Literal["warning", "breach", "escalation"]


def _in_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


# Stored in UTC whatever zone the caller used, so equal instants compare and serialise equal.
UtcDatetime = Annotated[AwareDatetime, AfterValidator(_in_utc)]


class SlaClock(BaseModel):
    """One target's clock: running (`running_since` set), paused (neither set) or met (`met_at` set)."""

    model_config = ConfigDict(frozen=True)

    target: Target
    running_since: UtcDatetime | None
    consumed_seconds: float = Field(default=0, ge=0, description="Business seconds consumed before running_since")
    met_at: UtcDatetime | None = None
    breached_at: UtcDatetime | None = Field(default=None, description="Set when the breach event is applied")

    @model_validator(mode="after")
    def _met_clocks_stop(self) -> SlaClock:
        if self.met_at is not None and self.running_since is not None:
            raise ValueError("a met clock has stopped: running_since must be None")
        return self

    @property
    def status(self) -> Literal["running", "paused", "met"]:
        """Whether the clock is running, paused or met."""
        if self.met_at is not None:
            return "met"
        return "paused" if self.running_since is None else "running"


class SlaClocks(BaseModel):
    """A case's SLA state: its policy, one clock per started target, and the keys of applied events.

    A target the policy sets but that has no clock has not started (next_response before the first
    customer message that follows an agent reply).
    """

    model_config = ConfigDict(frozen=True)

    policy: SlaPolicy
    clocks: dict[Target, SlaClock] = Field(default_factory=dict)
    fired: list[str] = Field(default_factory=list, description="Keys of applied events, in the order applied")

    @model_validator(mode="after")
    def _keys_name_their_clock(self) -> SlaClocks:
        for target, clock in self.clocks.items():
            if clock.target != target:
                raise ValueError(f"clocks[{target!r}] holds the {clock.target!r} clock")
        return self


class SlaEvent(BaseModel):
    """An SLA event at its exact instant; `key` is what `SlaClocks.fired` records once it is applied."""

    model_config = ConfigDict(frozen=True)

    key: str = Field(description="'<target>:warning', '<target>:breach' or '<target>:escalation:<level>'")
    target: Target
    kind: EventKind
    level: int | None = Field(default=None, description="Escalation level, 1-based")
    at: UtcDatetime
    actions: list[EscalationAction] = Field(default_factory=list)


class Point(NamedTuple):
    """An event's place on a clock's consumed-time axis."""

    key: str
    kind: EventKind
    level: int | None
    offset: timedelta
    actions: list[EscalationAction]


def points(policy: SlaPolicy, target: Target) -> list[Point]:
    """The events the policy schedules on the target's clock, in firing order; none without a target."""
    seconds = policy.target_seconds(target)
    if seconds is None:
        return []
    goal = timedelta(seconds=seconds)
    warning = [] if policy.warn_before_seconds is None else [
        Point(f"{target}:warning", "warning", None, goal - timedelta(seconds=policy.warn_before_seconds), [])]
    ladder = [Point(f"{target}:escalation:{i}", "escalation", i, goal + timedelta(seconds=level.after_seconds),
                    level.actions) for i, level in enumerate(policy.escalation, start=1)]
    return [*warning, Point(f"{target}:breach", "breach", None, goal, []), *ladder]
