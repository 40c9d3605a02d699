"""`BusinessCalendar`: opening hours as a pydantic model that travels as JSON.

    {"timezone": "Europe/London",
     "weekly": {"mon": [["09:00", "17:30"]], "sat": []},
     "holidays": ["2026-12-25"],
     "exceptions": {"2026-12-24": [["09:00", "13:00"]]}}

A weekday missing from `weekly` is closed. Times are "HH:MM" wall-clock times
in the calendar's zone; an interval includes its start and excludes its end,
and "24:00" ends a day. An exception's hours replace that date's weekly hours
(an empty list closes the day, like a holiday).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any, Literal, get_args
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator

from engine.errors import EngineError

__all__ = ["WEEKDAYS", "BusinessCalendar", "CalendarError", "Weekday"]

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = get_args(Weekday)  # in date.weekday() order
_CLOCK = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]|24:00")
# Zone names only: a path ("../x", "/etc/localtime") would make results depend on the machine.
_ZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*")
_DAY = timedelta(days=1)


class CalendarError(EngineError):
    """A calendar question with no answer (never open, naive datetime, ...), with a code for the API."""


def _clock(text: str) -> str:
    if not _CLOCK.fullmatch(text):
        raise ValueError(f"a time of day is 'HH:MM' between '00:00' and '24:00', got {text!r}")
    return text


def _interval(pair: tuple[str, str]) -> tuple[str, str]:
    # Zero-padded "HH:MM" strings sort like the times they name.
    if pair[0] >= pair[1]:
        raise ValueError(f"an opening interval must end after it starts, got [{pair[0]!r}, {pair[1]!r}]")
    return pair


def _day(intervals: list[tuple[str, str]]) -> list[tuple[str, str]]:
    ordered = sorted(intervals)
    for (s1, e1), (s2, e2) in zip(ordered, ordered[1:], strict=False):
        if s2 < e1:
            raise ValueError(f"opening intervals [{s1!r}, {e1!r}] and [{s2!r}, {e2!r}] overlap")
    return intervals


Interval = Annotated[tuple[Annotated[str, AfterValidator(_clock)], Annotated[str, AfterValidator(_clock)]],
                     AfterValidator(_interval)]
# Validating per day puts the day in the error's location: ("weekly", "mon", 0, ...).
DayHours = Annotated[list[Interval], AfterValidator(_day)]
Hours = tuple[tuple[timedelta, timedelta], ...]


def _since_midnight(text: str) -> timedelta:
    hours, minutes = text.split(":")
    return timedelta(hours=int(hours), minutes=int(minutes))


def _compile(intervals: list[tuple[str, str]]) -> Hours:
    return tuple(sorted((_since_midnight(s), _since_midnight(e)) for s, e in intervals))


@dataclass(frozen=True)
class _Tables:
    """The calendar compiled for the maths: offsets since midnight, sets for dates."""

    # ZoneInfo compares by identity; comparing zone_name instead keeps equal calendars equal.
    zone: ZoneInfo = field(compare=False)
    zone_name: str
    weekly: tuple[Hours, ...]  # indexed by date.weekday()
    holidays: frozenset[date]
    exceptions: dict[date, Hours]

    @property
    def has_hours(self) -> bool:
        """Whether any day at all has opening hours."""
        return any(self.weekly) or any(self.exceptions.values())

    def hours_on(self, day: date) -> Hours:
        """The opening intervals of one local date."""
        if day in self.holidays:
            return ()
        if day in self.exceptions:
            return self.exceptions[day]
        return self.weekly[day.weekday()]

    def wall_open(self, lo: datetime, hi: datetime) -> Iterator[tuple[datetime, datetime]]:
        """The open stretches of naive local wall time within [lo, hi), in order."""
        day = lo.date()
        midnight = datetime.combine(day, time())
        while midnight < hi:
            for start, end in self.hours_on(day):
                wall_start, wall_end = max(midnight + start, lo), min(midnight + end, hi)
                if wall_start < wall_end:
                    yield wall_start, wall_end
            day += _DAY
            midnight += _DAY


class BusinessCalendar(BaseModel):
    """Opening hours in one IANA time zone: weekly hours, holidays and exceptional days."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    timezone: str = Field(description="IANA time zone name, e.g. 'Europe/London'")
    weekly: dict[Weekday, DayHours] = Field(
        description="Open intervals per weekday, e.g. {'mon': [['09:00', '17:30']]}; a missing day is closed")
    holidays: list[date] = Field(default_factory=list, description="Dates closed all day, in the calendar's zone")
    exceptions: dict[date, DayHours] = Field(
        default_factory=dict, description="Dates whose hours replace the weekly ones, e.g. a short Christmas Eve")

    _tables: _Tables = PrivateAttr()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str) -> str:
        if not _ZONE.fullmatch(name) or name == "localtime":
            raise ValueError(f"expected an IANA time zone name such as 'Europe/London', got {name!r}")
        try:
            ZoneInfo(name)
        except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
            raise ValueError(f"unknown IANA time zone {name!r}") from None
        return name

    @field_validator("exceptions")
    @classmethod
    def _not_a_holiday(cls, exceptions: dict[date, list], info: ValidationInfo) -> dict[date, list]:
        clash = sorted(set(info.data.get("holidays", ())) & exceptions.keys())
        if clash:
            raise ValueError(f"{clash[0].isoformat()} is also listed in holidays: keep it in one of the two")
        return exceptions

    def model_post_init(self, context: Any) -> None:
        """Compile the hours once, so the maths never parses or loads a zone at call time."""
        self._tables = _Tables(
            zone=ZoneInfo(self.timezone),
            zone_name=self.timezone,
            weekly=tuple(_compile(self.weekly.get(day, [])) for day in WEEKDAYS),
            holidays=frozenset(self.holidays),
            exceptions={day: _compile(hours) for day, hours in self.exceptions.items()},
        )

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> BusinessCalendar:
        """A copy; with `update`, validated and compiled again (pydantic's copy would skip both)."""
        if update:
            return type(self).model_validate(self.model_dump() | update)
        return super().model_copy(deep=deep)

    @classmethod
    def always_open(cls, timezone: str = "UTC") -> BusinessCalendar:
        """A calendar open around the clock every day, for round-the-clock teams and SLAs."""
        return cls(timezone=timezone, weekly={day: [("00:00", "24:00")] for day in WEEKDAYS})
