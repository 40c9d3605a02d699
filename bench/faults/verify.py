"""The invariants, checked after the run from the read side (the SQLite file) and Temporal (every case workflow).

- **Mentions.** Every post was accepted in the end (the sender retries); every accepted mention is stored (lost:
  accepted, not stored), with the case its answer named, and counted once: one `mention_added` event in its case's
  timeline, its case's `mention_count` and its conversation's `inbound_count` 1 (each post is an author's only
  mention; duplicated: any of these above 1).
- **Cases.** Each conversation of the run is actionable and has exactly one case (its `case_id`), whose workflow
  Temporal has, in one run; the outbox is empty and every mention is marked dispatched.
- **Replies.** No reply was sent twice (one outbound mention and one `replied` event per reply id); every reply the
  API acknowledged (and, for a junior's, approved) was sent exactly once, and the 200 that sent it shows it sent
  (`reply_count`) and, asked to close, the case closed; `reply_count` = `replied` events.
- **SLAs.** One 24/7 policy: the first-response breach and escalation level 1 at `opened_at + sla_seconds`, level 2
  `level2_seconds` later. Each fell due unless the first reply was sent (its outbound mention's time) or the case
  closed before; one due before the check (less `grace`) fired exactly once, for its own instant; none that
  did not fall due fired. The case row agrees: `first_response_at` is the first reply's send time,
  `escalation_level` the highest escalated level, `sla_breached` and a closed case's `sla_outcomes` say breached
  exactly when the `sla_breached` event is there. Each case's timeline is numbered 1..n.
- **Nothing stuck.** Every case workflow is running (a closed case waits out its reopen window) with no workflow
  task being retried and no activity pending; an open case is assigned to its assignee (every agent has room);
  every close the API acknowledged is on the read side; every agent's action was answered 200 in the end (no
  refusal, nothing still failing at the agents' deadline).
- **Answers.** The webhook answered only 200, 201 or 503 (busy); no agent call was answered 500.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.faults.report import FaultReport, Invariant
from bench.lifecycle import in_chunks, naive_utc, query

if TYPE_CHECKING:
    from bench.faults.inject import Injector
    from bench.faults.load import Load
    from bench.faults.run import FaultOptions
    from bench.faults.stack import Stack

EXACT = timedelta(milliseconds=1)  # two records of one instant
WEBHOOK_ANSWERS = {"200", "201", "503"}  # and a refused connection or a timeout, while `up` is down


async def verify(options: FaultOptions, stack: Stack, load: Load, injector: Injector) -> FaultReport:
    db, check_at = stack.db, datetime.now(UTC).replace(tzinfo=None)
    posts = list(load.posts.values())
    accepted = [p for p in posts if p.accepted_at is not None]
    mentions = _rows(db, "mention", "id", [f"twitter:{p.external_id}" for p in posts],
                     "id, case_id, dispatched, conversation_id, direction")
    conversations = _rows(db, "conversation", "id", sorted({m["conversation_id"] for m in mentions.values()}),
                          "id, inbound_count, actionable, case_id")
    cases = _rows(db, '"case"', "conversation_id", list(conversations),
                  "id, conversation_id, workflow_id, status, assignee_id, opened_at, first_response_at, closed_at, "
                  "reply_count, escalation_level, sla_breached, sla_outcomes, mention_count")
    case_ids = sorted(cases)
    events = _events(db, case_ids)
    workflows = await _workflows(stack)
    invariants: list[Invariant] = []

    # ---- mentions --------------------------------------------------------------------------------------------
    lost = [p.mention_id for p in accepted if p.mention_id not in mentions]
    added = Counter(e["detail"].get("mention_id") for c in case_ids for e in events[c] if e["kind"] == "mention_added")
    per_case = Counter(m["case_id"] for m in mentions.values())
    counts = [(m, "mention_added events", added[m]) for m in mentions if added[m] != 1]
    counts += [(c, "case mention_count", case["mention_count"]) for c, case in cases.items()
               if case["mention_count"] != per_case[c]]
    counts += [(k, "conversation inbound_count", v["inbound_count"]) for k, v in conversations.items()
               if v["inbound_count"] != 1]
    invariants += [
        Invariant.of("every post accepted (after retries)", [(p.external_id, dict(p.answers)) for p in posts
                                                               if p.accepted_at is None]),
        Invariant.of("accepted mention stored", lost),
        Invariant.of("accepted mention stored inbound with the case its answer named",
                     [(p.mention_id, p.case_id, mentions[p.mention_id]) for p in accepted if p.mention_id in mentions
                      and (not p.case_id or (mentions[p.mention_id]["case_id"], mentions[p.mention_id]["direction"])
                           != (p.case_id, "inbound"))], "every text of the load needs a response"),
        Invariant.of("mention counted once (case timeline, case, conversation)", counts,
                     "(id, what, count): 0 never reached its case, 2 or more counted twice"),
    ]

    # ---- conversations, cases, workflows, outbox ---------------------------------------------------------------
    per_conversation = Counter(c["conversation_id"] for c in cases.values())
    runs = {c: workflows.get(case["workflow_id"], []) for c, case in cases.items()}
    outbox = query(db, "SELECT id, workflow_id, kind, attempts, last_error FROM outbox")
    invariants += [
        Invariant.of("actionable conversation has exactly one case",
                     [(k, v["actionable"], v["case_id"], per_conversation[k]) for k, v in conversations.items()
                      if not v["actionable"] or per_conversation[k] != 1
                      or cases.get(v["case_id"], {}).get("conversation_id") != k],
                     "(conversation, actionable, its case, cases)"),
        Invariant.of("every case has its workflow", [(c, cases[c]["workflow_id"]) for c in case_ids if not runs[c]]),
        Invariant.of("one workflow run per case", [(c, runs[c]) for c in case_ids if len(runs[c]) > 1]),
        Invariant.of("outbox empty", [list(r) for r in outbox]),
        Invariant.of("mention with a case dispatched", [k for k, m in mentions.items()
                                                        if m["case_id"] and not m["dispatched"]]),
    ]

    # ---- replies ----------------------------------------------------------------------------------------------
    outbound = Counter(e for (e,) in in_chunks(db, """SELECT external_id FROM mention WHERE direction = 'outbound'
                                                      AND case_id IN ({ids})""", case_ids))
    replied = Counter((c, e["detail"].get("reply_id")) for c in case_ids for e in events[c] if e["kind"] == "replied")
    sent_twice = sorted({*(e for e, n in outbound.items() if n > 1),
                         *(f"reply-{r}" for (_, r), n in replied.items() if n > 1)})
    replies = [(w, r, reply) for w in load.work.values() for r, reply in w.replies.items()]
    invariants += [
        Invariant.of("no reply sent twice (outbound mentions, replied events)", sent_twice),
        Invariant.of("acknowledged reply sent once", [(w.case_id, r, outbound[f"reply-{r}"], replied[(w.case_id, r)])
                                                      for w, r, reply in replies if reply.must_be_sent and
                                                      (outbound[f"reply-{r}"], replied[(w.case_id, r)]) != (1, 1)]),
        Invariant.of("a reply's 200 shows it sent (and closed if asked)",
                     [(w.case_id, r, reply.close, reply.answer, _replied_at(events[w.case_id], r), dict(w.calls))
                      for w, r, reply in replies if reply.shown is False],
                     "(case, reply id, with close, the 200, the replied event's workflow time, the agents' calls)"),
        Invariant.of("reply_count = replied events", [(c, cases[c]["reply_count"], n) for c in case_ids
                                                      if cases[c]["reply_count"] != (n := sum(
                                                          e["kind"] == "replied" for e in events[c]))]),
    ]

    # ---- SLAs -------------------------------------------------------------------------------------------------
    first_sent = {c: naive_utc(at) for c, at in in_chunks(db, """SELECT case_id, min(created_at) FROM mention
        WHERE direction = 'outbound' AND case_id IN ({ids}) GROUP BY case_id""", case_ids)}
    invariants += _slas(options, cases, events, first_sent, check_at)

    # ---- nothing stuck ----------------------------------------------------------------------------------------
    routing = _rows(db, "case_routing", "case_id", case_ids, "case_id, state, agent_id")
    work = list(load.work.values())
    invariants += [
        Invariant.of("every case workflow running", [(c, runs[c]) for c in case_ids
                                                     if [s for _, s in runs[c]] != ["RUNNING"]]),
        Invariant.of("no workflow task retried or activity pending at the end",
                     await _pending(stack, [cases[c]["workflow_id"] for c in case_ids])),
        Invariant.of("open case assigned to its assignee",
                     [(c, case["status"], case["assignee_id"], routing.get(c)) for c, case in cases.items()
                      if case["status"] != "closed" and (routing.get(c, {}).get("state"), routing.get(c, {})
                                                         .get("agent_id")) != ("assigned", case["assignee_id"])]),
        Invariant.of("acknowledged close on the read side", [(w.case_id, cases[w.case_id]["status"]) for w in work
                                                             if w.closed_ack
                                                             and cases[w.case_id]["status"] != "closed"]),
        Invariant.of("agents' work answered", [(w.case_id, w.plan, w.gave_up, dict(w.calls)) for w in work
                                               if not w.done or w.gave_up],
                     "every claim, reply, approval and close of the plan answered 200 in the end"),
    ]

    # ---- answers ----------------------------------------------------------------------------------------------
    answers: Counter = Counter()
    for p in posts:
        answers.update(p.answers)
    invariants += [
        Invariant.of("webhook answered only 200, 201 or 503", [(p.external_id, dict(p.answers)) for p in posts if any(
            a.isdigit() and a not in WEBHOOK_ANSWERS for a in p.answers)]),
        Invariant.of("no agent call answered 500", [(w.case_id, dict(w.calls)) for w in work
                                                    if any(k.endswith(" 500") for k in w.calls)]),
    ]

    duplicates = {"mentions": sum(n > 1 for *_, n in counts),
                  "cases": sum(n - 1 for n in per_conversation.values() if n > 1),
                  "workflow_runs": sum(len(r) - 1 for r in runs.values() if len(r) > 1), "replies": len(sent_twice)}
    return FaultReport(accepted=len(accepted), lost=len(lost), duplicated=sum(duplicates.values()),
                       duplicates=duplicates, faults=injector.faults, posted=len(posts), cases=len(cases),
                       invariants=invariants, figures=_figures(load, injector, answers))


def _slas(options: FaultOptions, cases: dict[str, dict[str, Any]], events: dict[str, list[dict[str, Any]]],
          first_sent: dict[str, datetime | None], check_at: datetime) -> list[Invariant]:
    missing, twice, not_due, wrong_instant, first_response, level, breached, numbering = [], [], [], [], [], [], [], []
    verdicts: Counter = Counter()  # how many expected events were checked, by verdict
    for c, case in cases.items():
        opened, closed, sent = naive_utc(case["opened_at"]), naive_utc(case["closed_at"]), first_sent.get(c)
        ended = min((t for t in (sent, closed) if t is not None), default=None)  # the first-response clock stopped
        fired: dict[tuple[str, int], list[datetime | None]] = defaultdict(list)
        for e in events[c]:
            if e["kind"] in ("sla_breached", "escalated") and e["detail"].get("target") == "first_response":
                fired[(e["kind"], e["detail"].get("level", 0))].append(naive_utc(e["detail"].get("at")))
        for kind, lvl, after in (("sla_breached", 0, 0), ("escalated", 1, 0), ("escalated", 2, options.level2_seconds)):
            due = opened + timedelta(seconds=options.sla_seconds + after)
            got = fired.pop((kind, lvl), [])
            what = (c, kind, lvl, due.isoformat(), None if ended is None else ended.isoformat())
            if len(got) > 1:
                twice.append((*what, len(got)))
            if any(at is None or abs(at - due) > EXACT for at in got):
                wrong_instant.append((*what, [str(at) for at in got]))
            if ended is not None and abs(ended - due) <= EXACT:
                verdicts["met at the instant"] += 1  # either way is right
            elif ended is not None and ended < due:
                verdicts["not due"] += 1
                if got:
                    not_due.append(what)
            elif due < check_at - timedelta(seconds=options.grace):
                verdicts["due"] += 1
                if not got:
                    missing.append(what)
            else:
                verdicts["due too recently to require"] += 1
        not_due += [(c, kind, lvl, "not in the policy") for kind, lvl in fired]
        recorded = naive_utc(case["first_response_at"])
        if (recorded is None) != (sent is None) or (recorded and sent and abs(recorded - sent) > EXACT):
            first_response.append((c, case["first_response_at"], None if sent is None else sent.isoformat()))
        levels = [e["detail"].get("level", 0) for e in events[c] if e["kind"] == "escalated"]
        if case["escalation_level"] != max(levels, default=0):
            level.append((c, case["escalation_level"], sorted(levels)))
        event = any(e["kind"] == "sla_breached" for e in events[c])
        outcome = (json.loads(case["sla_outcomes"] or "{}") or {}).get("first_response")
        if bool(case["sla_breached"]) != event or (case["status"] == "closed" and (outcome == "breached") != event):
            breached.append((c, {"sla_breached": bool(case["sla_breached"]), "event": event, "outcome": outcome,
                                 "first reply sent": None if sent is None else sent.isoformat(),
                                 "due": (opened + timedelta(seconds=options.sla_seconds)).isoformat()}))
        if [e["seq"] for e in events[c]] != list(range(1, len(events[c]) + 1)):
            numbering.append((c, [e["seq"] for e in events[c]]))
    return [
        Invariant.of("due SLA event fired", missing, "(case, event, level, due, first reply or close); checked: "
                     + ", ".join(f"{k} {n}" for k, n in sorted(verdicts.items()))),
        Invariant.of("SLA event fired once", twice),
        Invariant.of("no SLA event after the first response or close", not_due),
        Invariant.of("SLA event recorded for its due instant", wrong_instant),
        Invariant.of("first_response_at = first reply's send time", first_response, "(case, recorded, sent)"),
        Invariant.of("escalation_level = highest escalated event", level, "(case, column, levels of its events)"),
        Invariant.of("sla_breached column and outcome agree with the event", breached),
        Invariant.of("case timeline numbered 1..n", numbering),
    ]


def _rows(db: Path, table: str, key: str, ids: list[str], columns: str) -> dict[str, dict[str, Any]]:
    """The rows of `table` whose `key` is in `ids`, as dicts, by their first column."""
    names = [c.strip() for c in columns.split(",")]
    found = in_chunks(db, f"SELECT {columns} FROM {table} WHERE {key} IN ({{ids}})", ids)
    return {row[0]: dict(zip(names, row, strict=True)) for row in found}


def _replied_at(events: list[dict], reply_id: str) -> str | None:
    return next((e["at"] for e in events if e["kind"] == "replied" and e["detail"].get("reply_id") == reply_id), None)


def _events(db: Path, case_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Each case's timeline, in order."""
    events: dict[str, list[dict[str, Any]]] = {c: [] for c in case_ids}
    for case_id, seq, kind, at, detail in sorted(in_chunks(db, """SELECT case_id, seq, kind, at, detail
                                                                   FROM case_event WHERE case_id IN ({ids})""",
                                                               case_ids)):
        events[case_id].append({"seq": seq, "kind": kind, "at": at, "detail": json.loads(detail or "{}") or {}})
    return events


async def _workflows(stack: Stack) -> dict[str, list[tuple[str, str]]]:
    """Workflow id -> [(run id, status)] of every case workflow Temporal lists."""
    client = await stack.temporal()
    runs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    async with asyncio.timeout(120):
        async for execution in client.list_workflows(page_size=1000):
            if execution.id.startswith("case-"):
                runs[execution.id].append((execution.run_id, execution.status.name if execution.status else "?"))
    return runs


async def _pending(stack: Stack, workflow_ids: list[str]) -> list[tuple]:
    """Workflows with a workflow task past its first attempt, or an activity still pending."""
    client = await stack.temporal()
    gate = asyncio.Semaphore(16)
    found: list[tuple] = []

    async def one(workflow_id: str) -> None:
        async with gate, asyncio.timeout(30):
            raw = (await client.get_workflow_handle(workflow_id).describe()).raw_description
        task = raw.pending_workflow_task if raw.HasField("pending_workflow_task") else None
        if (task is not None and task.attempt > 1) or raw.pending_activities:
            found.append((workflow_id, task.attempt if task else None,
                          [(a.activity_type.name, a.attempt, a.last_failure.message) for a in raw.pending_activities]))

    await asyncio.gather(*(one(w) for w in workflow_ids))
    return found


def _figures(load: Load, injector: Injector, answers: Counter) -> dict[str, Any]:
    failed_answers: dict[str, list[float]] = {}
    for sent, _, answer in load.answer_log:
        if answer not in ("200", "201"):
            seen = failed_answers.setdefault(answer, [0, round(sent, 1), round(sent, 1)])
            seen[0] += 1
            seen[2] = round(sent, 1)
    work = list(load.work.values())
    agents = {"cases": len(work), "worked": sum(w.plan != "ignored" for w in work),
              "claimed": sum(w.claimed for w in work),
              "replies_acked": sum(r.acked for w in work for r in w.replies.values()),
              "approved": sum(r.approved for w in work for r in w.replies.values()),
              "closes_acked": sum(w.closed_ack for w in work),
              **{f"retried {k}": v for k, v in sorted(load.agent_errors.items())}}
    return {"answers": dict(answers), "failed_answers": failed_answers,
            "retried_then_duplicate": sum(p.duplicate for p in load.posts.values()), "agents": agents,
            "first_task_samples": injector.samples, "baseline_first_task_s": injector.baseline}
