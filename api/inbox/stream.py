"""The live stream (Server-Sent Events) of what changes in the cases a principal may see.

Each stream polls the read side about once a second in the thread pool, each poll in a short read
transaction of its own, so no connection or thread is held between polls, on SQLite as on PostgreSQL:
- `case`: a case whose `updated_at` moved (the case's list fields);
- `counts`: the inbox's views and counts, when they change (breaching and overdue move with the clock too);
- `presence`: who views a case, when that changes (store.presence);
- `notification`: a new notification (api.inbox.notifications).

A case's `updated_at` is its workflow's clock when it changed, which can be written a moment later than
another case's later change: each poll looks back LOOKBACK behind the newest change it sent and skips what it
sent already. The `id` of `case` and `counts` events is that newest change's instant: `Last-Event-ID` (an
EventSource's reconnection) or `?after=` resumes from it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine
from sqlmodel import col, select

from api.auth.principal import Principal
from api.cases.access import case_filter, through_cases
from api.errors import ApiError
from api.inbox.filters import inbox
from api.inbox.notifications import notifications_of
from store.cases import Case
from store.db import session_scope
from store.presence import FRESH, CasePresence

POLL_SECONDS = 1.0
KEEP_ALIVE_SECONDS = 15.0
LOOKBACK = timedelta(seconds=30)
COUNTS_EVERY = 5  # polls: the counts are taken again at least this often (the clock moves cases to overdue)
BATCH = 500  # case changes read in one poll
RETRY_MS = 2000  # what an EventSource waits before reconnecting
MAX_RESUME = timedelta(hours=1)
CASE_FIELDS = ("id", "status", "priority", "team_id", "assignee_id", "claimed_by", "sla_due_at", "sla_breached",
               "drafts_pending", "escalation_level", "author", "subject", "updated_at")


def resume_point(raw: str | None, path: str) -> datetime | None:
    """The instant a stream resumes after (`Last-Event-ID` or `?after=`): ISO 8601 with a timezone."""
    if not raw:
        return None
    try:
        at = datetime.fromisoformat(raw)
    except ValueError:
        at = None
    if at is None or at.tzinfo is None:
        raise ApiError(400, code="bad_resume_point", path=path, message=(
            f"{raw[:60]!r} is not an instant: give an event id this stream sent (ISO 8601 with a timezone)"))
    return at.astimezone(UTC)


def resume_from(after: datetime | None, now: datetime) -> datetime:
    """Where a stream starts: `after`, within the last MAX_RESUME (a client away longer reloads anyway), or now."""
    if after is None:
        return now
    try:
        return min(max(after.astimezone(UTC), now - MAX_RESUME), now)
    except OverflowError:  # an instant at the ends of the calendar
        return now


@dataclass
class StreamState:
    cursor: datetime  # the newest change sent (or where the stream started)
    started: datetime
    sent: dict[str, datetime] = field(default_factory=dict)  # case id -> updated_at sent, within LOOKBACK
    counts: list[dict[str, Any]] | None = None
    viewers: dict[str, list[str]] = field(default_factory=dict)
    notified: set[str] = field(default_factory=set)
    polls: int = 0


Event = tuple[str, Any, str | None]  # (type, data, id)


def poll(engine: Engine, principal: Principal, state: StreamState, now: datetime) -> list[Event]:
    """One poll: the events since the last, in one short read transaction (run in the thread pool)."""
    events: list[Event] = []
    seen = case_filter(principal)
    with session_scope(engine, write=False) as session:
        rows = session.exec(select(Case).where(col(Case.updated_at) > state.cursor - LOOKBACK, *seen)
                            .order_by(col(Case.updated_at), col(Case.id)).limit(BATCH)).all()
        changed = [row for row in rows if state.sent.get(row.id) != row.updated_at]
        for row in changed:
            state.sent[row.id] = row.updated_at
            state.cursor = max(state.cursor, row.updated_at)
        cursor_id = state.cursor.isoformat()
        events += [("case", row.model_dump(mode="json", include=set(CASE_FIELDS)), cursor_id) for row in changed]
        state.sent = {k: v for k, v in state.sent.items() if v > state.cursor - LOOKBACK}

        if changed or state.counts is None or state.polls % COUNTS_EVERY == 0:
            counts = [view.model_dump() for view in inbox(session, principal, now).views]
            if counts != state.counts:
                state.counts = counts
                events.insert(0, ("counts", {"views": counts, "at": now.isoformat()}, cursor_id))

        fresh = session.exec(select(CasePresence).where(
            col(CasePresence.seen_at) >= now - FRESH, *through_cases(principal, CasePresence.case_id))
            .order_by(col(CasePresence.case_id), col(CasePresence.agent_id))).all()
        viewers: dict[str, list[str]] = {}
        for beat in fresh:
            viewers.setdefault(beat.case_id, []).append(beat.agent_id)
        for case_id in sorted(set(viewers) | set(state.viewers)):
            if viewers.get(case_id, []) != state.viewers.get(case_id, []):
                events.append(("presence", {"case_id": case_id, "viewers": viewers.get(case_id, [])}, None))
        state.viewers = viewers

        if changed or state.polls == 0:
            news = notifications_of(session, principal, now, after=state.started - LOOKBACK)
            for note in reversed(news.data):
                if note.id not in state.notified and not note.read:
                    state.notified.add(note.id)
                    events.append(("notification", note.model_dump(mode="json"), None))
    state.polls += 1
    return events


def _frame(kind: str, data: Any, event_id: str | None) -> str:
    head = f"id: {event_id}\n" if event_id else ""
    return f"{head}event: {kind}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


async def stream(engine: Engine, principal: Principal, *, after: datetime | None, seconds: float, live: bool,
                 disconnected: Any, closing: asyncio.Event | None = None) -> AsyncIterator[str]:
    """The stream's text: a first poll at once, then a poll a second until `seconds` pass, the client goes, or
    the server stops (`closing`: a server waits for open responses before it stops, and this one would not end).

    Not `live` (a client that did not ask for text/event-stream): the first poll's events only.
    """
    closing = closing or asyncio.Event()
    now = datetime.now(UTC)
    start = resume_from(after, now)
    state = StreamState(cursor=start, started=start)
    yield f"retry: {RETRY_MS}\n\n"
    ends = asyncio.get_running_loop().time() + seconds
    quiet_since = asyncio.get_running_loop().time()
    while True:
        events = await run_in_threadpool(poll, engine, principal, state, datetime.now(UTC))
        loop_now = asyncio.get_running_loop().time()
        for kind, data, event_id in events:
            yield _frame(kind, data, event_id)
        if events:
            quiet_since = loop_now
        elif loop_now - quiet_since >= KEEP_ALIVE_SECONDS:
            quiet_since = loop_now
            yield ": keep-alive\n\n"
        if not live or loop_now >= ends:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(closing.wait(), timeout=min(POLL_SECONDS, max(0.0, ends - loop_now)))
        if closing.is_set() or await disconnected():
            return
