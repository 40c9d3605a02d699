"""Teams (the queues cases are routed to) and their agents.

A team is a queue: routing rules send a case to a team, and the team's
strategy decides which of its agents gets it. An agent belongs to one team;
their skills, languages, channels and capacity decide what they can take.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import JSON, Column, Field, SQLModel

from store.db.types import UtcDateTime


class TeamBase(SQLModel):
    name: str
    description: str = ""
    department: str = Field(default="", description="e.g. Marketing/PR, Support/Sales, Tier 1")
    strategy: str = Field(default="round_robin", description="round_robin, least_loaded, skills or manual")
    relax_optional_after_seconds: int | None = Field(
        default=120, description="Optional skills stop being required after a case waits this long; null = never")
    allow_pull: bool = Field(default=False, description="Agents may claim waiting cases themselves")
    claim_idle_seconds: int = Field(default=900, description="A claim with no activity for this long expires")


class Team(TeamBase, table=True):
    id: str = Field(primary_key=True)
    # Round-robin cursor: the agent who got the team's last case.
    last_assigned_agent_id: str | None = None


class TeamPublic(TeamBase):
    id: str
    members: list[str] = Field(default_factory=list, description="ids of the team's agents, by name")
    waiting: int = Field(default=0, description="cases waiting in the team's queue for an agent")
    oldest_waiting_since: datetime | None = Field(
        default=None, description="when the case that has waited longest began waiting; null: none waits")


def _json(default: object) -> object:
    factory = (lambda: dict(default)) if isinstance(default, dict) else (lambda: list(default))  # type: ignore[arg-type]
    return Field(default_factory=factory, sa_column=Column(JSON))


class AgentBase(SQLModel):
    name: str
    email: str
    team_id: str = Field(foreign_key="team.id", index=True)
    online: bool = True
    capacity: int = Field(default=5, ge=0, description="Most open cases at once")
    channel_capacity: dict[str, int] = _json({})  # type: ignore[assignment]
    skills: dict[str, int] = _json({})  # type: ignore[assignment]
    languages: list[str] = _json([])  # type: ignore[assignment]
    channels: list[str] = _json([])  # type: ignore[assignment]
    roles: list[str] = _json(["agent"])  # type: ignore[assignment]
    seniority: str = Field(default="senior", description="junior or senior; approval rules may use it")


class Agent(AgentBase, table=True):
    id: str = Field(primary_key=True)
    last_assigned_at: datetime | None = Field(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]


class AgentPublic(AgentBase):
    id: str
    open_cases: int = 0
