"""Raw cases and mentions for an export: every row of a period, read in chunks by keyset (the period's instant,
then the id), each chunk in a short read transaction of its own, so an export of millions of rows holds one
chunk in memory and no connection or snapshot while the client reads. Rows come in export order: by opened_at
(cases) or created_at (mentions), then id.

The columns and their order are part of the export's contract (CASE_COLUMNS, MENTION_COLUMNS, REPORT_COLUMNS);
add new ones at the end. Formatting (CSV, JSON) is the caller's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, or_
from sqlmodel import SQLModel, col, select

from store.cases import Case
from store.db import session_scope
from store.mentions import Mention

CHUNK = 1000
CASE_COLUMNS: tuple[str, ...] = (
    "id", "conversation_id", "source", "status", "priority", "team_id", "assignee_id", "tags", "opened_at",
    "first_response_at", "closed_at", "close_reason", "first_response_seconds", "resolution_seconds",
    "handle_seconds", "transfers", "reopen_count", "mention_count", "reply_count", "sentiment", "flow_version",
    "author", "subject")
MENTION_COLUMNS: tuple[str, ...] = (
    "id", "source", "external_id", "conversation_id", "case_id", "direction", "author", "created_at",
    "received_at", "reply_to_id", "text", "language", "sentiment", "needs_response", "tags")
REPORT_COLUMNS: tuple[str, ...] = ("group", "target", "count", "value", "mean", "median", "p90", "met", "breached",
                                   "closed_without_response", "matching", "name")


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def plain_value(value: Any) -> Any:
    """A cell's value as JSON and CSV write it: instants in ISO 8601 UTC, enums by their value."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def csv_cell(value: Any) -> Any:
    """One CSV cell: nulls empty, lists joined by `;`, text that a spreadsheet would run as a formula quoted."""
    value = plain_value(value)
    if value is None:
        return ""
    if isinstance(value, list):
        value = ";".join(str(item) for item in value)
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def iter_rows(engine: Engine, table: type[SQLModel], *, when: Any, where: Sequence[ColumnElement[bool]],
              columns: Sequence[str], keep: Callable[[dict[str, Any]], bool] | None = None,
              chunk: int = CHUNK) -> Iterator[dict[str, Any]]:
    """`columns` of `table`'s rows matching `where`, ordered by `when` then id, read `chunk` rows at a time;
    `keep`: a further test in Python (a JSON column's content)."""
    ident = table.id  # type: ignore[attr-defined]
    selected = [getattr(table, name) for name in columns]
    after: tuple[Any, Any] | None = None
    while True:
        page = list(where)
        if after is not None:
            page.append(or_(when > after[0], and_(when == after[0], ident > after[1])))
        with session_scope(engine, write=False) as session:
            found = session.exec(select(when, ident, *selected).where(*page)  # type: ignore[call-overload]
                                 .order_by(when, ident).limit(chunk)).all()
        for row in found:
            values = dict(zip(columns, row[2:], strict=True))
            if keep is None or keep(values):
                yield values
        if len(found) < chunk:
            return
        after = (found[-1][0], found[-1][1])


def case_rows(engine: Engine, *, where: Sequence[ColumnElement[bool]], tag: str | None = None,
              chunk: int = CHUNK) -> Iterator[dict[str, Any]]:
    """Cases matching `where` (and carrying `tag`), by opened_at then id."""
    keep = None if tag is None else (lambda row: tag in (row["tags"] or []))
    return iter_rows(engine, Case, when=col(Case.opened_at), where=where, columns=CASE_COLUMNS, keep=keep,
                     chunk=chunk)


def mention_rows(engine: Engine, *, where: Sequence[ColumnElement[bool]],
                 chunk: int = CHUNK) -> Iterator[dict[str, Any]]:
    """Mentions matching `where`, by created_at then id."""
    return iter_rows(engine, Mention, when=col(Mention.created_at), where=where, columns=MENTION_COLUMNS,
                     chunk=chunk)
