"""Working a case through the API on the dev server: presence, claims and takeover,
approvals, waiting on the customer, transfers, and agents going offline."""

from __future__ import annotations

import json
import uuid

import httpx
from temporalio.client import WorkflowExecutionStatus

from api.demo import default_flow
from api.flows.service import publish_flow
from store.db import session_scope
from tests.harness.cases import (
    Stack,
    api_client,
    as_user,
    case_row,
    case_where,
    event_kinds,
    eventually,
    only_online,
    workflow_handle,
)

RUN = uuid.uuid4().hex[:8]
COMPLAINT = "@acme I was charged twice, I need a refund"


async def _post(http: httpx.AsyncClient, text: str = COMPLAINT) -> str:
    posted = await http.post("/api/webhooks/twitter", json={
        "external_id": f"{RUN}-{uuid.uuid4().hex[:8]}", "author": "@sam", "created_at": "2026-11-23T09:00:00Z",
        "text": text})
    assert posted.status_code == 201, posted.text
    return posted.json()["case_id"]


def refused_fields(response: httpx.Response) -> list[str]:
    """The paths a 422 names for fields the body may not carry."""
    assert response.status_code == 422, response.text
    return [e["path"] for e in response.json()["detail"]["errors"] if e["code"] == "extra_forbidden"]


async def actors(http: httpx.AsyncClient, case_id: str, kind: str) -> list[str] | None:
    """Who the case's audit events of `kind` name as their actor (None until there are some)."""
    events = (await http.get("/api/case_events", params={"filter": json.dumps({"case_id": case_id,
                                                                               "kind": kind})})).json()
    return [e["actor"] for e in events] or None


async def test_claims_collide_cleanly_and_a_supervisor_takes_over(stack: Stack) -> None:
    async with api_client(stack) as http:
        case_id = await _post(http)
        row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
        holder = row.assignee_id
        other = next(a for a in ("ada", "grace", "linus") if a != holder)
        as_holder, as_other = as_user(stack.engine, holder), as_user(stack.engine, other)

        for headers in (as_holder, as_other):
            seen = await http.post(f"/api/cases/{case_id}/presence", headers=headers)
            assert seen.status_code == 200, seen.text
        viewers = (await http.get(f"/api/cases/{case_id}/presence")).json()
        assert {v["agent_id"] for v in viewers} == {holder, other}  # both see each other, nobody is locked out

        claimed = await http.post(f"/api/cases/{case_id}/claim", json={}, headers=as_holder)
        assert claimed.status_code == 200 and claimed.json()["claimed_by"] == holder
        refused = await http.post(f"/api/cases/{case_id}/claim", json={}, headers=as_other)
        assert refused.status_code == 409
        assert refused.json()["detail"]["code"] == "claimed" and holder in refused.json()["detail"]["message"]
        not_boss = await http.post(f"/api/cases/{case_id}/claim", json={"takeover": True}, headers=as_other)
        assert not_boss.status_code == 403 and not_boss.json()["detail"]["code"] == "forbidden"
        assert "cases:takeover" in not_boss.json()["detail"]["message"]
        # Who claims is whoever is logged in: a body naming someone else is refused, not obeyed.
        posing = await http.post(f"/api/cases/{case_id}/claim", json={"agent_id": "sofia", "takeover": True},
                                 headers=as_other)
        assert refused_fields(posing) == ["agent_id"]
        assert await eventually(lambda: actors(http, case_id, "claimed"), what="the claim event") == [holder]

        taken = await http.post(f"/api/cases/{case_id}/claim", json={"takeover": True},
                                headers=as_user(stack.engine, "sofia"))
        assert taken.status_code == 200, taken.text
        assert taken.json()["assignee_id"] == "sofia" and taken.json()["claimed_by"] == "sofia"
        await eventually(lambda: "taken_over" in event_kinds(stack.engine, case_id), what="the takeover event")
        assert await actors(http, case_id, "taken_over") == ["sofia"]
        loads = {a["id"]: a["open_cases"] for a in (await http.get("/api/agents")).json()}
        assert loads[holder] == 0 and loads["sofia"] == 1


async def test_a_juniors_reply_waits_for_an_approver(stack: Stack) -> None:
    async with api_client(stack) as http:
        await only_online(http, "linus")  # the junior
        case_id = await _post(http)
        await eventually(lambda: case_where(stack.engine, case_id, assignee_id="linus"), what="assignment")

        linus, grace, sofia = (as_user(stack.engine, u) for u in ("linus", "grace", "sofia"))
        drafted = await http.post(f"/api/cases/{case_id}/replies", json={"text": "refunded", "reply_id": "d1"},
                                  headers=linus)
        assert drafted.status_code == 200, drafted.text
        assert drafted.json()["drafts_pending"] == 1 and drafted.json()["reply_count"] == 0
        drafts = (await http.get(f"/api/cases/{case_id}/drafts")).json()
        assert [(d["reply_id"], d["status"]) for d in drafts] == [("d1", "pending")]
        assert drafts[0]["evidence"]["trace"]["result"] is True  # the rule's trace says why

        # Approving takes the supervisor's cases:approve: neither the author nor a fellow agent has it.
        own = await http.post(f"/api/cases/{case_id}/approve", json={"reply_id": "d1"}, headers=linus)
        assert own.status_code == 403 and own.json()["detail"]["code"] == "forbidden"
        assert "cases:approve" in own.json()["detail"]["message"]
        peer = await http.post(f"/api/cases/{case_id}/approve", json={"reply_id": "d1"}, headers=grace)
        assert peer.status_code == 403 and peer.json()["detail"]["code"] == "forbidden"
        # The approver is whoever is logged in: naming one in the body helps nobody and is refused.
        posing = await http.post(f"/api/cases/{case_id}/approve", json={"approver_id": "sofia", "reply_id": "d1"},
                                 headers=grace)
        assert posing.status_code == 403
        naming = await http.post(f"/api/cases/{case_id}/approve", json={"approver_id": "ada", "reply_id": "d1"},
                                 headers=sofia)
        assert refused_fields(naming) == ["approver_id"]
        missing = await http.post(f"/api/cases/{case_id}/approve", json={"reply_id": "zz"}, headers=sofia)
        assert missing.status_code == 404 and missing.json()["detail"]["code"] == "unknown_reply"
        assert (await http.get(f"/api/cases/{case_id}/drafts")).json()[0]["status"] == "pending"
        approved = await http.post(f"/api/cases/{case_id}/approve", json={"reply_id": "d1"}, headers=sofia)
        assert approved.status_code == 200, approved.text
        assert approved.json()["reply_count"] == 1 and approved.json()["drafts_pending"] == 0
        again = await http.post(f"/api/cases/{case_id}/reject", json={"reply_id": "d1", "reason": "too late"},
                                headers=sofia)
        assert again.status_code == 200  # a retried decision by the same approver is answered, not redone
        drafts = (await http.get(f"/api/cases/{case_id}/drafts")).json()
        assert [(d["status"], d["decided_by"]) for d in drafts] == [("approved", "sofia")]
        assert await eventually(lambda: actors(http, case_id, "reply_approved"), what="the approval") == ["sofia"]


async def test_waiting_on_the_customer_and_a_transfer(stack: Stack) -> None:
    async with api_client(stack) as http:
        case_id = await _post(http)
        row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
        agent = row.assignee_id
        as_agent, sofia = as_user(stack.engine, agent), as_user(stack.engine, "sofia")
        pending = await http.post(f"/api/cases/{case_id}/pending", json={}, headers=as_agent)
        assert pending.status_code == 200 and pending.json()["status"] == "pending"
        assert all(t["paused"] for t in pending.json()["sla"].values() if t.get("status") != "not_started")
        back = await http.post(f"/api/cases/{case_id}/pending", json={"waiting": False}, headers=as_agent)
        assert back.json()["status"] == "assigned"
        assert await eventually(lambda: actors(http, case_id, "waiting_on_customer"), what="the wait") == [agent]

        # Moving a case between teams is a supervisor's call (cases:transfer), not the agent's.
        own = await http.post(f"/api/cases/{case_id}/transfer", json={"team_id": "escalations"}, headers=as_agent)
        assert own.status_code == 403 and own.json()["detail"]["code"] == "forbidden"
        nowhere = await http.post(f"/api/cases/{case_id}/transfer", json={"team_id": "mars"}, headers=sofia)
        assert nowhere.status_code == 404 and nowhere.json()["detail"]["path"] == "team_id"  # no such team
        assert nowhere.json()["detail"]["code"] == "unknown_team" and "'mars'" in nowhere.json()["detail"]["message"]
        same = await http.post(f"/api/cases/{case_id}/transfer", json={"team_id": "support"}, headers=sofia)
        assert same.status_code == 409 and same.json()["detail"]["code"] == "same_team"
        moved = await http.post(f"/api/cases/{case_id}/transfer",
                                json={"team_id": "escalations", "note": "needs a refund over limit"}, headers=sofia)
        assert moved.status_code == 200, moved.text
        row = await eventually(lambda: case_where(stack.engine, case_id, assignee_id="sofia"), what="the new queue")
        assert row.team_id == "escalations" and row.transfers == 1
        assert [(n["author"], n["text"]) for n in row.notes] == [("sofia", "needs a refund over limit")]
        assert await eventually(lambda: actors(http, case_id, "transferred"), what="the transfer") == ["sofia"]


async def test_an_agent_going_offline_hands_back_unstarted_work(stack: Stack) -> None:
    async with api_client(stack) as http:
        await only_online(http, "grace")
        case_id = await _post(http)
        await eventually(lambda: case_where(stack.engine, case_id, assignee_id="grace"), what="assignment")
        assert (await http.patch("/api/agents/ada", json={"online": True})).status_code == 200
        grace = as_user(stack.engine, "grace")
        # An agent sets their own presence only: someone else's, or their own capacity, is a lead's call.
        meddling = await http.patch("/api/agents/ada", json={"online": False}, headers=grace)
        assert meddling.status_code == 403 and "agents:manage" in meddling.json()["detail"]["message"]
        busier = await http.patch("/api/agents/grace", json={"online": True, "capacity": 50}, headers=grace)
        assert busier.status_code == 403 and busier.json()["detail"]["code"] == "forbidden"
        gone = await http.patch("/api/agents/grace", json={"online": False}, headers=grace)
        assert gone.status_code == 200 and gone.json()["online"] is False
        await eventually(lambda: case_where(stack.engine, case_id, assignee_id="ada"), what="handed to ada")
        assert "reassigned" in event_kinds(stack.engine, case_id)
        bad = await http.patch("/api/agents/ada", json={"skills": {"billing": 9}})
        assert bad.status_code == 422 and bad.json()["detail"]["path"] == "skills.billing"
        assert "less than or equal to 5" in bad.json()["detail"]["message"]
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
        handle = workflow_handle(stack.client, case["workflow_id"], case_id)
        assert (await handle.describe()).status == WorkflowExecutionStatus.RUNNING
