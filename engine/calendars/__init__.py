"""Business-hours calendars: when a team is open, and SLA deadlines in open time.

Pure and deterministic: no clock (every "now" is an argument), no I/O once a
calendar is built, standard library and pydantic only. See `model` for the
calendar document and `maths` for the exact semantics at interval
boundaries and daylight-saving changes.
"""

from __future__ import annotations

from .maths import SEARCH_HORIZON, add_business_time, business_time_between, is_open, next_open
from .model import WEEKDAYS, BusinessCalendar, CalendarError

__all__ = [
    "SEARCH_HORIZON",
    "WEEKDAYS",
    "BusinessCalendar",
    "CalendarError",
    "add_business_time",
    "business_time_between",
    "is_open",
    "next_open",
]
