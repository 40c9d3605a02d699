"""react-admin's simple REST conventions: sort, range and filter as JSON query parameters, and the
total in a Content-Range header.

Each list route declares a `Listing`: its table, the fields it filters, searches and sorts by. The same
declaration checks a request's parameters and writes their JSON shapes into the OpenAPI document
(`openapi_parameters`), so what the document allows is what the route takes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Any, ClassVar, Literal

from fastapi import Query, Response
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, ValidationError, create_model
from sqlalchemy import JSON, ColumnElement, func, or_
from sqlmodel import Session, SQLModel, select

from api.errors import ApiError

MAX_PAGE = 1000
MAX_OFFSET = 1_000_000_000
# Bounds on a filter, so the longest one fits the request head the server reads (MAX_REQUEST_HEAD):
MAX_IDS = 100  # ids in one filter, as react-admin's getMany sends a page's references
MAX_VALUES = 20  # values of any other field
MAX_TEXT = 300  # characters in a value (mention ids are a source's id and a 200-character external id)
Row = Annotated[int, Field(ge=0, le=MAX_OFFSET)]
# Text without NUL, which PostgreSQL cannot hold.
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT, pattern=r"^[^\x00]*$")]


class ListParams:
    """One request's checked sort, range and filter, with the listing they belong to."""

    def __init__(self, listing: Listing, sort: tuple[str, str], range: tuple[int, int],  # noqa: A002
                 filter: dict[str, Any]) -> None:  # noqa: A002
        self.listing, self.sort, self.range, self.filter = listing, sort, range, filter


class Listing:
    """What one list route takes; used as its dependency (`Depends(listing)`) and by `list_rows`.

    - sort: `["field", "ASC" | "DESC"]`, over `sortable` (default: every column but JSON ones and
      secrets' digests, so nobody learns a secret's or a document's content from the order of rows);
    - range: `[first, last]`, inclusive; a page holds at most MAX_PAGE rows (a wider range gets the
      first MAX_PAGE, as Content-Range says) and a range that ends before it starts is empty;
    - filter: `{"field": value or [values], "q": "text"}` over `id`, `filterable` and, if any are
      `searchable`, `q` (case-insensitive substring of those columns); each value has its column's type.
    """

    declared: ClassVar[dict[str, Listing]] = {}  # by resource: the OpenAPI document's list routes

    def __init__(self, table: type[SQLModel], resource: str, *, filterable: Sequence[str] = (),
                 searchable: Sequence[str] = (), sortable: Sequence[str] | None = None,
                 extra: dict[str, tuple[Any, Any]] | None = None) -> None:
        """`extra`: filter fields that are no column (name: (type, Field)); the route applies them itself."""
        Listing.declared[resource] = self
        self.extra = dict(extra or {})
        self.table, self.resource, self.searchable = table, resource, tuple(searchable)
        columns = table.__table__.columns  # type: ignore[attr-defined]
        self.sortable = tuple(sortable) if sortable is not None else tuple(
            c.name for c in columns if not isinstance(c.type, JSON) and not c.name.endswith(("hash", "_history")))
        self.filterable = ("id", *(f for f in filterable if f != "id"))
        fields: dict[str, Any] = {}
        for name in self.filterable:
            kind = _text_for_str(table.model_fields[name].annotation)
            most = MAX_IDS if name == "id" else MAX_VALUES
            fields[name] = (kind | Annotated[list[kind], Field(max_length=most)] | None, None)  # type: ignore[valid-type]
        fields.update(self.extra)
        if self.searchable:
            fields["q"] = (Text | None, Field(None, description="text to find in " + ", ".join(self.searchable)))
        self._filter: type[BaseModel] = create_model(  # type: ignore[call-overload]
            f"{table.__name__}Filter", __config__=ConfigDict(extra="forbid", strict=True), **fields)
        self._sort = TypeAdapter(tuple[Literal[self.sortable], Literal["ASC", "DESC"]])  # type: ignore[valid-type]
        self._range = TypeAdapter(tuple[Row, Row])

    def __call__(
        self,
        sort: Annotated[str | None, Query(description='e.g. ["id","ASC"] (the default)')] = None,
        range: Annotated[str | None, Query(description="e.g. [0,24] (the default; inclusive)")] = None,  # noqa: A002
        filter: Annotated[str | None, Query(description='e.g. {"id":["a","b"]}')] = None,  # noqa: A002
    ) -> ListParams:
        return ListParams(self, sort=self._sort_of(sort), range=self._range_of(range), filter=self._filter_of(filter))

    def _sort_of(self, raw: str | None) -> tuple[str, str]:
        value = _json(raw, "sort")
        if value is None:
            return "id", "ASC"
        try:
            return self._sort.validate_json(raw, strict=True)  # type: ignore[arg-type]
        except ValidationError:
            if isinstance(value, list) and len(value) == 2 and value[1] in ("ASC", "DESC"):
                raise ApiError(400, code="bad_query", path="sort", message=(
                    f"{self.resource} cannot be sorted by {value[0]!r}; use one of: {', '.join(self.sortable)}"
                )) from None
            raise ApiError(400, code="bad_query", path="sort", message='sort is ["field", "ASC" or "DESC"]') from None

    def _range_of(self, raw: str | None) -> tuple[int, int]:
        value = _json(raw, "range")
        if value is None:
            return 0, 24
        try:
            return self._range.validate_json(raw, strict=True)  # type: ignore[arg-type]
        except ValidationError:
            raise ApiError(400, code="bad_query", path="range", message=(
                f"range is [first, last], two whole numbers from 0 to {MAX_OFFSET}")) from None

    def _filter_of(self, raw: str | None) -> dict[str, Any]:
        value = _json(raw, "filter")
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ApiError(400, code="bad_query", path="filter", message="filter must be a JSON object")
        for field in value:
            if field not in self._filter.model_fields:
                allowed = ", ".join(self._filter.model_fields)
                raise ApiError(400, code="bad_query", path=f"filter/{field}",
                               message=f"{self.resource} cannot be filtered by {field!r}; use one of: {allowed}")
        try:
            checked = self._filter.model_validate_json(raw, strict=True)  # type: ignore[arg-type]
        except ValidationError as exc:
            error = exc.errors()[0]
            field = str(error["loc"][0]) if error["loc"] else ""
            raise ApiError(400, code="bad_query", path=f"filter/{field}", message=(
                f"filter {field!r} takes a value of its column's type, or a list of them: {error['msg']}")) from None
        return {name: getattr(checked, name) for name in checked.model_fields_set}

    def openapi_parameters(self) -> list[dict[str, Any]]:
        """The sort, range and filter query parameters as JSON content, with this listing's shapes."""
        filter_schema = _inline_defs(self._filter.model_json_schema())
        filter_schema.pop("title", None)
        shapes = {
            "sort": ({"type": "array", "prefixItems": [{"enum": list(self.sortable)}, {"enum": ["ASC", "DESC"]}],
                      "minItems": 2, "maxItems": 2},
                     'which column and which way, e.g. ["id","ASC"] (the default)'),
            "range": ({"type": "array", "prefixItems": [{"type": "integer", "minimum": 0, "maximum": MAX_OFFSET}] * 2,
                       "minItems": 2, "maxItems": 2},
                      f"[first, last] rows, inclusive (default [0,24]); at most {MAX_PAGE} rows come back, as "
                      "Content-Range says; a range ending before it starts is empty"),
            "filter": (filter_schema, "each field's value, or a list of values any of which matches"
                       + ("; q: text to find" if self.searchable else "")),
        }
        return [{"name": name, "in": "query", "required": False, "description": description,
                 "content": {"application/json": {"schema": schema}}}
                for name, (schema, description) in shapes.items()]


def _text_for_str(annotation: Any) -> Any:
    """A column's type, with its `str` parts as Text (no NUL)."""
    if annotation is str:
        return Text
    args = getattr(annotation, "__args__", None)
    if args and str in args:
        rest = [a for a in args if a is not str]
        kind: Any = Text
        for other in rest:
            kind = kind | other
        return kind
    return annotation


def _inline_defs(schema: dict[str, Any]) -> dict[str, Any]:
    """A JSON schema with its local `$defs` references replaced by what they refer to."""
    defs = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return resolve(defs[ref.removeprefix("#/$defs/")])
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    return resolve(schema)


def _json(raw: str | None, name: str) -> Any:
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ApiError(400, code="bad_query", path=name, message=f"{name} is not valid JSON: {exc.msg}") from exc


def list_rows(session: Session, response: Response, params: ListParams,
              *, where: Sequence[ColumnElement[bool]] | None = None) -> list[Any]:
    """Rows of the listing's table for one react-admin list page, setting Content-Range; `where` narrows
    them first."""
    listing = params.listing
    columns = listing.table.__table__.columns  # type: ignore[attr-defined]
    conditions: list[ColumnElement[bool]] = list(where or ())
    for field, value in params.filter.items():
        if field in listing.extra:
            continue  # the route's to apply
        if field == "q":
            if value is not None:
                pattern = f"%{value.lower()}%"
                conditions.append(or_(*(func.lower(columns[c]).like(pattern) for c in listing.searchable)))
        else:
            column = columns[field]
            conditions.append(column.in_(value) if isinstance(value, list) else column == value)
    field, direction = params.sort
    order = columns[field].desc() if direction == "DESC" else columns[field].asc()
    total = session.exec(select(func.count()).select_from(listing.table).where(*conditions)).one()
    first, last = params.range
    size = max(0, min(last - first + 1, MAX_PAGE))
    rows = session.exec(select(listing.table).where(*conditions).order_by(order, columns["id"])
                        .offset(first).limit(size)).all() if size else []
    end = first + len(rows) - 1 if rows else first
    response.headers["Content-Range"] = f"{listing.resource} {first}-{end}/{total}"
    response.headers["Access-Control-Expose-Headers"] = "Content-Range"
    return list(rows)


def get_or_404(session: Session, table: type[SQLModel], ident: str, *, resource: str) -> Any:
    """One row by primary key, or a 404 that names the resource and the id."""
    row = session.get(table, ident)
    if row is None:
        raise ApiError(404, code="not_found", message=f"no {resource} with id {ident!r}", path="id")
    return row
