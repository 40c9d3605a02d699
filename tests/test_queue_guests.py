"""Guests in a queue (crisis mode's backup, store.routing): an agent of another team takes the queue's cases within
their capacity, comes online to its waiting work, hands unstarted cases back when going offline, and may pull from
it; once the guest place is gone, the queue is their team's alone again."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import delete

from engine.messages import RouteRequest
from engine.models import Priority
from store.db import session_scope
from store.routing import service
from store.routing.models import QueueGuest
from store.teams import Agent, Team


def request(case_id: str) -> RouteRequest:
    return RouteRequest(case_id=case_id, workflow_id=f"case-{case_id}", team_id="support", priority=Priority.normal,
                        channel="twitter")


def test_a_guest_works_the_queue_it_joined_and_only_while_it_is_a_guest(seeded_engine) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    with session_scope(seeded_engine) as session:
        for agent_id in ("ada", "grace", "linus", "maya"):
            session.get(Agent, agent_id).online = False
        session.get(Team, "support").allow_pull = True
    with session_scope(seeded_engine) as session:
        own, _ = service.route(session, request("c1"), now)
        assert own.state == "waiting"  # nobody of Support online
        session.add(QueueGuest(team_id="support", agent_id="maya", since=now))
    with session_scope(seeded_engine) as session:
        changes = service.set_presence(session, "maya", True, now)  # Marketing's Maya comes online: Support's case
        assert [(c.case_id, c.state, c.agent_id, c.team_id) for c in changes] == [("c1", "assigned", "maya", "support")]
    with session_scope(seeded_engine) as session:
        changes = service.set_presence(session, "maya", False, now)  # not started: back in Support's queue
        assert [(c.case_id, c.state, c.team_id) for c in changes] == [("c1", "waiting", "support")]
    with session_scope(seeded_engine) as session:
        session.get(Agent, "maya").online = True  # online, but no dispatch ran: the case waits to be pulled
    with session_scope(seeded_engine) as session:
        assert service.pull(session, "c1", "maya", now).agent_id == "maya"  # a guest may pull from the queue
    with session_scope(seeded_engine) as session:
        session.exec(delete(QueueGuest))  # type: ignore[call-overload]
    with session_scope(seeded_engine) as session:
        own, _ = service.route(session, request("c2"), now)
        assert own.state == "waiting"  # Maya is online with room, but no longer Support's guest
        with pytest.raises(service.RoutingRefused) as refused:
            service.pull(session, "c2", "maya", now)
        assert refused.value.code == "not_in_team"
