"""Migrations build exactly the schema the SQLModel tables declare, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect
from sqlmodel import Session

from store import rollups
from store.analytics import CaseFilters
from store.db import make_engine
from store.db.migrate import migrate
from store.db.tables import metadata


def _insert(connection: Connection, table: str, row: dict) -> None:
    columns = ", ".join(f'"{k}"' for k in row)
    marks = ", ".join(["%s" if connection.dialect.name == "postgresql" else "?"] * len(row))
    connection.exec_driver_sql(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(row.values()))


def _case(row: dict, at: str) -> dict:
    """A case row with the columns every migration since 0007 requires, `row`'s over them."""
    return {"priority": "normal", "needs_response": True, "sentiment": 0.0, "author": "", "subject": "",
            "flow_version": "v", "mention_count": 1, "reply_count": 0, "updated_at": at, "transfers": 0,
            "escalation_level": 0, "drafts_pending": 0, "reopen_count": 0, "handle_seconds": 0.0,
            "sla_breached": False, **row}


def test_migrations_match_the_tables(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    migrate(engine)  # a second run is a no-op
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    assert diff == []
    assert set(metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_the_outbox_migration_gives_conversations_their_case_and_queues_undelivered_mentions(
        database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine, "0007")
    at = "2026-11-23 09:00:00+00:00"
    with engine.begin() as c:
        for table, row in [
            ("conversation", {"id": "t:1", "source": "t", "first_at": at, "last_at": at, "inbound_count": 2,
                              "outbound_count": 0, "actionable": True}),
            ("case", {"id": "run-old", "workflow_id": "case-t:1", "conversation_id": "t:1", "source": "t",
                      "status": "closed", "opened_at": "2026-11-20 09:00:00+00:00"}),
            ("case", {"id": "run-new", "workflow_id": "case-t:1", "conversation_id": "t:1", "source": "t",
                      "status": "open", "opened_at": at}),
            ("mention", {"id": "t:a", "dispatched": True}),
            ("mention", {"id": "t:b", "dispatched": False}),
        ]:
            if table == "case":
                row = _case(row, at)
            if table == "mention":
                row = {"source": "t", "external_id": row["id"][2:], "conversation_id": "t:1", "author": "@x",
                       "text": "hi", "created_at": at, "received_at": at, "direction": "inbound",
                       "author_verified": False, **row}
            _insert(c, table, row)
    migrate(engine)
    with engine.connect() as c:
        assert c.exec_driver_sql("SELECT case_id FROM conversation WHERE id = 't:1'").scalar() == "run-new"
        queued = c.exec_driver_sql("SELECT workflow_id, kind, mention_id FROM outbox").all()
    assert [tuple(r) for r in queued] == [("place:t:1", "place", "t:b")]  # the relay gives it its case
    engine.dispose()


def test_the_first_response_migration_measures_stored_conversations_from_the_customer(database_url: str) -> None:
    """Conversations stored before 0016 measured their first response from their first mention, our own
    announcement included: they are measured again from the first inbound mention needing a response."""
    engine = make_engine(database_url)
    migrate(engine, "0015")

    def at(minutes: int) -> str:
        return f"2026-11-23 09:{minutes:02d}:00+00:00"

    conversations = {  # id: its mentions (external id, minutes, direction, needs_response)
        "t:post": [("post", 0, "outbound", None), ("q", 10, "inbound", True), ("a", 15, "outbound", None)],
        "t:praise": [("p", 0, "inbound", False), ("thx", 2, "outbound", None), ("q2", 20, "inbound", True),
                     ("a2", 26, "outbound", None)],
        "t:thanked": [("p3", 0, "inbound", False), ("thx3", 3, "outbound", None)],
        "t:ours": [("o", 0, "outbound", None)],
    }
    with engine.begin() as c:
        for conversation_id, mentions in conversations.items():
            rows = [("conversation", {"id": conversation_id, "source": "t", "first_at": at(0), "last_at": at(0),
                                      "inbound_count": 1, "outbound_count": 1, "actionable": False,
                                      "first_response_at": at(15), "first_response_seconds": 900.0})]
            rows += [("mention", {"id": f"t:{external_id}", "source": "t", "external_id": external_id,
                                  "conversation_id": conversation_id, "author": "@x", "text": "hi",
                                  "created_at": at(minutes), "received_at": at(minutes), "direction": direction,
                                  "needs_response": needs, "author_verified": False, "dispatched": True})
                     for external_id, minutes, direction, needs in mentions]
            for table, row in rows:
                _insert(c, table, row)
    migrate(engine)
    with engine.connect() as c:
        got = {r[0]: (r[1], r[2]) for r in c.exec_driver_sql(
            "SELECT id, first_response_from IS NOT NULL, first_response_seconds FROM conversation")}
    got = {k: (bool(known), seconds) for k, (known, seconds) in got.items()}
    assert got == {"t:post": (True, 300.0), "t:praise": (True, 360.0), "t:thanked": (True, 180.0),
                   "t:ours": (False, None)}
    engine.dispose()


def test_the_sla_policy_migration_puts_each_cases_latest_policy_on_its_row_and_in_the_rollup(
        database_url: str) -> None:
    """Before 0025 a case's SLA policy was only in its timeline (sla_started, then sla_policy_changed on a change of
    priority): its latest is put on its row, and the case rollup counts it, so reports by policy read the rollup."""
    engine = make_engine(database_url)
    migrate(engine, "0024")
    at, closed = "2026-11-23 09:00:00+00:00", "2026-11-23 10:00:00+00:00"
    with engine.begin() as c:
        for case_id, events in {"c1": [("sla_started", {"policy": "office"})],
                                "c2": [("sla_started", {"policy": "office"}),
                                       ("sla_policy_changed", {"policy_from": "office", "policy_to": "allday"})],
                                "c3": []}.items():
            _insert(c, "case", _case({"id": case_id, "workflow_id": f"case-{case_id}", "conversation_id": case_id,
                                      "source": "t", "status": "closed", "opened_at": at, "closed_at": closed,
                                      "resolution_seconds": 3600.0}, at))
            for seq, (kind, detail) in enumerate([("opened", {}), *events]):
                _insert(c, "case_event", {"id": f"{case_id}:{seq}", "case_id": case_id, "seq": seq, "at": at,
                                          "kind": kind, "actor": "system", "detail": json.dumps(detail)})
    migrate(engine)
    with engine.connect() as c:
        assert dict(c.exec_driver_sql('SELECT id, sla_policy FROM "case"').all()) == {
            "c1": "office", "c2": "allday", "c3": None}
    with Session(engine) as session:
        rows = rollups.case_report(session=session, metric="closed", group_by="policy",
                                   since=datetime(2026, 11, 1, tzinfo=UTC), until=datetime(2026, 12, 1, tzinfo=UTC),
                                   zone=UTC, filters=CaseFilters())
    assert rows is not None and [(row.group, row.count) for row in rows] == [("allday", 1), ("office", 1), (None, 1)]
    engine.dispose()
