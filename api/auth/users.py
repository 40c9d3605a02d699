"""Users, for admins: add, list, change role and teams, disable, set a password, reset a second factor."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError
from sqlmodel import Session

from api.audit.trail import record
from api.auth.deps import ManageUsers
from api.auth.passwords import PasswordRefused, check_policy
from api.auth.permissions import Role
from api.auth.service import (
    AccountError,
    Policy,
    checked_teams,
    create_user,
    end_sessions,
    give_agent_profile,
    set_password,
)
from api.deps import SessionDep, SettingsDep
from api.errors import ApiError, refusal
from api.listing import Listing, ListParams, get_or_404, list_rows
from store.accounts import User, UserPublic, account_state
from store.db import session_scope
from store.fields import EMAIL_PATTERN

log = logging.getLogger("switchboard.auth")
router = APIRouter(tags=["users"])

UserId = Annotated[str, Path(max_length=100)]


def set_password_or_refuse(session: Session, user: User, password: str, policy: Policy, now: datetime,
                           *, path: str) -> None:
    """Set a new password, or answer 422 saying why the policy refuses it."""
    try:
        set_password(session=session, user=user, password=password, policy=policy, now=now)
    except PasswordRefused as exc:
        raise ApiError(422, code="weak_password", path=path, message=str(exc)) from exc


# A new password's schema: api.openapi sets its minLength from SWITCHBOARD_PASSWORD_MIN_LENGTH and adds the list of
# common breached passwords (api.auth.passwords.breached_pattern); the policy itself checks both.
PASSWORD_SCHEMA = {"minLength": Policy.min_length, "x-password-policy": True}
PASSWORD_RULES = (f"at least SWITCHBOARD_PASSWORD_MIN_LENGTH characters ({Policy.min_length} unless set), not on the "
                  "list of common breached passwords, not the account's email or name")
# An agent works for a team; supervisors, ops leads, admins and auditors may see all teams.
AGENT_NEEDS_TEAM = "an agent works for a team: give one in teams"


def _agent_with_team(teams: list[str] | None, info: ValidationInfo) -> list[str] | None:
    if info.data.get("role") == Role.agent and teams == []:
        raise PydanticCustomError("agent_needs_team", AGENT_NEEDS_TEAM)
    return teams


class UserCreate(BaseModel):
    model_config = ConfigDict(json_schema_extra={
        "if": {"properties": {"role": {"const": Role.agent.value}}, "required": ["role"]},
        "then": {"properties": {"teams": {"minItems": 1}}, "required": ["teams"]}})

    email: str = Field(pattern=EMAIL_PATTERN, max_length=320)
    name: str = Field(default="", max_length=200)
    role: Role
    teams: list[str] = Field(default_factory=list, max_length=100, validate_default=True,
                             description="teams whose cases the user sees; empty = all (an agent needs one)")
    password: str = Field(min_length=1, max_length=1024, json_schema_extra=PASSWORD_SCHEMA, description=PASSWORD_RULES)

    _teams = field_validator("teams")(_agent_with_team)


class UserChange(BaseModel):
    model_config = ConfigDict(json_schema_extra={
        "if": {"properties": {"role": {"const": Role.agent.value}}, "required": ["role"]},
        "then": {"properties": {"teams": {"minItems": 1}}}})

    name: str | None = Field(default=None, max_length=200)
    role: Role | None = None
    teams: list[str] | None = Field(default=None, max_length=100, description=(
        "teams whose cases the user sees; empty = all (an agent needs one: 409 if the user stays an agent)"))
    disabled: bool | None = Field(default=None, strict=True,
                                  description="a disabled user's sessions and tokens stop working")
    reset_second_factor: bool = Field(default=False, strict=True,
                                      description="remove their authenticator (a lost phone)")
    password: str | None = Field(default=None, min_length=1, max_length=1024, json_schema_extra=PASSWORD_SCHEMA,
                                 description=f"set a new password: {PASSWORD_RULES}, not one they used recently "
                                             "(409)")

    _teams = field_validator("teams")(_agent_with_team)


def _checked_teams(session: Session, role: Role, teams: list[str], *, sent: bool = True) -> list[str]:
    """`teams` once each is known. A team the body names (`sent`) that does not exist answers 404; a user the
    stored role or teams leave an agent without a team (which the body alone cannot say) answers 409."""
    try:
        return checked_teams(session=session, role=role, teams=teams)
    except AccountError as exc:
        if teams:  # one of them does not exist: named in the body (404), or kept from before (409)
            raise ApiError(404 if sent else 409, code="unknown_team", path="teams", message=str(exc)) from exc
        raise ApiError(409, code="agent_needs_team", path="teams",
                       message=f"{AGENT_NEEDS_TEAM} (this user has none)") from exc


def _changed_password(session: Session, user: User, password: str, policy: Policy, now: datetime) -> None:
    """Set an admin's new password for `user`: 422 when the password fails the policy on its own, 409 when only
    this account makes it fail (its email or name, or a password it used recently)."""
    try:
        set_password(session=session, user=user, password=password, policy=policy, now=now)
    except PasswordRefused as exc:
        try:
            check_policy(password, min_length=policy.min_length, email="", previous=[])
        except PasswordRefused:
            raise ApiError(422, code="weak_password", path="password", message=str(exc)) from exc
        raise ApiError(409, code="password_conflict", path="password", message=str(exc)) from exc


def account_error(exc: AccountError) -> ApiError:
    return ApiError(exc.status, code=exc.code, path=exc.path, message=str(exc))


USERS = Listing(User, "users", filterable=("role", "disabled"), searchable=("email", "name"),
                sortable=("id", "email", "name", "role", "created_at", "last_login_at"))


@router.get("/users", response_model=list[UserPublic])
def list_users(_: ManageUsers, session: SessionDep, response: Response,
               params: Annotated[ListParams, Depends(USERS)]) -> list[User]:
    return list_rows(session, response, params)


@router.get("/users/{user_id}", response_model=UserPublic)
def get_user(_: ManageUsers, session: SessionDep, user_id: UserId) -> User:
    return get_or_404(session, User, user_id, resource="user")


@router.post("/users", response_model=UserPublic, status_code=status.HTTP_201_CREATED, responses={
    404: refusal("a team the body names does not exist (path: teams)")})
def add_user(principal: ManageUsers, body: UserCreate, request: Request, settings: SettingsDep) -> User:
    with session_scope(request.app.state.engine) as session:
        teams = _checked_teams(session, body.role, body.teams)
        try:
            user = create_user(session=session, email=body.email, role=body.role, name=body.name, teams=teams,
                               password=body.password, policy=Policy.of(settings), now=datetime.now(UTC))
        except AccountError as exc:
            raise account_error(exc) from exc
        except PasswordRefused as exc:
            raise ApiError(422, code="weak_password", path="password", message=str(exc)) from exc
        record(session, principal, "user.create", "user", user.id, after=account_state(user))
        log.info("user %s (%s) added by %s", user.email, user.role.value, principal.email)
        return user


@router.patch("/users/{user_id}", response_model=UserPublic)
def change_user(principal: ManageUsers, user_id: UserId, body: UserChange, request: Request,
                settings: SettingsDep) -> User:
    now = datetime.now(UTC)
    with session_scope(request.app.state.engine) as session:
        user = get_or_404(session, User, user_id, resource="user")
        before = account_state(user)
        if user.id == principal.user_id and (body.disabled or (body.role and body.role != Role.admin)):
            raise ApiError(409, code="own_account", path="role" if body.role else "disabled",
                           message="you cannot disable or demote yourself; another admin can")
        if body.name is not None:
            user.name = body.name
        if body.role is not None or body.teams is not None:
            role = body.role if body.role is not None else user.role
            sent = body.teams is not None
            user.teams = _checked_teams(session, role, body.teams if sent else user.teams, sent=sent)
            user.role = role
            give_agent_profile(session=session, user=user)
        if body.disabled is not None:
            user.disabled = body.disabled
            if body.disabled:
                end_sessions(session=session, user_id=user.id, now=now)
        if body.password is not None:
            _changed_password(session, user, body.password, Policy.of(settings), now)
        if body.reset_second_factor:
            user.totp_secret = user.totp_pending = user.totp_last_step = None
            end_sessions(session=session, user_id=user.id, now=now)
        session.add(user)
        record(session, principal, "user.change", "user", user.id, before=before, after=account_state(user),
               detail={"password_set": body.password is not None,
                       "second_factor_reset": bool(body.reset_second_factor)})
        log.info("user %s changed by %s", user.email, principal.email)
        return user
