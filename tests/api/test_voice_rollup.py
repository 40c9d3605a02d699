"""Share of voice from its rollup (store.voice_rollup) gives the exact path's rows, on SQLite and PostgreSQL: counted
by the fold, corrected on read for the hours whose mentions changed since (folded into the mention rollup or not),
for the names it counts only, and counted again when the names change."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, delete, insert
from sqlmodel import Session, col, select

from engine.models import Direction
from store import mention_rollup, voice_rollup
from store.analytics import mention_report
from store.mentions import Mention
from store.rollup_job import RollupJob, fold_all
from store.share_of_voice import ShareOfVoiceTerms, save_terms
from tests.api.test_analytics import _mention

START = datetime(2026, 3, 1, tzinfo=UTC)
NAMES = {"Acme": ["acme", "@acme_help"], "Globex": ["globex"], "Initech": ["initech corp", "tps"]}
WORDS = ["Acme", "acme's", "@acme_help", "acmes", "Globex", "GLOBEX!", "initech corp", "Initech", "tps", "TPS-report",
         "hello", "refund", "broken"]
PERIODS = [(START, START + timedelta(days=40)), (START + timedelta(days=2, hours=7), START + timedelta(days=31)),
           (START - timedelta(hours=1), START + timedelta(days=3))]


def _random(rng: random.Random, i: int) -> Mention:
    return _mention(f"v{i}", rng.choice(["twitter", "email"]), START + timedelta(seconds=rng.randrange(40 * 86400)),
                    rng.choice([Direction.inbound, Direction.inbound, Direction.outbound]),
                    text=" ".join(rng.sample(WORDS, rng.randrange(1, 4))))


def _compare(engine: Engine, names: dict[str, list[str]] = NAMES) -> int:
    """Every period, zone, group and channel: the rollup's rows are the exact path's; how many it answered."""
    answered = 0
    with Session(engine) as session:
        for since, until in PERIODS:
            for zone in (UTC, ZoneInfo("America/New_York")):
                for group in ("none", "day", "hour"):
                    for channel in (None, "twitter"):
                        args = dict(session=session, names=names, group_by=group, since=since, until=until,
                                    zone=zone, channel=channel)
                        counted = voice_rollup.voice_report(**args)
                        exact = mention_report(**args, metric="share_of_voice", accelerate=False)
                        if counted is not None:
                            assert counted == exact, args
                            answered += 1
    return answered


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_share_of_voice_from_the_rollup_is_the_exact_count(engine: Engine) -> None:
    rng = random.Random(41)
    with Session(engine) as session:
        session.add_all([_random(rng, i) for i in range(400)])
        session.commit()
    assert _compare(engine) == 0  # nothing counted yet: the exact path answers
    with engine.begin() as connection:
        fold_all(connection, voice_names=NAMES)
    assert _compare(engine) == 36
    with Session(engine) as session:
        rows = voice_rollup.voice_report(session=session, names=NAMES, group_by="none", since=PERIODS[0][0],
                                         until=PERIODS[0][1], zone=UTC)
    assert rows is not None and all(row.count > 20 for row in rows)  # the comparison compares something

    # Writes: through the ORM, in bulk as store.ingest does, deletes, a mention moved in time; nothing folded yet.
    with Session(engine) as session:
        session.add_all([_random(rng, i) for i in range(400, 450)])
        moved = session.exec(select(Mention).where(col(Mention.text).contains("Globex"))).first()
        assert moved is not None
        moved.created_at = START + timedelta(days=20, minutes=5)
        for gone in rng.sample(list(session.exec(select(Mention))), 15):
            session.delete(gone)
        session.commit()
    with Session(engine) as session:
        rows = [_random(rng, i).model_dump() for i in range(450, 500)]
        session.execute(insert(Mention.__table__), rows)  # type: ignore[attr-defined]
        mention_rollup.added(session, rows)
        session.commit()
    assert _compare(engine) == 36  # the changed hours are counted from their mentions on read
    with engine.begin() as connection:  # the mention rollup folded: its hours wait for the voice fold
        fold_all(connection)
        assert connection.execute(select(voice_rollup.PENDING.c.hour)).first() is not None
    assert _compare(engine) == 36
    with engine.begin() as connection:
        fold_all(connection, voice_names=NAMES)
        counted = select(voice_rollup.ROLLUP).where(voice_rollup.ROLLUP.c.n != 0)  # a cell emptied stays, at 0
        folded = sorted(connection.execute(counted).all())
        voice_rollup.rebuild(connection, NAMES)
        assert sorted(connection.execute(counted).all()) == folded  # as a recount makes them
    assert _compare(engine) == 36

    # Other names: not answered until the fold has counted them.
    other = {"Acme": ["acme"], "Umbrella": ["refund", "broken"]}
    assert _compare(engine, other) == 0
    with engine.begin() as connection:
        fold_all(connection, voice_names=other)
    assert _compare(engine, other) == 36 and _compare(engine) == 0
    with Session(engine) as session:  # a visibility rule, or an outbound direction: the exact path's
        args = dict(session=session, names=other, group_by="none", since=START, until=START + timedelta(days=2),
                    zone=UTC)
        assert voice_rollup.voice_report(**args, visible=[Mention.source == "email"]) is None
        assert voice_rollup.voice_report(**args, direction="outbound") is None
    with engine.begin() as connection:  # a bulk delete, as retention's
        doomed = list(connection.execute(select(Mention.id).limit(40)).scalars())
    with Session(engine) as session:
        with mention_rollup.tracking(session, doomed):
            session.execute(delete(Mention).where(col(Mention.id).in_(doomed)))
        session.commit()
    assert _compare(engine, other) == 36


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_rollup_job_counts_the_configured_names_and_follows_a_change(engine: Engine) -> None:
    """RollupJob counts the names the setting gives until an ops lead saves others, then counts those."""
    rng = random.Random(3)
    with Session(engine) as session:
        session.add_all([_random(rng, i) for i in range(200)])
        session.commit()
    job = RollupJob(engine, voice_default={"Acme": ["acme"], "Globex": ["globex"]})
    assert job.once() > 0
    assert _compare(engine, {"Acme": ["acme"], "Globex": ["globex"]}) == 36
    assert job.once() == 0  # caught up: an idle round
    with Session(engine) as session:
        save_terms(session, ShareOfVoiceTerms.model_validate(
            {"brand": {"name": "Acme", "terms": ["acme", "@acme_help"]}, "competitors": [
                {"name": "Initech", "terms": ["initech corp", "tps"]}]}), by="olivia", now=START)
        session.commit()
    saved = {"Acme": ["acme", "@acme_help"], "Initech": ["initech corp", "tps"]}
    assert _compare(engine, saved) == 0  # not counted yet: the exact path answers
    job.once()
    assert _compare(engine, saved) == 36
