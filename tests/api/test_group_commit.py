"""Group commit (store.group_commit) on SQLite and PostgreSQL: posts that arrive together share one
transaction, each is answered with its own mention and case, and a batch that cannot be stored fails
every post in it with nothing stored."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

from sqlalchemy import Engine, func, update
from sqlmodel import Session, col, select

from store.cases import Case
from store.flows import Flow
from store.group_commit import GroupCommit
from store.incoming import IncomingMention
from store.ingest import NoActiveFlow
from store.mentions import Mention

COMPLAINT = "I was charged twice, I need a refund"  # the demo flow opens a case


def posted(external_id: str, author: str | None = None) -> object:
    return IncomingMention(external_id=external_id, author=author or f"@{external_id}", text=COMPLAINT,
                           created_at=datetime.now(UTC)).to_message("twitter", datetime.now(UTC))


def count(engine: Engine, model: type, *where: object) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model).where(*where)).one()


async def test_posts_arriving_together_share_a_transaction_and_each_gets_its_case(seeded_engine: Engine) -> None:
    commits: list[bool] = []  # at each commit, whether ingest was saturated (what the outbox relay yields to)
    ingest = GroupCommit(engine=seeded_engine, on_commit=lambda: commits.append(ingest.busy()))
    run = uuid.uuid4().hex[:6]
    ids = [f"{run}-{i}" for i in range(40)]
    assert not ingest.busy()
    answers = await asyncio.gather(*(ingest.store(posted(i)) for i in ids))
    assert commits[0] and not ingest.busy()  # 40 posts at once saturate it; answered, it has room again

    assert ingest.batches == len(commits) <= 2, ingest.batches  # 40 posts, not 40 transactions
    assert [a.mention_id for a in answers] == [f"twitter:{i}" for i in ids]
    assert not any(a.duplicate for a in answers) and all(a.needs_response for a in answers)
    cases = [a.case_id for a in answers]
    assert None not in cases and len(set(cases)) == 40  # a case each: forty authors
    with Session(seeded_engine) as session:
        stored = {row.id: row.case_id for row in session.exec(select(Mention).where(
            col(Mention.id).in_([a.mention_id for a in answers])))}
    assert stored == {a.mention_id: a.case_id for a in answers}
    assert count(seeded_engine, Case, col(Case.id).in_(cases)) == 40


async def test_the_same_mention_twice_in_one_batch_is_created_once(seeded_engine: Engine) -> None:
    ingest = GroupCommit(engine=seeded_engine)
    run = uuid.uuid4().hex[:6]
    first, again, other = await asyncio.gather(ingest.store(posted(f"{run}-a")), ingest.store(posted(f"{run}-a")),
                                               ingest.store(posted(f"{run}-b")))
    assert (first.duplicate, again.duplicate, other.duplicate) == (False, True, False)
    assert first.mention_id == again.mention_id and first.case_id == again.case_id is not None
    assert first.conversation_id == again.conversation_id
    assert count(seeded_engine, Mention, Mention.external_id == f"{run}-a") == 1
    # Posted again later: a duplicate, told what is stored.
    later = await ingest.store(posted(f"{run}-a"))
    assert later.duplicate and later.case_id == first.case_id


async def test_a_batch_that_cannot_be_stored_fails_every_post_and_stores_none(seeded_engine: Engine) -> None:
    with Session(seeded_engine) as session:
        session.execute(update(Flow).values(active=False))
        session.commit()
    ingest = GroupCommit(engine=seeded_engine)
    run = uuid.uuid4().hex[:6]
    answers = await asyncio.gather(*(ingest.store(posted(f"{run}-{i}")) for i in range(5)), return_exceptions=True)
    assert all(isinstance(a, NoActiveFlow) for a in answers), answers
    assert count(seeded_engine, Mention, col(Mention.external_id).startswith(run)) == 0


async def test_a_lone_post_is_stored_at_once(seeded_engine: Engine) -> None:
    ingest = GroupCommit(engine=seeded_engine)
    answer = await asyncio.wait_for(ingest.store(posted(uuid.uuid4().hex[:8])), timeout=30)
    assert ingest.batches == 1 and answer.case_id is not None
