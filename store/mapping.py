"""Mapping a source's own JSON or CSV shape onto our mention fields: shared by imports and webhooks.

A mapping names, for each of our fields, the column or dotted JSON path to read (`user.screen_name`);
unmapped fields are looked up under their own names and common export names. Every problem is a
RowError naming our field and saying what to do.

Direction comes from one of three fields: `direction` (inbound/outbound, in/out), or a true/false column
mapped as `inbound` (true: the customer's message) or `outbound` (true: our reply). A true/false column
mapped as `direction` is understood when its name says which way true points (`inbound`, `is_inbound`,
`incoming`; `outbound`, `outgoing`...). True/false is read as true/false, 1/0, yes/no, y/n, t/f, in any case.

Ids (external_id, reply_to_id, thread_id, author) that a spreadsheet or dataframe tool turned into floats are
written back as the integers they were, so replies still find their parents: `3.0`, `3.00`, `1.234e5`,
`1.0E+16` and a JSON 3.0 read as `3`, `123400`, `10000000000000000`. Anything else is kept exactly as
written: `abc`, `3.5`, `00123` and `007.0` (leading zeros: no tool writes a float that way, so it is a real
id), and `1e5` (an exponent with neither a point nor a sign is more likely a hex id than a float). A float
cannot hold more than 15 to 17 digits, so an id longer than that which went through a float tool has
already lost its last digits; this cannot bring them back.
"""

from __future__ import annotations

import math
import re
from datetime import tzinfo
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from engine.discovery.timestamps import TimestampError, parse_timestamp
from store.incoming import IncomingMention

FIELDS = ("external_id", "author", "text", "created_at", "reply_to_id", "thread_id", "direction", "inbound",
          "outbound", "author_followers", "author_verified")
DIRECTION_FIELDS = ("direction", "inbound", "outbound")  # one of them says a row's direction
ID_FIELDS = ("external_id", "reply_to_id", "thread_id", "author")
# Column names tried for a field when the mapping does not name one: ours first, then common export names.
ALIASES: dict[str, tuple[str, ...]] = {
    "external_id": ("external_id", "id", "id_str", "message_id", "tweet_id"),
    "author": ("author", "screen_name", "user.screen_name", "username", "from", "user", "author_id"),
    "text": ("text", "full_text", "body", "message", "content"),
    "created_at": ("created_at", "timestamp", "date", "time"),
    "reply_to_id": ("reply_to_id", "in_reply_to_status_id_str", "in_reply_to_status_id", "in_reply_to", "parent_id",
                    "in_response_to_tweet_id"),
    "thread_id": ("thread_id", "conversation_id"),
    "direction": ("direction",),
    "inbound": ("inbound", "is_inbound"),
    "outbound": ("outbound", "is_outbound"),
    "author_followers": ("author_followers", "followers", "followers_count", "user.followers_count"),
    "author_verified": ("author_verified", "verified", "user.verified"),
}
DIRECTIONS = {"inbound": "inbound", "in": "inbound", "outbound": "outbound", "out": "outbound"}
TRUE, FALSE = {"true", "1", "yes", "y", "t"}, {"false", "0", "no", "n", "f", ""}
# Column names (their last dotted part, less an `is_`) that say which way true points in a mapped `direction`.
TRUE_MEANS = {"inbound": "inbound", "incoming": "inbound", "in": "inbound", "from_customer": "inbound",
              "outbound": "outbound", "outgoing": "outbound", "out": "outbound", "from_brand": "outbound"}
_DECIMAL_FLOAT = re.compile(r"(?:0|[1-9][0-9]*)\.[0-9]+")  # 3.0, 3.00: a float's text (and 3.5, kept)
# 1.234e5, 1.0E+16, 1e+16 (Python's repr): one digit before the point, then a point or a signed exponent.
_EXPONENT_FLOAT = re.compile(r"[1-9](?:\.[0-9]+[eE][+-]?|[eE][+-])[0-9]{1,3}")


class RowError(ValueError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


def check_mapping(mapping: dict[str, str]) -> None:
    """ValueError when a mapping names an unknown field or more than one way of saying direction."""
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown field(s) in the mapping: {', '.join(unknown)}; fields are {', '.join(FIELDS)}")
    ways = [name for name in DIRECTION_FIELDS if name in mapping]
    if len(ways) > 1:
        raise ValueError(f"the mapping names {' and '.join(ways)}: map one of them (direction for an inbound/outbound "
                         "column, inbound or outbound for a true/false one)")


def normalise_id(value: Any) -> str:
    """An id as text, with an integral float a spreadsheet or dataframe tool wrote back as its integer.

    `3.0`, `"3.00"`, `1.234e5`, `1.0E+16` and a JSON 3.0 become `3`, `3`, `123400`, `10000000000000000`;
    everything else is kept as written (`abc`, `00123`, `007.0`, `3.5`, `1e5`): see the module docstring.
    """
    if isinstance(value, float):
        return str(int(value)) if math.isfinite(value) and value.is_integer() and value >= 0 else str(value)
    text = str(value)
    candidate = text.strip()
    if not (_DECIMAL_FLOAT.fullmatch(candidate) or _EXPONENT_FLOAT.fullmatch(candidate)):
        return text
    try:
        number = Decimal(candidate)
    except InvalidOperation:  # pragma: no cover - the patterns admit only numbers
        return text
    return str(int(number)) if number == number.to_integral_value() else text


def read_bool(value: Any) -> bool | None:
    """True or false as exports write it (true/false, 1/0, 1.0/0.0, yes/no, y/n, t/f, any case), else None."""
    if isinstance(value, bool):
        return value
    flag = normalise_id(value).strip().lower()
    return True if flag in TRUE else False if flag in FALSE - {""} else None


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
        if name not in DIRECTION_FIELDS:
            found = _lookup(row, name, mapping)
            if found is not None:
                out[name] = found[1]
    for required in ("external_id", "author", "text", "created_at"):
        if required not in out:
            looked = mapping.get(required) or ", ".join(ALIASES[required])
            raise RowError(required, f"missing or empty (looked for {looked}); name its column in the mapping")
    for name in ID_FIELDS:
        if name in out:
            out[name] = normalise_id(out[name])
    try:
        out["created_at"] = parse_timestamp(out["created_at"], default_tz=default_tz).isoformat()
    except TimestampError as exc:
        raise RowError("created_at", str(exc)) from None
    direction = _direction(row, mapping)
    if direction is not None:
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


def _lookup(row: dict[str, Any], name: str, mapping: dict[str, str]) -> tuple[str, Any] | None:
    """(column, value) of our field `name`: its mapped column, else the first alias with a value."""
    columns = (mapping[name],) if name in mapping else ALIASES[name]
    for column in columns:
        value = value_at(row, column)
        if value not in (None, ""):
            return column, value
    return None


def _direction(row: dict[str, Any], mapping: dict[str, str]) -> str | None:
    """The row's direction from the mapped direction field, else the first of them found under its aliases."""
    named = [name for name in DIRECTION_FIELDS if name in mapping]
    for name in named or DIRECTION_FIELDS:
        found = _lookup(row, name, mapping)
        if found is None:
            continue
        column, value = found
        flag = read_bool(value)
        if name == "direction":
            direction = DIRECTIONS.get(str(value).strip().lower())
            if direction is not None:
                return direction
            if flag is None:
                raise RowError("direction", f"{value!r} is neither inbound nor outbound (nor true/false)")
            way = TRUE_MEANS.get(column.rsplit(".", 1)[-1].strip().lower().removeprefix("is_"))
            if way is None:
                raise RowError("direction", f"{value!r} is true/false, and the column's name {column!r} does not "
                                            f"say which way true points: map it as inbound={column} (true: the "
                                            f"customer's message) or outbound={column} (true: our reply)")
            return way if flag else _other(way)
        if flag is None:
            raise RowError(name, f"{value!r} is not true or false (true/false, 1/0, yes/no, y/n or t/f)")
        return name if flag else _other(name)
    return None


def _other(direction: str) -> str:
    return "outbound" if direction == "inbound" else "inbound"
