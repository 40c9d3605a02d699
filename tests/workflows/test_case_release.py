"""Releasing a case: its holder (or a supervisor) gives it back to its team's queue, which offers it to the
next agent, never straight back to the one who let it go."""

from __future__ import annotations

import uuid

import pytest
from sqlmodel import Session
from temporalio.client import WorkflowUpdateFailedError

from engine.messages import CLAIM_UPDATE, RELEASE_UPDATE, ClaimInput, ReleaseInput
from store.routing.models import CaseRouting
from tests.harness.cases import case_row, case_stack, case_where, event_kinds, eventually
from tests.workflows.test_case_lifecycle import COMPLAINT, add_team, flow_with, handle, route_all_to, use_flow


@pytest.fixture
async def stack(time_skipping_env, seeded_engine):  # type: ignore[no-untyped-def]
    async with case_stack(time_skipping_env.client, seeded_engine) as stack:
        yield stack


async def test_the_holder_releases_a_claimed_case_and_the_queue_gives_it_to_someone_else(stack) -> None:
    engine = stack.engine
    first, second = (f"{name}-{uuid.uuid4().hex[:4]}" for name in ("first", "second"))
    team = add_team(engine, first, second, strategy="round_robin")
    use_flow(engine, flow_with(route_all_to(team)))
    case_id = await stack.ingest(text=COMPLAINT)
    row = await eventually(lambda: case_where(engine, case_id, status="assigned"), what="assignment")
    holder = row.assignee_id
    other = second if holder == first else first
    case = handle(stack, row)
    await case.execute_update(CLAIM_UPDATE, ClaimInput(agent_id=holder))

    with pytest.raises(WorkflowUpdateFailedError) as refused:  # not theirs to give back
        await case.execute_update(RELEASE_UPDATE, ReleaseInput(agent_id=other))
    assert refused.value.cause.type == "not_assignee" and holder in refused.value.cause.message

    view = await case.execute_update(RELEASE_UPDATE, ReleaseInput(agent_id=holder))
    assert view.claimed_by is None and view.assignee_id == other  # dispatched to the next agent at once
    row = await eventually(lambda: case_where(engine, case_id, assignee_id=other), what="the case with the other")
    assert row.claimed_by is None and row.status == "assigned"
    kinds = event_kinds(engine, case_id)
    assert "released" in kinds and kinds.index("released") < len(kinds) - 1 and kinds[-1] == "reassigned"
    with Session(engine) as session:
        routing = session.get(CaseRouting, case_id)
        assert routing.state == "assigned" and routing.agent_id == other
        assert holder in routing.excluded_agents  # releasing is no way to pick one's cases


async def test_a_released_case_waits_in_the_queue_when_nobody_else_is_free(stack) -> None:
    engine = stack.engine
    solo, boss = (f"{name}-{uuid.uuid4().hex[:4]}" for name in ("solo", "boss"))
    team = add_team(engine, solo, strategy="round_robin", allow_pull=True)
    use_flow(engine, flow_with(route_all_to(team)))
    case_id = await stack.ingest(text=COMPLAINT)
    row = await eventually(lambda: case_where(engine, case_id, assignee_id=solo), what="assignment")
    case = handle(stack, row)

    # A supervisor may release a case someone else holds.
    view = await case.execute_update(RELEASE_UPDATE, ReleaseInput(agent_id=boss, supervisor=True))
    assert view.assignee_id is None and view.status == "open"
    row = await eventually(lambda: case_where(engine, case_id, assignee_id=None), what="back in the queue")
    assert row.status == "open"
    assert {"released", "returned_to_queue"} <= set(event_kinds(engine, case_id))
    with pytest.raises(WorkflowUpdateFailedError) as nobody:  # nothing left to release
        await case.execute_update(RELEASE_UPDATE, ReleaseInput(agent_id=solo))
    assert nobody.value.cause.type == "not_assigned"
    assert case_row(engine, case_id).assignee_id is None
