"""Connectors reach public addresses only, unless the operator allow-lists a network: checked after
name resolution, on the address actually connected to, and on every redirect."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from activities.connectors import ConnectorRefused
from activities.connectors.netguard import NetGuard, guarded_imap, guarded_smtp, parse_networks, redacted
from store.connector_config import ValidationError, parse_config
from tests.harness.cases import Stack, api_client, eventually, running_worker
from tests.harness.fake_social import FakeServer

REFUSED = [("127.0.0.1", "loopback"), ("localhost", "loopback"), ("169.254.169.254", "link-local"),
           ("10.1.2.3", "private"), ("192.168.0.10", "private"), ("172.16.5.4", "private"),
           ("224.0.0.251", "multicast"), ("0.0.0.0", "unspecified"), ("::1", "loopback"),
           ("::ffff:127.0.0.1", "loopback"), ("fe80::1", "link-local"), ("100.64.0.1", "non-public")]


@pytest.mark.parametrize(("host", "why"), REFUSED)
def test_private_and_special_addresses_are_refused_by_default(host: str, why: str) -> None:
    with pytest.raises(ConnectorRefused, match=f"{why} address.*SWITCHBOARD_CONNECT_ALLOW"):
        NetGuard().resolve(host, 443)


def test_an_allow_listed_network_is_reachable_and_nothing_else_is() -> None:
    guard = NetGuard(parse_networks("127.0.0.1/32, 10.0.0.0/8"))
    assert guard.resolve("127.0.0.1", 80) == "127.0.0.1" and guard.resolve("10.9.9.9", 80) == "10.9.9.9"
    with pytest.raises(ConnectorRefused):
        guard.resolve("127.0.0.2", 80)
    with pytest.raises(ConnectorRefused):
        guard.resolve("169.254.169.254", 80)
    with pytest.raises(ValueError, match="'10.0.0.300' is not a network"):
        parse_networks("10.0.0.300")


def test_a_name_that_does_not_resolve_is_refused_clearly() -> None:
    with pytest.raises(ConnectorRefused, match="does not resolve"):
        NetGuard().resolve("no-such-host.invalid", 443)


def test_a_name_whose_lookup_hangs_is_refused_after_the_lookup_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    answer = threading.Event()
    real = socket.getaddrinfo

    def hanging(host: str, *args: object, **kw: object) -> object:
        if host.endswith(".hangs.example"):
            answer.wait(30)  # a DNS server that never answers; released when the test ends
        return real(host, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", hanging)
    try:
        started = time.monotonic()
        with pytest.raises(ConnectorRefused, match=r"did not resolve within 0.3 s.*DNS answers"):
            NetGuard(lookup_timeout=0.3).resolve("crm.hangs.example", 443)
        assert time.monotonic() - started < 5
        assert NetGuard(parse_networks("127.0.0.1/32")).resolve("127.0.0.1", 80) == "127.0.0.1"  # others still go
    finally:
        answer.set()


class _Redirector(BaseHTTPRequestHandler):
    target = ""

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/hop":
            self.send_response(302)
            self.send_header("Location", self.target)
            self.end_headers()
            return
        body = f"host header: {self.headers['Host']}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def redirector(target: str) -> Iterator[str]:
    handler = type("Handler", (_Redirector,), {"target": target})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:9/"])
def test_every_redirect_hop_is_checked(target: str) -> None:
    guard = NetGuard([ipaddress.ip_network("127.0.0.1/32")])
    with redirector(target) as base, guard.http_client(follow_redirects=True) as http:
        direct = http.get(f"{base}/page")
        assert direct.status_code == 200 and direct.text == f"host header: {base.removeprefix('http://')}"
        with pytest.raises(ConnectorRefused, match="address"):
            http.get(f"{base}/hop")


def test_mail_connections_are_guarded_too() -> None:
    with pytest.raises(ConnectorRefused, match="loopback"):
        guarded_imap(NetGuard(), "127.0.0.1", 143, tls=None, timeout=5)
    with pytest.raises(ConnectorRefused, match="private"):
        guarded_smtp(NetGuard(), "10.0.0.25", 25, tls=None, timeout=5)


def test_stored_errors_carry_no_credentials() -> None:
    assert redacted("https://user:hunter2@feeds.example/rss?token=abc#x") == "https://feeds.example/rss"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_feed_on_this_machine_is_refused_by_a_worker_that_does_not_allow_it(
        dev_server_env, seeded_engine) -> None:  # type: ignore[no-untyped-def]
    source = f"local-{uuid.uuid4().hex[:6]}"
    with FakeServer() as fake:
        fake.add_feed_item("x1", "Is the shop down?", minutes=0)
        async with running_worker(dev_server_env.client, seeded_engine, connect_allow=()) as task_queue:
            stack = Stack(dev_server_env.client, seeded_engine, task_queue)
            async with api_client(stack) as http:
                made = await http.post("/api/sources", json={"id": source, "kind": "rss", "config": {
                    "url": f"{fake.base_url.replace('127.0.0.1', 'localhost')}/feed.xml", "poll_seconds": 3600}})
                assert made.status_code == 201, made.text

                async def refused() -> dict | None:
                    row = (await http.get(f"/api/sources/{source}")).json()
                    return row if row["last_error"] else None

                row = await eventually(refused, what="the refused poll", timeout=30)
                assert not row["healthy"] and "loopback address" in row["last_error"]
                assert "SWITCHBOARD_CONNECT_ALLOW" in row["last_error"]
                assert fake.requests == []  # nothing reached the server
            await dev_server_env.client.get_schedule_handle(f"poll-{source}").delete()


def test_mail_without_tls_needs_an_explicit_allowance() -> None:
    base = {"imap_host": "imap.example", "username": "care", "password": "pw", "smtp_host": "smtp.example",
            "from_address": "care@example.com"}
    parse_config("email", base)  # ssl and starttls by default
    with pytest.raises(ValidationError, match="imap_security 'none' would send the password in the clear"):
        parse_config("email", {**base, "imap_security": "none"})
    assert parse_config("email", {**base, "smtp_security": "none", "allow_insecure": True}).allow_insecure
