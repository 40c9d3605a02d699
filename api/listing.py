"""react-admin's simple REST conventions: sort, range and filter as JSON query
parameters, and the total in a Content-Range header."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import Query, Response
from sqlalchemy import JSON, ColumnElement, func, or_
from sqlmodel import Session, SQLModel, select

from api.errors import ApiError

MAX_PAGE = 1000


class ListParams:
    """Parsed sort/range/filter; bad JSON or unknown fields answer 400 naming the parameter."""

    def __init__(
        self,
        sort: Annotated[str | None, Query(description='e.g. ["opened_at","DESC"]')] = None,
        range: Annotated[str | None, Query(description="e.g. [0,24] (inclusive)")] = None,  # noqa: A002
        filter: Annotated[str | None, Query(description='e.g. {"status":"open","q":"refund"}')] = None,  # noqa: A002
    ) -> None:
        self.sort = _parse(sort, "sort", list) or ["id", "ASC"]
        self.range = _parse(range, "range", list) or [0, 24]
        self.filter = _parse(filter, "filter", dict) or {}
        if len(self.sort) != 2 or str(self.sort[1]).upper() not in ("ASC", "DESC"):
            raise ApiError(400, code="bad_query", path="sort",
                           message='sort is ["field", "ASC" or "DESC"]')
        if len(self.range) != 2 or not all(isinstance(n, int) and n >= 0 for n in self.range) \
                or self.range[1] < self.range[0]:
            raise ApiError(400, code="bad_query", path="range",
                           message="range is [first, last], two whole numbers with first <= last")
        if self.range[1] - self.range[0] >= MAX_PAGE:
            raise ApiError(400, code="bad_query", path="range", message=f"a page holds at most {MAX_PAGE} rows")


def _parse(raw: str | None, name: str, kind: type) -> Any:
    if raw is None or raw == "":
        return None
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ApiError(400, code="bad_query", path=name, message=f"{name} is not valid JSON: {exc.msg}") from exc
    if not isinstance(value, kind):
        raise ApiError(400, code="bad_query", path=name, message=f"{name} must be a JSON {kind.__name__}")
    return value


def list_rows(
    session: Session,
    response: Response,
    params: ListParams,
    *,
    table: type[SQLModel],
    resource: str,
    filterable: Sequence[str],
    searchable: Sequence[str] = (),
    where: Sequence[ColumnElement[bool]] | None = None,
    sortable: Sequence[str] | None = None,
) -> list[Any]:
    """Rows of `table` for one react-admin list page, setting Content-Range; `where` narrows them first.

    Sorting is by `sortable` columns (default: every column but JSON ones and secrets' digests), so
    nobody learns a secret's or a document's content from the order of rows.
    """
    columns = table.__table__.columns  # type: ignore[attr-defined]
    orderable = set(sortable) if sortable is not None else {
        c.name for c in columns if not isinstance(c.type, JSON) and not c.name.endswith(("hash", "_history"))}
    conditions: list[ColumnElement[bool]] = list(where or ())
    for field, value in params.filter.items():
        if field == "q" and searchable:
            pattern = f"%{str(value).lower()}%"
            conditions.append(or_(*(func.lower(columns[c]).like(pattern) for c in searchable)))
        elif field in filterable or field == "id":
            column = columns[field]
            conditions.append(column.in_(value) if isinstance(value, list) else column == value)
        else:
            allowed = ", ".join(["id", *filterable, *(["q"] if searchable else [])])
            raise ApiError(400, code="bad_query", path=f"filter/{field}",
                           message=f"{resource} cannot be filtered by {field!r}; use one of: {allowed}")
    field, direction = params.sort[0], str(params.sort[1]).upper()
    if field not in orderable:
        raise ApiError(400, code="bad_query", path="sort",
                       message=f"{resource} cannot be sorted by {field!r}; use one of: {', '.join(sorted(orderable))}")
    order = columns[field].desc() if direction == "DESC" else columns[field].asc()
    total = session.exec(select(func.count()).select_from(table).where(*conditions)).one()
    first, last = params.range
    rows = session.exec(select(table).where(*conditions).order_by(order, columns["id"])
                        .offset(first).limit(last - first + 1)).all()
    end = first + len(rows) - 1 if rows else first
    response.headers["Content-Range"] = f"{resource} {first}-{end}/{total}"
    response.headers["Access-Control-Expose-Headers"] = "Content-Range"
    return list(rows)


def get_or_404(session: Session, table: type[SQLModel], ident: str, *, resource: str) -> Any:
    """One row by primary key, or a 404 that names the resource and the id."""
    row = session.get(table, ident)
    if row is None:
        raise ApiError(404, code="not_found", message=f"no {resource} with id {ident!r}", path="id")
    return row
