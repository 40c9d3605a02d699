"""Sources through the API: config checked and secrets hidden; polling connectors on Temporal Schedules
(real dev server) against local servers speaking RSS and Mastodon's REST API; cursors, pages and health."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
from temporalio.client import WorkflowExecutionStatus

from api.connectors.schedules import schedule_id
from engine.messages import PollPage
from store.connector_config import open_secrets
from store.db import session_scope
from store.sources import Source
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
        assert unknown.status_code == 422 and unknown.json()["detail"]["path"] == "kind"
        assert "'webhook', 'rss', 'mastodon', 'email' or 'file'" in unknown.json()["detail"]["message"]
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
        # A config of another kind, or a config of no kind: this source's state is what the first conflicts with.
        other = await http.patch(f"/api/sources/{source}", json={"config": {"url": "http://x.example/feed"}})
        assert other.status_code == 409 and other.json()["detail"]["code"] == "config_conflict"
        assert "this is a mastodon source" in other.json()["detail"]["message"]
        nothing = await http.patch(f"/api/sources/{source}", json={"config": {"url": 5}})
        assert nothing.status_code == 422 and nothing.json()["detail"]["code"] == "invalid_config"


async def test_a_config_is_checked_against_what_the_document_says_of_its_kind(stack: Stack) -> None:
    async with api_client(stack) as http:
        for kind, config, path in (
                ("mastodon", {"base_url": "https://social.example", "access_token": "********"}, "config.access_token"),
                ("webhook", {"token_digest": "0" * 64}, "config.token_digest"),
                ("rss", {"url": "http://1.2.3.4.5/feed"}, "config.url"),  # a name ending in a number
                ("rss", {"url": "https://example.com/?q='x'"}, "config.url"),  # a URL stores it escaped
                ("rss", {"url": "https://example.com/feed", "poll_seconds": "60"}, "config.poll_seconds"),
                ("email", {"imap_host": "imap.example", "username": "u", "password": "p", "smtp_host": "smtp.example",
                           "from_address": "care@example.com", "allow_insecure": 1}, "config.allow_insecure")):
            refused = await http.post("/api/sources", json={"id": name(), "kind": kind, "config": config})
            assert refused.status_code == 422 and refused.json()["detail"]["path"] == path, refused.text
        source = name()
        made = await http.post("/api/sources", json={"id": source, "kind": "rss", "enabled": False, "config": {
            "url": "https://user:pw@feeds.example:8443/feed.xml?lang=en", "poll_seconds": 60.0}})
        assert made.status_code == 201, made.text
        assert made.json()["config"] == {"url": "https://user:pw@feeds.example:8443/feed.xml?lang=en",
                                         "poll_seconds": 60}
        assert (await http.post(f"/api/sources/{source}/poll")).status_code == 409  # disabled


async def test_an_rss_feed_is_polled_on_its_schedule_and_asks_again_with_its_validators(stack: Stack) -> None:
    source = name()
    with FakeServer() as fake:
        fake.add_feed_item("r1", "Is the shop down? I cannot pay", minutes=0)
        fake.add_feed_item("r2", "Lovely service, thanks", minutes=5)
        async with api_client(stack) as http:
            # Polls only when asked (a daily interval ticks at 00:00 UTC), so the requests below are ours in order.
            made = await http.post("/api/sources", json={"id": source, "kind": "rss", "config": {
                "url": f"{fake.base_url}/feed.xml", "poll_seconds": 86_400}})
            assert made.status_code == 201, made.text
            stored = await eventually(lambda: _at_least(http, source, 2), what="the first poll", timeout=30)
            assert sorted(m["external_id"] for m in stored) == ["r1", "r2"]
            question = next(m for m in stored if m["external_id"] == "r1")
            assert question["author"] == "fan@example.com (Fan)" and question["needs_response"] is True
            await eventually(lambda: _case_of(http, f"{source}:r1"), what="a case for the question", timeout=30)
            health = (await http.get(f"/api/sources/{source}")).json()
            assert health["healthy"] and health["last_error"] is None and "etag" in health["cursor"]
            [first] = fake.asked_for("/feed.xml")
            assert first.status == 200 and not {"if-none-match", "if-modified-since"} & first.headers.keys()
            validators = {"if-none-match": first.answered["ETag"], "if-modified-since": first.answered["Last-Modified"]}

            # Unchanged: the poll sends the validators the first answer gave, and the 304 brings no mentions.
            assert (await http.post(f"/api/sources/{source}/poll")).status_code == 202
            polls = await eventually(lambda: _polls(stack, source, 2), what="a second poll", timeout=30)
            second = fake.asked_for("/feed.xml")[1]
            assert {header: second.headers.get(header) for header in validators} == validators and second.status == 304
            assert (polls[1].fetched, polls[1].stored, polls[1].duplicates) == (0, 0, 0)
            assert (await http.get(f"/api/sources/{source}")).json()["cursor"] == health["cursor"]

            # Changed: the same validators again (a 304 keeps the cursor), a 200, and the new entry only.
            fake.add_feed_item("r3", "Where is my refund?", minutes=9)
            assert (await http.post(f"/api/sources/{source}/poll")).status_code == 202
            polls = await eventually(lambda: _polls(stack, source, 3), what="a third poll", timeout=30)
            third = fake.asked_for("/feed.xml")[2]
            assert {header: third.headers.get(header) for header in validators} == validators and third.status == 200
            assert (polls[2].fetched, polls[2].stored, polls[2].duplicates) == (3, 1, 2)
            stored = await eventually(lambda: _at_least(http, source, 3), what="the new entry", timeout=30)
            assert sorted(m["external_id"] for m in stored) == ["r1", "r2", "r3"]  # each stored once
            cursor = json.loads((await http.get(f"/api/sources/{source}")).json()["cursor"])
            assert cursor == {"etag": third.answered["ETag"], "modified": third.answered["Last-Modified"]}
            assert cursor["etag"] != validators["if-none-match"]  # the next poll asks with the new feed's validators


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
            agent = as_user(stack.engine, case["assignee_id"])
            # The reply's update answers once the send is done; the same request again (a client retrying) sends
            # nothing more. The stand-in keeps every POST, so a second one would show here.
            reply = {"reply_id": str(uuid.uuid4()), "text": "Sorry! Sending a new one today."}
            for _ in range(2):
                replied = await http.post(f"/api/cases/{case['id']}/replies", json=reply, headers=agent)
                assert replied.status_code == 200, replied.text
            assert [(p["status"], p["in_reply_to_id"], p["idempotency_key"]) for p in fake.posted] == [
                (reply["text"], "120", reply["reply_id"])]
            outbound = await eventually(lambda: _outbound(http, case["id"]), what="the reply stored", timeout=30)
            assert [m["external_id"] for m in outbound] == ["900000"]  # the id Mastodon gave it

            # A send whose answer is lost (Mastodon made the status, a proxy answered 502) is retried by its
            # activity with the same Idempotency-Key, which Mastodon answers with the status it made: one status.
            fake.lose_status_answers = 1
            again = {"reply_id": str(uuid.uuid4()), "text": "Your tracking number follows by email."}
            replied = await http.post(f"/api/cases/{case['id']}/replies", json=again, headers=agent)
            assert replied.status_code == 200, replied.text
            sends = [r for r in fake.received if r.path == "/api/v1/statuses"]
            assert [(r.status, r.headers.get("idempotency-key")) for r in sends] == [
                (200, reply["reply_id"]), (502, again["reply_id"]), (200, again["reply_id"])]
            assert fake.posted[1] == fake.posted[2]  # the retry is the same request
            assert [(s["id"], s["content"]) for s in fake.statuses] == [
                ("900000", reply["text"]), ("900001", again["text"])]
            outbound = await eventually(lambda: _outbound(http, case["id"], count=2), what="both replies stored",
                                        timeout=30)
            assert sorted(m["external_id"] for m in outbound) == ["900000", "900001"]


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


async def _outbound(http: httpx.AsyncClient, case_id: str, count: int = 1) -> list[dict[str, Any]] | None:
    rows = (await http.get("/api/mentions", params={"filter": json.dumps(
        {"case_id": case_id, "direction": "outbound"})})).json()
    return rows if len(rows) >= count else None


async def _health(http: httpx.AsyncClient, source: str, *, healthy: bool) -> dict[str, Any] | None:
    row = (await http.get(f"/api/sources/{source}")).json()
    return row if row["healthy"] is healthy and row["last_polled_at"] else None


async def _polls(stack: Stack, source: str, count: int) -> list[PollPage] | None:
    """What the source's first `count` polls did, once they have all finished."""
    described = await stack.client.get_schedule_handle(schedule_id(source)).describe()
    started = described.info.recent_actions[:count]  # oldest first
    if len(started) < count:
        return None
    handles = [stack.client.get_workflow_handle(a.action.workflow_id, run_id=a.action.first_execution_run_id,
                                                result_type=PollPage) for a in started]
    for handle in handles:
        if (await handle.describe()).status != WorkflowExecutionStatus.COMPLETED:
            return None
    return [await handle.result() for handle in handles]


def test_the_mastodon_connector_looks_up_an_author_profile() -> None:
    """The connector interface's author lookup, against the local Mastodon stand-in."""
    from activities.connectors.mastodon import MastodonConnector
    from activities.connectors.netguard import NetGuard
    from store.connector_config import MastodonConfig

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
