"""Scheduled reports: a Temporal Schedule per report at its local time, delivered by the DeliverReport workflow to
a webhook on this machine (the tests' worker allows loopback, as SWITCHBOARD_CONNECT_ALLOW would), signed with a
secret that is stored sealed and never shown; a receiver that fails is tried again; an address the outbound rule
refuses is not."""

from __future__ import annotations

import asyncio
import json
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, select
from temporalio.exceptions import ApplicationError
from temporalio.service import RPCError, RPCStatusCode
from temporalio.testing import ActivityEnvironment

from activities.connectors.netguard import NetGuard
from activities.reports import ReportActivities
from api.security.reseal import reseal_sources
from engine.report_delivery import DeliverReportInput, ReportDelivered, schedule_id, sign
from store.audit import AuditEntry
from store.keys import KeyRing
from store.reports import WEBHOOK_SECRET_PURPOSE, SavedReport
from tests.api.test_analytics import SINCE, UNTIL, scripted  # noqa: F401  (the fixture)
from tests.harness.cases import TEST_KEYS, Stack, api_client, refused

SECRET = "a-receiver-shared-secret-0123"
HISTORY = Path(__file__).resolve().parents[1] / "fixtures" / "histories" / "deliver-report-retried.json"
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


class Receiver:
    """A webhook receiver on 127.0.0.1 that answers `statuses` in turn (then 200) and keeps what it got."""

    def __init__(self, statuses: list[int]) -> None:
        self.statuses, self.got = statuses, []
        self.arrived = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                receiver.got.append((status, dict(self.headers), body))
                self.send_response(status)
                self.end_headers()
                if status == 200:
                    receiver.arrived.set()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/reports"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    made = Receiver([503])  # down for the first attempt
    yield made
    made.server.shutdown()


def _scheduled(url: str, **fields: object) -> dict:
    return {"name": "Daily volume", "kind": "cases", "metric": "opened", "group_by": "channel", "period": "custom",
            "since": SINCE, "until": UNTIL, "tz": "Europe/Paris", "schedule_cadence": "weekly",
            "schedule_time": "08:30", "schedule_weekday": 0, "webhook_url": url, "webhook_secret": SECRET, **fields}


async def test_a_scheduled_report_is_delivered_signed_and_retried(scripted: Stack, receiver: Receiver) -> None:  # noqa: F811
    async with api_client(scripted) as http:
        made = await http.post("/api/reports", json=_scheduled(receiver.url))
        assert made.status_code == 201, made.text
        report = made.json()
        assert report["has_webhook_secret"] is True and SECRET not in made.text
        # Its schedule: Mondays (Temporal's day 1) at 08:30 in Paris, starting DeliverReport by name.
        handle = scripted.client.get_schedule_handle(schedule_id(report["id"]))
        described = await handle.describe()
        spec = described.schedule.spec
        assert spec.time_zone_name == "Europe/Paris"
        calendar = spec.calendars[0]
        assert (calendar.hour[0].start, calendar.minute[0].start, calendar.day_of_week[0].start) == (8, 30, 1)
        assert described.schedule.action.workflow == "DeliverReport"  # type: ignore[attr-defined]

        delivered = await http.post(f"/api/reports/{report['id']}/deliver")
        assert delivered.status_code == 202, delivered.text
        assert await asyncio.to_thread(receiver.arrived.wait, 60), "nothing was delivered"
        (first, _, _), (status, headers, body) = receiver.got  # the 503, then the retry
        assert (first, status) == (503, 200)
        assert headers["X-Signature-256"] == sign(SECRET.encode(), body)
        assert headers["X-Switchboard-Delivery"].startswith(schedule_id(report["id"]))
        sent = json.loads(body)
        result = (await http.get(f"/api/reports/{report['id']}/result")).json()
        assert sent["rows"] == result["rows"] and sent["report"]["name"] == "Daily volume"
        assert {row["group"]: row["count"] for row in sent["rows"]} == {"facebook": 2, "twitter": 4}
        # The workflow the schedule started ended with the receiver's answer.
        started = (await handle.describe()).info.recent_actions[-1].action
        run = scripted.client.get_workflow_handle(started.workflow_id, result_type=ReportDelivered)
        outcome = await run.result()
        assert (outcome.status, outcome.rows, outcome.delivery_id) == (200, 2, headers["X-Switchboard-Delivery"])
        if os.environ.get("SWITCHBOARD_RECORD_HISTORIES"):  # tests/workflows/test_replay.py replays it
            history = await run.fetch_history()
            HISTORY.write_text(json.dumps({"workflow_id": run.id, "history": json.loads(history.to_json())},
                                          indent=1) + "\n")

        # Unscheduled, its schedule goes; the secret stays sealed in the row and out of the audit log.
        changed = await http.patch(f"/api/reports/{report['id']}", json={"schedule_cadence": None})
        assert changed.status_code == 200 and changed.json()["schedule_time"] is None
        with pytest.raises(RPCError) as gone:
            await handle.describe()
        assert gone.value.status == RPCStatusCode.NOT_FOUND
        with Session(scripted.engine) as session:
            row = session.get(SavedReport, report["id"])
            assert row is not None and row.webhook_secret_sealed and SECRET not in row.webhook_secret_sealed
            entries = session.exec(select(AuditEntry).where(AuditEntry.target_id == report["id"])).all()
            assert [e.action for e in entries] == ["report.create", "report.deliver", "report.change"]
            assert all(SECRET not in json.dumps([e.before, e.after, e.detail]) for e in entries)
        assert refused(await http.post(f"/api/reports/{report['id']}/deliver"), 409, "report_id")


async def test_a_schedule_needs_its_time_webhook_and_secret(scripted: Stack) -> None:  # noqa: F811
    async with api_client(scripted) as http:
        for missing, path in (("schedule_time", "schedule_time"), ("schedule_weekday", "schedule_weekday"),
                              ("webhook_url", "webhook_url"), ("webhook_secret", "webhook_secret")):
            body = _scheduled("https://hooks.example.com/x")
            del body[missing]
            assert refused(await http.post("/api/reports", json=body), 422, path)
        assert refused(await http.post("/api/reports", json=_scheduled("ftp://hooks.example.com/x")), 422,
                       "webhook_url")
        assert refused(await http.post("/api/reports", json=_scheduled("https://x.example", schedule_time="25:00")),
                       422, "schedule_time")
        assert "email" in refused(await http.post("/api/reports", json={
            **_scheduled(""), "webhook_url": None}), 422, "webhook_url")


async def test_the_outbound_rule_refuses_a_private_address_for_good(scripted: Stack) -> None:  # noqa: F811
    async with api_client(scripted) as http:
        report = (await http.post("/api/reports", json=_scheduled("http://127.0.0.1:9/hooks"))).json()
        acts = ReportActivities(engine=scripted.engine, keys=TEST_KEYS, guard=NetGuard())  # no network allowed
        with pytest.raises(ApplicationError) as refusal:
            await ActivityEnvironment().run(acts.deliver_report, DeliverReportInput(report_id=report["id"]), "d-1")
        assert refusal.value.type == "ConnectorRefused" and refusal.value.non_retryable
        assert "loopback" in str(refusal.value) and "SWITCHBOARD_CONNECT_ALLOW" in str(refusal.value)
        assert (await http.delete(f"/api/reports/{report['id']}")).status_code == 200  # and its schedule
    # A report deleted since its delivery was due sends nothing, and says why.
    gone = await ActivityEnvironment().run(acts.deliver_report, DeliverReportInput(report_id="rpt-gone"), "d-2")
    assert gone.skipped == "deleted" and gone.status is None


async def test_a_key_rotation_reseals_the_webhook_secret(scripted: Stack) -> None:  # noqa: F811
    async with api_client(scripted) as http:
        report = (await http.post("/api/reports", json=_scheduled("https://hooks.example.com/r"))).json()
        rotated = KeyRing(keys={**TEST_KEYS.keys, "test-2": bytes(range(1, 33))}, primary="test-2")
        assert reseal_sources(engine=scripted.engine, keys=rotated) == 1
        assert reseal_sources(engine=scripted.engine, keys=rotated) == 0  # done once
        with Session(scripted.engine) as session:
            row = session.get(SavedReport, report["id"])
            assert row is not None and row.webhook_secret_sealed is not None
            assert rotated.sealed_by(row.webhook_secret_sealed) == "test-2"
            assert rotated.open(row.webhook_secret_sealed, purpose=WEBHOOK_SECRET_PURPOSE) == SECRET.encode()
        assert (await http.delete(f"/api/reports/{report['id']}")).status_code == 200
