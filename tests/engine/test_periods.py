"""Relative report periods are whole local days in the report's zone, resolved at a given instant."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from engine.periods import RELATIVE_PERIODS, resolve_period

PARIS = ZoneInfo("Europe/Paris")
# Wednesday 2 April 2025, 00:30 in Paris (UTC+2 since 30 March): still 1 April in UTC.
NOW = datetime(2025, 4, 1, 22, 30, tzinfo=UTC)


def _local(period: str) -> tuple[str, str]:
    since, until = resolve_period(period, now=NOW, zone=PARIS)
    return since.astimezone(PARIS).isoformat(), until.astimezone(PARIS).isoformat()


def test_windows_are_local_days_weeks_and_months() -> None:
    assert _local("today") == ("2025-04-02T00:00:00+02:00", "2025-04-03T00:00:00+02:00")
    assert _local("yesterday") == ("2025-04-01T00:00:00+02:00", "2025-04-02T00:00:00+02:00")
    # The 7 days before today: across the change to summer time, so 7 local days are 167 hours.
    assert _local("last_7_days") == ("2025-03-26T00:00:00+01:00", "2025-04-02T00:00:00+02:00")
    assert _local("this_week") == ("2025-03-31T00:00:00+02:00", "2025-04-07T00:00:00+02:00")
    assert _local("last_week") == ("2025-03-24T00:00:00+01:00", "2025-03-31T00:00:00+02:00")
    assert _local("this_month") == ("2025-04-01T00:00:00+02:00", "2025-05-01T00:00:00+02:00")
    assert _local("last_month") == ("2025-03-01T00:00:00+01:00", "2025-04-01T00:00:00+02:00")
    # January's last month is the year before's December.
    assert resolve_period("last_month", now=datetime(2026, 1, 15, tzinfo=UTC), zone=UTC) == (
        datetime(2025, 12, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC))
    for period in RELATIVE_PERIODS:
        since, until = resolve_period(period, now=NOW, zone=PARIS)
        assert since < until and since.tzinfo is not None


def test_an_unknown_period_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="last_30_days"):
        resolve_period("fortnight", now=NOW, zone=UTC)
