"""Saved reports of share of voice: saved only grouped by none, day or hour and when a brand is set somewhere (an
ops lead's saved names, else the setting SWITCHBOARD_SHARE_OF_VOICE); run by the API and delivered by a worker
(webhook and email) to the rows GET /api/analytics/mentions?metric=share_of_voice answers. Over test_analytics'
scripted mentions: inbound m1 "Acme is broken", m3 "acme and Globex both charged me", m4 "globex!"."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest
from pydantic import SecretStr
from temporalio.testing import ActivityEnvironment

from activities.connectors.netguard import NetGuard
from activities.reports import ReportActivities
from engine.report_delivery import DeliverReportInput
from store.exports import REPORT_COLUMNS
from store.report_mail import SmtpConfig
from tests.api.test_analytics import SINCE, UNTIL, scripted  # noqa: F401  (the fixture)
from tests.api.test_report_delivery import Receiver
from tests.harness.cases import LOOPBACK, TEST_KEYS, Stack, api_client, as_user, refused
from tests.harness.mail import smtp_sink

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
TERMS = "/api/analytics/share-of-voice/terms"
SAVED = {"brand": {"name": "Acme", "terms": ["acme"]},
         "competitors": [{"name": "Globex", "terms": ["globex"]}, {"name": "Broken Co", "terms": ["broken"]}]}
SETTING = {"Acme": ["acme"], "Globex": ["globex"]}
VOICE = {"name": "Share of voice", "kind": "mentions", "metric": "share_of_voice", "period": "custom",
         "since": SINCE, "until": UNTIL}
LOGIN = ("reports-bot", "smtp-pass-voice-never-shown")
SENDER = "reports@switchboard.example"
FIELDS = ("group", "name", "count", "value")


async def _analytics(http: httpx.AsyncClient, **params: str) -> list[tuple]:
    answer = await http.get("/api/analytics/mentions", params={"since": SINCE, "until": UNTIL,
                                                               "metric": "share_of_voice", **params})
    assert answer.status_code == 200, answer.text
    return [tuple(row[f] for f in FIELDS) for row in answer.json()["rows"]]


def _rows(rows: list[dict]) -> list[tuple]:
    return [tuple(row[f] for f in FIELDS) for row in rows]


async def test_a_share_of_voice_report_is_saved_with_names_and_runs_to_the_analytics_rows(
        scripted: Stack) -> None:  # noqa: F811
    lead = as_user(scripted.engine, "olivia")
    async with api_client(scripted) as http:  # no setting: no name anywhere until the ops lead saves some
        none = await http.post("/api/reports", json={**VOICE, "group_by": "day"})
        assert "ops lead" in refused(none, 422, "metric") and none.json()["detail"]["code"] == "no_share_of_voice_terms"
        grouped = await http.post("/api/reports", json={**VOICE, "group_by": "channel"})
        assert "none, day or hour" in refused(grouped, 422, "group_by")
        assert grouped.json()["detail"]["code"] == "bad_group"

        assert (await http.put(TERMS, json=SAVED, headers=lead)).status_code == 200
        for group_by, tz in (("none", "UTC"), ("day", "Europe/Paris"), ("hour", "UTC")):
            made = await http.post("/api/reports", json={**VOICE, "group_by": group_by, "tz": tz})
            assert made.status_code == 201, made.text
            report = made.json()
            assert (report["metric"], report["group_by"]) == ("share_of_voice", group_by)
            result = await http.get(f"/api/reports/{report['id']}/result")
            assert result.status_code == 200, result.text
            expected = await _analytics(http, group_by=group_by, tz=tz)
            assert _rows(result.json()["rows"]) == expected
        # Worked out by hand: Acme m1, m3; Globex m3, m4; Broken Co m1 (5 matches).
        assert await _analytics(http) == [(None, "Acme", 2, 0.4), (None, "Globex", 2, 0.4),
                                          (None, "Broken Co", 1, 0.2)]
        # The export carries each row's name (the last column).
        exported = await http.get(f"/api/reports/{report['id']}/export", params={"format": "csv"})
        table = list(csv.reader(io.StringIO(exported.text)))
        assert table[0] == list(REPORT_COLUMNS) and table[0][-1] == "name"
        assert {line[-1] for line in table[1:]} == {"Acme", "Globex", "Broken Co"}
        # A change is checked too: not grouped by channel; nor kept once no name is set anywhere.
        assert "none, day or hour" in refused(await http.patch(f"/api/reports/{report['id']}", json={
            "group_by": "channel"}), 422, "group_by")
        assert (await http.delete(TERMS, headers=lead)).status_code == 200
        assert refused(await http.patch(f"/api/reports/{report['id']}", json={"name": "Renamed"}), 422, "metric")
        # Run with no name anywhere: no rows, not an error.
        emptied = await http.get(f"/api/reports/{report['id']}/result")
        assert emptied.status_code == 200 and emptied.json()["rows"] == []


async def test_a_worker_delivers_share_of_voice_by_its_setting(scripted: Stack) -> None:  # noqa: F811
    receiver = Receiver([])
    try:
        with smtp_sink(login=LOGIN) as sink:
            smtp = SmtpConfig(host="127.0.0.1", port=sink.port, security="none", username=LOGIN[0],
                              password=SecretStr(LOGIN[1]), from_address=SENDER)
            mail = {"smtp_host": "127.0.0.1", "smtp_port": sink.port, "smtp_security": "none",
                    "smtp_username": LOGIN[0], "smtp_password": LOGIN[1], "smtp_from": SENDER,
                    "connect_allow": "127.0.0.1/32"}
            # The API's setting, no saved names: the worker counts by its own setting, the same.
            async with api_client(scripted, share_of_voice=SETTING, **mail) as http:
                made = await http.post("/api/reports", json={
                    **VOICE, "group_by": "day", "tz": "Europe/Paris", "schedule_cadence": "daily",
                    "schedule_time": "08:30", "webhook_url": receiver.url,
                    "webhook_secret": "a-receiver-shared-secret-0123", "email_to": ["ops@example.com"]})
                assert made.status_code == 201, made.text
                report = made.json()
                expected = await _analytics(http, group_by="day", tz="Europe/Paris")
                assert {name for _, name, _, _ in expected} == {"Acme", "Globex"} and sum(
                    count for *_, count, _ in expected) == 4

                acts = ReportActivities(engine=scripted.engine, keys=TEST_KEYS, guard=NetGuard(LOOPBACK), smtp=smtp,
                                        share_of_voice=SETTING)
                inp = DeliverReportInput(report_id=report["id"])
                posted = await ActivityEnvironment().run(acts.deliver_report, inp, "d-1")
                assert (posted.status, posted.rows) == (200, len(expected))
                assert _rows(json.loads(receiver.got[-1][2])["rows"]) == expected

                emailed = await ActivityEnvironment().run(acts.mail_report, inp, "d-2")
                assert emailed.recipients == ["ops@example.com"] and emailed.rows == len(expected)
                (message,) = sink.messages
                text = message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
                header = text.splitlines()[2].split()
                assert header == ["day", "name", "count", "share_of_voice"], text
                assert "Acme" in text and "Globex" in text
                (attachment,) = list(message.iter_attachments())
                content = attachment.get_content()
                sent = list(csv.DictReader(io.StringIO(content.decode() if isinstance(content, bytes) else content)))
                assert [(line["group"], line["name"], int(line["count"])) for line in sent] == [
                    (group, name, count) for group, name, count, _ in expected]

                # A worker without the setting (and no saved names) counts nothing: an empty delivery, no error.
                bare = ReportActivities(engine=scripted.engine, keys=TEST_KEYS, guard=NetGuard(LOOPBACK))
                unnamed = await ActivityEnvironment().run(bare.deliver_report, inp, "d-3")
                assert (unnamed.status, unnamed.rows) == (200, 0)
                assert json.loads(receiver.got[-1][2])["rows"] == []
                assert (await http.delete(f"/api/reports/{report['id']}")).status_code == 200
    finally:
        receiver.server.shutdown()
