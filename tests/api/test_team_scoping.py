"""A user scoped to teams sees and touches only their teams' cases, and what hangs off them."""

from __future__ import annotations

import json

import pytest

from tests.harness.cases import Stack, api_client, as_user, case_where, eventually

PRESS = "Hi @acme, I'm a reporter at the Daily Planet writing an article about the outage. Could you comment?"
COMPLAINT = "@acme I was charged twice for my order, I need a refund"


def _ids(answer) -> set[str]:  # type: ignore[no-untyped-def]
    assert answer.status_code == 200, answer.text
    return {row["id"] for row in answer.json()}


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
async def test_an_agent_of_support_neither_reads_nor_touches_marketings_cases(stack: Stack) -> None:
    support_case = await stack.ingest(text=COMPLAINT)
    press_case = await stack.ingest(text=PRESS)
    support = await eventually(lambda: case_where(stack.engine, support_case, status="assigned"), what="support")
    press = await eventually(lambda: case_where(stack.engine, press_case, status="assigned"), what="press")
    assert (support.team_id, press.team_id) == ("support", "marketing")
    ada, maya, audrey = (as_user(stack.engine, u) for u in ("ada", "maya", "audrey"))
    async with api_client(stack) as http:
        seen = _ids(await http.get("/api/cases", headers=ada, params={"range": "[0,999]"}))
        assert support_case in seen and press_case not in seen
        everyone = _ids(await http.get("/api/cases", params={"range": "[0,999]"}))  # the admin sees all teams
        assert {support_case, press_case} <= everyone
        assert _ids(await http.get("/api/cases", headers=audrey, params={"range": "[0,999]"})) == everyone

        other = await http.get(f"/api/cases/{press_case}", headers=ada)
        assert other.status_code == 403 and other.json()["detail"]["code"] == "other_team"
        assert "marketing" in other.json()["detail"]["message"]
        for path, body in (("replies", {"text": "hi"}), ("notes", {"text": "x"}), ("claim", {}), ("close", {}),
                           ("tags", {"add": ["x"]}), ("presence", None)):
            touched = await http.post(f"/api/cases/{press_case}/{path}", json=body, headers=ada)
            assert touched.status_code == 403 and touched.json()["detail"]["code"] == "other_team", (path, touched.text)
        assert (await http.get(f"/api/cases/{press_case}/drafts", headers=ada)).status_code == 403

        # What hangs off a case follows it: its events, mentions, conversation and customer.
        events = await http.get("/api/case_events", headers=ada, params={"range": "[0,999]"})
        assert {e["case_id"] for e in events.json()} <= seen and support_case in {e["case_id"] for e in events.json()}
        mentions = (await http.get("/api/mentions", headers=ada, params={"range": "[0,999]"})).json()
        assert support.conversation_id in {m["conversation_id"] for m in mentions}
        assert press.conversation_id not in {m["conversation_id"] for m in mentions}
        conversation = await http.get(f"/api/conversations/{press.conversation_id}", headers=ada)
        assert conversation.status_code == 403
        mine = await http.get(f"/api/conversations/{support.conversation_id}", headers=ada)
        assert mine.status_code == 200
        press_customer = (await http.get(f"/api/conversations/{press.conversation_id}")).json()["customer_id"]
        assert (await http.get(f"/api/customers/{press_customer}", headers=ada)).status_code == 403
        assert (await http.get(f"/api/customers/{press_customer}", headers=maya)).status_code == 200
        customers = _ids(await http.get("/api/customers", headers=ada, params={"range": "[0,999]"}))
        assert press_customer not in customers and mine.json()["customer_id"] in customers
        filtered = await http.get("/api/cases", headers=ada,
                                  params={"filter": json.dumps({"team_id": "marketing"})})
        assert filtered.json() == []  # a filter cannot widen what one may see


async def test_agents_cannot_approve_and_auditors_change_nothing(stack: Stack) -> None:
    case_id = await stack.ingest(text=COMPLAINT)
    row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
    holder = as_user(stack.engine, row.assignee_id)
    async with api_client(stack) as http:
        approve = await http.post(f"/api/cases/{case_id}/approve", headers=holder, json={"reply_id": "r1"})
        assert approve.status_code == 403 and "cases:approve" in approve.json()["detail"]["message"]
        takeover = await http.post(f"/api/cases/{case_id}/claim", headers=holder, json={"takeover": True})
        assert takeover.status_code == 403 and "cases:takeover" in takeover.json()["detail"]["message"]
        audrey = as_user(stack.engine, "audrey")
        for method, path, body in (("post", f"/api/cases/{case_id}/replies", {"text": "hi"}),
                                   ("post", f"/api/cases/{case_id}/close", {}),
                                   ("post", "/api/flow_drafts", {"name": "x", "document": {}}),
                                   ("patch", "/api/agents/ada", {"online": False}),
                                   ("patch", "/api/sources/twitter", {"enabled": False})):
            refused = await http.request(method, path, json=body, headers=audrey)
            assert refused.status_code == 403 and refused.json()["detail"]["code"] == "forbidden", (path, refused.text)
        # An agent changes their own presence only.
        own = await http.patch(f"/api/agents/{row.assignee_id}", json={"capacity": 50}, headers=holder)
        assert own.status_code == 403 and "agents:manage" in own.json()["detail"]["message"]
        someone = "grace" if row.assignee_id != "grace" else "ada"
        other = await http.patch(f"/api/agents/{someone}", json={"online": True}, headers=holder)
        assert other.status_code == 403
        # The actor is the session's: a body that names one is refused, and the event records who it was.
        forged = await http.post(f"/api/cases/{case_id}/notes", headers=holder,
                                 json={"agent_id": "sofia", "text": "as someone else"})
        assert forged.status_code == 422 and forged.json()["detail"]["path"] == "agent_id"
        assert forged.json()["detail"]["message"] == "agent_id: Extra inputs are not permitted"
        noted = await http.post(f"/api/cases/{case_id}/notes", headers=holder, json={"text": "mine"})
        assert noted.status_code == 200 and noted.json()["notes"][-1]["author"] == row.assignee_id
