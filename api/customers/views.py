"""Customers: list, profile (identities, conversations, tags, notes, sentiment trend), notes, merge."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import col, select

from api.audit.trail import record
from api.auth.deps import MergeCustomers, ReadCustomers, WriteCustomers
from api.auth.principal import Principal
from api.cases.access import case_filter, get_visible, through_cases
from api.customers.service import MergeRefused, add_note, merge_customers, profile
from api.deps import SessionDep, WriteSessionDep
from api.errors import ApiError
from api.listing import Listing, ListParams, list_rows
from store.cases import Case
from store.conversations import Conversation
from store.customers import Customer, CustomerProfile, CustomerPublic

router = APIRouter(tags=["customers"])
CustomerId = Annotated[str, Path(max_length=100)]


def _visible(principal: Principal) -> list:
    """A user scoped to teams sees the customers of conversations whose cases they may see."""
    conversations = through_cases(principal, Conversation.id, Case.conversation_id)
    if not conversations:
        return []
    return [col(Customer.id).in_(select(Conversation.customer_id).where(*conversations))]


def _customer(session: SessionDep, principal: Principal, customer_id: str) -> Customer:
    return get_visible(session, Customer, customer_id, resource="customer", where=_visible(principal))


CUSTOMERS = Listing(Customer, "customers", filterable=("merged_into",), searchable=("name",))


@router.get("/customers", response_model=list[CustomerPublic])
def list_customers(principal: ReadCustomers, session: SessionDep, response: Response,
                   params: Annotated[ListParams, Depends(CUSTOMERS)]) -> list[Customer]:
    """Customers (merged ones only when filtered by `merged_into` or `id`); `q` searches names."""
    # merged customers only when asked for, by merged_into or by id (a reference's lookup)
    merged = [] if {"merged_into", "id"} & set(params.filter) else [col(Customer.merged_into).is_(None)]
    return list_rows(session, response, params, where=[*merged, *_visible(principal)])


@router.get("/customers/{customer_id}", response_model=CustomerProfile)
def get_customer(principal: ReadCustomers, session: SessionDep, customer_id: CustomerId) -> CustomerProfile:
    return profile(session, _customer(session, principal, customer_id), case_filter(principal))


class NoteInput(BaseModel):
    model_config = ConfigDict(extra="forbid")  # the author is whoever is logged in
    text: str = Field(min_length=1, max_length=5000)


@router.post("/customers/{customer_id}/notes", response_model=CustomerProfile)
def post_note(principal: WriteCustomers, session: WriteSessionDep, customer_id: CustomerId,
              body: NoteInput) -> CustomerProfile:
    customer = _customer(session, principal, customer_id)
    add_note(session, customer, author=principal.user_id, text=body.text)
    session.add(customer)
    record(session, principal, "customer.note", "customer", customer.id, detail={"text": body.text})
    session.flush()
    return profile(session, customer, case_filter(principal))


class MergeInput(BaseModel):
    model_config = ConfigDict(extra="forbid")  # who merges is whoever is logged in
    other_id: str = Field(min_length=1, max_length=100, description="the customer merged into this one")


@router.post("/customers/{customer_id}/merge", response_model=CustomerProfile)
def merge(principal: MergeCustomers, session: WriteSessionDep, customer_id: CustomerId,
          body: MergeInput) -> CustomerProfile:
    """Merge another customer into this one: their identities, conversations and mentions move here."""
    _customer(session, principal, customer_id)
    _customer(session, principal, body.other_id)
    try:
        kept = merge_customers(session, keep=customer_id, other=body.other_id, by=principal.user_id)
    except MergeRefused as exc:
        raise ApiError(exc.status, code=exc.code, path="other_id", message=str(exc)) from exc
    record(session, principal, "customer.merge", "customer", kept.id, detail={"merged": body.other_id})
    session.flush()
    return profile(session, kept, case_filter(principal))
