"""Instants in query strings: ISO 8601 with an offset, and nothing else."""

from __future__ import annotations

from datetime import datetime

from fastapi import Query

from api.errors import ApiError

# An instant in ISO 8601 with its offset, and nothing else (a bare number is no instant, though pydantic's
# datetime would read it as seconds since 1970).
INSTANT = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$"


def instant_query(description: str) -> object:
    """A query parameter holding an instant (see INSTANT), documented as a date-time."""
    return Query(pattern=INSTANT, json_schema_extra={"format": "date-time"},
                 description=f"{description}, e.g. 2026-12-01T00:00:00Z")


def parse_instant(text: str | None, path: str) -> datetime | None:
    """The instant a parameter matching INSTANT names (None stays None); 422 naming `path` if the date is not one
    (2026-02-30)."""
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ApiError(422, code="bad_instant", path=path,
                       message=f"{text!r} is not an instant: give e.g. 2026-12-01T00:00:00Z") from exc


