"""`switchboard import FILE`: backfill or replay mentions from a CSV or JSONL export, through the API.

Each row is mapped to a mention (column mapping from flags or a JSON file; JSONL columns may be dotted
paths such as `user.screen_name`), checked here so a bad row is reported with its line number and
skipped, and sent in batches to `POST /api/sources/{source}/imports`, which dedupes, threads, tags and
triages them. Importing the same file twice stores nothing twice: every mention is keyed by
(source, id), so an interrupted import is finished by running it again.

Direction: --map direction=COLUMN for inbound/outbound (or in/out) values; a true/false column (true/false,
1/0, yes/no, y/n, t/f) with --map inbound=COLUMN (true: the customer's message) or --map outbound=COLUMN
(true: our reply). --map direction=COLUMN also reads true/false when the column's name says which way
(`inbound`, `is_inbound`, `outbound`...). Ids that a spreadsheet or dataframe tool wrote as floats (3.0,
1.234e5) are read as the integers they were, so replies find their parents; 00123 and abc stay as written.

A support export like Kaggle's "Customer Support on Twitter" (twcs.csv):

  switchboard import twcs.csv --source twitter --map external_id=tweet_id --map author=author_id \\
      --map direction=inbound --map reply_to_id=in_response_to_tweet_id --replay
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx
from tqdm import tqdm

from store.mapping import FIELDS, RowError, check_mapping, map_row

RETRIES = 6


@dataclass
class Summary:
    rows: int = 0
    stored: int = 0
    duplicates: int = 0
    actionable: int = 0
    cases: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (line, why)
    columns: list[str] | None = None  # the file's columns, as its first readable row has them


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "import", help="import mentions from a CSV or JSONL file (backfill, or --replay history)",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", type=Path, help="the CSV or JSONL file ('-' reads standard input)")
    parser.add_argument("--format", choices=("csv", "jsonl"), help="default: from the file's extension")
    parser.add_argument("--source", required=True, help="the connector instance the mentions belong to, e.g. twitter")
    parser.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                        help=f"take FIELD from COLUMN (repeatable); fields: {', '.join(FIELDS)}. Direction: "
                             "direction=COLUMN (inbound/outbound), or a true/false column as inbound=COLUMN (true: "
                             "the customer's) or outbound=COLUMN (true: ours); direction=inbound reads a true/false "
                             "column named inbound")
    parser.add_argument("--mapping", type=Path, help="a JSON file of {field: column}; --map flags win over it")
    parser.add_argument("--brand-author", action="append", default=[], metavar="HANDLE",
                        help="rows by this author are our own outbound replies (repeatable)")
    parser.add_argument("--timezone", help="timezone of timestamps that have none, e.g. Europe/London")
    parser.add_argument("--replay", action="store_true",
                        help="backfill history with its original timestamps: store, thread and measure, start no cases")
    parser.add_argument("--api", default="http://127.0.0.1:8000", help="the Switchboard API (default: %(default)s)")
    parser.add_argument("--token", default=os.environ.get("SWITCHBOARD_TOKEN"),
                        help="an API token with the scope import:SOURCE (default: $SWITCHBOARD_TOKEN); make one with "
                             "`switchboard tokens create --user EMAIL --scope import:SOURCE`")
    parser.add_argument("--batch-size", type=int, default=500, help="mentions per request (at most 1000)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    """Import the file; 0 when every row was imported or already there, 1 when rows were rejected, 2 on error."""
    try:
        mapping = _mapping(args)
        default_tz = ZoneInfo(args.timezone) if args.timezone else None
        fmt = args.format or _format_of(args.file)
    except (ValueError, OSError, ZoneInfoNotFoundError) as exc:
        print(f"switchboard import: {exc}", file=sys.stderr)
        return 2
    if not args.token:
        print(f"switchboard import: the API takes imports only with a token: give --token (or set SWITCHBOARD_TOKEN) "
              f"with the scope import:{args.source}; an admin makes one with `switchboard tokens create --user EMAIL "
              f"--scope import:{args.source}`", file=sys.stderr)
        return 2
    if not 1 <= args.batch_size <= 1000:
        print("switchboard import: --batch-size is from 1 to 1000", file=sys.stderr)
        return 2
    brands = {b.lower() for b in args.brand_author}
    summary = Summary()
    try:
        with _open(args.file) as stream, httpx.Client(
                base_url=args.api, timeout=120, headers={"Authorization": f"Bearer {args.token}"}) as http:
            size = _size(args.file)
            bar = tqdm(total=size, unit="B", unit_scale=True, desc=f"importing {args.file.name}", file=sys.stderr,
                       disable=args.quiet, dynamic_ncols=True)
            batch: list[tuple[int, dict[str, Any]]] = []
            for line, row, consumed in _rows(stream, fmt):
                summary.rows += 1
                bar.update(consumed)
                if summary.columns is None and isinstance(row, dict):
                    summary.columns = _columns(row)
                try:
                    batch.append((line, map_row(row, mapping, brands, default_tz)))
                except RowError as exc:
                    summary.rejected.append((line, str(exc)))
                if len(batch) >= args.batch_size:
                    _send(http, args, batch, summary)
                    batch = []
                    bar.set_postfix(stored=summary.stored, duplicates=summary.duplicates,
                                    rejected=len(summary.rejected), refresh=False)
            if batch:
                _send(http, args, batch, summary)
            bar.set_postfix(stored=summary.stored, duplicates=summary.duplicates, rejected=len(summary.rejected))
            bar.close()
    except ImportFailed as exc:
        _report(summary, args, sys.stdout)
        print(f"switchboard import: stopped: {exc}. Every mention sent before is stored; run the same command "
              "again to finish (mentions already stored are skipped as duplicates).", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"switchboard import: {exc}", file=sys.stderr)
        return 2
    _report(summary, args, sys.stdout)
    return 1 if summary.rejected else 0


class ImportFailed(RuntimeError):
    pass


def _mapping(args: argparse.Namespace) -> dict[str, str]:
    mapping: dict[str, str] = {}
    if args.mapping:
        loaded = json.loads(args.mapping.read_text())
        if not isinstance(loaded, dict) or not all(isinstance(v, str) for v in loaded.values()):
            raise ValueError(f"{args.mapping}: a mapping file is a JSON object of field name to column name")
        mapping.update(loaded)
    for item in args.map:
        name, sep, column = item.partition("=")
        if not sep or not column:
            raise ValueError(f"--map {item!r}: write FIELD=COLUMN, e.g. --map author=user.screen_name")
        mapping[name.strip()] = column.strip()
    check_mapping(mapping)
    return mapping


def _columns(row: dict[str, Any], prefix: str = "") -> list[str]:
    """A row's columns; a JSON object's nested values by their dotted paths (what --map takes)."""
    names: list[str] = []
    for key, value in row.items():
        if isinstance(value, dict) and value:
            names.extend(_columns(value, f"{prefix}{key}."))
        else:
            names.append(f"{prefix}{key}")
    return names


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".jsonl", ".ndjson"):
        return "csv" if suffix == ".csv" else "jsonl"
    raise ValueError(f"cannot tell the format of {path}: pass --format csv or --format jsonl")


def _open(path: Path) -> TextIO:
    if str(path) == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def _size(path: Path) -> int | None:
    return None if str(path) == "-" else path.stat().st_size


def _rows(stream: TextIO, fmt: str) -> Iterator[tuple[int, dict[str, Any] | str, int]]:
    """(line number where the row starts, the row or why it is unreadable, bytes consumed) for each row."""
    if fmt == "jsonl":
        for number, text in enumerate(stream, start=1):
            consumed = len(text.encode())
            if not text.strip():
                continue
            try:
                row = json.loads(text)
            except json.JSONDecodeError as exc:
                yield number, f"not JSON: {exc.msg} at column {exc.colno}", consumed
                continue
            yield number, row if isinstance(row, dict) else "a JSONL line is one JSON object", consumed
        return
    lines = _counting(stream)
    reader = csv.DictReader(lines.iterate())
    start = 2
    try:
        for row in reader:
            consumed, lines.consumed = lines.consumed, 0
            if None in row:
                yield start, f"{len(row[None])} more values than the header's {len(reader.fieldnames or [])} columns", \
                    consumed
            elif any(v is None for v in row.values()):
                yield start, f"fewer values than the header's {len(reader.fieldnames or [])} columns", consumed
            else:
                yield start, row, consumed
            start = reader.line_num + 1
    except csv.Error as exc:
        yield reader.line_num, f"unreadable CSV ({exc}); the rest of the file is skipped", lines.consumed


class _counting:
    """Lines of a text stream, counting the bytes read (for the progress bar)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream, self.consumed = stream, 0

    def iterate(self) -> Iterator[str]:
        for line in self.stream:
            self.consumed += len(line.encode())
            yield line


def _send(http: httpx.Client, args: argparse.Namespace, batch: list[tuple[int, dict[str, Any]]],
          summary: Summary) -> None:
    body = {"mentions": [m for _, m in batch], "replay": args.replay}
    for attempt in range(RETRIES):
        try:
            answer = http.post(f"/api/sources/{args.source}/imports", json=body)
        except httpx.TransportError as exc:
            why = f"the API at {args.api} did not answer ({type(exc).__name__})"
        else:
            if answer.status_code == 200:
                break
            detail = _detail(answer)
            if answer.status_code != 503:
                raise ImportFailed(f"the API refused the batch starting at line {batch[0][0]}: {detail}")
            why = detail
        if attempt == RETRIES - 1:
            raise ImportFailed(f"{why}, {RETRIES} times, at the batch starting at line {batch[0][0]}")
        time.sleep(min(2 ** attempt, 10))
    report = answer.json()
    summary.stored += report["stored"]
    summary.duplicates += report["duplicates"]
    summary.actionable += report["actionable"]
    summary.cases += report["cases"]
    seen: set[int] = set()
    for item in report["rejected"]:
        if item["index"] not in seen:
            seen.add(item["index"])
            summary.rejected.append((batch[item["index"]][0], f"{item['path']}: {item['message']}"))


def _detail(answer: httpx.Response) -> str:
    try:
        body = answer.json()
        return str(body.get("detail", {}).get("message") or body)
    except ValueError:
        return f"HTTP {answer.status_code}"


def _report(summary: Summary, args: argparse.Namespace, out: TextIO) -> None:
    out.write(f"{summary.rows:,} rows: {summary.stored:,} mentions imported, {summary.duplicates:,} duplicates "
              f"skipped, {len(summary.rejected):,} rejected\n")
    if args.replay:
        out.write(f"replay: {summary.actionable:,} needed a response; no cases started\n")
    else:
        out.write(f"{summary.actionable:,} need a response; {summary.cases:,} mentions given their cases\n")
    if not summary.rejected:
        return
    groups: dict[str, list[tuple[int, str]]] = {}
    for line, why in sorted(summary.rejected):
        groups.setdefault(_reason(why), []).append((line, why))
    every = len(summary.rejected) == summary.rows
    if every and len(groups) == 1:
        line, why = min(summary.rejected)
        out.write(f"  every row was rejected for the same reason, e.g. line {line}: {why}\n")
    else:
        shown = covered = 0
        for rows in sorted(groups.values(), key=lambda rows: rows[0][0]):
            if shown >= MAX_LINES:
                break
            if len(rows) >= SAME_REASON:  # one line for a reason many rows share, not one line per row
                lines = ", ".join(str(line) for line, _ in rows[:5]) + (", ..." if len(rows) > 5 else "")
                out.write(f"  {len(rows):,} rows (lines {lines}): {rows[0][1]}\n")
                shown, covered = shown + 1, covered + len(rows)
                continue
            for line, why in rows[:MAX_LINES - shown]:
                out.write(f"  line {line}: {why}\n")
                shown, covered = shown + 1, covered + 1
        if covered < len(summary.rejected):
            out.write(f"  ... and {len(summary.rejected) - covered:,} more\n")
    if every and summary.columns is not None:
        out.write(f"  the file's columns: {', '.join(summary.columns)}\n"
                  f"  name the columns of our fields with --map FIELD=COLUMN (fields: {', '.join(FIELDS)})\n")


MAX_LINES = 50  # lines of rejections the summary shows
SAME_REASON = 5  # rows rejected for one reason that the summary shows as one line


def _reason(why: str) -> str:
    """A rejection's reason without the values it quotes: rows that differ only in their values share it."""
    return _QUOTED.sub("...", why)


_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
