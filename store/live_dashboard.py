"""The live dashboard's figures: what is happening now, read from the read side in one short transaction.

- **Queues**: per team, its open cases nobody holds (status open or escalated, no assignee) and since when the
  oldest of them has waited (its `opened_at`); cases no rule has routed to a team yet are the `null` team's.
- **Breaches in the last hour**: SLA breaches that fired in [now - 1 h, now], one per firing (a case whose clock
  restarted can breach twice): the `sla_breached` events of the case timeline, the sweeper's projection and the
  workflow's record of one firing being one row (engine.escalation).
- **Mention rate**: inbound mentions written (`created_at`) in the last 5 and 15 minutes, per minute. Written,
  not received: an import of last year's mentions is not a spike. Read through the `received_at` index (a
  mention written in the window was received in it too, unless its source's clock runs ahead of ours): the
  mention table has no index on `created_at` alone, and this is read every few seconds.
- **Agents online**: agents whose presence flag is on (store.routing.service.set_presence), per team; of them,
  **active**: those who viewed a case within store.presence.FRESH (a case page beats while it is open).
- **Open cases by priority**: every case not closed, whatever its status.

`visible` (the caller's rule on cases) and `teams` (None: every team) scope the figures as the case list is
scoped: a team-scoped user sees their teams' queues and agents, and the cases and mentions they may read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from engine.models import PRIORITY_ORDER, CaseStatus, Direction
from store.case_events import CaseEvent
from store.cases import Case
from store.mentions import Mention
from store.presence import FRESH, CasePresence
from store.teams import Agent, Team

BREACH_WINDOW = timedelta(hours=1)
RATE_WINDOWS = (5, 15)  # minutes
WAITING_STATUSES = (CaseStatus.open, CaseStatus.escalated)
OPEN_STATUSES = tuple(status for status in CaseStatus if status != CaseStatus.closed)  # IN, so the index serves


@dataclass
class Queue:
    team_id: str | None  # None: cases not routed to a team yet
    name: str
    waiting: int = 0
    oldest_waiting_since: datetime | None = None
    agents: int = 0
    agents_online: int = 0
    agents_active: int = 0


@dataclass
class LiveFigures:
    at: datetime
    queues: list[Queue]
    breaches_last_hour: int
    mentions: dict[int, int]  # window in minutes -> inbound mentions written in it
    open_by_priority: dict[str, int]
    agents: int = 0
    agents_online: int = 0
    agents_active: int = 0
    waiting: int = 0
    oldest_waiting_since: datetime | None = None
    open_cases: int = field(init=False)

    def __post_init__(self) -> None:
        self.open_cases = sum(self.open_by_priority.values())

    def rate(self, minutes: int) -> float:
        """Inbound mentions per minute over the last `minutes`."""
        return round(self.mentions[minutes] / minutes, 3)


def live_figures(*, session: Session, now: datetime, visible: Sequence[ColumnElement[bool]] = (),
                 visible_mentions: Sequence[ColumnElement[bool]] = (),
                 visible_events: Sequence[ColumnElement[bool]] = (), teams: frozenset[str] | None = None,
                 ) -> LiveFigures:
    """The dashboard's figures at `now` (see the module docstring); each `visible_*` is the caller's rule on
    that table's rows, `teams` the teams whose queues and agents it sees (None: all, and the unrouted queue)."""
    queues = _queues(session, visible, teams, now)
    online = [q.agents_online for q in queues]
    waiting_since = [q.oldest_waiting_since for q in queues if q.oldest_waiting_since is not None]
    return LiveFigures(
        at=now, queues=queues, breaches_last_hour=_breaches(session, now, visible_events),
        mentions={m: _mentions(session, now - timedelta(minutes=m), now, visible_mentions) for m in RATE_WINDOWS},
        open_by_priority=_open_by_priority(session, visible), agents=sum(q.agents for q in queues),
        agents_online=sum(online), agents_active=sum(q.agents_active for q in queues),
        waiting=sum(q.waiting for q in queues),
        oldest_waiting_since=min(waiting_since) if waiting_since else None)


def _queues(session: Session, visible: Sequence[ColumnElement[bool]], teams: frozenset[str] | None,
            now: datetime) -> list[Queue]:
    team_rows = select(Team.id, Team.name).order_by(col(Team.name), col(Team.id))
    if teams is not None:
        team_rows = team_rows.where(col(Team.id).in_(sorted(teams)))
    queues = {team_id: Queue(team_id=team_id, name=name) for team_id, name in session.exec(team_rows)}
    for team_id, count, oldest in session.exec(
            select(Case.team_id, func.count(), func.min(Case.opened_at))
            .where(col(Case.status).in_(WAITING_STATUSES), col(Case.assignee_id).is_(None), *visible)
            .group_by(Case.team_id)):
        if team_id not in queues:
            if teams is not None and team_id is not None:
                continue  # a case assigned to the viewer once, now in another team's queue: not their queue
            queues[team_id] = Queue(team_id=team_id, name=team_id or "Not routed yet")
        queues[team_id].waiting, queues[team_id].oldest_waiting_since = count, oldest
    agent_rows = select(Agent.team_id, Agent.online, func.count()).group_by(Agent.team_id, Agent.online)
    if teams is not None:
        agent_rows = agent_rows.where(col(Agent.team_id).in_(sorted(teams)))
    for team_id, online, count in session.exec(agent_rows):
        if team_id in queues:
            queues[team_id].agents += count
            queues[team_id].agents_online += count if online else 0
    active = (select(Agent.team_id, func.count(func.distinct(Agent.id)))
              .join(CasePresence, col(CasePresence.agent_id) == col(Agent.id))
              .where(col(Agent.online).is_(True), CasePresence.seen_at >= now - FRESH).group_by(Agent.team_id))
    for team_id, count in session.exec(active):
        if team_id in queues:
            queues[team_id].agents_active = count
    return list(queues.values())


def _breaches(session: Session, now: datetime, visible: Sequence[ColumnElement[bool]]) -> int:
    return session.exec(select(func.count()).select_from(CaseEvent).where(
        CaseEvent.kind == "sla_breached", CaseEvent.at >= now - BREACH_WINDOW, CaseEvent.at <= now,
        *visible)).one()


def _mentions(session: Session, since: datetime, until: datetime, visible: Sequence[ColumnElement[bool]]) -> int:
    return session.exec(select(func.count()).select_from(Mention).where(
        Mention.direction == Direction.inbound, Mention.received_at > since,
        Mention.created_at > since, Mention.created_at <= until,
        *visible)).one()


def _open_by_priority(session: Session, visible: Sequence[ColumnElement[bool]]) -> dict[str, int]:
    counts = dict(session.exec(select(Case.priority, func.count()).where(
        col(Case.status).in_(OPEN_STATUSES), *visible).group_by(Case.priority)).all())
    return {p.value: counts.get(p, 0) for p in PRIORITY_ORDER}
