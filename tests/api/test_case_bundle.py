"""A closed case exported as one signed file and verified offline, from another directory with no database:
the manifest, the signature, the replay of its history and its opening decision; one changed byte fails."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlmodel import Session, select

from store.audit import AuditEntry
from store.case_bundle import _manifest, check
from tests.harness.cases import TEST_KEYS, Stack, api_client, as_user, case_where, eventually

SWITCHBOARD = str(Path(sys.executable).parent / "switchboard")


def _run(*argv: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([SWITCHBOARD, *argv], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


# SQLite only: the bundle is the same file whichever database the case came from, and the test runs the
# command line eight times (a PostgreSQL run would add most of a minute to `make test`; the audit entries
# and the case rows it reads are tested on both databases in test_audit_log.py).
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_case_is_exported_and_verified_offline_and_a_changed_byte_is_caught(stack: Stack,
                                                                                 tmp_path: Path) -> None:
    async with api_client(stack) as http:
        posted = await http.post("/api/webhooks/twitter", json={
            "external_id": f"bundle-{uuid.uuid4().hex[:8]}", "author": "@sam", "created_at": "2026-11-23T09:00:00Z",
            "text": "@acme I was charged twice, I need a refund"})
        assert posted.status_code == 201, posted.text
        case_id = posted.json()["case_id"]
        row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
        agent = as_user(stack.engine, row.assignee_id)
        assert (await http.post(f"/api/cases/{case_id}/claim", json={}, headers=agent)).status_code == 200
        replied = await http.post(f"/api/cases/{case_id}/replies", json={"text": "Refunded", "close": True},
                                  headers=agent)
        assert replied.status_code == 200, replied.text
        await eventually(lambda: case_where(stack.engine, case_id, status="closed"), what="the close")
        # Auditors (and admins) export through the API too; an agent may not.
        exported_by_api = await http.get(f"/api/cases/{case_id}/bundle", headers=as_user(stack.engine, "audrey"))
        assert exported_by_api.status_code == 200, exported_by_api.text
        assert check(exported_by_api.json()).holds and exported_by_api.json()["exported_by"] == "audrey"
        assert (await http.get(f"/api/cases/{case_id}/bundle", headers=agent)).status_code == 403

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SWITCHBOARD_", "DATABASE_URL"))}
    exporting = {**env, "DATABASE_URL": stack.engine.url.render_as_string(False),
                 "SWITCHBOARD_KEYS": TEST_KEYS.dumps(),
                 "SWITCHBOARD_TEMPORAL_ADDRESS": stack.client.service_client.config.target_host}
    bundle = tmp_path / "case.json"
    exported = _run("replay", "export", case_id, "-o", str(bundle), env=exporting, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    with Session(stack.engine) as session:  # the export is itself audited
        assert [e.actor for e in session.exec(select(AuditEntry).where(
            AuditEntry.action == "case.export", AuditEntry.target_id == case_id).order_by(AuditEntry.id))] == [
            "audrey", "cli"]

    # Every case closed since a date, from Temporal and the database, on two processes.
    many = _run("replay", "verify", "--closed-since", "2020-01-01", "--processes", "2", env=exporting, cwd=tmp_path)
    assert many.returncode == 0, many.stdout + many.stderr
    assert "1 cases closed since 2020-01-01T00:00:00+00:00: 1 hold, 0 do not" in many.stdout, many.stdout
    assert "1/1 verified" in many.stderr

    elsewhere = tmp_path / "elsewhere"  # no database, no key ring, no Temporal: the file alone
    elsewhere.mkdir()
    verified = _run("replay", "verify", str(bundle), env=env, cwd=elsewhere)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    for line in ("ok: manifest", "ok: signature", "ok: decisions: triage, team and SLA policy follow",
                 "ok: replay:", "everything holds"):
        assert line in verified.stdout, verified.stdout

    key = _run("audit", "key", env=exporting, cwd=tmp_path).stdout.split("\t")[2]
    assert _run("replay", "verify", str(bundle), "--key", key, env=env, cwd=elsewhere).returncode == 0

    text = bundle.read_text()
    changed = tmp_path / "changed.json"
    assert '"kind": "mention_added"' in text
    changed.write_text(text.replace('"kind": "mention_added"', '"kind": "mention_addeD"', 1))  # one byte
    failed = _run("replay", "verify", str(changed), env=env, cwd=elsewhere)
    assert failed.returncode == 1 and "differ from its manifest" in failed.stderr, failed.stderr

    document = json.loads(text)  # a forger who recomputes the manifest cannot sign it
    document["case"]["priority"] = "low"
    document["manifest"] = _manifest(document)
    changed.write_text(json.dumps(document))
    forged = _run("replay", "verify", str(changed), env=env, cwd=elsewhere)
    assert forged.returncode == 1 and "signature does not hold" in forged.stderr, forged.stderr

    # A decision that does not follow from the flow version it names is reported as such (here the bundled
    # flow is changed to choose another SLA policy; the signature fails too, and each is said).
    document = json.loads(text)
    version = next(iter(document["flows"]))
    sla = next(n for n in document["flows"][version]["nodes"] if n["type"] == "sla")
    sla["content"]["policies"].append({"id": "relaxed", "first_response_seconds": 86400})
    sla["content"]["select"] = {"mode": "first_match", "rules": [], "default": "relaxed"}
    report = check(document)
    assert any("SLA policy: recorded" in p and "'relaxed'" in p for p in report.problems), report.problems
