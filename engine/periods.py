"""Relative report periods ("last 7 days", "this month") resolved to [since, until) at a given instant, in a
time zone. Pure: the caller passes `now`.

Whole local days: a saved report that says `last_7_days` means the seven days before today, midnight to midnight
where the report's reader is, so a report run twice on the same day gives the same answer and a daily schedule
delivers yesterday's figures complete. The windows that name a current span (`today`, `this_week`,
`this_month`) run to that span's end, so a day grouping shows every day of it (the future ones empty).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Literal

RelativePeriod = Literal["today", "yesterday", "last_7_days", "last_30_days", "last_90_days", "this_week",
                         "last_week", "this_month", "last_month"]
RELATIVE_PERIODS: tuple[str, ...] = RelativePeriod.__args__  # type: ignore[attr-defined]
_LAST_DAYS = {"last_7_days": 7, "last_30_days": 30, "last_90_days": 90}


def _midnight(day: date, zone: tzinfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(UTC)


def _month_start(day: date, months_later: int = 0) -> date:
    index = day.year * 12 + day.month - 1 + months_later
    return date(index // 12, index % 12 + 1, 1)


def resolve_period(period: str, *, now: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    """[since, until) in UTC of the relative `period` (one of RELATIVE_PERIODS) at `now`, in `zone`'s local
    days; weeks start on Monday. ValueError for an unknown period."""
    today = now.astimezone(zone).date()
    if period == "today":
        first, end = today, today + timedelta(days=1)
    elif period == "yesterday":
        first, end = today - timedelta(days=1), today
    elif period in _LAST_DAYS:
        first, end = today - timedelta(days=_LAST_DAYS[period]), today
    elif period in ("this_week", "last_week"):
        monday = today - timedelta(days=today.weekday()) - timedelta(weeks=1 if period == "last_week" else 0)
        first, end = monday, monday + timedelta(weeks=1)
    elif period == "this_month":
        first, end = _month_start(today), _month_start(today, 1)
    elif period == "last_month":
        first, end = _month_start(today, -1), _month_start(today)
    else:
        raise ValueError(f"no relative period {period!r}: use one of {', '.join(RELATIVE_PERIODS)}")
    return _midnight(first, zone), _midnight(end, zone)
