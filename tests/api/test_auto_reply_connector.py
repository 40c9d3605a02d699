"""An auto-reply through a real connector: the Mastodon client under test against a local server speaking
Mastodon's REST API (tests/harness/fake_social.py), on the dev server, as an ops lead sets it up through the API."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx

from tests.harness.cases import Stack, api_client, eventually
from tests.harness.fake_social import TOKEN, FakeServer
from tests.workflows.test_case_auto_reply import with_auto_reply


async def _timeline(http: httpx.AsyncClient, mention_id: str, kind: str) -> tuple[dict[str, Any], list] | None:
    mention = (await http.get(f"/api/mentions/{mention_id}")).json()
    if not mention.get("case_id"):
        return None
    events = (await http.get("/api/case_events", params={"filter": json.dumps({"case_id": mention["case_id"]})})).json()
    found = [event for event in events if event["kind"] == kind]
    return ((await http.get(f"/api/cases/{mention['case_id']}")).json(), found) if found else None


async def test_a_mastodon_mention_is_auto_replied_once_through_the_mastodon_api(stack: Stack) -> None:
    with_auto_reply(stack.engine)  # billing mentions get the canned reply "billing-received"
    source = f"t{uuid.uuid4().hex[:8]}"
    with FakeServer() as fake:
        fake.add_mention(301, "I was charged twice for my order, please refund", acct="dana@example.social")
        async with api_client(stack) as http:
            made = await http.post("/api/sources", json={"id": source, "kind": "mastodon", "config": {
                "base_url": fake.base_url, "access_token": TOKEN, "poll_seconds": 3600}})
            assert made.status_code == 201, made.text
            case, [auto] = await eventually(lambda: _timeline(http, f"{source}:301", "auto_replied"),
                                            what="the auto-reply", timeout=30)
            # One status, answering the mention, its Idempotency-Key the auto-reply's id (retries send no other),
            # its text the canned reply's with the variables filled.
            [posted] = fake.posted
            assert (posted["in_reply_to_id"], posted["idempotency_key"]) == ("301", f"auto-{case['id']}")
            assert posted["status"].endswith(f"billing question ({case['id']}) and will answer soon. "
                                              "the support team")
            assert auto["actor"] == "system" and auto["detail"]["mention_id"] == f"{source}:900000"
            assert (case["auto_reply_id"], case["reply_count"], case["first_response_at"]) == (
                "billing-received", 0, None)
            stored = (await http.get(f"/api/mentions/{source}:900000")).json()
            assert (stored["direction"], stored["author"], stored["case_id"]) == ("outbound", "system", case["id"])
