"""Date and time operators; "now" is always an argument, never the clock.

A timestamp is either an ISO 8601 string, `2026-11-23`, `2026-11-23T09:30`,
`2026-11-23T09:30:15.250Z` or `...+01:00` (no offset means UTC; fractions
of a second count to the millisecond), or a number of seconds since
1970-01-01T00:00Z. Anything else is not a timestamp: `before` and `after`
are then false and `hours_since` null. Workflows stay deterministic because
the caller supplies the current time in the data:
`{"hours_since": [{"var": "case.opened_at"}, {"var": "now"}]}`.

Both languages compute with the same doubles (milliseconds since the
epoch), so designer/src/rules/customOps.ts gives identical results.
"""

from __future__ import annotations

import math
import re

__all__ = ["after", "before", "epoch_ms", "hours_since"]

_ISO = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?"
    r"(?:([Zz])|([+-])([0-9]{2}):?([0-9]{2}))?)?"
)
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def valid_date(year: int, month: int, day: int) -> bool:
    """Whether the date exists (February 29th only in leap years)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    leap = month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return day <= _DAYS_IN_MONTH[month - 1] + leap


def _parse_iso(text: str) -> float | None:
    match = _ISO.fullmatch(text)
    if not match:
        return None
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    hour, minute, second = (int(match.group(i) or 0) for i in (4, 5, 6))
    if not valid_date(year, month, day) or hour > 23 or minute > 59 or second > 59:
        return None
    millis = int((match.group(7) or "0")[:3].ljust(3, "0"))
    offset = 0
    if match.group(9):
        off_hours, off_minutes = int(match.group(10)), int(match.group(11))
        if off_hours > 23 or off_minutes > 59:
            return None
        offset = (off_hours * 60 + off_minutes) * (-1 if match.group(9) == "-" else 1)
    seconds = days_from_civil(year, month, day) * 86400 + hour * 3600 + (minute - offset) * 60 + second
    return float(seconds * 1000 + millis)


def epoch_ms(value: object) -> float | None:
    """Milliseconds since the epoch of a timestamp, or None if `value` is not one."""
    if type(value) is str:
        return _parse_iso(value)
    if type(value) in (int, float) and math.isfinite(value):  # type: ignore[arg-type]
        return float(value) * 1000.0  # type: ignore[arg-type]
    return None


def before(a: object, b: object) -> bool:
    """`{"before": [a, b]}`: timestamp `a` is strictly earlier than `b`."""
    x, y = epoch_ms(a), epoch_ms(b)
    return x is not None and y is not None and x < y


def after(a: object, b: object) -> bool:
    """`{"after": [a, b]}`: timestamp `a` is strictly later than `b`."""
    x, y = epoch_ms(a), epoch_ms(b)
    return x is not None and y is not None and x > y


def hours_since(then: object, now: object) -> int | float | None:
    """`{"hours_since": [then, now]}`: hours from `then` to `now` (negative if `then` is later)."""
    x, y = epoch_ms(then), epoch_ms(now)
    if x is None or y is None:
        return None
    hours = (y - x) / 3_600_000.0
    # Whole hours come back as ints, like the rest of the engine's numbers.
    return int(hours) if hours.is_integer() else hours
