"""Cases racing for an agent's last free slot, each routed in a write transaction of its own from a
thread of its own, on SQLite (whose write lock serialises them) and PostgreSQL (where the team row's
`FOR UPDATE` lock in store.routing.service must): one case gets the slot, the other waits, and no
agent's load ever passes their capacity.

Each thread holds its transaction open a little after routing, so on PostgreSQL the other one is
inside `route` (blocked on the team's lock, or racing it) while the first has not committed yet.
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from engine.messages import Refusal, RouteRequest, RoutingState
from engine.models import Priority
from store.db import session_scope
from store.routing.models import CaseRouting
from store.routing.service import ASSIGNED, WAITING, RoutingRefused, queue_new, route
from store.teams import Agent, Team

ROUNDS = 20
HOLD = 0.03  # seconds each transaction stays open after routing, before its commit


def add_team(engine: Engine, capacities: dict[str, int]) -> tuple[str, dict[str, str]]:
    """A team of its own with online agents of these capacities; returns its id and the agents' ids by name."""
    team_id = f"race-{uuid.uuid4().hex[:8]}"
    agents = {name: f"{team_id}-{name}" for name in capacities}
    with session_scope(engine) as session:
        session.add(Team(id=team_id, name=team_id, strategy="round_robin"))
        session.flush()
        for name, capacity in capacities.items():
            session.add(Agent(id=agents[name], name=name, email=f"{agents[name]}@example.com", team_id=team_id,
                              capacity=capacity))
    return team_id, agents


def request(team_id: str) -> RouteRequest:
    case_id = f"case-{uuid.uuid4().hex[:10]}"
    return RouteRequest(case_id=case_id, workflow_id=f"wf-{case_id}", team_id=team_id, priority=Priority.normal,
                        channel="twitter")


def route_now(engine: Engine, req: RouteRequest) -> RoutingState:
    with session_scope(engine) as session:
        own, _ = route(session, req, datetime.now(UTC))
    return own


def race(engine: Engine, requests: list[RouteRequest]) -> list[RoutingState]:
    """Route every request at once, each from its own thread in its own write transaction."""
    start = threading.Barrier(len(requests))

    def one(req: RouteRequest) -> RoutingState:
        start.wait(timeout=30)
        with session_scope(engine) as session:
            own, _ = route(session, req, datetime.now(UTC))
            time.sleep(random.uniform(0, HOLD))  # still uncommitted: the others must wait or see nothing
        return own

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(one, requests, timeout=60))


def loads(engine: Engine, team_id: str) -> Counter[str]:
    """Each agent's assigned cases in the team, as the table says after the commits."""
    with Session(engine) as session:
        rows = session.exec(select(CaseRouting.agent_id, func.count()).where(
            CaseRouting.team_id == team_id, CaseRouting.state == ASSIGNED).group_by(CaseRouting.agent_id)).all()
    return Counter({agent_id: count for agent_id, count in rows})


def states(engine: Engine, case_ids: list[str]) -> dict[str, tuple[str, str | None]]:
    with Session(engine) as session:
        rows = session.exec(select(CaseRouting).where(col(CaseRouting.case_id).in_(case_ids))).all()
        return {row.case_id: (row.state, row.agent_id) for row in rows}


def test_two_cases_race_for_an_agents_last_free_slot(seeded_engine: Engine) -> None:
    engine = seeded_engine
    for round_ in range(ROUNDS):
        capacity = 1 if round_ % 2 == 0 else 3  # capacity 1, or 3 with 2 taken: one slot left either way
        team_id, agents = add_team(engine, {"solo": capacity})
        agent = agents["solo"]
        for _ in range(capacity - 1):
            taken = route_now(engine, request(team_id))
            assert (taken.state, taken.agent_id) == (ASSIGNED, agent)

        racers = [request(team_id), request(team_id)]
        answers = race(engine, racers)

        assert sorted(a.state for a in answers) == [ASSIGNED, WAITING], (round_, answers)
        winner = next(a for a in answers if a.state == ASSIGNED)
        loser = next(a for a in answers if a.state == WAITING)
        assert winner.agent_id == agent and loser.agent_id is None
        stored = states(engine, [r.case_id for r in racers])
        assert stored == {winner.case_id: (ASSIGNED, agent), loser.case_id: (WAITING, None)}, round_
        assert loads(engine, team_id) == {agent: capacity}, round_  # full, and never past it


def test_three_cases_race_for_two_agents_with_one_slot_each(seeded_engine: Engine) -> None:
    engine = seeded_engine
    for round_ in range(ROUNDS):
        team_id, agents = add_team(engine, {"left": 1, "right": 1})
        racers = [request(team_id) for _ in range(3)]
        answers = race(engine, racers)

        assigned = [a for a in answers if a.state == ASSIGNED]
        assert len(assigned) == 2 and [a.state for a in answers].count(WAITING) == 1, (round_, answers)
        assert {a.agent_id for a in assigned} == set(agents.values()), (round_, answers)  # one each
        stored = states(engine, [r.case_id for r in racers])
        assert stored == {a.case_id: (a.state, a.agent_id) for a in answers}, round_
        assert loads(engine, team_id) == dict.fromkeys(agents.values(), 1), round_


def test_a_batch_queued_together_gives_the_last_slot_to_its_most_urgent_case(seeded_engine: Engine) -> None:
    team_id, agents = add_team(seeded_engine, {"ada": 1})
    normal, urgent, low = (request(team_id).model_copy(update={"priority": p})
                           for p in (Priority.normal, Priority.urgent, Priority.low))
    nowhere = request("no-such-team")
    with session_scope(seeded_engine) as session:
        states, others = queue_new(session, [normal, urgent, low, nowhere], datetime.now(UTC))
    assert states[urgent.case_id].state == ASSIGNED and states[urgent.case_id].agent_id == agents["ada"]
    assert states[normal.case_id].state == WAITING and states[low.case_id].state == WAITING
    refused = states[nowhere.case_id]
    assert isinstance(refused, RoutingRefused) and refused.code == Refusal.unknown_team
    assert others == []  # nothing else was waiting in the team
    with Session(seeded_engine) as session:
        rows = {r.case_id: r.state for r in session.exec(select(CaseRouting).where(
            col(CaseRouting.case_id).in_([normal.case_id, urgent.case_id, low.case_id, nowhere.case_id])))}
    assert rows == {urgent.case_id: ASSIGNED, normal.case_id: WAITING, low.case_id: WAITING}  # none for the refused
