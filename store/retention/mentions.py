"""The mentions class: mentions received before the cutoff that no kept case holds, and the conversations
they leave empty.

A mention stays for as long as its case does (an open case's mentions, then, always), and while the
outbox still has it to place or to tell a workflow. A mention of no case (praise, a thread that never
needed a response) or of a case the cases class removed goes at the cutoff. A conversation goes with its
last mention, unless a case still names it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from store import mention_rollup
from store.cases import Case
from store.conversations import Conversation
from store.mentions import Mention
from store.outbox import OutboxEntry
from store.retention.purge import RecordedByEntry, deleted


class MentionsClass(RecordedByEntry):
    name = "mentions"

    def plan(self, session: Session, cutoff: datetime, now: datetime) -> dict[str, int]:
        doomed = select(Mention.conversation_id).where(_purgeable(Mention, cutoff))
        return {"mention": session.exec(select(func.count()).select_from(doomed.subquery())).one(),
                "conversation": session.exec(select(func.count()).select_from(Conversation).where(
                    col(Conversation.id).in_(doomed), _emptied_by(cutoff))).one()}

    def remove(self, session: Session, cutoff: datetime, now: datetime, after: str | None,
               limit: int) -> tuple[dict[str, int], str | None]:
        query = select(Mention.id, Mention.conversation_id).where(_purgeable(Mention, cutoff))
        if after is not None:
            query = query.where(Mention.id > after)
        rows = session.exec(query.order_by(col(Mention.id)).limit(limit)).all()
        if not rows:
            return {}, None
        ids, touched = [row[0] for row in rows], sorted({row[1] for row in rows})
        with mention_rollup.tracking(session, ids):
            counts = {"mention": deleted(session, delete(Mention).where(col(Mention.id).in_(ids)))}
        # A conversation whose doomed mentions span batches goes with the batch that takes its last one.
        empty = ~select(Mention.id).where(Mention.conversation_id == Conversation.id).exists()
        counts["conversation"] = deleted(session, delete(Conversation).where(
            col(Conversation.id).in_(touched), empty, ~_named_by_a_case()))
        return counts, ids[-1] if len(ids) == limit else None


MENTIONS = MentionsClass()


def _purgeable(mention: Any, cutoff: datetime) -> ColumnElement[bool]:
    """`mention` (the table or an alias of it) received before `cutoff`, of no kept case, with nothing to tell."""
    # NOT IN over the (small) outbox is read once; a NOT EXISTS would scan it for every mention.
    waiting = select(OutboxEntry.mention_id).where(col(OutboxEntry.mention_id).is_not(None))
    return and_(mention.received_at < cutoff, ~select(Case.id).where(Case.id == mention.case_id).exists(),
                mention.id.not_in(waiting))


def _emptied_by(cutoff: datetime) -> ColumnElement[bool]:
    """The conversation has no mention a purge at `cutoff` keeps, and no case names it."""
    other = aliased(Mention)
    kept = select(other.id).where(other.conversation_id == Conversation.id, ~_purgeable(other, cutoff))
    return and_(~kept.exists(), ~_named_by_a_case())


def _named_by_a_case() -> ColumnElement[bool]:
    return select(Case.id).where(Case.conversation_id == Conversation.id).exists()
