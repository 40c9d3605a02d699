"""Read a mention's timestamp in whichever form its source wrote it, as an aware UTC datetime.

Mentions reach us from CSV/JSONL imports, webhooks and social APIs, and each writes time its own way.
`parse_timestamp` accepts the forms they use and nothing looser, because a wrong guess (reading
'03/04/2017' as March or April, or a naive wall time as UTC) silently misorders a conversation; it is
better to reject a row and say which forms work:

- ISO 8601 date-times: 'T' or space separator, fractional seconds (digits past the sixth are
  truncated), 'Z' or 'z', '+00:00', '+0000' (Facebook Graph), a trailing ' UTC' (BigQuery). A value
  without an offset (including a bare date, read as midnight) is a wall time in `default_tz`; with
  no `default_tz` it is rejected.
- Epoch seconds, as int, float or a numeric string ('1509487847', '1509487847.25'). Values above
  1e11 are epoch *milliseconds*: 1e11 seconds is the year 5138, while 1e11 milliseconds is 1973, so
  the two readings cannot be confused for any date we accept, except that milliseconds before
  1973-03-03T09:46:40Z are read as seconds (no social data is that old). A bool is not a number.
- Twitter v1.1 'created_at': 'Tue Oct 31 22:10:47 +0000 2017'.
- RFC 2822 / RFC 822 (email, RSS): 'Tue, 31 Oct 2017 22:10:47 +0000', '31 Oct 2017 22:10:47 GMT',
  zone names UT/UTC/GMT/Z and the US ones email knows (EST, PDT...). '-0000' ("zone unknown") is read
  as UTC; a zone name we do not know is rejected rather than guessed.

Every result lies in the years 1970 to 2200: anything else is a corrupt or misread value (an epoch
in microseconds, a date typed as '0017'), and rejecting it beats storing a mention in year 50000.

Imports are 100,000-row batches, so the common forms are parsed cheaply: the first character picks
the parser (a digit: epoch or ISO via `datetime.fromisoformat`, both C; a letter: Twitter, parsed by
hand, then `email.utils`), and the slower fallbacks run only when the fast one declines.
"""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime, timedelta, tzinfo

__all__ = ["TimestampError", "parse_timestamp"]

_FORMS = "use ISO 8601 with a timezone (2017-10-31T22:10:47Z), epoch seconds, or 'Tue Oct 31 22:10:47 +0000 2017'"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_END = datetime(2201, 1, 1, tzinfo=UTC)  # exclusive: the year 2200 is the last one accepted
_MAX_SECONDS = int((_END - _EPOCH).total_seconds())
_MILLIS_ABOVE = 100_000_000_000  # 1e11: larger epoch values are milliseconds
_MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1)}
_WEEKDAYS = frozenset(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
_PARSE_ERRORS = (ValueError, TypeError, OverflowError, IndexError)


class TimestampError(ValueError):
    """A value that is not a timestamp we accept; the message says why and which forms work."""


def parse_timestamp(value: str | int | float, *, default_tz: tzinfo | None = None) -> datetime:
    """The instant `value` names, as an aware datetime in UTC (see the module docstring for the forms).

    `default_tz` is the zone of values that carry no offset; without it such values are rejected.
    Ambiguous or skipped wall times (at a DST change) resolve as `datetime.replace(tzinfo=...)` does:
    the first occurrence, and the offset in force before a gap.
    """
    if isinstance(value, str):
        return _parse_text(value, default_tz)
    if isinstance(value, bool):  # bool is an int subclass, but True is not 1970-01-01T00:00:01Z
        raise TimestampError(f"{value!r} is a boolean, not a timestamp: {_FORMS}")
    if isinstance(value, int):
        return _from_epoch_int(value, repr(value) if abs(value) < 10**20 else "a number of over 20 digits")
    if isinstance(value, float):
        return _from_epoch_float(value)
    raise TimestampError(f"a {type(value).__name__} is not a timestamp: {_FORMS}")


def _parse_text(value: str, default_tz: tzinfo | None) -> datetime:
    text = value.strip()
    if not text:
        raise TimestampError(f"empty timestamp: {_FORMS}")
    first = text[0]
    if "0" <= first <= "9":
        if text.isdigit() and text.isascii():
            if len(text) > 20:  # int() refuses 4,300 digits; 20 are already far past 2200
                raise _after_2200(_show(text), "milliseconds")
            return _from_epoch_int(int(text), _show(text))
        if "." in text and len(text) < 30:
            whole, _, fraction = text.partition(".")
            if whole.isdigit() and fraction.isdigit() and text.isascii():
                return _from_epoch_decimal(int(whole), fraction, _show(text))
        moment = _iso(text)
        if moment is None:
            moment = _rfc2822(text)
        if moment is None:
            raise TimestampError(f"{_show(text)} is not a timestamp: {_FORMS}")
        return _aware_utc(moment, text, default_tz)
    if first == "-" and _is_number(text[1:]):
        raise TimestampError(f"{_show(text)} is before 1970: epoch seconds cannot be negative")
    if first.isalpha():
        moment = _twitter(text)
        if moment is None:
            moment = _rfc2822(text)
        if moment is not None:
            return _aware_utc(moment, text, default_tz)
    raise TimestampError(f"{_show(text)} is not a timestamp: {_FORMS}")


def _show(text: str) -> str:
    """`text` quoted for an error message, cut short so one bad cell cannot flood a report."""
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _is_number(text: str) -> bool:
    whole, _, fraction = text.partition(".")
    return whole.isdigit() and (not fraction or fraction.isdigit())


# --- epoch -------------------------------------------------------------------------------------


def _from_epoch_int(number: int, shown: str) -> datetime:
    if number < 0:
        raise TimestampError(f"{shown} is before 1970: epoch seconds cannot be negative")
    if number > _MILLIS_ABOVE:
        if number >= _MAX_SECONDS * 1_000:
            raise _after_2200(shown, "milliseconds")
        return _EPOCH + timedelta(milliseconds=number)
    if number >= _MAX_SECONDS:
        raise _after_2200(shown, "seconds")
    return _EPOCH + timedelta(seconds=number)


def _from_epoch_decimal(whole: int, fraction: str, shown: str) -> datetime:
    """An epoch written with a decimal point, read exactly (no float rounding); digits past the
    microsecond are truncated, as `datetime.fromisoformat` does."""
    if whole >= _MILLIS_ABOVE:
        if whole >= _MAX_SECONDS * 1_000:
            raise _after_2200(shown, "milliseconds")
        micros = whole * 1_000 + int(fraction[:3].ljust(3, "0"))
    else:
        if whole >= _MAX_SECONDS:
            raise _after_2200(shown, "seconds")
        micros = whole * 1_000_000 + int(fraction[:6].ljust(6, "0"))
    return _EPOCH + timedelta(microseconds=micros)


def _from_epoch_float(number: float) -> datetime:
    shown = repr(number)
    if number != number or number in (float("inf"), float("-inf")):
        raise TimestampError(f"{shown} is not a finite number: {_FORMS}")
    if number < 0:
        raise TimestampError(f"{shown} is before 1970: epoch seconds cannot be negative")
    if number > _MILLIS_ABOVE:
        if number >= _MAX_SECONDS * 1_000:
            raise _after_2200(shown, "milliseconds")
        return datetime.fromtimestamp(number / 1_000, UTC)
    if number >= _MAX_SECONDS:
        raise _after_2200(shown, "seconds")
    return datetime.fromtimestamp(number, UTC)


def _after_2200(shown: str, unit: str) -> TimestampError:
    return TimestampError(
        f"{shown} is after the year 2200 as epoch {unit}: use epoch seconds (or milliseconds, above 1e11)")


# --- text forms --------------------------------------------------------------------------------


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    # fromisoformat knows 'Z' only; databases (BigQuery, Postgres casts) also write ' UTC'.
    if text[-1:] == "z":
        text = text[:-1] + "Z"
    elif text[-4:].upper() in (" UTC", " GMT"):
        text = text[:-4] + "Z"
    else:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _twitter(text: str) -> datetime | None:
    """'Tue Oct 31 22:10:47 +0000 2017', parsed by hand: strptime is slow and follows the locale.
    The weekday must be a weekday's name but is not checked against the date, as email.utils does."""
    parts = text.split()
    if len(parts) != 6:
        return None
    weekday, month, day, clock, offset, year = parts
    if (weekday not in _WEEKDAYS or month not in _MONTHS or len(clock) != 8 or clock[2] != ":"
            or clock[5] != ":" or len(offset) != 5 or offset[0] not in "+-" or len(year) != 4):
        return None
    try:
        moment = datetime(int(year), _MONTHS[month], int(day), int(clock[:2]), int(clock[3:5]), int(clock[6:]),
                          tzinfo=UTC)
        minutes = int(offset[1:3]) * 60 + int(offset[3:])
    except ValueError as error:
        raise TimestampError(f"{_show(text)} is not a valid date ({error}): {_FORMS}") from None
    return moment - timedelta(minutes=minutes) if offset[0] == "+" else moment + timedelta(minutes=minutes)


def _rfc2822(text: str) -> datetime | None:
    """RFC 2822 via `email.utils`, which returns a naive datetime for three different things:
    no zone (a wall time, so `default_tz` applies), '-0000' (UTC, the sender did not say where it was)
    and a zone name it does not know (rejected: we will not guess what 'CEST' or 'IST' meant)."""
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except _PARSE_ERRORS:
        return None
    if moment is None or moment.tzinfo is not None:
        return moment
    zone = _rfc2822_zone(text)
    if zone is None:
        return moment  # naive: _aware_utc applies default_tz or says the timezone is missing
    if zone == "-0000":
        return moment.replace(tzinfo=UTC)
    raise TimestampError(f"{_show(text)} has a timezone we do not know ({zone!r}): write it as an offset like +0200")


def _rfc2822_zone(text: str) -> str | None:
    """The token after the time of day in an RFC 2822 date, if any ('(comments)' are not zones)."""
    tokens = text.replace(",", " ").split()
    for index, token in enumerate(tokens):
        if ":" in token:
            rest = tokens[index + 1:]
            return rest[0] if rest and not rest[0].startswith("(") else None
    return None


def _aware_utc(moment: datetime, text: str, default_tz: tzinfo | None) -> datetime:
    if moment.tzinfo is None:
        if default_tz is None:
            raise TimestampError(
                f"{_show(text)} has no timezone: add Z or an offset (2017-10-31T22:10:47Z, "
                "2017-10-31T22:10:47+01:00), or set a default timezone")
        moment = moment.replace(tzinfo=default_tz)
    if not 1969 <= moment.year <= 2201:  # far outside: converting could overflow datetime's range
        raise TimestampError(f"{_show(text)} is outside the years 1970 to 2200")
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    if not _EPOCH <= moment < _END:
        raise TimestampError(f"{_show(text)} is outside the years 1970 to 2200")
    return moment
