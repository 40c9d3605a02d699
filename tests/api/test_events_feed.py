"""Events out, written with the change that caused them, read through the feed (GET /api/events, read:events).

A case worked end to end (opened, assigned, claimed, replied, closed, measured), the mention that opened it and
its new customer, a customer note, a merge, and a flow published and activated each leave one event, in cursor
order, with the payloads a CRM upserts a contact from; the feed resumes after a cursor; admins' tokens and
auditors read it, other roles do not.
"""

from __future__ import annotations

import uuid

import httpx

from api.flows.service import publish_flow
from store.db import session_scope
from tests.harness.cases import Stack, api_client, as_user, case_where, eventually

RUN = uuid.uuid4().hex[:8]


async def _events(http: httpx.AsyncClient, **params: object) -> dict:
    answer = await http.get("/api/events", params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()


async def _of_case(http: httpx.AsyncClient, case_id: str) -> list[dict]:
    return [e for e in (await _events(http, limit=1000))["events"] if e["case_id"] == case_id]


async def test_a_worked_case_leaves_its_events_in_order_and_the_feed_resumes(stack: Stack) -> None:
    async with api_client(stack) as http:
        start = (await _events(http, after=0, limit=1000))["next_cursor"]
        author = f"@crm-{RUN}"
        posted = await http.post("/api/webhooks/twitter", json={
            "external_id": f"ev-{RUN}", "author": author, "created_at": "2026-11-23T09:00:00Z",
            "text": "@acme I was charged twice, I need a refund"})
        assert posted.status_code == 201, posted.text
        case_id = posted.json()["case_id"]
        row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
        agent = as_user(stack.engine, row.assignee_id)
        assert (await http.post(f"/api/cases/{case_id}/claim", json={}, headers=agent)).status_code == 200
        replied = await http.post(f"/api/cases/{case_id}/replies", json={"text": "Refunded", "close": True},
                                  headers=agent)
        assert replied.status_code == 200, replied.text

        async def measured() -> list[dict] | None:
            events = await _of_case(http, case_id)
            return events if any(e["type"] == "case.measured" for e in events) else None

        events = await eventually(measured, what="the case's events up to its measures")
        types = [e["type"] for e in events]
        # The mention's event follows the opening its own transaction decided, and names the case.
        assert types == ["case.opened", "case.assigned", "mention.received", "case.claimed", "case.replied",
                         "case.closed", "case.measured"], types
        cursors = [e["cursor"] for e in events]
        assert cursors == sorted(cursors) and len({e["id"] for e in events}) == len(events)
        opened = events[0]
        assert opened["version"] == 1 and opened["data"]["case"]["links"]["api"] == f"/api/cases/{case_id}"
        customer = opened["data"]["customer"]
        assert {"source": "twitter", "handle": author} in customer["identities"]
        received = events[2]["data"]
        assert received["customer_id"] == customer["id"] and received["case_id"] == case_id
        assert received["mention"]["id"] == f"twitter:ev-{RUN}"
        assert events[3]["data"]["actor"] == row.assignee_id and events[5]["data"]["reason"] == "resolved"

        # The customer was new: created, with the identity, before the mention's event.
        page = await _events(http, after=start, types="customer.created", limit=1000)
        created = [e for e in page["events"] if e["data"]["customer"]["id"] == customer["id"]]
        assert len(created) == 1 and created[0]["cursor"] < opened["cursor"]
        noted = await http.post(f"/api/customers/{customer['id']}/notes", json={"text": "VIP since 2019"})
        assert noted.status_code == 200, noted.text
        note = (await _events(http, after=events[-1]["cursor"], types="customer.noted"))["events"]
        assert [e["data"]["note"]["text"] for e in note] == ["VIP since 2019"]

        # A merge carries the kept customer with both customers' identities; publishing and activating a flow, too.
        other = await http.post("/api/webhooks/twitter", json={
            "external_id": f"ev2-{RUN}", "author": f"@crm-alt-{RUN}", "created_at": "2026-11-23T09:05:00Z",
            "text": "@acme love the app"})
        assert other.status_code == 201, other.text
        other_customer = (await http.get(f"/api/mentions/twitter:ev2-{RUN}")).json()["customer_id"]
        merged = await http.post(f"/api/customers/{customer['id']}/merge", json={"other_id": other_customer})
        assert merged.status_code == 200, merged.text
        [merge] = (await _events(http, after=start, types="customer.merged"))["events"]
        assert merge["data"]["merged_id"] == other_customer and merge["data"]["actor"] == "admin"
        assert {i["handle"] for i in merge["data"]["customer"]["identities"]} >= {author, f"@crm-alt-{RUN}"}
        active = (await http.get("/api/flows", params={"filter": '{"active": true}'})).json()[0]
        document = active["document"]
        document["nodes"][0]["position"] = {"x": 1, "y": 2}  # another version of the same flow
        with session_scope(stack.engine) as session:
            publish_flow(session=session, name="moved", document=document, by="olivia")
        assert (await http.post(f"/api/flows/{active['id']}/activate")).status_code == 200
        flows = (await _events(http, after=start, types="flow.published,flow.activated"))["events"]
        assert [(e["type"], e["data"]["actor"]) for e in flows] == [
            ("flow.published", "olivia"), ("flow.activated", "olivia"), ("flow.activated", "admin")]
        assert flows[-1]["data"]["version"] == active["id"]

        # Resumable: after a cursor comes exactly what followed it; the same cursor when nothing is new.
        tail = await _events(http, after=events[2]["cursor"], types="case.claimed,case.replied", limit=1)
        assert [e["type"] for e in tail["events"]] == ["case.claimed"]
        rest = await _events(http, after=tail["next_cursor"], types="case.claimed,case.replied", limit=1000)
        assert [e["id"] for e in rest["events"] if e["case_id"] == case_id] == [events[4]["id"]]
        last = (await _events(http, limit=1000, after=0))["next_cursor"]
        assert (await _events(http, after=last)) == {"events": [], "next_cursor": last}

        bad = await http.get("/api/events", params={"types": "case.opened,case.exploded"})
        assert bad.status_code == 422 and bad.json()["detail"]["path"] == "types"
        assert "case.exploded" in bad.json()["detail"]["message"]

        # read:events: an admin's token may carry it, an auditor reads it (recorded); other roles may not.
        made = await http.post("/api/tokens", json={"name": "crm", "scopes": ["read:events"]})
        assert made.status_code == 201, made.text
        by_token = await http.get("/api/events", headers={"Authorization": f"Bearer {made.json()['token']}"})
        assert by_token.status_code == 200 and by_token.json()["events"]
        assert (await http.get("/api/events", headers=as_user(stack.engine, "audrey"))).status_code == 200
        assert (await http.get("/api/events", headers=as_user(stack.engine, "sofia"))).status_code == 403
        assert (await http.get("/api/events", headers=as_user(stack.engine, "olivia"))).status_code == 403
