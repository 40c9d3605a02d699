"""Users, their sessions and their API tokens. No secret is stored: passwords as argon2id hashes,
session and token secrets as SHA-256 digests (they are 256 random bits, so a fast digest suffices)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlmodel import JSON, Column, Field, SQLModel

from store.db.types import UtcDateTime


class Role(StrEnum):
    admin = "admin"
    ops_lead = "ops_lead"
    supervisor = "supervisor"
    agent = "agent"
    auditor = "auditor"


class UserBase(SQLModel):
    email: str = Field(index=True, unique=True, description="lower case; the login name")
    name: str = ""
    role: Role
    teams: list[str] = Field(default_factory=list, sa_column=Column(JSON),
                             description="the teams whose cases the user sees and works; empty = all teams")
    disabled: bool = False


class User(UserBase, table=True):
    __tablename__ = "app_user"
    id: str = Field(primary_key=True, description="also the user's agent id when they work cases")
    password_hash: str | None = Field(default=None, description="argon2id; none: cannot log in with a password")
    password_history: list[str] = Field(default_factory=list, sa_column=Column(JSON),
                                        description="argon2id hashes of the last passwords, newest first")
    password_changed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]
    totp_secret: str | None = Field(default=None, description="the second factor's key, sealed; set once confirmed")
    totp_pending: str | None = Field(default=None, description="a key being enrolled, sealed, until a code confirms it")
    totp_last_step: int | None = Field(default=None, description="the last code's time step: a code works once")
    failed_logins: int = Field(default=0, description="consecutive failed logins")
    locked_until: datetime | None = Field(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]
    created_at: datetime = Field(sa_type=UtcDateTime)
    last_login_at: datetime | None = Field(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]

    @property
    def second_factor(self) -> bool:
        return self.totp_secret is not None


class UserPublic(UserBase):
    id: str
    created_at: datetime
    last_login_at: datetime | None
    second_factor: bool = False


class UserSession(SQLModel, table=True):
    """A login. The cookie or bearer value is only ever known to the browser; its digest is the key."""

    __tablename__ = "user_session"
    id: str = Field(primary_key=True, description="SHA-256 of the session token")
    user_id: str = Field(foreign_key="app_user.id", index=True)
    created_at: datetime = Field(sa_type=UtcDateTime)
    last_seen_at: datetime = Field(sa_type=UtcDateTime)
    expires_at: datetime = Field(sa_type=UtcDateTime, description="absolute end, whatever the activity")
    revoked_at: datetime | None = Field(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]


class ApiTokenBase(SQLModel):
    name: str = Field(min_length=1, max_length=200)
    scopes: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    expires_at: datetime | None = Field(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]


class ApiToken(ApiTokenBase, table=True):
    __tablename__ = "api_token"
    id: str = Field(primary_key=True, description="the public part of the token, sbt_<id>_<secret>")
    user_id: str = Field(foreign_key="app_user.id", index=True)
    secret_hash: str = Field(description="SHA-256 of the secret part")
    created_at: datetime = Field(sa_type=UtcDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]
    revoked_at: datetime | None = Field(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]


class ApiTokenPublic(ApiTokenBase):
    id: str
    user_id: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiTokenCreated(ApiTokenPublic):
    token: str = Field(description="shown this once: store it now, it cannot be read again")


def account_state(user: User) -> dict[str, object]:
    """What the audit log keeps of an account: never a password's hash or a second factor's key."""
    return {"email": user.email, "name": user.name, "role": user.role.value, "teams": sorted(user.teams),
            "disabled": user.disabled, "second_factor": user.second_factor}


def token_state(row: ApiToken) -> dict[str, object]:
    """What the audit log keeps of an API token: never its secret or its digest."""
    return {"user_id": row.user_id, "name": row.name, "scopes": list(row.scopes),
            "expires_at": row.expires_at.isoformat() if row.expires_at else None}
