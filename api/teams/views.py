"""Teams and agents: lists; teams created and changed, agents moved between them; an agent's presence, capacity,
skills and languages (which move work at once)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from api.audit.trail import record
from api.auth.deps import ChangePresence, ManageTeams, ReadTeams
from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.deps import EngineDep, SessionDep, TemporalDep
from api.errors import ApiError, refusal
from api.listing import Listing, ListParams, get_or_404, list_rows
from engine.messages import RoutingState
from engine.routing.model import Strategy
from store.accounts import User
from store.db import session_scope
from store.fields import WHOLE
from store.routing.models import CaseRouting
from store.routing.notify import notify
from store.routing.service import ASSIGNED, WAITING, redispatch, set_presence
from store.sources import Source
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


def _teams_public(session: Session, teams: list[Team]) -> list[TeamPublic]:
    """Teams with their members and their queue: how many cases wait, and since when the oldest."""
    ids = [t.id for t in teams]
    members: dict[str, list[str]] = {i: [] for i in ids}
    for agent_id, team_id in session.exec(select(Agent.id, Agent.team_id).where(col(Agent.team_id).in_(ids))
                                          .order_by(col(Agent.name), col(Agent.id))):
        members[team_id].append(agent_id)
    queues = {team_id: (count, oldest) for team_id, count, oldest in session.exec(
        select(CaseRouting.team_id, func.count(), func.min(CaseRouting.enqueued_at))
        .where(col(CaseRouting.team_id).in_(ids), CaseRouting.state == WAITING).group_by(CaseRouting.team_id))}
    return [TeamPublic(**t.model_dump(), members=members[t.id], waiting=queues.get(t.id, (0, None))[0],
                       oldest_waiting_since=queues.get(t.id, (0, None))[1]) for t in teams]


@router.get("/teams", response_model=list[TeamPublic])
def list_teams(_: ReadTeams, session: SessionDep, response: Response,
               params: Annotated[ListParams, Depends(TEAMS)]) -> list[TeamPublic]:
    return _teams_public(session, list_rows(session, response, params))


@router.get("/teams/{team_id}", response_model=TeamPublic)
def get_team(_: ReadTeams, session: SessionDep, team_id: str) -> TeamPublic:
    """The team, its members and its queue (waiting cases: `GET /api/cases?filter={"team_id":..,"status":"open"}`)."""
    return _teams_public(session, [get_or_404(session, Team, team_id, resource="team")])[0]


# Not blank: the pattern (a non-space somewhere) says so in the schema too: a blank name does not fit it.
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=r"\S")]
Seconds = Annotated[int, Field(strict=True, ge=0, le=7 * 86400, description="seconds: 0 to a week"), WHOLE]
ClaimSeconds = Annotated[int, Field(strict=True, ge=60, le=7 * 86400, description="seconds: a minute to a week"),
                         WHOLE]
AgentIds = Annotated[list[Annotated[str, StringConstraints(min_length=1, max_length=100)]], Field(max_length=500)]


class TeamFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str | None = Field(default=None, max_length=1000)
    department: str | None = Field(default=None, max_length=100, description="e.g. Marketing/PR, Support/Sales")
    strategy: Strategy | None = Field(default=None, description="how the queue picks an agent")
    relax_optional_after_seconds: Seconds | None = Field(
        default=None, description="optional skills stop being required after a case waits this long")
    never_relax: bool = Field(default=False, strict=True, description="optional skills stay required however long "
                                                                       "a case waits (relax_optional_after_seconds "
                                                                       "null)")
    allow_pull: bool | None = Field(default=None, strict=True, description="agents may claim waiting cases")
    claim_idle_seconds: ClaimSeconds | None = Field(default=None, description="a claim idle this long expires")

    def settings(self) -> dict[str, object]:
        fields = self.model_dump(exclude_none=True, exclude={"never_relax", "members", "id"})
        if self.never_relax:
            fields["relax_optional_after_seconds"] = None
        return fields


class TeamCreate(TeamFields):
    """A new team (a queue routing rules may send cases to); `members` are agents moved into it from theirs."""

    id: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$",
                           description="lowercase letters, digits, - and _; default: from the name")
    name: Name
    members: AgentIds = Field(default_factory=list, description="agents who move to this team")


class TeamChange(TeamFields):
    """Fields to change; absent ones stay as they are. Members move with /api/teams/{id}/members/{agent_id}."""

    name: Name | None = None


def _slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())[:63] or "team"


def _same_name(session: Session, name: str, team_id: str) -> None:
    other = session.exec(select(Team).where(func.lower(Team.name) == name.lower(), Team.id != team_id)).first()
    if other is not None:
        raise ApiError(409, code="team_name_taken", path="name",
                       message=f"team {other.id!r} is already called {other.name!r}: choose another name")


def _agents(session: Session, ids: list[str], *, path: str) -> list[Agent]:
    agents = []
    for index, agent_id in enumerate(dict.fromkeys(ids)):
        agent = session.get(Agent, agent_id)
        if agent is None:
            raise ApiError(404, code="unknown_agent", path=f"{path}.{index}" if path == "members" else path,
                           message=f"no agent with id {agent_id!r}: members are agents' ids (GET /api/agents)")
        agents.append(agent)
    return agents


def _move(session: Session, principal: Principal, agent: Agent, team_id: str, now: datetime) -> list[RoutingState]:
    """Move `agent` to `team_id` (an agent works in one team) and dispatch its queue, which may have work for them.

    Cases they hold stay theirs. A user scoped to teams is also scoped to their new team, so they see its cases."""
    before = agent.team_id
    if before == team_id:
        return []
    agent.team_id = team_id
    session.add(agent)
    user = session.get(User, agent.id)
    if user is not None and user.teams and team_id not in user.teams:
        user.teams = [*user.teams, team_id]
        session.add(user)
    record(session, principal, "team.member_add", "team", team_id, before={"agent_id": agent.id, "team_id": before},
           after={"agent_id": agent.id, "team_id": team_id})
    session.flush()
    return redispatch(session, team_id, now)


def _create_team(engine: Engine, principal: Principal, body: TeamCreate) -> tuple[TeamPublic, list[RoutingState]]:
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        team_id = body.id or _slug(body.name)
        if session.get(Team, team_id) is not None:
            raise ApiError(409, code="team_exists", path="id",
                           message=f"a team {team_id!r} exists already: give another id (or name)")
        _same_name(session, body.name, team_id)
        members = _agents(session, body.members, path="members")
        team = Team(id=team_id, **body.settings())
        session.add(team)
        session.flush()
        record(session, principal, "team.create", "team", team_id, after=team.model_dump(mode="json"))
        changes = [change for agent in members for change in _move(session, principal, agent, team_id, now)]
        session.flush()
        return _teams_public(session, [team])[0], changes


@router.post("/teams", response_model=TeamPublic, status_code=status.HTTP_201_CREATED, responses={
    404: refusal("a member is not an agent (path: members.N)"),
    409: refusal("the id, or the name, is another team's")})
async def create_team(principal: ManageTeams, engine: EngineDep, temporal: TemporalDep,
                      body: TeamCreate) -> TeamPublic:
    """Add a team; its members leave their teams for it, and its queue is dispatched at once."""
    team, changes = await run_in_threadpool(_create_team, engine, principal, body)
    await notify(temporal, changes, engine=engine)
    return team


def _change_team(engine: Engine, principal: Principal, team_id: str,
                 body: TeamChange) -> tuple[TeamPublic, list[RoutingState]]:
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        team = get_or_404(session, Team, team_id, resource="team")
        fields = body.settings()
        if body.name is not None:
            _same_name(session, body.name, team_id)
        before = {name: getattr(team, name) for name in fields}
        team.sqlmodel_update(fields)
        session.add(team)
        record(session, principal, "team.change", "team", team_id, before=before,
               after={name: getattr(team, name) for name in fields})
        session.flush()
        routing = {"strategy", "relax_optional_after_seconds"} & fields.keys()
        changes = redispatch(session, team_id, now) if routing else []
        session.flush()
        return _teams_public(session, [team])[0], changes


@router.patch("/teams/{team_id}", response_model=TeamPublic, responses={
    409: refusal("the name is another team's")})
async def change_team(principal: ManageTeams, engine: EngineDep, temporal: TemporalDep, team_id: str,
                      body: TeamChange) -> TeamPublic:
    """Rename a team or change how its queue works; a new strategy dispatches its waiting cases at once.

    A new `allow_pull` or `claim_idle_seconds` holds for cases routed to the team from then on."""
    team, changes = await run_in_threadpool(_change_team, engine, principal, team_id, body)
    await notify(temporal, changes, engine=engine)
    return team


def _add_member(engine: Engine, principal: Principal, team_id: str,
                agent_id: str) -> tuple[TeamPublic, list[RoutingState]]:
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        team = get_or_404(session, Team, team_id, resource="team")
        agent = _agents(session, [agent_id], path="agent_id")[0]
        if agent.team_id == team_id:  # asked again (a retry): nothing moves, the request is still on record
            record(session, principal, "team.member_add", "team", team_id, detail={"agent_id": agent_id,
                                                                                  "already_member": True})
        changes = _move(session, principal, agent, team_id, now)
        session.flush()
        return _teams_public(session, [team])[0], changes


@router.post("/teams/{team_id}/members/{agent_id}", response_model=TeamPublic, responses={
    404: refusal("no such team, or no such agent (path: agent_id)")})
async def add_member(principal: ManageTeams, engine: EngineDep, temporal: TemporalDep, team_id: str,
                     agent_id: str) -> TeamPublic:
    """Move an agent into this team (an agent works in one team: they leave theirs); cases they hold stay theirs,
    and the team's waiting cases are dispatched at once. Adding a member twice changes nothing."""
    team, changes = await run_in_threadpool(_add_member, engine, principal, team_id, agent_id)
    await notify(temporal, changes, engine=engine)
    return team


def _remove_member(engine: Engine, principal: Principal, team_id: str, agent_id: str,
                   to: str) -> tuple[TeamPublic, list[RoutingState]]:
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        team = get_or_404(session, Team, team_id, resource="team")
        agent = _agents(session, [agent_id], path="agent_id")[0]
        if agent.team_id != team_id:
            raise ApiError(404, code="not_a_member", path="agent_id",
                           message=f"agent {agent_id!r} is not in team {team_id!r} (they are in {agent.team_id!r})")
        if to == team_id:
            raise ApiError(409, code="same_team", path="to", message=f"{agent_id!r} is in {team_id!r} already: "
                                                                      "name another team in ?to=")
        if session.get(Team, to) is None:
            raise ApiError(404, code="unknown_team", path="to", message=f"no team {to!r} to move {agent_id!r} to")
        record(session, principal, "team.member_remove", "team", team_id, detail={"agent_id": agent_id, "to": to})
        changes = _move(session, principal, agent, to, now)
        session.flush()
        return _teams_public(session, [team])[0], changes


@router.delete("/teams/{team_id}/members/{agent_id}", response_model=TeamPublic, responses={
    404: refusal("no such team or agent, the agent is not in this team, or no team `to`"),
    409: refusal("`to` is this team")})
async def remove_member(principal: ManageTeams, engine: EngineDep, temporal: TemporalDep, team_id: str,
                        agent_id: str, to: Annotated[str, Query(
                            min_length=1, max_length=100, pattern=r"^[^\x00]*$",
                            description="the team the agent moves to: an agent works in exactly one team")],
                        ) -> TeamPublic:
    """Take an agent out of this team into team `to`; answers this team as it is now."""
    team, changes = await run_in_threadpool(_remove_member, engine, principal, team_id, agent_id, to)
    await notify(temporal, changes, engine=engine)
    return team


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


SKILL_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
Skill = Annotated[str, StringConstraints(min_length=1, max_length=50, pattern=SKILL_PATTERN)]
Language = Annotated[str, StringConstraints(max_length=20, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
Channel = Annotated[str, StringConstraints(min_length=1, max_length=100)]


class AgentChange(BaseModel):
    """Fields an agent (their own `online` only) or their lead changes; absent fields stay as they are."""

    model_config = ConfigDict(extra="forbid")

    online: bool | None = Field(default=None, strict=True)
    capacity: Capacity | None = Field(default=None, description="most open cases at once, over all channels")
    channel_capacity: dict[Channel, Capacity] | None = Field(
        default=None, description="channel (a source's id) -> most open cases on it at once, e.g. {\"email\": 10}")
    skills: dict[Skill, SkillLevel] | None = Field(
        # pydantic writes the key pattern as patternProperties, which lets other keys through: said outright.
        default=None, max_length=100, json_schema_extra={"propertyNames": {"pattern": SKILL_PATTERN}},
        description="skill (lowercase, digits, - and _) -> level, 1 (novice) to 5 (expert), e.g. {\"billing\": 4}")
    languages: list[Language] | None = Field(
        default=None, max_length=50, description="languages spoken as tags (en, pt-BR); empty: any language")
    channels: list[Channel] | None = Field(default=None, max_length=100,
                                           description="channels served (sources' ids); empty: any channel")
    team_id: str | None = Field(default=None, max_length=100,
                                description="the team (queue) they work in; cases they hold stay theirs")


def _check_channels(session: Session, change: AgentChange) -> None:
    """Channels are sources' ids: one that is none would cap or serve nothing, silently."""
    known = set(session.exec(select(Source.id)))
    named = [(f"channel_capacity.{name}", name) for name in change.channel_capacity or {}]
    named += [(f"channels.{index}", name) for index, name in enumerate(change.channels or [])]
    for path, name in named:
        if name not in known:
            raise ApiError(404, code="unknown_channel", path=path,
                           message=f"no channel {name!r}: a channel is a source's id, one of "
                                   f"{', '.join(sorted(known)) or '(no sources yet)'}")


def _change_agent(engine: Engine, principal: Principal, agent_id: str,
                  change: AgentChange) -> tuple[AgentPublic, list[RoutingState]]:
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        agent = get_or_404(session, Agent, agent_id, resource="agent")
        _check_channels(session, change)
        if change.team_id is not None and session.get(Team, change.team_id) is None:
            raise ApiError(404, code="unknown_team", path="team_id",
                           message=f"no team {change.team_id!r}: GET /api/teams lists them")
        sent = change.model_dump(mode="json", exclude_none=True)
        before = {name: getattr(agent, name) for name in sent}
        record(session, principal, "agent.change", "agent", agent_id, before=before, after=sent)
        moved = _move(session, principal, agent, change.team_id, now) if change.team_id is not None else []
        fields = change.model_dump(exclude_none=True, exclude={"online", "team_id"})
        agent.sqlmodel_update(fields)
        session.add(agent)
        session.flush()
        if change.online is not None and change.online != agent.online:
            changes = set_presence(session, agent_id, change.online, now)
        else:
            changes = redispatch(session, agent.team_id, now) if fields else []
        session.flush()
        return _public(agent, _open_cases(session, [agent.id])), _latest(moved + changes)


def _latest(changes: list[RoutingState]) -> list[RoutingState]:
    """Each case's newest state, once (a case dispatched twice in one change is signalled its last state)."""
    newest: dict[str, RoutingState] = {}
    for change in changes:
        if change.case_id not in newest or change.seq >= newest[change.case_id].seq:
            newest[change.case_id] = change
    return list(newest.values())


@router.patch("/agents/{agent_id}", response_model=AgentPublic, responses={
    404: refusal("no such agent, or no channel (path: channel_capacity.X, channels.N) or team (team_id) the body names")
})
async def change_agent(principal: ChangePresence, engine: EngineDep, temporal: TemporalDep, agent_id: str,
                       body: AgentChange) -> AgentPublic:
    """Go online or offline, or change capacity and skills; waiting cases are dispatched at once.

    An agent changes only their own presence; anything else, or anyone else, takes agents:manage, and moving
    them to another team also teams:manage. Channels are sources' ids (404 `unknown_channel` names one that is not).
    Going offline hands the agent's unstarted cases back to their queue (first
    in line, by their original waiting time); cases they began stay theirs.
    """
    if agent_id != principal.user_id or body.model_dump(exclude_none=True, exclude={"online"}):
        principal.require(Permission.agents_manage)
    if body.team_id is not None:
        principal.require(Permission.teams_manage)
    agent, changes = await run_in_threadpool(_change_agent, engine, principal, agent_id, body)
    await notify(temporal, changes, engine=engine)
    return agent
