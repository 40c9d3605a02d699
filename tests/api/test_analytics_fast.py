"""store.analytics_fast gives the exact path's rows, on SQLite and PostgreSQL: every metric by every group, in
zones ahead of and behind UTC, across a daylight saving change, with filters and a visibility rule; and leaves
to the exact path what it cannot answer exactly (a half-hour zone, a tag filter)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from engine.metrics import time_bucket
from engine.models import CaseStatus, Direction, Priority
from store import analytics_fast
from store.analytics import CASE_GROUPS, CASE_METRICS, MENTION_GROUPS, CaseFilters, case_report, mention_report
from store.cases import Case
from store.db import make_engine
from store.db.migrate import migrate
from tests.api.test_analytics import _case, _mention, cases, mentions

ZONES = ["UTC", "Europe/Paris", "America/New_York"]


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def more_cases() -> list[Case]:
    """Around Paris' change to summer time (2026-03-29 01:00 UTC), and the odd shapes the JSON columns can hold."""
    return [
        _case("d1", source="twitter", team="support", agent="ada", priority=Priority.high,
              tags=["refund", "refund", "billing"], opened=at(3, 29, 0, 30), closed=at(3, 29, 1, 30), first=60,
              resolution=3600, handle=100, sla={"first_response": "met", "next_response": "breached"}),
        _case("d2", source="email", team="support", agent="grace", priority=Priority.normal, tags=[],
              opened=at(3, 29, 1, 10), closed=at(3, 29, 2, 59), first=125.5, resolution=6540, transfers=3,
              sla={"resolution": "paused"}),  # an outcome attainment ignores
        _case("d3", source="email", team=None, agent=None, priority=Priority.low, tags=["outage"],
              opened=at(3, 28, 23, 59), closed=at(3, 29, 0, 0), resolution=60, reopens=2),
        _case("d4", source="twitter", team="marketing", agent="maya", priority=Priority.urgent, tags=["legal"],
              opened=at(3, 29, 3), status=CaseStatus.escalated, answered=at(3, 29, 3, 7, )),
        _case("d5", source="twitter", team="marketing", agent=None, priority=Priority.urgent, tags=["legal"],
              opened=at(3, 29, 4), status=CaseStatus.open),
    ]


def more_mentions() -> list:
    return [_mention("n1", "twitter", at(3, 29, 0, 59)), _mention("n2", "twitter", at(3, 29, 1, 0)),
            _mention("n3", "email", at(3, 29, 2, 30), Direction.outbound)]


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    migrate(engine)
    with Session(engine) as session:
        session.add_all([*cases(), *mentions(), *more_cases(), *more_mentions()])
        tagless = more_cases()[2]
        tagless.id, tagless.workflow_id, tagless.tags = "d6", "case-d6", None  # type: ignore[assignment]
        session.add(tagless)
        for i, case in enumerate(sorted((new for new in session.new if isinstance(new, Case)), key=lambda c: c.id)):
            case.sla_policy = (None, "office", "allday")[i % 3]  # as the workflow writes them: some have none
        session.commit()
    yield engine
    engine.dispose()


PERIODS = [(datetime(2025, 12, 1, tzinfo=UTC), datetime(2025, 12, 3, tzinfo=UTC)),
           (at(3, 28, 12), at(3, 30, 12)),  # the daylight saving change
           (datetime(2025, 11, 20, 5, 30, tzinfo=UTC), datetime(2026, 1, 5, tzinfo=UTC))]  # from mid-hour


VARIANTS = [(CaseFilters(team_id="support"), ()), (CaseFilters(channel="twitter", priority="high"), ()),
            (CaseFilters(), [Case.team_id.in_(["marketing"])])]  # type: ignore[union-attr]


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_the_fast_path_gives_the_exact_paths_rows(engine: Engine) -> None:
    # The fast path answers the first slice's metrics, every group; the other metrics (next_response, backlog...)
    # always take the exact path.
    assert analytics_fast.METRICS < set(CASE_METRICS) and analytics_fast.GROUPS == set(CASE_GROUPS)
    compared = 0
    with Session(engine) as session:
        for since, until in PERIODS:
            for zone in map(ZoneInfo, ZONES):
                for metric in analytics_fast.METRICS:
                    for group in analytics_fast.GROUPS:
                        for filters, visible in [(CaseFilters(), ()), *VARIANTS * (zone.key == "Europe/Paris")]:
                            args = dict(session=session, metric=metric, group_by=group, since=since, until=until,
                                        zone=zone, filters=filters, visible=visible)
                            fast = analytics_fast.case_report(**args)
                            assert fast is not None, args
                            assert fast == case_report(**args, accelerate=False), args
                            compared += 1
                for group in MENTION_GROUPS:
                    for channel, direction in [(None, None), ("twitter", None), (None, "outbound")]:
                        args = dict(session=session, group_by=group, since=since, until=until, zone=zone,
                                    channel=channel, direction=direction)
                        assert mention_report(**args) == mention_report(**args, accelerate=False), args
    assert compared == len(PERIODS) * (len(ZONES) + len(VARIANTS)) * len(analytics_fast.METRICS) * \
        len(analytics_fast.GROUPS)
    # The figures are not all empty: the comparison compares something.
    with Session(engine) as session:
        rows = case_report(session=session, metric="opened", group_by="tag", since=PERIODS[1][0],
                           until=PERIODS[1][1], zone=ZoneInfo("Europe/Paris"))
    assert {row.group: row.count for row in rows} == {"billing": 1, "legal": 2, "outage": 1, "refund": 1, None: 2}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_what_the_fast_path_leaves_to_the_exact_one(engine: Engine) -> None:
    since, until = PERIODS[1]
    with Session(engine) as session:
        common = dict(session=session, metric="opened", since=since, until=until)
        # Half-hour and quarter-hour offsets: a UTC hour straddles two local hours (or days).
        for zone in ("Asia/Kolkata", "Asia/Kathmandu"):
            for group in ("day", "hour"):
                assert analytics_fast.case_report(**common, group_by=group, zone=ZoneInfo(zone),
                                                  filters=CaseFilters()) is None
                assert analytics_fast.mention_report(session=session, group_by=group, since=since, until=until,
                                                     zone=ZoneInfo(zone)) is None
        # Other groups do not care for the zone.
        assert analytics_fast.case_report(**common, group_by="team", zone=ZoneInfo("Asia/Kolkata"),
                                          filters=CaseFilters()) is not None
        assert analytics_fast.case_report(**common, group_by="none", zone=UTC, filters=CaseFilters(tag="legal")) \
            is None
        # And what the exact path answers is what the API gives.
        kolkata = case_report(**common, group_by="hour", zone=ZoneInfo("Asia/Kolkata"))
        assert sum(row.count for row in kolkata) == 6 and kolkata[0].group == "2026-03-28T17:00+05:30"


def test_hour_labels_follow_the_zone() -> None:
    paris = ZoneInfo("Europe/Paris")
    labels = analytics_fast.hour_labels(at(3, 29, 0, 30), at(3, 29, 2), paris, "hour")
    assert labels == {"2026-03-29 00": "2026-03-29T01:00+01:00", "2026-03-29 01": "2026-03-29T03:00+02:00"}
    days = analytics_fast.hour_labels(at(3, 28, 22), at(3, 29, 0) + timedelta(hours=1), paris, "day")
    assert days == {"2026-03-28 22": "2026-03-28", "2026-03-28 23": "2026-03-29", "2026-03-29 00": "2026-03-29"}
    assert analytics_fast.hour_labels(at(3, 29, 0), at(3, 29, 2), ZoneInfo("Asia/Kolkata"), "day") is None


def test_hour_labels_are_time_buckets_or_none_in_any_zone() -> None:
    """Against engine.metrics.time_bucket read at both ends of every UTC hour, over random periods of up to four
    months in zones with daylight saving time, half-hour offsets and date-line jumps (Samoa skipped a day in
    2011); None (the exact path answers) only where some hour straddles two buckets, or conservatively."""
    rng = random.Random(16)
    for name in ("Europe/Paris", "America/Sao_Paulo", "Pacific/Apia", "Australia/Lord_Howe", "America/St_Johns",
                 "Asia/Kathmandu", "Africa/Casablanca"):
        zone = ZoneInfo(name)
        for _ in range(6):
            since = datetime(2010, 1, 1, tzinfo=UTC) + timedelta(seconds=rng.randrange(17 * 365 * 86400))
            until = since + timedelta(seconds=rng.randrange(1, 120 * 86400))
            for unit in ("day", "hour"):
                expected = _walked(since, until, zone, unit)
                found = analytics_fast.hour_labels(since, until, zone, unit)
                assert found == expected or (found is None and name in ("Australia/Lord_Howe", "Africa/Casablanca")), (
                    name, since, until, unit)
    whole = analytics_fast.hour_labels(datetime(2011, 12, 29, tzinfo=UTC), datetime(2012, 1, 2, tzinfo=UTC),
                                       ZoneInfo("Pacific/Apia"), "day")
    assert whole is not None and "2011-12-30" not in whole.values()  # the day Samoa skipped


def _walked(since: datetime, until: datetime, zone: ZoneInfo, unit: str) -> dict[str, str] | None:
    found, hour = {}, since.replace(minute=0, second=0, microsecond=0)
    while hour < until:
        first = time_bucket(max(hour, since), zone, unit)  # type: ignore[arg-type]
        if time_bucket(min(hour + timedelta(hours=1), until) - timedelta(microseconds=1), zone, unit) != first:  # type: ignore[arg-type]
            return None
        found[f"{hour:%Y-%m-%d %H}"] = first
        hour += timedelta(hours=1)
    return found
