"""Teams and agents: lists, and an agent's presence and capacity (which move work at once)."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from api.auth.deps import ChangePresence, ReadTeams
from api.auth.permissions import Permission
from api.db import session_scope
from api.deps import EngineDep, ListDep, SessionDep, TemporalDep
from api.errors import ApiError
from api.listing import get_or_404, list_rows
from api.routing.models import CaseRouting
from api.routing.notify import notify
from api.routing.service import ASSIGNED, redispatch, set_presence
from api.teams.models import Agent, AgentPublic, Team, TeamPublic
from engine.messages import RoutingState

router = APIRouter(tags=["teams"])


def _open_cases(session: Session, agent_ids: list[str]) -> dict[str, int]:
    """Each agent's load as routing counts it (the numbers capacity is checked against)."""
    rows = session.exec(
        select(CaseRouting.agent_id, func.count()).where(
            col(CaseRouting.agent_id).in_(agent_ids), CaseRouting.state == ASSIGNED).group_by(CaseRouting.agent_id))
    return {agent_id: count for agent_id, count in rows if agent_id}


def _public(agent: Agent, open_cases: dict[str, int]) -> AgentPublic:
    return AgentPublic(**agent.model_dump(), open_cases=open_cases.get(agent.id, 0))


@router.get("/teams", response_model=list[TeamPublic])
def list_teams(_: ReadTeams, session: SessionDep, response: Response, params: ListDep) -> list[Team]:
    return list_rows(session, response, params, table=Team, resource="teams",
                     filterable=(), searchable=("name",))


@router.get("/teams/{team_id}", response_model=TeamPublic)
def get_team(_: ReadTeams, session: SessionDep, team_id: str) -> Team:
    return get_or_404(session, Team, team_id, resource="team")


@router.get("/agents", response_model=list[AgentPublic])
def list_agents(_: ReadTeams, session: SessionDep, response: Response, params: ListDep) -> list[AgentPublic]:
    agents = list_rows(session, response, params, table=Agent, resource="agents",
                       filterable=("team_id", "online"), searchable=("name", "email"))
    counts = _open_cases(session, [a.id for a in agents])
    return [_public(a, counts) for a in agents]


@router.get("/agents/{agent_id}", response_model=AgentPublic)
def get_agent(_: ReadTeams, session: SessionDep, agent_id: str) -> AgentPublic:
    agent = get_or_404(session, Agent, agent_id, resource="agent")
    return _public(agent, _open_cases(session, [agent.id]))



class AgentChange(BaseModel):
    """Fields an agent (their own `online` only) or their lead changes; absent fields stay as they are."""

    model_config = ConfigDict(extra="forbid")

    online: bool | None = None
    capacity: int | None = Field(default=None, ge=0, le=1000)
    channel_capacity: dict[str, int] | None = None
    skills: dict[str, int] | None = None
    languages: list[str] | None = None
    channels: list[str] | None = None


def _change_agent(engine: Engine, agent_id: str, change: AgentChange) -> tuple[AgentPublic, list[RoutingState]]:
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        agent = get_or_404(session, Agent, agent_id, resource="agent")
        for key, levels in (("skills", change.skills), ("channel_capacity", change.channel_capacity)):
            bad = [name for name, value in (levels or {}).items()
                   if not (1 <= value <= 5 if key == "skills" else value >= 0)]
            if bad:
                raise ApiError(422, code="bad_value", path=f"{key}/{bad[0]}",
                               message="a skill level is 1 to 5" if key == "skills" else "a capacity is 0 or more")
        fields = change.model_dump(exclude_none=True, exclude={"online"})
        agent.sqlmodel_update(fields)
        session.add(agent)
        session.flush()
        if change.online is not None and change.online != agent.online:
            changes = set_presence(session, agent_id, change.online, now)
        else:
            changes = redispatch(session, agent.team_id, now) if fields else []
        session.flush()
        return _public(agent, _open_cases(session, [agent.id])), changes


@router.patch("/agents/{agent_id}", response_model=AgentPublic)
async def change_agent(principal: ChangePresence, engine: EngineDep, temporal: TemporalDep, agent_id: str,
                       body: AgentChange) -> AgentPublic:
    """Go online or offline, or change capacity and skills; waiting cases are dispatched at once.

    An agent changes only their own presence; anything else, or anyone else, takes agents:manage.
    Going offline hands the agent's unstarted cases back to their queue (first
    in line, by their original waiting time); cases they began stay theirs.
    """
    if agent_id != principal.user_id or body.model_dump(exclude_none=True, exclude={"online"}):
        principal.require(Permission.agents_manage)
    agent, changes = await run_in_threadpool(_change_agent, engine, agent_id, body)
    await notify(temporal, changes)
    return agent
