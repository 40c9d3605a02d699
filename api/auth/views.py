"""Logging in and out, who am I, one's own password and second factor."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from fastapi import APIRouter, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from sqlmodel import Session

from api.audit.trail import record, record_changes
from api.auth.deps import SESSION_COOKIE, Authenticated, public
from api.auth.models import LoginAnswer, LoginRequest, Me
from api.auth.permissions import ROLE_PERMISSIONS, Permission
from api.auth.service import AuthRefused, Policy, find_user, login, open_session, revoke_session
from api.auth.totp import matching_step, new_secret, provisioning_uri
from api.auth.totp import seal as seal_totp
from api.auth.users import PASSWORD_RULES, PASSWORD_SCHEMA, set_password_or_refuse
from api.deps import SessionDep, SettingsDep
from api.errors import ApiError
from api.listing import get_or_404
from api.security.ratelimit import client_address
from api.settings import Settings
from store.accounts import User, UserSession
from store.audit import Change
from store.db import session_scope
from store.teams import Agent

log = logging.getLogger("switchboard.auth")
router = APIRouter(tags=["auth"])


def _me(session: Session, user: User, *, permissions: frozenset[Permission], settings: Settings,
        expires_at: datetime | None) -> Me:
    policy = Policy.of(settings)
    # The UI shows histories only sealed; whoever may not open them (histories:decode) gets no link to it.
    ui = settings.temporal_ui() if Permission.histories_decode in permissions else None
    return Me(id=user.id, email=user.email, name=user.name, role=user.role, teams=sorted(user.teams),
              permissions=sorted(p.value for p in permissions),
              agent_id=user.id if session.get(Agent, user.id) is not None else None,
              idle_timeout_seconds=policy.idle_seconds if expires_at else None, expires_at=expires_at,
              second_factor=user.totp_secret is not None, second_factor_required=policy.enrolling(user),
              temporal_ui_url=ui, temporal_namespace=settings.temporal_namespace if ui else None)


def _refused(exc: AuthRefused) -> ApiError:
    headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else {"WWW-Authenticate": "Bearer"}
    return ApiError(exc.status, code=exc.code, path="password" if exc.code == "bad_credentials" else "",
                    message=exc.message, headers=headers)


@router.post("/auth/login", response_model=LoginAnswer, openapi_extra=public("the credentials are the request"),
             responses={401: {"description": "wrong email or password"},
                        429: {"description": "locked after repeated failures, or too many attempts from this "
                                             "address; see Retry-After"}})
async def log_in(body: LoginRequest, request: Request, response: Response, settings: SettingsDep) -> LoginAnswer:
    """Check the password; answer a session token and set it as an HttpOnly, SameSite=Strict cookie."""
    request.app.state.limits.login.check(client_address(request))
    policy = Policy.of(settings)

    def attempt() -> LoginAnswer:
        now = datetime.now(UTC)
        with session_scope(request.app.state.engine) as session:
            try:
                user = login(session=session, email=body.email, password=body.password, policy=policy, now=now,
                             totp=body.totp, keys=request.app.state.keys)
            except AuthRefused as exc:
                who = find_user(session=session, email=body.email)
                record_changes(session, [Change(actor=who.id if who else "anonymous", action="auth.login_failed",
                                        target_type="user", target_id=who.id if who else None,
                                        detail={"email": body.email, "reason": exc.code,
                                                "address": client_address(request)}, at=now)])
                session.commit()  # the failure count must stick, and its record
                log.warning("login refused for %s: %s", body.email, exc.code)
                raise _refused(exc) from exc
            token, row = open_session(session=session, user=user, policy=policy, now=now)
            record_changes(session, [Change(actor=user.id, via="password" + ("+totp" if user.totp_secret else ""),
                                            action="auth.login", target_type="user", target_id=user.id,
                                            detail={"address": client_address(request)}, at=now)])
            log.info("login: %s (%s)", user.email, user.role.value)
            me = _me(session, user, permissions=ROLE_PERMISSIONS[user.role], settings=settings,
                     expires_at=row.expires_at)
            return LoginAnswer(token=token, expires_at=row.expires_at, user=me)

    answer = await run_in_threadpool(attempt)
    response.set_cookie(SESSION_COOKIE, answer.token, max_age=policy.max_seconds, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", path="/")
    return answer


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
def log_out(principal: Authenticated, request: Request, response: Response) -> Response:
    """End this session (its cookie and token stop working at once)."""
    with session_scope(request.app.state.engine) as session:
        if principal.session_id is not None:
            revoke_session(session=session, session_id=principal.session_id, now=datetime.now(UTC))
        record(session, principal, "auth.logout", "user", principal.user_id)
    response.status_code = status.HTTP_204_NO_CONTENT
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response


@router.get("/auth/me", response_model=Me)
def who_am_i(principal: Authenticated, session: SessionDep, settings: SettingsDep) -> Me:
    row = session.get(UserSession, principal.session_id) if principal.session_id else None
    user = get_or_404(session, User, principal.user_id, resource="user")
    return _me(session, user, permissions=principal.permissions, settings=settings,
               expires_at=row.expires_at if row else None)


class PasswordChange(BaseModel):
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=1, max_length=1024, json_schema_extra=PASSWORD_SCHEMA,
                              description=f"{PASSWORD_RULES}, not one you used recently")
    totp: str | None = Field(default=None, max_length=10, description="the authenticator's code, if you have one")


@router.post("/auth/password", status_code=status.HTTP_204_NO_CONTENT)
def change_own_password(principal: Authenticated, body: PasswordChange, request: Request,
                        settings: SettingsDep) -> Response:
    """Change your password: every session ends, this one included (log in again)."""
    policy, now = Policy.of(settings), datetime.now(UTC)
    with session_scope(request.app.state.engine) as session:
        try:
            user = login(session=session, email=principal.email, password=body.current_password, policy=policy,
                         now=now, totp=body.totp, keys=request.app.state.keys)
        except AuthRefused as exc:
            record(session, principal, "auth.password_change_refused", "user", principal.user_id,
                   detail={"reason": exc.code, "address": client_address(request)})
            session.commit()  # the failure count must stick, and its record
            raise ApiError(exc.status, code=exc.code, path="current_password", message=exc.message) from exc
        set_password_or_refuse(session, user, body.new_password, policy, now, path="new_password")
        record(session, principal, "auth.password_changed", "user", user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


class SecondFactorSetup(BaseModel):
    secret: str = Field(description="the key to type into an authenticator app (base32); shown this once")
    uri: str = Field(description="the same as an otpauth:// link, for a QR code")


class SecondFactorCode(BaseModel):
    code: str = Field(min_length=6, max_length=10, description="the code the authenticator shows now")


@router.post("/auth/totp", response_model=SecondFactorSetup)
def start_second_factor(principal: Authenticated, request: Request) -> SecondFactorSetup:
    """Begin setting up an authenticator: answers its key; it takes effect once a code confirms it."""
    if principal.via != "session":
        raise ApiError(403, code="forbidden", path="", message="log in to set up a second factor")
    secret = new_secret()
    with session_scope(request.app.state.engine) as session:
        user = get_or_404(session, User, principal.user_id, resource="user")
        user.totp_pending = seal_totp(secret, request.app.state.keys)
        session.add(user)
        record(session, principal, "auth.second_factor_started", "user", user.id)
    return SecondFactorSetup(secret=secret, uri=provisioning_uri(secret, principal.email))


@router.post("/auth/totp/confirm", status_code=status.HTTP_204_NO_CONTENT)
def confirm_second_factor(principal: Authenticated, body: SecondFactorCode, request: Request) -> Response:
    """Turn the authenticator on with a code it shows; from the next login on, its code is asked for."""
    now = datetime.now(UTC)
    with session_scope(request.app.state.engine) as session:
        user = get_or_404(session, User, principal.user_id, resource="user")
        if user.totp_pending is None:
            raise ApiError(409, code="nothing_pending", path="", message="start with POST /api/auth/totp")
        step = matching_step(user.totp_pending, body.code, keys=request.app.state.keys, now=now, after=None)
        if step is None:
            raise ApiError(422, code="bad_totp", path="code", message="that code does not match: check the clock of "
                                                                      "the device and type the code shown now")
        user.totp_secret, user.totp_pending, user.totp_last_step = user.totp_pending, None, step
        session.add(user)
        record(session, principal, "auth.second_factor_on", "user", user.id)
        log.info("second factor on for %s", user.email)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
