"""Inbox views as conditions on cases, as Zendesk views or Chatwoot tabs: what each one holds, who sees it,
and their counts in two aggregate queries.

A view is `mine`, `unassigned`, `breaching` (an SLA deadline within BREACHING_WINDOW, not yet passed),
`overdue` (a deadline passed, or a breach recorded), `approvals` (replies waiting for approval) or
`team:<id>`; every view holds open cases only, of those the principal may see (api.cases.access).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, and_, func, or_
from sqlalchemy import case as when
from sqlmodel import Session, col, select

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.cases.access import case_filter
from api.errors import ApiError
from engine.models import CaseStatus
from store.cases import Case
from store.teams import Team

BREACHING_WINDOW = timedelta(minutes=30)
VIEW_PATTERN = r"^(mine|unassigned|breaching|overdue|approvals|team:[^\x00]+)$"  # what a view id looks like
VIEWS = ("mine", "unassigned", "breaching", "overdue", "approvals")
LABELS = {"mine": "Mine", "unassigned": "Unassigned", "breaching": "Breaching soon", "overdue": "Overdue",
          "approvals": "Waiting for approval"}


class InboxView(BaseModel):
    id: str = Field(description="mine, unassigned, breaching, overdue, approvals or team:<team id>; "
                                "GET /api/cases?view=<id> lists its cases")
    label: str
    count: int = Field(description="open cases in the view")
    team_id: str | None = None


class Inbox(BaseModel):
    views: list[InboxView]
    at: datetime = Field(description="the instant the counts were taken (breaching and overdue depend on it)")


def _open() -> ColumnElement[bool]:
    return col(Case.status) != CaseStatus.closed


def visible_views(principal: Principal) -> list[str]:
    """The fixed views this principal has: working ones for those who work cases, approvals for approvers."""
    views = []
    if principal.can(Permission.cases_work):
        views += ["mine", "unassigned"]
    views += ["breaching", "overdue"]
    if principal.can(Permission.cases_approve):
        views.append("approvals")
    return views


def _condition(view: str, principal: Principal, now: datetime) -> ColumnElement[bool]:
    if view == "mine":
        return col(Case.assignee_id) == principal.user_id
    if view == "unassigned":
        return col(Case.assignee_id).is_(None)
    if view == "breaching":
        return and_(col(Case.sla_due_at) > now, col(Case.sla_due_at) <= now + BREACHING_WINDOW,
                    col(Case.sla_breached).is_(False))
    if view == "overdue":
        return or_(col(Case.sla_due_at) <= now, col(Case.sla_breached).is_(True))
    if view == "approvals":
        return col(Case.drafts_pending) > 0
    raise AssertionError(view)


def view_conditions(view: str, principal: Principal, now: datetime) -> list[ColumnElement[bool]]:
    """The conditions on Case rows of one view (besides the principal's visibility); 400 for a view that
    does not exist, 403 for one the principal may not open."""
    if view.startswith("team:"):
        team = view.removeprefix("team:")
        if not principal.sees_team(team):
            raise ApiError(403, code="other_team", path="view",
                           message=f"team {team!r} is not yours; you work for {', '.join(sorted(principal.teams))}")
        return [_open(), col(Case.team_id) == team]
    if view not in VIEWS:
        raise ApiError(400, code="unknown_view", path="view",
                       message=f"no inbox view {view!r}; use one of: {', '.join(VIEWS)}, or team:<team id>")
    if view == "approvals":
        principal.require(Permission.cases_approve)
    return [_open(), _condition(view, principal, now)]


def inbox(session: Session, principal: Principal, now: datetime) -> Inbox:
    """Each view this principal has, with its count: one query for the fixed views, one for the teams."""
    views = visible_views(principal)
    seen = case_filter(principal)
    sums = [func.coalesce(func.sum(when((_condition(v, principal, now), 1), else_=0)), 0) for v in views]
    counts = session.exec(select(*sums).select_from(Case).where(_open(), *seen)).one()  # type: ignore[call-overload]
    by_team = dict(session.exec(select(Case.team_id, func.count()).where(  # type: ignore[call-overload]
        _open(), *seen).group_by(Case.team_id)).all())
    teams = session.exec(select(Team).order_by(Team.name)).all()
    answer = [InboxView(id=v, label=LABELS[v], count=int(n)) for v, n in zip(views, counts, strict=True)]
    answer += [InboxView(id=f"team:{t.id}", label=t.name, count=int(by_team.get(t.id, 0)), team_id=t.id)
               for t in teams if principal.sees_team(t.id)]
    return Inbox(views=answer, at=now)
