"""Exports: a saved report's result, and raw cases and mentions over a period, as CSV, JSON lines or a JSON
array, streamed as they are read (store.exports reads in chunks) with no row cap. Each export is audited
(`export.cases`, `export.mentions`, `export.report`: who, the period, filters and format) before its first byte.

The columns, in this order, are store.exports' CASE_COLUMNS, MENTION_COLUMNS and REPORT_COLUMNS. CSV: a header
row, instants in ISO 8601 UTC, tags joined by `;`, empty cells for nulls; a text cell starting with `=`, `+`,
`-`, `@`, a tab or a carriage return is prefixed with `'` so a spreadsheet shows it rather than running it as a
formula (OWASP's CSV injection advice). JSON: the same fields, nulls and lists as JSON.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.analytics.views import _check_team
from api.audit.trail import record
from api.auth.deps import ExportData, ReadAnalytics
from api.cases.access import case_filter, through_cases
from api.deps import EngineDep, SettingsDep, WriteSessionDep
from api.errors import ApiError, refusal
from api.instants import instant_query, parse_instant
from api.reports.views import NOT_FOUND, result_of, visible_report
from engine.models import Direction, Priority
from store.cases import Case
from store.exports import CASE_COLUMNS, MENTION_COLUMNS, REPORT_COLUMNS, case_rows, csv_cell, mention_rows
from store.exports import plain_value as _plain
from store.mentions import Mention

router = APIRouter(tags=["exports"])

Format = Literal["csv", "jsonl", "json"]
MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "json": "application/json"}
FORMAT = Annotated[Format, Query(description="csv (a header row, then one row a line), jsonl (one JSON object "
                                             "a line) or json (one array)")]
SINCE = Annotated[str | None, instant_query("Only rows from this instant (included); none: from the first")]
UNTIL = Annotated[str | None, instant_query("Only rows before this instant (excluded); none: to the last")]
Key = Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00]*$")]
STREAMED = {200: {"description": "The rows, streamed", "content": {
    "text/csv": {"schema": {"type": "string"}}, "application/x-ndjson": {"schema": {"type": "string"}},
    "application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}}}


def encode(rows: Iterable[dict[str, Any]], columns: Sequence[str], form: str) -> Iterator[str]:
    """`rows` as text in `form`, a few hundred rows a piece."""
    if form == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(columns)
        for count, row in enumerate(rows, 1):
            writer.writerow([csv_cell(row.get(name)) for name in columns])
            if count % 500 == 0:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()
        return
    separator = "\n" if form == "jsonl" else ","
    pieces: list[str] = ["["] if form == "json" else []
    for count, row in enumerate(rows):
        text = json.dumps({name: _plain(row.get(name)) for name in columns}, ensure_ascii=False)
        pieces.append(text + "\n" if form == "jsonl" else (separator if count else "") + text)
        if len(pieces) >= 500:
            yield "".join(pieces)
            pieces = []
    if form == "json":
        pieces.append("]\n")
    yield "".join(pieces)


def _streamed(rows: Iterable[dict[str, Any]], columns: Sequence[str], form: str, name: str) -> StreamingResponse:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    extension = {"csv": "csv", "jsonl": "jsonl", "json": "json"}[form]
    return StreamingResponse(encode(rows, columns, form), media_type=MEDIA[form], headers={
        "Content-Disposition": f'attachment; filename="{name}-{stamp}.{extension}"', "Cache-Control": "no-store"})


def _period(since: str | None, until: str | None, column: Any) -> list[Any]:
    start, end = parse_instant(since, "since"), parse_instant(until, "until")
    if start is not None and end is not None and start >= end:
        raise ApiError(422, code="empty_period", path="until",
                       message=f"until ({until}) must be after since ({since}): the period is [since, until)")
    return [*([column >= start] if start else []), *([column < end] if end else [])]


@router.get("/exports/cases", response_class=StreamingResponse, responses={
    **STREAMED, 403: refusal("a team that is not the caller's")})
def export_cases(principal: ExportData, session: WriteSessionDep, engine: EngineDep, since: SINCE = None,
                 until: UNTIL = None, format: FORMAT = "csv",  # noqa: A002
                 team_id: Key = None, channel: Key = None, priority: Priority | None = None,
                 tag: Key = None) -> StreamingResponse:
    """Every case opened in [since, until) that the caller sees (a team-scoped user: their teams' and their own),
    by opened_at then id; columns as store.exports.CASE_COLUMNS."""
    _check_team(principal, team_id)
    where = [*_period(since, until, Case.opened_at), *case_filter(principal)]
    for column, value in ((Case.team_id, team_id), (Case.source, channel), (Case.priority, priority)):
        if value is not None:
            where.append(column == value)
    filters = {k: v for k, v in {"team_id": team_id, "channel": channel, "priority": priority, "tag": tag}.items()
               if v is not None}
    record(session, principal, "export.cases", "export", None,
           detail={"format": format, "since": since, "until": until, "filters": filters,
                   "teams": sorted(principal.teams)})
    return _streamed(case_rows(engine, where=where, tag=tag), CASE_COLUMNS, format, "cases")


@router.get("/exports/mentions", response_class=StreamingResponse, responses=STREAMED)
def export_mentions(principal: ExportData, session: WriteSessionDep, engine: EngineDep, since: SINCE = None,
                    until: UNTIL = None, format: FORMAT = "csv",  # noqa: A002
                    channel: Key = None, direction: Direction | None = None) -> StreamingResponse:
    """Every mention written in [since, until) that the caller sees (a team-scoped user: the mentions of their
    cases' conversations), by created_at then id; columns as store.exports.MENTION_COLUMNS."""
    where = [*_period(since, until, Mention.created_at),
             *through_cases(principal, Mention.conversation_id, Case.conversation_id)]
    if channel is not None:
        where.append(Mention.source == channel)
    if direction is not None:
        where.append(Mention.direction == direction)
    filters = {k: v for k, v in {"channel": channel, "direction": direction}.items() if v is not None}
    record(session, principal, "export.mentions", "export", None,
           detail={"format": format, "since": since, "until": until, "filters": filters,
                   "teams": sorted(principal.teams)})
    return _streamed(mention_rows(engine, where=where), MENTION_COLUMNS, format, "mentions")


@router.get("/reports/{report_id}/export", response_class=StreamingResponse, responses={**STREAMED, **NOT_FOUND})
def export_report(principal: ReadAnalytics, session: WriteSessionDep, settings: SettingsDep, report_id: str,
                  format: FORMAT = "csv") -> StreamingResponse:  # noqa: A002
    """The report's result now (as GET /api/reports/{id}/result), its rows in REPORT_COLUMNS."""
    report = visible_report(session, principal, report_id)
    found = result_of(session, principal, report, settings)
    record(session, principal, "export.report", "report", report.id,
           detail={"format": format, "since": found.since.isoformat(), "until": found.until.isoformat(),
                   "kind": report.kind, "metric": report.metric, "group_by": report.group_by,
                   "filters": report.filters, "teams": sorted(principal.teams)})
    return _streamed((vars(row) for row in found.rows), REPORT_COLUMNS, format, f"report-{report.id}")
