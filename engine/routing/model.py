"""What the dispatcher reads and what it decides, as pydantic models that travel as JSON.

The caller owns every piece of routing state (agents' loads, the waiting
cases, the round-robin cursor) and passes a snapshot in; the dispatcher
remembers nothing between two calls. The models are frozen so a dispatch can
work on copies without any chance of touching the caller's objects, and they
reject what would make the maths meaningless (negative loads, skill levels
outside 1..5, naive datetimes that cannot be compared with aware ones) at the
boundary, with pydantic's usual error locations.

Loads above capacity are accepted: capacity may be lowered while an agent
still holds cases, and such an agent simply takes nothing new.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, get_args

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from engine.errors import EngineError
from engine.models import Priority

__all__ = [
    "STRATEGIES",
    "AgentState",
    "Assignment",
    "DispatchResult",
    "QueuePolicy",
    "RoutingError",
    "Strategy",
    "WaitingCase",
]

Strategy = Literal["round_robin", "least_loaded", "skills", "manual"]
STRATEGIES: tuple[Strategy, ...] = get_args(Strategy)

Id = Annotated[str, Field(min_length=1)]
Count = Annotated[int, Field(ge=0)]
Level = Annotated[int, Field(ge=1, le=5)]

_FROZEN = ConfigDict(frozen=True)


class RoutingError(EngineError):
    """A dispatch request that cannot be answered (duplicate ids, naive `now`), with a code for the API."""


class AgentState(BaseModel):
    """One agent of the queue as the dispatcher sees them: availability, load and abilities."""

    model_config = _FROZEN

    id: Id
    online: bool = True
    capacity: Count = Field(default=5, description="Most open cases at once, over all channels; 0 takes nothing")
    channel_capacity: dict[str, Count] = Field(
        default_factory=dict, description="Optional per-channel caps, e.g. {'email': 10, 'twitter': 3}")
    load: Count = Field(default=0, description="Open cases assigned now")
    channel_load: dict[str, Count] = Field(default_factory=dict, description="Open cases per channel now")
    skills: dict[str, Level] = Field(default_factory=dict, description="Skill -> level, 1 (novice) to 5 (expert)")
    languages: list[str] = Field(default_factory=list, description="Languages spoken; empty = any language")
    channels: list[str] = Field(default_factory=list, description="Channels served; empty = any channel")
    last_assigned_at: AwareDatetime | None = None


class WaitingCase(BaseModel):
    """A case waiting in the queue, with what an agent needs to take it."""

    model_config = _FROZEN

    case_id: Id
    priority: Priority
    enqueued_at: AwareDatetime = Field(
        description="When it started waiting; kept when the case is returned to the queue, so it keeps its place")
    channel: Id
    language: str | None = None
    required_skills: dict[str, Level] = Field(default_factory=dict, description="Skill -> minimum level")
    optional_skills: dict[str, Level] = Field(
        default_factory=dict,
        description="Preferred skill -> minimum level; required until the policy relaxes them, then only ranks")
    excluded_agents: list[str] = Field(
        default_factory=list, description="Agents who must not get it, e.g. the one it was just taken back from")


class QueuePolicy(BaseModel):
    """How a queue hands out its cases."""

    model_config = _FROZEN

    strategy: Strategy = "round_robin"
    relax_optional_after_seconds: Count | None = Field(
        default=120, description="Optional skills stop being required once a case has waited this long; None = never")
    cursor: str | None = Field(default=None, description="Round robin: the agent who got the queue's last case")


class Assignment(BaseModel):
    """One case given to one agent, with the evidence an auditor needs to check the choice."""

    model_config = _FROZEN

    case_id: str
    agent_id: str
    reason: dict


class DispatchResult(BaseModel):
    """Everything one dispatch decided; the caller writes it back in one transaction."""

    model_config = _FROZEN

    assignments: list[Assignment] = Field(description="In the order they were decided (queue order)")
    cursor: str | None = Field(description="The new round-robin cursor; unchanged by the other strategies")
    waiting: list[str] = Field(description="Case ids left waiting, in queue order")
    next_relax_at: datetime | None = Field(
        description="Earliest moment (UTC) a still-waiting case's optional skills are dropped; None if none pending")
