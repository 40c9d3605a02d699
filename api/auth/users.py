"""Users, for admins: add, list, change role and teams, disable, set a password, reset a second factor."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status
from pydantic import BaseModel, Field
from sqlmodel import Session

from api.auth.deps import ManageUsers
from api.auth.models import EMAIL_PATTERN, User, UserPublic
from api.auth.passwords import PasswordRefused
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
from api.db import session_scope
from api.deps import ListDep, SessionDep, SettingsDep
from api.errors import ApiError
from api.listing import get_or_404, list_rows

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


class UserCreate(BaseModel):
    email: str = Field(pattern=EMAIL_PATTERN, max_length=320)
    name: str = Field(default="", max_length=200)
    role: Role
    teams: list[str] = Field(default_factory=list, max_length=100,
                             description="teams whose cases the user sees; empty = all (an agent needs one)")
    password: str = Field(min_length=1, max_length=1024)


class UserChange(BaseModel):
    name: str | None = Field(default=None, max_length=200)
    role: Role | None = None
    teams: list[str] | None = Field(default=None, max_length=100)
    disabled: bool | None = Field(default=None, description="a disabled user's sessions and tokens stop working")
    reset_second_factor: bool = Field(default=False, description="remove their authenticator (a lost phone)")
    password: str | None = Field(default=None, min_length=1, max_length=1024, description="set a new password")


def account_error(exc: AccountError) -> ApiError:
    return ApiError(exc.status, code=exc.code, path=exc.path, message=str(exc))


@router.get("/users", response_model=list[UserPublic])
def list_users(_: ManageUsers, session: SessionDep, response: Response, params: ListDep) -> list[User]:
    return list_rows(session, response, params, table=User, resource="users", filterable=("role", "disabled"),
                     searchable=("email", "name"), sortable=("id", "email", "name", "role", "created_at",
                                                            "last_login_at"))


@router.get("/users/{user_id}", response_model=UserPublic)
def get_user(_: ManageUsers, session: SessionDep, user_id: UserId) -> User:
    return get_or_404(session, User, user_id, resource="user")


@router.post("/users", response_model=UserPublic, status_code=status.HTTP_201_CREATED)
def add_user(principal: ManageUsers, body: UserCreate, request: Request, settings: SettingsDep) -> User:
    with session_scope(request.app.state.engine) as session:
        try:
            user = create_user(session=session, email=body.email, role=body.role, name=body.name, teams=body.teams,
                               password=body.password, policy=Policy.of(settings), now=datetime.now(UTC))
        except AccountError as exc:
            raise account_error(exc) from exc
        except PasswordRefused as exc:
            raise ApiError(422, code="weak_password", path="password", message=str(exc)) from exc
        log.info("user %s (%s) added by %s", user.email, user.role.value, principal.email)
        return user


@router.patch("/users/{user_id}", response_model=UserPublic)
def change_user(principal: ManageUsers, user_id: UserId, body: UserChange, request: Request,
                settings: SettingsDep) -> User:
    now = datetime.now(UTC)
    with session_scope(request.app.state.engine) as session:
        user = get_or_404(session, User, user_id, resource="user")
        if user.id == principal.user_id and (body.disabled or (body.role and body.role != Role.admin)):
            raise ApiError(409, code="own_account", path="role" if body.role else "disabled",
                           message="you cannot disable or demote yourself; another admin can")
        if body.name is not None:
            user.name = body.name
        if body.role is not None or body.teams is not None:
            role = body.role if body.role is not None else user.role
            try:
                user.teams = checked_teams(session=session, role=role,
                                           teams=body.teams if body.teams is not None else user.teams)
            except AccountError as exc:
                raise account_error(exc) from exc
            user.role = role
            give_agent_profile(session=session, user=user)
        if body.disabled is not None:
            user.disabled = body.disabled
            if body.disabled:
                end_sessions(session=session, user_id=user.id, now=now)
        if body.password is not None:
            set_password_or_refuse(session, user, body.password, Policy.of(settings), now, path="password")
        if body.reset_second_factor:
            user.totp_secret = user.totp_pending = user.totp_last_step = None
            end_sessions(session=session, user_id=user.id, now=now)
        session.add(user)
        log.info("user %s changed by %s", user.email, principal.email)
        return user
