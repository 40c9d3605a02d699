"""Experts outside the contact centre (legal, product, engineering, ...), and what they are asked.

An expert is not an agent: no queue, no capacity, no login. A case handed to
one leaves the agents' queues, and comes back to its team's queue when the
expert answers through the request's link. The case workflow is the source of
truth; `ExpertRequest` rows are its read side, written by the save_case activity.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel
from pydantic import Field as PydanticField
from sqlmodel import Field, SQLModel

from store.db.types import UtcDateTime
from store.fields import EMAIL_PATTERN, WHOLE


class ExpertBase(SQLModel):
    name: str = Field(min_length=1)
    email: str = Field(min_length=3)
    department: str = Field(default="", description="e.g. Legal, Product, Engineering")
    response_seconds: int = Field(default=86_400, gt=0, le=30 * 86_400,
                                  description="The expert's own SLA: answer within this many seconds")
    active: bool = True


class Expert(ExpertBase, table=True):
    id: str = Field(primary_key=True)


class ExpertPublic(ExpertBase):
    id: str


class ExpertCreate(BaseModel):
    """A new expert; the same fields as ExpertPublic, each with the limits it is checked against."""

    id: str = PydanticField(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_-]*$",
                            description="lower-case name, e.g. priya or legal-emea")
    name: str = PydanticField(min_length=1, max_length=200)
    email: str = PydanticField(pattern=EMAIL_PATTERN, max_length=320, description="where the request's link is sent")
    department: str = PydanticField(default="", max_length=100, description="e.g. Legal, Product, Engineering")
    response_seconds: Annotated[int, PydanticField(strict=True, gt=0, le=30 * 86_400), WHOLE] = PydanticField(
        default=86_400, description="The expert's own SLA: answer within this many seconds")
    active: bool = PydanticField(default=True, strict=True, description="only active experts are asked")


class ExpertRequestBase(SQLModel):
    case_id: str = Field(index=True)
    expert_id: str = Field(index=True)
    question: str
    asked_by: str
    asked_at: datetime = Field(sa_type=UtcDateTime)
    due_at: datetime = Field(sa_type=UtcDateTime)
    answered_at: datetime | None = Field(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]
    overdue: bool = False


class ExpertRequest(ExpertRequestBase, table=True):
    __tablename__ = "expert_request"
    id: str = Field(primary_key=True)


class ExpertRequestPublic(ExpertRequestBase):
    id: str
    subject: str = ""
    author: str = ""
    source: str = ""
    answer: str | None = None
