"""Mapping a source's own JSON or CSV shape onto our mention fields: shared by imports and webhooks.

A mapping names, for each of our fields, the column or dotted JSON path to read (`user.screen_name`);
unmapped fields are looked up under their own names and common export names. Every problem is a
RowError naming our field and saying what to do.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from pydantic import ValidationError

from engine.discovery.timestamps import TimestampError, parse_timestamp
from store.incoming import IncomingMention

FIELDS = ("external_id", "author", "text", "created_at", "reply_to_id", "thread_id", "direction",
          "author_followers", "author_verified")
# Column names tried for a field when the mapping does not name one: ours first, then common export names.
ALIASES: dict[str, tuple[str, ...]] = {
    "external_id": ("external_id", "id", "id_str", "message_id"),
    "author": ("author", "screen_name", "user.screen_name", "username", "from", "user"),
    "text": ("text", "full_text", "body", "message", "content"),
    "created_at": ("created_at", "timestamp", "date", "time"),
    "reply_to_id": ("reply_to_id", "in_reply_to_status_id_str", "in_reply_to_status_id", "in_reply_to", "parent_id"),
    "thread_id": ("thread_id", "conversation_id"),
    "direction": ("direction",),
    "author_followers": ("author_followers", "followers", "followers_count", "user.followers_count"),
    "author_verified": ("author_verified", "verified", "user.verified"),
}
DIRECTIONS = {"inbound": "inbound", "in": "inbound", "outbound": "outbound", "out": "outbound"}
TRUE, FALSE = {"true", "1", "yes", "y", "t"}, {"false", "0", "no", "n", "f", ""}


class RowError(ValueError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


def value_at(row: dict[str, Any], column: str) -> Any:
    if column in row:
        return row[column]
    value: Any = row
    for part in column.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def map_row(row: dict[str, Any] | str, mapping: dict[str, str], brands: set[str] | frozenset[str] = frozenset(),
            default_tz: tzinfo | None = None) -> dict[str, Any]:
    """The row as an import API mention (JSON-ready), or RowError naming the field and what is wrong."""
    if isinstance(row, str):
        raise RowError("row", row)
    out: dict[str, Any] = {}
    for name in FIELDS:
        columns = (mapping[name],) if name in mapping else ALIASES[name]
        value = next((v for v in (value_at(row, c) for c in columns) if v not in (None, "")), None)
        if value is not None:
            out[name] = value
    for required in ("external_id", "author", "text", "created_at"):
        if required not in out:
            looked = mapping.get(required) or ", ".join(ALIASES[required])
            raise RowError(required, f"missing or empty (looked for {looked}); name its column in the mapping")
    out["external_id"] = str(out["external_id"])
    try:
        out["created_at"] = parse_timestamp(out["created_at"], default_tz=default_tz).isoformat()
    except TimestampError as exc:
        raise RowError("created_at", str(exc)) from None
    for name in ("reply_to_id", "thread_id"):
        if name in out:
            out[name] = str(out[name])
    if "direction" in out:
        direction = DIRECTIONS.get(str(out["direction"]).strip().lower())
        if direction is None:
            raise RowError("direction", f"{out['direction']!r} is neither inbound nor outbound")
        out["direction"] = direction
    if str(out["author"]).lower() in brands:
        out["direction"] = "outbound"
    if "author_verified" in out and isinstance(out["author_verified"], str):
        flag = out["author_verified"].strip().lower()
        if flag not in TRUE | FALSE:
            raise RowError("author_verified", f"{out['author_verified']!r} is not true or false")
        out["author_verified"] = flag in TRUE
    try:
        return IncomingMention.model_validate(out).model_dump(mode="json", exclude_none=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise RowError(".".join(str(p) for p in first["loc"]) or "row", first["msg"]) from None
