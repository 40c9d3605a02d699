"""Customers: list, profile (identities, conversations, tags, notes, sentiment trend), notes, merge."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel, Field
from sqlmodel import col

from api.customers.models import Customer, CustomerProfile, CustomerPublic
from api.customers.service import MergeRefused, add_note, merge_customers, profile
from api.deps import ListDep, SessionDep, WriteSessionDep
from api.errors import ApiError
from api.listing import get_or_404, list_rows

router = APIRouter(tags=["customers"])
CustomerId = Annotated[str, Path(max_length=100)]


@router.get("/customers", response_model=list[CustomerPublic])
def list_customers(session: SessionDep, response: Response, params: ListDep) -> list[Customer]:
    """Customers (merged ones only when filtered by `merged_into` or `id`); `q` searches names."""
    return list_rows(session, response, params, table=Customer, resource="customers",
                     filterable=("merged_into",), searchable=("name",),
                     # merged customers only when asked for, by merged_into or by id (a reference's lookup)
                     where=None if {"merged_into", "id"} & set(params.filter)
                     else (col(Customer.merged_into).is_(None),))


@router.get("/customers/{customer_id}", response_model=CustomerProfile)
def get_customer(session: SessionDep, customer_id: CustomerId) -> CustomerProfile:
    return profile(session, get_or_404(session, Customer, customer_id, resource="customer"))


class NoteInput(BaseModel):
    author: str = Field(min_length=1, max_length=200, description="who writes it (an agent id)")
    text: str = Field(min_length=1, max_length=5000)


@router.post("/customers/{customer_id}/notes", response_model=CustomerProfile)
def post_note(session: WriteSessionDep, customer_id: CustomerId, body: NoteInput) -> CustomerProfile:
    customer = get_or_404(session, Customer, customer_id, resource="customer")
    add_note(customer, author=body.author, text=body.text)
    session.add(customer)
    session.flush()
    return profile(session, customer)


class MergeInput(BaseModel):
    other_id: str = Field(min_length=1, max_length=100, description="the customer merged into this one")
    by: str = Field(min_length=1, max_length=200, description="who merges (an agent id), for the record")


@router.post("/customers/{customer_id}/merge", response_model=CustomerProfile)
def merge(session: WriteSessionDep, customer_id: CustomerId, body: MergeInput) -> CustomerProfile:
    """Merge another customer into this one: their identities, conversations and mentions move here."""
    try:
        kept = merge_customers(session, keep=customer_id, other=body.other_id, by=body.by)
    except MergeRefused as exc:
        raise ApiError(exc.status, code=exc.code, path="other_id", message=str(exc)) from exc
    session.flush()
    return profile(session, kept)
