"""Business-hours calendars: SLA deadlines, open time, DST, and the properties tying them together."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from engine.calendars import (
    SEARCH_HORIZON,
    WEEKDAYS,
    BusinessCalendar,
    CalendarError,
    add_business_time,
    business_time_between,
    is_open,
    next_open,
)

LONDON, NEW_YORK = ZoneInfo("Europe/London"), ZoneInfo("America/New_York")
H = timedelta(hours=1)
OFFICE = BusinessCalendar(
    timezone="Europe/London",
    weekly={day: [["09:00", "17:30"]] for day in WEEKDAYS[:5]} | {"sat": [], "sun": []},
    holidays=["2026-08-31", "2026-12-25", "2026-12-28"],
    exceptions={"2026-12-24": [["09:00", "13:00"]]},
)


def london(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- Concrete SLA cases -------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "target", "due"), [
    (london(2026, 11, 20, 18), H, london(2026, 11, 23, 10)),  # Friday evening -> Monday morning
    (london(2026, 11, 23, 16), H, london(2026, 11, 23, 17)),  # inside hours: counts from the start
    (london(2026, 11, 23, 16, 30), H, london(2026, 11, 23, 17, 30)),  # due at the close, not next morning
    (london(2026, 11, 23, 17), H, london(2026, 11, 24, 9, 30)),  # carries over the night
    (london(2026, 8, 28, 17), H, london(2026, 9, 1, 9, 30)),  # bank-holiday Monday -> Tuesday
    (london(2026, 12, 24, 12), 2 * H, london(2026, 12, 29, 10)),  # short Christmas Eve, two holidays
    (london(2026, 11, 2, 9), 7 * timedelta(hours=8.5), london(2026, 11, 10, 17, 30)),  # seven days, two weeks
    (london(2026, 11, 21, 3), timedelta(0), london(2026, 11, 23, 9)),  # zero from closed: next opening
    (london(2026, 11, 23, 11, 15), timedelta(0), london(2026, 11, 23, 11, 15)),  # zero from open: itself
])
def test_sla_deadlines_in_office_hours(start: datetime, target: timedelta, due: datetime) -> None:
    result = add_business_time(OFFICE, start, target)
    assert result == due and result.tzinfo is UTC
    assert business_time_between(OFFICE, start, result) == target


def test_the_exception_day_replaces_the_weekly_hours() -> None:
    assert is_open(OFFICE, london(2026, 12, 24, 12, 59))
    assert not is_open(OFFICE, london(2026, 12, 24, 13))
    assert business_time_between(OFFICE, london(2026, 12, 21), london(2026, 12, 31)) == (5 * 8.5 + 4) * H


def test_interval_boundaries_include_the_start_and_exclude_the_end() -> None:
    assert is_open(OFFICE, london(2026, 11, 23, 9)) and not is_open(OFFICE, london(2026, 11, 23, 17, 30))
    assert next_open(OFFICE, london(2026, 11, 23, 17, 30)) == london(2026, 11, 24, 9)
    assert next_open(OFFICE, london(2026, 11, 23, 10)) == london(2026, 11, 23, 10)
    assert business_time_between(OFFICE, london(2026, 11, 23), london(2026, 11, 30)) == 5 * 8.5 * H


def test_a_shift_running_past_midnight_is_continuous() -> None:
    night = BusinessCalendar(timezone="UTC", weekly={"mon": [["20:00", "24:00"]], "tue": [["00:00", "02:00"]]})
    assert add_business_time(night, utc(2026, 11, 23, 23), 2 * H) == utc(2026, 11, 24, 1)
    assert add_business_time(night, utc(2026, 11, 23, 20), 4 * H) == utc(2026, 11, 24, 0)  # the end of Monday's hours


def test_bad_arguments_are_clear_value_errors() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        is_open(OFFICE, datetime(2026, 11, 23, 10))
    with pytest.raises(ValueError, match="negative"):
        add_business_time(OFFICE, london(2026, 11, 23, 10), -H)
    with pytest.raises(ValueError, match="before"):
        business_time_between(OFFICE, london(2026, 11, 23, 10), london(2026, 11, 23, 9))


# --- Daylight saving ----------------------------------------------------------------------------------

# (zone, spring-forward Sunday, the skipped local hour, fall-back Sunday, the repeated local hour)
ZONES = [(LONDON, date(2026, 3, 29), 1, date(2026, 10, 25), 1), (NEW_YORK, date(2026, 3, 8), 2, date(2026, 11, 1), 1)]
DST = pytest.mark.parametrize(("zone", "spring", "skipped", "autumn", "repeated"), ZONES)


@DST
def test_dst_days_last_23_and_25_hours(zone: ZoneInfo, spring: date, skipped: int, autumn: date, repeated: int) -> None:
    calendar = BusinessCalendar.always_open(zone.key)
    for day, length in ((spring, 23 * H), (autumn, 25 * H)):
        midnight = datetime(day.year, day.month, day.day, tzinfo=zone)
        assert business_time_between(calendar, midnight, midnight + timedelta(days=1)) == length
        assert add_business_time(calendar, midnight, length) == midnight + timedelta(days=1)  # wall-clock day


@DST
def test_an_interval_starting_in_the_spring_gap_opens_at_the_first_real_instant(
        zone: ZoneInfo, spring: date, skipped: int, autumn: date, repeated: int) -> None:
    calendar = BusinessCalendar(timezone=zone.key, weekly={"sun": [[f"{skipped:02d}:30", f"{skipped + 2:02d}:00"]]})
    midnight = datetime(spring.year, spring.month, spring.day, tzinfo=zone)
    # The first wall time after the gap; in UTC, so a second earlier is a real instant, not wall arithmetic.
    transition = datetime(spring.year, spring.month, spring.day, skipped + 1, tzinfo=zone).astimezone(UTC)
    assert next_open(calendar, midnight) == transition
    assert not is_open(calendar, transition - timedelta(seconds=1))
    assert business_time_between(calendar, midnight, midnight + timedelta(days=1)) == H
    assert add_business_time(calendar, midnight, H) == transition + H


@DST
def test_the_repeated_autumn_hour_is_open_each_time_the_clock_reads_it(
        zone: ZoneInfo, spring: date, skipped: int, autumn: date, repeated: int) -> None:
    calendar = BusinessCalendar(timezone=zone.key, weekly={"sun": [[f"{repeated:02d}:00", f"{repeated:02d}:30"]]})
    first = datetime(autumn.year, autumn.month, autumn.day, repeated, tzinfo=zone).astimezone(UTC)
    second = datetime(autumn.year, autumn.month, autumn.day, repeated, fold=1, tzinfo=zone).astimezone(UTC)
    assert second - first == H
    opened = [is_open(calendar, first + m * timedelta(minutes=15)) for m in range(6)]
    assert opened == [True, True, False, False, True, True]
    assert business_time_between(calendar, first - H, second + H) == H  # real elapsed time, 30 min each pass
    assert add_business_time(calendar, first, 45 * timedelta(minutes=1)) == second + timedelta(minutes=15)


@DST
def test_office_hours_stay_on_the_wall_clock_over_a_dst_weekend(
        zone: ZoneInfo, spring: date, skipped: int, autumn: date, repeated: int) -> None:
    office = OFFICE.model_copy(update={"timezone": zone.key, "holidays": [], "exceptions": {}})
    for sunday in (spring, autumn):
        friday = datetime.combine(sunday - timedelta(days=2), time(17), zone)
        monday = datetime.combine(sunday + timedelta(days=1), time(9, 30), zone)
        assert add_business_time(office, friday, H) == monday
        assert business_time_between(office, friday, monday) == H


# --- Calendars open rarely or never -------------------------------------------------------------------
# How fast these answer is measured by `python -m bench.calendars`, not asserted here: a slow or busy machine
# must not fail a test of what the calendar computes.


def test_a_rarely_open_calendar_finds_openings_years_away() -> None:
    # One hour a week, and every Wednesday but one in a hundred a holiday.
    holidays = [date(2026, 1, 7) + timedelta(weeks=w) for w in range(0, 300) if w % 100]
    rare = BusinessCalendar(timezone="Europe/London", weekly={"wed": [["10:00", "11:00"]]}, holidays=holidays)
    due = add_business_time(rare, london(2026, 1, 1), 3 * H)
    assert due == london(2029, 11, 7, 11)
    assert business_time_between(rare, london(2026, 1, 1), due) == 3 * H
    assert next_open(rare, london(2026, 1, 7, 11)) == london(2027, 12, 8, 10)  # a hundred weeks on


@pytest.mark.parametrize(("exceptions", "message"), [
    ({}, "has no opening hours on any day"),
    ({"2020-01-06": [["09:00", "10:00"]]}, f"is closed for over {SEARCH_HORIZON.days} days after 2026-01-01"),
])
def test_a_calendar_never_open_again_raises_instead_of_looping(exceptions: dict, message: str) -> None:
    never = BusinessCalendar(timezone="UTC", weekly={}, exceptions=exceptions)
    for question in (lambda: next_open(never, utc(2026, 1, 1)), lambda: add_business_time(never, utc(2026, 1, 1), H)):
        with pytest.raises(CalendarError, match=message) as raised:
            question()
        assert raised.value.code == "never_open"
    assert business_time_between(never, utc(2026, 1, 1), utc(2026, 2, 1)) == timedelta(0)
    assert not is_open(never, utc(2026, 1, 1))


# --- The calendar document ----------------------------------------------------------------------------


def test_a_calendar_round_trips_through_json() -> None:
    assert BusinessCalendar.model_validate_json(OFFICE.model_dump_json()) == OFFICE


@pytest.mark.parametrize(("document", "loc", "message"), [
    ({"timezone": "Europe/Londn", "weekly": {}}, ("timezone",), "unknown IANA time zone"),
    ({"timezone": "/etc/localtime", "weekly": {}}, ("timezone",), "IANA time zone name"),
    ({"timezone": "UTC", "weekly": {"mon": [["09:00", "12:00"], ["11:00", "13:00"]]}}, ("weekly", "mon"), "overlap"),
    ({"timezone": "UTC", "weekly": {"mon": [["17:00", "09:00"]]}}, ("weekly", "mon", 0), "end after it starts"),
    ({"timezone": "UTC", "weekly": {"tue": [["09:00", "24:30"]]}}, ("weekly", "tue", 0, 1), "'HH:MM'"),
    ({"timezone": "UTC", "weekly": {"monday": []}}, ("weekly", "monday", "[key]"), "'mon'"),
    ({"timezone": "UTC", "weekly": {}, "holidays": ["2026-12-24"], "exceptions": {"2026-12-24": []}},
     ("exceptions",), "also listed in holidays"),
    ({"timezone": "UTC"}, ("weekly",), "required"),
])
def test_validation_errors_name_the_field_and_the_reason(document: dict, loc: tuple, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        BusinessCalendar.model_validate(document)
    [error] = raised.value.errors()
    assert error["loc"] == loc and message in error["msg"]


# --- Properties ---------------------------------------------------------------------------------------

SECOND, MICROSECOND = timedelta(seconds=1), timedelta(microseconds=1)


@st.composite
def day_hours(draw: st.DrawFn) -> list[list[str]]:
    # Half-hour boundaries, so intervals start and end inside DST gaps and folds too.
    marks = sorted(draw(st.sets(st.integers(0, 48), max_size=6)))
    marks = marks[: len(marks) // 2 * 2]
    clock = [f"{m // 2:02d}:{m % 2 * 30:02d}" for m in marks]
    return [clock[i:i + 2] for i in range(0, len(clock), 2)]


@st.composite
def calendars(draw: st.DrawFn) -> BusinessCalendar:
    zone = draw(st.sampled_from(["UTC", "Europe/London", "America/New_York", "Australia/Lord_Howe"]))
    weekly = {day: draw(day_hours()) for day in WEEKDAYS}
    days = st.dates(date(2026, 1, 1), date(2027, 12, 31))
    holidays = draw(st.lists(days, max_size=8))
    exceptions = draw(st.dictionaries(days.filter(lambda d: d not in holidays), day_hours(), max_size=4))
    calendar = BusinessCalendar(timezone=zone, weekly=weekly, holidays=holidays, exceptions=exceptions)
    assume(any(calendar.weekly.values()))
    return calendar


moments = st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 31), timezones=st.just(UTC)).map(
    lambda moment: moment.replace(microsecond=0))
durations = st.integers(0, 14 * 24 * 3600).map(lambda seconds: seconds * SECOND)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])


@PROPERTY
@given(calendars(), moments, durations, durations)
def test_deadlines_grow_with_the_target(calendar: BusinessCalendar, start: datetime, d1: timedelta,
                                        d2: timedelta) -> None:
    d1, d2 = sorted((d1, d2))
    assert add_business_time(calendar, start, d1) <= add_business_time(calendar, start, d2)


@PROPERTY
@given(calendars(), moments, durations)
def test_the_deadline_is_exactly_the_target_of_open_time_away(calendar: BusinessCalendar, start: datetime,
                                                              target: timedelta) -> None:
    due = add_business_time(calendar, start, target)
    assert due >= start and due.tzinfo is UTC
    assert business_time_between(calendar, start, due) == target
    # An open instant, or (for a positive target) the very end of an opening.
    assert is_open(calendar, due) or (target > timedelta(0) and is_open(calendar, due - MICROSECOND))


@PROPERTY
@given(calendars(), moments, durations)
def test_adding_the_open_time_between_lands_at_the_same_next_opening(calendar: BusinessCalendar, a: datetime,
                                                                     gap: timedelta) -> None:
    b = a + gap
    landed = add_business_time(calendar, a, business_time_between(calendar, a, b))
    assert next_open(calendar, landed) == next_open(calendar, b)
    if a < b and is_open(calendar, b - MICROSECOND):
        assert landed == b


@settings(PROPERTY, max_examples=60)
@given(calendars(), moments, st.integers(0, 2 * 24 * 60))
def test_open_time_matches_a_minute_by_minute_count(calendar: BusinessCalendar, a: datetime, minutes: int) -> None:
    # Openings fall on whole minutes in UTC for these zones, so each minute is open or closed throughout.
    a = a.replace(second=0)
    count = sum(is_open(calendar, a + m * timedelta(minutes=1)) for m in range(minutes))
    assert business_time_between(calendar, a, a + minutes * timedelta(minutes=1)) == count * timedelta(minutes=1)
    assert (next_open(calendar, a) == a) == is_open(calendar, a)


@PROPERTY
@given(st.sampled_from(["UTC", "Europe/London", "America/New_York"]), moments, moments, durations)
def test_an_always_open_calendar_is_plain_datetime_arithmetic(zone: str, a: datetime, b: datetime,
                                                              target: timedelta) -> None:
    calendar = BusinessCalendar.always_open(zone)
    a, b = sorted((a, b))
    assert add_business_time(calendar, a, target) == a + target
    assert business_time_between(calendar, a, b) == b - a
    assert is_open(calendar, a) and next_open(calendar, a) == a
