"""Which cases a principal may see: a user scoped to teams sees their teams' cases and the cases
assigned to them; everything read through a case (its events, mentions, conversation, customer,
expert requests) follows the same rule."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlmodel import Session, SQLModel, col

from api.auth.principal import Principal
from api.errors import ApiError
from api.listing import get_or_404
from store.cases import Case, visible_cases


def case_filter(principal: Principal) -> list[ColumnElement[bool]]:
    """Conditions on Case rows the principal may see (none: every case)."""
    return visible_cases(principal.teams, principal.user_id)


def through_cases(principal: Principal, column: object, key: object = Case.id) -> list[ColumnElement[bool]]:
    """Conditions that `column` (of another table) matches `key` of a case the principal may see: a case id
    by default, or `Case.conversation_id` for what belongs to conversations."""
    if not principal.teams:
        return []
    return [col(column).in_(select(key).where(*case_filter(principal)))]  # type: ignore[arg-type,call-overload]


def check_case(principal: Principal, case: Case) -> Case:
    """The case, if the principal may see it; else 403 naming the team it belongs to."""
    if principal.sees_team(case.team_id) or case.assignee_id == principal.user_id:
        return case
    team = case.team_id or "no team yet"
    raise ApiError(403, code="other_team", path="case_id",
                   message=f"case {case.id} belongs to {team}; you work for {', '.join(sorted(principal.teams))}")


def get_visible(session: Session, table: type[SQLModel], ident: str, *, resource: str,
                where: Sequence[ColumnElement[bool]]) -> Any:
    """One row by id: 404 if there is none, 403 if `where` (a visibility rule) hides it from the caller."""
    row = get_or_404(session, table, ident, resource=resource)
    key = table.__table__.columns["id"]  # type: ignore[attr-defined]
    if where and session.exec(select(key).where(key == ident, *where)).first() is None:
        raise ApiError(403, code="other_team", path="id",
                       message=f"{resource} {ident} belongs to another team's cases; you see only your teams'")
    return row
