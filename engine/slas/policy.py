"""`SlaPolicy`: business-time targets, a warning lead and an escalation ladder, as a JSON document.

    {"id": "vip", "first_response_seconds": 3600, "resolution_seconds": 28800,
     "warn_before_seconds": 900, "calendar": {"timezone": "Europe/Paris", "weekly": {...}},
     "escalation": [{"after_seconds": 1800, "actions": [{"type": "notify", "to": "supervisor"}]}]}

Every duration is in business seconds of the policy's calendar (no calendar: 24/7). The escalation
ladder applies to the breach of each target the policy sets.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from engine.calendars import BusinessCalendar
from engine.errors import EngineError

__all__ = ["ALL", "TARGETS", "EscalationAction", "EscalationLevel", "SlaError", "SlaPolicy", "Target"]

Target = Literal["first_response", "next_response", "resolution"]
TARGETS: tuple[Target, ...] = get_args(Target)
ALL = "all"
Seconds = Annotated[int, Field(gt=0)]


class SlaError(EngineError):
    """A call the SLA maths cannot answer (unknown target, naive datetime, time going backwards)."""


# --- Policy ----------------------------------------------------------------------------------------------


class EscalationAction(BaseModel):
    """One thing an escalation does; `to` names the role, user or queue for notify and move_queue."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: Literal["raise_priority", "reassign", "notify", "move_queue"]
    to: str | None = Field(default=None, min_length=1,
                           description="notify: a role or user id ('supervisor'); move_queue: the team/queue id")

    @model_validator(mode="after")
    def _to_matches_type(self) -> EscalationAction:
        if self.type in ("notify", "move_queue") and self.to is None:
            raise ValueError(f"a {self.type!r} action needs 'to' (who to notify, or which queue)")
        if self.type not in ("notify", "move_queue") and self.to is not None:
            raise ValueError(f"a {self.type!r} action takes no 'to'")
        return self


class EscalationLevel(BaseModel):
    """A rung of the escalation ladder: what to do `after_seconds` of business time past a breach."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    after_seconds: int = Field(ge=0, description="Business seconds after the breach of the target")
    actions: list[EscalationAction] = Field(min_length=1)


class SlaPolicy(BaseModel):
    """Business-time targets, a warning lead and an escalation ladder; the calendar None means 24/7."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    first_response_seconds: Seconds | None = None
    next_response_seconds: Seconds | None = None
    resolution_seconds: Seconds | None = None
    warn_before_seconds: Seconds | None = Field(
        default=None, description="Business seconds before each deadline to raise a warning")
    calendar: BusinessCalendar | None = None
    escalation: list[EscalationLevel] = Field(default_factory=list)

    @field_validator("warn_before_seconds")
    @classmethod
    def _warn_before_every_target(cls, warn: int | None, info: ValidationInfo) -> int | None:
        for target in TARGETS:
            seconds = info.data.get(f"{target}_seconds")
            if warn is not None and seconds is not None and seconds <= warn:
                raise ValueError(f"the warning ({warn}s before the deadline) must be shorter than the {target} "
                                 f"target ({seconds}s)")
        return warn

    @field_validator("calendar")
    @classmethod
    def _calendar_opens(cls, calendar: BusinessCalendar | None) -> BusinessCalendar | None:
        # Exception days alone run out: a deadline computed after the last one would never come.
        if calendar is not None and not any(calendar.weekly.values()):
            raise ValueError("an SLA calendar needs weekly opening hours on at least one day")
        return calendar

    @field_validator("escalation")
    @classmethod
    def _ladder_increases(cls, levels: list[EscalationLevel]) -> list[EscalationLevel]:
        for i, (lower, upper) in enumerate(zip(levels, levels[1:], strict=False)):
            if upper.after_seconds <= lower.after_seconds:
                raise ValueError(f"escalation level {i + 2} ({upper.after_seconds}s) must come strictly after "
                                 f"level {i + 1} ({lower.after_seconds}s)")
        return levels

    def target_seconds(self, target: Target) -> int | None:
        """The target's business seconds, or None when the policy sets none."""
        return getattr(self, f"{target}_seconds")


