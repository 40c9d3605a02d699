"""Saved reports in Debian's headless chromium, against `switchboard up` with its demo data: an ops lead saves
a report of mention volume by channel over the last 90 days (the demo's mentions are from late November), sees
its rows, downloads them as CSV, sees the report list, and schedules it weekly to a webhook. Pages are shot at
1400x900 and at 768 px wide."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.harness.browser import login, shot
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OPS_LEAD = "olivia@example.com"
NAME = "Mentions by channel, 90 days"
WIDE, TABLET = {"width": 1400, "height": 900}, {"width": 768, "height": 1024}


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("reports") / "data")
    yield stack
    stack.stop()


def both_widths(page: Page, name: str) -> None:
    """Screenshots at both widths; at 768 px nothing scrolls sideways."""
    page.set_viewport_size(WIDE)
    page.wait_for_timeout(300)
    shot(page, f"reports-{name}-1400")
    page.set_viewport_size(TABLET)
    page.wait_for_timeout(500)
    shot(page, f"reports-{name}-768")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{name} overflows at 768 px: {width[0]} px wide"
    page.set_viewport_size(WIDE)


def pick(page: Page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=re.compile(f"^{label}")).click()
    page.get_by_role("option", name=option, exact=True).click()


def test_an_ops_lead_saves_runs_and_downloads_a_report(up: UpProcess, page: Page) -> None:
    with up.login(OPS_LEAD) as http:
        expected = http.get("/api/analytics/mentions", params={
            "since": "2026-01-01T00:00:00Z", "until": "2027-01-01T00:00:00Z", "group_by": "channel"}).json()
    counts = {row["group"]: row["count"] for row in expected["rows"]}
    assert counts, "the demo has mentions"

    login(page, up.base_url, OPS_LEAD, path="/#/reports")
    page.get_by_test_id("report-create").click()
    page.get_by_test_id("report-name").fill(NAME)
    pick(page, "Kind", "Mentions")
    pick(page, "Metric", "Mention volume")
    pick(page, "Group by", "Channel")
    pick(page, "Period", "Last 90 days")
    page.get_by_label("Time zone").fill("Europe/Paris")
    both_widths(page, "create")
    page.get_by_role("button", name="Save").click()

    result = page.get_by_test_id("report-result")
    expect(result).to_be_visible(timeout=15_000)
    expect(page.get_by_test_id("report-title")).to_have_text(NAME)
    rows = result.get_by_test_id("report-row")
    expect(rows).to_have_count(len(counts))
    for group, count in counts.items():
        expect(rows.filter(has_text=group)).to_contain_text(f"{count:,}")
    both_widths(page, "show")

    with page.expect_download() as waiting:
        page.get_by_test_id("report-download-csv").click()
    table = list(csv.reader(io.StringIO(open(waiting.value.path(), encoding="utf-8").read())))
    assert table[0][:3] == ["group", "target", "count"]
    assert {row[0]: int(row[2]) for row in table[1:]} == counts

    page.goto(up.base_url + "/#/reports")
    expect(page.get_by_text(NAME)).to_be_visible(timeout=15_000)
    expect(page.get_by_text("Mention volume by channel")).to_be_visible()
    both_widths(page, "list")

    # Scheduled weekly to a webhook: the secret is typed once and never shown again.
    page.get_by_text(NAME).click()
    page.get_by_test_id("report-edit").click()
    pick(page, "Schedule", "Every week")
    page.get_by_label("At (HH:MM, local)").fill("08:30")
    pick(page, "On", "Monday")
    page.get_by_label("Webhook URL").fill("https://hooks.example.com/switchboard")
    page.get_by_label("Signing secret").fill("a-receiver-shared-secret")
    both_widths(page, "schedule")
    page.get_by_test_id("report-save").click()
    expect(page.get_by_test_id("report-schedule")).to_have_text(
        "Weekly, Monday at 08:30 to hooks.example.com", timeout=15_000)
    with up.login(OPS_LEAD) as http:
        saved = next(r for r in http.get("/api/reports").json() if r["name"] == NAME)
    assert saved["has_webhook_secret"] and "a-receiver-shared-secret" not in str(saved)
