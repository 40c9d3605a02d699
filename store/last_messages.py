"""Each conversation's newest message, read for a page of cases at once (one query, whatever the page size)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, func, select
from sqlmodel import Session, col

from store.cases import LastMessage
from store.mentions import Mention

PREVIEW_LENGTH = 160
ELLIPSIS = "…"
# What is read of each text: enough for the preview once its whitespace is folded.
_READ = 4 * PREVIEW_LENGTH


def preview(text: str, *, longer: bool = False, limit: int = PREVIEW_LENGTH) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters, the last one an ellipsis when
    cut; `longer`: the text goes on past what was given (so it is cut whatever its length)."""
    line = " ".join(text.split())
    if len(line) <= limit and not longer:
        return line
    room = line[:limit - len(ELLIPSIS) + 1]  # one more: a word that ends exactly at the limit is kept whole
    cut = room.rsplit(" ", 1)[0] if " " in room else room[:limit - len(ELLIPSIS)]
    return cut[:limit - len(ELLIPSIS)].rstrip(" ,;:.-") + ELLIPSIS


def last_messages(session: Session, conversation_ids: Iterable[str]) -> dict[str, LastMessage]:
    """Per conversation id, its newest mention (inbound or outbound); conversations without one are left out.

    One query: the newest `created_at` per conversation (an index range scan on (conversation_id, created_at))
    joined back to its mention. Mentions written at the same instant are told apart by id, so the answer is
    stable.
    """
    ids = sorted(set(conversation_ids))
    if not ids:
        return {}
    newest = (select(col(Mention.conversation_id).label("conversation_id"),
                     func.max(Mention.created_at).label("at"))
              .where(col(Mention.conversation_id).in_(ids))
              .group_by(col(Mention.conversation_id))
              .subquery())
    rows = session.execute(
        select(Mention.conversation_id, Mention.id, Mention.created_at, Mention.direction, Mention.author,
               func.substr(Mention.text, 1, _READ), func.length(Mention.text) > _READ)
        .join(newest, and_(col(Mention.conversation_id) == newest.c.conversation_id,
                           col(Mention.created_at) == newest.c.at))
        .order_by(col(Mention.conversation_id), col(Mention.id))).all()
    found: dict[str, LastMessage] = {}
    for conversation_id, _id, at, direction, author, text, longer in rows:
        # Ties at the same instant: the greatest id wins (rows come in id order).
        found[conversation_id] = LastMessage(text=preview(text or "", longer=bool(longer)), at=at,
                                             direction=direction, author=author)
    return found
