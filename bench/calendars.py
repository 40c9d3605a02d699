"""Calendar maths on calendars open rarely or never: time per day walked, beside an office calendar.

    .venv/bin/python -m bench.calendars [--runs 5]

`engine.calendars` walks UTC time a day at a time and never minute by minute, so a question should
cost what the days it spans cost, however seldom the calendar opens. Each question is timed (best of
`--runs`) beside two references measured in the same run:

- **baseline**: an SLA deadline on an ordinary office calendar (09:00-17:30 on weekdays) spanning ten
  years; "per day" near 1.00x means a rare or never-open calendar costs no more per day walked;
- **naive peer**: `is_open` asked hour by hour until the open time is reached, exact for the rare
  calendar (it opens on whole hours); it must give our answer before anything is timed. A calendar
  never open again has no naive answer: an hourly walk would never end.

These figures were wall-clock assertions in tests/engine/test_calendars.py (under 1 s and 2 s), which a
slow or busy machine could fail; the tests keep what the calendar computes, and the old budgets are
printed here beside the times.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bench.timing import best_of, machine
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

H = timedelta(hours=1)
LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 1, 1, tzinfo=LONDON)
OFFICE = BusinessCalendar(timezone="Europe/London", weekly={day: [["09:00", "17:30"]] for day in WEEKDAYS[:5]})
# One hour a week, and every Wednesday but one in a hundred a holiday: three hours take almost four years.
RARE = BusinessCalendar(timezone="Europe/London", weekly={"wed": [["10:00", "11:00"]]},
                        holidays=[date(2026, 1, 7) + timedelta(weeks=w) for w in range(300) if w % 100])
RARE_DUE = datetime(2029, 11, 7, 11, tzinfo=LONDON)
# Open once, in 2020: every question after that walks SEARCH_HORIZON before giving up.
NEVER_AGAIN = BusinessCalendar(timezone="UTC", weekly={}, exceptions={"2020-01-06": [["09:00", "10:00"]]})
NO_HOURS = BusinessCalendar(timezone="UTC", weekly={})


def hourly_deadline(calendar: BusinessCalendar, start: datetime, target: timedelta) -> datetime:
    """The naive peer: the deadline found by asking `is_open` hour by hour (exact for whole-hour openings)."""
    moment, found = start.astimezone(UTC), timedelta(0)
    while True:
        if is_open(calendar, moment):
            found += H
            if found >= target:
                return moment + H
        moment += H


def gives_up(question: Callable[[], object]) -> Callable[[], None]:
    """The question, expected to end in `never_open` rather than loop."""
    def asked() -> None:
        try:
            question()
        except CalendarError as error:
            if error.code != "never_open":
                raise
        else:
            raise SystemExit("a calendar never open again gave an answer")
    return asked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    ours = add_business_time(RARE, START, 3 * H)
    naive = hourly_deadline(RARE, START, 3 * H)
    if not ours == naive == RARE_DUE:
        print(f"DISAGREE on the rare calendar's deadline: ours {ours}, hourly is_open {naive}, expected {RARE_DUE}")
        return 1
    print(f"rare calendar, 3 h from {START:%Y-%m-%d}: ours and the hourly is_open walk agree on "
          f"{RARE_DUE:%Y-%m-%d %H:%M}")

    decade = business_time_between(OFFICE, START, START + SEARCH_HORIZON)
    office_days = (add_business_time(OFFICE, START, decade) - START.astimezone(UTC)).days
    office = best_of(args.runs, lambda: add_business_time(OFFICE, START, decade)) / office_days
    never_from = datetime(2026, 1, 1, tzinfo=UTC)
    questions: list[tuple[str, Callable[[], object], int, Callable[[], object] | None, str]] = [
        ("rare: add_business_time 3 h", lambda: add_business_time(RARE, START, 3 * H),
         (RARE_DUE - START).days, lambda: hourly_deadline(RARE, START, 3 * H), "< 1 s"),
        ("never again: next_open", gives_up(lambda: next_open(NEVER_AGAIN, never_from)), SEARCH_HORIZON.days,
         None, "< 2 s for both rows"),
        ("never again: add_business_time 1 h", gives_up(lambda: add_business_time(NEVER_AGAIN, never_from, H)),
         SEARCH_HORIZON.days, None, "< 2 s for both rows"),
        ("no hours at all: next_open", gives_up(lambda: next_open(NO_HOURS, never_from)), 0, None, "< 2 s"),
    ]
    print("| question | days walked | ours ms | us/day | per day vs office | hourly is_open ms | ours is | "
          "old test budget |\n|---|---|---|---|---|---|---|---|")
    print(f"| baseline: office calendar, {decade / H:,.0f} h of open time | {office_days:,} | "
          f"{office * office_days * 1e3:.1f} | {office * 1e6:.1f} | 1.00x | - | - | - |")
    for label, question, days, peer, budget in questions:
        seconds = best_of(args.runs, question)
        per_day = f"{seconds / days * 1e6:.1f} | {seconds / days / office:.2f}x" if days else "- | -"
        peer_s = best_of(args.runs, peer) if peer else None
        versus = f"{peer_s * 1e3:.1f} | {peer_s / seconds:.0f}x faster" if peer_s else "- | -"
        print(f"| {label} | {days:,} | {seconds * 1e3:.2f} | {per_day} | {versus} | {budget} |")
    print(f"best of {args.runs} runs; {machine()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
