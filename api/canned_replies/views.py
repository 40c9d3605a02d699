"""Canned replies: read by whoever may read cases (for the composer), kept by those who may manage them.

Those who manage them see them all; anyone else sees everyone's and those of the teams they work for (the
teams their user is scoped to, and their agent profile's team), as the composer offers them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Response, status
from pydantic import Field
from sqlalchemy import ColumnElement, String, cast, func, or_
from sqlmodel import Session, select

from api.audit.trail import record
from api.auth.deps import ManageCanned, ReadCases
from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.canned_replies.models import CannedReplyChange, CannedReplyCreate
from api.deps import SessionDep, WriteSessionDep
from api.errors import ApiError, refusal
from api.listing import Listing, ListParams, Text, get_or_404, list_rows
from store.canned_replies import (
    CannedReply,
    CannedReplyPublic,
    change_canned_reply,
    create_canned_reply,
    delete_canned_reply,
    team_ids_of,
    visible_to,
)
from store.sources import Source
from store.teams import Team

router = APIRouter(tags=["canned_replies"])

CANNED = Listing(CannedReply, "canned_replies", filterable=("team_id",), searchable=("title",),
                 extra={"channel": (Text | None, Field(None, description="a source's id: the replies that suit it "
                                                                         "(theirs, and every channel's)"))})


def _scope(session: Session, principal: Principal) -> list[ColumnElement[bool]]:
    if principal.can(Permission.canned_manage):
        return []
    teams = team_ids_of(session, user_id=principal.user_id, scoped=principal.teams)
    return [visible_to(teams)]  # type: ignore[list-item]


def _for_channel(channel: str) -> ColumnElement[bool]:
    """Replies for every channel (no channels) or naming `channel` among theirs (a JSON list of strings)."""
    listed = func.coalesce(cast(CannedReply.channels, String), "[]")
    quoted = json.dumps(channel).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return or_(func.replace(listed, " ", "") == "[]", listed.like(f"%{quoted}%", escape="\\"))


@router.get("/canned_replies", response_model=list[CannedReplyPublic])
def list_canned_replies(principal: ReadCases, session: SessionDep, response: Response,
                        params: Annotated[ListParams, Depends(CANNED)]) -> list[CannedReply]:
    """The canned replies the caller may insert (all of them, for those who manage them); `channel` narrows
    them to those that suit one source."""
    where = _scope(session, principal)
    channel = params.filter.get("channel")
    if channel is not None:
        where.append(_for_channel(channel))
    return list_rows(session, response, params, where=where)


def _visible(session: Session, principal: Principal, reply_id: str) -> CannedReply:
    reply: CannedReply = get_or_404(session, CannedReply, reply_id, resource="canned reply")
    if not principal.can(Permission.canned_manage) and reply.team_id is not None and reply.team_id not in (
            team_ids_of(session, user_id=principal.user_id, scoped=principal.teams)):
        raise ApiError(404, code="not_found", message=f"no canned reply with id {reply_id!r}", path="id")
    return reply


@router.get("/canned_replies/{reply_id}", response_model=CannedReplyPublic)
def get_canned_reply(principal: ReadCases, session: SessionDep, reply_id: str) -> CannedReply:
    return _visible(session, principal, reply_id)


def _check_refs(session: Session, team_id: str | None, channels: list[str] | None) -> None:
    if team_id is not None and session.get(Team, team_id) is None:
        raise ApiError(404, code="unknown_team", path="team_id",
                       message=f"no team {team_id!r}: GET /api/teams lists them (or null: everyone)")
    if channels:
        known = set(session.exec(select(Source.id)))
        for index, name in enumerate(channels):
            if name not in known:
                raise ApiError(404, code="unknown_channel", path=f"channels.{index}",
                               message=f"no channel {name!r}: a channel is a source's id, one of "
                                       f"{', '.join(sorted(known)) or '(no sources yet)'}")


def _title(title: str) -> str:
    return title.strip(" \t\n\r")


REFUSALS = {404: refusal("no such canned reply, or no team (path: team_id) or channel (channels.N) the body names")}


@router.post("/canned_replies", response_model=CannedReplyPublic, status_code=status.HTTP_201_CREATED,
             responses={404: REFUSALS[404]})
def create(principal: ManageCanned, session: WriteSessionDep, body: CannedReplyCreate) -> CannedReply:
    """A new canned reply, for everyone or one team, on every channel or some."""
    channels = list(dict.fromkeys(body.channels))
    _check_refs(session, body.team_id, channels)
    reply = create_canned_reply(session, title=_title(body.title), text=body.text, team_id=body.team_id,
                                channels=channels, actor=principal.user_id, now=datetime.now(UTC))
    record(session, principal, "canned_reply.create", "canned_reply", reply.id,
           after=CannedReplyPublic.model_validate(reply).model_dump(mode="json"))
    return reply


@router.patch("/canned_replies/{reply_id}", response_model=CannedReplyPublic, responses=REFUSALS)
def change(principal: ManageCanned, session: WriteSessionDep, reply_id: str, body: CannedReplyChange) -> CannedReply:
    """Change a canned reply's title, text, team or channels; absent fields stay as they are."""
    reply = get_or_404(session, CannedReply, reply_id, resource="canned reply")
    fields: dict[str, object] = body.model_dump(exclude_none=True, exclude={"team_id"})
    if "team_id" in body.model_fields_set:
        fields["team_id"] = body.team_id
    if "title" in fields:
        fields["title"] = _title(body.title or "")
    if "channels" in fields:
        fields["channels"] = list(dict.fromkeys(body.channels or []))
    _check_refs(session, body.team_id, body.channels)
    before = {name: getattr(reply, name) for name in fields}
    change_canned_reply(session, reply=reply, fields=fields, actor=principal.user_id, now=datetime.now(UTC))
    record(session, principal, "canned_reply.change", "canned_reply", reply.id, before=before,
           after={name: getattr(reply, name) for name in fields})
    return reply


@router.delete("/canned_replies/{reply_id}", response_model=CannedReplyPublic,
               responses={404: refusal("no such canned reply")})
def delete(principal: ManageCanned, session: WriteSessionDep, reply_id: str) -> CannedReplyPublic:
    """Remove a canned reply; answers it as it was."""
    reply = get_or_404(session, CannedReply, reply_id, resource="canned reply")
    gone = CannedReplyPublic.model_validate(reply)
    delete_canned_reply(session, reply=reply)
    record(session, principal, "canned_reply.delete", "canned_reply", reply_id,
           before=gone.model_dump(mode="json"))
    return gone
