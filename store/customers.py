"""A customer and the identities (a handle on a source, an email address) that are theirs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from pydantic import Field as Describe
from sqlalchemy import bindparam, insert, update
from sqlmodel import JSON, Column, Field, Session, SQLModel, select

from store.db.types import UtcDateTime


class CustomerBase(SQLModel):
    name: str
    first_seen_at: datetime = Field(sa_type=UtcDateTime)
    last_seen_at: datetime = Field(sa_type=UtcDateTime, index=True)
    notes: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    merged_into: str | None = Field(default=None, index=True, description="set when merged into another customer")


class Customer(CustomerBase, table=True):
    id: str = Field(primary_key=True)


class CustomerIdentity(SQLModel, table=True):
    __tablename__ = "customer_identity"
    id: str = Field(primary_key=True, description="<source>:<handle>")
    source: str
    handle: str
    # The handle as linking compares it: lower case, without a leading @; an email address as is.
    key: str = Field(index=True)
    customer_id: str = Field(index=True)
    first_seen_at: datetime = Field(sa_type=UtcDateTime)


class IdentityPublic(BaseModel):
    source: str
    handle: str
    first_seen_at: datetime


class SentimentPoint(BaseModel):
    day: str
    mentions: int
    average: float


class CustomerPublic(CustomerBase):
    id: str


class PastCase(BaseModel):
    """One of the customer's cases, newest first, for the panel beside a case's conversation."""

    id: str
    subject: str
    source: str
    status: str
    priority: str
    sentiment: float
    opened_at: datetime
    closed_at: datetime | None = None
    close_reason: str | None = None
    conversation_id: str


class PastConversation(BaseModel):
    id: str
    source: str
    first_at: datetime
    last_at: datetime
    inbound_count: int
    outbound_count: int
    case_id: str | None = None
    status: str | None = Describe(default=None, description="Its current case's status; None: it has no case")


class MentionSentiment(BaseModel):
    """One inbound mention's sentiment (VADER compound, -1..1), newest first."""

    id: str
    source: str
    created_at: datetime
    text: str = Describe(description="The first 200 characters")
    sentiment: float | None = None
    case_id: str | None = None


class CustomerProfile(CustomerPublic):
    identities: list[IdentityPublic]
    conversations: int
    mentions: int
    cases: int
    tags: dict[str, int]
    sentiment_trend: list[SentimentPoint]
    followers: int | None = Describe(default=None, description="The most followers any of their identities has")
    verified: bool = Describe(default=False, description="Any of their identities is verified on its channel")
    vip: bool = Describe(default=False, description="The flow tagged a mention of theirs `vip`")
    past_cases: list[PastCase] = Describe(default_factory=list, description="Their latest cases you may see")
    past_conversations: list[PastConversation] = Describe(default_factory=list,
                                                       description="Their latest conversations you may see")
    recent_mentions: list[MentionSentiment] = Describe(default_factory=list,
                                                    description="Their latest inbound mentions' sentiment")


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
        # Imported here: the payloads module reads customers (this module) to describe them.
        from store.event_payloads import customers_created_out
        customers_created_out(session, sorted(new_people, key=lambda row: row["id"]), new_identities)
    latest: dict[str, datetime] = {}
    for ident, (_, _, at) in seen.items():
        customer = owner[ident]
        latest[customer] = max(at, latest.get(customer, at))
    seen_at = bindparam("seen_at")
    session.execute(update(people).where(people.c.id == bindparam("customer"), people.c.last_seen_at < seen_at)
                    .values(last_seen_at=seen_at), [{"customer": c, "seen_at": latest[c]} for c in sorted(latest)])
    return {(source, handle): owner[f"{source}:{handle}"] for source, handle, _ in seen.values()}
