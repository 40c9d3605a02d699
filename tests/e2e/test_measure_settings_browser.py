"""What ops leads set for Measure, in Debian's headless chromium against `switchboard up` (demo data): share of voice's
brand and competitor terms on the dashboard, whose figures follow each save; and a report scheduled by email from
its form, delivered through a real SMTP server on this machine (aiosmtpd, with a login) that `up`'s workers reach
as SWITCHBOARD_SMTP_* and SWITCHBOARD_CONNECT_ALLOW say. Shots at 1400x900 and 768 px wide."""

from __future__ import annotations

import csv
import io
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.harness.browser import login, shot
from tests.harness.mail import SmtpSink, smtp_sink
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OPS_LEAD = "olivia@example.com"
SMTP_LOGIN = ("switchboard-reports", "smtp-Pw-e2e-never-shown")
SENDER = "reports@switchboard.example"
WIDE, TABLET = {"width": 1400, "height": 900}, {"width": 768, "height": 1024}
# Words no demo mention has: the figures count these alone.
MENTIONS = ("zorblax app crashed again", "zorblax and quuxcorp both charged me twice", "love the new zorblax update",
            "quuxcorp answers faster", "flumphco lost my parcel", "flumphco refund please")


@pytest.fixture(scope="module")
def sink() -> Iterator[SmtpSink]:
    with smtp_sink(login=SMTP_LOGIN) as running:
        yield running


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory, sink: SmtpSink) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("measure") / "data", env={
        "SWITCHBOARD_SMTP_HOST": "127.0.0.1", "SWITCHBOARD_SMTP_PORT": str(sink.port),
        "SWITCHBOARD_SMTP_SECURITY": "none", "SWITCHBOARD_SMTP_USERNAME": SMTP_LOGIN[0],
        "SWITCHBOARD_SMTP_PASSWORD": SMTP_LOGIN[1], "SWITCHBOARD_SMTP_FROM": SENDER})
    yield stack
    stack.stop()


def fits(page: Page, name: str, testid: str) -> None:
    """Screenshots at both widths of the part `testid` names; at 768 px nothing scrolls sideways."""
    for size, label in ((WIDE, "1400"), (TABLET, "768")):
        page.set_viewport_size(size)
        page.wait_for_timeout(400)
        page.get_by_test_id(testid).scroll_into_view_if_needed()
        shot(page, f"{name}-{label}")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{name} overflows at 768 px: {width[0]} px wide"
    page.set_viewport_size(WIDE)


def test_an_ops_lead_sets_share_of_voice_and_the_figures_follow(up: UpProcess, page: Page) -> None:
    for n, text in enumerate(MENTIONS):
        posted = httpx.post(f"{up.base_url}/api/webhooks/twitter", timeout=30,
                            headers={"X-Switchboard-Token": up.webhook_token()},
                            json={"external_id": f"sov-{n}", "author": f"@sov_{n}", "text": text,
                                  "created_at": datetime.now(UTC).isoformat()})
        assert posted.status_code == 201, posted.text

    page.set_viewport_size(WIDE)
    login(page, up.base_url, OPS_LEAD, path="/#/analytics")
    card = page.get_by_test_id("voice-terms")
    card.scroll_into_view_if_needed()
    expect(card).to_contain_text("No brand or competitor is set yet", timeout=20_000)

    card.get_by_test_id("voice-terms-edit").click()
    page.get_by_test_id("brand.name").fill("Zorblax")
    page.get_by_test_id("brand.terms").fill("zorblax")
    page.get_by_test_id("competitors.0.name").fill("Quuxcorp")
    page.get_by_test_id("competitors.0.terms").fill("quuxcorp")
    page.get_by_test_id("voice-terms-save").click()
    # Zorblax: 3 mentions, Quuxcorp: 2 (one names both).
    expect(page.get_by_test_id("voice-share-0")).to_have_text("60 % (3 mentions)", timeout=15_000)
    expect(page.get_by_test_id("voice-share-1")).to_have_text("40 % (2 mentions)")
    expect(page.get_by_test_id("voice-origin")).to_contain_text("Saved by olivia")
    expect(page.get_by_test_id("chart-share-of-voice").locator(".recharts-wrapper")).to_be_visible()
    fits(page, "share-of-voice", "share-of-voice")

    # A third name; a term given twice is refused on its field before anything is sent.
    card.get_by_test_id("voice-terms-edit").click()
    page.get_by_role("button", name="Add competitor").click()
    page.get_by_test_id("competitors.1.name").fill("Flumph")
    page.get_by_test_id("competitors.1.terms").fill("flumphco, Zorblax")
    page.get_by_test_id("voice-terms-save").click()
    expect(card).to_contain_text('"Zorblax" is given twice')
    fits(page, "share-of-voice-edit", "voice-terms-form")
    page.get_by_test_id("competitors.1.terms").fill("flumphco")
    page.get_by_test_id("voice-terms-save").click()
    expect(page.get_by_test_id("voice-share-2")).to_have_text("28.6 % (2 mentions)", timeout=15_000)
    expect(page.get_by_test_id("voice-share-0")).to_have_text("42.9 % (3 mentions)")

    with up.login(OPS_LEAD) as http:
        saved = http.get("/api/analytics/share-of-voice/terms").json()
    assert [saved["brand"]["name"], *(c["name"] for c in saved["competitors"])] == ["Zorblax", "Quuxcorp", "Flumph"]


def pick(page: Page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=re.compile(f"^{label}")).click()
    page.get_by_role("option", name=option, exact=True).click()


def test_a_report_scheduled_by_email_arrives_with_its_csv(up: UpProcess, sink: SmtpSink, page: Page) -> None:
    page.set_viewport_size(WIDE)
    login(page, up.base_url, OPS_LEAD, path="/#/reports")
    page.get_by_test_id("report-create").click()
    page.get_by_test_id("report-name").fill("Mentions by channel, by email")
    pick(page, "Kind", "Mentions")
    pick(page, "Metric", "Mention volume")
    pick(page, "Group by", "Channel")
    pick(page, "Period", "Last 90 days")
    pick(page, "Schedule", "Every day")
    page.get_by_label("At (HH:MM, local)").fill("07:00")
    page.get_by_test_id("report-email-to").fill("not an address")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Not an email address: not")).to_be_visible()
    page.get_by_test_id("report-email-to").fill("ops@example.com,\nlead@example.org")
    fits(page, "report-email-schedule", "report-email-to")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("report-schedule")).to_have_text(
        "Daily at 07:00 to 2 email recipients", timeout=15_000)

    with up.login(OPS_LEAD) as http:
        report = next(r for r in http.get("/api/reports").json() if r["name"] == "Mentions by channel, by email")
        assert report["email_to"] == ["ops@example.com", "lead@example.org"]
        assert http.post(f"/api/reports/{report['id']}/deliver").status_code == 202
        deadline = time.monotonic() + 60
        while not sink.messages and time.monotonic() < deadline:
            time.sleep(0.2)
        assert sink.messages, "the report's email did not arrive"
        rows = http.get(f"/api/reports/{report['id']}/result").json()["rows"]
    message = sink.messages[-1]
    assert sink.envelopes[-1] == (SENDER, ["ops@example.com", "lead@example.org"])
    assert message["Subject"].startswith("Switchboard report: Mentions by channel, by email (")
    (attachment,) = list(message.iter_attachments())
    content = attachment.get_content()
    table = list(csv.reader(io.StringIO(content.decode() if isinstance(content, bytes) else content)))
    assert {line[0]: int(line[2]) for line in table[1:]} == {row["group"]: row["count"] for row in rows}
    assert SMTP_LOGIN[1] not in up.output()  # the password is in no log line
