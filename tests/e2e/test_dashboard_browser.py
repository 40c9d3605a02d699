"""The Dashboard page in Debian's headless chromium, against `switchboard up` with its demo data: an ops lead
watches the live tiles change as mentions arrive (no reload: the figures come over Server-Sent Events), the charts
draw and export, and the page fits at 1400x900 and 768 px; an agent has no dashboard.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.harness.browser import SHOTS, login, shot
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OPS_LEAD = "olivia@example.com"
CHARTS = ("cases-per-day", "first-response", "resolution", "sla", "auto-replies", "mentions-per-channel")


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("dashboard") / "data")
    yield stack
    stack.stop()


def post_mention(up: UpProcess, ident: str, text: str) -> None:
    posted = httpx.post(f"{up.base_url}/api/webhooks/twitter", timeout=30,
                        headers={"X-Switchboard-Token": up.webhook_token()},
                        json={"external_id": ident, "author": f"@{ident.replace('-', '_')}", "text": text,
                              "created_at": datetime.now(UTC).isoformat()})
    assert posted.status_code == 201, posted.text


def charts_drawn(page: Page) -> None:
    """Every chart loaded: drawn, or saying that the period has nothing (the demo's cases have no first response,
    none is closed); the demo's mentions and today's cases are drawn."""
    for chart in CHARTS:
        expect(page.get_by_test_id(f"chart-{chart}").get_by_role("progressbar")).to_have_count(0, timeout=20_000)
    for chart in ("cases-per-day", "mentions-per-channel"):
        expect(page.get_by_test_id(f"chart-{chart}").locator(".recharts-wrapper")).to_be_visible()


def in_five_minutes(page: Page) -> int:
    detail = page.get_by_test_id("tile-mention-rate-detail").inner_text()
    found = re.match(r"(\d+) in 5 min", detail)
    assert found, detail
    return int(found.group(1))


def test_the_live_tiles_follow_mentions_as_they_arrive(up: UpProcess, page: Page) -> None:
    login(page, up.base_url, OPS_LEAD, path="/#/analytics")
    expect(page.get_by_test_id("live-status")).to_have_text("Live", timeout=15_000)
    expect(page.get_by_test_id("tile-agents-value")).to_have_text("5 / 5")  # the demo's agents, all online
    before = in_five_minutes(page)
    for n in range(3):
        post_mention(up, f"dash-live-{n}", f"@acme the app is down again ({n}), I cannot log in")
    # The stream polls every 2 s; the page is not reloaded.
    expect(page.get_by_test_id("tile-mention-rate-detail")).to_contain_text(f"{before + 3} in 5 min",
                                                                             timeout=20_000)
    expect(page.get_by_test_id("tile-open-value")).not_to_have_text("0")
    charts_drawn(page)
    page.wait_for_load_state("networkidle")
    shot(page, "dashboard-live-1400")
    page.screenshot(path=str(SHOTS / "dashboard-live-1400-full.png"), full_page=True, animations="disabled")

    # The data of a chart, as CSV: its header and a line per day of the period.
    with page.expect_download() as download:
        page.get_by_role("button", name="Export Cases opened and closed as CSV").click()
    assert download.value.suggested_filename == "cases-per-day.csv"
    lines = open(download.value.path(), encoding="utf-8").read().splitlines()
    assert lines[0] == "day,opened,closed" and len(lines) == 1 + 30, lines[:3]
    with page.expect_download() as picture:
        page.get_by_role("button", name="Export Mention volume as PNG").click()
    assert picture.value.suggested_filename == "mentions-per-channel.png"
    assert open(picture.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"

    # A week, one team: the charts ask again.
    page.get_by_test_id("period-7").click()
    expect(page.get_by_test_id("period-caption")).to_contain_text("Last 7 days")
    page.get_by_role("combobox", name="Team").click()
    page.get_by_role("option", name="Support/Sales").click()
    expect(page.get_by_role("combobox", name="Team")).to_have_text("Support/Sales")
    with page.expect_download() as week:
        page.get_by_role("button", name="Export Cases opened and closed as CSV").click()
    assert len(open(week.value.path(), encoding="utf-8").read().splitlines()) == 1 + 7


def test_the_dashboard_fits_a_tablet_and_is_not_an_agents(up: UpProcess, page: Page) -> None:
    page.set_viewport_size({"width": 768, "height": 1024})
    login(page, up.base_url, OPS_LEAD, path="/#/analytics")
    expect(page.get_by_test_id("live-status")).to_have_text("Live", timeout=15_000)
    charts_drawn(page)
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 769, f"the dashboard is {width} px wide at 768 px: it scrolls sideways"
    shot(page, "dashboard-live-768")
    page.screenshot(path=str(SHOTS / "dashboard-live-768-full.png"), full_page=True, animations="disabled")

    page.get_by_role("button", name="Profile").click()
    page.get_by_role("menuitem", name="Logout").click()
    login(page, up.base_url, "ada@example.com")
    page.locator(".RaAppBar-menuButton").click()
    menu = page.get_by_test_id("menu-drawer").get_by_role("menu")
    expect(menu.get_by_role("menuitem", name="Cases")).to_be_visible()
    expect(menu.get_by_role("menuitem", name="Dashboard")).to_have_count(0)
