"""API tokens for integrations: each user their own (admins: everyone's), shown once, revocable."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response, status
from pydantic import AwareDatetime, BaseModel, Field

from api.audit.trail import record
from api.auth.deps import OwnTokens
from api.auth.permissions import Permission
from api.auth.service import AccountError, create_token
from api.auth.users import account_error
from api.deps import SessionDep
from api.errors import ApiError
from api.listing import Listing, ListParams, get_or_404, list_rows
from store.accounts import ApiToken, ApiTokenCreated, ApiTokenPublic, User, token_state
from store.db import session_scope

log = logging.getLogger("switchboard.auth")
router = APIRouter(tags=["tokens"])


class TokenCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200, description="what the token is for, e.g. 'nightly import'")
    scopes: list[str] = Field(min_length=1, max_length=50,
                              description="permissions (cases:read), read:AREA, or import:SOURCE")
    expires_at: AwareDatetime | None = Field(default=None, description="with a time zone, e.g. 2027-01-31T23:59:59Z")


TOKENS = Listing(ApiToken, "tokens", filterable=("user_id",), searchable=("name",),
                 sortable=("id", "name", "user_id", "created_at", "last_used_at", "expires_at"))


@router.get("/tokens", response_model=list[ApiTokenPublic])
def list_tokens(principal: OwnTokens, session: SessionDep, response: Response,
                params: Annotated[ListParams, Depends(TOKENS)]) -> list[ApiToken]:
    """Your API tokens (admins: everyone's); secrets are never shown again."""
    where = [] if principal.can(Permission.users_manage) else [ApiToken.user_id == principal.user_id]
    return list_rows(session, response, params, where=where)


@router.post("/tokens", response_model=ApiTokenCreated, status_code=status.HTTP_201_CREATED)
def make_token(principal: OwnTokens, body: TokenCreate, request: Request) -> ApiTokenCreated:
    """A token for integrations, with scopes within your role; the answer is the only time it is shown."""
    if principal.via == "token":
        raise ApiError(403, code="forbidden", path="", message="a token cannot make tokens; log in to make one")
    with session_scope(request.app.state.engine) as session:
        user = get_or_404(session, User, principal.user_id, resource="user")
        try:
            token, row = create_token(session=session, user=user, name=body.name, scopes=body.scopes,
                                      expires_at=body.expires_at, now=datetime.now(UTC))
        except AccountError as exc:
            raise account_error(exc) from exc
        record(session, principal, "token.create", "token", row.id, after=token_state(row))
        log.info("API token %s (%s) made by %s", row.id, ", ".join(row.scopes), principal.email)
        return ApiTokenCreated(**row.model_dump(), token=token)


@router.delete("/tokens/{token_id}", response_model=ApiTokenPublic)
def revoke_token(principal: OwnTokens, token_id: Annotated[str, Path(max_length=64)], request: Request) -> ApiToken:
    with session_scope(request.app.state.engine) as session:
        row = get_or_404(session, ApiToken, token_id, resource="token")
        if row.user_id != principal.user_id and not principal.can(Permission.users_manage):
            raise ApiError(404, code="not_found", path="id", message=f"no token with id {token_id!r}")
        if row.revoked_at is None:
            row.revoked_at = datetime.now(UTC)
            session.add(row)
        record(session, principal, "token.revoke", "token", row.id, detail={"user_id": row.user_id})
        log.info("API token %s revoked by %s", row.id, principal.email)
        return row
