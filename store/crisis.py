"""Crisis mode on the read side: its settings, its state, its timeline, and starting and ending it.

Starting a crisis, in one transaction: the crisis flow version becomes the active one (new cases start with
it; running cases keep theirs), each backup team's members join the named queues as guests (`queue_guest`:
routing dispatches a queue to its own agents and its guests), those queues are dispatched at once, and a
`crisis_event` row (the crisis timeline, which the notifications read) and an audit entry are written. Ending
it undoes both: the flow that was active before comes back (unless someone activated another one meanwhile),
the guests leave the queues (the cases they took stay theirs), and the end is on the timeline and audited.
Both are what the API runs for a person and what the crisis watch's activity runs for a spike.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import JSON, Column, Session, SQLModel, col, delete, select
from sqlmodel import Field as TableField

from engine.crisis import Counts, Thresholds, count_window
from engine.messages import RoutingState
from store.accounts import Role
from store.audit import Change
from store.db.types import UtcDateTime
from store.event_payloads import CrisisEnded, CrisisStarted
from store.events_out import EventType, emit
from store.flows import Flow, activate_flow, active_flow
from store.mentions import Mention
from store.routing.models import CRISIS_REASON, QueueGuest
from store.routing.service import redispatch
from store.teams import Agent, Team


class BackupTeam(BaseModel):
    """A team of trained people from elsewhere who join these queues in a crisis."""

    model_config = ConfigDict(extra="forbid")
    team_id: str = Field(min_length=1, max_length=100, description="the backup team: its members join the queues")
    queues: list[str] = Field(min_length=1, max_length=50,
                              description="the teams whose queues they join (a team is a queue)")


class CrisisSettings(BaseModel):
    """What an ops lead sets for crisis mode."""

    model_config = ConfigDict(extra="forbid")
    enabled: bool = Field(default=False, description="the watch starts a crisis on a spike (and ends it when calm)")
    interval_seconds: int = Field(default=180, ge=30, le=3600, description="how often the watch checks")
    window_seconds: int = Field(default=900, ge=60, le=86400, description="the stretch of time each check counts")
    baseline_weeks: int = Field(default=4, ge=1, le=12, description="past weeks the baseline averages")
    thresholds: Thresholds = Field(default_factory=Thresholds)
    topics: list[str] = Field(default_factory=list, max_length=200,
                              description="the tags counted per topic; empty: every tag")
    crisis_flow: str | None = Field(default=None, max_length=100,
                                    description="the flow version new cases start with during a crisis; null: the "
                                                "active flow stays")
    backup: list[BackupTeam] = Field(default_factory=list, max_length=20)
    notify_roles: list[Role] = Field(default_factory=lambda: [Role.supervisor, Role.ops_lead],
                                     description="roles notified when a crisis starts or ends")
    notify_users: list[str] = Field(default_factory=list, max_length=200,
                                    description="users notified besides those roles")


class CrisisConfig(SQLModel, table=True):
    __tablename__ = "crisis_settings"

    id: int = TableField(default=1, primary_key=True)
    settings: dict[str, Any] = TableField(default_factory=dict, sa_column=Column(JSON))
    updated_at: datetime | None = TableField(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]
    updated_by: str | None = None


class CrisisState(SQLModel, table=True):
    """The one row saying whether a crisis is on, since when, why, and what it changed (to undo it)."""

    __tablename__ = "crisis_state"

    id: int = TableField(default=1, primary_key=True)
    active: bool = False
    since: datetime | None = TableField(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]
    automatic: bool = False
    started_by: str | None = None
    reason: str | None = None
    figures: list[dict[str, Any]] = TableField(default_factory=list, sa_column=Column(JSON))
    normal_flow: str | None = None
    crisis_flow: str | None = None
    ended_at: datetime | None = TableField(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]
    ended_by: str | None = None
    end_reason: str | None = None
    last_check_at: datetime | None = TableField(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]
    last_check: dict[str, Any] = TableField(default_factory=dict, sa_column=Column(JSON))


class CrisisEvent(SQLModel, table=True):
    """The crisis timeline: each start and end, who or what did it and why."""

    __tablename__ = "crisis_event"

    id: int | None = TableField(default=None, primary_key=True)
    at: datetime = TableField(sa_type=UtcDateTime, index=True)  # type: ignore[call-overload]
    kind: str = TableField(description="started or ended")
    actor: str
    reason: str
    detail: dict[str, Any] = TableField(default_factory=dict, sa_column=Column(JSON))


class CrisisRefused(Exception):
    """A start or end that cannot be made: `code`, and what to do."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def settings_of(session: Session) -> CrisisSettings:
    row = session.get(CrisisConfig, 1)
    return CrisisSettings.model_validate(row.settings) if row is not None and row.settings else CrisisSettings()


def save_settings(session: Session, settings: CrisisSettings, *, by: str, now: datetime) -> CrisisSettings:
    """Store the settings; answers the ones they replace."""
    row = session.get(CrisisConfig, 1)
    before = settings_of(session)
    if row is None:
        row = CrisisConfig(id=1)
    row.settings, row.updated_at, row.updated_by = settings.model_dump(mode="json"), now, by
    session.add(row)
    return before


def state_of(session: Session) -> CrisisState:
    return session.get(CrisisState, 1) or CrisisState(id=1)


def _change(actor: str, via: str | None, action: str, now: datetime, **detail: Any) -> Change:
    return Change(actor=actor, via=via, action=action, target_type="crisis", target_id="crisis", detail=detail,
                  at=now)


def start_crisis(session: Session, *, now: datetime, actor: str, via: str | None, reason: str,
                 figures: list[dict[str, Any]], automatic: bool) -> tuple[list[Change], list[RoutingState]]:
    """Switch crisis mode on; answers the audit entries to append and the routing changes to signal."""
    state = state_of(session)
    if state.active:
        raise CrisisRefused("crisis_active", f"a crisis is on since {state.since:%Y-%m-%d %H:%M} UTC: end it first "
                                             "(POST /api/crisis/end)")
    settings = settings_of(session)
    normal = active_flow(session=session)
    crisis_flow = session.get(Flow, settings.crisis_flow) if settings.crisis_flow else None
    if settings.crisis_flow and crisis_flow is None:
        raise CrisisRefused("unknown_flow", f"the crisis flow version {settings.crisis_flow!r} is not published: "
                                            "choose another in the crisis settings")
    if crisis_flow is not None and (normal is None or normal.id != crisis_flow.id):
        activate_flow(session=session, flow=crisis_flow, by=actor)
    guests = _bring_in(session, settings, now)
    session.flush()
    changes = [change for queue in sorted({q for b in settings.backup for q in b.queues})
               for change in redispatch(session, queue, now)]
    state.sqlmodel_update(dict(active=True, since=now, automatic=automatic, started_by=actor, reason=reason,
                               figures=figures, normal_flow=normal.id if normal else None,
                               crisis_flow=crisis_flow.id if crisis_flow else None, ended_at=None, ended_by=None,
                               end_reason=None))
    session.add(state)
    detail = {"automatic": automatic, "crisis_flow": state.crisis_flow, "normal_flow": state.normal_flow,
              "guests": guests, "figures": figures, "notify_roles": [r.value for r in settings.notify_roles],
              "notify_users": settings.notify_users}
    session.add(CrisisEvent(at=now, kind="started", actor=actor, reason=reason, detail=detail))
    emit(session, EventType.crisis_started, CrisisStarted(
        actor=actor, automatic=automatic, reason=reason, crisis_flow=state.crisis_flow, normal_flow=state.normal_flow,
        guests=guests, figures=figures), occurred_at=now)
    return [_change(actor, via, "crisis.start", now, reason=reason, **detail)], changes


def end_crisis(session: Session, *, now: datetime, actor: str, via: str | None, reason: str) -> list[Change]:
    """Switch crisis mode off: normal routing back, the backup out of the queues; answers the audit entries."""
    state = state_of(session)
    if not state.active:
        raise CrisisRefused("no_crisis", "no crisis is on: nothing to end")
    settings = settings_of(session)
    current = active_flow(session=session)
    restored = None
    # Only the crisis's own switch is undone: a flow someone activated during the crisis stays.
    if state.crisis_flow and current is not None and current.id == state.crisis_flow and state.normal_flow:
        normal = session.get(Flow, state.normal_flow)
        if normal is not None:
            activate_flow(session=session, flow=normal, by=actor)
            restored = normal.id
    guests = [[g.team_id, g.agent_id] for g in session.exec(
        select(QueueGuest).where(QueueGuest.reason == CRISIS_REASON).order_by(col(QueueGuest.team_id),
                                                                                col(QueueGuest.agent_id)))]
    session.exec(delete(QueueGuest).where(col(QueueGuest.reason) == CRISIS_REASON))  # type: ignore[call-overload]
    started = state.since
    state.sqlmodel_update(dict(active=False, ended_at=now, ended_by=actor, end_reason=reason))
    session.add(state)
    detail = {"since": started.isoformat() if started else None, "restored_flow": restored, "guests_removed": guests,
              "notify_roles": [r.value for r in settings.notify_roles], "notify_users": settings.notify_users}
    session.add(CrisisEvent(at=now, kind="ended", actor=actor, reason=reason, detail=detail))
    emit(session, EventType.crisis_ended, CrisisEnded(actor=actor, reason=reason, since=started, restored_flow=restored,
                                                      guests_removed=guests), occurred_at=now)
    return [_change(actor, via, "crisis.end", now, reason=reason, **detail)]


def _bring_in(session: Session, settings: CrisisSettings, now: datetime) -> list[list[str]]:
    """Each backup team's members become guests of its queues; answers [queue, agent] pairs added."""
    added = []
    for backup in settings.backup:
        members = session.exec(select(Agent.id).where(Agent.team_id == backup.team_id).order_by(col(Agent.id))).all()
        for queue in backup.queues:
            if session.get(Team, queue) is None:
                continue  # a queue deleted since the settings were saved: nobody to help there
            for agent_id in members:
                if session.get(QueueGuest, (queue, agent_id)) is None:
                    session.add(QueueGuest(team_id=queue, agent_id=agent_id, reason=CRISIS_REASON, since=now))
                    added.append([queue, agent_id])
    return added


def guests_of(session: Session, team_id: str) -> list[str]:
    """The agents of other teams who take this queue's cases too."""
    return list(session.exec(select(QueueGuest.agent_id).where(QueueGuest.team_id == team_id)
                             .order_by(col(QueueGuest.agent_id))).all())


def window_counts(session: Session, start: datetime, end: datetime, *, negative_below: float,
                  topics: list[str]) -> Counts:
    """Inbound mentions received in [start, end), counted as engine.crisis counts them."""
    rows = session.exec(select(Mention.tags, Mention.sentiment).where(
        Mention.direction == "inbound", col(Mention.received_at) >= start, col(Mention.received_at) < end)).all()
    return count_window(rows, negative_below=negative_below, topics=topics)
