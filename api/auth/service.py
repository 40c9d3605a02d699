"""Accounts, logins, sessions and API tokens. Functions take keyword arguments and a session; the
caller owns the transaction."""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from api.auth.passwords import check_policy, hash_password, needs_rehash, verify_password
from api.auth.permissions import ROLE_PERMISSIONS, WORKING_ROLES, Permission, Role, scope_permissions
from api.auth.principal import Principal
from api.auth.totp import matching_step
from api.settings import Settings
from store.accounts import ApiToken, User, UserSession
from store.keys import KeyRing, digest
from store.teams import Agent, Team

TOKEN_PREFIX = "sbt_"
MAX_LOCKOUT = timedelta(hours=1)
# last_seen_at is written at most this often, so reading pages does not write on every request.
SEEN_EVERY = timedelta(seconds=30)


class AuthRefused(Exception):
    """A login, session or token that is refused: `code` for clients, `message` for people."""

    def __init__(self, code: str, message: str, *, status: int = 401, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.status, self.retry_after = code, message, status, retry_after


class AccountError(ValueError):
    """A user or token that cannot be created or changed as asked; `path` names the field."""

    def __init__(self, message: str, *, path: str, status: int = 422, code: str = "invalid") -> None:
        super().__init__(message)
        self.path, self.status, self.code = path, status, code


@dataclass(frozen=True)
class Policy:
    min_length: int = 12
    history: int = 5
    max_failures: int = 5
    lockout_seconds: int = 30
    idle_seconds: int = 1800
    max_seconds: int = 12 * 3600
    totp_roles: frozenset[Role] = frozenset()

    @classmethod
    def of(cls, settings: Settings) -> Policy:
        roles = frozenset(Role(r.strip()) for r in settings.totp_required_roles.split(",") if r.strip())
        return cls(min_length=settings.password_min_length, history=settings.password_history,
                   max_failures=settings.login_max_failures, lockout_seconds=settings.login_lockout_seconds,
                   idle_seconds=settings.session_idle_seconds, max_seconds=settings.session_max_seconds,
                   totp_roles=roles)

    def enrolling(self, user: User) -> bool:
        """The user's role must use a second factor and they have none yet."""
        return user.role in self.totp_roles and user.totp_secret is None


def find_user(*, session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == email.strip().lower())).first()


def _new_user_id(session: Session, email: str) -> str:
    base = re.sub(r"[^a-z0-9_-]+", "-", email.split("@")[0].lower()).strip("-") or "user"
    candidate, n = base, 1
    while session.get(User, candidate) is not None:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def create_user(*, session: Session, email: str, role: Role, now: datetime, policy: Policy, name: str = "",
                teams: list[str] | None = None, password: str | None = None, user_id: str | None = None) -> User:
    """A new user; working roles (agent, supervisor) get their agent profile under the same id."""
    email = email.strip().lower()
    if find_user(session=session, email=email) is not None:
        raise AccountError(f"a user with email {email} exists", path="email", status=409, code="exists")
    teams = checked_teams(session=session, role=role, teams=teams or [])
    user = User(id=user_id or _new_user_id(session, email), email=email, name=name or email.split("@")[0],
                role=role, teams=teams, created_at=now)
    if password is not None:
        _set_password(user, password, policy=policy, now=now)
    session.add(user)
    give_agent_profile(session=session, user=user)
    session.flush()
    return user


def checked_teams(*, session: Session, role: Role, teams: list[str]) -> list[str]:
    """`teams` without repeats, once each is known and an agent has one; else AccountError on `teams`."""
    teams = list(dict.fromkeys(teams))
    for team in teams:
        if session.get(Team, team) is None:
            known = ", ".join(t.id for t in session.exec(select(Team)))
            raise AccountError(f"no team {team!r}; teams are {known or 'none yet'}", path="teams")
    if role == Role.agent and not teams:
        raise AccountError("an agent works for a team: give one (--team TEAM)", path="teams")
    return teams


def give_agent_profile(*, session: Session, user: User) -> None:
    """A user whose role works cases gets an agent profile (team, capacity, skills) under the same id."""
    if user.role in WORKING_ROLES and user.teams and session.get(Agent, user.id) is None:
        session.add(Agent(id=user.id, name=user.name, email=user.email, team_id=user.teams[0],
                          roles=["agent", "supervisor"] if user.role == Role.supervisor else ["agent"]))


def _set_password(user: User, password: str, *, policy: Policy, now: datetime) -> None:
    history = ([user.password_hash] if user.password_hash else []) + list(user.password_history)
    check_policy(password, min_length=policy.min_length, email=user.email, previous=history[:policy.history])
    user.password_history = history[:policy.history]
    user.password_hash = hash_password(password)
    user.password_changed_at = now
    user.failed_logins, user.locked_until = 0, None


def set_password(*, session: Session, user: User, password: str, policy: Policy, now: datetime) -> None:
    """Change a password (PasswordRefused if the policy refuses it); every session of the user ends."""
    _set_password(user, password, policy=policy, now=now)
    session.add(user)
    end_sessions(session=session, user_id=user.id, now=now)


def end_sessions(*, session: Session, user_id: str, now: datetime) -> int:
    rows = session.exec(select(UserSession).where(UserSession.user_id == user_id,
                                                  col(UserSession.revoked_at).is_(None))).all()
    for row in rows:
        row.revoked_at = now
        session.add(row)
    return len(rows)


def _failed(session: Session, user: User, policy: Policy, now: datetime) -> None:
    user.failed_logins += 1
    over = user.failed_logins - policy.max_failures
    if over >= 0:
        user.locked_until = now + min(timedelta(seconds=policy.lockout_seconds * 2 ** min(over, 20)), MAX_LOCKOUT)
    session.add(user)


def login(*, session: Session, email: str, password: str, policy: Policy, now: datetime,
          totp: str | None = None, keys: KeyRing | None = None) -> User:
    """The user whose password (and second factor, if they have one) this is, or AuthRefused; failures in a
    row lock the account with backoff."""
    user = find_user(session=session, email=email)
    if user is not None and user.locked_until is not None and user.locked_until > now:
        wait = int((user.locked_until - now).total_seconds()) + 1
        raise AuthRefused("locked", f"too many failed logins: try again in {wait} s", status=429, retry_after=wait)
    ok = verify_password(user.password_hash if user else None, password)
    if user is None or not ok or user.disabled:
        if user is not None and not ok:
            _failed(session, user, policy, now)
        raise AuthRefused("bad_credentials", "the email or password is wrong (or the account is disabled)")
    if user.totp_secret is not None:
        if not totp:
            raise AuthRefused("totp_required", "this account logs in with a code from its authenticator app too: "
                                               "send it as totp")
        assert keys is not None, "a second factor is checked with the key ring"
        step = matching_step(user.totp_secret, totp, keys=keys, now=now, after=user.totp_last_step)
        if step is None:
            _failed(session, user, policy, now)
            raise AuthRefused("bad_totp", "that authenticator code is wrong or was used already: wait for the next")
        user.totp_last_step = step
    if needs_rehash(user.password_hash or ""):
        user.password_hash = hash_password(password)
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    session.add(user)
    return user


def open_session(*, session: Session, user: User, policy: Policy, now: datetime) -> tuple[str, UserSession]:
    """A new session for `user`: the token (for the cookie, never stored) and its row."""
    token = secrets.token_urlsafe(32)
    row = UserSession(id=digest(token), user_id=user.id, created_at=now, last_seen_at=now,
                      expires_at=now + timedelta(seconds=policy.max_seconds))
    session.add(row)
    session.flush()
    return token, row


def revoke_session(*, session: Session, session_id: str, now: datetime) -> None:
    row = session.get(UserSession, session_id)
    if row is not None and row.revoked_at is None:
        row.revoked_at = now
        session.add(row)


def _principal(user: User, permissions: frozenset[Permission], *, via: str, credential: str,
               seen_at: datetime | None, session_id: str | None = None,
               import_sources: frozenset[str] | None = None, enrolling: bool = False) -> Principal:
    return Principal(user_id=user.id, email=user.email, name=user.name, role=user.role, teams=frozenset(user.teams),
                     permissions=permissions, via=via, credential=credential, seen_at=seen_at,
                     session_id=session_id, import_sources=import_sources, enrolling=enrolling)


def session_principal(*, session: Session, token: str, policy: Policy, now: datetime) -> Principal:
    """The principal of a session token, or AuthRefused (unknown, revoked, idle too long, past its end)."""
    row = session.get(UserSession, digest(token))
    if row is None or row.revoked_at is not None:
        raise AuthRefused("not_authenticated", "this session is not valid (logged out or unknown): log in")
    if row.expires_at <= now or row.last_seen_at + timedelta(seconds=policy.idle_seconds) <= now:
        raise AuthRefused("session_expired", "your session expired after "
                          + ("inactivity" if row.expires_at > now else "its maximum length") + ": log in again")
    user = session.get(User, row.user_id)
    if user is None or user.disabled:
        raise AuthRefused("not_authenticated", "this account is disabled: ask an admin")
    return _principal(user, ROLE_PERMISSIONS[user.role], via="session", credential=row.id, session_id=row.id,
                      seen_at=row.last_seen_at, enrolling=policy.enrolling(user))


def create_token(*, session: Session, user: User, name: str, scopes: list[str], now: datetime,
                 expires_at: datetime | None = None) -> tuple[str, ApiToken]:
    """A scoped token for `user` (shown once); its scopes must be within what the user's role may do."""
    if not scopes:
        raise AccountError("a token needs at least one scope, e.g. read:cases or import:twitter", path="scopes")
    allowed = ROLE_PERMISSIONS[user.role]
    for index, scope in enumerate(scopes):
        try:
            granted, _ = scope_permissions(scope)
        except ValueError as exc:
            raise AccountError(str(exc), path=f"scopes/{index}") from exc
        if not granted <= allowed:
            raise AccountError(f"{user.email} ({user.role.value}) cannot hold {scope!r}: their role does not "
                               "allow it", path=f"scopes/{index}", status=403, code="forbidden")
    if expires_at is not None and expires_at.tzinfo is None:
        raise AccountError("expires_at needs a time zone, e.g. 2027-01-31T23:59:59Z", path="expires_at")
    if expires_at is not None and expires_at <= now:
        raise AccountError("expires_at is in the past", path="expires_at")
    ident, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
    row = ApiToken(id=ident, user_id=user.id, name=name, scopes=list(dict.fromkeys(scopes)),
                   secret_hash=digest(secret), created_at=now, expires_at=expires_at)
    session.add(row)
    session.flush()
    return f"{TOKEN_PREFIX}{ident}_{secret}", row


def token_principal(*, session: Session, token: str, now: datetime) -> Principal:
    """The principal of an API token: its scopes, within its user's role; or AuthRefused."""
    ident, _, secret = token.removeprefix(TOKEN_PREFIX).partition("_")
    row = session.get(ApiToken, ident) if ident and secret else None
    if row is None or not hmac.compare_digest(row.secret_hash, digest(secret)):
        raise AuthRefused("not_authenticated", "this API token is not valid")
    if row.revoked_at is not None:
        raise AuthRefused("token_revoked", f"API token {row.id} ({row.name}) was revoked")
    if row.expires_at is not None and row.expires_at <= now:
        raise AuthRefused("token_expired", f"API token {row.id} ({row.name}) expired at {row.expires_at.isoformat()}")
    user = session.get(User, row.user_id)
    if user is None or user.disabled:
        raise AuthRefused("not_authenticated", "the account of this API token is disabled")
    granted: set[Permission] = set()
    sources: set[str] = set()
    for scope in row.scopes:
        perms, source = scope_permissions(scope)
        granted |= perms
        if source is not None:
            sources.add(source)
    # The bare mentions:import scope imports anywhere; import:SOURCE scopes only into their sources.
    anywhere = Permission.mentions_import.value in row.scopes
    return _principal(user, frozenset(granted) & ROLE_PERMISSIONS[user.role], via="token", credential=row.id,
                      seen_at=row.last_used_at, import_sources=None if anywhere else frozenset(sources))


def needs_marking(principal: Principal, now: datetime) -> bool:
    """Whether the session's or token's last use is older than SEEN_EVERY (reads do not write every time)."""
    return principal.seen_at is None or now - principal.seen_at >= SEEN_EVERY


def mark_seen(*, session: Session, principal: Principal, now: datetime) -> None:
    """Record the use: a session's idle clock starts again; a token shows when it was last used."""
    row = session.get(UserSession if principal.via == "session" else ApiToken, principal.credential)
    if row is None:
        return
    if isinstance(row, UserSession):
        row.last_seen_at = now
    else:
        row.last_used_at = now
    session.add(row)
