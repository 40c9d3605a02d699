"""The case rollup (store.rollups): kept equal to what the cases make it through random writes (ORM inserts,
changes of team, priority, agent, tags, status, closes, reopens, deletes, and retention's bulk delete), folded or
not yet (a report adds the marked cases itself), also while writers and folds run at once; and its reports equal
to the exact path's, on SQLite and PostgreSQL: counts, rates, SLA attainment and means exactly, medians and p90
within the documented relative error (store.rollups.RELATIVE_ERROR, under 1%)."""

from __future__ import annotations

import asyncio
import math
import random
import threading
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, delete, func, insert, update
from sqlmodel import Session, col, select

from engine.models import CaseStatus, CloseReason, Direction, Priority
from store import mention_rollup, rollups
from store.analytics import CaseFilters, case_report, mention_report
from store.cases import Case
from store.db import make_engine
from store.db.migrate import migrate
from store.mentions import Mention
from store.rollup_job import RollupJob, fold_all
from tests.api.test_analytics import _case, _mention

START = datetime(2026, 1, 1, tzinfo=UTC)
TEAMS = ["support", "billing", None]
AGENTS = ["ada", "grace", None]
TAGS = ["refund", "billing", "outage"]
OUTCOMES = ["met", "breached", "closed_without_response"]
POLICIES = [None, "office", "office", "allday"]


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
    if rng.random() < 0.3:  # auto-replied; then maybe answered by a human, maybe closed as spam
        case.auto_reply_id, case.auto_replied_at = "canned-hello", opened + timedelta(seconds=5)
        case.reply_count = rng.choice([0, 0, 1])
        case.close_reason = rng.choice([None, CloseReason.spam]) if closed else None
    case.sla_policy = rng.choice(POLICIES)
    return case


def _thread(rng: random.Random, case: Case) -> list[Mention]:
    """A few messages of `case` after its opening: customers' (some needing no response) and ours (some the
    auto-reply, by system), so that closed cases have next-response waits."""
    found = []
    at = case.opened_at
    for n in range(rng.randrange(7)):
        at += timedelta(seconds=rng.randrange(30, 20_000))
        inbound = rng.random() < 0.55
        mention = _mention(f"{case.id}-{n}", case.source, at, Direction.inbound if inbound else Direction.outbound,
                           case_id=case.id, needs_response=rng.choice([None, True, False]) if inbound else None)
        if not inbound and rng.random() < 0.2:
            mention.author = "system"
        found.append(mention)
    return found


def _mutate(rng: random.Random, case: Case) -> None:
    change = rng.randrange(8)
    if change == 0:
        case.team_id = rng.choice(TEAMS)  # a transfer
    elif change == 1:  # the new priority may select another SLA policy
        case.priority, case.sla_policy = rng.choice(list(Priority)), rng.choice(POLICIES)
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
    elif change == 6:
        case.reply_count += 1  # a human answered: no longer resolved by the auto-reply alone
    else:
        case.handle_seconds = round(rng.uniform(0, 3000), 3)
        case.transfers += 1


def _plus(a: rollups.Totals, b: rollups.Totals) -> rollups.Totals:
    sums = {key: list(vector) for key, vector in a[0].items()}
    hists = {key: {metric: dict(counts) for metric, counts in per.items()} for key, per in a[1].items()}
    for key, vector in b[0].items():
        sums[key] = [x + y for x, y in zip(sums.get(key, [0] * len(vector)), vector, strict=True)]
    for key, per in b[1].items():
        for metric, counts in per.items():
            into = hists.setdefault(key, {}).setdefault(metric, {})
            for index, n in counts.items():
                into[index] = into.get(index, 0) + n
    return rollups._normal((sums, hists))


def _same(engine: Engine) -> None:
    """What a report counts (the cells and the marked cases' changes) is what the cases make, before the fold and
    after it; and after it nothing waits."""
    with engine.connect() as connection:
        waiting = rollups.unfolded(connection, limit=10**9)
        assert waiting is not None
        assert _plus(rollups.stored(connection), waiting) == rollups.recomputed(connection)
    with engine.begin() as connection:
        fold_all(connection)
    with engine.connect() as connection:
        assert rollups.stored(connection) == rollups.recomputed(connection)
        assert rollups.unfolded(connection) == ({}, {})


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_the_rollup_follows_every_write(engine: Engine) -> None:
    rng = random.Random(21)
    with Session(engine) as session:
        made = [_random_case(rng, f"r{i}") for i in range(120)]
        session.add_all(made)
        session.add_all([mention for case in made for mention in _thread(rng, case)])
        session.commit()
    _same(engine)
    # Mentions change a case's waits: a reply added, one deleted, one moved to another case (a bulk update, as a
    # case's save takes its mentions), one that turns out to need no response.
    with Session(engine) as session:
        mentions = list(session.exec(select(Mention)))
        closed = [c for c in session.exec(select(Case).where(col(Case.status) == CaseStatus.closed))]
        extra = _mention("late", "twitter", closed[0].opened_at + timedelta(hours=1), Direction.outbound,
                         case_id=closed[0].id)
        session.add(extra)
        session.delete(rng.choice(mentions))
        moved = rng.sample(mentions, 3)
        session.execute(update(Mention).where(col(Mention.id).in_([m.id for m in moved])).values(
            case_id=closed[1].id))
        inbound = next(m for m in mentions if m.direction == Direction.inbound and m.needs_response is not False
                       and m not in moved)
        inbound.needs_response = False
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
    # Bulk statements through the session mark their cases: a delete as retention's, an insert, an update.
    with Session(engine) as session:
        doomed = list(session.exec(select(Case.id).where(col(Case.status) == CaseStatus.closed).limit(15)))
        session.execute(delete(Case).where(col(Case.id).in_(doomed)))
        session.execute(insert(Case), [_random_case(rng, f"bulk{i}").model_dump() for i in range(5)])
        session.execute(update(Case).where(col(Case.team_id) == "support").values(priority=Priority.urgent))
        session.commit()
    _same(engine)
    # A write around the session marks its cases itself.
    with Session(engine) as session:
        rollups.mark(session, ["bulk0"])
        session.connection().execute(update(Case.__table__).where(Case.__table__.c.id == "bulk0").values(  # type: ignore[attr-defined]
            team_id="billing"))
        session.commit()
    _same(engine)
    # The backfill builds the same rollup, and what it saw of each case: a change after it folds right.
    with engine.begin() as connection:
        before = rollups.stored(connection)
        rollups.rebuild(connection)
        assert rollups.stored(connection) == before
    with Session(engine) as session:
        for case in session.exec(select(Case)).all()[:10]:
            _mutate(rng, case)
        session.commit()
    _same(engine)


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_writers_and_folds_at_once_count_every_change_once(engine: Engine) -> None:
    """Two writers change cases while two folders fold: no change is lost or counted twice (PostgreSQL: a fold skips
    the marks of writers that have not committed, a writer's mark after a fold took it is a new one, and one fold
    runs at a time)."""
    with Session(engine) as session:
        session.add_all([_random_case(random.Random(i), f"c{i}") for i in range(60)])
        session.commit()
    stop = threading.Event()
    failures: list[BaseException] = []

    def write(seed: int) -> None:
        rng = random.Random(seed)
        try:
            while not stop.is_set():
                with Session(engine) as session:
                    case = session.get(Case, f"c{rng.randrange(60)}")
                    assert case is not None
                    _mutate(rng, case)
                    session.commit()
        except BaseException as exc:  # noqa: BLE001 (reported below)
            failures.append(exc)

    def fold() -> None:
        try:
            while not stop.is_set():
                with engine.begin() as connection:
                    rollups.fold(connection, limit=7)
        except BaseException as exc:  # noqa: BLE001
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(seed,)) for seed in (1, 2)]
    threads += [threading.Thread(target=fold) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(3)
    stop.set()
    for thread in threads:
        thread.join()
    assert not failures, failures
    _same(engine)


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
        made = [_random_case(rng, f"r{i}") for i in range(400)]
        session.add_all(made)
        session.add_all([mention for case in made for mention in _thread(rng, case)])
        session.commit()
    with engine.begin() as connection:
        fold_all(connection)
    with Session(engine) as session:  # some moved after they were folded: the reports count them as they are now
        for case in rng.sample(list(session.exec(select(Case))), 80):
            _mutate(rng, case)
        session.commit()
    compared = 0
    # Every metric by every group under each filter, the periods and zones taken in turn (each pair of them
    # comes round many times): a sixth of the whole product, which took a minute and a half per database.
    views = [(since, until, zone) for since, until in PERIODS
             for zone in (UTC, ZoneInfo("Europe/Paris"), ZoneInfo("America/New_York"))[:3 if since == START else 2]]
    turn = 0
    with Session(engine) as session:
        for metric in sorted(rollups.METRICS):
            for group in sorted(rollups.GROUPS):
                for filters in (CaseFilters(), CaseFilters(team_id="support"), CaseFilters(tag="refund"),
                                CaseFilters(channel="email", team_id="billing")):
                    turn += 1
                    since, until, zone = views[turn % len(views)]
                    if group == "hour" and until - since > timedelta(days=40):
                        since, until, zone = views[-1]
                    args = dict(session=session, metric=metric, group_by=group, since=since, until=until, zone=zone,
                                filters=filters)
                    summed = rollups.case_report(**args, exact_up_to=0)
                    if summed is None:  # two dimensions at once, or by tag for one tag
                        assert group in ("channel", "assignee", "priority", "policy", "tag") and (
                            filters.tag or filters.channel), args
                        continue
                    _equal_within(summed, case_report(**args, accelerate=False))
                    compared += 1
    assert compared >= 200
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
                        rng.choice(list(Direction)), tags=rng.sample(TAGS, rng.randrange(3)) or None,
                        language=rng.choice(["en", "fr", None]),
                        sentiment=rng.choice([None, round(rng.uniform(-1, 1), 4), 0.05, -0.05]))

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
    with Session(engine) as session:  # none folded yet: the reports add the deltas
        for since, until in PERIODS:
            for zone in (UTC, ZoneInfo("Europe/Paris")):
                for group in sorted(mention_rollup.GROUPS):
                    for channel, direction in [(None, None), ("twitter", None), (None, "outbound")]:
                        for metric in ("volume", "sentiment"):
                            args = dict(session=session, group_by=group, since=since, until=until, zone=zone,
                                        channel=channel, direction=direction, metric=metric)
                            summed = mention_rollup.mention_report(**args)
                            assert summed is not None, args
                            _equal_within(summed, mention_report(**args, accelerate=False))
    with engine.begin() as connection:
        assert fold_all(connection) > 0
    with engine.connect() as connection:
        assert mention_rollup.stored(connection) == mention_rollup.recomputed(connection)
    with Session(engine) as session:
        args = dict(session=session, group_by="day", since=PERIODS[0][0], until=PERIODS[0][1], zone=UTC)
        assert mention_rollup.mention_report(**args) == mention_report(**args, accelerate=False)


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_mentions_by_team_follow_their_cases(engine: Engine) -> None:
    """Mentions by team are counted by the team their case has now: a transfer moves them, folded or not; mentions
    with no case, or whose case has no team, are the no-team group, as the exact path's join makes them."""
    rng = random.Random(23)
    sentiments = [None, -0.05, 0.05, *(round(rng.uniform(-1, 1), 4) for _ in range(5))]
    with Session(engine) as session:
        made = [_random_case(rng, f"t{i}") for i in range(120)]
        session.add_all(made)
        for case in made:
            for mention in _thread(rng, case):
                mention.sentiment = rng.choice(sentiments)
                session.add(mention)
        session.add_all([_mention(f"loose{i}", rng.choice(["twitter", "email"]),
                                  START + timedelta(seconds=rng.randrange(60 * 86400)), rng.choice(list(Direction)),
                                  sentiment=rng.choice(sentiments)) for i in range(60)])
        session.commit()
    with engine.begin() as connection:
        fold_all(connection)

    def compare() -> None:
        with Session(engine) as session:
            for since, until in PERIODS:
                for channel, direction in [(None, None), ("twitter", None), (None, "outbound"), ("email", "inbound")]:
                    for metric in ("volume", "sentiment"):
                        args = dict(session=session, group_by="team", since=since, until=until, zone=UTC,
                                    channel=channel, direction=direction, metric=metric)
                        summed = mention_rollup.mention_report(**args)
                        assert summed is not None, args
                        _equal_within(summed, mention_report(**args, accelerate=False))

    compare()
    with Session(engine) as session:  # transfers, a mention moved to another case, a sentiment rescored
        cases = list(session.exec(select(Case)))
        for case in rng.sample(cases, 30):
            case.team_id = rng.choice(TEAMS)
        session.commit()
        session.execute(update(Mention).where(col(Mention.case_id) == cases[0].id).values(case_id=cases[1].id))
        found = list(session.exec(select(Mention).where(col(Mention.case_id).is_not(None))))
        for mention in rng.sample(found, 10):
            mention.sentiment = rng.choice(sentiments)
        session.commit()
    compare()  # nothing folded: the reports add what the marked cases change
    with Session(engine) as session:
        by_team = mention_report(session=session, group_by="team", since=PERIODS[0][0], until=PERIODS[0][1],
                                 zone=UTC, accelerate=False)
    assert {row.group for row in by_team} == {"support", "billing", None}
    with engine.begin() as connection:
        fold_all(connection)
    with engine.connect() as connection:
        assert rollups.stored(connection) == rollups.recomputed(connection)
    compare()


async def test_the_job_beside_the_api_folds_what_writes_leave(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """RollupJob, as the API runs it: every round folds whatever waits, in batches, and an idle round folds
    nothing."""
    engine = make_engine(f"sqlite:///{tmp_path / 'job.db'}")
    migrate(engine)
    rng = random.Random(5)
    with Session(engine) as session:
        session.add_all([_random_case(rng, f"j{i}") for i in range(rollups.FOLD_BATCH + 20)])
        session.add_all([_mention(f"m{i}", "twitter", START + timedelta(hours=i), Direction.inbound)
                         for i in range(30)])
        session.commit()
    job = RollupJob(engine, interval=0.01)
    runner = asyncio.create_task(job.run())
    try:
        async def caught_up() -> bool:
            with engine.connect() as connection:
                return rollups.unfolded(connection) == ({}, {}) and connection.execute(
                    select(func.count()).select_from(mention_rollup.DELTA)).scalar_one() == 0
        for _ in range(500):
            if await caught_up():
                break
            await asyncio.sleep(0.02)
        assert await caught_up()
    finally:
        runner.cancel()
    with engine.connect() as connection:
        assert rollups.stored(connection) == rollups.recomputed(connection)
        assert mention_rollup.stored(connection) == mention_rollup.recomputed(connection)
    assert job.once() == 0
    engine.dispose()
