"""Customers: one person across channels, linked at ingest by handle or email, merged by hand, with a profile."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx

from tests.harness.cases import Stack, api_client, as_user


def mention(author: str, text: str, at: str) -> dict[str, Any]:
    return {"external_id": uuid.uuid4().hex[:12], "author": author, "text": text, "created_at": at}


async def post(http: httpx.AsyncClient, source: str, body: dict[str, Any]) -> dict[str, Any]:
    answer = await http.post(f"/api/webhooks/{source}", json=body)
    assert answer.status_code == 201, answer.text
    return (await http.get(f"/api/mentions/{answer.json()['mention_id']}")).json()


async def test_one_handle_on_two_channels_is_one_customer_with_a_profile(stack: Stack) -> None:
    who = f"@kim{uuid.uuid4().hex[:6]}"
    async with api_client(stack) as http:
        first = await post(http, "twitter", mention(who, "Love the new app, thanks!", "2026-11-20T09:00:00Z"))
        second = await post(http, "instagram", mention(who.upper(), "my order is broken, I want a refund",
                                                       "2026-11-21T10:00:00Z"))
        assert first["customer_id"] and first["customer_id"] == second["customer_id"]
        profile = (await http.get(f"/api/customers/{first['customer_id']}")).json()
        assert sorted((i["source"], i["handle"]) for i in profile["identities"]) == [
            ("instagram", who.upper()), ("twitter", who)]
        assert (profile["conversations"], profile["mentions"], profile["cases"]) == (2, 2, 1)
        assert profile["tags"]["praise"] == 1 and profile["tags"]["billing"] == 1
        trend = {p["day"]: p for p in profile["sentiment_trend"]}
        assert set(trend) == {"2026-11-20", "2026-11-21"}
        assert trend["2026-11-20"]["average"] > 0 > trend["2026-11-21"]["average"]
        assert profile["first_seen_at"].startswith("2026-11-20T09") and profile["last_seen_at"].startswith(
            "2026-11-21T10")
        listed = (await http.get("/api/conversations", params={
            "filter": json.dumps({"customer_id": first["customer_id"]})})).json()
        assert len(listed) == 2


async def test_a_manual_merge_moves_everything_and_is_recorded(stack: Stack) -> None:
    tag = uuid.uuid4().hex[:6]
    async with api_client(stack) as http:
        a = await post(http, "twitter", mention(f"@lee{tag}", "where is my parcel?", "2026-11-20T09:00:00Z"))
        b = await post(http, "facebook", mention(f"Lee Smith {tag}", "still no parcel, help", "2026-11-22T09:00:00Z"))
        assert a["customer_id"] != b["customer_id"]  # different handles: not linked by themselves
        ada, sofia = as_user(stack.engine, "ada"), as_user(stack.engine, "sofia")
        noted = await http.post(f"/api/customers/{b['customer_id']}/notes", json={"text": "prefers DMs"},
                                headers=sofia)
        assert noted.status_code == 200, noted.text
        assert (noted.json()["notes"][0]["text"], noted.json()["notes"][0]["author"]) == ("prefers DMs", "sofia")
        posing = await http.post(f"/api/customers/{b['customer_id']}/notes", json={"author": "ada", "text": "x"},
                                 headers=sofia)
        assert posing.status_code == 422  # the author is whoever is logged in
        assert [e["path"] for e in posing.json()["detail"]["errors"]] == ["author"]

        # Merging is a supervisor's call (customers:merge), recorded under their name.
        not_yours = await http.post(f"/api/customers/{a['customer_id']}/merge", json={"other_id": b["customer_id"]},
                                    headers=ada)
        assert not_yours.status_code == 403 and not_yours.json()["detail"]["code"] == "forbidden"
        by_body = await http.post(f"/api/customers/{a['customer_id']}/merge",
                                  json={"other_id": b["customer_id"], "by": "ada"}, headers=sofia)
        assert by_body.status_code == 422 and [e["path"] for e in by_body.json()["detail"]["errors"]] == ["by"]
        merged = await http.post(f"/api/customers/{a['customer_id']}/merge", json={"other_id": b["customer_id"]},
                                 headers=sofia)
        assert merged.status_code == 200, merged.text
        body = merged.json()
        assert len(body["identities"]) == 2 and body["mentions"] == 2 and body["conversations"] == 2
        assert [(n["kind"], n["author"]) for n in body["notes"]] == [("note", "sofia"), ("merge", "sofia")]
        moved = (await http.get(f"/api/mentions/{b['id']}")).json()
        assert moved["customer_id"] == a["customer_id"]
        gone = (await http.get(f"/api/customers/{b['customer_id']}")).json()
        assert gone["merged_into"] == a["customer_id"] and gone["identities"] == []
        ids = [c["id"] for c in (await http.get("/api/customers", params={"range": "[0,999]"})).json()]
        assert a["customer_id"] in ids and b["customer_id"] not in ids
        by_id = (await http.get("/api/customers", params={"filter": json.dumps({"id": [b["customer_id"]]})})).json()
        assert [c["merged_into"] for c in by_id] == [a["customer_id"]]  # a reference to it still resolves

        # A later mention from the merged identity lands on the kept customer.
        later = await post(http, "facebook", mention(f"Lee Smith {tag}", "got it, thanks", "2026-11-23T09:00:00Z"))
        assert later["customer_id"] == a["customer_id"]

        again = await http.post(f"/api/customers/{a['customer_id']}/merge", json={"other_id": b["customer_id"]},
                                headers=sofia)
        assert again.status_code == 409 and again.json()["detail"]["code"] == "already_merged"
        itself = await http.post(f"/api/customers/{a['customer_id']}/merge", json={"other_id": a["customer_id"]},
                                 headers=sofia)
        assert itself.status_code == 400
        missing = await http.post("/api/customers/nobody/merge", json={"other_id": a["customer_id"]}, headers=sofia)
        assert missing.status_code == 404


async def test_email_addresses_link_across_sources(stack: Stack) -> None:
    address = f"Pat.{uuid.uuid4().hex[:6]}@Example.com"
    async with api_client(stack) as http:
        web = await post(http, "facebook", mention(address, "a question about invoices?", "2026-11-20T09:00:00Z"))
        mail = await post(http, "twitter", mention(address.lower(), "following up", "2026-11-20T12:00:00Z"))
        assert web["customer_id"] == mail["customer_id"]


async def test_the_profile_carries_what_the_case_panel_shows(stack: Stack) -> None:
    who = f"@pat{uuid.uuid4().hex[:6]}"
    async with api_client(stack) as http:
        calm = mention(who, "Love the new app, thanks!", "2026-11-20T09:00:00Z")
        angry = {**mention(who, "my order is broken, I want a refund", "2026-11-21T10:00:00Z"),
                 "author_followers": 41_200, "author_verified": True}
        first = await post(http, "twitter", calm)
        second = await post(http, "instagram", angry)
        profile = (await http.get(f"/api/customers/{first['customer_id']}")).json()
        assert (profile["followers"], profile["verified"], profile["vip"]) == (41_200, True, False)
        assert [(m["id"], m["source"]) for m in profile["recent_mentions"]] == [
            (second["id"], "instagram"), (first["id"], "twitter")]  # newest first
        sentiments = [m["sentiment"] for m in profile["recent_mentions"]]
        assert sentiments[0] < 0 < sentiments[1]
        assert profile["recent_mentions"][0]["case_id"] == second["case_id"]
        assert [c["id"] for c in profile["past_cases"]] == [second["case_id"]]
        assert profile["past_cases"][0]["status"] in ("open", "assigned")
        assert profile["past_cases"][0]["conversation_id"] == second["conversation_id"]
        conversations = {c["id"]: c for c in profile["past_conversations"]}
        assert set(conversations) == {first["conversation_id"], second["conversation_id"]}
        assert conversations[second["conversation_id"]]["status"] == profile["past_cases"][0]["status"]
        assert conversations[first["conversation_id"]]["status"] is None  # praise opened no case
