"""The live dashboard: queue depths, oldest waiting, breaches in the last hour, the mention rate, agents online and
open cases by priority (store.live_dashboard says how each is counted), as one JSON snapshot or as a stream.

The stream (Server-Sent Events) works as the inbox's (api.inbox.stream): a poll in the thread pool in a short read
transaction of its own, a `snapshot` event at once, then one whenever the figures change (polled every
POLL_SECONDS) and at least every REFRESH_SECONDS (ages move with the clock); it ends when `seconds` pass, the
client goes or the server stops. A client that does not accept `text/event-stream` gets the first snapshot only.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy import Engine
from sqlmodel import Session

from api.auth.deps import ReadAnalytics
from api.auth.principal import Principal
from api.cases.access import case_filter, through_cases
from api.deps import EngineDep, SessionDep
from api.inbox.stream import RETRY_MS
from store.case_events import CaseEvent
from store.cases import Case
from store.db import session_scope
from store.live_dashboard import LiveFigures, live_figures
from store.mentions import Mention

router = APIRouter(tags=["analytics"])

POLL_SECONDS = 2.0
REFRESH_SECONDS = 10.0


class LiveQueue(BaseModel):
    team_id: str | None = Field(description="The team; null: open cases no rule has routed to a team yet")
    name: str = Field(description="The team's name")
    waiting: int = Field(description="Open cases in the queue nobody holds (status open or escalated, no assignee)")
    oldest_waiting_since: datetime | None = Field(description="When the longest-waiting of them opened; null: "
                                                              "none waits")
    oldest_waiting_seconds: float | None = Field(description="How long it has waited, at the snapshot's `at`")
    agents: int = Field(description="The team's agents")
    agents_online: int = Field(description="Those whose presence is online")
    agents_active: int = Field(description="Those online who viewed a case in the last 30 seconds")


class MentionRate(BaseModel):
    last_5_minutes: float = Field(description="Inbound mentions written in the last 5 minutes, per minute")
    last_15_minutes: float = Field(description="Inbound mentions written in the last 15 minutes, per minute")
    mentions_5_minutes: int = Field(description="Inbound mentions written in the last 5 minutes")
    mentions_15_minutes: int = Field(description="Inbound mentions written in the last 15 minutes")


class OpenByPriority(BaseModel):
    low: int
    normal: int
    high: int
    urgent: int


class LiveSnapshot(BaseModel):
    at: datetime = Field(description="When the figures were taken")
    queues: list[LiveQueue] = Field(description="One per team you see, by name; then the unrouted cases, if any")
    waiting: int = Field(description="Open cases nobody holds, in every queue")
    oldest_waiting_since: datetime | None = Field(description="When the longest-waiting of them opened")
    oldest_waiting_seconds: float | None = Field(description="How long it has waited, at `at`")
    breaches_last_hour: int = Field(description="SLA breaches that fired in the last hour, one per firing")
    mention_rate: MentionRate
    agents: int = Field(description="Agents of the teams you see")
    agents_online: int = Field(description="Those whose presence is online")
    agents_active: int = Field(description="Those online who viewed a case in the last 30 seconds")
    open_cases: int = Field(description="Cases not closed")
    open_by_priority: OpenByPriority = Field(description="Cases not closed, by priority")


def _age(since: datetime | None, now: datetime) -> float | None:
    return None if since is None else round(max(0.0, (now - since).total_seconds()), 1)


def _snapshot(figures: LiveFigures) -> LiveSnapshot:
    now = figures.at
    return LiveSnapshot(
        at=now, waiting=figures.waiting, oldest_waiting_since=figures.oldest_waiting_since,
        oldest_waiting_seconds=_age(figures.oldest_waiting_since, now), breaches_last_hour=figures.breaches_last_hour,
        queues=[LiveQueue(**vars(q), oldest_waiting_seconds=_age(q.oldest_waiting_since, now))
                for q in figures.queues],
        mention_rate=MentionRate(last_5_minutes=figures.rate(5), last_15_minutes=figures.rate(15),
                                 mentions_5_minutes=figures.mentions[5], mentions_15_minutes=figures.mentions[15]),
        agents=figures.agents, agents_online=figures.agents_online, agents_active=figures.agents_active,
        open_cases=figures.open_cases,
        open_by_priority=OpenByPriority(**figures.open_by_priority))


def snapshot_of(session: Session, principal: Principal, now: datetime) -> LiveSnapshot:
    """The figures the principal may see at `now`."""
    return _snapshot(live_figures(
        session=session, now=now, visible=case_filter(principal),
        visible_mentions=through_cases(principal, Mention.conversation_id, Case.conversation_id),
        visible_events=through_cases(principal, CaseEvent.case_id),
        teams=principal.teams or None))


def _read(engine: Engine, principal: Principal) -> LiveSnapshot:
    with session_scope(engine, write=False) as session:
        return snapshot_of(session, principal, datetime.now(UTC))


def _frame(snapshot: LiveSnapshot) -> str:
    data = snapshot.model_dump(mode="json")
    return f"id: {data['at']}\nevent: snapshot\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


def _figures(snapshot: LiveSnapshot) -> dict[str, Any]:
    """What a change is: the figures, not the instant they were taken nor the ages that grow with it."""
    return snapshot.model_dump(exclude={"at": True, "oldest_waiting_seconds": True,
                                        "queues": {"__all__": {"oldest_waiting_seconds"}}})


async def live_stream(engine: Engine, principal: Principal, *, seconds: float, live: bool, disconnected: Any,
                      closing: asyncio.Event | None = None) -> AsyncIterator[str]:
    closing = closing or asyncio.Event()
    loop = asyncio.get_running_loop()
    yield f"retry: {RETRY_MS}\n\n"
    ends = loop.time() + seconds
    sent: dict[str, Any] | None = None
    sent_at = 0.0
    while True:
        snapshot = await run_in_threadpool(_read, engine, principal)
        figures = _figures(snapshot)
        if figures != sent or loop.time() - sent_at >= REFRESH_SECONDS:
            sent, sent_at = figures, loop.time()
            yield _frame(snapshot)
        if not live or loop.time() >= ends:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(closing.wait(), timeout=min(POLL_SECONDS, max(0.0, ends - loop.time())))
        if closing.is_set() or await disconnected():
            return


LIVE_DOC = {
    200: {"description": "Server-Sent Events: `snapshot` events, each's data one LiveSnapshot as JSON (the schema "
                         "of GET /api/analytics/live/snapshot): one at once, then one when the figures change and "
                         f"at least every {REFRESH_SECONDS:g} s",
          "content": {"text/event-stream": {"schema": {
              "type": "object",
              "properties": {
                  "event": {"type": "string", "enum": ["snapshot"]},
                  "data": {"type": "string", "description": "one LiveSnapshot as JSON"},
                  "id": {"type": "string", "description": "the instant the figures were taken"},
                  "retry": {"type": "integer", "description": "milliseconds an EventSource waits to reconnect"},
              }}}}},
}


@router.get("/analytics/live/snapshot", response_model=LiveSnapshot)
def live_snapshot(principal: ReadAnalytics, session: SessionDep) -> LiveSnapshot:
    """The live dashboard's figures now: queue depths and oldest waiting per team, SLA breaches in the last hour,
    the inbound mention rate, agents online and open cases by priority; a team-scoped user sees their teams'."""
    return snapshot_of(session, principal, datetime.now(UTC))


@router.get("/analytics/live", response_class=StreamingResponse, responses=LIVE_DOC)  # type: ignore[arg-type]
async def live_dashboard(
    principal: ReadAnalytics, engine: EngineDep, request: Request,
    seconds: Annotated[int, Query(ge=1, le=3600, description="how long the stream stays open; an EventSource "
                                                              "reconnects by itself")] = 900,
) -> StreamingResponse:
    """The live dashboard's figures as they change (Server-Sent Events; the session cookie works with EventSource).
    A client that does not accept `text/event-stream` gets one snapshot, then the end."""
    live = "text/event-stream" in request.headers.get("accept", "")
    body = live_stream(engine, principal, seconds=seconds, live=live, disconnected=request.is_disconnected,
                       closing=getattr(request.app.state, "streams_closing", None))
    return StreamingResponse(body, media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
