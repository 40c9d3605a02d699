"""Routing transactions: queue a case, free an agent, take work back, pull a case.

Every function here runs inside the caller's write transaction and starts by
locking the team (see models.py for why the state lives in the database).
Each returns the routing states it changed, for the caller to signal to the
case workflows after the commit.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from engine.messages import Refusal, RouteRequest, RoutingState
from engine.models import Priority
from engine.routing import AgentState, QueuePolicy, WaitingCase, dispatch
from store.routing.models import CaseRouting, QueueGuest
from store.teams import Agent, Team

WAITING, ASSIGNED, RELEASED = "waiting", "assigned", "released"


class RoutingRefused(Exception):
    """A change routing cannot make; `code` says why, `holder` who has the case if anyone."""

    def __init__(self, code: Refusal, message: str, holder: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.holder = code, message, holder


def lock_team(session: Session, team_id: str) -> Team | None:
    """The team row, locked until the transaction ends (a no-op lock on SQLite, whose writers are serial)."""
    return session.exec(select(Team).where(Team.id == team_id).with_for_update()).one_or_none()


def state_of(row: CaseRouting, team: Team | None, recheck_in: float | None = None) -> RoutingState:
    """The row as the case workflow hears it, with the team settings its claims depend on."""
    settings = {} if team is None else {"allow_pull": team.allow_pull, "claim_idle_seconds": team.claim_idle_seconds}
    return RoutingState(case_id=row.case_id, workflow_id=row.workflow_id, seq=row.seq, state=row.state,
                        team_id=row.team_id, agent_id=row.agent_id, reason=row.reason,
                        at=row.assigned_at or row.enqueued_at, recheck_in_seconds=recheck_in, **settings)


def _bump(row: CaseRouting, state: str, agent_id: str | None, reason: dict, now: datetime) -> None:
    row.state, row.agent_id, row.reason, row.seq = state, agent_id, reason, row.seq + 1
    row.assigned_at = now if state == ASSIGNED else None
    if state != ASSIGNED:
        row.started = False


def route(session: Session, req: RouteRequest, now: datetime) -> tuple[RoutingState, list[RoutingState]]:
    """Queue the case in `req.team_id` unless it is already there, then dispatch that queue.

    Returns the case's own state and every other case's change. Repeating the
    same request changes nothing but may assign the case if capacity freed.
    """
    row = session.get(CaseRouting, req.case_id)
    # Teams are locked in id order, so two cases moving opposite ways cannot deadlock.
    for team_id in sorted({req.team_id} | ({row.team_id} if row is not None else set())):
        lock_team(session, team_id)
    changes: list[RoutingState] = []
    if row is not None and row.team_id != req.team_id and row.state != RELEASED:
        changes += _leave(session, row, now)  # moving queue: the old team gets the freed capacity
    team = lock_team(session, req.team_id)
    if team is None:
        raise RoutingRefused(Refusal.unknown_team, f"team {req.team_id!r} does not exist")
    if row is None:
        row = _waiting_row(req, now)
    moved = row.team_id != req.team_id or row.state == RELEASED or (req.requeue and row.state == ASSIGNED)
    if moved:
        excluded = sorted(set(req.excluded_agents) | ({row.agent_id} if req.requeue and row.agent_id else set()))
        row.team_id, row.excluded_agents = req.team_id, excluded
        _bump(row, WAITING, None, {"queued": "requeued" if req.requeue else "moved"}, now)
    row.priority, row.channel, row.language = req.priority.value, req.channel, req.language
    row.required_skills, row.optional_skills = dict(req.required_skills), dict(req.optional_skills)
    if not moved and req.excluded_agents:
        row.excluded_agents = sorted(set(row.excluded_agents) | set(req.excluded_agents))
    session.add(row)
    session.flush()
    found, recheck = _dispatch(session, team, now)
    session.refresh(row)
    # Relative, so a workflow whose clock differs from ours (a time-skipping test server) sets the right timer.
    recheck_in = (recheck - now).total_seconds() if recheck is not None and row.state == WAITING else None
    own = state_of(row, team, recheck_in)
    return own, changes + [change for change in found if change.case_id != req.case_id]


def queue_new(session: Session, requests: list[RouteRequest],
              now: datetime) -> tuple[dict[str, RoutingState | RoutingRefused], list[RoutingState]]:
    """Queue new cases (an ingest batch's) and dispatch each of their teams once.

    Returns each case's state, or why routing refused it (its team does not exist: no row is written and
    its workflow asks again), and every other case's change. One dispatch per team, however many cases
    the batch brings, and the highest-priority of them are served first when capacity is short.
    """
    teams = {team_id: lock_team(session, team_id) for team_id in sorted({req.team_id for req in requests})}
    own: dict[str, RoutingState | RoutingRefused] = {}
    rows = []
    for req in requests:
        if teams[req.team_id] is None:
            own[req.case_id] = RoutingRefused(Refusal.unknown_team, f"team {req.team_id!r} does not exist")
        else:
            rows.append(_waiting_row(req, now))
    session.add_all(rows)
    session.flush()
    new = {row.case_id for row in rows}
    others: list[RoutingState] = []
    for team_id, team in teams.items():
        if team is None:
            continue
        found, recheck = _dispatch(session, team, now)
        others += [change for change in found if change.case_id not in new]
        for row in rows:
            if row.team_id == team_id:  # _dispatch changed these very objects (the session's identity map)
                waits = recheck is not None and row.state == WAITING
                own[row.case_id] = state_of(row, team, (recheck - now).total_seconds() if waits else None)
    return own, others


def _waiting_row(req: RouteRequest, now: datetime) -> CaseRouting:
    return CaseRouting(case_id=req.case_id, workflow_id=req.workflow_id, team_id=req.team_id, state=WAITING,
                       priority=req.priority.value, enqueued_at=now, channel=req.channel, language=req.language,
                       required_skills=dict(req.required_skills), optional_skills=dict(req.optional_skills),
                       excluded_agents=sorted(req.excluded_agents))


def release(session: Session, case_id: str, now: datetime) -> list[RoutingState]:
    """The case leaves routing (closed, or handed outside the queues); its agent's capacity goes to the next case."""
    row = session.get(CaseRouting, case_id)
    if row is None or row.state == RELEASED:
        return []
    return _leave(session, row, now)


def _leave(session: Session, row: CaseRouting, now: datetime) -> list[RoutingState]:
    team = lock_team(session, row.team_id)
    session.refresh(row)
    freed = row.state == ASSIGNED
    _bump(row, RELEASED, None, {"released": True}, now)
    session.add(row)
    session.flush()
    if not freed or team is None:
        return []
    return _dispatch(session, team, now)[0]


def set_presence(session: Session, agent_id: str, online: bool, now: datetime) -> list[RoutingState]:
    """An agent comes online (gets waiting work) or goes offline (unstarted cases return to the queue).

    A guest (crisis mode's backup) is dispatched the queues they are a guest of as well as their team's."""
    agent = session.get(Agent, agent_id)
    if agent is None:
        raise RoutingRefused(Refusal.unknown_agent, f"agent {agent_id!r} does not exist")
    queues = sorted({agent.team_id, *guest_queues(session, agent_id)})
    teams = {queue: lock_team(session, queue) for queue in queues}  # in id order, as route() locks them
    session.refresh(agent)
    agent.online = online
    session.add(agent)
    changes = []
    if not online:
        rows = session.exec(select(CaseRouting).where(CaseRouting.agent_id == agent_id, CaseRouting.state == ASSIGNED,
                                                      col(CaseRouting.started).is_(False))).all()
        for row in rows:
            # Back in line at its first place: enqueued_at is kept, so it is served before younger cases.
            _bump(row, WAITING, None, {"queued": "agent_offline", "from": agent_id}, now)
            session.add(row)
            if row.team_id not in teams:  # a queue they have left since: it gets its case back all the same
                teams[row.team_id] = lock_team(session, row.team_id)
            changes.append(state_of(row, teams[row.team_id]))
    session.flush()
    assigned = [change for team in teams.values() if team is not None for change in _dispatch(session, team, now)[0]]
    again = {change.case_id for change in assigned}
    returned = {change.case_id for change in changes}
    for change in assigned:
        if change.case_id in returned:
            # Straight to another agent: the evidence says where it came from and why.
            row = session.get(CaseRouting, change.case_id)
            row.reason = change.reason = {**change.reason, "returned_from": agent_id, "why": "agent_offline"}
            session.add(row)
    return [change for change in changes if change.case_id not in again] + assigned


def redispatch(session: Session, team_id: str, now: datetime) -> list[RoutingState]:
    """Dispatch a team's queue again (capacity raised, strategy changed)."""
    team = lock_team(session, team_id)
    return [] if team is None else _dispatch(session, team, now)[0]


def start_work(session: Session, case_id: str, agent_id: str) -> None:
    """The agent has begun: the case stays with them even if they go offline."""
    row = session.get(CaseRouting, case_id)
    if row is not None and row.state == ASSIGNED and row.agent_id == agent_id and not row.started:
        row.started = True
        session.add(row)


def pull(session: Session, case_id: str, agent_id: str, now: datetime) -> RoutingState:
    """An agent takes a waiting case from a pull queue, within their capacity."""
    row = session.get(CaseRouting, case_id)
    if row is None:
        raise RoutingRefused(Refusal.not_routed, f"case {case_id} is not in a queue yet")
    team = lock_team(session, row.team_id)
    session.refresh(row)
    if row.state == ASSIGNED and row.agent_id == agent_id:
        return state_of(row, team)
    if row.state != WAITING:
        raise RoutingRefused(Refusal.not_waiting, f"case {case_id} is {row.state}", holder=row.agent_id)
    if team is None or not team.allow_pull:
        raise RoutingRefused(Refusal.pull_not_allowed, f"team {row.team_id} assigns its cases; agents cannot pull them")
    agent = session.get(Agent, agent_id)
    if agent is None or (agent.team_id != row.team_id and row.team_id not in guest_queues(session, agent_id)):
        raise RoutingRefused(Refusal.not_in_team, f"{agent_id} is not an agent of team {row.team_id}")
    state = _agent_states(session, [agent])[0]
    if state.load >= state.capacity:
        raise RoutingRefused(Refusal.at_capacity, f"{agent_id} already has {state.load} open cases "
                                            f"(capacity {state.capacity}); close one first")
    _bump(row, ASSIGNED, agent_id, {"strategy": "pull", "load_before": state.load}, now)
    row.started = True
    agent.last_assigned_at = now
    session.add_all([row, agent])
    return state_of(row, team)


def _agent_states(session: Session, agents: list[Agent]) -> list[AgentState]:
    ids = [agent.id for agent in agents]
    rows = session.exec(select(CaseRouting.agent_id, CaseRouting.channel, func.count()).where(
        col(CaseRouting.agent_id).in_(ids), CaseRouting.state == ASSIGNED).group_by(
        CaseRouting.agent_id, CaseRouting.channel)).all()
    loads: Counter[str] = Counter()
    channel_loads: dict[str, dict[str, int]] = {}
    for agent_id, channel, count in rows:
        loads[agent_id] += count
        channel_loads.setdefault(agent_id, {})[channel] = count
    return [AgentState(id=a.id, online=a.online, capacity=a.capacity, channel_capacity=a.channel_capacity,
                       load=loads[a.id], channel_load=channel_loads.get(a.id, {}), skills=a.skills,
                       languages=a.languages, channels=a.channels, last_assigned_at=a.last_assigned_at)
            for a in agents]


def _queue_agents(session: Session, team_id: str) -> list[Agent]:
    """Who takes the queue's cases: the team's agents, and its guests from other teams (crisis mode's backup)."""
    guests = select(QueueGuest.agent_id).where(QueueGuest.team_id == team_id)
    return list(session.exec(select(Agent).where(
        (Agent.team_id == team_id) | col(Agent.id).in_(guests))).all())  # type: ignore[arg-type]


def guest_queues(session: Session, agent_id: str) -> list[str]:
    """The queues an agent takes cases from as a guest."""
    return list(session.exec(select(QueueGuest.team_id).where(QueueGuest.agent_id == agent_id)
                             .order_by(col(QueueGuest.team_id))).all())


def _dispatch(session: Session, team: Team, now: datetime) -> tuple[list[RoutingState], datetime | None]:
    agents = _queue_agents(session, team.id)
    states = _agent_states(session, agents)
    if not any(state.online and state.load < state.capacity for state in states):
        # Nobody can take a case: the queue is not read. In a spike the queue is long and every new case
        # dispatches it, so reading it here made each case's cost grow with the queue.
        return [], None
    waiting_rows = session.exec(select(CaseRouting).where(CaseRouting.team_id == team.id,
                                                          CaseRouting.state == WAITING)).all()
    if not waiting_rows:
        return [], None
    policy = QueuePolicy(strategy=team.strategy, relax_optional_after_seconds=team.relax_optional_after_seconds,
                         cursor=team.last_assigned_agent_id)
    waiting = [WaitingCase(case_id=r.case_id, priority=Priority(r.priority), enqueued_at=r.enqueued_at,
                           channel=r.channel, language=r.language, required_skills=r.required_skills,
                           optional_skills=r.optional_skills, excluded_agents=r.excluded_agents)
               for r in waiting_rows]
    result = dispatch(policy, waiting, states, now)
    by_case = {row.case_id: row for row in waiting_rows}
    by_agent = {agent.id: agent for agent in agents}
    changes = []
    for assignment in result.assignments:
        row = by_case[assignment.case_id]
        _bump(row, ASSIGNED, assignment.agent_id, assignment.reason, now)
        by_agent[assignment.agent_id].last_assigned_at = now
        session.add_all([row, by_agent[assignment.agent_id]])
        changes.append(state_of(row, team))
    if result.cursor != team.last_assigned_agent_id:
        team.last_assigned_agent_id = result.cursor
        session.add(team)
    session.flush()
    return changes, result.next_relax_at


def take_over(session: Session, case_id: str, agent_id: str, now: datetime) -> list[RoutingState]:
    """A supervisor (or whoever they name) takes the case; the previous agent's capacity frees."""
    row = session.get(CaseRouting, case_id)
    if row is None:
        raise RoutingRefused(Refusal.not_routed, f"case {case_id} is not in a queue yet")
    team = lock_team(session, row.team_id)
    session.refresh(row)
    previous = row.agent_id if row.state == ASSIGNED else None
    _bump(row, ASSIGNED, agent_id, {"takeover": True, "from": previous}, now)
    row.started = True
    session.add(row)
    session.flush()
    changes = [state_of(row, team)]
    if previous is not None and team is not None:
        changes += _dispatch(session, team, now)[0]
    return changes
