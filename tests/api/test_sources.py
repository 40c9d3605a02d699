"""Sources through the API: config checked and secrets hidden; polling connectors on Temporal Schedules
(real dev server) against local servers speaking RSS and Mastodon's REST API; cursors, pages and health."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx

from api.connectors.config import open_secrets
from api.db import session_scope
from api.sources import Source
from tests.harness.cases import LOOPBACK, TEST_KEYS, Stack, api_client, as_user, eventually
from tests.harness.fake_social import TOKEN, FakeServer


def name() -> str:
    return f"t{uuid.uuid4().hex[:8]}"  # schedules and workflows outlive a test on the shared dev server


async def mentions_of(http: httpx.AsyncClient, source: str) -> list[dict[str, Any]]:
    answer = await http.get("/api/mentions", params={"filter": json.dumps({"source": source}), "range": "[0,499]"})
    return answer.json()


async def test_configs_are_checked_and_secrets_never_come_back(stack: Stack) -> None:
    source = name()
    async with api_client(stack) as http:
        bad = await http.post("/api/sources", json={"id": source, "kind": "rss", "config": {"url": "not a url"}})
        assert bad.status_code == 422 and bad.json()["detail"]["path"] == "config.url"
        unknown = await http.post("/api/sources", json={"id": source, "kind": "myspace"})
        assert unknown.status_code == 422 and "kinds are webhook, rss, mastodon, email, file" in unknown.text
        mapping = await http.post("/api/sources", json={"id": source, "kind": "webhook",
                                                        "config": {"mapping": {"txt": "body"}}})
        assert mapping.status_code == 422 and "unknown field(s) txt" in mapping.text

        made = await http.post("/api/sources", json={"id": source, "kind": "mastodon", "enabled": False, "config": {
            "base_url": "http://127.0.0.1:9", "access_token": "s3cret-token"}})
        assert made.status_code == 201, made.text
        assert made.json()["config"]["access_token"] == "********" and "s3cret" not in made.text
        assert "s3cret" not in (await http.get(f"/api/sources/{source}")).text
        assert "s3cret" not in (await http.get("/api/sources")).text
        # Sending the mask back keeps the stored secret; a new value replaces it.
        kept = await http.patch(f"/api/sources/{source}", json={"config": {
            "base_url": "http://127.0.0.1:9", "access_token": "********", "poll_seconds": 30}})
        assert kept.status_code == 200, kept.text
        with session_scope(stack.engine, write=False) as session:
            at_rest = session.get(Source, source).config
        assert "s3cret" not in json.dumps(at_rest)  # sealed at rest
        assert open_secrets("mastodon", at_rest, TEST_KEYS)["access_token"] == "s3cret-token"
        twice = await http.post("/api/sources", json={"id": source, "kind": "rss",
                                                      "config": {"url": "http://x.example/feed"}})
        assert twice.status_code == 409
        assert (await http.post(f"/api/sources/{source}/poll")).status_code == 409  # disabled


async def test_an_rss_feed_is_polled_on_its_schedule_and_asks_again_with_its_validators(stack: Stack) -> None:
    source = name()
    with FakeServer() as fake:
        fake.add_feed_item("r1", "Is the shop down? I cannot pay", minutes=0)
        fake.add_feed_item("r2", "Lovely service, thanks", minutes=5)
        async with api_client(stack) as http:
            made = await http.post("/api/sources", json={"id": source, "kind": "rss", "config": {
                "url": f"{fake.base_url}/feed.xml", "poll_seconds": 3600}})
            assert made.status_code == 201, made.text
            stored = await eventually(lambda: _at_least(http, source, 2), what="the first poll", timeout=30)
            assert sorted(m["external_id"] for m in stored) == ["r1", "r2"]
            question = next(m for m in stored if m["external_id"] == "r1")
            assert question["author"] == "fan@example.com (Fan)" and question["needs_response"] is True
            await eventually(lambda: _case_of(http, f"{source}:r1"), what="a case for the question", timeout=30)
            health = (await http.get(f"/api/sources/{source}")).json()
            assert health["healthy"] and health["last_error"] is None and "etag" in health["cursor"]

            requests = len(fake.requests)
            assert (await http.post(f"/api/sources/{source}/poll")).status_code == 202
            await eventually(lambda: _polled_since(fake, requests), what="a second poll", timeout=30)
            fake.add_feed_item("r3", "Where is my refund?", minutes=9)
            assert (await http.post(f"/api/sources/{source}/poll")).status_code == 202
            stored = await eventually(lambda: _at_least(http, source, 3), what="the new entry", timeout=30)
            assert sorted(m["external_id"] for m in stored) == ["r1", "r2", "r3"]  # each stored once


async def test_mastodon_mentions_page_forward_from_the_cursor_and_replies_go_out_once(stack: Stack) -> None:
    source = name()
    with FakeServer() as fake:
        for ident in (101, 102, 103):
            fake.add_mention(ident, "hello there", acct=f"fan{ident}@example.social")
        async with api_client(stack) as http:
            made = await http.post("/api/sources", json={"id": source, "kind": "mastodon", "config": {
                "base_url": fake.base_url, "access_token": TOKEN, "poll_seconds": 3600}})
            assert made.status_code == 201, made.text
            await eventually(lambda: _at_least(http, source, 3), what="the first page", timeout=30)
            assert (await http.get(f"/api/sources/{source}")).json()["cursor"] == "103"
            # 45 more: two pages (40 + 5), oldest first, nothing skipped, nothing twice.
            for ident in range(104, 149):
                fake.add_mention(ident, "my order 42 never came, can you help?" if ident == 120 else "hi",
                                 acct=f"fan{ident}@example.social", followers=50_000 if ident == 120 else 3)
            assert (await http.post(f"/api/sources/{source}/poll")).status_code == 202
            stored = await eventually(lambda: _at_least(http, source, 48), what="both pages", timeout=30)
            assert sorted(int(m["external_id"]) for m in stored) == list(range(101, 149))
            assert (await http.get(f"/api/sources/{source}")).json()["cursor"] == "148"
            asks = [r for r in fake.requests if "notifications" in r]
            assert any("min_id=103" in r for r in asks) and any("min_id=143" in r for r in asks)
            help_request = next(m for m in stored if m["external_id"] == "120")
            assert help_request["author"] == "@fan120@example.social" and help_request["text"].startswith("@acme my")
            assert "influencer" in help_request["tags"]

            case = await eventually(lambda: _case_of(http, f"{source}:120", status="assigned"),
                                    what="an assigned case", timeout=30)
            replied = await http.post(f"/api/cases/{case['id']}/replies", json={
                "text": "Sorry! Sending a new one today."}, headers=as_user(stack.engine, case["assignee_id"]))
            assert replied.status_code == 200, replied.text
            await eventually(lambda: fake.posted, what="the status posted", timeout=30)
            assert [(p["status"], p["in_reply_to_id"]) for p in fake.posted] == [
                ("Sorry! Sending a new one today.", "120")]
            outbound = await eventually(lambda: _outbound(http, case["id"]), what="the reply stored", timeout=30)
            assert outbound[0]["external_id"] == "900000"  # the id Mastodon gave it


async def test_a_failing_source_turns_unhealthy_and_resumes_from_its_cursor(stack: Stack) -> None:
    source = name()
    with FakeServer() as fake:
        fake.add_mention(201, "first")
        async with api_client(stack) as http:
            made = await http.post("/api/sources", json={"id": source, "kind": "mastodon", "config": {
                "base_url": fake.base_url, "access_token": TOKEN, "poll_seconds": 3600}})
            assert made.status_code == 201, made.text
            await eventually(lambda: _at_least(http, source, 1), what="the first poll", timeout=30)

            fake.fail_with = 503
            fake.add_mention(202, "second")
            assert (await http.post(f"/api/sources/{source}/poll")).status_code == 202
            sick = await eventually(lambda: _health(http, source, healthy=False), what="unhealthy", timeout=30)
            assert "503" in sick["last_error"] and sick["consecutive_failures"] >= 1 and sick["cursor"] == "201"

            fake.fail_with = None  # back: the same poll's retry (backoff) picks up where it stopped
            stored = await eventually(lambda: _at_least(http, source, 2), what="the mention after the outage",
                                      timeout=45)
            assert sorted(m["external_id"] for m in stored) == ["201", "202"]
            well = await eventually(lambda: _health(http, source, healthy=True), what="healthy again", timeout=30)
            assert well["consecutive_failures"] == 0 and well["cursor"] == "202"

            fake.fail_with = 401  # a revoked token: no retrying, the reason shown
            assert (await http.post(f"/api/sources/{source}/poll")).status_code == 202
            refused = await eventually(lambda: _health(http, source, healthy=False), what="refused", timeout=30)
            assert "refused the access token" in refused["last_error"]



async def _at_least(http: httpx.AsyncClient, source: str, count: int) -> list[dict[str, Any]] | None:
    rows = [m for m in await mentions_of(http, source) if m["direction"] == "inbound"]
    return rows if len(rows) >= count else None


async def _case_of(http: httpx.AsyncClient, mention_id: str, **expected: Any) -> dict[str, Any] | None:
    mention = (await http.get(f"/api/mentions/{mention_id}")).json()
    if not mention.get("case_id"):
        return None
    case = (await http.get(f"/api/cases/{mention['case_id']}")).json()
    return case if all(case.get(k) == v for k, v in expected.items()) else None


async def _outbound(http: httpx.AsyncClient, case_id: str) -> list[dict[str, Any]] | None:
    rows = (await http.get("/api/mentions", params={"filter": json.dumps(
        {"case_id": case_id, "direction": "outbound"})})).json()
    return rows or None


async def _health(http: httpx.AsyncClient, source: str, *, healthy: bool) -> dict[str, Any] | None:
    row = (await http.get(f"/api/sources/{source}")).json()
    return row if row["healthy"] is healthy and row["last_polled_at"] else None


async def _polled_since(fake: Any, count: int) -> bool:
    return len(fake.requests) > count


def test_the_mastodon_connector_looks_up_an_author_profile() -> None:
    """The connector interface's author lookup, against the local Mastodon stand-in."""
    from activities.mastodon import MastodonConnector
    from activities.netguard import NetGuard
    from api.connectors.config import MastodonConfig

    with FakeServer() as fake:
        connector = MastodonConnector(guard=NetGuard(LOOPBACK))  # the stand-in is local: allow-listed, as in the worker
        source = Source(id="m", kind="mastodon")
        found = connector.lookup_author(source=source, config=MastodonConfig(base_url=fake.base_url,
                                                                             access_token=TOKEN), handle="@pat")
        assert found is not None and (found.handle, found.followers) == ("@pat", 4200)
        assert "GET /api/v1/accounts/lookup?acct=pat" in fake.requests
        refused = connector.lookup_author(source=source, config=MastodonConfig(base_url=fake.base_url,
                                                                               access_token="wrong"), handle="@pat")
        assert refused is None  # a failed lookup leaves the profile as the mention gave it
