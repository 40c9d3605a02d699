"""A closed case exported as one signed file and verified offline, from another directory with no database:
the manifest, the signature, the replay of its history and its decisions (opening, assignment, approval
check) made again; one changed byte fails, and so does a decision changed by someone holding the key."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlmodel import Session, select

from store.audit import AuditEntry
from store.case_bundle import _manifest, check, seal
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
                 "ok: assignments: 1 made again by the routing engine", "ok: approvals: 1 reply checks made again",
                 "ok: replay:", "everything holds"):
        assert line in verified.stdout, verified.stdout

    key = _run("audit", "key", env=exporting, cwd=tmp_path).stdout.split("\t")[2]
    keyed = _run("replay", "verify", str(bundle), "--key", key, env=env, cwd=elsewhere)
    assert keyed.returncode == 0, keyed.stdout + keyed.stderr

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

    # Someone with the audit key gives the case to another agent and signs the bundle again: the signature
    # holds, but the routing engine, from the evidence the assignment recorded, picks the agent it did.
    document = json.loads(text)
    assigned = next(e for e in document["case_events"] if e["kind"] == "assigned")
    assert assigned["detail"]["evidence"]["strategy"] == "least_loaded"  # the demo's support queue
    assert row.assignee_id in assigned["detail"]["evidence"]["candidates"]
    assigned["detail"]["agent_id"] = "mallory"
    changed.write_text(json.dumps(seal(document, TEST_KEYS)))
    reassigned = _run("replay", "verify", str(changed), env=env, cwd=elsewhere)
    assert reassigned.returncode == 1, reassigned.stdout + reassigned.stderr
    assert "ok: signature" in reassigned.stdout and "ok: replay:" in reassigned.stdout, reassigned.stdout
    assert (f"FAILED: the assignment does not follow from its evidence: case event {assigned['seq']} (assigned to "
            f"mallory at ") in reassigned.stderr, reassigned.stderr
    assert "recorded 'mallory', the routing engine (least_loaded among " in reassigned.stderr
    assert f"decides {row.assignee_id!r}" in reassigned.stderr

    # A bundle from before assignments kept their candidates' loads: it cannot be re-decided, which is said,
    # and it still holds.
    document = json.loads(text)
    evidence = next(e for e in document["case_events"] if e["kind"] == "assigned")["detail"]["evidence"]
    del evidence["candidates"]
    report = check(seal(document, TEST_KEYS))
    assert report.holds, report.problems
    assert [w for w in report.warnings if "cannot re-decide: evidence lacks candidates" in w], report.warnings

    # The reply's approval check, recorded in the history with the rule's input, said "no approval"; a history
    # claiming it was held is refuted by the flow's rule.
    document = json.loads(text)
    for event in document["history"]["events"]:
        details = (event.get("markerRecordedEventAttributes") or {}).get("details") or {}
        if "check_reply" in base64.b64decode(details.get("data", {}).get("payloads", [{}])[0].get("data", "")).decode():
            payload = details["result"]["payloads"][0]
            result = json.loads(base64.b64decode(payload["data"]))
            assert result["needs_approval"] is False and result["evidence"]["input"]["reply"]["text"] == "Refunded"
            payload["data"] = base64.b64encode(json.dumps({**result, "needs_approval": True}).encode()).decode()
    report = check(seal(document, TEST_KEYS))
    assert any("the approval check does not follow from flow version" in p and "recorded needs approval, the rule "
               "gives no approval" in p for p in report.problems), report.problems
