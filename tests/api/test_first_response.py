"""A conversation's first response on the read side (issue 16): from its first inbound mention needing a
response, never from the brand's own post that started it, however the export's rows fall into batches.

History goes in through the import endpoint that `switchboard import --replay` posts to, on SQLite and
PostgreSQL; the conversation list (and the customer page, which lists the customer's conversations through it)
shows what ingest measured.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.harness.cases import api_client

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
BILLING = "I was charged twice for my order, please refund"  # the demo flow: needs a response
PRAISE = "Love the new app, thanks!"  # needs none
BRAND = "@acme"


def iso(minutes: float) -> str:
    """How the API writes an instant."""
    return (T0 + timedelta(minutes=minutes)).isoformat().replace("+00:00", "Z")


def row(external_id: str, minutes: float, text: str, *, author: str, reply_to: str | None = None,
        outbound: bool = False) -> dict[str, Any]:
    return {"external_id": external_id, "author": author, "text": text, "reply_to_id": reply_to,
            "created_at": (T0 + timedelta(minutes=minutes)).isoformat(),
            "direction": "outbound" if outbound else "inbound"}


async def take_in(http: httpx.AsyncClient, *batches: list[dict[str, Any]]) -> None:
    for batch in batches:
        answer = await http.post("/api/sources/twitter/imports", json={"mentions": batch, "replay": True})
        assert answer.status_code == 200 and not answer.json()["rejected"], answer.text


async def conversation(http: httpx.AsyncClient, conversation_id: str) -> dict[str, Any]:
    answer = await http.get(f"/api/conversations/{conversation_id}")
    assert answer.status_code == 200, answer.text
    return answer.json()


def announcement(run: str, customer: str) -> tuple[dict, dict, dict]:
    """Our post at 9:00, the customer's complaint under it at 9:10, our answer at 9:15."""
    return (row(f"{run}-post", 0, "Our new plan is out today!", author=BRAND, outbound=True),
            row(f"{run}-q", 10, BILLING, author=customer, reply_to=f"{run}-post"),
            row(f"{run}-a", 15, "Sorry! DM us your order number", author=BRAND, reply_to=f"{run}-q", outbound=True))


async def test_a_thread_under_our_announcement_measures_from_the_customers_mention(stack) -> None:  # type: ignore[no-untyped-def]
    async with api_client(stack) as http:
        runs = {}
        for layout in ("one batch", "row by row", "our rows first"):
            run, customer = uuid.uuid4().hex[:8], f"@cust-{uuid.uuid4().hex[:6]}"
            post, question, answer = announcement(run, customer)
            batches = {"one batch": [[post, question, answer]], "row by row": [[post], [question], [answer]],
                       # the export's brand rows came first: our answer (under our post) is stored before the
                       # customer's mention it answers
                       "our rows first": [[post, {**answer, "reply_to_id": post["external_id"]}], [question]]}[layout]
            await take_in(http, *batches)
            runs[layout] = (run, customer)
            got = await conversation(http, f"twitter:{run}-post")
            assert got["first_at"] == iso(0)  # the conversation starts with our post...
            # ...and waits from the customer's mention: 5 minutes, not 15.
            assert (got["first_response_from"], got["first_response_at"], got["first_response_seconds"]) == (
                iso(10), iso(15), 300.0), layout
            assert (got["inbound_count"], got["outbound_count"], got["actionable"]) == (1, 2, True)

        # The conversation list (and so the customer's page) shows the same.
        run, customer = runs["row by row"]
        listed = await http.get("/api/conversations", params={"filter": json.dumps({"customer": customer})})
        assert [(c["id"], c["first_response_seconds"]) for c in listed.json()] == [(f"twitter:{run}-post", 300.0)]


async def test_praise_answered_then_a_complaint_measures_from_the_complaint(stack) -> None:  # type: ignore[no-untyped-def]
    run, customer = uuid.uuid4().hex[:8], f"@cust-{uuid.uuid4().hex[:6]}"
    async with api_client(stack) as http:
        await take_in(http, [row(f"{run}-p", 0, PRAISE, author=customer),
                             row(f"{run}-thx", 2, "Thank you!", author=BRAND, reply_to=f"{run}-p", outbound=True)])
        praised = await conversation(http, f"twitter:{run}-p")
        # Nothing needed a response yet: the thank-you is measured from the praise.
        assert (praised["first_response_seconds"], praised["actionable"]) == (120.0, False)

        await take_in(http, [row(f"{run}-q", 20, BILLING, author=customer, reply_to=f"{run}-p")])
        waiting = await conversation(http, f"twitter:{run}-p")
        # The complaint needs a response: the clock moves to it, and the thank-you before it is no answer.
        assert waiting["first_response_from"] == iso(20)
        assert (waiting["first_response_at"], waiting["first_response_seconds"], waiting["actionable"]) == (
            None, None, True)

        await take_in(http, [row(f"{run}-a", 26, "On it", author=BRAND, reply_to=f"{run}-q", outbound=True)])
        answered = await conversation(http, f"twitter:{run}-p")
        assert answered["first_response_seconds"] == 360.0


async def test_our_posts_with_no_customer_have_no_first_response(stack) -> None:  # type: ignore[no-untyped-def]
    run = uuid.uuid4().hex[:8]
    async with api_client(stack) as http:
        await take_in(http, [row(f"{run}-post", 0, "Maintenance tonight", author=BRAND, outbound=True),
                             row(f"{run}-more", 5, "Done!", author=BRAND, reply_to=f"{run}-post", outbound=True)])
        got = await conversation(http, f"twitter:{run}-post")
    assert (got["first_response_from"], got["first_response_at"], got["first_response_seconds"]) == (None, None, None)
