"""Linking mentions to customers at ingest, merging customers, and a customer's profile.

Each (source, handle) is an identity of exactly one customer. A new identity joins the customer who
already has the same handle (case-insensitive, without the @) or email address on another source;
otherwise it starts a customer of its own. A wrong link, or a person with two different handles, is
put right with a merge, which moves every identity, conversation and mention to the customer kept.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, func, select

from engine.models import Direction
from store.cases import Case
from store.conversations import Conversation
from store.customers import (
    Customer,
    CustomerIdentity,
    CustomerProfile,
    IdentityPublic,
    MentionSentiment,
    PastCase,
    PastConversation,
    SentimentPoint,
)
from store.event_payloads import CustomerMerged, CustomerNoted, customer_ref
from store.events_out import EventType, emit
from store.mentions import Mention

TREND_DAYS = 90
PANEL_ROWS = 20  # past cases, conversations and mentions a profile lists
PROFILE_MENTIONS = 5000  # the latest mentions a profile's tags and trend are drawn from


class MergeRefused(ValueError):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code = status, code


def merge_customers(session: Session, *, keep: str, other: str, by: str) -> Customer:
    """Move everything of `other` to `keep`; `other` stays, marked merged, so old links still resolve."""
    if keep == other:
        raise MergeRefused(400, "same_customer", "a customer cannot be merged into itself")
    kept, gone = session.get(Customer, keep), session.get(Customer, other)
    for ident, row in ((keep, kept), (other, gone)):
        if row is None:
            raise MergeRefused(404, "not_found", f"no customer with id {ident!r}")
        if row.merged_into:
            raise MergeRefused(409, "already_merged", f"customer {ident} was merged into {row.merged_into}; "
                                                      "merge into that one")
    assert kept is not None and gone is not None
    for table in (CustomerIdentity, Conversation, Mention):
        session.execute(update(table).where(col(table.customer_id) == other).values(customer_id=keep))
    now = datetime.now(UTC)
    kept.first_seen_at = min(kept.first_seen_at, gone.first_seen_at)
    kept.last_seen_at = max(kept.last_seen_at, gone.last_seen_at)
    kept.notes = [*kept.notes, *gone.notes, {"at": now.isoformat(), "author": by, "kind": "merge",
                                             "text": f"merged {gone.name} ({other}) into this customer"}]
    gone.merged_into = keep
    session.add(kept)
    session.add(gone)
    session.flush()
    if (ref := customer_ref(session, keep)) is not None:
        emit(session, EventType.customer_merged, CustomerMerged(customer=ref, merged_id=other, actor=by))
    return kept


def profile(session: Session, customer: Customer, case_where: Sequence[Any] = ()) -> CustomerProfile:
    """Identities, counts, top tags and the daily sentiment of the customer's recent inbound mentions; their
    followers, verified and VIP flags; their latest cases and conversations (those `case_where` lets the
    caller see) and their latest mentions' sentiment."""
    identities = session.exec(select(CustomerIdentity).where(CustomerIdentity.customer_id == customer.id)
                              .order_by(col(CustomerIdentity.first_seen_at))).all()
    conversations = session.exec(select(func.count()).select_from(Conversation)
                                 .where(Conversation.customer_id == customer.id)).one()
    mentions = session.exec(select(func.count()).select_from(Mention).where(Mention.customer_id == customer.id)).one()
    cases = session.exec(select(func.count(func.distinct(Mention.case_id))).where(
        Mention.customer_id == customer.id, col(Mention.case_id).is_not(None))).one()
    recent = session.exec(select(Mention.tags, Mention.sentiment, Mention.created_at).where(
        Mention.customer_id == customer.id, Mention.direction == Direction.inbound)
        .order_by(col(Mention.created_at).desc()).limit(PROFILE_MENTIONS)).all()
    tags: Counter[str] = Counter()
    by_day: dict[str, list[float]] = defaultdict(list)
    since = (recent[0][2] - timedelta(days=TREND_DAYS)) if recent else None
    for row_tags, sentiment, at in recent:
        tags.update(row_tags or [])
        if sentiment is not None and since is not None and at >= since:
            by_day[at.date().isoformat()].append(sentiment)
    trend = [SentimentPoint(day=day, mentions=len(values), average=round(sum(values) / len(values), 4))
             for day, values in sorted(by_day.items())]
    return CustomerProfile(**customer.model_dump(), identities=[IdentityPublic(**i.model_dump()) for i in identities],
                           conversations=conversations, mentions=mentions, cases=cases,
                           tags=dict(tags.most_common(20)), sentiment_trend=trend,
                           **_panel(session, customer.id, case_where), vip="vip" in tags)


def _panel(session: Session, customer_id: str, case_where: Sequence[Any]) -> dict[str, Any]:
    followers = session.exec(select(func.max(Mention.author_followers))
                             .where(Mention.customer_id == customer_id)).one()
    verified = session.exec(select(Mention.id).where(Mention.customer_id == customer_id,
                                                     col(Mention.author_verified).is_(True)).limit(1)).first()
    conversation_ids = select(Conversation.id).where(Conversation.customer_id == customer_id)
    cases = session.exec(select(Case).where(col(Case.conversation_id).in_(conversation_ids), *case_where)
                         .order_by(col(Case.opened_at).desc()).limit(PANEL_ROWS)).all()
    visible = select(Case.conversation_id).where(*case_where) if case_where else None
    query = select(Conversation).where(Conversation.customer_id == customer_id)
    if visible is not None:
        query = query.where(col(Conversation.id).in_(visible))
    conversations = session.exec(query.order_by(col(Conversation.last_at).desc()).limit(PANEL_ROWS)).all()
    current = {c.id: c.status.value for c in session.exec(select(Case).where(
        col(Case.id).in_([c.case_id for c in conversations if c.case_id])))} if conversations else {}
    query = select(Mention).where(Mention.customer_id == customer_id, Mention.direction == Direction.inbound)
    if visible is not None:
        query = query.where(col(Mention.conversation_id).in_(visible))
    mentions = session.exec(query.order_by(col(Mention.created_at).desc()).limit(PANEL_ROWS)).all()
    return {
        "followers": followers, "verified": verified is not None,
        "past_cases": [PastCase(id=c.id, subject=c.subject, source=c.source, status=c.status.value,
                                priority=c.priority.value, sentiment=c.sentiment, opened_at=c.opened_at,
                                closed_at=c.closed_at, close_reason=c.close_reason, conversation_id=c.conversation_id)
                       for c in cases],
        "past_conversations": [PastConversation(id=c.id, source=c.source, first_at=c.first_at, last_at=c.last_at,
                                                inbound_count=c.inbound_count, outbound_count=c.outbound_count,
                                                case_id=c.case_id, status=current.get(c.case_id or ""))
                               for c in conversations],
        "recent_mentions": [MentionSentiment(id=m.id, source=m.source, created_at=m.created_at, text=m.text[:200],
                                             sentiment=m.sentiment, case_id=m.case_id) for m in mentions],
    }


def add_note(session: Session, customer: Customer, *, author: str, text: str) -> dict[str, Any]:
    note = {"at": datetime.now(UTC).isoformat(), "author": author, "kind": "note", "text": text}
    customer.notes = [*customer.notes, note]
    if (ref := customer_ref(session, customer.id)) is not None:
        emit(session, EventType.customer_noted, CustomerNoted(customer=ref, note=note))
    return note
