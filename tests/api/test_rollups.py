"""The case rollup (store.rollups): kept equal to what the cases make it through random writes (ORM inserts,
changes of team, priority, agent, tags, status, closes, reopens, deletes, and retention's bulk delete), and its
reports equal to the exact path's, on SQLite and PostgreSQL: counts, rates, SLA attainment and means exactly,
medians and p90 within the documented relative error (store.rollups.RELATIVE_ERROR, under 1%)."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, delete, insert
from sqlmodel import Session, col, select

from engine.models import CaseStatus, Direction, Priority
from store import mention_rollup, rollups
from store.analytics import CaseFilters, case_report, mention_report
from store.cases import Case
from store.db import make_engine
from store.db.migrate import migrate
from store.mentions import Mention
from tests.api.test_analytics import _case, _mention

START = datetime(2026, 1, 1, tzinfo=UTC)
TEAMS = ["support", "billing", None]
AGENTS = ["ada", "grace", None]
TAGS = ["refund", "billing", "outage"]
OUTCOMES = ["met", "breached", "closed_without_response"]


def _random_case(rng: random.Random, ident: str) -> Case:
    opened = START + timedelta(seconds=rng.randrange(70 * 86400))
    closed = rng.random() < 0.7
    first = None if rng.random() < 0.2 else round(rng.lognormvariate(6, 1.2), 3)
    case = _case(
        ident, source=rng.choice(["twitter", "email"]), team=rng.choice(TEAMS), agent=rng.choice(AGENTS),
        priority=rng.choice(list(Priority)), tags=rng.sample(TAGS, rng.randrange(3)) + rng.choice([[], ["refund"]]),
        opened=opened, status=CaseStatus.closed if closed else rng.choice([CaseStatus.open, CaseStatus.assigned]),
        closed=opened + timedelta(seconds=rng.randrange(1, 5 * 86400)) if closed else None,
        answered=None if first is None else opened + timedelta(seconds=first),
        first=first if closed else None, resolution=round(rng.lognormvariate(9, 1), 3) if closed else None,
        handle=rng.choice([0.0, round(rng.lognormvariate(6, 0.8), 3)]), transfers=rng.choice([0, 0, 1, 2]),
        reopens=rng.choice([0, 0, 0, 1]),
        sla={t: rng.choice(OUTCOMES) for t in ("first_response", "next_response", "resolution")
             if rng.random() < 0.7} if closed else {})
    return case


def _mutate(rng: random.Random, case: Case) -> None:
    change = rng.randrange(7)
    if change == 0:
        case.team_id = rng.choice(TEAMS)  # a transfer
    elif change == 1:
        case.priority = rng.choice(list(Priority))
    elif change == 2:
        case.assignee_id = rng.choice(AGENTS)
    elif change == 3:
        case.tags = rng.sample(TAGS, rng.randrange(4))
    elif change == 4 and case.status != CaseStatus.closed:  # a close
        case.status, case.closed_at = CaseStatus.closed, case.opened_at + timedelta(hours=rng.randrange(1, 90))
        case.resolution_seconds = (case.closed_at - case.opened_at).total_seconds()
        case.first_response_seconds = 42.5
        case.sla_outcomes = {"first_response": rng.choice(OUTCOMES)}
    elif change == 5 and case.status == CaseStatus.closed:  # a reopen
        case.status, case.reopen_count = CaseStatus.assigned, case.reopen_count + 1
    else:
        case.handle_seconds = round(rng.uniform(0, 3000), 3)
        case.transfers += 1


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


def _same(engine: Engine) -> None:
    with engine.connect() as connection:
        assert rollups.stored(connection) == rollups.recomputed(connection)


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_the_rollup_follows_every_write(engine: Engine) -> None:
    rng = random.Random(21)
    with Session(engine) as session:
        session.add_all([_random_case(rng, f"r{i}") for i in range(120)])
        session.commit()
    _same(engine)
    for round_ in range(6):
        with Session(engine) as session:
            cases = list(session.exec(select(Case)))
            for case in rng.sample(cases, 25):
                _mutate(rng, case)
            session.flush()  # two flushes in one transaction
            for case in rng.sample(cases, 10):
                _mutate(rng, case)
            session.delete(rng.choice(cases))
            session.add(_random_case(rng, f"new{round_}"))
            session.commit()
        _same(engine)
    # A transaction rolled back leaves the rollup as it was.
    with Session(engine) as session:
        for case in session.exec(select(Case)).all()[:10]:
            case.team_id = "elsewhere"
        session.flush()
        session.rollback()
    _same(engine)
    # A write around the ORM, as retention's delete is, inside rollups.tracking.
    with Session(engine) as session:
        doomed = list(session.exec(select(Case.id).where(col(Case.status) == CaseStatus.closed).limit(15)))
        with rollups.tracking(session, doomed):
            session.execute(delete(Case).where(col(Case.id).in_(doomed)))
        session.commit()
    _same(engine)
    # The backfill builds the same rollup.
    with engine.begin() as connection:
        before = rollups.stored(connection)
        rollups.rebuild(connection)
        assert rollups.stored(connection) == before


def _close(found: float | None, expected: float | None, relative: float) -> bool:
    if found is None or expected is None:
        return found is expected
    return math.isclose(found, expected, rel_tol=relative, abs_tol=1e-6)


def _equal_within(summed: list, exact: list) -> None:
    assert len(summed) == len(exact)
    for a, b in zip(summed, exact, strict=True):
        assert (a.group, a.count, a.target, a.met, a.breached, a.closed_without_response, a.matching) == (
            b.group, b.count, b.target, b.met, b.breached, b.closed_without_response, b.matching), (a, b)
        assert _close(a.value, b.value, 1e-9) and _close(a.mean, b.mean, 1e-9), (a, b)
        assert _close(a.median, b.median, rollups.RELATIVE_ERROR), (a, b)
        assert _close(a.p90, b.p90, rollups.RELATIVE_ERROR), (a, b)


PERIODS = [(START, START + timedelta(days=70)), (START + timedelta(days=3, hours=5), START + timedelta(days=40)),
           (datetime(2025, 12, 31, 23, tzinfo=UTC), datetime(2026, 2, 1, 23, tzinfo=UTC))]


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_rollup_reports_are_the_exact_ones(engine: Engine) -> None:
    rng = random.Random(16)
    with Session(engine) as session:
        session.add_all([_random_case(rng, f"r{i}") for i in range(400)])
        session.commit()
    with Session(engine) as session:  # some moved after they were written
        for case in rng.sample(list(session.exec(select(Case))), 80):
            _mutate(rng, case)
        session.commit()
    compared = 0
    with Session(engine) as session:
        for since, until in PERIODS:
            for zone in (UTC, ZoneInfo("Europe/Paris"), ZoneInfo("America/New_York"))[:3 if since == START else 2]:
                for metric in sorted(rollups.METRICS):
                    for group in sorted(rollups.GROUPS):
                        if group == "hour" and until - since > timedelta(days=40):
                            continue
                        for filters in (CaseFilters(), CaseFilters(team_id="support"), CaseFilters(tag="refund"),
                                        CaseFilters(channel="email", team_id="billing")):
                            args = dict(session=session, metric=metric, group_by=group, since=since, until=until,
                                        zone=zone, filters=filters)
                            summed = rollups.case_report(**args, exact_up_to=0)
                            if summed is None:  # two dimensions at once
                                assert group in ("channel", "assignee", "priority", "tag") and (
                                    filters.tag or filters.channel), args  # or by tag for one tag
                                assert compared or group != "none"
                                continue
                            _equal_within(summed, case_report(**args, accelerate=False))
                            compared += 1
    assert compared > 1000
    # What the rollup leaves to the other paths.
    with Session(engine) as session:
        common = dict(session=session, metric="opened", filters=CaseFilters())
        assert rollups.case_report(**common, group_by="none", since=START + timedelta(minutes=30),
                                   until=START + timedelta(days=2), zone=UTC) is None  # not a whole hour
        assert rollups.case_report(**common, group_by="day", since=START, until=START + timedelta(days=2),
                                   zone=ZoneInfo("Asia/Kolkata")) is None  # a half-hour zone
        assert rollups.case_report(**common, group_by="none", since=START, until=START + timedelta(days=2),
                                   zone=UTC, visible=[Case.team_id == "support"]) is None
        # Few values: the exact counting answers medians.
        assert rollups.case_report(**{**common, "metric": "resolution"}, group_by="none", since=START,
                                   until=START + timedelta(days=2), zone=UTC) is None


def test_buckets_stand_for_their_values_within_the_bound() -> None:
    assert rollups.RELATIVE_ERROR < 0.01
    rng = random.Random(3)
    for value in [1e-3, 0.5, 1, 59.999, 60, 3600, 86400 * 30, *(rng.lognormvariate(7, 3) for _ in range(2000))]:
        assert abs(rollups.representative(rollups.bucket(value)) - value) <= rollups.RELATIVE_ERROR * value * (1 + 1e-9)
    assert rollups.representative(rollups.bucket(0.0)) == 0.0


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_the_mention_rollup_follows_writes_and_answers_volume(engine: Engine) -> None:
    rng = random.Random(17)

    def random_mention(i: int) -> Mention:
        return _mention(f"x{i}", rng.choice(["twitter", "email"]), START + timedelta(seconds=rng.randrange(50 * 86400)),
                        rng.choice(list(Direction)))

    with Session(engine) as session:
        session.add_all([random_mention(i) for i in range(300)])
        session.commit()
    with Session(engine) as session:  # a bulk insert, as store.ingest writes them
        rows = [{**random_mention(i).model_dump()} for i in range(300, 400)]
        session.execute(insert(Mention.__table__), rows)  # type: ignore[attr-defined]
        mention_rollup.added(session, rows)
        session.commit()
    with Session(engine) as session:
        found = list(session.exec(select(Mention)))
        for mention in rng.sample(found, 20):
            session.delete(mention)
        rng.choice(found).created_at = START + timedelta(days=3)
        session.commit()
    with Session(engine) as session:  # a bulk delete, as retention's
        doomed = list(session.exec(select(Mention.id).limit(30)))
        with mention_rollup.tracking(session, doomed):
            session.execute(delete(Mention).where(col(Mention.id).in_(doomed)))
        session.commit()
    with engine.connect() as connection:
        assert mention_rollup.stored(connection) == mention_rollup.recomputed(connection)
    with Session(engine) as session:
        for since, until in PERIODS:
            for zone in (UTC, ZoneInfo("Europe/Paris")):
                for group in ("none", "channel", "direction", "day", "hour"):
                    for channel, direction in [(None, None), ("twitter", None), (None, "outbound")]:
                        args = dict(session=session, group_by=group, since=since, until=until, zone=zone,
                                    channel=channel, direction=direction)
                        summed = mention_rollup.mention_report(**args)
                        assert summed is not None and summed == mention_report(**args, accelerate=False), args
