"""The same mention posted many times at once, as a sender retrying on a timeout does, on SQLite and
PostgreSQL: one post creates it (201), every other one is told it is a duplicate (200), all of them
name the same mention and conversation, and the store holds one mention and at most one case."""

from __future__ import annotations

import asyncio
import uuid

import httpx
from sqlalchemy import func
from sqlmodel import Session, select

from store.cases import Case
from store.mentions import Mention
from tests.harness.cases import Stack, api_client, eventually

RUN = uuid.uuid4().hex[:8]
POSTS = 8
ROUNDS = 3
COMPLAINT = "@acme I was charged twice, I need a refund"  # needs a response: the demo flow opens a case


def mentions_stored(stack: Stack, external_id: str) -> int:
    with Session(stack.engine) as session:
        return session.exec(select(func.count()).select_from(Mention).where(
            Mention.source == "twitter", Mention.external_id == external_id)).one()


def cases_of(stack: Stack, conversation_id: str) -> list[str]:
    with Session(stack.engine) as session:
        return list(session.exec(select(Case.id).where(Case.conversation_id == conversation_id)).all())


async def post_at_once(http: httpx.AsyncClient, external_id: str, author: str) -> list[httpx.Response]:
    body = {"external_id": external_id, "author": author, "created_at": "2026-11-23T09:00:00Z", "text": COMPLAINT}
    return list(await asyncio.gather(*(http.post("/api/webhooks/twitter", json=body) for _ in range(POSTS))))


async def test_concurrent_duplicate_posts_store_one_mention_and_open_one_case(stack: Stack) -> None:
    async with api_client(stack) as http:
        for round_ in range(ROUNDS):
            external_id = f"{RUN}-{uuid.uuid4().hex[:8]}"
            answers = await post_at_once(http, external_id, f"@sam-{RUN}-{round_}")

            assert all(a.status_code in (200, 201) for a in answers), [(a.status_code, a.text) for a in answers]
            bodies = [a.json() for a in answers]
            outcomes = sorted((a.status_code, b["duplicate"]) for a, b in zip(answers, bodies, strict=True))
            assert outcomes == [(200, True)] * (POSTS - 1) + [(201, False)], outcomes
            assert {b["mention_id"] for b in bodies} == {f"twitter:{external_id}"}, bodies
            conversations = {b["conversation_id"] for b in bodies}
            assert len(conversations) == 1, bodies
            conversation_id = conversations.pop()
            named = {b["case_id"] for b in bodies} - {None}
            assert len(named) <= 1, bodies  # every answer that names a case names the same one

            assert mentions_stored(stack, external_id) == 1
            opened = await eventually(lambda c=conversation_id: cases_of(stack, c), what="the conversation's case")
            await asyncio.sleep(0.5)  # time for a second case to show up, if one were opened
            assert cases_of(stack, conversation_id) == opened and len(opened) == 1, (round_, opened)
            assert named <= set(opened), (named, opened)
