"""Hand-overs through the API on the dev server: notes and tags that travel with a case, experts
outside the contact centre, and a closed conversation reopened by its customer.

On SQLite and PostgreSQL: a case status the first schema did not know must store on both.
"""

from __future__ import annotations

import json
import uuid

import httpx

from tests.harness.cases import Stack, api_client, as_user, case_where, event_kinds, eventually, only_online

RUN = uuid.uuid4().hex[:8]
COMPLAINT = "@acme I was charged twice, I need a refund"


async def _post(http: httpx.AsyncClient, text: str = COMPLAINT, reply_to: str | None = None) -> tuple[str, str]:
    external_id = f"{RUN}-{uuid.uuid4().hex[:8]}"
    posted = await http.post("/api/webhooks/twitter", json={
        "external_id": external_id, "author": "@sam", "created_at": "2026-11-23T09:00:00Z", "text": text,
        "reply_to_id": reply_to})
    assert posted.status_code == 201, posted.text
    return posted.json()["case_id"], external_id


async def test_an_expert_answers_by_link_and_the_case_comes_back_with_its_notes(stack: Stack) -> None:
    async with api_client(stack) as http:
        await only_online(http, "ada")
        case_id, _ = await _post(http)
        await eventually(lambda: case_where(stack.engine, case_id, assignee_id="ada"), what="assignment")

        ada = as_user(stack.engine, "ada")
        noted = await http.post(f"/api/cases/{case_id}/notes", json={"text": "VIP since 2019"}, headers=ada)
        assert noted.status_code == 200, noted.text
        assert [(n["author"], n["text"]) for n in noted.json()["notes"]] == [("ada", "VIP since 2019")]
        posing = await http.post(f"/api/cases/{case_id}/notes", json={"agent_id": "sofia", "text": "x"},
                                 headers=ada)
        assert posing.status_code == 422  # the author is whoever is logged in
        assert [e["path"] for e in posing.json()["detail"]["errors"]] == ["agent_id"]
        tagged = await http.post(f"/api/cases/{case_id}/tags", json={"add": ["vip"]}, headers=ada)
        assert tagged.status_code == 200 and "vip" in tagged.json()["tags"]
        for nothing in ({}, {"add": []}, {"add": [], "remove": []}):  # the document asks for a tag to change
            empty = await http.post(f"/api/cases/{case_id}/tags", json=nothing, headers=ada)
            assert empty.status_code == 422 and empty.json()["detail"]["errors"][0]["code"] == "nothing_to_change"
            assert "give tags to add or to remove" in empty.json()["detail"]["message"]
        for blank in (" x", "\u00a0x", "x\ny"):  # a tag starts with a visible character and is one line
            refused = await http.post(f"/api/cases/{case_id}/tags", json={"add": [blank]}, headers=ada)
            assert refused.status_code == 422 and refused.json()["detail"]["path"] == "add.0", blank
        odd = await http.post(f"/api/cases/{case_id}/tags", json={"remove": ["\x1cx"]}, headers=ada)
        assert odd.status_code == 200, odd.text  # not white space, whatever Python's str.isspace says
        # A marketing agent neither reads nor touches a support case.
        maya = as_user(stack.engine, "maya")
        hidden = await http.get(f"/api/cases/{case_id}", headers=maya)
        assert hidden.status_code == 403 and hidden.json()["detail"]["code"] == "other_team"
        outside = await http.post(f"/api/cases/{case_id}/tags", json={"add": ["spam"]}, headers=maya)
        assert outside.status_code == 403 and outside.json()["detail"]["code"] == "other_team"

        nobody = await http.post(f"/api/cases/{case_id}/expert", json={"expert_id": "nobody", "question": "?"},
                                 headers=ada)
        assert nobody.status_code == 404
        assert (nobody.json()["detail"]["code"], nobody.json()["detail"]["path"]) == ("unknown_expert", "expert_id")
        away = await http.post("/api/experts", json={"id": f"away-{RUN}", "name": "Away", "email": "away@example.com",
                                                     "active": False})
        assert away.status_code == 201, away.text
        resting = await http.post(f"/api/cases/{case_id}/expert", json={"expert_id": f"away-{RUN}", "question": "?"},
                                  headers=ada)
        assert resting.status_code == 409 and resting.json()["detail"]["code"] == "inactive_expert"
        handed = await http.post(f"/api/cases/{case_id}/expert", json={
            "expert_id": "priya", "question": "Can we refund both charges?"}, headers=ada)
        assert handed.status_code == 200, handed.text
        case = handed.json()
        assert (case["status"], case["assignee_id"], case["expert_id"]) == ("with_expert", None, "priya")
        request_id = case["expert_request_id"]
        loads = {a["id"]: a["open_cases"] for a in (await http.get("/api/agents")).json()}
        assert loads["ada"] == 0  # the slot is free while the expert works
        again = await http.post(f"/api/cases/{case_id}/expert", json={
            "expert_id": "tom", "question": "And you?"}, headers=ada)
        assert again.status_code == 409 and again.json()["detail"]["code"] == "with_expert"
        early = await http.post(f"/api/cases/{case_id}/replies", json={"text": "soon"}, headers=ada)
        assert early.status_code == 409 and "priya" in early.json()["detail"]["message"]

        # What the expert sees through their link (no login: a signed, expiring token for this request), and
        # the contact centre's list, which never shows the token.
        await eventually(lambda: case_where(stack.engine, case_id, expert_request_id=request_id), what="saved")
        mine = await http.get("/api/expert-requests", params={"filter": json.dumps({"expert_id": "priya"})})
        assert request_id in [r["id"] for r in mine.json()]
        link = await http.get(f"/api/expert-requests/{request_id}/link", headers=ada)
        assert link.status_code == 200, link.text
        token = link.json()["token"]
        assert link.json()["url"] == f"/#/expert-requests/{request_id}?token={token}" and token not in mine.text
        other_team = await http.get(f"/api/expert-requests/{request_id}/link", headers=as_user(stack.engine, "maya"))
        assert other_team.status_code == 403
        async with api_client(stack, user=None) as expert:
            assert (await expert.get("/api/expert-requests")).status_code == 401  # the list is for logged-in users
            bare = await expert.get(f"/api/expert-requests/{request_id}")  # the id alone opens nothing
            assert bare.status_code == 401 and bare.json()["detail"]["code"] == "link_missing"
            tampered = token[:-3] + ("abc" if token[-3:] != "abc" else "xyz")
            forged = await expert.get(f"/api/expert-requests/{request_id}", headers={"X-Expert-Token": tampered})
            assert forged.status_code == 401 and forged.json()["detail"]["code"] == "link_invalid"
            capability = {"X-Expert-Token": token}
            seen = (await expert.get(f"/api/expert-requests/{request_id}", headers=capability)).json()
            assert (seen["question"], seen["subject"], seen["answer"]) == ("Can we refund both charges?", COMPLAINT,
                                                                           None)
            answered = await expert.post(f"/api/expert-requests/{request_id}/answer", headers=capability,
                                         json={"text": "Yes, refund both."})
            assert answered.status_code == 200, answered.text
            assert answered.json()["answer"] == "Yes, refund both." and answered.json()["answered_at"] is not None
            retried = await expert.post(f"/api/expert-requests/{request_id}/answer", headers=capability,
                                        json={"text": "Yes, refund both."})
            assert retried.status_code == 200  # a retried answer changes nothing
            elsewhere = await expert.post("/api/expert-requests/nope/answer", json={"text": "x"}, headers=capability)
            assert elsewhere.status_code == 401  # the link is for its own request only
        row = await eventually(lambda: case_where(stack.engine, case_id, assignee_id="ada", status="assigned"),
                               what="the case back with ada")
        assert [(n["author"], n["kind"]) for n in row.notes] == [("ada", "note"), ("expert:priya", "expert_answer")]
        assert "vip" in row.tags and row.transfers == 1
        kinds = event_kinds(stack.engine, case_id)
        assert kinds.index("expert_consulted") < kinds.index("expert_answered") < kinds.index("reassigned") \
            if "reassigned" in kinds else kinds.index("expert_consulted") < kinds.index("expert_answered")


async def test_the_customer_writing_again_reopens_the_closed_case(stack: Stack) -> None:
    async with api_client(stack) as http:
        await only_online(http, "grace")
        case_id, first = await _post(http)
        await eventually(lambda: case_where(stack.engine, case_id, assignee_id="grace"), what="assignment")
        grace = as_user(stack.engine, "grace")
        closed = await http.post(f"/api/cases/{case_id}/replies", json={"text": "Refunded", "close": True},
                                 headers=grace)
        assert closed.status_code == 200 and closed.json()["status"] == "closed"
        await eventually(lambda: case_where(stack.engine, case_id, status="closed"), what="the close")
        noted = await http.post(f"/api/cases/{case_id}/notes", json={"text": "checked"},
                                headers=as_user(stack.engine, "sofia"))
        assert noted.status_code == 200  # a closed case in its reopen window still takes notes
        assert noted.json()["notes"][-1]["author"] == "sofia"

        again, _ = await _post(http, "I was charged twice again, please refund", reply_to=first)
        assert again == case_id  # the same case, not a new one
        row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned", reopen_count=1),
                               what="the reopened case assigned")
        assert row.assignee_id == "grace" and row.closed_at is None and row.sla_due_at is not None
        done = await http.post(f"/api/cases/{case_id}/close", json={}, headers=grace)
        assert done.status_code == 200
        row = await eventually(lambda: case_where(stack.engine, case_id, status="closed", reopen_count=1),
                               what="the second close")
        assert row.resolution_seconds is not None and row.mention_count == 2
        assert "reopened" in event_kinds(stack.engine, case_id)
