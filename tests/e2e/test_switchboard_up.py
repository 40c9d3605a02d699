"""`switchboard up` (what `make run` calls) from a user's point of view."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from temporalio.api.enums.v1 import EventType
from temporalio.client import Client, WorkflowExecutionStatus
from temporalio.contrib.pydantic import pydantic_data_converter

from tests.harness.stack import UpProcess, start_up

pytestmark = pytest.mark.slow

MENTION = {"author": "@sam", "created_at": "2026-11-23T10:00:00Z",
           "text": "I was charged twice for my order, I need a refund"}


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("up") / "data")
    yield stack
    stack.stop()


def wait_for(http: httpx.Client, url: str, **expected: object) -> dict:
    deadline = time.monotonic() + 15
    while True:
        body = http.get(url).json()
        if all(body.get(k) == v for k, v in expected.items()):
            return body
        assert time.monotonic() < deadline, f"{url} never had {expected}: {body}"
        time.sleep(0.02)


def test_it_serves_the_designer_the_api_and_the_temporal_ui(up: UpProcess) -> None:
    assert f"designer:    {up.base_url}/" in up.output()
    page = httpx.get(up.base_url + "/")
    assert page.status_code == 200 and "<title>Switchboard</title>" in page.text
    asset = page.text.split('src="', 1)[1].split('"', 1)[0]
    assert httpx.get(up.base_url + asset).status_code == 200
    assert httpx.get(up.base_url + "/api/health").json() == {"status": "ok"}
    assert httpx.get(up.temporal_ui).status_code == 200


def test_demo_data_is_loaded_and_worked(up: UpProcess) -> None:
    with httpx.Client(base_url=up.base_url) as http:
        assert http.get("/api/agents").headers["content-range"].endswith("/5")
        flows = http.get("/api/flows").json()
        assert [f["active"] for f in flows] == [True]
        # six demo mentions, one a reply in the thread of another, one praise that needs no response:
        # five conversations, four cases
        cases = http.get("/api/cases").json()
        assert sorted(c["status"] for c in cases) == ["assigned"] * 4
        conversations = http.get("/api/conversations").json()
        assert sorted(c["actionable"] for c in conversations) == [False] + [True] * 4
        praise = next(c for c in conversations if not c["actionable"])
        assert (praise["customer"], praise["inbound_count"]) == ("@joy", 1)
        press = next(c for c in cases if c["author"] == "@lois_lane")  # routed by rule to Marketing/PR
        assert (press["team_id"], press["assignee_id"], press["priority"]) == ("marketing", "maya", "high")


def test_a_posted_mention_is_assigned_replied_closed_and_measured(up: UpProcess) -> None:
    with httpx.Client(base_url=up.base_url) as http:
        started = time.monotonic()
        posted = http.post("/api/webhooks/twitter", json={**MENTION, "external_id": "e2e-1"})
        assert posted.status_code == 201, posted.text
        case_id = posted.json()["case_id"]
        case = wait_for(http, f"/api/cases/{case_id}", status="assigned")
        print(f"ingest -> assigned, seen by polling the API: {1000 * (time.monotonic() - started):.0f} ms")
        reply = http.post(f"/api/cases/{case_id}/replies",
                          json={"agent_id": case["assignee_id"], "text": "Refunded!", "close": True})
        assert reply.status_code == 200, reply.text
        closed = wait_for(http, f"/api/cases/{case_id}", status="closed")
        deadline = time.monotonic() + 15
        while closed["resolution_seconds"] is None and time.monotonic() < deadline:
            closed = http.get(f"/api/cases/{case_id}").json()
        assert closed["first_response_seconds"] is not None and closed["resolution_seconds"] is not None

    async def history() -> tuple[WorkflowExecutionStatus | None, list[EventType.ValueType]]:
        client = await Client.connect(up.temporal_address, data_converter=pydantic_data_converter)
        handle = client.get_workflow_handle(case["workflow_id"], run_id=case_id)
        status = (await handle.describe()).status
        return status, [event.event_type for event in (await handle.fetch_history()).events]

    # Closed and measured, the case waits out the flow's reopen window (4 days in the demo) on a timer.
    status, kinds = asyncio.run(history())
    assert kinds[0] == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED
    assert status == WorkflowExecutionStatus.RUNNING
    assert kinds[-1] == EventType.EVENT_TYPE_TIMER_STARTED


def test_cases_survive_a_restart_and_ctrl_c_stops_everything(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = start_up(data, "--no-demo")
    with httpx.Client(base_url=first.base_url) as http:
        case_id = http.post("/api/webhooks/twitter", json={**MENTION, "external_id": "r-1"}).json()["case_id"]
        case = wait_for(http, f"/api/cases/{case_id}", status="assigned")
    assert first.stop() == 0
    assert "stopping..." in first.output()
    with pytest.raises(httpx.ConnectError):
        httpx.get(first.base_url + "/api/health")
    assert {p.name for p in data.iterdir()} >= {"switchboard.db", "temporal.db"}

    second = start_up(data, "--no-demo")
    try:
        with httpx.Client(base_url=second.base_url) as http:
            assert http.get(f"/api/cases/{case_id}").json()["status"] == "assigned"
            reply = http.post(f"/api/cases/{case_id}/replies",  # the workflow itself lived through the restart
                              json={"agent_id": case["assignee_id"], "text": "Back!", "close": True})
            assert reply.status_code == 200, reply.text
            assert reply.json()["status"] == "closed"
    finally:
        assert second.stop() == 0
