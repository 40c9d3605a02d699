"""Batches stored side by side (threads on one engine): each mention once, conversation counts exact,
one customer per identity, on SQLite (serial writes) and PostgreSQL (concurrent transactions)."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import Session, func, select

from engine.models import Mention, mention_id
from store.conversations import Conversation
from store.customers import Customer, CustomerIdentity
from store.ingest import store_batch
from store.mentions import Mention as MentionRow

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def thread(n: int) -> list[Mention]:
    """Conversation n: a question and four replies from different authors, all on one thread."""
    out = []
    for k in range(5):
        ident = f"c{n}-{k}"
        at = T0 + timedelta(minutes=k)
        out.append(Mention(id=mention_id("twitter", ident), source="twitter", external_id=ident, conversation_id="",
                           author=f"@p{n}-{k % 3}", text="is the app down?" if k == 0 else "same here",
                           created_at=at, received_at=at, reply_to_id=None if k == 0 else f"c{n}-0"))
    return out


def test_overlapping_batches_in_parallel_store_each_mention_once(seeded_engine: Engine) -> None:
    mentions = [m for n in range(12) for m in thread(n)]
    rng = random.Random(5)
    batches = []
    for _ in range(16):  # each batch a random half of everything, in a random order: heavy overlap
        batch = rng.sample(mentions, len(mentions) // 2)
        batches.append(batch)
    batches.append(mentions)  # and one with all of them, so every mention is offered
    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(lambda b: store_batch(engine=seeded_engine, mentions=b, replay=True), batches))
    stored = sum(len(o.outcome.processed) for o in outcomes)
    assert stored == len(mentions)  # every mention stored by exactly one batch
    with Session(seeded_engine) as session:
        assert session.exec(select(func.count()).select_from(MentionRow)).one() == len(mentions)
        conversations = session.exec(select(Conversation)).all()
        assert sorted(c.id for c in conversations) == sorted(f"twitter:c{n}-0" for n in range(12))
        assert all((c.inbound_count, c.actionable) == (5, True) for c in conversations)
        assert session.exec(select(func.count()).select_from(CustomerIdentity)).one() == 12 * 3
        assert session.exec(select(func.count()).select_from(Customer)).one() == 12 * 3
