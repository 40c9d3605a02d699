"""In-app notifications, read from the case events: escalations of cases one sees, replies waiting for one's
approval, cases assigned or transferred to one. Only each user's read marker is stored (store.notifications)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session, col, select

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.cases.access import case_filter
from api.errors import ApiError
from store.case_events import CaseEvent
from store.cases import Case
from store.crisis import CrisisEvent
from store.notifications import NotificationRead

KINDS = ("escalated", "reply_pending_approval", "assigned", "reassigned", "transferred")
WINDOW = timedelta(days=7)  # older events are no news
SHOWN = 50
SCANNED = 500  # events read to find the SHOWN that concern the user

NotificationKind = Literal["escalated", "approval", "assigned", "transferred", "crisis"]


class Notification(BaseModel):
    id: str = Field(description="the case event's id; POST /api/notifications/read with it marks it and older read")
    kind: NotificationKind
    case_id: str = Field(description="the case it is about; empty for a crisis (kind crisis: GET /api/crisis)")
    at: datetime
    title: str
    subject: str = Field(description="the case's subject, for context")
    read: bool


class Notifications(BaseModel):
    unread: int = Field(description=f"unread among the latest {SHOWN}")
    data: list[Notification]


class MarkRead(BaseModel):
    model_config = ConfigDict(extra="forbid")
    up_to: str = Field(min_length=1, max_length=400, description="a notification's id: it and every older one "
                                                                 "become read")


def _about(event: CaseEvent, case: Case, principal: Principal) -> tuple[NotificationKind, str] | None:
    """What the event tells this user, or None when it is not theirs to hear."""
    detail, me = event.detail or {}, principal.user_id
    if event.actor == me:
        return None  # one's own doing is no news
    if event.kind == "escalated":
        level, target = detail.get("level"), str(detail.get("target") or "an").replace("_", " ")
        return "escalated", f"Escalated{f' to level {level}' if level else ''}: {target} SLA missed"
    if event.kind == "reply_pending_approval":
        if not principal.can(Permission.cases_approve):
            return None
        return "approval", f"A reply by {event.actor} waits for approval"
    if event.kind in ("assigned", "reassigned"):
        return ("assigned", "Assigned to you") if detail.get("agent_id") == me else None
    if event.kind == "transferred":
        to = detail.get("to_team")
        if case.assignee_id == me or (principal.teams and to in principal.teams):
            return "transferred", f"Transferred to {to} by {event.actor}"
    return None


def _marker(session: Session, user_id: str) -> NotificationRead | None:
    return session.get(NotificationRead, user_id)


def notifications_of(session: Session, principal: Principal, now: datetime, *,
                     after: datetime | None = None) -> Notifications:
    """The latest notifications of the user (or those after `after`), newest first, with the unread count."""
    since = max(now - WINDOW, after) if after else now - WINDOW
    rows = session.exec(
        select(CaseEvent, Case).join(Case, col(Case.id) == col(CaseEvent.case_id))
        .where(col(CaseEvent.kind).in_(KINDS), col(CaseEvent.at) > since, *case_filter(principal))
        .order_by(col(CaseEvent.at).desc(), col(CaseEvent.id).desc()).limit(SCANNED)).all()
    marker = _marker(session, principal.user_id)
    found: list[Notification] = []
    for event, case in rows:
        about = _about(event, case, principal)
        if about is None:
            continue
        read = marker is not None and event.at <= marker.read_at
        found.append(Notification(id=event.id, kind=about[0], case_id=case.id, at=event.at, title=about[1],
                                  subject=case.subject, read=read))
        if len(found) == SHOWN:
            break
    found = sorted(found + _crises(session, principal, since, marker), key=lambda n: n.at, reverse=True)[:SHOWN]
    return Notifications(unread=sum(1 for n in found if not n.read), data=found)


CRISIS_PREFIX = "crisis:"


def _crises(session: Session, principal: Principal, since: datetime,
            marker: NotificationRead | None) -> list[Notification]:
    """Crisis starts and ends, for the roles and users the crisis settings named when it happened."""
    rows = session.exec(select(CrisisEvent).where(col(CrisisEvent.at) > since)
                        .order_by(col(CrisisEvent.at).desc()).limit(SHOWN)).all()
    found = []
    for event in rows:
        detail = event.detail or {}
        if event.actor == principal.user_id or not (principal.role.value in detail.get("notify_roles", ())
                                                    or principal.user_id in detail.get("notify_users", ())):
            continue
        title = (f"Crisis mode started: {event.reason}" if event.kind == "started"
                 else f"Crisis mode ended: {event.reason}")
        found.append(Notification(id=f"{CRISIS_PREFIX}{event.id}", kind="crisis", case_id="", at=event.at,
                                  title=title[:300], subject=f"by {event.actor}",
                                  read=marker is not None and event.at <= marker.read_at))
    return found


def _crisis_event(session: Session, up_to: str) -> CaseEvent | None:
    """A crisis notification's event, in the shape the read marker takes (an id and an instant)."""
    number = up_to.removeprefix(CRISIS_PREFIX)
    row = session.get(CrisisEvent, int(number)) if number.isdigit() else None
    return None if row is None else CaseEvent(id=up_to, case_id="", seq=0, at=row.at, kind=row.kind)


def mark_read(session: Session, principal: Principal, up_to: str) -> None:
    """Mark the notification `up_to` and every older one read; a marker never moves back."""
    event = session.exec(select(CaseEvent).where(CaseEvent.id == up_to, *(
        [col(CaseEvent.case_id).in_(select(Case.id).where(*case_filter(principal)))]  # type: ignore[call-overload]
        if principal.teams else []))).first()
    if event is None and up_to.startswith(CRISIS_PREFIX):
        event = _crisis_event(session, up_to)
    if event is None:
        raise ApiError(404, code="unknown_notification", path="up_to",
                       message=f"no notification {up_to!r} of yours; use an id from GET /api/notifications")
    marker = _marker(session, principal.user_id)
    if marker is None:
        session.add(NotificationRead(user_id=principal.user_id, read_at=event.at, event_id=event.id))
    elif event.at > marker.read_at:
        marker.read_at, marker.event_id = event.at, event.id
        session.add(marker)
