"""The event feed, for systems that poll rather than take webhooks: GET /api/events (token scope read:events)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.auth.deps import ReadEvents
from api.deps import SessionDep
from api.errors import ApiError
from api.events.models import EventPage
from store.events_out import EventType, envelope, events_after

router = APIRouter(tags=["events"])
STORED_TYPES = sorted(t.value for t in EventType if t != EventType.test)


def parse_types(types: str | None, path: str = "types") -> list[str]:
    """`case.opened,case.closed` as a list; refuses an unknown type, naming the known ones."""
    wanted = [t.strip() for t in (types or "").split(",") if t.strip()]
    unknown = [t for t in wanted if t not in STORED_TYPES]
    if unknown:
        raise ApiError(422, code="unknown_event_type", path=path,
                       message=f"{', '.join(unknown)}: not an event type; use any of {', '.join(STORED_TYPES)}")
    return wanted


@router.get("/events", response_model=EventPage)
def list_events(principal: ReadEvents, session: SessionDep,
                after: Annotated[int, Query(ge=0, description="The cursor of the last event you have; 0: from "
                                                              "the start")] = 0,
                types: Annotated[str | None, Query(max_length=1000, description="Comma-separated event types; "
                                                                                 "none: every type")] = None,
                limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> EventPage:
    """Events after a cursor, oldest first, with the payloads webhooks carry; resume with `next_cursor`."""
    rows = events_after(session, after=after, types=parse_types(types), limit=limit)
    return EventPage.model_validate({"events": [envelope(row) for row in rows],
                                     "next_cursor": rows[-1].id if rows else after})
