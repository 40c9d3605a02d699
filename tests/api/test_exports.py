"""Exports stream every row (no cap), in a stable column order, audited, within the caller's teams, and with
formula-like text made harmless for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from sqlalchemy import insert
from sqlmodel import Session, select

from engine.models import CaseStatus, Direction, Priority
from store.accounts import User
from store.audit import AuditEntry
from store.cases import Case
from store.exports import CASE_COLUMNS, MENTION_COLUMNS, REPORT_COLUMNS, case_rows
from store.mentions import Mention
from tests.api.test_analytics import at
from tests.harness.cases import Stack, api_client, as_user, refused

SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the keyset on both: the first test
MANY = 2500  # more than two chunks of store.exports' 1000
TEAMS = ("support", "marketing")
PERIOD = {"since": "2025-12-01T00:00:00Z", "until": "2025-12-03T00:00:00Z"}


def _case(ident: str, **fields: object) -> dict:
    return Case(id=ident, workflow_id=f"case-{ident}", conversation_id=f"conv-{ident}", source="twitter",
                priority=Priority.normal, status=CaseStatus.open, flow_version="v1",
                updated_at=fields["opened_at"], **fields).model_dump()


@pytest.fixture
def many(stack: Stack) -> Stack:
    """MANY cases in the period, alternately support's and marketing's, opened a second apart in pairs (so
    the keyset's tie on opened_at is crossed), each with one inbound mention; one case outside the period."""
    cases: list[dict] = []
    mentions: list[dict] = []
    for n in range(MANY):
        opened = at(1, 0) + timedelta(seconds=n // 2)
        ident = f"x{n:05d}"
        cases.append(_case(ident, team_id=TEAMS[n % 2], tags=["bulk"] if n % 5 else [], opened_at=opened,
                           author="=cmd|' /C calc'!A0" if n == 7 else "@someone"))
        mentions.append(Mention(id=f"twitter:{ident}", source="twitter", external_id=ident,
                                conversation_id=f"conv-{ident}", author="@someone", text=f"hello {n}, sum=1+1",
                                created_at=opened, received_at=opened, direction=Direction.inbound).model_dump())
    cases.append(_case("outside", team_id="support", tags=[], opened_at=at(5, 0), author=""))
    with Session(stack.engine) as session:  # in bulk: thousands of ORM objects would take seconds
        session.execute(insert(Case), cases)
        session.execute(insert(Mention), mentions)
        session.commit()
    return stack


def _audited(stack: Stack, action: str) -> list[AuditEntry]:
    with Session(stack.engine) as session:
        return list(session.exec(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


async def test_every_row_is_exported_in_each_format_and_audited(many: Stack) -> None:
    async with api_client(many) as http:
        answer = await http.get("/api/exports/cases", params={**PERIOD, "format": "csv"})
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"].startswith("text/csv")
        assert "attachment" in answer.headers["content-disposition"]
        table = list(csv.reader(io.StringIO(answer.text)))
        assert table[0] == list(CASE_COLUMNS) and len(table) == MANY + 1
        ids = [row[0] for row in table[1:]]
        assert ids == sorted(ids) and len(set(ids)) == MANY  # by opened_at then id: each row once, in order
        by_id = {row[0]: dict(zip(table[0], row, strict=True)) for row in table[1:]}
        assert by_id["x00007"]["author"] == "'=cmd|' /C calc'!A0"  # a formula, made text
        assert by_id["x00002"]["author"] == "'@someone" and by_id["x00001"]["tags"] == "bulk"
        assert by_id["x00000"]["tags"] == "" and by_id["x00000"]["opened_at"] == "2025-12-01T00:00:00+00:00"

        lines = (await http.get("/api/exports/mentions", params={**PERIOD, "format": "jsonl"})).text.splitlines()
        assert len(lines) == MANY and list(json.loads(lines[0])) == list(MENTION_COLUMNS)
        assert json.loads(lines[-1])["text"] == f"hello {MANY - 1}, sum=1+1"  # JSON is not escaped: no formula
        array = (await http.get("/api/exports/cases", params={"format": "json", "tag": "bulk"})).json()
        assert len(array) == MANY - MANY // 5 and all(row["tags"] == ["bulk"] for row in array)
        everything = (await http.get("/api/exports/cases", params={"format": "json"})).json()
        assert len(everything) == MANY + 1 + 0  # no period: the case outside it too (the demo seeds none)

    entries = _audited(many, "export.cases")
    assert [(e.actor, e.detail["format"], e.detail["filters"]) for e in entries] == [
        ("admin", "csv", {}), ("admin", "json", {"tag": "bulk"}), ("admin", "json", {})]
    assert entries[0].detail["since"] == PERIOD["since"]
    assert [e.detail["format"] for e in _audited(many, "export.mentions")] == ["jsonl"]


@SQLITE
def test_the_reader_holds_one_chunk_at_a_time(many: Stack) -> None:
    rows = case_rows(many.engine, where=[], chunk=100)
    first = next(rows)  # one chunk read; the rest is not
    assert first["id"] == "x00000" and sum(1 for _ in rows) == MANY  # the others, and the one outside


@SQLITE
async def test_a_team_scoped_user_exports_only_their_teams(many: Stack) -> None:
    with Session(many.engine) as session:
        sofia = session.get(User, "sofia")
        assert sofia is not None
        sofia.teams = ["marketing"]
        session.add(sofia)
        session.commit()
    async with api_client(many, user=None) as http:
        headers = as_user(many.engine, "sofia")
        cases = (await http.get("/api/exports/cases", params={**PERIOD, "format": "json"}, headers=headers)).json()
        assert len(cases) == MANY // 2 and {row["team_id"] for row in cases} == {"marketing"}
        mentions = (await http.get("/api/exports/mentions", params={**PERIOD, "format": "json"},
                                   headers=headers)).json()
        assert len(mentions) == MANY // 2 and all(int(row["external_id"][1:]) % 2 == 1 for row in mentions)
        assert refused(await http.get("/api/exports/cases", params={"team_id": "support"}, headers=headers),
                       403, "team_id")
        # Agents export nothing.
        denied = await http.get("/api/exports/cases", headers=as_user(many.engine, "ada"))
        assert denied.status_code == 403 and "exports:read" in denied.json()["detail"]["message"]
    assert _audited(many, "export.cases")[0].detail["teams"] == ["marketing"]


@SQLITE
async def test_a_report_exports_its_result(many: Stack) -> None:
    async with api_client(many) as http:
        saved = (await http.post("/api/reports", json={
            "name": "By team", "kind": "cases", "metric": "opened", "group_by": "team", "period": "custom",
            **PERIOD})).json()
        text = (await http.get(f"/api/reports/{saved['id']}/export", params={"format": "csv"})).text
        table = list(csv.reader(io.StringIO(text)))
        assert table[0] == list(REPORT_COLUMNS)
        assert [(row[0], row[2]) for row in table[1:]] == [("marketing", "1250"), ("support", "1250")]
        rows = (await http.get(f"/api/reports/{saved['id']}/export", params={"format": "json"})).json()
        result = (await http.get(f"/api/reports/{saved['id']}/result")).json()["rows"]
        assert rows == [{name: row[name] for name in REPORT_COLUMNS} for row in result]
        assert refused(await http.get("/api/exports/cases", params={"format": "xml"}), 422, "format")
        assert refused(await http.get("/api/exports/cases", params={"since": PERIOD["until"],
                                                                    "until": PERIOD["since"]}), 422, "until")
    assert [e.target_id for e in _audited(many, "export.report")] == [saved["id"]] * 2
