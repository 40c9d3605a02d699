"""Linking mentions to customers at ingest, merging customers, and a customer's profile.

Each (source, handle) is an identity of exactly one customer. A new identity joins the customer who
already has the same handle (case-insensitive, without the @) or email address on another source;
otherwise it starts a customer of its own. A wrong link, or a person with two different handles, is
put right with a merge, which moves every identity, conversation and mention to the customer kept.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlmodel import Session, col, func, select

from api.customers.models import Customer, CustomerIdentity, CustomerProfile, IdentityPublic, SentimentPoint
from api.discovery.models import Conversation
from api.mentions.models import Mention
from engine.models import Direction

TREND_DAYS = 90
PROFILE_MENTIONS = 5000  # the latest mentions a profile's tags and trend are drawn from


def identity_key(handle: str) -> str:
    """What linking compares: lower case; a handle without its leading @, an email address as it is."""
    return handle.strip().lower().lstrip("@")


def _customer_id(identity: str) -> str:
    # Deterministic, so a batch retried after a failed transaction makes the same customer.
    return "cus-" + hashlib.sha256(identity.encode()).hexdigest()[:20]


def link_customers(session: Session, sightings: Iterable[tuple[str, str, datetime]]) -> dict[tuple[str, str], str]:
    """The customer of each (source, handle) seen at a time; creates identities and customers as needed."""
    seen: dict[str, tuple[str, str, datetime]] = {}
    for source, handle, at in sightings:
        ident = f"{source}:{handle}"
        if ident not in seen or at > seen[ident][2]:
            seen[ident] = (source, handle, at)
    if not seen:
        return {}
    identities = CustomerIdentity.__table__  # type: ignore[attr-defined]
    people = Customer.__table__  # type: ignore[attr-defined]
    owner = dict(session.execute(select(identities.c.id, identities.c.customer_id)
                                 .where(identities.c.id.in_(list(seen)))).all())
    new = [ident for ident in seen if ident not in owner]
    if new:
        keys = {identity_key(seen[ident][1]) for ident in new}
        by_key: dict[str, str] = {}
        for key, customer in session.execute(select(identities.c.key, identities.c.customer_id).where(
                identities.c.key.in_(keys)).order_by(identities.c.first_seen_at)).all():
            by_key.setdefault(key, customer)
        new_people, new_identities = [], []
        for ident in new:
            source, handle, at = seen[ident]
            key = identity_key(handle)
            customer = by_key.get(key)
            if customer is None:
                customer = by_key[key] = _customer_id(ident)
                new_people.append({"id": customer, "name": handle, "first_seen_at": at, "last_seen_at": at,
                                   "notes": [], "merged_into": None})
            new_identities.append({"id": ident, "source": source, "handle": handle, "key": key,
                                   "customer_id": customer, "first_seen_at": at})
            owner[ident] = customer
        # Sorted, so concurrent batches take their locks in one order (PostgreSQL).
        if new_people:
            session.execute(insert(people), sorted(new_people, key=lambda row: row["id"]))
        session.execute(insert(identities), sorted(new_identities, key=lambda row: row["id"]))
    latest: dict[str, datetime] = {}
    for ident, (_, _, at) in seen.items():
        customer = owner[ident]
        latest[customer] = max(at, latest.get(customer, at))
    seen_at = bindparam("seen_at")
    session.execute(update(people).where(people.c.id == bindparam("customer"), people.c.last_seen_at < seen_at)
                    .values(last_seen_at=seen_at), [{"customer": c, "seen_at": latest[c]} for c in sorted(latest)])
    return {(source, handle): owner[f"{source}:{handle}"] for source, handle, _ in seen.values()}


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
    return kept


def profile(session: Session, customer: Customer) -> CustomerProfile:
    """Identities, counts, top tags and the daily sentiment of the customer's recent inbound mentions."""
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
                           tags=dict(tags.most_common(20)), sentiment_trend=trend)


def add_note(customer: Customer, *, author: str, text: str) -> dict[str, Any]:
    note = {"at": datetime.now(UTC).isoformat(), "author": author, "kind": "note", "text": text}
    customer.notes = [*customer.notes, note]
    return note
