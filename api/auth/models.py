"""What the login routes take and answer (the users', sessions' and tokens' tables: store.accounts)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlmodel import Field

from api.auth.permissions import Role

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+$"


class LoginRequest(BaseModel):
    email: str = Field(regex=EMAIL_PATTERN, max_length=320)
    password: str = Field(min_length=1, max_length=1024)
    totp: str | None = Field(default=None, max_length=10, description="the authenticator's code, if the user has one")


class Me(BaseModel):
    id: str
    email: str
    name: str
    role: Role
    teams: list[str]
    permissions: list[str]
    agent_id: str | None = Field(description="the user's agent profile, when their role works cases")
    idle_timeout_seconds: int | None = Field(description="a session ends after this long unused (null for tokens)")
    expires_at: datetime | None = Field(description="when the session ends at the latest")
    second_factor: bool = Field(default=False, description="the user logs in with an authenticator code too")
    second_factor_required: bool = Field(default=False, description=(
        "the role must use one and the user has none yet: nothing but enrolling (POST /api/auth/totp) works"))
    temporal_ui_url: str | None = Field(default=None, description=(
        "the Temporal UI, where a case's workflow is at {temporal_ui_url}/namespaces/{temporal_namespace}/workflows/"
        "{workflow_id}; only for those who may read histories (histories:decode), null when unknown"))
    temporal_namespace: str | None = Field(default=None, description="the cases' Temporal namespace, with the UI")


class LoginAnswer(BaseModel):
    token: str = Field(description="the session token (also set as an HttpOnly cookie); send as Bearer if needed")
    expires_at: datetime
    user: Me
