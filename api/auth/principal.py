"""Who is acting: the user behind a session or token, with what they may do and which teams they see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from api.auth.permissions import DESCRIPTIONS, Permission, Role
from api.errors import ApiError


@dataclass(frozen=True)
class Principal:
    user_id: str
    email: str
    name: str
    role: Role
    teams: frozenset[str]  # empty: every team
    permissions: frozenset[Permission]
    via: str  # "session" or "token"
    credential: str = ""  # the session's digest or the token's id
    seen_at: datetime | None = None  # the credential's last recorded use
    session_id: str | None = None
    # For tokens with import:SOURCE scopes, the sources they may import into; None: any.
    import_sources: frozenset[str] | None = None
    # The role must log in with a second factor and the user has none yet: only enrolling works.
    enrolling: bool = False

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def require(self, permission: Permission) -> None:
        """Raise 403 naming the missing permission unless the principal holds it."""
        if permission in self.permissions:
            return
        holder = "this token" if self.via == "token" else f"your role ({self.role.value})"
        raise ApiError(403, code="forbidden", path="",
                       message=f"{holder} does not allow {DESCRIPTIONS[permission]} ({permission.value}); "
                               "ask an admin for a role or token that does")

    def sees_team(self, team_id: str | None) -> bool:
        return not self.teams or team_id in self.teams

    def may_import(self, source: str) -> bool:
        return self.can(Permission.mentions_import) and (self.import_sources is None or source in self.import_sources)
