"""Working a case through the API: its holder or a supervisor releases it to its team's queue; a supervisor
edits a held reply and approves it."""

from __future__ import annotations

import json
import uuid

import httpx
from sqlmodel import Session, select

from engine.models import Direction
from store.mentions import Mention
from tests.harness.cases import Stack, api_client, as_user, case_where, event_kinds, eventually, only_online

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


async def test_a_supervisor_edits_a_held_reply_and_the_edit_is_what_is_sent(stack: Stack) -> None:
    async with api_client(stack) as http:
        await only_online(http, "linus")  # the junior: the demo flow holds his replies
        case_id = await _post(http)
        await eventually(lambda: case_where(stack.engine, case_id, assignee_id="linus"), what="assignment")
        drafted = await http.post(f"/api/cases/{case_id}/replies", json={"text": "refund done", "reply_id": "e1"},
                                  headers=as_user(stack.engine, "linus"))
        assert drafted.status_code == 200 and drafted.json()["drafts_pending"] == 1, drafted.text
        edited = "Your refund is on its way: it shows within 5 working days."
        approved = await http.post(f"/api/cases/{case_id}/approve", json={"reply_id": "e1", "text": edited},
                                   headers=as_user(stack.engine, "sofia"))
        assert approved.status_code == 200, approved.text
        assert approved.json()["reply_count"] == 1 and approved.json()["drafts_pending"] == 0
        with Session(stack.engine) as session:
            sent = session.exec(select(Mention.text).where(Mention.case_id == case_id,
                                                           Mention.direction == Direction.outbound)).all()
        assert sent == [edited]  # the supervisor's edit went out, not the junior's text
        await eventually(lambda: "reply_approved" in event_kinds(stack.engine, case_id), what="the approval")
        events = (await http.get("/api/case_events", params={"filter": json.dumps({"case_id": case_id,
                                                                                   "kind": "reply_approved"})})).json()
        assert [(e["actor"], e["detail"]["edited"]) for e in events] == [("sofia", True)]
        empty = await http.post(f"/api/cases/{case_id}/approve", json={"reply_id": "e1", "text": ""},
                                headers=as_user(stack.engine, "sofia"))
        assert empty.status_code == 422 and empty.json()["detail"]["errors"][0]["path"] == "text"


async def test_the_composer_learns_before_sending_whether_a_reply_will_wait_for_approval(stack: Stack) -> None:
    async with api_client(stack) as http:
        case_id = await _post(http)
        await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
        junior = await http.post(f"/api/cases/{case_id}/reply-check", json={"text": "refund done"},
                                 headers=as_user(stack.engine, "linus"))
        assert junior.status_code == 200, junior.text
        assert junior.json()["needs_approval"] is True and junior.json()["evidence"]  # the rule's trace says why
        senior = await http.post(f"/api/cases/{case_id}/reply-check", json={"text": "refund done"},
                                 headers=as_user(stack.engine, "ada"))
        assert senior.status_code == 200 and senior.json()["needs_approval"] is False
        auditor = await http.post(f"/api/cases/{case_id}/reply-check", json={"text": "x"},
                                  headers=as_user(stack.engine, "audrey"))
        assert auditor.status_code == 403  # a preview for those who reply
        with Session(stack.engine) as session:
            assert session.exec(select(Mention).where(Mention.case_id == case_id,
                                                      Mention.direction == Direction.outbound)).first() is None
