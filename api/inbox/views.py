"""Routes of the inbox: views with counts, the live stream, notifications."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse

from api.audit.coverage import recorded_elsewhere
from api.auth.deps import ReadCases
from api.deps import EngineDep, SessionDep
from api.inbox.filters import Inbox, inbox
from api.inbox.notifications import MarkRead, Notifications, mark_read, notifications_of
from api.inbox.stream import resume_point, stream
from api.instants import instant_query, parse_instant
from store.db import session_scope

router = APIRouter(tags=["inbox"])

STREAM_DOC = {
    200: {"description": "Server-Sent Events: `case`, `counts`, `presence` and `notification` events, each's data "
                         "one JSON object; a comment every 15 s keeps the connection open",
          # OpenAPI 3.1: the schema of a text/event-stream is that of each event.
          "content": {"text/event-stream": {"schema": {
              "type": "object",
              "properties": {
                  "event": {"type": "string", "enum": ["case", "counts", "presence", "notification"]},
                  "data": {"type": "string", "description": "one JSON object"},
                  "id": {"type": "string", "description": "the instant to resume after (`after`, `Last-Event-ID`)"},
                  "retry": {"type": "integer", "description": "milliseconds an EventSource waits to reconnect"},
              }}}}},
    400: {"description": "`Last-Event-ID` is not an instant this stream sent"},
}


@router.get("/inbox", response_model=Inbox)
def get_inbox(principal: ReadCases, session: SessionDep) -> Inbox:
    """The inbox views you have (Mine, Unassigned, Breaching soon, Overdue, Waiting for approval, one per team)
    with the count of open cases in each; `GET /api/cases?view=<id>` lists them."""
    return inbox(session, principal, datetime.now(UTC))


@router.get("/stream", response_class=StreamingResponse, responses=STREAM_DOC)  # type: ignore[arg-type]
async def live_stream(
    principal: ReadCases, engine: EngineDep, request: Request,
    after: Annotated[str | None, instant_query("resume after this event id (an instant the stream sent)")] = None,
    seconds: Annotated[int, Query(ge=1, le=3600, description="how long the stream stays open; an EventSource "
                                                              "reconnects by itself, resuming where it was")] = 900,
    last_event_id: Annotated[str | None, Header(max_length=64, include_in_schema=False)] = None,
) -> StreamingResponse:
    """Changes to the cases you may see, as they happen (Server-Sent Events; the session cookie works with
    EventSource). A client that does not accept `text/event-stream` gets one round of events, then the end."""
    since = parse_instant(after, "after")
    resume = since.astimezone(UTC) if since else resume_point(last_event_id, "Last-Event-ID")
    live = "text/event-stream" in request.headers.get("accept", "")
    body = stream(engine, principal, after=resume, seconds=seconds, live=live, disconnected=request.is_disconnected,
                  closing=getattr(request.app.state, "streams_closing", None))
    return StreamingResponse(body, media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@router.get("/notifications", response_model=Notifications)
def get_notifications(principal: ReadCases, session: SessionDep) -> Notifications:
    """Your latest notifications, newest first: escalations of cases you see, replies waiting for your approval
    (approvers), cases assigned or transferred to you."""
    return notifications_of(session, principal, datetime.now(UTC))


@router.post("/notifications/read", response_model=Notifications,
             openapi_extra=recorded_elsewhere("nothing to record: a user's own read marker"))
def read_notifications(principal: ReadCases, engine: EngineDep, body: MarkRead) -> Notifications:
    """Mark a notification, and every older one, read."""
    with session_scope(engine) as session:
        mark_read(session, principal, body.up_to)
    with session_scope(engine, write=False) as session:
        return notifications_of(session, principal, datetime.now(UTC))
