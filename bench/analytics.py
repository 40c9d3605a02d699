"""Analytics queries on a year of generated data: p50 and p95 per query, on SQLite and PostgreSQL.

    .venv/bin/python -m bench.analytics [--mentions 1000000] [--cases 300000] [--runs 10] [--db sqlite,postgres]
                                        [--exact REGEX] [--no-fast] [--check] [--json FILE]

It builds a database of `--cases` cases and `--mentions` mentions over the year before END (bulk inserts
straight into the migrated tables: executemany in one transaction on SQLite, COPY on PostgreSQL, a throwaway
Debian PostgreSQL started like tests/harness/postgres.py's) with realistic distributions: channels, teams,
agents, priorities, tags, sentiment, statuses, opening times by hour of day and day of week, lognormal first
response, resolution and handle times, transfers, reopenings and SLA outcomes. Then it times store.analytics'
`case_report` for every metric and group, and `mention_report` for every group, over the last 7, 30 and 365
days before END (hours only up to 93 days: the API refuses longer hourly series), in Europe/Paris, each
`--runs` times, and prints p50 and p95 per query and database. The target (issue 16) is p95 < 200 ms.

`--exact REGEX` also times the queries it matches without store.analytics_fast (every case fetched and grouped
in Python, as before this benchmark: slow, so one run each, no warm-up, and a subset); `--no-fast` times only
those. `--check` first compares every query's result
with and without the fast path and stops on a difference.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select
from sqlmodel import Session

from bench.timing import machine
from store import mention_rollup, rollups, voice_rollup
from store.analytics import AT_AN_INSTANT, CASE_GROUPS, CASE_METRICS, MENTION_GROUPS, case_report, mention_report
from store.db import make_engine, session_scope
from store.db.migrate import migrate

END = datetime(2026, 12, 1, tzinfo=UTC)
YEAR = timedelta(days=365)
PERIODS = {"7d": timedelta(days=7), "30d": timedelta(days=30), "365d": timedelta(days=365)}
ZONE = ZoneInfo("Europe/Paris")
TARGET_MS = 200.0

CHANNELS = {"twitter": 40, "facebook": 20, "instagram": 15, "email": 12, "reviews": 8, "reddit": 5}
TEAMS = {"support": 45, "billing": 20, "tech": 18, "escalations": 7, "social": 7, None: 3}
AGENTS_PER_TEAM = 8
PRIORITIES = {"low": 15, "normal": 60, "high": 20, "urgent": 5}
TAGS = ["refund", "billing", "invoice", "delivery", "outage", "login", "praise", "product", "legal", "spam"]
LANGUAGES = ["en"] * 7 + ["fr", "de", "es"]
# Cases opened per hour of the day (UTC), and per weekday (Monday first).
HOUR_WEIGHTS = [2, 1, 1, 1, 1, 2, 4, 7, 10, 12, 12, 11, 10, 11, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]
DAY_WEIGHTS = [1.25, 1.1, 1.05, 1.0, 0.95, 0.6, 0.5]
FIRST_RESPONSE_TARGET, RESOLUTION_TARGET, NEXT_RESPONSE_TARGET = 3600.0, 86400.0, 7200.0

CASE_COLUMNS = ("id", "workflow_id", "conversation_id", "source", "status", "priority", "needs_response",
                "sentiment", "tags", "team_id", "assignee_id", "author", "subject", "opened_at", "assigned_at",
                "first_response_at", "closed_at", "close_reason", "sla_due_at", "sla_breached", "flow_version",
                "first_response_seconds", "resolution_seconds", "mention_count", "reply_count", "updated_at",
                "claimed_by", "claimed_at", "transfers", "escalation_level", "drafts_pending", "sla", "notes",
                "expert_id", "expert_request_id", "reopen_count", "handle_seconds", "sla_outcomes", "auto_reply_id",
                "auto_replied_at", "sla_policy")
MENTION_COLUMNS = ("id", "source", "external_id", "conversation_id", "author", "text", "created_at", "received_at",
                   "reply_to_id", "direction", "case_id", "dispatched", "thread_id", "author_followers",
                   "author_verified", "tags", "sentiment", "language", "needs_response", "customer_id")
TEXTS = ["my Acme order arrived broken and I want a refund", "the app has been down for two hours",
         "where is my package? it was shipped last week, Globex would have been faster",
         "I was charged twice on my invoice", "can you help me reset my login?",
         "love the new update, better than initech's", "delivery is three days late, @acme",
         "Thanks, we are looking into it now.", "Could you send us your order number in a DM?"]
# Share of voice: the brand and two competitors, named in some of the texts above.
VOICE_NAMES = {"Acme": ["acme"], "Globex": ["globex"], "Initech": ["initech"]}


# ---------------------------------------------------------------------------------------------- the data


def _pick(rng: random.Random, weights: dict) -> Callable[[], object]:
    keys, cumulative = list(weights), []
    total = 0.0
    for key in keys:
        total += weights[key]
        cumulative.append(total)
    return lambda: rng.choices(keys, cum_weights=cumulative)[0]


def _stamp(seconds: float) -> str:
    """An epoch instant as SQLAlchemy stores a UtcDateTime on SQLite (PostgreSQL reads it as UTC with '+00')."""
    at = datetime.fromtimestamp(seconds, UTC)
    return f"{at:%Y-%m-%d %H:%M:%S}.{at.microsecond:06d}"


@dataclass
class Data:
    cases: list[tuple]
    mentions: list[tuple]


def generate(cases: int, mentions: int, seed: int = 20261204) -> Data:
    """`cases` cases and `mentions` mentions over the year before END, the same for the same seed."""
    rng = random.Random(seed)
    channel, team, priority = _pick(rng, CHANNELS), _pick(rng, TEAMS), _pick(rng, PRIORITIES)
    end, start = END.timestamp(), (END - YEAR).timestamp()
    days = list(range(365))
    day_weights = [DAY_WEIGHTS[(END - YEAR + timedelta(days=d)).weekday()] for d in days]
    case_rows: list[tuple] = []
    opened_times: list[tuple[float, float, str, str, str]] = []  # per case: opened, last activity, source, id,
    # conversation
    for index in range(cases):
        opened = (start + rng.choices(days, weights=day_weights)[0] * 86400
                  + rng.choices(range(24), weights=HOUR_WEIGHTS)[0] * 3600 + rng.random() * 3600)
        source, team_id, prio = channel(), team(), priority()
        urgency = {"urgent": 0.3, "high": 0.6, "normal": 1.0, "low": 1.6}[prio]
        answered = rng.random() > 0.06
        first = rng.lognormvariate(math.log(1200 * urgency), 1.1) if answered else None
        resolution = max(rng.lognormvariate(math.log(5 * 3600 * urgency), 1.3), (first or 0) + 30)
        closed = opened + resolution
        age = end - opened
        status = "closed"
        reopens = 1 if rng.random() < 0.05 else 0
        if closed >= end or (age < 3 * 86400 and rng.random() < 0.3):
            status = rng.choice(["open", "assigned", "assigned", "escalated", "pending"])
        elif rng.random() < 0.004:  # reopened, not closed again yet
            status, reopens = "assigned", 1
        is_closed = status == "closed"
        if first is not None and opened + first >= end:
            first = None
        assignee = (f"{team_id}-agent{rng.randrange(AGENTS_PER_TEAM)}" if team_id is not None
                    and (status != "open" or rng.random() < 0.2) else None)
        transfers = rng.choices([0, 1, 2, 3], weights=[86, 10, 3, 1])[0]
        handle = round(rng.lognormvariate(math.log(600), 0.8), 3) if assignee is not None else 0.0
        tags = rng.sample(TAGS, rng.choices([0, 1, 2, 3], weights=[15, 50, 27, 8])[0])
        outcomes: dict[str, str] = {}
        if is_closed:
            outcomes["first_response"] = ("closed_without_response" if first is None else
                                          "met" if first <= FIRST_RESPONSE_TARGET * urgency else "breached")
            outcomes["resolution"] = "met" if resolution <= RESOLUTION_TARGET * urgency else "breached"
            if rng.random() < 0.4:
                outcomes["next_response"] = "met" if rng.random() < 0.85 else "breached"
        ident = f"case-{index:07d}"
        first_at = None if first is None else opened + first
        last = closed if is_closed else min(end - 1, opened + rng.random() * max(age, 1))
        case_rows.append((
            ident, f"wf-{ident}", f"{source}:conv-{index}", source, status, prio, True,
            round(rng.uniform(-1, 0.6), 3), json.dumps(tags), team_id, assignee, f"@user{rng.randrange(200_000)}",
            rng.choice(TEXTS)[:60], _stamp(opened), None if assignee is None else _stamp(opened + 30),
            None if first_at is None else _stamp(first_at), _stamp(closed) if is_closed else None,
            "resolved" if is_closed else None, _stamp(opened + FIRST_RESPONSE_TARGET * urgency),
            False, "v1", round(first, 3) if is_closed and first is not None else None,
            round(resolution, 3) if is_closed else None, 0, 0 if first is None else 1, _stamp(last), None, None,
            transfers, 0, 0, "{}", "[]", None, None, reopens, handle if is_closed else 0.0, json.dumps(outcomes),
            # One case in five auto-replied (no random draw: the rest of the data stays as it was for a seed).
            *(("ack", _stamp(opened + 2)) if index % 5 == 0 else (None, None)),
            # Its SLA policy by priority, one case in ten without one (no random draw, as above).
            None if index % 10 == 3 else f"{prio}-sla"))
        opened_times.append((opened, last, source, ident, f"{source}:conv-{index}"))
    mention_rows: list[tuple] = []
    for index in range(mentions):
        first_of_case = index < cases
        opened, last, source, case_id, conversation = (
            opened_times[index if first_of_case else rng.randrange(cases)] if cases
            else (start + rng.random() * (end - start), end - 1, "twitter", None, f"twitter:solo-{index}"))
        created = opened if first_of_case else opened + rng.random() * max(last - opened, 1)
        inbound = first_of_case or rng.random() < 0.6
        mention_rows.append((
            f"{source}:m{index}", source, f"m{index}", conversation, f"@user{rng.randrange(200_000)}",
            rng.choice(TEXTS), _stamp(created), _stamp(created + rng.random() * 5), None,
            "inbound" if inbound else "outbound", case_id, True, None, rng.randrange(5000) if inbound else None,
            False, json.dumps(rng.sample(TAGS, rng.choice([0, 1, 1, 2]))) if inbound else None,
            round(rng.uniform(-1, 1), 3) if inbound else None, rng.choice(LANGUAGES) if inbound else None,
            (rng.random() < 0.8) if inbound else None, None))
    return Data(cases=case_rows, mentions=mention_rows)


# ------------------------------------------------------------------------------------------ the databases


def load_sqlite(url: str, data: Data) -> None:
    """executemany in one transaction, straight into the migrated tables. No ANALYZE: Switchboard runs none, so
    SQLite plans without statistics here as it does in use."""
    connection = sqlite3.connect(url.split("///", 1)[1])
    try:
        connection.execute("PRAGMA synchronous=OFF")
        with connection:
            for table, columns, rows in (("case", CASE_COLUMNS, data.cases),
                                         ("mention", MENTION_COLUMNS, data.mentions)):
                names = ", ".join(f'"{c}"' for c in columns)
                connection.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})',
                                       rows)
    finally:
        connection.close()


def load_postgres(url: str, data: Data) -> None:
    """COPY into the migrated tables (instants as UTC)."""
    import psycopg

    def utc(row: tuple, instants: frozenset[int]) -> tuple:
        return tuple(v + "+00" if i in instants and v is not None else v for i, v in enumerate(row))

    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as connection:
        for table, columns, rows in (("case", CASE_COLUMNS, data.cases), ("mention", MENTION_COLUMNS, data.mentions)):
            instants = frozenset(i for i, c in enumerate(columns) if c.endswith("_at"))
            names = ", ".join(f'"{c}"' for c in columns)
            with connection.cursor() as cursor, cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(utc(row, instants))
        connection.commit()
        connection.autocommit = True
        connection.execute('VACUUM ANALYZE "case"')
        connection.execute("VACUUM ANALYZE mention")


@contextmanager
def database(kind: str, workdir: Path, sqlite_file: Path | None = None, postgres: str | None = None) -> Iterator[str]:
    """A migrated database of `kind`, empty unless `sqlite_file` was kept from an earlier run; its URL. A
    PostgreSQL database is made on the server at admin URL `postgres`, or on a throwaway one."""
    if kind == "sqlite":
        url = f"sqlite:///{sqlite_file or workdir / 'analytics.db'}"
        _migrate(url)
        yield url
        return
    from tests.harness.postgres import create_database, postgres_server
    if postgres is not None:
        url = create_database(postgres)
        _migrate(url)
        yield url
        return
    with postgres_server() as admin:
        url = create_database(admin)
        _migrate(url)
        yield url


def _migrate(url: str) -> None:
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()


# ---------------------------------------------------------------------------------------------- the queries


@dataclass(frozen=True)
class Query:
    name: str
    period: str
    run: Callable[[Session, bool], object]


def queries(periods: dict[str, timedelta] = PERIODS) -> list[Query]:
    """Every case metric by every group, mention volume and sentiment by every mention group, and share of voice by
    none, day and hour, over each period before END."""
    found: list[Query] = []
    for label, length in periods.items():
        since = END - length
        for metric in CASE_METRICS:
            for group in CASE_GROUPS:
                if (group == "hour" and length > timedelta(days=93)) or (
                        metric in AT_AN_INSTANT and group in ("day", "hour")):  # counted at one instant
                    continue
                found.append(Query(f"cases {metric} by {group}", label, lambda s, fast, m=metric, g=group, a=since:
                                   case_report(session=s, metric=m, group_by=g, since=a, until=END, zone=ZONE,
                                               **({} if fast else {"accelerate": False}))))
        for group in ("none", "day", "hour"):
            if group != "hour" or length <= timedelta(days=93):
                found.append(Query(f"mentions share_of_voice by {group}", label, lambda s, fast, g=group, a=since:
                                   mention_report(session=s, group_by=g, since=a, until=END, zone=ZONE,
                                                  metric="share_of_voice", names=VOICE_NAMES,
                                                  **({} if fast else {"accelerate": False}))))
        for metric in ("volume", "sentiment"):
            for group in MENTION_GROUPS:
                if group == "hour" and length > timedelta(days=93):
                    continue
                name = f"mentions by {group}" if metric == "volume" else f"mentions {metric} by {group}"
                found.append(Query(name, label, lambda s, fast, g=group, a=since, m=metric:
                                   mention_report(session=s, group_by=g, since=a, until=END, zone=ZONE, metric=m,
                                                  **({} if fast else {"accelerate": False}))))
    return found


def _percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[max(math.ceil(p / 100 * len(ordered)), 1) - 1]


def check(engine: Engine, selected: list[Query]) -> list[str]:
    """The queries whose fast and exact answers differ."""
    differ = []
    with session_scope(engine, write=False) as session:
        for query in selected:
            if not _agree(query.run(session, True), query.run(session, False)):
                differ.append(f"{query.name} ({query.period})")
    return differ


def _agree(found: object, exact: object) -> bool:
    """The same rows, medians and p90 within the rollup's bound (store.rollups.RELATIVE_ERROR), means to 1e-9."""
    if not isinstance(found, list) or not isinstance(exact, list) or len(found) != len(exact):
        return found == exact
    for a, b in zip(found, exact, strict=True):
        for field, tolerance in (("value", 1e-9), ("mean", 1e-9), ("median", rollups.RELATIVE_ERROR),
                                 ("p90", rollups.RELATIVE_ERROR)):
            x, y = getattr(a, field), getattr(b, field)
            if (x is None) != (y is None) or (x is not None and not math.isclose(x, y, rel_tol=tolerance,
                                                                               abs_tol=1e-6)):
                return False
        if replace(a, value=None, mean=None, median=None, p90=None) != replace(b, value=None, mean=None,
                                                                              median=None, p90=None):
            return False
    return True


@contextmanager
def _without_rollups() -> Iterator[None]:
    """store.analytics as it was before the rollups: they answer nothing."""
    saved = rollups.case_report, mention_rollup.mention_report, voice_rollup.voice_report
    rollups.case_report = mention_rollup.mention_report = voice_rollup.voice_report = (  # type: ignore[assignment]
        lambda **_: None)
    try:
        yield
    finally:
        rollups.case_report, mention_rollup.mention_report, voice_rollup.voice_report = saved


def time_queries(engine: Engine, selected: list[Query], runs: int, fast: bool) -> list[dict]:
    """p50 and p95 in ms of each query over `runs` runs (after one untimed warm-up run), in one session
    as a request has; the runs of all queries interleave so that a burst of load hits no single one. One run
    has no warm-up (for the slow exact path)."""
    samples: dict[int, list[float]] = {i: [] for i in range(len(selected))}
    with session_scope(engine, write=False) as session:  # a request's session: on SQLite, no write lock
        for query in selected if runs > 1 else ():
            query.run(session, fast)
            session.rollback()
        for _ in range(runs):
            for i, query in enumerate(selected):
                began = time.perf_counter()
                query.run(session, fast)
                samples[i].append((time.perf_counter() - began) * 1000)
                session.rollback()
                if runs == 1:
                    print(f"  {query.name} ({query.period}): {samples[i][0]:.0f} ms", file=sys.stderr, flush=True)
    return [{"query": q.name, "period": q.period, "p50": statistics.median(samples[i]),
             "p95": _percentile(samples[i], 95), "runs": runs} for i, q in enumerate(selected)]


# ------------------------------------------------------------------------------------------------ the run


def _table(kind: str, figures: list[dict]) -> str:
    lines = [f"{kind}: p50 / p95 ms", "", "| query | " + " | ".join(PERIODS) + " |", "|---|" + "---|" * len(PERIODS)]
    names = list(dict.fromkeys(f["query"] for f in figures))
    for name in names:
        cells = []
        for period in PERIODS:
            hit = [f for f in figures if f["query"] == name and f["period"] == period]
            cells.append(f"{hit[0]['p50']:.1f} / {hit[0]['p95']:.1f}" if hit else "n/a")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    worst = max(figures, key=lambda f: f["p95"])
    over = [f for f in figures if f["p95"] >= TARGET_MS]
    lines += ["", f"{kind}: worst p95 {worst['p95']:.1f} ms ({worst['query']}, {worst['period']}); "
              f"{len(over)} of {len(figures)} queries at or over {TARGET_MS:.0f} ms"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--db", default="sqlite,postgres", help="sqlite, postgres or both, comma-separated")
    parser.add_argument("--exact", metavar="REGEX", help="also time these queries on the exact path (before)")
    parser.add_argument("--exact-runs", type=int, default=1)
    parser.add_argument("--no-fast", action="store_true", help="time only the exact path's queries")
    parser.add_argument("--before", action="store_true", help="also time the queries without the rollups "
                        "(store.rollups, store.mention_rollup), --exact-runs runs each")
    parser.add_argument("--check", action="store_true", help="compare fast and exact answers first")
    parser.add_argument("--only", default="", help="time only the queries whose 'name (period)' this regular "
                        "expression matches")
    parser.add_argument("--periods", default=",".join(PERIODS), help="of " + ", ".join(PERIODS))
    parser.add_argument("--keep-sqlite", type=Path, help="the SQLite file to build once and reuse (it is migrated "
                        "to the newest schema each run)")
    parser.add_argument("--postgres-url", help="the admin URL of a PostgreSQL server to use (default: start one)")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    reuse = args.keep_sqlite is not None and args.keep_sqlite.exists()
    data = Data([], [])
    if not reuse or args.db != "sqlite":
        began = time.perf_counter()
        data = generate(args.cases, args.mentions)
        print(f"generated {args.cases:,} cases and {args.mentions:,} mentions in {time.perf_counter() - began:.1f} s")
    periods = {label: PERIODS[label] for label in args.periods.split(",")}
    selected = [q for q in queries(periods) if re.search(args.only, f"{q.name} ({q.period})")]
    results: dict[str, list[dict]] = {}
    failed = False
    with tempfile.TemporaryDirectory(prefix="switchboard-bench-") as workdir:
        for kind in args.db.split(","):
            with database(kind, Path(workdir), args.keep_sqlite, args.postgres_url) as url:
                if kind != "sqlite" or not reuse:
                    began = time.perf_counter()
                    (load_sqlite if kind == "sqlite" else load_postgres)(url, data)
                    print(f"{kind}: loaded in {time.perf_counter() - began:.1f} s", flush=True)
                engine = make_engine(url)
                if kind != "sqlite" or not reuse:  # the bulk load went around the rollup: build it (a backfill)
                    began = time.perf_counter()
                    with engine.begin() as connection:
                        cells = rollups.rebuild(connection) + mention_rollup.rebuild(connection)
                    if kind != "sqlite":
                        with engine.connect() as connection:
                            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                                "VACUUM ANALYZE case_rollup, mention_rollup")
                    print(f"{kind}: rollup of {cells:,} cells built in {time.perf_counter() - began:.1f} s", flush=True)
                with engine.begin() as connection:  # share of voice's, for the bench's names (a kept file: once)
                    if connection.execute(select(voice_rollup.STATE.c.signature)).scalar() != \
                            voice_rollup.signature(VOICE_NAMES):
                        began = time.perf_counter()
                        hours = voice_rollup.rebuild(connection, VOICE_NAMES)
                        print(f"{kind}: share of voice counted in {hours:,} hours in "
                              f"{time.perf_counter() - began:.1f} s", flush=True)
                if kind != "sqlite":
                    with engine.connect() as connection:
                        connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                            "ANALYZE voice_rollup")
                try:
                    if args.check:
                        differ = check(engine, selected)
                        print(f"{kind}: fast and exact answers " +
                              (f"DIFFER for {', '.join(differ)}" if differ else f"agree on {len(selected)} queries"))
                        failed = failed or bool(differ)
                    if args.exact:
                        exact = [q for q in selected if re.search(args.exact, f"{q.name} ({q.period})")]
                        figures = time_queries(engine, exact, args.exact_runs, fast=False)
                        results[kind + " exact"] = figures
                        print(_table(kind + " exact path (before)", figures) + "\n", flush=True)
                    if args.before:
                        with _without_rollups():
                            figures = time_queries(engine, selected, args.exact_runs, fast=True)
                        results[kind + " before"] = figures
                        print(_table(kind + " without the rollups (before)", figures) + "\n", flush=True)
                    if not args.no_fast:
                        figures = time_queries(engine, selected, args.runs, fast=True)
                        results[kind] = figures
                        print(_table(kind, figures) + "\n", flush=True)
                finally:
                    engine.dispose()
    print(f"{args.cases:,} cases, {args.mentions:,} mentions, {args.runs} runs per query, Europe/Paris; "
          f"{machine()}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
