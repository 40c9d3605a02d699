"""`switchboard replay export|verify`: a case's evidence as one signed file, and its verification offline."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from cli.datadir import settings_for
from cli.operator import operator
from store.audit import append
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
    check_.add_argument("bundle", type=Path)
    check_.add_argument("--key", help="the audit key's public half to require (base64; `switchboard audit key`)")


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
    for line in report.problems:
        print(f"FAILED: {line}", file=sys.stderr)
    print(f"case {bundle.get('case_id')}: " + ("everything holds" if report.holds else
                                               f"{len(report.problems)} problem(s)"))
    return 0 if report.holds else 1


def run(args: argparse.Namespace) -> int:
    return asyncio.run(_export(args) if args.verb == "export" else _verify(args))
