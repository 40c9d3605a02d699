"""Releasing a case through the API: its holder or a supervisor gives it back to its team's queue."""

from __future__ import annotations

import uuid

import httpx

from tests.harness.cases import Stack, api_client, as_user, case_where, event_kinds, eventually

RUN = uuid.uuid4().hex[:8]


async def _post(http: httpx.AsyncClient) -> str:
    posted = await http.post("/api/webhooks/twitter", json={
        "external_id": f"{RUN}-{uuid.uuid4().hex[:8]}", "author": "@sam", "created_at": "2026-11-23T09:00:00Z",
        "text": "@acme I was charged twice, I need a refund"})
    assert posted.status_code == 201, posted.text
    return posted.json()["case_id"]


async def test_the_holder_or_a_supervisor_releases_a_case_others_are_refused(stack: Stack) -> None:
    async with api_client(stack) as http:
        case_id = await _post(http)
        row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
        holder = row.assignee_id
        other = next(a for a in ("ada", "grace", "linus") if a != holder)
        claimed = await http.post(f"/api/cases/{case_id}/claim", json={}, headers=as_user(stack.engine, holder))
        assert claimed.status_code == 200, claimed.text

        refused = await http.post(f"/api/cases/{case_id}/release", headers=as_user(stack.engine, other))
        assert refused.status_code == 409
        assert refused.json()["detail"]["code"] == "not_assignee" and holder in refused.json()["detail"]["message"]

        released = await http.post(f"/api/cases/{case_id}/release", headers=as_user(stack.engine, holder))
        assert released.status_code == 200, released.text
        assert released.json()["claimed_by"] is None and released.json()["assignee_id"] != holder
        await eventually(lambda: "released" in event_kinds(stack.engine, case_id), what="the released event")
        events = (await http.get("/api/case_events", params={"filter": f'{{"case_id": "{case_id}", '
                                                                      '"kind": "released"}'})).json()
        assert [e["actor"] for e in events] == [holder]

        # A supervisor (cases:takeover) releases whoever holds it now.
        now = (await http.get(f"/api/cases/{case_id}")).json()
        if now["assignee_id"] is not None:
            freed = await http.post(f"/api/cases/{case_id}/release", headers=as_user(stack.engine, "sofia"))
            assert freed.status_code == 200, freed.text
            assert freed.json()["assignee_id"] != now["assignee_id"]
