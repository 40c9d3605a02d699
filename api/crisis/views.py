"""Crisis mode: whether a crisis is on (since when, why, the figures), its settings, and starting or ending a
crisis by hand. What starting and ending change is store.crisis' docstring; the spike maths engine.crisis'."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine
from sqlmodel import Session, col, select
from temporalio.service import RPCError

from api.audit.trail import actor_of, record, record_changes
from api.auth.deps import ManageCrisis, ReadCrisis
from api.auth.principal import Principal
from api.crisis.watch import ensure_watch
from api.deps import EngineDep, SessionDep, SettingsDep, TemporalDep
from api.errors import ApiError, refusal
from engine.crisis import CrisisSignal
from engine.messages import RoutingState
from store.crisis import (
    CrisisConfig,
    CrisisEvent,
    CrisisRefused,
    CrisisSettings,
    end_crisis,
    save_settings,
    settings_of,
    start_crisis,
    state_of,
)
from store.db import session_scope
from store.flows import Flow
from store.routing.models import QueueGuest
from store.routing.notify import notify
from store.teams import Team

router = APIRouter(tags=["crisis"])
EVENTS_SHOWN = 20


class CrisisGuest(BaseModel):
    team_id: str = Field(description="the queue (team) joined")
    agent_id: str


class CrisisCheck(BaseModel):
    at: datetime
    action: str = Field(description="start, end or none")
    reason: str
    applied: bool
    signals: list[CrisisSignal]


class CrisisEventPublic(BaseModel):
    id: int
    at: datetime
    kind: Literal["started", "ended"]
    actor: str = Field(description="who: a user, or system:crisis-watch")
    reason: str


class CrisisStatus(BaseModel):
    state: Literal["normal", "crisis"]
    since: datetime | None = Field(description="when the crisis started; null when normal")
    automatic: bool = Field(description="started by the watch (it also ends it when calm) rather than by hand")
    started_by: str | None
    reason: str | None = Field(description="why it started")
    figures: list[CrisisSignal] = Field(description="the series that spiked when it started")
    crisis_flow: str | None = Field(description="the flow version new cases start with during the crisis")
    normal_flow: str | None = Field(description="the version active before, restored at the end")
    guests: list[CrisisGuest] = Field(description="backup agents taking cases from queues not their team's")
    ended_at: datetime | None = Field(description="when the last crisis ended")
    ended_by: str | None
    end_reason: str | None
    last_check: CrisisCheck | None = Field(description="the watch's last check; null before the first")
    events: list[CrisisEventPublic] = Field(description=f"the crisis timeline, newest first (at most {EVENTS_SHOWN})")


class CrisisSettingsPublic(CrisisSettings):
    updated_at: datetime | None = None
    updated_by: str | None = None


class CrisisStart(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, max_length=500, pattern=r"\S", description="why: on the timeline and in the "
                                                                                  "audit log")


class CrisisEnd(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(default="ended by hand", min_length=1, max_length=500, pattern=r"\S")


def _status(session: Session) -> CrisisStatus:
    state = state_of(session)
    events = session.exec(select(CrisisEvent).order_by(col(CrisisEvent.at).desc(), col(CrisisEvent.id).desc())
                          .limit(EVENTS_SHOWN)).all()
    guests = session.exec(select(QueueGuest).order_by(col(QueueGuest.team_id), col(QueueGuest.agent_id))).all()
    check = state.last_check or {}
    return CrisisStatus(
        state="crisis" if state.active else "normal", since=state.since if state.active else None,
        automatic=state.automatic if state.active else False, started_by=state.started_by if state.active else None,
        reason=state.reason if state.active else None, figures=state.figures if state.active else [],
        crisis_flow=state.crisis_flow if state.active else None,
        normal_flow=state.normal_flow if state.active else None,
        guests=[CrisisGuest(team_id=g.team_id, agent_id=g.agent_id) for g in guests],
        ended_at=state.ended_at, ended_by=state.ended_by, end_reason=state.end_reason,
        last_check=CrisisCheck(at=state.last_check_at, **check) if state.last_check_at and check else None,
        events=[CrisisEventPublic(id=e.id or 0, at=e.at, kind=e.kind, actor=e.actor, reason=e.reason)  # type: ignore[arg-type]
                for e in events])


@router.get("/crisis", response_model=CrisisStatus)
def get_crisis(_: ReadCrisis, session: SessionDep) -> CrisisStatus:
    """Normal, or a crisis since when and why, with the figures; the watch's last check; the timeline."""
    return _status(session)


def _settings_public(session: Session) -> CrisisSettingsPublic:
    row = session.get(CrisisConfig, 1)
    return CrisisSettingsPublic(**settings_of(session).model_dump(),
                                updated_at=row.updated_at if row else None, updated_by=row.updated_by if row else None)


@router.get("/crisis/settings", response_model=CrisisSettingsPublic)
def get_crisis_settings(_: ReadCrisis, session: SessionDep) -> CrisisSettingsPublic:
    return _settings_public(session)


def _check_names(session: Session, body: CrisisSettings) -> None:
    """Every team and the flow version the settings name must exist: a typo would only show in a crisis."""
    teams = set(session.exec(select(Team.id)))
    if body.crisis_flow is not None and session.get(Flow, body.crisis_flow) is None:
        raise ApiError(404, code="unknown_flow", path="crisis_flow",
                       message=f"no published flow version {body.crisis_flow!r}: publish the crisis flow first, "
                               "then name its version (GET /api/flows)")
    for n, backup in enumerate(body.backup):
        if backup.team_id not in teams:
            raise ApiError(404, code="unknown_team", path=f"backup.{n}.team_id",
                           message=f"no team {backup.team_id!r}; teams: {', '.join(sorted(teams)) or 'none yet'}")
        for m, queue in enumerate(backup.queues):
            if queue not in teams:
                raise ApiError(404, code="unknown_team", path=f"backup.{n}.queues.{m}",
                               message=f"no queue (team) {queue!r}; teams: {', '.join(sorted(teams))}")
            if queue == backup.team_id:
                raise ApiError(409, code="own_queue", path=f"backup.{n}.queues.{m}",
                               message=f"{queue!r} is the backup team itself: name the queues it helps")


def _save(engine: Engine, principal: Principal, body: CrisisSettings) -> CrisisSettingsPublic:
    with session_scope(engine) as session:
        _check_names(session, body)
        before = save_settings(session, body, by=principal.user_id, now=datetime.now(UTC))
        record(session, principal, "crisis.settings", "crisis", "settings", before=before.model_dump(mode="json"),
               after=body.model_dump(mode="json"))
        session.flush()
        return _settings_public(session)


@router.put("/crisis/settings", response_model=CrisisSettingsPublic, responses={
    404: refusal("a team, queue or flow version named does not exist (path: the field)"),
    409: refusal("a backup team is named as one of its own queues (own_queue)"),
    503: refusal("saved, but the watch could not be started: Temporal did not answer")})
async def put_crisis_settings(principal: ManageCrisis, engine: EngineDep, temporal: TemporalDep,
                              settings: SettingsDep, body: CrisisSettings) -> CrisisSettingsPublic:
    """Set crisis mode up (audited). With detection `enabled`, the watch is started (or asked to check now)."""
    saved = await run_in_threadpool(_save, engine, principal, body)
    if body.enabled:
        try:
            await ensure_watch(temporal, settings.task_queue)
        except RPCError as exc:
            raise ApiError(503, code="watch_not_started", path="",
                           message=f"the settings are saved, but the crisis watch did not start ({exc.message}): "
                                   "save them again when Temporal answers") from exc
    return saved


def _refused(exc: CrisisRefused) -> ApiError:
    return ApiError(409, code=exc.code, path="", message=exc.message)


def _start(engine: Engine, principal: Principal, reason: str) -> tuple[CrisisStatus, list[RoutingState]]:
    actor, via = actor_of(principal)
    with session_scope(engine) as session:
        try:
            audit, changes = start_crisis(session, now=datetime.now(UTC), actor=actor, via=via, reason=reason,
                                          figures=[], automatic=False)
        except CrisisRefused as exc:
            raise _refused(exc) from exc
        record_changes(session, audit)
        session.flush()
        return _status(session), changes


@router.post("/crisis/start", response_model=CrisisStatus, responses={
    409: refusal("a crisis is on already (crisis_active), or the crisis flow is gone (unknown_flow)")})
async def start(principal: ManageCrisis, engine: EngineDep, temporal: TemporalDep, body: CrisisStart) -> CrisisStatus:
    """Start a crisis by hand: the crisis flow for new cases, the backup teams in their queues, supervisors told.
    A crisis started by hand is ended by hand."""
    status, changes = await run_in_threadpool(_start, engine, principal, body.reason)
    await notify(temporal, changes, engine=engine)
    return status


def _end(engine: Engine, principal: Principal, reason: str) -> CrisisStatus:
    actor, via = actor_of(principal)
    with session_scope(engine) as session:
        try:
            audit = end_crisis(session, now=datetime.now(UTC), actor=actor, via=via, reason=reason)
        except CrisisRefused as exc:
            raise _refused(exc) from exc
        record_changes(session, audit)
        session.flush()
        return _status(session)


@router.post("/crisis/end", response_model=CrisisStatus, responses={409: refusal("no crisis is on (no_crisis)")})
async def end(principal: ManageCrisis, engine: EngineDep, body: CrisisEnd) -> CrisisStatus:
    """End the crisis: the flow active before it is back for new cases, the backup leaves the queues (the cases
    they took stay theirs)."""
    return await run_in_threadpool(_end, engine, principal, body.reason)
