"""Mentions, read-only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from api.auth.deps import ReadMentions
from api.cases.access import get_visible, through_cases
from api.deps import SessionDep
from api.listing import Listing, ListParams, list_rows
from store.cases import Case
from store.mentions import Mention, MentionPublic

router = APIRouter(tags=["mentions"])


MENTIONS = Listing(Mention, "mentions", filterable=("case_id", "conversation_id", "customer_id", "source",
                                                    "direction", "author"), searchable=("text", "author"))


@router.get("/mentions", response_model=list[MentionPublic])
def list_mentions(principal: ReadMentions, session: SessionDep, response: Response,
                  params: Annotated[ListParams, Depends(MENTIONS)]) -> list[Mention]:
    return list_rows(session, response, params,
                     where=through_cases(principal, Mention.conversation_id, Case.conversation_id))


@router.get("/mentions/{mention_id}", response_model=MentionPublic)
def get_mention(principal: ReadMentions, session: SessionDep, mention_id: str) -> Mention:
    return get_visible(session, Mention, mention_id, resource="mention",
                       where=through_cases(principal, Mention.conversation_id, Case.conversation_id))
