"""`parse_timestamp`: every accepted form to its exact UTC instant, every rejection with its message,
and a round trip of random instants through each form."""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.discovery.timestamps import TimestampError, parse_timestamp

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
# The instant of the examples in the brief: Tue Oct 31 22:10:47 2017 UTC.
INSTANT = datetime(2017, 10, 31, 22, 10, 47, tzinfo=UTC)
FORMS_HINT = "use ISO 8601 with a timezone"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # ISO 8601
        ("2017-10-31T22:10:47Z", INSTANT),
        ("2017-10-31T22:10:47z", INSTANT),
        ("2017-10-31 22:10:47Z", INSTANT),
        ("2017-10-31T22:10:47+00:00", INSTANT),
        ("2017-10-31T22:10:47+0000", INSTANT),  # Facebook Graph
        ("2017-10-31 22:10:47 UTC", INSTANT),  # BigQuery
        ("2017-10-31T22:10:47.250Z", utc(2017, 10, 31, 22, 10, 47, 250000)),
        ("2017-10-31T22:10:47.123456Z", utc(2017, 10, 31, 22, 10, 47, 123456)),
        ("2017-10-31T22:10:47.1234567Z", utc(2017, 10, 31, 22, 10, 47, 123456)),  # truncated
        ("2017-10-31T23:10:47+01:00", INSTANT),
        ("2017-11-01T03:40:47+0530", INSTANT),
        ("2017-10-31T17:10:47-05:00", INSTANT),
        ("2017-10-31T18:10:47.5-0400", utc(2017, 10, 31, 22, 10, 47, 500000)),
        ("  2017-10-31T22:10:47Z\n", INSTANT),
        # epoch seconds and milliseconds
        ("1509487847", INSTANT),
        (" 1509487847 ", INSTANT),
        ("1509487847.25", utc(2017, 10, 31, 22, 10, 47, 250000)),
        ("1509487847.123456789", utc(2017, 10, 31, 22, 10, 47, 123456)),
        (1509487847, INSTANT),
        (1509487847.25, utc(2017, 10, 31, 22, 10, 47, 250000)),
        (0, utc(1970, 1, 1)),
        ("1509487847250", utc(2017, 10, 31, 22, 10, 47, 250000)),
        (1509487847250, utc(2017, 10, 31, 22, 10, 47, 250000)),
        (1509487847250.0, utc(2017, 10, 31, 22, 10, 47, 250000)),
        ("1509487847250.5", utc(2017, 10, 31, 22, 10, 47, 250500)),
        (100_000_000_001, utc(1973, 3, 3, 9, 46, 40, 1000)),  # just above 1e11: milliseconds
        (99_999_999_999 // 100, utc(2001, 9, 9, 1, 46, 39)),
        # Twitter v1.1
        ("Tue Oct 31 22:10:47 +0000 2017", INSTANT),
        ("Wed Nov 01 03:40:47 +0530 2017", INSTANT),
        ("Tue Oct 31 17:10:47 -0500 2017", INSTANT),
        # RFC 2822 / 822
        ("Tue, 31 Oct 2017 22:10:47 +0000", INSTANT),
        ("31 Oct 2017 22:10:47 GMT", INSTANT),
        ("31 Oct 2017 22:10:47 UT", INSTANT),
        ("31 Oct 2017 22:10:47 UTC", INSTANT),
        ("31 Oct 2017 22:10:47 -0000", INSTANT),  # "zone unknown": read as UTC
        ("Tue, 31 Oct 2017 17:10:47 -0500", INSTANT),
        ("Tue, 31 Oct 2017 17:10:47 EST", INSTANT),
        ("Wed, 01 Nov 2017 03:40:47 +0530", INSTANT),
        ("Tue, 31 Oct 2017 22:10:47 +0000 (UTC)", INSTANT),
    ],
)
def test_accepted_forms(value: str | int | float, expected: datetime) -> None:
    parsed = parse_timestamp(value)
    assert parsed == expected
    assert parsed.tzinfo is UTC


def test_default_tz_is_ignored_when_the_value_names_its_offset() -> None:
    assert parse_timestamp("2017-10-31T22:10:47Z", default_tz=NEW_YORK) == INSTANT
    assert parse_timestamp("Tue Oct 31 22:10:47 +0000 2017", default_tz=NEW_YORK) == INSTANT
    assert parse_timestamp(1509487847, default_tz=NEW_YORK) == INSTANT


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # British Summer Time ended at 02:00 BST (01:00 UTC) on 2017-10-29.
        ("2017-10-28T12:00:00", utc(2017, 10, 28, 11)),  # BST, UTC+1
        ("2017-10-29 00:30:00", utc(2017, 10, 28, 23, 30)),  # still BST
        ("2017-10-29T01:30:00", utc(2017, 10, 29, 0, 30)),  # repeated hour: the first (BST) one
        ("2017-10-29T02:30:00", utc(2017, 10, 29, 2, 30)),  # GMT
        ("2017-10-30T12:00:00", utc(2017, 10, 30, 12)),  # GMT, UTC+0
        ("2017-10-28", utc(2017, 10, 27, 23)),  # a bare date is local midnight
        ("2017-10-30", utc(2017, 10, 30)),
        ("30 Oct 2017 12:00:00", utc(2017, 10, 30, 12)),  # RFC 2822 without a zone
        ("28 Oct 2017 12:00:00", utc(2017, 10, 28, 11)),
    ],
)
def test_naive_values_are_wall_times_in_default_tz(value: str, expected: datetime) -> None:
    assert parse_timestamp(value, default_tz=LONDON) == expected


def test_a_fixed_offset_default_tz() -> None:
    minus_three = timezone(timedelta(hours=-3))
    assert parse_timestamp("2017-10-31 22:10:47", default_tz=minus_three) == utc(2017, 11, 1, 1, 10, 47)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2017-10-31T22:10:47", "'2017-10-31T22:10:47' has no timezone: add Z or an offset"),
        ("2017-10-31", "'2017-10-31' has no timezone"),
        ("31 Oct 2017 22:10:47", "has no timezone"),
        ("31/10/2017", f"'31/10/2017' is not a timestamp: {FORMS_HINT}"),
        ("garbage", f"'garbage' is not a timestamp: {FORMS_HINT}"),
        ("2017/10/31 22:10:47", "is not a timestamp"),
        ("Oct 31 2017", "is not a timestamp"),
        ("1e9", "is not a timestamp"),
        ("-", "is not a timestamp"),
        ("", f"empty timestamp: {FORMS_HINT}"),
        ("   \t", "empty timestamp"),
        (True, f"True is a boolean, not a timestamp: {FORMS_HINT}"),
        (False, "False is a boolean"),
        (None, "a NoneType is not a timestamp"),
        (-1, "-1 is before 1970: epoch seconds cannot be negative"),
        ("-1509487847", "'-1509487847' is before 1970"),
        (-0.5, "-0.5 is before 1970"),
        (float("nan"), "nan is not a finite number"),
        (float("inf"), "inf is not a finite number"),
        (7_300_000_000, "7300000000 is after the year 2200 as epoch seconds"),
        ("99999999999", "after the year 2200 as epoch seconds"),
        (10**13, "after the year 2200 as epoch milliseconds"),
        (10**40, "after the year 2200 as epoch milliseconds"),
        (1e300, "after the year 2200 as epoch milliseconds"),
        ("1700000000000000", "after the year 2200 as epoch milliseconds"),  # microseconds are not guessed
        ("9" * 5000, "after the year 2200 as epoch milliseconds"),  # longer than int() accepts
        ("10000-01-01T00:00:00Z", "'10000-01-01T00:00:00Z' is not a timestamp"),
        ("2201-01-01T00:00:00Z", "outside the years 1970 to 2200"),
        ("1969-12-31T23:59:59Z", "outside the years 1970 to 2200"),
        ("0001-01-01T00:00:00+01:00", "outside the years 1970 to 2200"),
        ("2017-02-30T00:00:00Z", "is not a timestamp"),
        ("Tue Oct 32 22:10:47 +0000 2017", "is not a valid date"),
        ("31 Oct 2017 22:10:47 CEST", "has a timezone we do not know ('CEST')"),
        ("x" * 500, "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is not a timestamp"),
    ],
)
def test_rejections_say_what_is_wrong(value: object, message: str) -> None:
    with pytest.raises(TimestampError) as raised:
        parse_timestamp(value, default_tz=None)  # type: ignore[arg-type]
    assert message in str(raised.value)


def test_ints_too_long_to_print_are_rejected_all_the_same() -> None:
    # Built here, not in a parametrize list: pytest's test ids would repr() them, which raises.
    with pytest.raises(TimestampError, match="a number of over 20 digits is after the year 2200"):
        parse_timestamp(10**5000)
    with pytest.raises(TimestampError, match="a number of over 20 digits is before 1970"):
        parse_timestamp(-(10**5000))


def test_naive_rejection_mentions_the_default_timezone() -> None:
    with pytest.raises(TimestampError, match="or set a default timezone"):
        parse_timestamp("2017-10-31 22:10:47")


def test_year_bounds_are_inclusive_of_1970_and_2200() -> None:
    assert parse_timestamp("1970-01-01T00:00:00Z") == utc(1970, 1, 1)
    assert parse_timestamp("2200-12-31T23:59:59.999999Z") == utc(2200, 12, 31, 23, 59, 59, 999999)
    assert parse_timestamp("2201-01-01T00:30:00+01:00") == utc(2200, 12, 31, 23, 30)
    with pytest.raises(TimestampError, match="outside the years 1970 to 2200"):
        parse_timestamp("1970-01-01T00:30:00+01:00")


def test_timestamp_error_is_a_value_error() -> None:
    assert issubclass(TimestampError, ValueError)


# --- round trips --------------------------------------------------------------------------------

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
instants = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2200, 12, 30), timezones=offsets)


def hhmm(moment: datetime) -> str:
    minutes = int(moment.utcoffset().total_seconds()) // 60  # type: ignore[union-attr]
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def twitter(moment: datetime) -> str:
    return (f"{DAYS[moment.weekday()]} {MONTHS[moment.month - 1]} {moment.day:02d} "
            f"{moment:%H:%M:%S} {hhmm(moment)} {moment.year:04d}")


def epoch_micros(moment: datetime) -> int:
    delta = moment - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


@given(instants)
def test_iso_round_trips_to_the_microsecond(moment: datetime) -> None:
    assert parse_timestamp(moment.isoformat()) == moment
    assert parse_timestamp(moment.isoformat(sep=" ")) == moment
    assert parse_timestamp(f"{moment:%Y-%m-%dT%H:%M:%S.%f}{hhmm(moment)}") == moment
    in_utc = moment.astimezone(UTC).replace(tzinfo=None)
    assert parse_timestamp(in_utc.isoformat() + "Z") == moment
    assert parse_timestamp(in_utc.isoformat() + "z") == moment


@given(instants)
def test_epoch_round_trips(moment: datetime) -> None:
    micros = epoch_micros(moment)
    seconds, fraction = divmod(micros, 1_000_000)
    to_second = moment.replace(microsecond=0)
    assert parse_timestamp(seconds) == to_second
    assert parse_timestamp(str(seconds)) == to_second
    assert parse_timestamp(f"{seconds}.{fraction:06d}") == moment  # exact: no float rounding
    millis = micros // 1_000
    if millis > 10**11:  # before 1973-03-03 milliseconds read as seconds: see test_millisecond_boundary
        assert parse_timestamp(millis) == moment.replace(microsecond=moment.microsecond // 1000 * 1000)
        assert parse_timestamp(str(millis)) == moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def test_millisecond_boundary() -> None:
    """1e11 is an epoch in seconds (year 5138, so rejected); one more is milliseconds (1973)."""
    with pytest.raises(TimestampError, match="after the year 2200 as epoch seconds"):
        parse_timestamp(10**11)
    assert parse_timestamp(10**11 + 1) == utc(1973, 3, 3, 9, 46, 40, 1000)
    assert parse_timestamp(str(10**11 + 1)) == utc(1973, 3, 3, 9, 46, 40, 1000)


@given(instants)
def test_float_epoch_is_within_a_microsecond(moment: datetime) -> None:
    parsed = parse_timestamp(epoch_micros(moment) / 1_000_000)
    assert abs(parsed - moment) <= timedelta(microseconds=1)


@given(instants)
def test_twitter_and_rfc2822_round_trip_to_the_second(moment: datetime) -> None:
    to_second = moment.replace(microsecond=0)
    assert parse_timestamp(twitter(moment)) == to_second
    assert parse_timestamp(email.utils.format_datetime(moment)) == to_second
    assert parse_timestamp(email.utils.format_datetime(moment.astimezone(UTC), usegmt=True)) == to_second


@given(st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2199, 12, 31)))
def test_naive_iso_in_default_tz_matches_replace(wall: datetime) -> None:
    wall = wall.replace(fold=0)  # text has no fold: an hour the clocks repeat reads as its first occurrence
    expected = wall.replace(tzinfo=LONDON).astimezone(UTC)
    assert parse_timestamp(wall.isoformat(), default_tz=LONDON) == expected


@given(st.one_of(st.text(), st.text(alphabet="0123456789-+:.TZz ,GMTUESOctTue", max_size=40), st.integers(),
                 st.floats()))
def test_anything_else_is_a_timestamp_error_or_an_instant_in_range(value: str | int | float) -> None:
    try:
        parsed = parse_timestamp(value, default_tz=LONDON)
    except TimestampError:
        return
    assert parsed.tzinfo is UTC
    assert utc(1970, 1, 1) <= parsed < utc(2201, 1, 1)
