"""Business-time maths: open instants, SLA deadlines and open time between two instants.

Every function takes aware datetimes and returns aware UTC datetimes; naive
input is a `CalendarError` (a ValueError). An instant is open when its wall
clock in the calendar's zone reads inside an opening interval of its local
date, the same reading `is_open` makes. Across a DST change that means:

- spring forward: an interval starting in the skipped hour opens at the first
  instant that exists (the transition), and the day is an hour shorter;
- fall back: the repeated wall hour is open each time the clock reads it, so
  open time is real elapsed time (a 00:00-24:00 day lasts 25 hours).

The maths walks UTC time a day (or up to an offset change) at a time, so it
costs O(days spanned) and never steps minute by minute.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from .model import BusinessCalendar, CalendarError, _Tables

__all__ = ["SEARCH_HORIZON", "add_business_time", "business_time_between", "is_open", "next_open"]

# How long a calendar may stay closed before we call it never open again,
# rather than walking day by day towards the year 9999.
SEARCH_HORIZON = timedelta(days=3653)
_DAY = timedelta(days=1)
_MICROSECOND = timedelta(microseconds=1)


def _utc(name: str, moment: datetime) -> datetime:
    if not isinstance(moment, datetime):
        raise CalendarError("not_a_datetime", f"{name} must be an aware datetime, got {type(moment).__name__}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise CalendarError(
            "naive_datetime", f"{name} must be timezone-aware (say which zone it is in), got {moment.isoformat()}")
    return moment.astimezone(UTC)


def _offset(zone: ZoneInfo, moment: datetime) -> timedelta:
    return moment.astimezone(zone).utcoffset()  # type: ignore[return-value]  # a ZoneInfo always has one


def _offset_change(zone: ZoneInfo, lo: datetime, hi: datetime, offset: timedelta) -> datetime:
    """The first instant in (lo, hi] whose offset is not `offset`, knowing hi's is not."""
    # ZoneInfo keeps its transitions private, so bisect: ~37 steps to the
    # microsecond, paid only on the days the clocks change.
    while hi - lo > _MICROSECOND:
        mid = lo + (hi - lo) // 2
        if _offset(zone, mid) == offset:
            lo = mid
        else:
            hi = mid
    return hi


def _open_spans(tables: _Tables, start: datetime, until: datetime | None = None) -> Iterator[tuple[datetime, datetime]]:
    """Open stretches [s, e) of UTC time at or after `start` (and before `until`), in order.

    Neighbouring stretches may touch (at a chunk boundary or midnight); callers
    only sum or clip them, so they are not merged. Without `until`, more than
    SEARCH_HORIZON of closed time raises `never_open`.
    """
    if until is None and not tables.has_hours:
        raise CalendarError("never_open", f"the calendar in {tables.zone_name} has no opening hours on any day")
    zone, moment, last_open = tables.zone, start, start
    while until is None or moment < until:
        # A chunk of constant UTC offset, so wall time is UTC time plus one number.
        offset = _offset(zone, moment)
        end = moment + _DAY if until is None else min(moment + _DAY, until)
        if _offset(zone, end) != offset:
            end = _offset_change(zone, moment, end, offset)
        lo, hi = (moment + offset).replace(tzinfo=None), (end + offset).replace(tzinfo=None)
        for wall_start, wall_end in tables.wall_open(lo, hi):
            last_open = (wall_end - offset).replace(tzinfo=UTC)
            yield (wall_start - offset).replace(tzinfo=UTC), last_open
        if until is None and end - last_open > SEARCH_HORIZON:
            raise CalendarError(
                "never_open", f"the calendar in {tables.zone_name} is closed for over {SEARCH_HORIZON.days} days"
                f" after {start.isoformat()}")
        moment = end


def _out_of_range(error: OverflowError) -> CalendarError:
    return CalendarError("out_of_range", f"the answer lies beyond the years datetime can hold ({error})")


def is_open(calendar: BusinessCalendar, at: datetime) -> bool:
    """Whether `at` falls inside the calendar's opening hours (start included, end excluded)."""
    tables = calendar._tables
    local = _utc("at", at).astimezone(tables.zone)
    # The wall-clock reading, so the repeated fall-back hour is read twice.
    since_midnight = timedelta(hours=local.hour, minutes=local.minute, seconds=local.second,
                               microseconds=local.microsecond)
    return any(start <= since_midnight < end for start, end in tables.hours_on(local.date()))


def next_open(calendar: BusinessCalendar, at: datetime) -> datetime:
    """The first open instant at or after `at` (`at` itself, in UTC, when open).

    Raises `CalendarError` ("never_open") when the calendar stays closed for
    more than SEARCH_HORIZON.
    """
    start = _utc("at", at)
    try:
        for span_start, _ in _open_spans(calendar._tables, start):
            return span_start
    except OverflowError as error:
        raise _out_of_range(error) from None
    raise AssertionError("unreachable: _open_spans ends only by raising")


def add_business_time(calendar: BusinessCalendar, start: datetime, duration: timedelta) -> datetime:
    """The instant at which `duration` of open time has elapsed since `start`: the SLA deadline.

    Open time counts from `start` if open, else from the next opening. A
    positive duration ends at the earliest such instant, which may be the very
    end of an opening interval (a 1h target at 16:30 is due at 17:30, not at
    the next morning's opening). A zero duration gives `next_open(start)`.
    A negative duration is a `CalendarError` (a ValueError).
    """
    begin = _utc("start", start)
    if not isinstance(duration, timedelta):
        raise CalendarError("not_a_duration", f"duration must be a timedelta, got {type(duration).__name__}")
    if duration < timedelta(0):
        raise CalendarError("negative_duration", f"duration must not be negative, got {duration}")
    remaining = duration
    try:
        for span_start, span_end in _open_spans(calendar._tables, begin):
            if remaining <= span_end - span_start:
                return span_start + remaining
            remaining -= span_end - span_start
    except OverflowError as error:
        raise _out_of_range(error) from None
    raise AssertionError("unreachable: _open_spans ends only by raising")


def business_time_between(calendar: BusinessCalendar, a: datetime, b: datetime) -> timedelta:
    """The open time within [a, b): how long an SLA clock runs between a pause and a resume.

    `b` before `a` is a `CalendarError`. The inverse of `add_business_time`,
    up to closed time: for a <= b, `add_business_time(c, a, between(c, a, b))`
    is `b` whenever the instant just before `b` is open, and in every case
    `next_open` of it equals `next_open(c, b)`.
    """
    lo, hi = _utc("a", a), _utc("b", b)
    if hi < lo:
        raise CalendarError("end_before_start", f"b ({hi.isoformat()}) is before a ({lo.isoformat()})")
    try:
        return sum((end - start for start, end in _open_spans(calendar._tables, lo, until=hi)), timedelta(0))
    except OverflowError as error:
        raise _out_of_range(error) from None
