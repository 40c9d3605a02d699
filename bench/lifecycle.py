"""Cases/s, ingest -> assigned latency and SLA breach storms on the embedded default (`switchboard up`),
beside bare Temporal's floor, in one run.

    .venv/bin/python -m bench.lifecycle [--rates 10,25,50,100,200] [--seconds 10] [--storms 1000,5000] [--json]

Starts `switchboard up --no-demo` (embedded dev server, SQLite, demo teams, agents and flow) on
127.0.0.1 in a temporary folder, adds an admin (`switchboard users add`) and logs in as them, makes
the twitter webhook source a token (`POST /api/sources/twitter/webhook-token`, sent with every post
in X-Switchboard-Token), raises every agent's capacity to `--capacity` through the API (the demo's
13 support slots would otherwise measure staffing, not the engine), then:

1. **Rate ladder.** For each offered rate, posts mentions to the webhook for `--seconds`, open loop
   (each sent when due, whatever the answers' latency, by bench/poster.py's lean client over at most 200
   keep-alive connections; a post waiting for a free one counts as sent, and every post gives up after
   60 s). Each mention starts a case. Per step:
   - `accepted` posts answered 201 with a case id; `lost` = accepted but not stored with a case;
     `post p99` is the webhook's answer time;
   - latency = `case_routing.assigned_at` (the ingest transaction decides it) - when the client sent
     the post, both from this machine's clock, p50/p99 (cases not assigned within `--settle` s count
     as never);
     `assigned/s` over the span from the first mention received to the last case assigned;
   - start lag = when Temporal started the case's workflow (its visibility) - `mention.received_at`;
   - `backlog` = outbox entries left when the load stopped (`/api/health`), `drain s` the time until
     none were left and `drain/s` the rate (compared with the floor's start rate at the end).
   The step's cases are then closed through the API (by the admin), so each step starts clean.
2. **SLA breach storms** (`--storms N,M`; '' skips). The Monday-morning storm: mentions that arrive
   while a business-hours calendar is closed all get the same first-response deadline when it opens.
   It publishes and activates, through the API, the demo flow with its SLA node replaced by one policy
   on a calendar that opens at a minute boundary ahead (at least `--storm-lead` s, more for big
   storms), posts N mentions before then (closed loop, `--storm-parallel` in flight) and waits until
   they are routed with that deadline. At open + `--storm-target` all of them breach at once (warning
   `--storm-warn` s earlier); escalation level 1 raises the priority and notifies the supervisor. It
   polls the read side every 0.1 s: `read_side_s` is when the last case showed `escalation_level >= 1`
   (the deadline sweeper's one transaction), `histories_s` when the last case's workflow had recorded its
   `escalated` event (its save replaced the projected row), both in seconds after the deadline. The
   storm's cases are closed after.
3. **Floor** (`--floor-rate`, 0 skips): bench/temporal_floor.py's start ladder at that one rate, on its
   own dev server with Switchboard's settings, after the above, once Switchboard has stopped, on the same machine.

`--json` prints one JSON object on stdout (the tables go to stderr): `{"date", "cpus", "ladder":
[{"offered", "assigned_per_s", "p50_ms", "p99_ms", "lost", "post_p99_ms", "start_lag_p50_ms",
"start_lag_p99_ms", "backlog_at_end", "drain_s", "drain_per_s", ...}], "storms": [{"cases",
"read_side_s", "histories_s", ...}], "floor": {"starts_per_s", "p50_ms", "p99_ms", ...}}`; a figure
that never came (a case never assigned, a backlog not drained in time) is null.

Every wait is bounded; only 127.0.0.1 is contacted. `--switchboard` starts another executable
instead of the venv's `switchboard` (e.g. a wrapper that changes server or worker settings).
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import inspect
import json
import math
import os
import secrets
import sqlite3
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from temporalio.client import Client

from bench import temporal_floor
from bench.poster import Poster, PostFailed
from engine.messages import CASE_WORKFLOW
from tests.harness import stack
from tests.harness.stack import add_user, start_up

ADMIN = "bench@example.com"
TEXTS = ["I was charged twice, please refund", "the app is down again", "how do I change my address?",
         "my order never arrived, this is ridiculous", "can't log in since the update"]
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
POLL = 0.1  # seconds between read-side polls while timing


# ---- helpers ----------------------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile (inf for values that never came); nan for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def secs(value: float) -> str:
    return "-" if math.isnan(value) else "never" if math.isinf(value) else f"{value:.2f}"


def naive_utc(text: str | None) -> datetime | None:
    """A timestamp as the read side stores it on SQLite (naive UTC), or None."""
    if text is None:
        return None
    value = datetime.fromisoformat(text)
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def query(db: Path, sql: str, params: tuple | list = ()) -> list[tuple]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def in_chunks(db: Path, sql: str, ids: list[str], size: int = 500) -> list[tuple]:
    """Run `sql` (with one `{ids}` placeholder list) over `ids` in chunks."""
    rows: list[tuple] = []
    for i in range(0, len(ids), size):
        chunk = ids[i:i + size]
        rows += query(db, sql.format(ids=",".join("?" * len(chunk))), chunk)
    return rows


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} ({os.cpu_count()} CPUs)"


def cpu_seconds(root: int) -> dict[str, float]:
    """CPU seconds used so far by `root` and each of its descendants, by program name (Linux /proc; else {})."""
    used: dict[str, float] = {}
    todo = [root]
    while todo:
        pid = todo.pop()
        try:
            todo += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            program = Path(Path(f"/proc/{pid}/cmdline").read_text().split("\0")[0]).name
            name = "switchboard up" if pid == root else program
        except (OSError, ValueError, IndexError):
            continue
        used[name] = used.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return used


@dataclass
class Offered:
    """What one burst of webhook posts achieved."""

    sent: int = 0
    accepted: int = 0
    failed: int = 0
    send_seconds: float = 0.0  # from the first post sent to the last one sent
    answer_seconds: float = 0.0  # from the first post sent to the last answer
    post_latencies: list[float] = field(default_factory=list)
    scheduled: dict[str, datetime] = field(default_factory=dict)  # external id -> when it was due (naive UTC)
    accepted_ids: set[str] = field(default_factory=set)  # answered 201 with a case
    sent_at: dict[str, datetime] = field(default_factory=dict)  # external id -> when its post went (naive UTC)


def mention_body(external_id: str, i: int) -> dict[str, str]:
    # An author of its own: a mention of an author seen in an earlier step would reopen their closed case.
    return {"external_id": external_id, "author": f"@u-{external_id}", "text": TEXTS[i % len(TEXTS)],
            "created_at": "2026-11-23T10:00:00Z"}


async def offer(poster: Poster, count: int, tag: str, *, rate: float | None = None,
                parallel: int | None = None) -> Offered:
    """Post `count` mentions: open loop at `rate` a second (whatever the answers' latency), or closed
    loop with `parallel` posts in flight. Every post is bounded by the client's timeout."""
    result = Offered()
    gate = asyncio.Semaphore(parallel) if parallel else None
    wall_start = datetime.now(UTC).replace(tzinfo=None)

    async def post(i: int) -> None:
        external_id = f"{tag}-{i}"
        began = time.monotonic()
        result.scheduled[external_id] = (wall_start + timedelta(seconds=i / rate) if rate
                                         else datetime.now(UTC).replace(tzinfo=None))
        result.sent_at[external_id] = datetime.now(UTC).replace(tzinfo=None)
        try:
            status, answer = await poster.post_json("/api/webhooks/twitter", mention_body(external_id, i))
        except PostFailed:
            result.failed += 1
            return
        result.post_latencies.append(time.monotonic() - began)
        ok = status == 201 and isinstance(answer, dict) and answer.get("case_id")
        result.accepted += bool(ok)
        result.failed += not ok
        if ok:
            result.accepted_ids.add(external_id)

    async def gated(i: int) -> None:
        assert gate is not None
        async with gate:
            await post(i)

    start, tasks = time.monotonic(), []
    for i in range(count):
        if rate:
            delay = start + i / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(gated(i) if gate else post(i)))
        result.sent += 1
    result.send_seconds = time.monotonic() - start
    await asyncio.gather(*tasks)
    result.answer_seconds = time.monotonic() - start
    return result


def stored_cases(db: Path, tag: str) -> list[tuple]:
    """(external id, received_at, case id, routing state, routing assigned_at) of the tag's mentions."""
    return query(db, """SELECT m.external_id, m.received_at, m.case_id, r.state, r.assigned_at FROM mention m
                        LEFT JOIN case_routing r ON r.case_id = m.case_id
                        WHERE m.source = 'twitter' AND m.direction = 'inbound' AND m.external_id LIKE ?""",
                 (f"{tag}-%",))


async def raise_capacity(http: httpx.AsyncClient, capacity: int) -> list[str]:
    """Every agent online with `capacity` open cases at most; returns their ids."""
    response = await http.get("/api/agents", params={"range": "[0,999]"})
    response.raise_for_status()
    ids = [agent["id"] for agent in response.json()]
    for agent_id in ids:
        (await http.patch(f"/api/agents/{agent_id}", json={"online": True, "capacity": capacity})).raise_for_status()
    return ids


async def log_in(http: httpx.AsyncClient, data_dir: Path) -> None:
    """Add an admin to the running `switchboard up`, log `http` in as them (a bearer session token) and give
    it the twitter webhook source's token (a new one) for its posts."""
    password = secrets.token_urlsafe(18)
    add_user(data_dir, ADMIN, "admin", password=password)
    answer = await http.post("/api/auth/login", json={"email": ADMIN, "password": password})
    if answer.status_code != 200:
        raise SystemExit(f"could not log in as {ADMIN}: {answer.status_code} {answer.text}")
    http.headers["Authorization"] = f"Bearer {answer.json()['token']}"
    made = await http.post("/api/sources/twitter/webhook-token")
    if made.status_code != 200:
        raise SystemExit(f"could not make the twitter webhook token: {made.status_code} {made.text}")
    http.headers["X-Switchboard-Token"] = made.json()["webhook_token"]


async def close_cases(http: httpx.AsyncClient, case_ids: list[str], parallel: int = 32) -> int:
    """Close cases through the API as the logged-in admin (bounded parallelism); returns how many closes failed."""
    failed = 0
    gate = asyncio.Semaphore(parallel)

    async def close(case_id: str) -> None:
        nonlocal failed
        async with gate:
            try:
                response = await http.post(f"/api/cases/{case_id}/close", json={})
                failed += response.status_code != 200
            except httpx.HTTPError:
                failed += 1

    await asyncio.gather(*(close(c) for c in case_ids))
    return failed


def _ms(seconds: float) -> int | None:
    return None if math.isnan(seconds) or math.isinf(seconds) else round(seconds * 1000)


async def wait_until(check: Any, timeout: float, interval: float = 0.5) -> bool:
    """Call `check()` (awaiting what it returns, if need be) until it is true or `timeout` s have passed;
    returns its last answer."""
    deadline = time.monotonic() + timeout
    while True:
        answer = check()
        if inspect.isawaitable(answer):
            answer = await answer
        if answer:
            return True
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(interval)


# ---- 1. rate ladder -----------------------------------------------------------------------------------

LADDER_HEADER = (f"{'offered/s':>9} {'sent/s':>6} {'accepted':>8} {'lost':>4} {'post p99':>8} {'assigned':>8} "
                 f"{'assigned/s':>10} {'p50 ms':>7} {'p99 ms':>7} {'start lag p50/p99 ms':>20} {'backlog':>7} "
                 f"{'drain s':>7} {'drain/s':>7}")


async def start_times(temporal: Client, since: datetime) -> dict[str, datetime]:
    """When Temporal started each case workflow (by workflow id) since `since` (naive UTC)."""
    query = f"WorkflowType = '{CASE_WORKFLOW}' AND StartTime >= '{since.isoformat()}Z'"
    return {execution.id: execution.start_time.astimezone(UTC).replace(tzinfo=None)
            async for execution in temporal.list_workflows(query)}


async def outbox_backlog(http: httpx.AsyncClient) -> int:
    return (await http.get("/api/health")).json()["outbox"]["backlog"]


async def ladder_step(http: httpx.AsyncClient, poster: Poster, temporal: Client, db: Path, rate: float,
                      args: argparse.Namespace) -> dict[str, Any]:
    tag = uuid.uuid4().hex[:6]
    began = datetime.now(UTC).replace(tzinfo=None)
    offered = await offer(poster, int(rate * args.seconds), tag, rate=rate)
    # What the relay has yet to tell when the load stops, and how fast it tells it.
    backlog = await outbox_backlog(http)
    drain_began = time.monotonic()
    async def empty() -> bool:
        return await outbox_backlog(http) == 0

    drained = await wait_until(empty, args.drain, interval=0.1)
    drain_s = time.monotonic() - drain_began if backlog else 0.0

    def assigned() -> bool:
        rows = stored_cases(db, tag)
        return len(rows) >= offered.accepted and all(state == "assigned" for *_, state, _ in rows)

    await wait_until(assigned, args.settle)
    rows = stored_cases(db, tag)
    started = await start_times(temporal, began - timedelta(seconds=1))
    lags, from_due, done, received, start_lags = [], [], [], [], []
    for external_id, received_at, case_id, state, assigned_at in rows:
        got, at = naive_utc(received_at), naive_utc(assigned_at) if state == "assigned" else None
        received.append(got)
        workflow_started = started.get(f"case-{case_id}")
        start_lags.append((workflow_started - got).total_seconds() if workflow_started and got else math.inf)
        if at is None or got is None:
            lags.append(math.inf)
            from_due.append(math.inf)
            continue
        done.append(at)
        lags.append((at - offered.sent_at[external_id]).total_seconds())
        from_due.append((at - offered.scheduled[external_id]).total_seconds())
    with_case = {external_id for external_id, _, case_id, _, _ in rows if case_id}
    lost = sum(1 for external_id in offered.accepted_ids if external_id not in with_case)
    span = (max(done) - min(r for r in received if r is not None)).total_seconds() if done else 0.0
    step = {
        "offered": rate, "sent_per_s": round(offered.sent / max(offered.send_seconds, 1e-9), 1),
        "accepted": offered.accepted, "failed": offered.failed, "lost": lost,
        "post_p99_ms": _ms(pct(offered.post_latencies, 99)), "assigned": len(done), "late": len(rows) - len(done),
        "assigned_per_s": round(len(done) / span, 1) if span > 0 else None,
        "p50_ms": _ms(pct(lags, 50)), "p99_ms": _ms(pct(lags, 99)), "max_ms": _ms(max(lags, default=math.nan)),
        "due_to_assigned_p99_ms": _ms(pct(from_due + [math.inf] * offered.failed, 99)),
        "start_lag_p50_ms": _ms(pct(start_lags, 50)), "start_lag_p99_ms": _ms(pct(start_lags, 99)),
        "backlog_at_end": backlog, "drain_s": round(drain_s, 2) if drained else None,
        "drain_per_s": round(backlog / drain_s, 1) if drained and backlog and drain_s > 0 else None,
    }
    if not args.keep_open:
        # Close the step's cases (once every one is routed) so the next step starts with free capacity.
        await wait_until(lambda: all(state in ("assigned", "waiting") for *_, state, _ in stored_cases(db, tag)),
                         args.drain)
        failed = await close_cases(http, [case_id for _, _, case_id, _, _ in stored_cases(db, tag) if case_id])
        freed = await wait_until(
            lambda: not query(db, "SELECT 1 FROM case_routing WHERE state = 'assigned' LIMIT 1"), 120)
        if failed or not freed:
            step["clean_up"] = f"{failed} closes failed" + ("" if freed else ", capacity not freed in 120 s")
        await asyncio.sleep(2)  # let the last releases and saves finish before the next step
    return step


def ladder_line(step: dict[str, Any]) -> str:
    def show(value: object) -> str:
        return "-" if value is None else str(value)

    lag = f"{show(step['start_lag_p50_ms'])}/{show(step['start_lag_p99_ms'])}"
    return (f"{step['offered']:>9.0f} {step['sent_per_s']:>6} {step['accepted']:>8} {step['lost']:>4} "
            f"{show(step['post_p99_ms']):>8} {step['assigned']:>8} {show(step['assigned_per_s']):>10} "
            f"{show(step['p50_ms']):>7} {show(step['p99_ms']):>7} {lag:>20} {step['backlog_at_end']:>7} "
            f"{show(step['drain_s']):>7} {show(step['drain_per_s']):>7}" + (
                f"   ({step['clean_up']})" if "clean_up" in step else ""))


# ---- 2. SLA breach storm ---------------------------------------------------------------------------------


def storm_flow(document: dict[str, Any], *, tz: str, opens: datetime, target: int, warn: int) -> dict[str, Any]:
    """The flow `document` with its SLA node replaced: one policy on a calendar opening at `opens` (aware)."""
    local = opens.astimezone(ZoneInfo(tz))
    today = datetime.now(ZoneInfo(tz)).date()
    # Open around the clock on weekdays in general; closed from today until `opens` on its date.
    exceptions = {}
    day = today
    while day < local.date():
        exceptions[day.isoformat()] = []
        day += timedelta(days=1)
    exceptions[local.date().isoformat()] = [[local.strftime("%H:%M"), "24:00"]]
    sla = {
        "calendars": {"monday": {"timezone": tz, "weekly": {d: [["00:00", "24:00"]] for d in WEEKDAYS},
                                 "exceptions": exceptions}},
        "policies": [{
            "id": "monday_morning", "calendar": "monday", "first_response_seconds": target,
            "resolution_seconds": 14400, **({"warn_before_seconds": warn} if warn else {}),
            "escalation": [
                {"after_seconds": 0, "actions": [{"type": "raise_priority"}, {"type": "notify", "to": "supervisor"}]},
                {"after_seconds": 900, "actions": [{"type": "move_queue", "to": "escalations"}]},
            ]}],
        "select": {"mode": "first_match", "default": "monday_morning",
                   "rules": [{"id": "all", "when": {"!=": [{"var": "channel"}, ""]}, "then": "monday_morning"}]},
    }
    document = copy.deepcopy(document)
    for node in document["nodes"]:
        if node["type"] == "sla":
            node["content"] = sla
    return document


async def publish(http: httpx.AsyncClient, name: str, document: dict[str, Any]) -> str:
    """Save a draft, publish it and make it active; returns the version."""
    response = await http.post("/api/flow_drafts", json={"name": name, "document": document})
    if response.status_code != 201:
        raise SystemExit(f"the storm flow was refused: {response.status_code} {response.text}")
    response = await http.post(f"/api/flow_drafts/{response.json()['id']}/publish", json={"activate": True})
    response.raise_for_status()
    return response.json()["version"]


def spread(label: str, lags: list[float], count: int) -> str:
    got = [v for v in lags if not math.isinf(v)]
    first, last = min(got, default=math.nan), max(lags, default=math.nan)
    return (f"  {label:<50} {len(got):>5}/{count:<5} first {secs(first):>7} s   p50 {secs(pct(lags, 50)):>7} s   "
            f"p99 {secs(pct(lags, 99)):>7} s   last {secs(last):>7} s")


async def storm(http: httpx.AsyncClient, poster: Poster, db: Path, args: argparse.Namespace, pid: int,
                n: int) -> dict[str, Any]:
    """N cases sharing one first-response deadline; returns when the escalations showed (seconds after it)."""
    target, warn, tz = args.storm_target, args.storm_warn, args.storm_tz
    lead = max(args.storm_lead, n / 15 + 60)  # posting and routing N cases comes first
    flows = (await http.get("/api/flows", params={"filter": '{"active": true}'})).json()
    if not flows:
        raise SystemExit("no active flow to base the storm flow on")
    now = datetime.now(UTC)
    opens = (now + timedelta(seconds=lead + 59)).replace(second=0, microsecond=0)
    breach = opens + timedelta(seconds=target)
    warning = breach - timedelta(seconds=warn) if warn else None
    version = await publish(http, f"Monday morning storm ({n})",
                            storm_flow(flows[0]["document"], tz=tz, opens=opens, target=target, warn=warn))
    say(f"\nSLA breach storm: {n} cases; flow {version[:12]} active; calendar ({tz}) opens {opens:%H:%M:%S} UTC, "
          f"first-response deadline {breach:%H:%M:%S} UTC"
          + (f", warning {warning:%H:%M:%S}" if warning else "") + f"; {load()}")

    began = time.monotonic()
    tag = "storm-" + uuid.uuid4().hex[:6]
    offered = await offer(poster, n, tag, parallel=args.storm_parallel)
    ids = [case_id for _, _, case_id, _, _ in stored_cases(db, tag) if case_id]
    ready_sql = """SELECT count(*) FROM "case" c JOIN case_routing r ON r.case_id = c.id
                   WHERE c.id IN ({ids}) AND c.sla_due_at IS NOT NULL AND r.state IN ('assigned', 'waiting')"""
    ready_by = (opens - datetime.now(UTC)).total_seconds() - 1
    await wait_until(lambda: sum(k for (k,) in in_chunks(db, ready_sql, ids)) >= len(ids), max(ready_by, 0))
    rows = in_chunks(db, """SELECT c.id, c.sla_due_at, r.state FROM "case" c JOIN case_routing r ON r.case_id = c.id
                            WHERE c.id IN ({ids})""", ids)
    due = naive_utc(breach.isoformat())
    on_time = {case_id for case_id, sla_due, _ in rows if naive_utc(sla_due) == due}
    waiting = sum(1 for _, _, state in rows if state == "waiting")
    say(f"  set-up: {offered.accepted}/{n} accepted ({offered.failed} failed) in {offered.answer_seconds:.1f} s "
          f"({offered.accepted / offered.answer_seconds:.1f}/s, {args.storm_parallel} posts in flight); "
          f"{len(rows)} cases routed in {time.monotonic() - began:.1f} s ({waiting} waiting in queue, the rest "
          f"assigned); {len(on_time)} with the shared deadline; "
          f"{(opens - datetime.now(UTC)).total_seconds():.0f} s to spare before the calendar opened")
    if not on_time:
        say("  no case has the shared deadline: storm not measured (raise --storm-lead)")
        return {"cases": n, "measured": 0, "read_side_s": None, "histories_s": None, "case_ids": ids}
    watched = sorted(on_time)

    # Poll the read side from just before the deadline until every case shows its escalation (the deadline
    # sweeper's projection) and every case's workflow has recorded it (its save replaced the projected row).
    await asyncio.sleep(max(0.0, (breach - datetime.now(UTC)).total_seconds() - 1))
    seen: dict[str, float] = {}  # case id -> wall-clock seconds after the deadline it was first seen escalated
    recorded: dict[str, float] = {}  # ... and its workflow's own `escalated` event seen
    cpu_before, cpu_after = cpu_seconds(pid), None
    deadline = time.monotonic() + (breach - datetime.now(UTC)).total_seconds() + args.storm_timeout
    shown = 'SELECT id FROM "case" WHERE escalation_level >= 1 AND id IN ({ids})'
    own = """SELECT case_id FROM case_event WHERE kind = 'escalated' AND json_extract(detail, '$.projected') IS NULL
             AND case_id IN ({ids})"""
    while (len(seen) < len(watched) or len(recorded) < len(watched)) and time.monotonic() < deadline:
        polled = datetime.now(UTC)
        for sql, found in ((shown, seen), (own, recorded)):
            for (case_id,) in in_chunks(db, sql, [c for c in watched if c not in found]):
                found[case_id] = (polled - breach).total_seconds()
        if cpu_after is None and len(seen) == len(watched):
            cpu_after = cpu_seconds(pid)
        await asyncio.sleep(POLL)
    visible = [seen.get(c, math.inf) for c in watched]
    histories = [recorded.get(c, math.inf) for c in watched]
    cpu_after = cpu_after or cpu_seconds(pid)

    early = sum(1 for v in visible if v < 0)
    say(f"  measured over the {len(watched)} cases with the shared deadline; seconds after the deadline"
        + (f" ({early} seen escalated BEFORE it: check the clocks)" if early else "") + "; " + load())
    say(spread("escalation visible on the read side (polled)", visible, len(watched)))
    say(spread("'escalated' recorded by the case's workflow (polled)", histories, len(watched)))
    cpu = ", ".join(f"{name} {cpu_after[name] - cpu_before.get(name, 0.0):.1f} s" for name in sorted(cpu_after))
    say(f"  CPU used from 1 s before the deadline to the last escalation seen: {cpu or 'unknown'}")
    marks = [m for m in (1, 2, 5, 10, 20, 30, 60, 120, 300) if m <= args.storm_timeout]
    say("  visible escalations by: " + ", ".join(f"{m} s: {sum(1 for v in visible if v <= m)}" for m in marks))
    say("  recorded by workflows by: " + ", ".join(f"{m} s: {sum(1 for v in histories if v <= m)}" for m in marks))

    def last(values: list[float]) -> float | None:
        return None if not values or math.isinf(max(values)) else round(max(values), 2)

    return {"cases": n, "measured": len(watched), "read_side_s": last(visible), "histories_s": last(histories),
            "read_side_p50_s": round(pct(visible, 50), 2) if not math.isinf(pct(visible, 50)) else None,
            "escalated": sum(1 for v in visible if not math.isinf(v)), "case_ids": ids}


# ---- main -----------------------------------------------------------------------------------------------


def say(line: str) -> None:
    """Progress and tables: on stdout, or on stderr when stdout carries the JSON."""
    print(line, file=sys.stderr if JSON_OUT else sys.stdout, flush=True)


JSON_OUT = False


async def run(up: stack.UpProcess, data_dir: Path, args: argparse.Namespace) -> dict[str, Any]:
    db = data_dir / "switchboard.db"
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    figures: dict[str, Any] = {"ladder": [], "storms": []}
    temporal = await Client.connect(up.temporal_address)
    async with httpx.AsyncClient(base_url=up.base_url, timeout=60, limits=limits) as http:
        await log_in(http, data_dir)
        # Webhook posts go through a lean client, so the load generator takes little of the machine it measures.
        poster = Poster(up.base_url, headers={"X-Switchboard-Token": http.headers["X-Switchboard-Token"]})
        agents = await raise_capacity(http, args.capacity)
        say(f"{len(agents)} agents online with capacity {args.capacity} each")
        rates = [float(r) for r in args.rates.split(",") if r.strip()]
        if rates:
            say(f"\nRate ladder: {args.seconds:.0f} s per offered rate; latency = post sent -> routing "
                f"assigned; start lag = webhook received -> workflow started; backlog = outbox entries when the "
                f"load stopped\n{LADDER_HEADER}")
        for rate in rates:
            step = await ladder_step(http, poster, temporal, db, rate, args)
            figures["ladder"].append(step)
            say(ladder_line(step) + f"   [{load()}]")
        for n in (int(x) for x in args.storms.split(",") if x.strip()):
            result = await storm(http, poster, db, args, up.process.pid, n)
            ids = result.pop("case_ids")
            figures["storms"].append(result)
            if await close_cases(http, ids, parallel=32):
                say("  (some of the storm's cases did not close: the next storm shares the machine with them)")
        await poster.close()
    return figures


async def floor(args: argparse.Namespace, figures: dict[str, Any]) -> None:
    """Bare Temporal's start rate on this machine, once our stack has stopped (its worker would still be
    working off the ladder's and storms' cases, and the floor would measure that)."""
    say(f"\nfloor (bench/temporal_floor.py): bare Temporal offered {args.floor_rate:.0f} starts/s for "
        f"{args.floor_seconds:.0f} s, after the above (Switchboard stopped), on the same machine")
    figures["floor"] = await temporal_floor.floor(rate=args.floor_rate, seconds=args.floor_seconds)
    say(f"  {figures['floor']['starts_per_s']} starts/s, first task p50 {figures['floor']['p50_ms']} ms, "
        f"p99 {figures['floor']['p99_ms']} ms")
    starts = figures["floor"]["starts_per_s"]
    # A drain rate means something only for a backlog worth draining.
    drains = [step["drain_per_s"] for step in figures["ladder"]
              if step.get("drain_per_s") and step["backlog_at_end"] >= 100]
    if drains and starts:
        say(f"  backlog drained at {max(drains)} entries/s at best: {max(drains) / starts:.0%} of the floor's "
            "start rate (target >= 80%)")


def main() -> None:
    global JSON_OUT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rates", default="10,25,50,100,200", help="offered rates, cases/s ('' skips the ladder)")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each ladder step")
    parser.add_argument("--settle", type=float, default=60.0, help="longest wait for a step's assignments")
    parser.add_argument("--drain", type=float, default=300.0, help="longest wait for a step's backlog before closing")
    parser.add_argument("--capacity", type=int, default=1000, help="open cases per agent (the API's maximum)")
    parser.add_argument("--keep-open", action="store_true", help="do not close each step's cases")
    parser.add_argument("--storms", default="1000,5000", help="cases breaching at once, one storm each ('' skips)")
    parser.add_argument("--storm-parallel", type=int, default=16, help="webhook posts in flight while setting up")
    parser.add_argument("--storm-lead", type=float, default=150.0,
                        help="least seconds from now to the calendar's opening (more for big storms)")
    parser.add_argument("--storm-target", type=int, default=120, help="first-response target, business seconds")
    parser.add_argument("--storm-warn", type=int, default=60, help="warning before the deadline, s (0: none)")
    parser.add_argument("--storm-tz", default="UTC", help="time zone of the storm's business calendar")
    parser.add_argument("--storm-timeout", type=float, default=300.0, help="longest wait after the deadline")
    parser.add_argument("--floor-rate", type=float, default=300.0, help="bare Temporal's offered starts/s (0 skips)")
    parser.add_argument("--floor-seconds", type=float, default=10.0, help="length of the floor's step")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object on stdout")
    parser.add_argument("--switchboard", default=stack.SWITCHBOARD, help="the switchboard executable to start")
    args = parser.parse_args()
    if args.storm_warn and args.storm_warn >= args.storm_target:
        parser.error("--storm-warn must be shorter than --storm-target")
    JSON_OUT = args.json
    stack.SWITCHBOARD = args.switchboard
    began = datetime.now(UTC)
    say(f"lifecycle benchmark, {began:%Y-%m-%d %H:%M} UTC, {load()}")
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        up = start_up(data, "--no-demo")
        try:
            figures = asyncio.run(run(up, data, args))
        finally:
            up.stop(timeout=60)
    if args.floor_rate > 0:
        asyncio.run(floor(args, figures))
    if JSON_OUT:
        print(json.dumps({"date": f"{began:%Y-%m-%d %H:%M} UTC", "cpus": os.cpu_count(), **figures}, indent=1))


if __name__ == "__main__":
    main()
