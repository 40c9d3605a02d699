"""Teams and agents, read-only for now."""

from __future__ import annotations

from fastapi import APIRouter, Response
from sqlalchemy import func
from sqlmodel import col, select

from api.cases.models import Case
from api.deps import ListDep, SessionDep
from api.listing import get_or_404, list_rows
from api.teams.models import Agent, AgentPublic, Team, TeamPublic
from engine.models import CaseStatus

router = APIRouter(tags=["teams"])


def _open_cases(session: SessionDep, agent_ids: list[str]) -> dict[str, int]:
    rows = session.exec(
        select(Case.assignee_id, func.count()).where(
            col(Case.assignee_id).in_(agent_ids), Case.status != CaseStatus.closed).group_by(Case.assignee_id))
    return {agent_id: count for agent_id, count in rows if agent_id}


def _public(agent: Agent, open_cases: dict[str, int]) -> AgentPublic:
    return AgentPublic(**agent.model_dump(), open_cases=open_cases.get(agent.id, 0))


@router.get("/teams", response_model=list[TeamPublic])
def list_teams(session: SessionDep, response: Response, params: ListDep) -> list[Team]:
    return list_rows(session, response, params, table=Team, resource="teams",
                     filterable=(), searchable=("name",))


@router.get("/teams/{team_id}", response_model=TeamPublic)
def get_team(session: SessionDep, team_id: str) -> Team:
    return get_or_404(session, Team, team_id, resource="team")


@router.get("/agents", response_model=list[AgentPublic])
def list_agents(session: SessionDep, response: Response, params: ListDep) -> list[AgentPublic]:
    agents = list_rows(session, response, params, table=Agent, resource="agents",
                       filterable=("team_id", "online"), searchable=("name", "email"))
    counts = _open_cases(session, [a.id for a in agents])
    return [_public(a, counts) for a in agents]


@router.get("/agents/{agent_id}", response_model=AgentPublic)
def get_agent(session: SessionDep, agent_id: str) -> AgentPublic:
    agent = get_or_404(session, Agent, agent_id, resource="agent")
    return _public(agent, _open_cases(session, [agent.id]))

