"""Webhook subscriptions against a receiver on 127.0.0.1 that the tests allow-list (SWITCHBOARD_CONNECT_ALLOW):
signed events in order, a redelivery after a crash with the same idempotency key, a filter, the test button and
the delivery log; the receiver down and back losing
nothing and keeping each case's order; a subscription paused after failing, its backlog delivered on resume;
private and loopback targets and broken filters refused; the secret never shown or stored in the clear."""

from __future__ import annotations

import socket
import threading
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import httpx
import pytest
from sqlalchemy import update
from sqlmodel import Session, col, select

from store import netguard
from store.audit import AuditEntry
from store.db import session_scope
from store.subscriptions import Subscription
from tests.harness.cases import Stack, api_client, as_user, eventually
from tests.harness.receiver import Receiver

RUN = uuid.uuid4().hex[:8]
SECRET = f"whsec-test-{RUN}-0123456789"
ALLOW = {"connect_allow": "127.0.0.0/8", "webhook_retry_seconds": 0.05}
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


async def _post(http: httpx.AsyncClient, author: str, text: str = "@acme my order never came, help") -> str:
    posted = await http.post("/api/webhooks/twitter", json={
        "external_id": f"{RUN}-{uuid.uuid4().hex[:8]}", "author": author, "created_at": "2026-11-23T09:00:00Z",
        "text": text})
    assert posted.status_code == 201, posted.text
    return posted.json()["case_id"]


async def _subscribe(http: httpx.AsyncClient, url: str, types: list[str], **extra: object) -> dict:
    made = await http.post("/api/subscriptions", json={"name": f"crm {RUN}", "url": url, "event_types": types,
                                                       "secret": SECRET, **extra})
    assert made.status_code == 201, made.text
    return made.json()


async def _feed(http: httpx.AsyncClient, after: int, types: list[str]) -> list[dict]:
    page = await http.get("/api/events", params={"after": after, "types": ",".join(types), "limit": 1000})
    assert page.status_code == 200, page.text
    return page.json()["events"]


@contextmanager
def _dns_hangs_for(suffix: str, *, timeout: float) -> Iterator[None]:
    """Names ending in `suffix` never resolve (a DNS server that does not answer), and lookups wait `timeout`."""
    answer, real = threading.Event(), socket.getaddrinfo

    def hanging(host: str, *args: Any, **kw: Any) -> Any:
        if host.endswith(suffix):
            answer.wait(30)
        return real(host, *args, **kw)

    with mock.patch.object(socket, "getaddrinfo", hanging), mock.patch.object(netguard, "LOOKUP_TIMEOUT", timeout):
        try:
            yield
        finally:
            answer.set()


def _first_arrivals(receiver: Receiver) -> list[str]:
    return list(dict.fromkeys(e["id"] for e in receiver.events()))


async def test_events_are_delivered_signed_in_order_and_filtered(stack: Stack) -> None:
    everything, vip = Receiver().start(), Receiver().start()
    types = ["case.opened", "case.assigned", "mention.received"]
    try:
        async with api_client(stack, **ALLOW) as http:
            sub = await _subscribe(http, everything.url, types)
            assert "secret" not in sub and sub["healthy"] and sub["backlog"] == 0
            only_vip = await _subscribe(http, vip.url, ["case.opened"],
                                        filter={"in": [f"vip-{RUN}", {"var": "data.case.subject"}]})
            ann, bob = f"@ann-{RUN}", f"@bob-{RUN}"
            await _post(http, ann)
            await _post(http, bob, f"@acme vip-{RUN} my card was charged twice")
            await _post(http, ann, "@acme still nothing, I need a refund")  # joins ann's case

            expected = await _feed(http, sub["cursor"], types)
            assert len(expected) >= 7  # two openings (opened, assigned) and three mentions
            await eventually(lambda: len(_first_arrivals(everything)) >= len(expected), what="every event delivered")
            assert _first_arrivals(everything) == [e["id"] for e in expected]  # in cursor order, nothing else
            for got in everything.received:
                assert got.signed_by(SECRET)
                assert got.headers["idempotency-key"] == got.event["id"]
                assert got.headers["x-switchboard-event"] == got.event["type"]
            assert not everything.received[0].signed_by("another secret")
            # A crash after the receiver's 2xx but before the cursor's commit: the event goes again, same key.
            # (The receiver has them all before the relay commits its cursor: rewind only after that commit,
            # or the commit would overwrite the rewind.)
            def committed() -> bool:
                with Session(stack.engine) as session:
                    stored = session.get(Subscription, sub["id"])
                    return stored is not None and stored.cursor >= expected[-1]["cursor"] and not stored.leased_by
            await eventually(committed, what="the relay's cursor committed")
            with session_scope(stack.engine) as session:
                session.execute(update(Subscription).where(col(Subscription.id) == sub["id"]).values(
                    cursor=expected[-2]["cursor"]))
            count = len(everything.received)
            await eventually(lambda: len(everything.received) > count, what="the redelivery")
            again = everything.received[count]
            assert again.headers["idempotency-key"] == again.event["id"] == expected[-1]["id"]
            assert again.signed_by(SECRET) and len(everything.received) == count + 1

            vip_opened = [e for e in expected if e["type"] == "case.opened" and f"vip-{RUN}" in
                          e["data"]["case"]["subject"]]
            await eventually(lambda: vip.events(), what="the filtered subscription's event")
            assert [e["id"] for e in vip.events()] == [e["id"] for e in vip_opened]

            tested = await http.post(f"/api/subscriptions/{sub['id']}/test")
            assert tested.status_code == 200, tested.text
            assert tested.json()["ok"] and tested.json()["status_code"] == 200 and tested.json()["cursor"] is None
            assert everything.events()[-1]["type"] == "subscription.test" and everything.received[-1].signed_by(SECRET)

            log = await http.get(f"/api/subscriptions/{sub['id']}/deliveries", params={"limit": 500})
            assert log.status_code == 200 and len(log.json()) == len(expected) + 2  # with the redelivery
            assert log.json()[0]["type"] == "subscription.test"  # newest first
            assert all(d["ok"] and d["status_code"] == 200 and d["attempt"] == 1 and d["latency_ms"] is not None
                       for d in log.json())
            assert [d["event_id"] for d in log.json()].count(expected[-1]["id"]) == 2
            listed = await http.get("/api/subscription_deliveries", params={
                "filter": f'{{"subscription_id": "{sub["id"]}"}}', "range": "[0,4]"})
            assert listed.status_code == 200 and listed.headers["content-range"].endswith(f"/{len(expected) + 2}")
            shown = (await http.get(f"/api/subscriptions/{sub['id']}")).json()
            assert shown["backlog"] == 0 and shown["healthy"] and "secret" not in shown
            assert (await http.get(f"/api/subscriptions/{only_vip['id']}")).json()["filter"] is not None

            # Admins only; a broken filter is refused with the path of the bad node.
            assert (await http.get("/api/subscriptions", headers=as_user(stack.engine, "olivia"))).status_code == 403
            broken = await http.post("/api/subscriptions", json={
                "name": "x", "url": everything.url, "event_types": ["case.closed"], "secret": SECRET,
                "filter": {"and": [{"==": [1, 1]}, {"no_such_op": [1]}]}})
            assert broken.status_code == 422 and broken.json()["detail"]["path"] == "/filter/and/1", broken.text
            private = await http.post("/api/subscriptions", json={
                "name": "x", "url": "http://10.20.30.40/hook", "event_types": ["case.closed"], "secret": SECRET})
            assert private.status_code == 422 and private.json()["detail"]["path"] == "url"
            assert "SWITCHBOARD_CONNECT_ALLOW" in private.json()["detail"]["message"]
            # A name whose DNS never answers holds the save for the lookup timeout, not for as long as it hangs.
            with _dns_hangs_for(".hangs.example", timeout=0.5):
                hangs = await http.post("/api/subscriptions", json={
                    "name": "x", "url": "https://crm.hangs.example/hook", "event_types": ["case.closed"],
                    "secret": SECRET})
            assert hangs.status_code == 422 and hangs.json()["detail"]["path"] == "url", hangs.text
            assert "did not resolve within 0.5 s" in hangs.json()["detail"]["message"]
    finally:
        everything.stop()
        vip.stop()
    with Session(stack.engine) as session:
        stored = session.get(Subscription, sub["id"])
        assert stored is not None and SECRET not in stored.secret  # sealed
        audit = session.exec(select(AuditEntry).where(AuditEntry.target_id == sub["id"])).all()
        assert {a.action for a in audit} >= {"subscription.create", "subscription.test"}
        assert all(SECRET not in str(a.model_dump()) for a in audit)


async def test_a_receiver_down_then_back_loses_nothing_and_keeps_each_case_in_order(stack: Stack) -> None:
    receiver = Receiver().start()
    types = ["case.opened", "mention.received"]
    try:
        async with api_client(stack, **ALLOW, webhook_max_failures=1000) as http:
            sub = await _subscribe(http, receiver.url, types)
            await _post(http, f"@first-{RUN}")
            await eventually(lambda: len(receiver.received) >= 2, what="the first case's events")
            receiver.stop()
            authors = [f"@x-{RUN}", f"@y-{RUN}"]
            for round_ in range(3):  # two cases, each growing while the receiver is down
                for author in authors:
                    await _post(http, author, f"@acme I was charged twice, I need a refund ({round_})")

            async def failing() -> bool:
                return (await http.get(f"/api/subscriptions/{sub['id']}")).json()["consecutive_failures"] >= 2
            await eventually(failing, what="failed tries while the receiver is down")
            receiver.start()  # the same port
            expected = await _feed(http, sub["cursor"], types)
            await eventually(lambda: len(_first_arrivals(receiver)) >= len(expected), what="the backlog delivered")
            assert _first_arrivals(receiver) == [e["id"] for e in expected]
            by_case: dict[str, list[int]] = defaultdict(list)
            for event in receiver.events():
                by_case[event["case_id"]].append(event["cursor"])
            assert len(by_case) == 3 and all(c == sorted(c) for c in by_case.values())
            log = (await http.get(f"/api/subscriptions/{sub['id']}/deliveries", params={"failed": True})).json()
            assert log and all(d["status_code"] is None and d["error"] for d in log)
            assert max(d["attempt"] for d in log) >= 2
            shown = (await http.get(f"/api/subscriptions/{sub['id']}")).json()
            assert shown["healthy"] and shown["consecutive_failures"] == 0 and shown["backlog"] == 0
    finally:
        receiver.stop()


async def test_a_failing_subscription_is_paused_and_resuming_delivers_its_backlog(stack: Stack) -> None:
    receiver = Receiver(status=500).start()
    try:
        async with api_client(stack, **ALLOW, webhook_max_failures=3) as http:
            sub = await _subscribe(http, receiver.url, ["case.opened"])
            case_id = await _post(http, f"@pause-{RUN}")

            async def paused() -> dict | None:
                shown = (await http.get(f"/api/subscriptions/{sub['id']}")).json()
                return shown if not shown["active"] else None
            shown = await eventually(paused, what="the subscription paused")
            assert not shown["healthy"] and shown["backlog"] == 1
            assert "3 failed deliveries" in shown["paused_reason"] and "HTTP 500" in shown["paused_reason"]
            tries = (await http.get(f"/api/subscriptions/{sub['id']}/deliveries")).json()
            assert [(d["attempt"], d["status_code"]) for d in tries] == [(3, 500), (2, 500), (1, 500)]

            receiver.status = 200
            resumed = await http.patch(f"/api/subscriptions/{sub['id']}", json={"active": True})
            assert resumed.status_code == 200 and resumed.json()["active"] and resumed.json()["paused_reason"] is None
            await eventually(lambda: receiver.events(), what="the backlog after resuming")
            assert [e["case_id"] for e in receiver.events()] == [case_id]
            await eventually(lambda: _healthy(http, sub["id"]), what="healthy again")

        # Without the operator's allow-list, a loopback target is refused.
        async with api_client(stack) as http:
            refused = await http.post("/api/subscriptions", json={
                "name": "x", "url": receiver.url, "event_types": ["case.closed"], "secret": SECRET})
            assert refused.status_code == 422 and refused.json()["detail"]["path"] == "url"
            assert "loopback" in refused.json()["detail"]["message"]
    finally:
        receiver.stop()


async def _healthy(http: httpx.AsyncClient, subscription_id: str) -> bool:
    shown = (await http.get(f"/api/subscriptions/{subscription_id}")).json()
    return shown["healthy"] and shown["backlog"] == 0
