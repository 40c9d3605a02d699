"""Share of voice's names: the brand and its competitors with their terms, read by whoever reads analytics and set
by ops leads (analytics:manage), each change audited (`analytics.share_of_voice`). Until one is saved, the setting
SWITCHBOARD_SHARE_OF_VOICE is the default (its first name the brand); deleting the saved names goes back to it.
GET /api/analytics/mentions?metric=share_of_voice counts by the names this answers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlmodel import Session

from api.audit.trail import record
from api.auth.deps import ManageAnalytics, ReadAnalytics
from api.deps import SessionDep, SettingsDep, WriteSessionDep
from api.errors import ApiError, refusal
from api.settings import Settings
from store.share_of_voice import (
    Origin,
    ShareOfVoiceTerms,
    VoiceName,
    forget_terms,
    save_terms,
    saved_row,
    terms_of,
)

router = APIRouter(tags=["analytics"])
PATH = "/analytics/share-of-voice/terms"


class ShareOfVoiceTermsPublic(BaseModel):
    brand: VoiceName | None = Field(description="The brand and its terms; null: none set anywhere")
    competitors: list[VoiceName] = Field(description="The competitors and their terms")
    origin: Origin = Field(description="saved (by an ops lead), environment (the setting SWITCHBOARD_SHARE_OF_VOICE, "
                                       "until one is saved) or none")
    updated_at: datetime | None = Field(default=None, description="saved: when")
    updated_by: str | None = Field(default=None, description="saved: by whom")


def voice_names(session: Session, settings: Settings) -> dict[str, list[str]]:
    """The names share of voice counts now: saved ones, else the setting's."""
    terms, _ = terms_of(session, default=settings.share_of_voice)
    return terms.names() if terms else {}


def _public(session: Session, settings: Settings) -> ShareOfVoiceTermsPublic:
    terms, origin = terms_of(session, default=settings.share_of_voice)
    row = saved_row(session) if origin == "saved" else None
    return ShareOfVoiceTermsPublic(brand=terms.brand if terms else None, competitors=terms.competitors if terms else [],
                                   origin=origin, updated_at=row.updated_at if row else None,
                                   updated_by=row.updated_by if row else None)


def _audited(public: ShareOfVoiceTermsPublic) -> dict[str, Any]:
    return public.model_dump(mode="json", include={"brand", "competitors", "origin"})


@router.get(PATH, response_model=ShareOfVoiceTermsPublic)
def get_share_of_voice_terms(_: ReadAnalytics, session: SessionDep, settings: SettingsDep) -> ShareOfVoiceTermsPublic:
    """The brand and competitors share of voice counts, and where they come from."""
    return _public(session, settings)


@router.put(PATH, response_model=ShareOfVoiceTermsPublic,
            responses={422: refusal("a blank, too long or repeated name or term, or too many")})
def put_share_of_voice_terms(principal: ManageAnalytics, session: WriteSessionDep, settings: SettingsDep,
                             body: ShareOfVoiceTerms) -> ShareOfVoiceTermsPublic:
    """Set the brand and competitors (each name and term once, case aside); share of voice counts by them from now
    on, over any period."""
    problem = body.problem()
    if problem is not None:
        raise ApiError(422, code="duplicate", path=problem[0], message=problem[1])
    before = _public(session, settings)
    save_terms(session, body, by=principal.user_id, now=datetime.now(UTC))
    after = _public(session, settings)
    record(session, principal, "analytics.share_of_voice", "analytics", "share_of_voice", before=_audited(before),
           after=_audited(after))
    return after


@router.delete(PATH, response_model=ShareOfVoiceTermsPublic)
def delete_share_of_voice_terms(principal: ManageAnalytics, session: WriteSessionDep,
                                settings: SettingsDep) -> ShareOfVoiceTermsPublic:
    """Forget the saved names: share of voice counts by the setting SWITCHBOARD_SHARE_OF_VOICE again (if set).
    Nothing saved: nothing changes (the request is audited all the same)."""
    before = _public(session, settings)
    forgotten = forget_terms(session)
    after = _public(session, settings)
    record(session, principal, "analytics.share_of_voice", "analytics", "share_of_voice", before=_audited(before),
           after=_audited(after), detail={"reset": True, "was_saved": forgotten})
    return after
