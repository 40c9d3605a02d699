"""Data access for `var`, `missing` and `missing_some`.

A `var` path is split on "." once, at compile time when it is a constant,
and each segment is classified up front (array index, `length`, plain key) so
that evaluation only walks the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .jsvalues import UNDEFINED, to_string, u16_len, u16_slice

__all__ = ["MISSING", "Segment", "lookup", "split_path", "var_args", "walk"]

# Canonical JS array index: "01" or "-1" are plain (absent) keys on arrays.
_INDEX = re.compile(r"0|[1-9][0-9]{0,9}")
_MAX_INDEX = 2**32 - 2


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


# JS `undefined` as a lookup result; distinct from a stored null.
MISSING = _Missing()


@dataclass(frozen=True, slots=True)
class Segment:
    """One dotted part of a `var` path, pre-classified for arrays and strings."""

    key: str
    index: int | None

    @classmethod
    def of(cls, key: str) -> Segment:
        """Classify `key` as an array index (when canonical) or a plain key."""
        index = int(key) if _INDEX.fullmatch(key) and int(key) <= _MAX_INDEX else None
        return cls(key, index)


def split_path(key: object) -> tuple[Segment, ...] | None:
    """Split a `var` key like JS `String(key).split(".")`.

    Returns None for the keys that mean "the whole data": null, "" and a
    missing argument.
    """
    if key is None or key is UNDEFINED or key == "":
        return None
    return tuple(Segment.of(part) for part in to_string(key).split("."))


def _step(current: object, segment: Segment) -> object:
    # JS property access on the JSON types; prototype members such as
    # `toString` are deliberately not reachable.
    if isinstance(current, dict):
        return current.get(segment.key, MISSING)
    if isinstance(current, list):
        if segment.index is not None:
            return current[segment.index] if segment.index < len(current) else MISSING
        return len(current) if segment.key == "length" else MISSING
    if isinstance(current, str):
        if segment.index is not None:
            if segment.index < u16_len(current):
                return u16_slice(current, segment.index, segment.index + 1)
            return MISSING
        return u16_len(current) if segment.key == "length" else MISSING
    return MISSING


def walk(data: object, segments: tuple[Segment, ...], default: object) -> object:
    """Follow `segments` into `data`; `default` when a step finds nothing.

    A null found at the last step is returned as null, not as the default:
    json-logic-js only falls back on `undefined`.
    """
    current = data
    for segment in segments:
        if current is None:
            return default
        current = _step(current, segment)
        if current is MISSING:
            return default
    return current


def lookup(data: object, key: object, default: object = None) -> object:
    """Evaluate `{"var": [key, default]}` against `data` for a runtime key."""
    segments = split_path(key)
    if segments is None:
        return data
    return walk(data, segments, default)


def var_args(key: object) -> tuple[object, object]:
    """Split a `missing` key the way `{"var": key}` would read it.

    A key that is itself an array is read as `var`'s argument list.
    """
    if isinstance(key, list):
        return (key[0] if key else UNDEFINED), (key[1] if len(key) > 1 else None)
    return key, None
