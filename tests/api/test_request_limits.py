"""Limits met before a route reads a request: JSON only, body size caps, and rates with Retry-After."""

from __future__ import annotations

import pytest

from api.security.ratelimit import RateLimiter
from tests.harness.cases import Stack, api_client

SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def test_a_bucket_refills_at_its_rate() -> None:
    limiter = RateLimiter(per_second=2, burst=3, what="things")
    assert [limiter.wait_for("a", now=100.0) for _ in range(3)] == [0, 0, 0]
    assert limiter.wait_for("a", now=100.0) == pytest.approx(0.5)
    assert limiter.wait_for("b", now=100.0) == 0  # each key has its own bucket
    assert limiter.wait_for("a", now=100.5) == 0  # half a second later: one token back


@SQLITE
async def test_bodies_must_be_json_and_within_their_cap(stack: Stack) -> None:
    async with api_client(stack) as http:
        form = await http.post("/api/webhooks/twitter", content=b'{"text": "x"}',
                               headers={"content-type": "text/plain"})  # a cross-site form can send this
        assert form.status_code == 415 and form.json()["detail"]["code"] == "not_json"
        none = await http.post("/api/cases/x/notes", content=b'{"text": "x"}', headers={"content-type": ""})
        assert none.status_code == 415
        huge = b'{"text": "' + b"x" * (300 * 1024) + b'"}'
        declared = await http.post("/api/webhooks/twitter", content=huge, headers={"content-type": "application/json"})
        assert declared.status_code == 413 and "262,144 bytes" in declared.json()["detail"]["message"]

        async def chunks():  # no Content-Length: the cap is enforced as the body streams in
            for _ in range(40):
                yield b"x" * 8192

        streamed = await http.post("/api/webhooks/twitter", content=chunks(),
                                   headers={"content-type": "application/json"})
        assert streamed.status_code == 413 and streamed.json()["detail"]["code"] == "too_large"
        big_note = await http.post("/api/customers/x/notes", content=b'{"text": "' + b"y" * (2 * 1024 * 1024) + b'"}',
                                   headers={"content-type": "application/json"})
        assert big_note.status_code == 413  # every route has a cap, 1 MiB by default


@SQLITE
async def test_logins_from_one_address_are_rate_limited(stack: Stack) -> None:
    async with api_client(stack, user=None, login_per_minute=3) as http:
        answers = [await http.post("/api/auth/login", json={"email": f"u{i}@example.com", "password": "x"})
                   for i in range(6)]
        assert [a.status_code for a in answers[:3]] == [401] * 3  # a burst of the minute's allowance
        # One token comes back every 20 s: however slow the machine, the next three cannot all get one.
        limited = [a for a in answers[3:] if a.status_code == 429]
        assert limited and limited[0].json()["detail"]["code"] == "rate_limited"
        assert 1 <= int(limited[0].headers["retry-after"]) <= 20


@SQLITE
async def test_every_refusal_has_one_shape_naming_the_field(stack: Stack) -> None:
    async with api_client(stack) as http:
        bad = await http.post("/api/users", json={"email": "not an email", "role": "king", "password": "x"})
        detail = bad.json()["detail"]
        assert bad.status_code == 422 and detail["code"] == "invalid_request"
        assert {e["path"] for e in detail["errors"]} == {"email", "role"}
        assert detail["message"].startswith(f"{detail['path']}: ")
        broken = await http.post("/api/auth/login", content=b'{"email": ', headers={"content-type": "application/json"})
        assert broken.status_code == 422 and "not valid JSON" in broken.json()["detail"]["message"]
        nowhere = await http.get("/api/no-such-thing")
        assert nowhere.status_code == 404 and nowhere.json()["detail"]["code"] == "not_found"
        wrong = await http.put("/api/users")
        assert wrong.status_code == 405 and wrong.headers["allow"] == "GET, POST"
        assert wrong.json()["detail"]["code"] == "method_not_allowed"


@pytest.mark.parametrize("database_url", ["sqlite", "postgresql"], indirect=True)
async def test_text_with_a_nul_character_is_refused_on_every_database(stack: Stack) -> None:
    """PostgreSQL's text cannot hold U+0000: a body, a path or a query string holding one is refused the same
    way on both."""
    async with api_client(stack) as http:
        expert = {"id": "nul1", "name": "A\u0000B", "email": "a@example.com", "department": "Legal",
                  "response_seconds": 3600}
        body = await http.post("/api/experts", json=expert)
        assert body.status_code == 422 and body.json()["detail"]["code"] == "nul_character", body.text
        assert "\\u0000" in body.json()["detail"]["message"]

        async def split():  # the escape arrives cut in two
            yield b'{"id": "nul2", "name": "A\\u00'
            yield b'00B", "email": "a@example.com", "department": "Legal", "response_seconds": 3600}'

        streamed = await http.post("/api/experts", content=split(), headers={"content-type": "application/json"})
        assert streamed.status_code == 422 and streamed.json()["detail"]["code"] == "nul_character"
        escaped = await http.post("/api/experts", json={**expert, "id": "nul3", "name": "A\\u0000B"})
        assert escaped.status_code == 201, escaped.text  # a backslash, then "u0000": plain text
        assert (await http.get("/api/experts/nul3")).json()["name"] == "A\\u0000B"
        path = await http.get("/api/cases/a%00b")
        assert path.status_code == 404 and path.json()["detail"]["code"] == "not_found"
        assert (await http.get("/api/experts", params={"filter": '{"q": "a\\u0000"}'})).status_code == 400
        query = await http.get("/api/inbox", params={"view": "a\u0000b"})  # a query string's %00, on any route
        assert query.status_code == 422 and query.json()["detail"] == {
            "code": "nul_character", "path": "query",
            "message": "the query string holds the NUL character (%00), which no text here may hold; remove it"}
        assert [e["id"] for e in (await http.get("/api/experts")).json()].count("nul1") == 0
