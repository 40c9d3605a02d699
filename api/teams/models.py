"""Teams and agents."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class TeamBase(SQLModel):
    name: str
    description: str = ""


class Team(TeamBase, table=True):
    id: str = Field(primary_key=True)
    # Round-robin cursor: the agent who got the team's last case.
    last_assigned_agent_id: str | None = None


class TeamPublic(TeamBase):
    id: str


class AgentBase(SQLModel):
    name: str
    email: str
    team_id: str = Field(foreign_key="team.id", index=True)
    online: bool = True


class Agent(AgentBase, table=True):
    id: str = Field(primary_key=True)


class AgentPublic(AgentBase):
    id: str
    open_cases: int = 0
