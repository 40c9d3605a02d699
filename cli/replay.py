"""`switchboard replay export|verify`: a case's evidence as one signed file, and its verification offline."""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import sys
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from cli.audit import instant
from cli.datadir import settings_for
from cli.operator import operator
from store.audit import append
from store.bundle_checks import BundleReport, redecide
from store.case_bundle import build, check
from store.db import make_engine, session_scope
from store.db.migrate import migrate


def add_parser(sub: argparse._SubParsersAction) -> None:
    replay = sub.add_parser("replay", help="a case's evidence: export it as one signed file, verify one offline")
    verbs = replay.add_subparsers(dest="verb", required=True)
    export = verbs.add_parser("export", help="write a case's history, flow versions, timeline and audit entries, "
                                             "with a manifest of hashes signed by the audit key")
    export.add_argument("case_id")
    export.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    export.add_argument("--data-dir", type=Path, default=Path("data"),
                        help="the data folder of `switchboard up` (default: data); the environment's settings win")
    check_ = verbs.add_parser("verify", help="check a bundle's manifest and signature, replay its history against "
                                             "this workflow code, re-evaluate its decisions (exit code 0: all hold)")
    check_.add_argument("bundle", type=Path, nargs="?", help="a bundle file (or --closed-since)")
    check_.add_argument("--key", help="the audit key's public half to require (base64; `switchboard audit key`)")
    check_.add_argument("--closed-since", type=instant, metavar="DATE",
                        help="verify every case closed since DATE from Temporal and the database instead: replay "
                             "each history and decide each opening again, on every core")
    check_.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="replaying processes")
    check_.add_argument("--data-dir", type=Path, default=Path("data"),
                        help="with --closed-since: the data folder of `switchboard up` (default: data)")


async def _export(args: argparse.Namespace) -> int:
    from api.security.codec import SealingCodec, opened_history
    from cli.services import wait_for_temporal
    from store.cases import Case

    settings = settings_for(args.data_dir)
    keys = settings.key_ring()
    engine = make_engine(settings.database_url)
    migrate(engine)
    try:
        with session_scope(engine, write=False) as session:
            case = session.get(Case, args.case_id)
            if case is None:
                print(f"switchboard replay export: no case {args.case_id!r}", file=sys.stderr)
                return 2
            workflow_id = case.workflow_id
        client = await wait_for_temporal(settings, keys, timeout=30)
        history = await client.get_workflow_handle(workflow_id).fetch_history()
        opened = await opened_history(json.loads(history.to_json()), SealingCodec(keys))
        who = operator("case.export")
        with session_scope(engine) as session:
            bundle = build(session, keys, args.case_id, opened, by=f"{who.actor} ({who.via})")
            append(session, [operator("case.export", "case", args.case_id,
                                      detail={"file": str(args.output), "manifest": bundle["manifest"]["history"]})])
        args.output.write_text(json.dumps(bundle, indent=1, ensure_ascii=False))
        print(f"case {args.case_id}: {len(opened['events'])} history events, {len(bundle['case_events'])} timeline "
              f"events, {len(bundle['audit'])} audit entries -> {args.output}")
        return 0
    finally:
        engine.dispose()


async def _verify(args: argparse.Namespace) -> int:
    from temporalio.client import WorkflowHistory
    from temporalio.contrib.pydantic import pydantic_data_converter
    from temporalio.worker import Replayer

    from workflows.worker import WORKFLOWS, sandbox_runner

    try:
        bundle = json.loads(args.bundle.read_text())
    except (OSError, ValueError) as exc:
        print(f"switchboard replay verify: {args.bundle} cannot be read as a bundle: {exc}", file=sys.stderr)
        return 2
    report = check(bundle, pinned_key=args.key)
    # The replay is checked whatever else failed: an auditor wants every finding at once.
    try:
        history = WorkflowHistory.from_json(bundle["workflow_id"], bundle["history"])
        replayed = await Replayer(workflows=WORKFLOWS, data_converter=pydantic_data_converter,
                                  workflow_runner=sandbox_runner()).replay_workflow(
            history, raise_on_replay_failure=False)
        if replayed.replay_failure is not None:
            report.problems.append(f"the history does not replay against this workflow code: "
                                   f"{replayed.replay_failure}")
        else:
            report.checked.append(f"replay: {len(bundle['history']['events'])} events replay against this "
                                  "workflow code")
    except Exception as exc:  # noqa: BLE001 - a history that cannot even be read is the verdict
        report.problems.append(f"the history cannot be replayed: {exc}")
    for line in report.checked:
        print(f"ok: {line}")
    for line in report.warnings:
        print(f"warning: {line}")
    for line in report.problems:
        print(f"FAILED: {line}", file=sys.stderr)
    print(f"case {bundle.get('case_id')}: " + ("everything holds" if report.holds else
                                               f"{len(report.problems)} problem(s)")
          + (f" ({len(report.warnings)} warning(s))" if report.warnings else ""))
    return 0 if report.holds else 1


# What `--closed-since` verifies of one case: (case id, workflow id, history, flow documents by version,
# its timeline's events as JSON).
Item = tuple[str, str, dict[str, Any], dict[str, Any], list[dict[str, Any]]]


def replay_chunk(items: list[Item], reimport_workflows: bool = False) -> list[tuple[str, BundleReport]]:
    """Replay items in this process and decide each case's decisions again; each case's report (no problems:
    it holds). Runs in a worker process of `--closed-since`."""
    from temporalio.client import WorkflowHistory
    from temporalio.contrib.pydantic import pydantic_data_converter
    from temporalio.worker import Replayer

    from workflows.worker import WORKFLOWS, sandbox_runner

    reports: dict[str, BundleReport] = {}
    for case_id, _, history, flows, events in items:
        reports[case_id] = BundleReport()
        redecide({"history": history, "flows": flows, "case_events": events}, reports[case_id])
    by_workflow = {workflow_id: case_id for case_id, workflow_id, *_ in items}

    async def histories() -> AsyncIterator[WorkflowHistory]:
        for _, workflow_id, history, *_ in items:
            yield WorkflowHistory.from_json(workflow_id, history)

    async def replay() -> None:
        replayer = Replayer(workflows=WORKFLOWS, data_converter=pydantic_data_converter,
                            workflow_runner=sandbox_runner(reimport_workflows=reimport_workflows))
        async with replayer.workflow_replay_iterator(histories()) as results:
            async for result in results:
                if result.replay_failure is not None:
                    reports[by_workflow[result.history.workflow_id]].problems.append(
                        f"does not replay against this workflow code: {result.replay_failure}")
    asyncio.run(replay())
    return list(reports.items())


def verify_many(items: list[Item], processes: int,
                progress: Callable[[int], None] = lambda done: None) -> list[tuple[str, BundleReport]]:
    """`replay_chunk` over `processes` processes, in chunks so progress can be shown."""
    if processes <= 1:
        out = []
        for start in range(0, len(items), CHUNK):
            out += replay_chunk(items[start:start + CHUNK])
            progress(len(out))
        return out
    out = []
    with ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn")) as pool:
        for done in as_completed([pool.submit(replay_chunk, items[start:start + CHUNK])
                                  for start in range(0, len(items), CHUNK)]):
            out += done.result()
            progress(len(out))
    return out


CHUNK = 100  # histories a worker process replays at a time


async def _verify_closed(args: argparse.Namespace) -> int:
    from api.security.codec import SealingCodec, opened_history
    from cli.services import wait_for_temporal
    from store.case_events import CaseEvent
    from store.cases import Case
    from store.flows import Flow

    settings = settings_for(args.data_dir)
    keys = settings.key_ring()
    engine = make_engine(settings.database_url)
    try:
        with session_scope(engine, write=False) as session:
            closed = select(Case).where(Case.closed_at >= args.closed_since)  # type: ignore[operator]
            cases = [(c.id, c.workflow_id) for c in session.exec(closed.order_by(Case.closed_at))]
            flows = {row.id: row.document for row in session.exec(select(Flow))}
            timelines: dict[str, list[dict[str, Any]]] = {case_id: [] for case_id, _ in cases}
            for event in session.exec(select(CaseEvent).where(col(CaseEvent.case_id).in_(
                    closed.with_only_columns(col(Case.id)))).order_by(CaseEvent.case_id, CaseEvent.seq)):
                timelines[event.case_id].append(event.model_dump(mode="json"))
    finally:
        engine.dispose()
    if not cases:
        print(f"no case was closed since {args.closed_since.isoformat()}")
        return 0
    client = await wait_for_temporal(settings, keys, timeout=30)
    codec, gate = SealingCodec(keys), asyncio.Semaphore(16)
    began = time.monotonic()

    async def fetch(case_id: str, workflow_id: str) -> Item:
        async with gate:
            history = await client.get_workflow_handle(workflow_id).fetch_history()
        opened = await opened_history(json.loads(history.to_json()), codec)
        return case_id, workflow_id, opened, flows, timelines[case_id]
    items = await asyncio.gather(*(fetch(c, w) for c, w in cases))
    fetched = time.monotonic()

    def progress(done: int) -> None:
        width = 30
        filled = width * done // len(items)
        print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{len(items)} verified", end="", file=sys.stderr,
              flush=True)
    results = await asyncio.to_thread(verify_many, items, args.processes, progress)
    print(file=sys.stderr)
    for case_id, report in results:
        for warning in report.warnings:
            print(f"warning: case {case_id}: {warning}", file=sys.stderr)
        for problem in report.problems:
            print(f"FAILED: case {case_id}: {problem}", file=sys.stderr)
    failed = sum(1 for _, report in results if not report.holds)
    warned = sum(1 for _, report in results if report.warnings)
    took = time.monotonic() - fetched
    print(f"{len(results)} cases closed since {args.closed_since.isoformat()}: {len(results) - failed} hold, "
          f"{failed} do not" + (f" ({warned} with warnings)" if warned else "") + f"; histories fetched in "
          f"{fetched - began:.1f} s, verified in {took:.1f} s "
          f"({len(results) / took if took else 0:.0f}/s on {args.processes} processes)")
    return 1 if failed else 0


def run(args: argparse.Namespace) -> int:
    if args.verb == "export":
        return asyncio.run(_export(args))
    if args.closed_since is not None:
        return asyncio.run(_verify_closed(args))
    if args.bundle is None:
        print("switchboard replay verify: give a bundle file, or --closed-since DATE", file=sys.stderr)
        return 2
    return asyncio.run(_verify(args))
