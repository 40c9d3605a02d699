"""`switchboard up` (what `make run` calls) from a user's point of view."""

from __future__ import annotations

import asyncio
import ipaddress
import os
import signal
import ssl
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from temporalio.api.enums.v1 import EventType
from temporalio.client import Client, WorkflowExecutionStatus
from temporalio.contrib.pydantic import pydantic_data_converter

from api.demo import DEMO_PASSWORD
from cli.up import task_queue_pollers
from tests.harness.cases import workflow_handle
from tests.harness.stack import (
    SWITCHBOARD,
    UpProcess,
    add_user,
    alive,
    command_of,
    descendants,
    start_up,
    temporal_server_pids,
)

pytestmark = pytest.mark.slow
T = TypeVar("T")

MENTION = {"author": "@sam", "created_at": "2026-11-23T10:00:00Z",
           "text": "I was charged twice for my order, I need a refund"}


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("up") / "data")
    yield stack
    stack.stop()


def wait_for(http: httpx.Client, url: str, **expected: object) -> dict:
    deadline = time.monotonic() + 15
    while True:
        body = http.get(url).json()
        if all(body.get(k) == v for k, v in expected.items()):
            return body
        assert time.monotonic() < deadline, f"{url} never had {expected}: {body}"
        time.sleep(0.02)


def test_it_serves_the_designer_the_api_and_the_temporal_ui(up: UpProcess) -> None:
    assert f"designer:    {up.base_url}/" in up.output()
    page = httpx.get(up.base_url + "/")
    assert page.status_code == 200 and "<title>Switchboard</title>" in page.text
    asset = page.text.split('src="', 1)[1].split('"', 1)[0]
    assert httpx.get(up.base_url + asset).status_code == 200
    health = httpx.get(up.base_url + "/api/health").json()
    assert health["status"] == "ok" and health["outbox"]["failing"] == 0
    assert httpx.get(up.temporal_ui).status_code == 200


def test_the_banner_names_the_demo_accounts_and_nothing_answers_anonymously(up: UpProcess) -> None:
    banner = up.output()
    assert f"password: {DEMO_PASSWORD}" in banner
    for email, role in (("admin@example.com", "admin"), ("olivia@example.com", "ops_lead"),
                        ("sofia@example.com", "supervisor"), ("ada@example.com", "agent"),
                        ("audrey@example.com", "auditor")):
        assert any(email in line and role in line for line in banner.splitlines()), (email, banner)
    assert "No users yet" not in banner
    for path in ("/api/cases", "/api/mentions", "/api/customers", "/api/flows", "/api/sources", "/api/users"):
        refused = httpx.get(up.base_url + path)
        assert refused.status_code == 401, (path, refused.text)
        assert refused.json()["detail"]["code"] == "not_authenticated"
        assert refused.headers["www-authenticate"] == "Bearer"
    wrong = httpx.post(up.base_url + "/api/auth/login", json={"email": "ada@example.com", "password": "nope"})
    assert wrong.status_code == 401 and wrong.json()["detail"]["code"] == "bad_credentials"
    unsigned = httpx.post(up.base_url + "/api/webhooks/twitter", json={**MENTION, "external_id": "anon-1"})
    assert unsigned.status_code == 401 and unsigned.json()["detail"]["code"] == "token_missing"


def test_a_login_sets_an_http_only_cookie_and_logout_ends_it(up: UpProcess) -> None:
    with httpx.Client(base_url=up.base_url) as http:
        answer = http.post("/api/auth/login", json={"email": "Ada@Example.com", "password": DEMO_PASSWORD})
        assert answer.status_code == 200, answer.text
        cookie = answer.headers["set-cookie"]
        assert "switchboard_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
        me = http.get("/api/auth/me").json()
        assert (me["id"], me["role"], me["teams"], me["agent_id"]) == ("ada", "agent", ["support"], "ada")
        assert "cases:approve" not in me["permissions"] and "cases:work" in me["permissions"]
        assert me["idle_timeout_seconds"] == 1800
        assert http.post("/api/auth/logout").status_code == 204
        assert http.get("/api/auth/me").status_code == 401
        # The token the login answered is the same session: it ended too.
        bearer = httpx.get(up.base_url + "/api/auth/me", headers={"Authorization": f"Bearer {answer.json()['token']}"})
        assert bearer.status_code == 401


def test_demo_data_is_loaded_and_worked(up: UpProcess) -> None:
    with up.login("admin@example.com") as http:
        assert http.get("/api/agents").headers["content-range"].endswith("/5")
        flows = http.get("/api/flows").json()
        assert [f["active"] for f in flows] == [True]
        # six demo mentions, one a reply in the thread of another, one praise that needs no response:
        # five conversations, four cases
        cases = http.get("/api/cases").json()
        assert sorted(c["status"] for c in cases) == ["assigned"] * 4
        conversations = http.get("/api/conversations").json()
        assert sorted(c["actionable"] for c in conversations) == [False] + [True] * 4
        praise = next(c for c in conversations if not c["actionable"])
        assert (praise["customer"], praise["inbound_count"]) == ("@joy", 1)
        press = next(c for c in cases if c["author"] == "@lois_lane")  # routed by rule to Marketing/PR
        assert (press["team_id"], press["assignee_id"], press["priority"]) == ("marketing", "maya", "high")


def test_a_posted_mention_is_assigned_replied_closed_and_measured(up: UpProcess) -> None:
    with up.login("admin@example.com") as http:
        started = time.monotonic()
        posted = http.post("/api/webhooks/twitter", json={**MENTION, "external_id": "e2e-1"},
                           headers={"X-Switchboard-Token": up.webhook_token()})
        assert posted.status_code == 201, posted.text
        case_id = posted.json()["case_id"]
        case = wait_for(http, f"/api/cases/{case_id}", status="assigned")
        print(f"ingest -> assigned, seen by polling the API: {1000 * (time.monotonic() - started):.0f} ms")
        not_theirs = http.post(f"/api/cases/{case_id}/replies", json={"text": "Refunded!", "close": True})
        assert not_theirs.status_code == 409 and not_theirs.json()["detail"]["code"] == "not_assignee"
    with up.login(f"{case['assignee_id']}@example.com") as http:
        reply = http.post(f"/api/cases/{case_id}/replies", json={"text": "Refunded!", "close": True})
        assert reply.status_code == 200, reply.text
        events = http.get("/api/case_events", params={"filter": f'{{"case_id": "{case_id}"}}'}).json()
        assert any(e["kind"] == "replied" and e["actor"] == case["assignee_id"] for e in events), events
        closed = wait_for(http, f"/api/cases/{case_id}", status="closed")
        deadline = time.monotonic() + 15
        while closed["resolution_seconds"] is None and time.monotonic() < deadline:
            closed = http.get(f"/api/cases/{case_id}").json()
        assert closed["first_response_seconds"] is not None and closed["resolution_seconds"] is not None

    async def history() -> tuple[WorkflowExecutionStatus | None, list[EventType.ValueType]]:
        client = await Client.connect(up.temporal_address, data_converter=pydantic_data_converter)
        handle = workflow_handle(client, case["workflow_id"], case_id)
        status = (await handle.describe()).status
        return status, [event.event_type for event in (await handle.fetch_history()).events]

    # Closed and measured, the case waits out the flow's reopen window (4 days in the demo) on a timer.
    status, kinds = asyncio.run(history())
    assert kinds[0] == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED
    assert status == WorkflowExecutionStatus.RUNNING
    assert kinds[-1] == EventType.EVENT_TYPE_TIMER_STARTED


def test_cases_survive_a_restart_and_ctrl_c_stops_everything(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = start_up(data, "--no-demo")
    # No demo: no accounts, and the banner says how to make the first admin.
    assert f"switchboard users add you@example.com --role admin --data-dir {data}" in first.output()
    assert "demo accounts" not in first.output()
    added = add_user(data, "Boss@Example.com", "admin", password="correct horse battery staple")
    assert "boss@example.com (admin; teams: all)" in added
    with first.login("boss@example.com", "correct horse battery staple") as http:
        token = http.post("/api/sources/twitter/webhook-token").json()["webhook_token"]
        posted = http.post("/api/webhooks/twitter", json={**MENTION, "external_id": "r-1"},
                           headers={"X-Switchboard-Token": token})
        case_id = posted.json()["case_id"]
        case = wait_for(http, f"/api/cases/{case_id}", status="assigned")
    # The agent the case went to gets an account of their own (their agent profile already exists).
    add_user(data, f"{case['assignee_id']}@example.com", "agent", "support", password="an agent's own passphrase")
    assert first.stop() == 0
    assert "stopping..." in first.output()
    with pytest.raises(httpx.ConnectError):
        httpx.get(first.base_url + "/api/health")
    assert {p.name for p in data.iterdir()} >= {"switchboard.db", "temporal.db"}

    second = start_up(data, "--no-demo")
    try:
        assert "No users yet" not in second.output()
        with second.login(f"{case['assignee_id']}@example.com", "an agent's own passphrase") as http:
            assert http.get(f"/api/cases/{case_id}").json()["status"] == "assigned"
            reply = http.post(f"/api/cases/{case_id}/replies",  # the workflow itself lived through the restart
                              json={"text": "Back!", "close": True})
            assert reply.status_code == 200, reply.text
            assert reply.json()["status"] == "closed"
    finally:
        assert second.stop() == 0


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as an operator's own CA would issue one."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "switchboard.test")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_it_serves_https_with_a_given_certificate_and_the_cookie_is_secure(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    data = tmp_path / "data"
    up = start_up(data, "--no-demo", "--tls-cert", str(cert), "--tls-key", str(key), scheme="https")
    try:
        assert f"designer:    {up.base_url}/" in up.output() and up.base_url.startswith("https://")
        add_user(data, "sec@example.com", "admin", password="a passphrase for tls")
        trust = ssl.create_default_context(cafile=str(cert))
        with httpx.Client(base_url=up.base_url, verify=trust) as http:
            assert http.get("/api/health").json()["status"] == "ok"
            answer = http.post("/api/auth/login", json={"email": "sec@example.com", "password": "a passphrase for tls"})
            assert answer.status_code == 200 and "Secure" in answer.headers["set-cookie"]
        with pytest.raises(httpx.HTTPError):
            httpx.get(up.base_url.replace("https://", "http://") + "/api/health")
    finally:
        assert up.stop() == 0


def _worker_pids(data: Path) -> list[int]:
    path = data / "workers.pid"
    return [int(line) for line in path.read_text().split()] if path.exists() else []


def _temporal_pid(up: UpProcess) -> int | None:
    return next(iter(temporal_server_pids(up)), None)


def _pollers(temporal_address: str) -> set[str]:
    async def ask() -> set[str]:
        return await task_queue_pollers(await Client.connect(temporal_address), "switchboard-cases")

    return asyncio.run(ask())


def _eventually(check: Callable[[], T], what: str, timeout: float = 60.0) -> T:
    deadline = time.monotonic() + timeout
    while not (result := check()):
        assert time.monotonic() < deadline, f"never {what}"
        time.sleep(0.1)
    return result


def test_workers_and_temporal_run_apart_restart_when_killed_and_sigterm_stops_all(tmp_path: Path) -> None:
    data = tmp_path / "data"
    up = start_up(data, "--workers", "2")
    try:
        first = _worker_pids(data)
        assert len(first) == 2, first
        assert f"workers:     2 (pids {first[0]}, {first[1]};" in up.output()
        assert set(first) <= descendants(up.process.pid) and up.process.pid not in first
        for pid in first:
            assert command_of(pid)[-1] == "worker", command_of(pid)  # `switchboard worker`, each a process
            assert (data / f"worker-{first.index(pid) + 1}.log").exists()
        polling = _pollers(up.temporal_address)
        assert all(any(p.startswith(f"{pid}@") for p in polling) for pid in first), polling
        assert not any(p.startswith(f"{up.process.pid}@") for p in polling), "the API process runs no worker"

        killed = time.monotonic()
        os.kill(first[0], signal.SIGKILL)
        again = _eventually(lambda: (pids := _worker_pids(data)) and pids[0] != first[0] and pids, "restarted")
        assert again[1] == first[1] and alive(again[1])
        _eventually(lambda: any(p.startswith(f"{again[0]}@") for p in _pollers(up.temporal_address)),
                    "polling again")
        print(f"kill -9 of a worker -> its successor polling: {time.monotonic() - killed:.1f} s")
        assert f"worker 1 (pid {first[0]}) killed by SIGKILL" in up.output()
        assert f"worker 1 started again: pid {again[0]}" in up.output()

        with up.login("admin@example.com") as http:
            posted = http.post("/api/webhooks/twitter", json={**MENTION, "external_id": "after-kill-1"},
                               headers={"X-Switchboard-Token": up.webhook_token()})
            assert posted.status_code == 201, posted.text
            wait_for(http, f"/api/cases/{posted.json()['case_id']}", status="assigned")

        # The embedded Temporal server killed: started again on its own file, and nothing posted meanwhile is lost.
        server = _temporal_pid(up)
        os.kill(server, signal.SIGKILL)
        with up.login("admin@example.com") as http:
            during = http.post("/api/webhooks/twitter", json={**MENTION, "external_id": "temporal-down-1"},
                               headers={"X-Switchboard-Token": up.webhook_token()})
            assert during.status_code == 201, during.text  # stored and decided; the relay starts it later
            _eventually(lambda: _temporal_pid(up) not in (None, server), "Temporal started again")
            assert f"the Temporal server (pid {server}) killed by SIGKILL" in up.output()
            assert "the Temporal server started again: pid" in up.output()
            _eventually(lambda: http.get("/api/health").json()["outbox"]["backlog"] == 0, "outbox drained")
            case_id = during.json()["case_id"]
            assigned = wait_for(http, f"/api/cases/{case_id}", status="assigned")
        with up.login(f"{assigned['assignee_id']}@example.com") as http:
            reply = http.post(f"/api/cases/{case_id}/replies", json={"text": "On it", "close": True})
            assert reply.status_code == 200 and reply.json()["status"] == "closed", reply.text

        everything = descendants(up.process.pid)  # the workers and the Temporal server (and its own)
        assert set(again) < everything
        up.process.send_signal(signal.SIGTERM)
        assert up.process.wait(timeout=30) == 0, up.output()
        assert "stopping..." in up.output()
        still = [(pid, command_of(pid)) for pid in everything if alive(pid)]
        assert not still, f"left running: {still}"
        assert not (data / "workers.pid").exists()
    finally:
        up.stop()


def test_the_workers_and_temporal_die_with_switchboard_up(tmp_path: Path) -> None:
    data = tmp_path / "data"
    up = start_up(data, "--no-demo")
    children = descendants(up.process.pid)
    assert set(_worker_pids(data)) < children
    up.process.kill()  # no clean stop: the parent-death signal must do it
    up.process.wait()
    _eventually(lambda: not any(alive(pid) for pid in children), "stopped once their parent died", timeout=30)


def test_workers_takes_a_number_above_zero(tmp_path: Path) -> None:
    done = subprocess.run([SWITCHBOARD, "up", "--workers", "0", "--data-dir", str(tmp_path / "data")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "--workers: '0' is not a whole number above 0" in done.stderr
