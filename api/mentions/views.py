"""Mentions, read-only."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.deps import ListDep, SessionDep
from api.listing import get_or_404, list_rows
from api.mentions.models import Mention, MentionPublic

router = APIRouter(tags=["mentions"])


@router.get("/mentions", response_model=list[MentionPublic])
def list_mentions(session: SessionDep, response: Response, params: ListDep) -> list[Mention]:
    return list_rows(session, response, params, table=Mention, resource="mentions",
                     filterable=("case_id", "conversation_id", "customer_id", "source", "direction", "author"),
                     searchable=("text", "author"))


@router.get("/mentions/{mention_id}", response_model=MentionPublic)
def get_mention(session: SessionDep, mention_id: str) -> Mention:
    return get_or_404(session, Mention, mention_id, resource="mention")
