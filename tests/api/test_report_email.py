"""Scheduled reports by email: the operator's SMTP server (settings SWITCHBOARD_SMTP_*) takes a multipart message, a
summary and the CSV of every row, for the report's recipients, delivered by the DeliverReport workflow and retried
like the webhook. A real SMTP server (aiosmtpd, requiring a login) runs on this machine, which the tests' worker
may reach as SWITCHBOARD_CONNECT_ALLOW would allow; the password it takes never shows in logs, answers or the
audit log."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlmodel import Session, select
from temporalio.exceptions import ApplicationError
from temporalio.testing import ActivityEnvironment

from activities.connectors.netguard import NetGuard
from activities.reports import ReportActivities
from api.settings import Settings
from engine.report_delivery import DeliverReportInput, ReportDelivered
from store.analytics import ReportRow
from store.audit import AuditEntry
from store.exports import REPORT_COLUMNS
from store.report_mail import MAX_RECIPIENTS, SmtpConfig, report_message, send_report_mail
from tests.api.test_analytics import SINCE, UNTIL, cases, mentions
from tests.harness.cases import LOOPBACK, TEST_KEYS, Stack, api_client, eventually, refused, running_worker
from tests.harness.mail import SmtpSink, certificates, smtp_sink

PASSWORD = "smtp-pass-Zq8!never-shown"
LOGIN = ("reports-bot", PASSWORD)
SENDER = "reports@switchboard.example"
HISTORY = Path(__file__).resolve().parents[1] / "fixtures" / "histories" / "deliver-report-emailed.json"
SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@dataclass
class Mailed:
    stack: Stack
    sink: SmtpSink
    smtp: SmtpConfig

    def settings(self) -> dict[str, object]:
        """The API's settings for this SMTP server (the API checks one is set; the worker sends)."""
        return {"smtp_host": "127.0.0.1", "smtp_port": self.sink.port, "smtp_security": "none",
                "smtp_username": LOGIN[0], "smtp_password": PASSWORD, "smtp_from": SENDER,
                "connect_allow": "127.0.0.1/32"}


@pytest.fixture
async def mailed(dev_server_env, seeded_engine) -> AsyncIterator[Mailed]:  # type: ignore[no-untyped-def]
    with Session(seeded_engine) as session:
        session.add_all([*cases(), *mentions()])
        session.commit()
    with smtp_sink(login=LOGIN) as sink:
        smtp = SmtpConfig(host="127.0.0.1", port=sink.port, security="none", username=LOGIN[0],
                          password=SecretStr(PASSWORD), from_address=SENDER)
        async with running_worker(dev_server_env.client, seeded_engine, smtp=smtp) as task_queue:
            yield Mailed(Stack(dev_server_env.client, seeded_engine, task_queue), sink, smtp)


def _read(cell: str) -> object:
    """A CSV cell as the API's JSON has it: empty is null, numbers are numbers."""
    if cell == "":
        return None
    try:
        return float(cell)
    except ValueError:
        return cell


def _emailed(recipients: list[str], **fields: object) -> dict:
    return {"name": "Weekly volume", "kind": "cases", "metric": "opened", "group_by": "channel", "period": "custom",
            "since": SINCE, "until": UNTIL, "tz": "Europe/Paris", "schedule_cadence": "weekly",
            "schedule_time": "08:30", "schedule_weekday": 0, "email_to": recipients, **fields}


@SQLITE
async def test_a_scheduled_report_is_emailed_with_its_csv_and_retried(mailed: Mailed,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    mailed.sink.refusals.append("451 4.3.0 busy, try again later")  # the first attempt is put off
    answers: list[str] = []
    async with api_client(mailed.stack, **mailed.settings()) as http:
        made = await http.post("/api/reports", json=_emailed(["ops@example.com", "Lead@Example.org",
                                                               "ops@EXAMPLE.com"]))
        assert made.status_code == 201, made.text
        report = made.json()
        assert report["email_to"] == ["ops@example.com", "Lead@Example.org"]  # the same address once
        delivered = await http.post(f"/api/reports/{report['id']}/deliver")
        assert delivered.status_code == 202, delivered.text
        await eventually(lambda: mailed.sink.messages, timeout=60, what="the report's email")
        result = await http.get(f"/api/reports/{report['id']}/result")
        answers += [made.text, delivered.text, result.text, (await http.get(f"/api/reports/{report['id']}")).text,
                    (await http.get("/api/reports")).text]

    (message,) = mailed.sink.messages
    assert mailed.sink.envelopes == [(SENDER, ["ops@example.com", "Lead@Example.org"])]
    assert message["From"] == SENDER and message["To"] == "ops@example.com, Lead@Example.org"
    assert message["Subject"] == ("Switchboard report: Weekly volume (2025-12-01 01:00 to 2025-12-03 01:00 "
                                  "Europe/Paris)")
    # A text and an HTML summary of the rows, and every row as CSV.
    text = message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    page = message.get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]
    assert "facebook  2" in text and "twitter   4" in text
    assert "<td" in page and "facebook" in page and "twitter" in page
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/csv"
    assert attachment.get_filename() == f"report-{report['id']}-20251203.csv"
    content = attachment.get_content()
    sent = list(csv.reader(io.StringIO(content.decode() if isinstance(content, bytes) else content)))
    rows = result.json()["rows"]
    assert sent[0] == list(REPORT_COLUMNS)
    assert [[_read(cell) for cell in line] for line in sent[1:]] == [
        [row.get(name) for name in REPORT_COLUMNS] for row in rows]
    assert {line[0]: int(line[2]) for line in sent[1:]} == {"facebook": 2, "twitter": 4}

    # The delivery's run: the webhook skipped (none), the mail taken for both after one retry.
    handle = mailed.stack.client.get_schedule_handle(f"report-{report['id']}")
    started = (await handle.describe()).info.recent_actions[-1].action
    run = mailed.stack.client.get_workflow_handle(started.workflow_id, result_type=ReportDelivered)
    outcome = await run.result()
    assert outcome.skipped == "no webhook" and outcome.mail is not None
    assert (outcome.mail.recipients, outcome.mail.rows) == (["ops@example.com", "Lead@Example.org"], 2)
    attempts = [event for event in (await run.fetch_history()).events
                if event.HasField("activity_task_started_event_attributes")]
    assert max(e.activity_task_started_event_attributes.attempt for e in attempts) == 2  # retried once
    if os.environ.get("SWITCHBOARD_RECORD_HISTORIES"):  # tests/workflows/test_replay.py replays it
        history = await run.fetch_history()
        HISTORY.write_text(json.dumps({"workflow_id": run.id, "history": json.loads(history.to_json())},
                                      indent=1) + "\n")
    await handle.delete()

    # The password: in no answer, log line or audit entry.
    with Session(mailed.stack.engine) as session:
        audit = json.dumps([[e.action, e.before, e.after, e.detail] for e in session.exec(select(AuditEntry))])
    assert "report.deliver" in audit and "ops@example.com" in audit
    assert "busy, try again later" in caplog.text or "451" in caplog.text  # the retry was logged...
    for where in (*answers, caplog.text, audit):
        assert PASSWORD not in where  # ...and the password nowhere


@SQLITE
async def test_bad_recipients_and_a_missing_smtp_server_are_refused(mailed: Mailed) -> None:
    async with api_client(mailed.stack, **mailed.settings()) as http:
        for bad in ("not-an-address", "a@b.example, c@d.example", "x@y.example\nBcc: z@w.example",
                    "Ops <ops@example.com>", " ", "ops@localhost"):
            message = refused(await http.post("/api/reports", json=_emailed(["ok@example.com", bad])), 422,
                              "email_to.1")
            assert "email address" in message
        assert "at most" in refused(await http.post("/api/reports", json=_emailed(
            [f"r{i}@example.com" for i in range(MAX_RECIPIENTS + 1)])), 422, "email_to").lower()
        message = refused(await http.post("/api/reports", json=_emailed([])), 422, "webhook_url")
        assert "email_to" in message  # no webhook and nobody to email: somewhere to deliver is asked for
    async with api_client(mailed.stack) as http:  # no SMTP server set up
        message = refused(await http.post("/api/reports", json=_emailed(["ops@example.com"])), 422, "email_to")
        assert "SWITCHBOARD_SMTP_HOST" in message
        # A report that is not scheduled keeps its recipients for later; scheduling it asks for the server.
        kept = await http.post("/api/reports", json=_emailed(["ops@example.com"], schedule_cadence=None))
        assert kept.status_code == 201 and kept.json()["email_to"] == ["ops@example.com"]
        assert "SWITCHBOARD_SMTP_FROM" in refused(await http.patch(f"/api/reports/{kept.json()['id']}", json={
            "schedule_cadence": "daily", "schedule_time": "07:00"}), 422, "email_to")
    async with api_client(mailed.stack, smtp_host="smtp.example.com") as http:  # a host, but no From address
        message = refused(await http.post("/api/reports", json=_emailed(["ops@example.com"])), 422, "email_to")
        assert "SWITCHBOARD_SMTP_FROM" in message and "SWITCHBOARD_SMTP_HOST" not in message
    # An SMTP server the outbound-address rule refuses (loopback, not allow-listed) is refused when the report is
    # saved, not at each delivery.
    async with api_client(mailed.stack, **{**mailed.settings(), "connect_allow": ""}) as http:
        answer = await http.post("/api/reports", json=_emailed(["ops@example.com"]))
        message = refused(answer, 422, "email_to")
        assert answer.json()["detail"]["code"] == "email_server_refused"
        assert "loopback" in message and "SWITCHBOARD_CONNECT_ALLOW" in message and "webhook" in message
        kept = await http.post("/api/reports", json=_emailed(["ops@example.com"], schedule_cadence=None))
        assert kept.status_code == 201
        assert "loopback" in refused(await http.patch(f"/api/reports/{kept.json()['id']}", json={
            "schedule_cadence": "daily", "schedule_time": "07:00"}), 422, "email_to")
        # Ending the emails needs no server.
        assert (await http.patch(f"/api/reports/{kept.json()['id']}", json={"email_to": None})).status_code == 200


@SQLITE
async def test_the_outbound_rule_a_refused_login_and_a_worker_without_smtp_are_final(mailed: Mailed) -> None:
    async with api_client(mailed.stack, **mailed.settings()) as http:
        report = (await http.post("/api/reports", json=_emailed(["ops@example.com"]))).json()
        await mailed.stack.client.get_schedule_handle(f"report-{report['id']}").delete()
    delivery = (DeliverReportInput(report_id=report["id"]), "d-1")

    async def failure(acts: ReportActivities) -> ApplicationError:
        with pytest.raises(ApplicationError) as failed:
            await ActivityEnvironment().run(acts.mail_report, *delivery)
        return failed.value

    guarded = await failure(ReportActivities(engine=mailed.stack.engine, keys=TEST_KEYS, guard=NetGuard(),
                                             smtp=mailed.smtp))  # loopback, not allowed
    assert guarded.type == "ConnectorRefused" and guarded.non_retryable
    assert "loopback" in str(guarded) and "SWITCHBOARD_CONNECT_ALLOW" in str(guarded)

    wrong = mailed.smtp.model_copy(update={"password": SecretStr("not-the-password-123")})
    login = await failure(ReportActivities(engine=mailed.stack.engine, keys=TEST_KEYS, guard=NetGuard(LOOPBACK),
                                           smtp=wrong))
    assert login.type == "ReportNotDeliverable" and login.non_retryable, str(login)
    assert "reports-bot" in str(login) and "not-the-password-123" not in str(login)

    absent = await failure(ReportActivities(engine=mailed.stack.engine, keys=TEST_KEYS, guard=NetGuard(LOOPBACK)))
    assert absent.non_retryable and "SWITCHBOARD_SMTP_HOST" in str(absent)
    assert mailed.sink.messages == []

    # The webhook activity has nothing to do for a report with no webhook; the mail one, for one with no one.
    acts = ReportActivities(engine=mailed.stack.engine, keys=TEST_KEYS, guard=NetGuard(LOOPBACK), smtp=mailed.smtp)
    assert (await ActivityEnvironment().run(acts.deliver_report, *delivery)).skipped == "no webhook"
    gone = await ActivityEnvironment().run(acts.mail_report, DeliverReportInput(report_id="rpt-gone"), "d-2")
    assert gone.skipped == "deleted" and gone.recipients == []


def test_the_smtp_password_comes_from_a_file_and_is_never_shown(tmp_path: Path) -> None:
    secret = tmp_path / "smtp-password"
    secret.write_text(PASSWORD + "\n")
    settings = Settings(smtp_host="smtp.example.com", smtp_port=465, smtp_security="tls",
                        smtp_username="bot", smtp_password_file=secret, smtp_from=SENDER)
    config = settings.smtp()
    assert config is not None and config.password is not None
    assert config.password.get_secret_value() == PASSWORD and (config.host, config.port) == ("smtp.example.com", 465)
    assert PASSWORD not in repr(config) and PASSWORD not in str(config) and PASSWORD not in config.model_dump_json()
    assert Settings(smtp_host="smtp.example.com").smtp() is None  # no From address: no report email
    assert Settings(smtp_host="h.example", smtp_from=SENDER, smtp_password="p").smtp_missing() is None
    with pytest.raises(ValueError, match="SWITCHBOARD_SMTP_FROM"):
        Settings(smtp_from="not an address")
    with pytest.raises(ValueError, match="SWITCHBOARD_SMTP_PASSWORD_FILE"):
        Settings(smtp_host="h.example", smtp_from=SENDER, smtp_password_file=tmp_path / "absent").smtp()
    assert {"SWITCHBOARD_SMTP_HOST", "SWITCHBOARD_SMTP_PASSWORD_FILE"} <= Settings.env_names()


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_report_email_goes_over_tls_to_a_server_whose_certificate_checks(security: str, tmp_path: Path) -> None:
    """STARTTLS (required by the server before the login) and TLS from the first byte, with a certificate an
    authority the operator names signs (SWITCHBOARD_SMTP_CA_FILE); without it the certificate is refused and
    nothing, the password least of all, is sent."""
    authority, server, key = certificates(tmp_path)
    message = report_message(report_id="rpt-1", name="Weekly", metric="opened", group_by="none", tz="UTC",
                             since=datetime(2026, 1, 1, tzinfo=UTC), until=datetime(2026, 1, 8, tzinfo=UTC),
                             rows=[ReportRow(group=None, count=3, value=3)], sender=SENDER,
                             recipients=["ops@example.com"], delivery_id="d-1", now=datetime(2026, 1, 8, tzinfo=UTC))
    with smtp_sink(login=LOGIN, tls=security, certificate=(server, key)) as sink:
        config = Settings(smtp_host="127.0.0.1", smtp_port=sink.port, smtp_security=security,
                          smtp_username=LOGIN[0], smtp_password=PASSWORD, smtp_from=SENDER,
                          smtp_ca_file=authority).smtp()
        assert config is not None and config.ca_file == str(authority)
        assert send_report_mail(config, NetGuard(LOOPBACK), message, ["ops@example.com"]) == {}
        assert [m["Subject"] for m in sink.messages] == [message["Subject"]]
        with pytest.raises(ssl.SSLCertVerificationError):  # the system's authorities do not know this one
            send_report_mail(config.model_copy(update={"ca_file": None}), NetGuard(LOOPBACK), message,
                             ["ops@example.com"])
        assert len(sink.messages) == 1
    with pytest.raises(ValueError, match="SWITCHBOARD_SMTP_CA_FILE"):
        Settings(smtp_host="h.example", smtp_from=SENDER, smtp_ca_file=tmp_path / "absent.pem").smtp()
