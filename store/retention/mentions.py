"""The mentions class: mentions received before the cutoff that no kept case holds, the conversations they
leave empty, and the `mention.received` events out of mentions that had no case (a case's events go with it).

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
from store.events_out import EventOut, EventType
from store.mentions import Mention
from store.outbox import OutboxEntry
from store.retention.purge import RecordedByEntry, deleted


class MentionsClass(RecordedByEntry):
    name = "mentions"

    def plan(self, session: Session, cutoff: datetime, now: datetime) -> dict[str, int]:
        doomed = select(Mention.conversation_id).where(_purgeable(Mention, cutoff))
        return {"mention": session.exec(select(func.count()).select_from(doomed.subquery())).one(),
                "conversation": session.exec(select(func.count()).select_from(Conversation).where(
                    col(Conversation.id).in_(doomed), _emptied_by(cutoff))).one(),
                "event_out": session.exec(select(func.count()).select_from(EventOut).where(
                    _caseless_mention_event(cutoff))).one()}

    def remove(self, session: Session, cutoff: datetime, now: datetime, after: str | None,
               limit: int) -> tuple[dict[str, int], str | None]:
        # First the events out of mentions no case held (each carries its mention's text; a case's go with
        # it), keyed by EVENTS + their cursor; then the mentions, keyed by their id.
        if after is not None and not after.startswith(EVENTS):
            return self._mentions(session, cutoff, after, limit)
        ids = list(session.exec(select(EventOut.id).where(
            _caseless_mention_event(cutoff), col(EventOut.id) > int(after[len(EVENTS):] if after else 0))
            .order_by(col(EventOut.id)).limit(limit)))
        counts = {"event_out": deleted(session, delete(EventOut).where(col(EventOut.id).in_(ids)))} if ids else {}
        if len(ids) == limit:
            return counts, f"{EVENTS}{ids[-1]}"
        more, after = self._mentions(session, cutoff, None, limit)
        return counts | more, after

    def _mentions(self, session: Session, cutoff: datetime, after: str | None,
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
EVENTS = "\x00event_out:"  # a key no mention id starts with


def _caseless_mention_event(cutoff: datetime) -> ColumnElement[bool]:
    """A `mention.received` event out of a mention that had no case, received before `cutoff` (the event is
    written when its mention is received)."""
    return and_(col(EventOut.case_id).is_(None), col(EventOut.type) == EventType.mention_received,
                col(EventOut.occurred_at) < cutoff)


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
