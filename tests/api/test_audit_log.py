"""The audit log: chained, signed, append-only; every kind of tampering caught and located, on SQLite and
PostgreSQL; what the API and the CLI say about it."""

from __future__ import annotations

import inspect
import json
import re
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from api.app import create_app
from api.audit.coverage import CHANGING
from api.demo import DEMO_PASSWORD, default_flow
from api.settings import Settings
from cli.main import main as switchboard
from store.audit import AuditEntry, Change, append, purge_before, verify, write_checkpoint
from store.audit.log import entry_hash
from store.audit.purge import record_purge, remove_purged
from store.db import session_scope
from store.keys import KeyRing
from store.retention.policy import Retention
from store.retention.schedule import RetentionJob
from tests.harness.cases import TEST_KEYS, Stack, api_client, as_user, case_where, event_kinds, eventually

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _log(engine: Engine, count: int = 5, *, checkpoint_at: int | None = 5) -> None:
    """`count` entries, one transaction each, and a signed checkpoint after entry `checkpoint_at`."""
    for n in range(1, count + 1):
        with session_scope(engine) as session:
            append(session, [Change(actor="ada", via="session", action="case.claimed", target_type="case",
                                    target_id=f"c{n}", before={"status": "queued"}, after={"status": "assigned"},
                                    detail={"n": n, "note": "café ✓"})], now=T0 + timedelta(minutes=n))
            if n == checkpoint_at:
                write_checkpoint(session, TEST_KEYS, "interval", now=T0 + timedelta(minutes=n, seconds=1))


def _verdict(engine: Engine, keys: KeyRing | None = TEST_KEYS):  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return verify(session, keys)


def _tamper(engine: Engine, *statements: str | tuple[str, dict]) -> None:
    """Change the raw database as someone with its files or its owner's password could: the append-only
    triggers dropped (SQLite) or disabled (PostgreSQL) first."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER USER"))
            conn.execute(text("ALTER TABLE audit_checkpoint DISABLE TRIGGER USER"))
        else:
            for table in ("audit_entry", "audit_checkpoint"):
                for verb in ("update", "delete"):
                    conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_{verb}"))
        for statement in statements:
            sql, params = statement if isinstance(statement, tuple) else (statement, {})
            conn.execute(text(sql), params)


def _row(engine: Engine, entry_id: int) -> dict:
    with Session(engine) as session:
        entry = session.get(AuditEntry, entry_id)
        assert entry is not None
        return entry.model_dump()


def test_a_chain_of_entries_and_a_checkpoint_verify_intact(seeded_engine: Engine) -> None:
    _log(seeded_engine)
    verdict = _verdict(seeded_engine)
    assert verdict.intact and (verdict.first_seq, verdict.last_seq, verdict.head_seq) == (1, 5, 5)
    assert verdict.checkpoints == 1 and verdict.summary().startswith("intact: entries 1-5 (5)")
    entry = _row(seeded_engine, 3)
    assert entry["detail"] == {"n": 3, "note": "café ✓"} and entry["prev"] == _row(seeded_engine, 2)["hash"]
    assert _verdict(seeded_engine, keys=None).intact  # offline: each checkpoint's own public key


def test_the_database_refuses_to_update_or_delete_entries_and_checkpoints(seeded_engine: Engine) -> None:
    _log(seeded_engine, 2, checkpoint_at=2)
    for statement in ("UPDATE audit_entry SET actor = 'mallory' WHERE id = 1", "DELETE FROM audit_entry WHERE id = 2",
                      "UPDATE audit_checkpoint SET hash = 'x'", "DELETE FROM audit_checkpoint"):
        with pytest.raises(DBAPIError, match="append-only"), seeded_engine.begin() as conn:
            conn.execute(text(statement))
    assert _verdict(seeded_engine).intact


def _insert_after_3(engine: Engine) -> None:
    """A forged entry 4, chained properly onto entry 3, with the old 4 and 5 moved up one and the head moved."""
    forged = {**_row(engine, 3), "id": 4, "actor": "mallory", "prev": _row(engine, 3)["hash"]}
    forged["hash"] = entry_hash(forged)
    _tamper(engine, "UPDATE audit_entry SET id = id + 10 WHERE id > 3",
            "UPDATE audit_entry SET id = id - 9 WHERE id > 10",
            ("INSERT INTO audit_entry (id, at, actor, via, action, target_type, target_id, before, after, detail, "
             "prev, hash) SELECT 4, at, 'mallory', via, action, target_type, target_id, before, after, detail, :p, :h "
             "FROM audit_entry WHERE id = 3", {"p": forged["prev"], "h": forged["hash"]}),
            "UPDATE audit_head SET seq = 6")


def _rechain_from_3(engine: Engine) -> None:
    """Entry 3 edited, and every hash after it recomputed, head included: only the checkpoint knows."""
    _tamper(engine, "UPDATE audit_entry SET actor = 'mallory' WHERE id = 3")
    prev = _row(engine, 2)["hash"]
    for n in (3, 4, 5):
        row = {**_row(engine, n), "prev": prev}
        prev = entry_hash(row)
        _tamper(engine, ("UPDATE audit_entry SET prev = :p, hash = :h WHERE id = :id",
                         {"p": row["prev"], "h": prev, "id": n}))
    _tamper(engine, ("UPDATE audit_head SET hash = :h", {"h": prev}))


TAMPERING: dict[str, tuple[Callable[[Engine], None], int, str]] = {
    "edited": (lambda e: _tamper(e, "UPDATE audit_entry SET actor = 'mallory' WHERE id = 3"), 3, "was altered"),
    "deleted": (lambda e: _tamper(e, "DELETE FROM audit_entry WHERE id = 3"), 3, "entry 3 is missing"),
    "reordered": (lambda e: _tamper(e, "UPDATE audit_entry SET id = 100 WHERE id = 2",
                                    "UPDATE audit_entry SET id = 2 WHERE id = 3",
                                    "UPDATE audit_entry SET id = 3 WHERE id = 100"), 2, "does not follow entry 1"),
    "inserted": (_insert_after_3, 5, "does not follow entry 4"),
    "tail cut": (lambda e: _tamper(e, "DELETE FROM audit_entry WHERE id > 3"), 4, "head says 5"),
    "tail cut, head rewritten": (lambda e: _tamper(e, "DELETE FROM audit_entry WHERE id > 3",
                                                   "UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM "
                                                   "audit_entry WHERE id = 3)"), 4, "its tail was cut off"),
    "rechained": (_rechain_from_3, 5, "is not the entry checkpoint"),
    "checkpoint forged": (lambda e: _tamper(e, "UPDATE audit_checkpoint SET seq = 4"), 4, "signature does not hold"),
}


@pytest.mark.parametrize("kind", TAMPERING)
def test_each_tampering_is_caught_at_the_entry_where_it_is(seeded_engine: Engine, kind: str) -> None:
    _log(seeded_engine)
    assert _verdict(seeded_engine).intact
    change, where, why = TAMPERING[kind]
    change(seeded_engine)
    verdict = _verdict(seeded_engine)
    assert not verdict.intact and verdict.broken_at == where and why in (verdict.why or ""), verdict


def test_a_checkpoint_signed_with_another_key_is_refused(seeded_engine: Engine) -> None:
    _log(seeded_engine, 2, checkpoint_at=None)
    other = KeyRing(keys={"test-1": bytes(range(1, 33))}, primary="test-1")  # same id, another key
    with session_scope(seeded_engine) as session:
        write_checkpoint(session, other, "on demand")
    verdict = _verdict(seeded_engine)
    assert not verdict.intact and "is not the audit key of test-1" in (verdict.why or "")


def test_verify_since_starts_at_the_checkpoint_before(seeded_engine: Engine) -> None:
    _log(seeded_engine, 5, checkpoint_at=3)
    _tamper(seeded_engine, "UPDATE audit_entry SET actor = 'mallory' WHERE id = 2")  # before the checkpoint
    with Session(seeded_engine) as session:
        assert verify(session, TEST_KEYS, since=T0 + timedelta(minutes=10)).intact  # entries 4-5 from the pin
        whole = verify(session, TEST_KEYS)
    assert not whole.intact and whole.broken_at == 2


async def test_logins_and_failed_logins_are_recorded_and_auditors_verify_the_log(stack: Stack) -> None:
    async with api_client(stack, user=None) as http:
        ok = await http.post("/api/auth/login", json={"email": "sofia@example.com", "password": DEMO_PASSWORD})
        bad = await http.post("/api/auth/login", json={"email": "sofia@example.com", "password": "not hers"})
        assert ok.status_code == 200 and bad.status_code == 401
        auditor = as_user(stack.engine, "audrey")
        entries = (await http.get("/api/audit_entries", params={"sort": '["id","ASC"]'}, headers=auditor)).json()
        assert [(e["actor"], e["action"]) for e in entries][-2:] == [("sofia", "auth.login"),
                                                                     ("sofia", "auth.login_failed")]
        assert entries[-1]["detail"]["reason"] == "bad_credentials"
        made = await http.post("/api/audit/checkpoints", headers=auditor)
        assert made.status_code == 201, made.text
        verdict = (await http.get("/api/audit/verify", headers=auditor)).json()
        assert verdict["intact"] and verdict["checkpoints"] == 1 and verdict["head_id"] == made.json()["seq"]
        agent = as_user(stack.engine, "ada")
        refused = await http.get("/api/audit/verify", headers=agent)
        assert refused.status_code == 403 and "auditlog:read" in refused.json()["detail"]["message"]


def test_the_cli_verifies_signs_and_prints_the_key(seeded_engine: Engine, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DATABASE_URL", seeded_engine.url.render_as_string(False))
    monkeypatch.setenv("SWITCHBOARD_KEYS", TEST_KEYS.dumps())
    _log(seeded_engine, 3, checkpoint_at=None)

    def run(*argv: str) -> int:
        with pytest.raises(SystemExit) as done:
            switchboard(["audit", *argv])
        return int(done.value.code or 0)

    assert run("key") == 0 and "test-1\tEd25519\t" in capsys.readouterr().out
    assert run("checkpoint") == 0 and json.loads(capsys.readouterr().out)["seq"] == 4  # its own entry pinned too
    assert run("verify") == 0 and "intact: entries 1-4 (4), 1 signed checkpoints hold" in capsys.readouterr().out
    _tamper(seeded_engine, "UPDATE audit_entry SET target_id = 'c9' WHERE id = 2")
    assert run("verify") == 1 and "broken at entry 2" in capsys.readouterr().err
    assert run("verify", "--json") == 1 and json.loads(capsys.readouterr().out)["broken_at"] == 2
    with Session(seeded_engine) as session:
        assert [e.action for e in session.exec(select(AuditEntry).order_by(AuditEntry.id))][-1] == "audit.checkpoint"


async def test_a_cases_changes_are_recorded_once_by_whoever_made_them(stack: Stack) -> None:
    """Ingest, the worker's saves and the API append to one chain: the assignment by the system, the claim
    and the close by the agent, each once, and the log verifies intact."""
    async with api_client(stack) as http:
        posted = await http.post("/api/webhooks/twitter", json={
            "external_id": f"audit-{datetime.now(UTC).timestamp()}", "author": "@sam",
            "created_at": "2026-11-23T09:00:00Z", "text": "@acme I was charged twice, I need a refund"})
        assert posted.status_code == 201, posted.text
        case_id = posted.json()["case_id"]
        row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
        agent = as_user(stack.engine, row.assignee_id)
        assert (await http.post(f"/api/cases/{case_id}/claim", json={}, headers=agent)).status_code == 200
        assert (await http.post(f"/api/cases/{case_id}/close", json={}, headers=agent)).status_code == 200
        await eventually(lambda: "closed" in event_kinds(stack.engine, case_id), what="the close")

        def recorded() -> list[tuple[str, str]]:
            with Session(stack.engine) as session:
                return [(e.actor, e.action) for e in session.exec(
                    select(AuditEntry).where(AuditEntry.target_id == case_id).order_by(AuditEntry.id))]
        assert await eventually(lambda: len(recorded()) >= 3 and recorded(), what="the entries") == [
            ("system", "case.assigned"), (row.assignee_id, "case.claimed"), (row.assignee_id, "case.closed")]
        with Session(stack.engine) as session:
            entry = session.exec(select(AuditEntry).where(AuditEntry.target_id == case_id)).first()
            assert entry is not None and entry.detail["event"].startswith(f"{case_id}:")
        assert _verdict(stack.engine).intact


def test_every_route_that_changes_something_records_it_or_says_where() -> None:
    """Each POST, PUT, PATCH and DELETE calls api.audit.trail (itself or through a function of its module), or
    declares where its change is recorded; the tests' apps also refuse, at run time, a change left unrecorded."""
    def routes(within: list) -> Iterator[APIRoute]:  # type: ignore[type-arg]
        for route in within:
            if isinstance(route, APIRoute):
                yield route
            else:  # an included router (FastAPI keeps them as such) or a mount
                yield from routes(getattr(getattr(route, "original_router", route), "routes", []))

    checked = 0
    for route in routes(create_app(Settings(designer_dist=Path("/nonexistent"))).routes):
        if not route.methods & CHANGING:
            continue
        if (route.openapi_extra or {}).get("x-audit"):
            continue
        endpoint = route.endpoint
        module = sys.modules[endpoint.__module__]
        helpers = [value for name in endpoint.__code__.co_names
                   if inspect.isfunction(value := getattr(module, name, None)) and value.__module__ == module.__name__]
        sources = "".join(inspect.getsource(f) for f in (endpoint, *helpers))
        assert re.search(r"\brecord(_apart|_changes)?\(", sources), (
            f"{sorted(route.methods)} {route.path} changes something: record it (api.audit.trail.record) or "
            "declare where it is recorded (openapi_extra=recorded_elsewhere(...))")
        checked += 1
    assert checked >= 20


async def test_who_changed_accounts_tokens_sources_and_flows_is_recorded(stack: Stack) -> None:
    async with api_client(stack) as http:  # as admin
        created = await http.post("/api/users", json={"email": "olga@example.com", "role": "agent",
                                                      "teams": ["support"], "password": "a brand new passphrase 7"})
        assert created.status_code == 201, created.text
        user_id = created.json()["id"]
        assert (await http.patch(f"/api/users/{user_id}", json={"role": "supervisor"})).status_code == 200
        token = await http.post("/api/tokens", json={"name": "nightly import", "scopes": ["read:cases"]})
        assert token.status_code == 201, token.text
        assert (await http.delete(f"/api/tokens/{token.json()['id']}")).status_code == 200
        source = await http.post("/api/sources", json={"id": "audited", "kind": "webhook"})
        assert source.status_code == 201, source.text
        assert (await http.patch("/api/sources/audited", json={"enabled": False})).status_code == 200
        draft = await http.post("/api/flow_drafts", json={"name": "audited", "document": default_flow()})
        assert draft.status_code == 201, draft.text
        published = await http.post(f"/api/flow_drafts/{draft.json()['id']}/publish", json={"activate": True})
        assert published.status_code == 200, published.text

    with Session(stack.engine) as session:
        entries = {e.action: e for e in session.exec(select(AuditEntry).where(AuditEntry.actor == "admin"))}
    assert {"user.create", "user.change", "token.create", "token.revoke", "source.create", "source.change",
            "flow_draft.create", "flow.publish"} <= entries.keys()
    change = entries["user.change"]
    assert (change.before["role"], change.after["role"]) == ("agent", "supervisor") and change.via == "session"
    assert "password_hash" not in json.dumps(entries["user.create"].after)
    assert token.json()["token"] not in json.dumps([e.model_dump(mode="json") for e in entries.values()])
    assert source.json()["webhook_token"] not in json.dumps(entries["source.create"].model_dump(mode="json"))
    assert (entries["source.change"].before["enabled"], entries["source.change"].after["enabled"]) == (True, False)
    assert entries["flow.publish"].target_id == published.json()["id"]
    assert _verdict(stack.engine).intact


def test_the_operators_commands_are_recorded_as_the_operator(seeded_engine: Engine,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", seeded_engine.url.render_as_string(False))
    monkeypatch.setenv("SWITCHBOARD_KEYS", TEST_KEYS.dumps())
    for argv in (["users", "disable", "grace@example.com"], ["tokens", "create", "--user", "grace@example.com",
                                                             "--scope", "read:cases"]):
        with pytest.raises(SystemExit) as done:
            switchboard(argv)
        assert done.value.code == 0
    with Session(seeded_engine) as session:
        entries = session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [(e.actor, e.action, e.target_type) for e in entries[-2:]] == [("cli", "user.change", "user"),
                                                                          ("cli", "token.create", "token")]
    assert entries[-2].via.startswith("os-user:") and entries[-2].after["disabled"] is True
    assert _verdict(seeded_engine).intact


async def test_an_auditors_reads_of_customer_data_are_recorded(stack: Stack) -> None:
    async with api_client(stack, user=None) as http:
        auditor, agent = as_user(stack.engine, "audrey"), as_user(stack.engine, "ada")
        assert (await http.get("/api/customers", params={"filter": '{"q": "sam"}'}, headers=auditor)).status_code == 200
        assert (await http.get("/api/cases/no-such-case", headers=auditor)).status_code == 404  # asked is recorded
        assert (await http.get("/api/cases", headers=agent)).status_code == 200  # an agent's work is not an audit
        assert (await http.get("/api/flows", headers=auditor)).status_code == 200  # flows are no customer's data
    with Session(stack.engine) as session:
        reads = session.exec(select(AuditEntry).where(AuditEntry.action == "customer_data.read")
                             .order_by(AuditEntry.id)).all()
    assert [(e.actor, e.detail["path"]) for e in reads] == [("audrey", "/api/customers"),
                                                            ("audrey", "/api/cases/no-such-case")]
    assert "sam" in reads[0].detail["query"]


def test_a_purge_removes_old_entries_and_the_rest_still_verifies(seeded_engine: Engine) -> None:
    _log(seeded_engine, 5, checkpoint_at=None)
    with session_scope(seeded_engine) as session:
        purged = purge_before(session, TEST_KEYS, T0 + timedelta(minutes=3, seconds=30),
                              Change(actor="cli", via="os-user:ops", action="audit.purge"))
    assert purged is not None and (purged.through_seq, purged.entries) == (3, 3)
    with Session(seeded_engine) as session:
        left = session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [e.id for e in left] == [4, 5, 6] and left[-1].action == "audit.purge"
    assert left[-1].detail["through"] == 3 and left[-1].actor == "cli"
    verdict = _verdict(seeded_engine)
    assert verdict.intact and (verdict.first_seq, verdict.last_seq) == (4, 6), verdict
    with pytest.raises(DBAPIError, match="append-only"), seeded_engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE id = 4"))  # not covered by a purge
    with session_scope(seeded_engine) as session:  # nothing older is left: nothing happens
        assert purge_before(session, TEST_KEYS, T0, Change(actor="cli", action="audit.purge")) is None


def test_a_purge_made_up_to_delete_entries_is_caught(seeded_engine: Engine) -> None:
    _log(seeded_engine, 5)
    hash_4 = _row(seeded_engine, 4)["hash"]
    with seeded_engine.begin() as conn:  # needs no trigger dropped: a purge row is all the trigger asks for
        conn.execute(text("INSERT INTO audit_purge (through_seq, through_hash, before, at, entries, checkpoint_id) "
                          "VALUES (4, :h, :t, :t, 4, 1)"), {"h": hash_4, "t": T0})
        conn.execute(text("DELETE FROM audit_entry WHERE id <= 4"))
    verdict = _verdict(seeded_engine)
    assert not verdict.intact and verdict.broken_at == 4 and "without a signed checkpoint" in (verdict.why or "")


def test_retention_purges_what_is_older_than_its_days_in_batches(seeded_engine: Engine) -> None:
    _log(seeded_engine, 5, checkpoint_at=None)  # T0 + 1..5 minutes
    job = RetentionJob(seeded_engine, TEST_KEYS, Retention(audit=30))
    [done] = job.once(T0 + timedelta(days=30, minutes=4, seconds=30))
    assert done.counts == {"audit_entry": 4}
    with Session(seeded_engine) as session:
        purge = session.exec(select(AuditEntry).where(AuditEntry.action == "audit.purge")).one()
        assert [e.id for e in session.exec(select(AuditEntry).order_by(AuditEntry.id))] == [5, 6]
    assert (purge.actor, purge.detail["through"], purge.detail["retention_days"]) == ("system", 4, 30)
    assert _verdict(seeded_engine).intact


def test_entries_a_purge_covers_but_an_interrupted_removal_left_go_with_the_next(seeded_engine: Engine) -> None:
    _log(seeded_engine, 5, checkpoint_at=None)
    with session_scope(seeded_engine) as session:  # recorded, then cut short after the first batch of two
        record_purge(session, TEST_KEYS, T0 + timedelta(minutes=3, seconds=30), Change(actor="cli", action="x"))
        assert remove_purged(session, limit=2) == 2
    assert _verdict(seeded_engine).intact  # what is left below the purge is not read
    with session_scope(seeded_engine) as session:
        assert remove_purged(session) == 1
        assert [e.id for e in session.exec(select(AuditEntry).order_by(AuditEntry.id))] == [4, 5, 6]
