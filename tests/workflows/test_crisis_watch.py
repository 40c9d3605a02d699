"""Crisis mode end to end on the time-skipping server: a simulated spike switches routing to the crisis flow and
brings the backup team into the crisis queue within one (skipped) minute; volume back to baseline restores normal
routing and takes the backup out; every case keeps the flow version it started with."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from engine.crisis import CRISIS_WATCH_WORKFLOW, Thresholds, WatchInput, crisis_watch_id
from store.audit import AuditEntry
from store.crisis import BackupTeam, CrisisEvent, CrisisSettings, save_settings, state_of
from store.db import session_scope
from store.flows import Flow, active_flow
from store.mentions import Mention
from store.routing.models import QueueGuest
from tests.harness.cases import case_stack, case_where, eventually
from tests.workflows.test_case_lifecycle import COMPLAINT, add_team, flow_with, route_all_to, use_flow


@pytest.fixture
async def stack(time_skipping_env, seeded_engine):  # type: ignore[no-untyped-def]
    async with case_stack(time_skipping_env.client, seeded_engine) as stack:
        yield stack


def crisis_on(engine, on: bool):  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        state = state_of(session)
        return state if state.active == on and state.last_check_at is not None else None


async def test_a_spike_switches_routing_to_the_crisis_flow_and_back(time_skipping_env, stack) -> None:
    engine, env = stack.engine, time_skipping_env
    normal_agent, backup_agent = (f"{name}-{uuid.uuid4().hex[:4]}" for name in ("normal", "backup"))
    normal_team = add_team(engine, normal_agent)
    crisis_queue = add_team(engine)  # nobody of its own: only the backup works it
    backup_team = add_team(engine, backup_agent)  # outside the rotation: no flow routes to it
    crisis_doc = flow_with(route_all_to(crisis_queue))
    use_flow(engine, crisis_doc)
    with Session(engine) as session:
        crisis_version = active_flow(session=session).id
    use_flow(engine, flow_with(route_all_to(normal_team)))
    with session_scope(engine) as session:
        normal_version = active_flow(session=session).id
        save_settings(session, CrisisSettings(
            enabled=True, interval_seconds=30, window_seconds=60, baseline_weeks=2,
            thresholds=Thresholds(ratio=3, min_mentions=10, min_negative=10, calm_checks=1),
            crisis_flow=crisis_version, backup=[BackupTeam(team_id=backup_team, queues=[crisis_queue])]),
            by="olivia", now=await stack.now())

    before = await stack.ingest(text=COMPLAINT)
    assert (await eventually(lambda: case_where(engine, before, assignee_id=normal_agent))).flow_version == \
        normal_version
    watch = await stack.client.start_workflow(CRISIS_WATCH_WORKFLOW, WatchInput(), id=crisis_watch_id(stack.task_queue),
                                              task_queue=stack.task_queue)
    stack.workflow_ids.add(watch.id)
    await eventually(lambda: crisis_on(engine, False), what="the first, calm, check")

    # The spike: twelve complaints about an outage in a minute (received now, on the workflows' clock).
    now = await stack.now()
    with session_scope(engine) as session:
        for n in range(12):
            session.add(Mention(id=f"spike:{n}", source="twitter", external_id=f"spike-{n}", conversation_id=f"c{n}",
                                author=f"@angry{n}", text="down again", created_at=now, received_at=now,
                                tags=["outage"], sentiment=-0.7))
    await env.sleep(timedelta(seconds=60))
    state = await eventually(lambda: crisis_on(engine, True), what="the crisis to start")
    assert state.automatic and state.crisis_flow == crisis_version and state.normal_flow == normal_version
    # the twelve and the complaint just before them; nothing in past weeks
    assert state.reason.startswith("spike: mentions: 13 in the window, no baseline; mentions/outage: 12 in the window")
    with Session(engine) as session:
        assert active_flow(session=session).id == crisis_version
        assert [(g.team_id, g.agent_id) for g in session.exec(select(QueueGuest))] == [(crisis_queue, backup_agent)]

    during = await stack.ingest(text=COMPLAINT)  # a new case: the crisis flow, the crisis queue, the backup
    row = await eventually(lambda: case_where(engine, during, assignee_id=backup_agent), what="the backup's case")
    assert row.flow_version == crisis_version and row.team_id == crisis_queue
    assert case_where(engine, before, flow_version=normal_version)  # a case keeps its version

    # Two minutes on, the spike has left the window: a check finds it calm and ends the crisis.
    await env.sleep(timedelta(seconds=120))
    state = await eventually(lambda: crisis_on(engine, False) if crisis_on(engine, False) and
                             crisis_on(engine, False).ended_at else None, what="the crisis to end")
    assert state.end_reason.startswith("back to baseline") and state.ended_by == "system:crisis-watch"
    with Session(engine) as session:
        assert active_flow(session=session).id == normal_version
        assert session.exec(select(QueueGuest)).all() == []
        assert [e.kind for e in session.exec(select(CrisisEvent).order_by(CrisisEvent.id))] == ["started", "ended"]
        actions = [e.action for e in session.exec(select(AuditEntry).where(AuditEntry.target_type == "crisis"))]
        assert actions == ["crisis.start", "crisis.end"]
        assert session.get(Flow, crisis_version) is not None
    after = await stack.ingest(text=COMPLAINT)
    row = await eventually(lambda: case_where(engine, after, assignee_id=normal_agent), what="normal routing")
    assert row.flow_version == normal_version
    assert case_where(engine, during, flow_version=crisis_version, assignee_id=backup_agent)  # kept, and kept its own


async def test_the_watch_continues_as_new_carrying_its_calm_streak(time_skipping_env, stack) -> None:
    engine = stack.engine
    with session_scope(engine) as session:
        save_settings(session, CrisisSettings(enabled=True, interval_seconds=60, window_seconds=60, baseline_weeks=1),
                      by="olivia", now=await stack.now())
    watch = await stack.client.start_workflow(CRISIS_WATCH_WORKFLOW, WatchInput(checks_per_run=2),
                                              id=crisis_watch_id(stack.task_queue), task_queue=stack.task_queue)
    stack.workflow_ids.add(watch.id)
    first_run = (await watch.describe()).run_id
    await time_skipping_env.sleep(timedelta(seconds=125))  # the second check, then the third in a new run

    async def next_run():  # type: ignore[no-untyped-def]
        latest = await stack.client.get_workflow_handle(watch.id).describe()
        return latest if latest.run_id != first_run else None
    latest = await eventually(next_run, what="a new run")
    history = await stack.client.get_workflow_handle(watch.id, run_id=latest.run_id).fetch_history()
    started = history.events[0].workflow_execution_started_event_attributes
    assert started.continued_execution_run_id == first_run
    carried = json.loads(started.input.payloads[0].data)
    assert carried["checks_per_run"] == 2 and carried["calm_streak"] >= 2  # every check so far was calm
