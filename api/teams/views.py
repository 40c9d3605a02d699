"""Teams and agents: lists, and an agent's presence and capacity (which move work at once)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from api.audit.trail import record
from api.auth.deps import ChangePresence, ReadTeams
from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.deps import EngineDep, SessionDep, TemporalDep
from api.listing import Listing, ListParams, get_or_404, list_rows
from engine.messages import RoutingState
from store.db import session_scope
from store.fields import WHOLE
from store.routing.models import CaseRouting
from store.routing.notify import notify
from store.routing.service import ASSIGNED, redispatch, set_presence
from store.teams import Agent, AgentPublic, Team, TeamPublic

router = APIRouter(tags=["teams"])


def _open_cases(session: Session, agent_ids: list[str]) -> dict[str, int]:
    """Each agent's load as routing counts it (the numbers capacity is checked against)."""
    rows = session.exec(
        select(CaseRouting.agent_id, func.count()).where(
            col(CaseRouting.agent_id).in_(agent_ids), CaseRouting.state == ASSIGNED).group_by(CaseRouting.agent_id))
    return {agent_id: count for agent_id, count in rows if agent_id}


def _public(agent: Agent, open_cases: dict[str, int]) -> AgentPublic:
    return AgentPublic(**agent.model_dump(), open_cases=open_cases.get(agent.id, 0))


TEAMS = Listing(Team, "teams", searchable=("name",))
AGENTS = Listing(Agent, "agents", filterable=("team_id", "online"), searchable=("name", "email"))


@router.get("/teams", response_model=list[TeamPublic])
def list_teams(_: ReadTeams, session: SessionDep, response: Response,
               params: Annotated[ListParams, Depends(TEAMS)]) -> list[Team]:
    return list_rows(session, response, params)


@router.get("/teams/{team_id}", response_model=TeamPublic)
def get_team(_: ReadTeams, session: SessionDep, team_id: str) -> Team:
    return get_or_404(session, Team, team_id, resource="team")


@router.get("/agents", response_model=list[AgentPublic])
def list_agents(_: ReadTeams, session: SessionDep, response: Response,
                params: Annotated[ListParams, Depends(AGENTS)]) -> list[AgentPublic]:
    agents = list_rows(session, response, params)
    counts = _open_cases(session, [a.id for a in agents])
    return [_public(a, counts) for a in agents]


@router.get("/agents/{agent_id}", response_model=AgentPublic)
def get_agent(_: ReadTeams, session: SessionDep, agent_id: str) -> AgentPublic:
    agent = get_or_404(session, Agent, agent_id, resource="agent")
    return _public(agent, _open_cases(session, [agent.id]))



Capacity = Annotated[int, Field(strict=True, ge=0, le=1000, description="open cases at once: 0 to 1000"), WHOLE]
SkillLevel = Annotated[int, Field(strict=True, ge=1, le=5, description="a skill level: 1 (novice) to 5 (expert)"),
                       WHOLE]


class AgentChange(BaseModel):
    """Fields an agent (their own `online` only) or their lead changes; absent fields stay as they are."""

    model_config = ConfigDict(extra="forbid")

    online: bool | None = Field(default=None, strict=True)
    capacity: Capacity | None = Field(default=None, description="most open cases at once, over all channels")
    channel_capacity: dict[str, Capacity] | None = Field(
        default=None, description="channel -> most open cases on it at once, e.g. {\"email\": 10}")
    skills: dict[str, SkillLevel] | None = Field(
        default=None, description="skill -> level, 1 (novice) to 5 (expert), e.g. {\"billing\": 4}")
    languages: list[str] | None = Field(default=None, description="languages spoken; empty: any language")
    channels: list[str] | None = Field(default=None, description="channels served; empty: any channel")


def _change_agent(engine: Engine, principal: Principal, agent_id: str,
                  change: AgentChange) -> tuple[AgentPublic, list[RoutingState]]:
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        agent = get_or_404(session, Agent, agent_id, resource="agent")
        sent = change.model_dump(mode="json", exclude_none=True)
        before = {name: getattr(agent, name) for name in sent}
        record(session, principal, "agent.change", "agent", agent_id, before=before, after=sent)
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
    agent, changes = await run_in_threadpool(_change_agent, engine, principal, agent_id, body)
    await notify(temporal, changes, engine=engine)
    return agent
