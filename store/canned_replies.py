"""Canned replies (Zendesk's macros, Chatwoot's canned responses): texts an agent inserts into a reply, with
`{{variables}}` the designer fills in (the customer's name, the agent's, the case's id) when one is inserted.

A reply is for everyone or for one team (`team_id`), and for every channel or some (`channels`, sources' ids).
Ops leads keep them; the services here change rows in the caller's transaction and never commit.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import or_
from sqlmodel import JSON, Column, Field, Session, SQLModel, col, select

from store.db.types import UtcDateTime
from store.teams import Agent

# What a text may name; the designer's fillCanned (designer/src/cases/cannedReplies.ts) fills the same three.
VARIABLES: tuple[str, ...] = ("customer.name", "agent.name", "case.id")
# As fillCanned reads one, `{{ name.part }}` (spaces only, as the API's schema says); every `{{` in a text must
# open a known one.
_VARIABLE = re.compile(r"\{\{ *([a-z]+\.[a-z]+) *\}\}")
_OPENING = re.compile(r"\{\{")


class CannedReplyBase(SQLModel):
    title: str = Field(description="What agents pick it by, e.g. 'Refund on its way'")
    text: str = Field(description="The reply, with {{customer.name}}, {{agent.name}} or {{case.id}} in it")
    team_id: str | None = Field(default=None, foreign_key="team.id", index=True,
                                description="The team whose agents see it; null: everyone")
    channels: list[str] = Field(default_factory=list, sa_column=Column(JSON),
                                description="Sources' ids it suits; empty: every channel")


class CannedReply(CannedReplyBase, table=True):
    __tablename__ = "canned_reply"

    id: str = Field(primary_key=True)
    created_by: str
    created_at: datetime = Field(sa_type=UtcDateTime)  # type: ignore[call-overload]
    updated_by: str
    updated_at: datetime = Field(sa_type=UtcDateTime)  # type: ignore[call-overload]


class CannedReplyPublic(CannedReplyBase):
    id: str
    created_by: str
    created_at: datetime
    updated_by: str
    updated_at: datetime


def unknown_variables(text: str) -> list[str]:
    """What follows each `{{` in `text` that opens no known variable (`{{order.id}}`, or `{{oops` unclosed),
    in order, once each."""
    unknown = []
    for opening in _OPENING.finditer(text):
        variable = _VARIABLE.match(text, opening.start())
        if variable is None or variable.group(1) not in VARIABLES:
            end = text.find("}}", opening.start())
            unknown.append(text[opening.start():end + 2] if 0 <= end < opening.start() + 40
                           else text[opening.start():opening.start() + 20])
    return list(dict.fromkeys(unknown))


# Who an auto-reply is signed by where a text names {{agent.name}}: no agent wrote it.
AUTO_REPLY_SIGNATURE = "the support team"


def filled(text: str, variables: dict[str, str]) -> str:
    """`text` with each known `{{variable}}` replaced (as the designer's fillCanned does); others left as they are."""
    return _VARIABLE.sub(lambda found: variables.get(found.group(1), found.group(0)), text)


def auto_reply_text(session: Session, *, canned_reply_id: str, case_id: str, author: str,
                    customer_name: str | None = None) -> str | None:
    """The text an auto-reply sends for a case: the canned reply's, its variables filled (the customer's name,
    else their handle, without an @; the team's signature; the case id). None: no such canned reply."""
    reply = session.get(CannedReply, canned_reply_id)
    if reply is None:
        return None
    return filled(reply.text, {"customer.name": (customer_name or author).lstrip("@"),
                               "agent.name": AUTO_REPLY_SIGNATURE, "case.id": case_id})


def visible_to(teams: Iterable[str]) -> object:
    """The condition for the replies someone in `teams` sees: everyone's and those teams'."""
    return or_(col(CannedReply.team_id).is_(None), col(CannedReply.team_id).in_(list(teams)))


def _new_id(session: Session, title: str) -> str:
    slug = "-".join("".join(c if c.isalnum() else " " for c in title.lower()).split())[:50] or "reply"
    return slug if session.get(CannedReply, slug) is None else f"{slug}-{uuid.uuid4().hex[:6]}"


def create_canned_reply(session: Session, *, title: str, text: str, team_id: str | None, channels: list[str],
                        actor: str, now: datetime) -> CannedReply:
    """A new reply, its id made from its title."""
    reply = CannedReply(id=_new_id(session, title), title=title, text=text, team_id=team_id, channels=channels,
                        created_by=actor, created_at=now, updated_by=actor, updated_at=now)
    session.add(reply)
    session.flush()
    return reply


def change_canned_reply(session: Session, *, reply: CannedReply, fields: dict[str, object], actor: str,
                        now: datetime) -> CannedReply:
    """`fields` set on `reply`, by `actor` at `now`."""
    reply.sqlmodel_update({**fields, "updated_by": actor, "updated_at": now})
    session.add(reply)
    session.flush()
    return reply


def delete_canned_reply(session: Session, *, reply: CannedReply) -> None:
    session.delete(reply)
    session.flush()


def team_ids_of(session: Session, *, user_id: str, scoped: Iterable[str]) -> set[str]:
    """The teams a user works for: those they are scoped to, and their agent profile's team."""
    teams = set(scoped)
    agent_team = session.exec(select(Agent.team_id).where(Agent.id == user_id)).first()
    if agent_team:
        teams.add(agent_team)
    return teams
