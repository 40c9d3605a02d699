"""Backtests: a draft (or any version) re-run over a period's history, before it is published or activated.

Reads only. The summary answers with the totals and a sample of the cases decided otherwise; the CSV streams
every one of them as it is found, with no cap.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from sqlmodel import Session

from api.auth.deps import BacktestFlows
from api.deps import EngineDep
from api.errors import ApiError
from api.instants import instant_query, parse_instant
from api.listing import get_or_404
from engine.backtest import FIELDS
from engine.flows.compiled import InvalidFlow
from store.backtest import Run, backtest, csv_lines
from store.flows import Flow, FlowDraft
from store.lexicons import compile_with_vader

router = APIRouter(tags=["flows"])

DEFAULT_PERIOD = timedelta(days=7)
Since = Annotated[str | None, instant_query("the period's start (default: 7 days before `until`)")]
Until = Annotated[str | None, instant_query("the period's end (default: now)")]


class BacktestMove(BaseModel):
    field: str = Field(description=f"one of {', '.join(FIELDS)}")
    live: str | None
    draft: str | None
    cases: int


class BacktestTotals(BaseModel):
    mentions: int = Field(description="inbound mentions received in the period")
    tags_changed: int = Field(description="mentions whose tags would differ")
    needs_response_changed: int = Field(description="mentions triage would answer otherwise")
    live_cases: int = Field(description="cases the period's mentions opened")
    draft_cases: int = Field(description="cases they would open under this flow")
    changed: int = Field(description="cases opened both ways whose queue, priority or SLA policy would change")
    would_open: int
    would_not_open: int
    by_field: dict[str, int]
    moves: list[BacktestMove] = Field(description="the most frequent changes, as live -> draft, with their counts")
    live_flow_versions: dict[str, int] = Field(description="the versions the live cases were decided under")


class BacktestRow(BaseModel):
    kind: str = Field(description="changed, would_open or would_not_open")
    case_id: str | None
    mention_id: str
    conversation_id: str
    received_at: datetime
    source: str
    changed: list[str]
    live_queue: str | None
    draft_queue: str | None
    live_priority: str | None
    draft_priority: str | None
    live_sla_policy: str | None
    draft_sla_policy: str | None
    live_flow_version: str | None
    tags_added: list[str]
    tags_removed: list[str]


class BacktestReport(BaseModel):
    flow_version: str = Field(description="the version the backtested document would have")
    since: datetime
    until: datetime
    seconds: float
    totals: BacktestTotals
    sample: list[BacktestRow] = Field(description="the first cases decided otherwise, in arrival order")


def _period(since: str | None, until: str | None) -> tuple[datetime, datetime]:
    end = parse_instant(until, "until") or datetime.now(UTC)
    start = parse_instant(since, "since") or end - DEFAULT_PERIOD
    if start >= end:
        raise ApiError(422, code="empty_period", path="since",
                       message=f"since ({start.isoformat()}) must be before until ({end.isoformat()})")
    return start, end


def _run(engine: Any, document: Any, since: str | None, until: str | None) -> Run:
    start, end = _period(since, until)
    try:
        flow = compile_with_vader(document)
    except InvalidFlow as exc:  # a version saved before a check existed; drafts are checked on every save
        first = exc.errors[0]
        raise ApiError(422, code="invalid_flow", path=f"document{first.path}",
                       message=f"the flow does not compile: {exc}; fix the draft and save it") from exc
    return backtest(engine, flow, start, end)


def _report(run: Run, sample: int) -> BacktestReport:
    began = time.monotonic()
    rows = []
    for difference in run.differences():
        if len(rows) < sample:
            rows.append(difference.row())
    totals = run.backtest.totals
    return BacktestReport(flow_version=run.backtest.flow.version, since=run.since, until=run.until,
                          seconds=round(time.monotonic() - began, 3),
                          totals=BacktestTotals.model_validate(totals.as_dict()), sample=rows)


def _csv(run: Run, name: str) -> StreamingResponse:
    stamp = f"{run.since:%Y%m%d}-{run.until:%Y%m%d}"
    return StreamingResponse(csv_lines(run.differences()), media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="backtest-{name}-{stamp}.csv"'})


Sample = Annotated[int, Query(ge=0, le=1000, description="how many of the changed cases to list")]


def _document(engine: Any, table: type[Flow] | type[FlowDraft], row_id: str, resource: str) -> Any:
    """The flow document of a draft or a version (404 naming `resource`), read in a session of its own: the
    backtest that follows reads page by page in its own sessions, and none is held across it."""
    with Session(engine) as session:
        return get_or_404(session, table, row_id, resource=resource).document


@router.get("/flow_drafts/{draft_id}/backtest", response_model=BacktestReport)
def backtest_draft(_: BacktestFlows, engine: EngineDep, draft_id: str, since: Since = None, until: Until = None,
                   sample: Sample = 20) -> BacktestReport:
    """What the draft would have decided over the period (default: the last 7 days) against what was decided:
    re-runs tagging, triage, routing and SLA policy on every inbound mention received then; touches nothing."""
    return _report(_run(engine, _document(engine, FlowDraft, draft_id, "flow draft"), since, until), sample)


@router.get("/flow_drafts/{draft_id}/backtest.csv", response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}}}})
def backtest_draft_csv(_: BacktestFlows, engine: EngineDep, draft_id: str, since: Since = None,
                       until: Until = None) -> StreamingResponse:
    """Every case the draft would decide otherwise over the period, as CSV, streamed."""
    document = _document(engine, FlowDraft, draft_id, "flow draft")
    return _csv(_run(engine, document, since, until), f"draft-{draft_id[:8]}")


@router.get("/flows/{flow_id}/backtest", response_model=BacktestReport)
def backtest_version(_: BacktestFlows, engine: EngineDep, flow_id: str, since: Since = None, until: Until = None,
                     sample: Sample = 20) -> BacktestReport:
    """As a draft's backtest, for a published version: what activating it again (a roll-back) would change."""
    return _report(_run(engine, _document(engine, Flow, flow_id, "flow"), since, until), sample)


@router.get("/flows/{flow_id}/backtest.csv", response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}}}})
def backtest_version_csv(_: BacktestFlows, engine: EngineDep, flow_id: str, since: Since = None,
                         until: Until = None) -> StreamingResponse:
    """Every case the version would decide otherwise over the period, as CSV, streamed."""
    return _csv(_run(engine, _document(engine, Flow, flow_id, "flow"), since, until), f"flow-{flow_id[:8]}")
