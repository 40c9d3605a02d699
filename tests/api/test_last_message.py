"""A case list's last message: the newest mention of each case's conversation, either way, cut for a list, read
in one query whatever the page size."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session

from engine.models import Direction
from store.cases import Case
from store.last_messages import preview
from store.mentions import Mention
from tests.harness.cases import Stack, api_client, as_user, case_where, eventually, only_online

COMPLAINT = "@acme I was charged twice for my order, I need a refund"
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LONG = ("My order arrived broken and the replacement you sent is broken as well, so now I have two broken "
        "kettles, no refund and a support line that keeps me waiting for forty minutes every time I call")


def _seed(engine: Engine, cases: int, *, mentions: dict[int, list[tuple[str, Direction, str]]]) -> list[str]:
    """`cases` case rows (conversation `lm:i`), and for case i its mentions (text, direction, author), a minute
    apart in order."""
    with Session(engine) as session:
        for i in range(cases):
            session.add(Case(id=f"lm-{i:02}", workflow_id=f"case-lm:{i}", conversation_id=f"lm:{i}", source="twitter",
                             subject=f"subject {i}", author="@someone", opened_at=T0 + timedelta(minutes=i),
                             updated_at=T0, flow_version="v1"))
            for n, (text, direction, author) in enumerate(mentions.get(i, [])):
                at = T0 + timedelta(minutes=n)
                session.add(Mention(id=f"twitter:lm-{i}-{n}", source="twitter", external_id=f"lm-{i}-{n}",
                                    conversation_id=f"lm:{i}", case_id=f"lm-{i:02}", author=author, text=text,
                                    created_at=at, received_at=at, direction=direction))
        session.commit()
    return [f"lm-{i:02}" for i in range(cases)]


@contextmanager
def _counting(engine: Engine) -> Iterator[list[str]]:
    """The listing's statements: the request's session look-up (and its last_seen_at write, due whenever enough
    time passed, as on a loaded machine) and transaction control are not the page's."""
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]  # noqa: ANN001
        if statement.split()[0] not in ("BEGIN", "COMMIT") and not any(
                table in statement for table in ("user_session", "app_user")):
            statements.append(statement)
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _page(first: int, last: int) -> dict[str, str]:
    return {"sort": json.dumps(["opened_at", "ASC"]), "range": json.dumps([first, last]),
            "filter": json.dumps({"q": "subject"})}


def test_a_preview_is_one_line_cut_at_a_word_with_an_ellipsis() -> None:
    assert preview("  Thanks,\n\nit works  ") == "Thanks, it works"
    cut = preview(LONG)
    assert len(LONG) > 160 and len(cut) <= 160 and cut.endswith("…")
    assert LONG.startswith(cut[:-1]) and LONG[len(cut) - 1] == " "  # whole words only
    assert preview("x" * 400) == "x" * 159 + "…"  # one endless word: cut where it must be
    exact = ("word " * 40)[:159] + "s"  # 160 characters: kept whole
    assert len(exact) == 160 and preview(exact) == exact


async def test_the_list_shows_each_conversations_newest_message_cut_for_a_list(stack: Stack) -> None:
    ids = _seed(stack.engine, 3, mentions={
        0: [(COMPLAINT, Direction.inbound, "@jane"),
            ("We have refunded the second charge.", Direction.outbound, "ada")],
        1: [("hello", Direction.inbound, "@joe"), (LONG, Direction.inbound, "@joe")],
    })
    async with api_client(stack) as http:
        listed = await http.get("/api/cases", params=_page(0, 9))
        assert listed.status_code == 200, listed.text
        by_id = {row["id"]: row["last_message"] for row in listed.json()}
        assert list(by_id) == ids
        assert by_id["lm-00"] == {"text": "We have refunded the second charge.", "direction": "outbound",
                                  "author": "ada", "at": "2026-12-01T09:01:00Z"}
        assert by_id["lm-01"]["direction"] == "inbound" and by_id["lm-01"]["author"] == "@joe"
        assert by_id["lm-01"]["text"] == preview(LONG) and len(by_id["lm-01"]["text"]) <= 160
        assert by_id["lm-02"] is None  # a conversation without a mention
        one = await http.get("/api/cases/lm-00")
        assert one.status_code == 200 and one.json()["last_message"] == by_id["lm-00"]
        # Each inbox view is the same list: it carries the field too.
        viewed = await http.get("/api/cases", params={"view": "unassigned"})
        assert viewed.status_code == 200 and all("last_message" in row for row in viewed.json())


async def test_a_page_costs_the_same_queries_whatever_its_size(stack: Stack) -> None:
    _seed(stack.engine, 12, mentions={i: [(f"message {i}", Direction.inbound, "@c")] for i in range(12)})
    async with api_client(stack) as http:
        await http.get("/api/cases", params=_page(0, 0))  # warm: the session's first look-ups
        with _counting(stack.engine) as small:
            one = await http.get("/api/cases", params=_page(0, 0))
        with _counting(stack.engine) as large:
            twelve = await http.get("/api/cases", params=_page(0, 11))
    assert len(one.json()) == 1 and len(twelve.json()) == 12
    assert all(row["last_message"]["text"] == f"message {int(row['id'][3:])}" for row in twelve.json())
    assert len(large) == len(small), (small, large)
    assert sum("FROM mention" in statement for statement in large) == 1  # the page's last messages


async def test_a_token_that_may_not_read_mentions_sees_no_last_message(stack: Stack) -> None:
    _seed(stack.engine, 1, mentions={0: [("secret detail", Direction.inbound, "@c")]})
    async with api_client(stack) as http:
        token = await http.post("/api/tokens", json={"name": "cases only", "scopes": ["read:cases"]})
        assert token.status_code in (200, 201), token.text
        listed = await http.get("/api/cases", headers={"Authorization": f"Bearer {token.json()['token']}"})
    assert listed.status_code == 200, listed.text
    assert [row["last_message"] for row in listed.json()] == [None]


async def test_a_reply_becomes_the_cases_last_message(stack: Stack) -> None:
    async with api_client(stack) as http:
        await only_online(http, "ada")
        case_id = await stack.ingest(text=COMPLAINT, author="@jane")
        await eventually(lambda: case_where(stack.engine, case_id, assignee_id="ada"), what="assignment")
        before = (await http.get(f"/api/cases/{case_id}")).json()["last_message"]
        assert (before["direction"], before["author"], before["text"]) == ("inbound", "@jane", COMPLAINT)
        sent = await http.post(f"/api/cases/{case_id}/replies", headers=as_user(stack.engine, "ada"),
                               json={"text": "Sorry about that: the second charge is refunded."})
        assert sent.status_code == 200, sent.text

        async def replied() -> dict | None:
            rows = (await http.get("/api/cases", params={"filter": json.dumps({"id": [case_id]})})).json()
            last = rows[0]["last_message"]
            return last if last["direction"] == "outbound" else None
        last = await eventually(replied, what="the reply listed as the last message")
        assert (last["author"], last["text"]) == ("ada", "Sorry about that: the second charge is refunded.")
