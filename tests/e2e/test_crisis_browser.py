"""Crisis mode in Debian's headless chromium, against `switchboard up` with its demo data: an ops lead sets it up
(Marketing/PR backs Support/Sales up), starts a crisis by hand with a reason, a supervisor hears of it from the bell
and opens the page, and the ops lead ends it. The page is shot at 1400x900 and at 768 px wide, normal and in a
crisis."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.harness.browser import login, shot
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OPS_LEAD = "olivia@example.com"
SUPERVISOR = "sofia@example.com"
WIDE, TABLET = {"width": 1400, "height": 900}, {"width": 768, "height": 1024}


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("crisis") / "data")
    yield stack
    stack.stop()


def both_widths(page: Page, name: str) -> None:
    """Screenshots at both widths, from the page's top; at 768 px nothing scrolls sideways."""
    page.evaluate("window.scrollTo(0, 0)")
    page.set_viewport_size(WIDE)
    page.wait_for_timeout(300)
    shot(page, f"crisis-{name}-1400")
    page.set_viewport_size(TABLET)
    page.wait_for_timeout(500)
    shot(page, f"crisis-{name}-768")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{name} overflows at 768 px: {width[0]} px wide"
    page.set_viewport_size(WIDE)


def test_an_ops_lead_sets_up_starts_and_ends_a_crisis_and_a_supervisor_hears_of_it(browser: Browser,
                                                                                  up: UpProcess) -> None:
    lead = browser.new_context(reduced_motion="reduce", viewport=WIDE).new_page()
    login(lead, up.base_url, OPS_LEAD, path="/#/crisis")
    expect(lead.get_by_test_id("crisis-chip")).to_have_text("Normal", timeout=15_000)

    # Marketing/PR backs Support/Sales up; spikes are watched for.
    lead.get_by_test_id("crisis-backup-add").click()
    row = lead.get_by_test_id("crisis-backup-row")
    row.get_by_role("combobox", name="Team", exact=True).click()
    lead.get_by_role("option", name="Marketing/PR").click()
    row.get_by_role("combobox", name="Joins the queues of").click()
    lead.get_by_role("option", name="Support/Sales").click()
    lead.keyboard.press("Escape")
    lead.get_by_test_id("crisis-enabled").click()
    lead.get_by_test_id("crisis-save").click()
    expect(lead.get_by_text("Crisis settings saved")).to_be_visible()
    with up.login(OPS_LEAD) as http:
        saved = http.get("/api/crisis/settings").json()
    assert saved["enabled"] and saved["backup"] == [{"team_id": "marketing", "queues": ["support"]}]
    assert saved["updated_by"] == "olivia"
    both_widths(lead, "normal")

    lead.get_by_test_id("crisis-reason-input").fill("Checkout is down: complaints flooding in")
    lead.get_by_test_id("crisis-start").click()
    expect(lead.get_by_test_id("crisis-chip")).to_have_text("Crisis")
    expect(lead.get_by_test_id("crisis-guests")).to_contain_text("maya → support")
    expect(lead.get_by_test_id("crisis-timeline")).to_contain_text("Started")
    both_widths(lead, "on")

    boss = browser.new_context(reduced_motion="reduce", viewport=WIDE).new_page()
    login(boss, up.base_url, SUPERVISOR)
    boss.get_by_test_id("notification-bell").click()
    note = boss.get_by_test_id("notification").filter(has_text="Crisis mode started")
    expect(note).to_contain_text("Checkout is down")
    note.click()
    expect(boss.get_by_test_id("crisis-chip")).to_have_text("Crisis")
    expect(boss.get_by_test_id("crisis-start")).to_have_count(0)
    expect(boss.get_by_test_id("crisis-end")).to_have_count(0)
    boss.context.close()

    lead.get_by_test_id("crisis-end").click()
    expect(lead.get_by_test_id("crisis-chip")).to_have_text("Normal")
    expect(lead.get_by_test_id("crisis-guests")).to_have_count(0)
    with up.login(OPS_LEAD) as http:
        state = http.get("/api/crisis").json()
    assert state["state"] == "normal" and state["ended_by"] == "olivia"
    assert [e["kind"] for e in state["events"]] == ["ended", "started"]
    lead.context.close()
