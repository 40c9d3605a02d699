"""A mention posted to the webhook travels to an assigned case, a reply and a measured close,
on the dev server and the real app, with SQLite and PostgreSQL read sides."""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid

import pytest

from api.webhooks.sources import WebhookSources
from store.db import session_scope
from store.sources import Source, UnknownSource
from tests.harness.cases import (
    TEST_KEYS,
    WEBHOOK_TOKEN,
    Stack,
    api_client,
    as_user,
    case_where,
    event_kinds,
    eventually,
)

# The dev server outlives each test and a conversation names its workflow: ids must not repeat.
RUN = uuid.uuid4().hex[:8]
MENTION = {"external_id": f"{RUN}-1", "author": "@sam_k", "created_at": "2026-11-23T09:00:00+02:00",
           "text": "@acme I was charged twice, I need a refund"}


@pytest.fixture
def mention() -> dict:
    """MENTION with an external id of this test's own."""
    return {**MENTION, "external_id": f"{RUN}-{uuid.uuid4().hex[:8]}"}


async def test_a_mention_becomes_an_assigned_case_then_reply_closes_and_measures(stack: Stack, mention) -> None:
    mention_id = f"twitter:{mention['external_id']}"
    async with api_client(stack) as http:
        posted = await http.post("/api/webhooks/twitter", json=mention)
        assert posted.status_code == 201, posted.text
        body = posted.json()
        assert body["duplicate"] is False and body["mention_id"] == mention_id
        case_id = body["case_id"]
        row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
        assert row.assignee_id in {"ada", "grace", "linus"} and "billing" in row.tags

        stored = (await http.get(f"/api/mentions/{mention_id}")).json()
        assert stored["created_at"] == "2026-11-23T07:00:00Z"  # stored in UTC, offset kept in meaning
        assert stored["case_id"] == case_id

        replied = await http.post(f"/api/cases/{case_id}/replies", json={"text": "Refunded, sorry!", "close": True},
                                  headers=as_user(stack.engine, row.assignee_id))
        assert replied.status_code == 200, replied.text
        assert replied.json()["status"] == "closed"
        closed = await eventually(lambda: case_where(stack.engine, case_id, status="closed"), what="measures")
        await eventually(lambda: "measured" in event_kinds(stack.engine, case_id), what="measured event")
        closed = case_where(stack.engine, case_id)
        assert closed.first_response_seconds is not None and closed.resolution_seconds is not None
        assert closed.first_response_seconds <= closed.resolution_seconds

        outbound_filter = json.dumps({"case_id": case_id, "direction": "outbound"})
        outbound = (await http.get("/api/mentions", params={"filter": outbound_filter})).json()
        assert [m["text"] for m in outbound] == ["Refunded, sorry!"]
        events = (await http.get("/api/case_events", params={
            "filter": json.dumps({"case_id": case_id, "kind": ["replied", "closed"]}),
            "sort": json.dumps(["seq", "ASC"])})).json()
        assert [(e["kind"], e["actor"]) for e in events] == [
            ("replied", row.assignee_id), ("closed", row.assignee_id)]  # the logged-in agent, as the actor


async def test_the_same_mention_twice_creates_nothing_new(stack: Stack, mention) -> None:
    async with api_client(stack) as http:
        first = await http.post("/api/webhooks/twitter", json=mention)
        again = await http.post("/api/webhooks/twitter", json=mention)
        assert (first.status_code, again.status_code) == (201, 200)
        assert again.json()["duplicate"] is True
        assert again.json()["case_id"] == first.json()["case_id"]
        listed = await http.get("/api/mentions")
        assert listed.headers["content-range"] == "mentions 0-0/1"


async def test_a_reply_in_the_thread_signals_the_same_case(stack: Stack, mention) -> None:
    async with api_client(stack) as http:
        first = (await http.post("/api/webhooks/twitter", json=mention)).json()
        follow = {**mention, "external_id": mention["external_id"] + "-re", "reply_to_id": mention["external_id"],
                  "text": "hello? still waiting"}
        second = (await http.post("/api/webhooks/twitter", json=follow)).json()
        assert second["case_id"] == first["case_id"]
        assert second["conversation_id"] == first["conversation_id"] == f"twitter:{mention['external_id']}"
        await eventually(lambda: case_where(stack.engine, first["case_id"], mention_count=2), what="2 mentions")
        cases = await http.get("/api/cases")
        assert cases.headers["content-range"] == "cases 0-0/1"


@pytest.mark.parametrize(("body", "field", "reason"), [
    ({k: v for k, v in MENTION.items() if k != "author"}, "author", "missing or empty (looked for author,"),
    ({**MENTION, "created_at": "2026-11-23T09:00:00"}, "created_at", "no timezone"),
    ({**MENTION, "created_at": "yesterday"}, "created_at", "'yesterday' is not a timestamp"),
    ({**MENTION, "text": ""}, "text", "missing or empty"),
    ({**MENTION, "author_followers": -3}, "author_followers", "greater than or equal to 0"),
    ({**MENTION, "direction": "sideways"}, "direction", "neither inbound nor outbound"),
    ([MENTION], "row", "one JSON object"),
])
async def test_malformed_bodies_name_the_field_and_store_nothing(stack: Stack, body, field, reason) -> None:  # type: ignore[no-untyped-def]
    async with api_client(stack) as http:
        response = await http.post("/api/webhooks/twitter", json=body)
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert detail["path"] == field and reason in detail["message"], detail
        assert (await http.get("/api/mentions")).headers["content-range"] == "mentions 0-0/0"


async def test_body_that_is_not_json_is_a_422(stack: Stack) -> None:
    async with api_client(stack) as http:
        response = await http.post("/api/webhooks/twitter", content=b"{not json",
                                   headers={"content-type": "application/json"})
        assert response.status_code == 422
        assert response.json()["detail"]["code"] == "not_json"


async def test_unknown_source_is_a_404(stack: Stack) -> None:
    async with api_client(stack) as http:
        response = await http.post("/api/webhooks/myspace", json=MENTION)
        assert response.status_code == 404
        assert response.json()["detail"]["code"] == "unknown_source"
        assert (await http.get("/api/mentions")).headers["content-range"] == "mentions 0-0/0"


async def test_a_reply_from_someone_else_is_refused_with_who_holds_the_case(stack: Stack, mention) -> None:
    async with api_client(stack) as http:
        case_id = (await http.post("/api/webhooks/twitter", json=mention)).json()["case_id"]
        row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
        holder = row.assignee_id
        other = next(a for a in ("ada", "grace", "linus") if a != holder)
        as_other = as_user(stack.engine, other)
        response = await http.post(f"/api/cases/{case_id}/replies", json={"text": "hi"}, headers=as_other)
        assert response.status_code == 409
        assert response.json()["detail"]["code"] == "not_assignee"
        assert holder in response.json()["detail"]["message"]
        # The one replying is whoever is logged in: naming the holder in the body is refused, not obeyed.
        posing = await http.post(f"/api/cases/{case_id}/replies", json={"agent_id": holder, "text": "hi"},
                                 headers=as_other)
        assert posing.status_code == 422
        assert [(e["code"], e["path"]) for e in posing.json()["detail"]["errors"]] == [("extra_forbidden", "agent_id")]
        # An agent of another team does not get to see the case at all.
        outsider = await http.post(f"/api/cases/{case_id}/replies", json={"text": "hi"},
                                   headers=as_user(stack.engine, "maya"))
        assert outsider.status_code == 403 and outsider.json()["detail"]["code"] == "other_team"
        anonymous = await http.post(f"/api/cases/{case_id}/replies", json={"text": "hi"},
                                    headers={"Authorization": "Bearer not-a-session"})
        assert anonymous.status_code == 401
        assert case_where(stack.engine, case_id, reply_count=0) is not None
        outbound = json.dumps({"case_id": case_id, "direction": "outbound"})
        assert (await http.get("/api/mentions", params={"filter": outbound})).json() == []


async def test_a_mapped_signed_webhook_takes_the_senders_shape_and_refuses_bad_signatures(stack: Stack) -> None:
    source = f"hook{uuid.uuid4().hex[:6]}"
    secret = "whsec-42"
    payload = {"event": {"id": f"{RUN}-ev", "from": {"handle": "@nina", "followers": 25_000},
                         "message": "Is the checkout broken? I cannot pay", "at": "Tue Oct 31 22:10:47 +0000 2017"}}
    raw = json.dumps(payload).encode()
    signature = "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    async with api_client(stack) as http:
        made = await http.post("/api/sources", json={"id": source, "kind": "webhook", "config": {
            "hmac_secret": secret, "mapping": {"external_id": "event.id", "author": "event.from.handle",
                                               "author_followers": "event.from.followers",
                                               "text": "event.message", "created_at": "event.at"}}})
        assert made.status_code == 201, made.text
        assert made.json()["config"]["hmac_secret"] == "********"
        assert made.json()["config"]["auth"] == "hmac" and made.json()["webhook_token"] is None  # signed, no token
        headers = {"content-type": "application/json"}
        unsigned = await http.post(f"/api/webhooks/{source}", content=raw, headers=headers)
        assert unsigned.status_code == 401 and unsigned.json()["detail"]["code"] == "signature_missing"
        forged = await http.post(f"/api/webhooks/{source}", content=raw.replace(b"nina", b"mallory"),
                                 headers={**headers, "X-Signature-256": signature})
        assert forged.status_code == 401 and forged.json()["detail"]["code"] == "signature_mismatch"
        assert (await http.get("/api/mentions", params={"filter": json.dumps({"source": source})})).json() == []

        signed = await http.post(f"/api/webhooks/{source}", content=raw, headers={**headers, "X-Signature-256":
                                                                                   signature})
        assert signed.status_code == 201, signed.text
        stored = (await http.get(f"/api/mentions/{source}:{RUN}-ev")).json()
        assert (stored["author"], stored["author_followers"]) == ("@nina", 25_000)
        assert stored["created_at"] == "2017-10-31T22:10:47Z" and "influencer" in stored["tags"]
        assert signed.json()["needs_response"] is True and signed.json()["case_id"]


async def test_a_new_webhook_source_takes_only_posts_carrying_its_own_token(stack: Stack, mention) -> None:
    source = f"hook{uuid.uuid4().hex[:6]}"
    async with api_client(stack) as http:
        made = await http.post("/api/sources", json={"id": source, "kind": "webhook"})
        assert made.status_code == 201, made.text
        token = made.json()["webhook_token"]
        assert token and made.json()["config"]["auth"] == "token" and "token_digest" not in made.json()["config"]
        shown = await http.get(f"/api/sources/{source}")
        assert token not in shown.text and "webhook_token" not in shown.json()  # shown once, at creation

        bare = await http.post(f"/api/webhooks/{source}", json=mention, headers={"X-Switchboard-Token": ""})
        assert bare.status_code == 401 and bare.json()["detail"]["code"] == "token_missing"
        assert bare.json()["detail"]["path"] == "X-Switchboard-Token"
        foreign = await http.post(f"/api/webhooks/{source}", json=mention)  # the demo sources' token, not its own
        assert foreign.status_code == 401 and foreign.json()["detail"]["code"] == "token_mismatch"
        assert (await http.get("/api/mentions", params={"filter": json.dumps({"source": source})})).json() == []

        taken = await http.post(f"/api/webhooks/{source}", json=mention, headers={"X-Switchboard-Token": token})
        assert taken.status_code == 201, taken.text
        assert taken.json()["mention_id"] == f"{source}:{mention['external_id']}"

        # An explicit opt-out takes posts without any token (for senders behind a gateway that checks them).
        open_source = f"open{uuid.uuid4().hex[:6]}"
        opened = await http.post("/api/sources", json={"id": open_source, "kind": "webhook",
                                                       "config": {"auth": "none"}})
        assert opened.status_code == 201 and opened.json()["webhook_token"] is None
        anyone = await http.post(f"/api/webhooks/{open_source}", json=mention, headers={"X-Switchboard-Token": ""})
        assert anyone.status_code == 201, anyone.text


async def test_the_demo_sources_refuse_posts_without_their_token(stack: Stack, mention) -> None:
    async with api_client(stack, user=None) as http:
        missing = await http.post("/api/webhooks/twitter", json=mention, headers={"X-Switchboard-Token": ""})
        assert missing.status_code == 401 and missing.json()["detail"]["code"] == "token_missing"
        wrong = await http.post("/api/webhooks/twitter", json=mention,
                                headers={"X-Switchboard-Token": WEBHOOK_TOKEN + "x"})
        assert wrong.status_code == 401 and wrong.json()["detail"]["code"] == "token_mismatch"
        taken = await http.post("/api/webhooks/twitter", json=mention)  # the token, and no login needed
        assert taken.status_code == 201, taken.text


async def test_a_new_token_or_a_disabled_source_holds_from_the_next_post(stack: Stack, mention) -> None:
    source = f"hook{uuid.uuid4().hex[:6]}"
    async with api_client(stack) as http:
        old = (await http.post("/api/sources", json={"id": source, "kind": "webhook"})).json()["webhook_token"]
        first = {**mention, "external_id": mention["external_id"] + "-a"}
        assert (await http.post(f"/api/webhooks/{source}", json=first,
                                headers={"X-Switchboard-Token": old})).status_code == 201  # the source is now kept
        new = (await http.post(f"/api/sources/{source}/webhook-token")).json()["webhook_token"]
        stale = await http.post(f"/api/webhooks/{source}", json=mention, headers={"X-Switchboard-Token": old})
        assert stale.status_code == 401 and stale.json()["detail"]["code"] == "token_mismatch"
        assert (await http.post(f"/api/webhooks/{source}", json=mention,
                                headers={"X-Switchboard-Token": new})).status_code == 201
        assert (await http.patch(f"/api/sources/{source}", json={"enabled": False})).status_code == 200
        later = {**mention, "external_id": mention["external_id"] + "-b"}
        gone = await http.post(f"/api/webhooks/{source}", json=later, headers={"X-Switchboard-Token": new})
        assert gone.status_code == 404 and gone.json()["detail"]["code"] == "unknown_source"


async def test_a_source_changed_by_another_process_is_read_again_after_the_ttl(seeded_engine) -> None:  # type: ignore[no-untyped-def]
    now = [0.0]
    sources = WebhookSources(engine=seeded_engine, keys=TEST_KEYS, ttl=1.0, clock=lambda: now[0])
    assert (await sources.get("twitter")).kind == "webhook"
    with session_scope(seeded_engine) as session:  # as another API process would, behind this one's back
        session.get(Source, "twitter").enabled = False
    try:
        now[0] = 0.9
        assert (await sources.get("twitter")).id == "twitter"  # kept: within the TTL
        now[0] = 1.0
        with pytest.raises(UnknownSource):
            await sources.get("twitter")
        now[0] = 1.5
        with pytest.raises(UnknownSource):  # an unknown source is not kept: read each time
            await sources.get("twitter")
    finally:
        with session_scope(seeded_engine) as session:
            session.get(Source, "twitter").enabled = True
