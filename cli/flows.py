"""`switchboard flows backtest`: what a draft flow would have decided over a period, against what was decided."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session

from cli.audit import instant
from cli.datadir import add_data_dir, settings_for
from engine.backtest import FIELDS, Totals
from engine.flows.compiled import InvalidFlow
from store.backtest import backtest, csv_lines
from store.db import make_engine
from store.db.migrate import migrate
from store.flows import Flow, FlowDraft
from store.lexicons import compile_with_vader

DEFAULT_DAYS = 7
WORDS = {"queue": "queue", "priority": "priority", "sla_policy": "SLA policy"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    flows = sub.add_parser("flows", help="flow drafts and versions: backtest one over history")
    verbs = flows.add_subparsers(dest="verb", required=True)
    run = verbs.add_parser("backtest", help="re-run tagging, triage, routing and SLA policy of a draft over a "
                                            "period's mentions and report the cases it would decide otherwise; "
                                            "nothing live is touched")
    run.add_argument("flow", help="a draft's id, a flow version's id, or a JSON file holding a flow document")
    run.add_argument("--since", type=instant, help=f"the period's start (default: {DEFAULT_DAYS} days before --until)")
    run.add_argument("--until", type=instant, help="the period's end (default: now)")
    run.add_argument("--csv", type=Path, help="write every case it would decide otherwise to this CSV file")
    run.add_argument("--json", action="store_true", help="print the totals as JSON")
    add_data_dir(run)


def _document(session: Session, name: str) -> tuple[str, Any]:
    """What `name` names, described, and its flow document; LookupError saying what was tried."""
    draft = session.get(FlowDraft, name)
    if draft is not None:
        return f"draft {draft.name!r} ({draft.id})", draft.document
    version = session.get(Flow, name)
    if version is not None:
        return f"flow version {version.id[:12]} {version.name!r}", version.document
    path = Path(name)
    if path.is_file():
        try:
            return f"the flow in {path}", json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise LookupError(f"{path} is not a readable JSON file: {exc}") from None
    raise LookupError(f"{name!r} is no draft id, flow version id or file; the designer's Flow drafts page, "
                      "GET /api/flow_drafts and GET /api/flows list them")


def _cases(count: int) -> str:
    return f"{count:,} case" + ("" if count == 1 else "s")


def summary_lines(label: str, since: datetime, until: datetime, totals: Totals, seconds: float) -> list[str]:
    """The totals as a reader wants them: how many cases change, how, and the most frequent moves."""
    counts = totals.as_dict(moves=10)
    by_field = ", ".join(f"{WORDS[name]} {counts['by_field'][name]:,}" for name in FIELDS)
    lines = [f"Backtest of {label} over {since.isoformat()} to {until.isoformat()}",
             f"  {totals.mentions:,} mentions; {_cases(totals.live_cases)} opened, {totals.draft_cases:,} would be",
             f"  decided otherwise: {_cases(totals.changed)} ({by_field})",
             f"  would also open {_cases(totals.would_open)}; would not open {totals.would_not_open:,} of them",
             f"  tags differ on {totals.tags_changed:,} mentions; needs-response on {totals.needs_response_changed:,}"]
    if counts["moves"]:
        lines.append("  most frequent changes:")
        lines += [f"    {WORDS[m['field']]}: {m['live'] or 'none'} -> {m['draft'] or 'none'}: "
                  f"{_cases(m['cases'])}" for m in counts["moves"]]
    lines.append(f"  {seconds:.1f} s ({totals.mentions / seconds if seconds else 0:,.0f} mentions/s)")
    return lines


def run(args: argparse.Namespace) -> int:
    until = args.until or datetime.now(UTC)
    since = args.since or until - timedelta(days=DEFAULT_DAYS)
    if since >= until:
        print(f"switchboard flows backtest: --since ({since.isoformat()}) must be before --until "
              f"({until.isoformat()})", file=sys.stderr)
        return 2
    engine = make_engine(settings_for(args.data_dir).database_url)
    migrate(engine)
    try:
        with Session(engine) as session:
            label, document = _document(session, args.flow)
        flow = compile_with_vader(document)
    except LookupError as exc:
        print(f"switchboard flows backtest: {exc}", file=sys.stderr)
        return 2
    except InvalidFlow as exc:
        print(f"switchboard flows backtest: {label} does not make a working flow:", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error.path}: {error.message}", file=sys.stderr)
        return 2
    began = time.monotonic()
    test = backtest(engine, flow, since, until)
    if args.csv is not None:
        with args.csv.open("w", newline="", encoding="utf-8") as out:
            out.writelines(csv_lines(test.differences()))
    else:
        for _ in test.differences():
            pass
    seconds = time.monotonic() - began
    totals = test.backtest.totals
    if args.json:
        print(json.dumps({"flow": label, "flow_version": flow.version, "since": since.isoformat(),
                          "until": until.isoformat(), "seconds": round(seconds, 3), "totals": totals.as_dict()}))
    else:
        print("\n".join(summary_lines(label, since, until, totals, seconds)))
        if args.csv is not None:
            print(f"  every case decided otherwise: {args.csv}")
    return 0
