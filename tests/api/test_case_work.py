"""Working a case through the API on the dev server: presence, claims and takeover,
approvals, waiting on the customer, transfers, and agents going offline."""

from __future__ import annotations

import json
import uuid

import httpx
import pytest
from temporalio.client import WorkflowExecutionStatus

from api.db import session_scope
from api.demo import default_flow
from api.flows.service import publish_flow
from tests.harness.cases import (
    Stack,
    api_client,
    case_row,
    case_where,
    event_kinds,
    eventually,
    only_online,
)

RUN = uuid.uuid4().hex[:8]
COMPLAINT = "@acme I was charged twice, I need a refund"

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


async def _post(http: httpx.AsyncClient, text: str = COMPLAINT) -> str:
    posted = await http.post("/api/webhooks/twitter", json={
        "external_id": f"{RUN}-{uuid.uuid4().hex[:8]}", "author": "@sam", "created_at": "2026-11-23T09:00:00Z",
        "text": text})
    assert posted.status_code == 201, posted.text
    return posted.json()["case_id"]


async def test_claims_collide_cleanly_and_a_supervisor_takes_over(stack: Stack) -> None:
    async with api_client(stack) as http:
        case_id = await _post(http)
        row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
        holder = row.assignee_id
        other = next(a for a in ("ada", "grace", "linus") if a != holder)

        for agent in (holder, other):
            seen = await http.post(f"/api/cases/{case_id}/presence", json={"agent_id": agent})
            assert seen.status_code == 200
        viewers = (await http.get(f"/api/cases/{case_id}/presence")).json()
        assert {v["agent_id"] for v in viewers} == {holder, other}  # both see each other, nobody is locked out

        claimed = await http.post(f"/api/cases/{case_id}/claim", json={"agent_id": holder})
        assert claimed.status_code == 200 and claimed.json()["claimed_by"] == holder
        refused = await http.post(f"/api/cases/{case_id}/claim", json={"agent_id": other})
        assert refused.status_code == 409
        assert refused.json()["detail"]["code"] == "claimed" and holder in refused.json()["detail"]["message"]
        not_boss = await http.post(f"/api/cases/{case_id}/claim", json={"agent_id": other, "takeover": True})
        assert not_boss.status_code == 403 and not_boss.json()["detail"]["code"] == "not_supervisor"
        unknown = await http.post(f"/api/cases/{case_id}/claim", json={"agent_id": "nobody"})
        assert unknown.status_code == 422 and unknown.json()["detail"]["path"] == "agent_id"

        taken = await http.post(f"/api/cases/{case_id}/claim", json={"agent_id": "sofia", "takeover": True})
        assert taken.status_code == 200, taken.text
        assert taken.json()["assignee_id"] == "sofia" and taken.json()["claimed_by"] == "sofia"
        await eventually(lambda: "taken_over" in event_kinds(stack.engine, case_id), what="the takeover event")
        loads = {a["id"]: a["open_cases"] for a in (await http.get("/api/agents")).json()}
        assert loads[holder] == 0 and loads["sofia"] == 1


async def test_a_juniors_reply_waits_for_an_approver(stack: Stack) -> None:
    async with api_client(stack) as http:
        await only_online(http, "linus")  # the junior
        case_id = await _post(http)
        await eventually(lambda: case_where(stack.engine, case_id, assignee_id="linus"), what="assignment")

        drafted = await http.post(f"/api/cases/{case_id}/replies", json={"agent_id": "linus", "text": "refunded",
                                                                          "reply_id": "d1"})
        assert drafted.status_code == 200, drafted.text
        assert drafted.json()["drafts_pending"] == 1 and drafted.json()["reply_count"] == 0
        drafts = (await http.get(f"/api/cases/{case_id}/drafts")).json()
        assert [(d["reply_id"], d["status"]) for d in drafts] == [("d1", "pending")]
        assert drafts[0]["evidence"]["trace"]["result"] is True  # the rule's trace says why

        own = await http.post(f"/api/cases/{case_id}/approve", json={"approver_id": "linus", "reply_id": "d1"})
        assert own.status_code == 403 and own.json()["detail"]["code"] == "not_approver"
        grace = await http.post(f"/api/cases/{case_id}/approve", json={"approver_id": "grace", "reply_id": "d1"})
        assert grace.status_code == 403
        missing = await http.post(f"/api/cases/{case_id}/approve", json={"approver_id": "ada", "reply_id": "zz"})
        assert missing.status_code == 404 and missing.json()["detail"]["code"] == "unknown_reply"
        approved = await http.post(f"/api/cases/{case_id}/approve", json={"approver_id": "ada", "reply_id": "d1"})
        assert approved.status_code == 200, approved.text
        assert approved.json()["reply_count"] == 1 and approved.json()["drafts_pending"] == 0
        again = await http.post(f"/api/cases/{case_id}/reject", json={"approver_id": "ada", "reply_id": "d1",
                                                                       "reason": "too late"})
        assert again.status_code == 200  # a retried decision by the same approver is answered, not redone
        assert (await http.get(f"/api/cases/{case_id}/drafts")).json()[0]["status"] == "approved"


async def test_waiting_on_the_customer_and_a_transfer(stack: Stack) -> None:
    async with api_client(stack) as http:
        case_id = await _post(http)
        row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
        agent = row.assignee_id
        pending = await http.post(f"/api/cases/{case_id}/pending", json={"agent_id": agent})
        assert pending.status_code == 200 and pending.json()["status"] == "pending"
        assert all(t["paused"] for t in pending.json()["sla"].values() if t.get("status") != "not_started")
        back = await http.post(f"/api/cases/{case_id}/pending", json={"agent_id": agent, "waiting": False})
        assert back.json()["status"] == "assigned"

        nowhere = await http.post(f"/api/cases/{case_id}/transfer", json={"agent_id": agent, "team_id": "mars"})
        assert nowhere.status_code == 422 and nowhere.json()["detail"]["path"] == "team_id"
        same = await http.post(f"/api/cases/{case_id}/transfer", json={"agent_id": agent, "team_id": "support"})
        assert same.status_code == 409 and same.json()["detail"]["code"] == "same_team"
        moved = await http.post(f"/api/cases/{case_id}/transfer",
                                json={"agent_id": agent, "team_id": "escalations", "note": "needs a refund over limit"})
        assert moved.status_code == 200, moved.text
        row = await eventually(lambda: case_where(stack.engine, case_id, assignee_id="sofia"), what="the new queue")
        assert row.team_id == "escalations" and row.transfers == 1


async def test_an_agent_going_offline_hands_back_unstarted_work(stack: Stack) -> None:
    async with api_client(stack) as http:
        await only_online(http, "grace")
        case_id = await _post(http)
        await eventually(lambda: case_where(stack.engine, case_id, assignee_id="grace"), what="assignment")
        assert (await http.patch("/api/agents/ada", json={"online": True})).status_code == 200
        gone = await http.patch("/api/agents/grace", json={"online": False})
        assert gone.status_code == 200 and gone.json()["online"] is False
        await eventually(lambda: case_where(stack.engine, case_id, assignee_id="ada"), what="handed to ada")
        assert "reassigned" in event_kinds(stack.engine, case_id)
        bad = await http.patch("/api/agents/ada", json={"skills": {"billing": 9}})
        assert bad.status_code == 422 and bad.json()["detail"]["path"] == "skills/billing"
        assert case_row(stack.engine, case_id).assignee_id == "ada"


async def test_a_flow_routing_to_a_missing_team_leaves_the_case_waiting_visibly(stack: Stack) -> None:
    """Nothing crashes and nothing is dropped: the case waits, says why, and asks routing again later."""
    document = default_flow()
    assign = next(n for n in document["nodes"] if n["type"] == "assign")
    assign["content"]["routing"] = {"mode": "first_match", "rules": [], "default": {"team_id": "legal-ghosts"}}
    with session_scope(stack.engine) as session:
        publish_flow(session=session, name="routes nowhere", document=document)
    async with api_client(stack) as http:
        case_id = await _post(http)
        await eventually(lambda: "routing_failed" in event_kinds(stack.engine, case_id), what="routing_failed")
        case = (await http.get(f"/api/cases/{case_id}")).json()
        assert (case["status"], case["assignee_id"], case["team_id"]) == ("open", None, "legal-ghosts")
        events = (await http.get("/api/case_events", params={"filter": json.dumps({"case_id": case_id})})).json()
        failed = next(e for e in events if e["kind"] == "routing_failed")
        assert failed["detail"]["error"] == "unknown_team" and "legal-ghosts" in failed["detail"]["message"]
        handle = stack.client.get_workflow_handle(case["workflow_id"], run_id=case_id)
        assert (await handle.describe()).status == WorkflowExecutionStatus.RUNNING
