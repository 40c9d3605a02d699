"""Backtesting a flow: the period's history read from the read side and fed through engine.backtest.

Mentions are read in arrival order a page at a time (keyset on received_at and id, so a long period holds
little memory and no long read transaction), and the opening decisions of the cases they opened are read
from those cases' timelines: `triaged` (priority), `routed` (queue) and the first `sla_started` (policy),
each as the flow in force then recorded it. Only reads: nothing live is touched.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, and_, or_, select, tuple_
from sqlmodel import Session

from engine.backtest import FIELDS, Backtest, Decision, Difference, Lived
from engine.flows import CompiledFlow
from engine.models import Direction, Mention
from store.case_events import CaseEvent
from store.mentions import Mention as MentionRow

PAGE = 2000
OPENING_KINDS = ("triaged", "routed", "sla_started")
_MENTION_COLUMNS = ("id", "source", "external_id", "conversation_id", "author", "text", "created_at", "received_at",
                    "reply_to_id", "direction", "thread_id", "author_followers", "author_verified")


@dataclass
class Run:
    """A backtest under way: iterate `differences()`, then read `backtest.totals`."""

    backtest: Backtest
    engine: Engine
    since: datetime
    until: datetime
    page: int = PAGE

    def differences(self) -> Iterator[Difference]:
        for lived in self._history():
            difference = self.backtest.feed(lived)
            if difference is not None:
                yield difference

    def _history(self) -> Iterator[Lived]:
        table = MentionRow.__table__  # type: ignore[attr-defined]
        columns = [table.c[name] for name in _MENTION_COLUMNS]
        extra = [table.c.tags, table.c.needs_response, table.c.case_id]
        after: tuple[datetime, str] | None = None
        while True:
            query = select(*columns, *extra).where(
                table.c.direction == Direction.inbound, table.c.received_at >= self.since,
                table.c.received_at < self.until)
            if after is not None:
                query = query.where(tuple_(table.c.received_at, table.c.id) > after)
            query = query.order_by(table.c.received_at, table.c.id).limit(self.page)
            with Session(self.engine) as session:
                rows = session.execute(query).all()
                openings = _openings(session, {row.case_id for row in rows if row.case_id})
            for row in rows:
                mention = Mention.model_validate({name: row._mapping[name] for name in _MENTION_COLUMNS})
                opening = openings.get(row.case_id or "")
                yield Lived(mention=mention, tags=row.tags, needs_response=row.needs_response, case_id=row.case_id,
                            opened=opening[1] if opening and opening[0] == mention.id else None)
            if len(rows) < self.page:
                return
            after = (rows[-1].received_at, rows[-1].id)


def _openings(session: Session, case_ids: set[str]) -> dict[str, tuple[str, Decision]]:
    """For each case: the mention that opened it, and its opening decisions."""
    if not case_ids:
        return {}
    table = CaseEvent.__table__  # type: ignore[attr-defined]
    detail = table.c.detail
    # Each opening event's one field, read by the database: the details (with whole evaluation traces) are
    # most of a backtest's reading when decoded here.
    fields = (detail["mention_id"], detail["priority"], detail["team_id"], detail["policy"],
              detail[("evidence", "flow_version")])
    rows = session.execute(select(table.c.case_id, table.c.seq, table.c.kind, *(f.as_string() for f in fields)).where(
        table.c.case_id.in_(sorted(case_ids)),
        or_(table.c.kind.in_(OPENING_KINDS), and_(table.c.kind == "mention_added", table.c.seq == 1)),
    ).order_by(table.c.case_id, table.c.seq)).all()
    found: dict[str, dict[str, Any]] = {}
    for case_id, seq, kind, *values in rows:
        found.setdefault(case_id, {}).setdefault(kind, (seq, *values))  # the first of each kind: the opening's
    openings = {}
    for case_id, kinds in found.items():
        if "mention_added" not in kinds or "routed" not in kinds:
            continue  # not opened yet (its workflow classifies it), or not by a mention
        _, _, priority, _, _, version = kinds.get("triaged", (0,) + (None,) * 5)
        routed_seq, _, _, team, _, _ = kinds["routed"]
        # The opening's policy is chosen right after routing; a later one (a new priority) is not the flow's opening.
        sla_seq, _, _, _, policy, _ = kinds.get("sla_started", (0,) + (None,) * 5)
        openings[case_id] = (kinds["mention_added"][1], Decision(
            queue=team, priority=priority, sla_policy=policy if sla_seq == routed_seq + 1 else None,
            flow_version=version))
    return openings


def backtest(engine: Engine, flow: CompiledFlow, since: datetime, until: datetime) -> Run:
    """A backtest of `flow` over the mentions received in [since, until)."""
    return Run(Backtest(flow), engine, since, until)


CSV_COLUMNS = ("kind", "case_id", "mention_id", "conversation_id", "received_at", "source", "changed",
               *(f"{side}_{name}" for name in FIELDS for side in ("live", "draft")), "live_flow_version",
               "tags_added", "tags_removed")


def csv_lines(differences: Iterator[Difference]) -> Iterator[str]:
    """The differences as CSV, a header then one line per case (lists joined with spaces), as they come."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for difference in differences:
        row = difference.row()
        writer.writerow({k: _cell(" ".join(v) if isinstance(v, list) else v) for k, v in row.items()})
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()


def _cell(value: object) -> object:
    # A spreadsheet runs a cell starting with one of these as a formula; ids from outside could.
    return f"'{value}" if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value
