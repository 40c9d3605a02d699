"""`in_business_hours`: is a moment inside a team's opening hours?

`{"in_business_hours": [timestamp, calendar]}`, where the calendar comes from
the data in the `engine.calendars.BusinessCalendar` shape:

    {"timezone": "Europe/Paris",
     "weekly": {"mon": [["09:00", "12:30"], ["13:30", "18:00"]], "sat": [["10:00", "14:00"]]},
     "holidays": ["2026-12-25"],
     "exceptions": {"2026-12-24": [["09:00", "12:00"]]}}

The answer is `engine.calendars.is_open`'s: the local wall-clock reading in
the calendar's zone, inside an interval of that local date (start included,
end excluded). A timestamp that is not one (see times.py), or outside the
years 1 to 9999, is outside business hours. A calendar that does not
validate raises, which makes the rule's result null and shows in `explain`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from .times import epoch_ms

__all__ = ["in_business_hours"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# 0001-01-01T00:00Z and 9999-12-31T23:59:59.999Z, the range datetime holds.
_FIRST_MS, _LAST_MS = -62135596800000.0, 253402300799999.0


@lru_cache(maxsize=64)
def _calendar(text: str):  # type: ignore[no-untyped-def]
    # Imported on first use: pydantic is heavy, and most rules never need it.
    from engine.calendars import BusinessCalendar

    return BusinessCalendar.model_validate_json(text)


def in_business_hours(moment: object, calendar: object) -> bool:
    """Whether `moment` falls inside the opening hours of `calendar` (see the module doc)."""
    if not isinstance(calendar, dict):
        raise ValueError("the calendar must be an object with timezone, weekly, holidays and exceptions")
    # The same calendar arrives with every mention: validate and compile it once.
    parsed = _calendar(json.dumps(calendar, sort_keys=True))
    ms = epoch_ms(moment)
    if ms is None or not _FIRST_MS <= ms <= _LAST_MS:
        return False
    from engine.calendars import is_open

    try:
        return is_open(parsed, _EPOCH + timedelta(milliseconds=ms))
    except OverflowError:
        # Within a day of the range's ends, a zone offset can leave it.
        return False
