"""Canned replies in Debian's headless chromium, against `switchboard up` with its demo data: an ops lead writes
one for Marketing/PR on X / Twitter, putting its variables in from the chips and watching the preview; Maya, of
Marketing/PR, claims a press case from X and inserts it from the composer with the customer's name, hers and the
case's id filled in. The pages are shot at 1400x900 and at 768 px wide."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.harness.browser import login, shot
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ADMIN = "admin@example.com"
OPS_LEAD = "olivia@example.com"
TITLE = "Press: statement coming"
WIDE, TABLET = {"width": 1400, "height": 900}, {"width": 768, "height": 1024}


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("canned") / "data")
    yield stack
    stack.stop()


def both_widths(page: Page, name: str) -> None:
    """Screenshots at both widths; at 768 px nothing scrolls sideways."""
    page.set_viewport_size(WIDE)
    page.wait_for_timeout(300)
    shot(page, f"canned-{name}-1400")
    page.set_viewport_size(TABLET)
    page.wait_for_timeout(500)
    shot(page, f"canned-{name}-768")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{name} overflows at 768 px: {width[0]} px wide"
    page.set_viewport_size(WIDE)


def waiting_press_case(up: UpProcess) -> dict[str, Any]:
    """A reporter's question from X, waiting in Marketing/PR's queue (Maya offline, so nobody got it yet)."""
    with up.login(ADMIN) as http:
        assert http.patch("/api/agents/maya", json={"online": False}).status_code == 200
        posted = http.post("/api/webhooks/twitter", headers={"X-Switchboard-Token": up.webhook_token()}, json={
            "external_id": f"press-{uuid.uuid4().hex[:8]}", "author": "@lois_lane",
            "created_at": "2026-12-04T08:00:00Z", "author_followers": 250_000, "author_verified": True,
            "text": "Hi @acme, I'm a reporter at the Daily Planet: can you comment on the outage this morning?"})
        assert posted.status_code == 201, posted.text
        case_id = posted.json()["case_id"]
        deadline = time.monotonic() + 20
        while True:
            case = http.get(f"/api/cases/{case_id}").json()
            if case["team_id"] == "marketing" and case["status"] == "open":
                return case
            assert time.monotonic() < deadline, f"the press case never waited in marketing's queue: {case}"
            time.sleep(0.3)


def test_an_ops_lead_writes_a_canned_reply_with_variables(up: UpProcess, page: Page) -> None:
    login(page, up.base_url, OPS_LEAD, path="/#/canned_replies")
    expect(page.get_by_text("Refund on its way")).to_be_visible(timeout=15_000)  # the built-in ones, migrated
    page.get_by_test_id("canned-create").click()
    page.get_by_test_id("canned-title").fill(TITLE)
    text = page.get_by_test_id("canned-text")
    text.fill("Hi , thanks for asking. Our press team will send a statement shortly. Reference: ")
    page.get_by_test_id("canned-variable-case.id").click()
    text.press("End")
    text.press_sequentially(" ")
    page.get_by_test_id("canned-variable-agent.name").click()
    text.evaluate("box => box.setSelectionRange(3, 3)")  # after "Hi "
    page.get_by_test_id("canned-variable-customer.name").click()
    expect(text).to_have_value("Hi {{customer.name}}, thanks for asking. Our press team will send a statement "
                               "shortly. Reference: {{case.id}} {{agent.name}}")
    expect(page.get_by_test_id("canned-preview")).to_have_text(
        "Hi Jane Doe, thanks for asking. Our press team will send a statement shortly. Reference: case-1042 "
        "Ada Lovelace")
    page.get_by_label("Team").click()
    page.get_by_role("option", name="Marketing/PR").click()
    channels = page.get_by_label("Channels")
    channels.click()
    page.get_by_role("option", name="X / Twitter (webhook)").click()
    page.keyboard.press("Escape")
    both_widths(page, "create")
    page.get_by_role("button", name="Save").click()

    row = page.locator("tr", has_text=TITLE)
    expect(row).to_be_visible(timeout=15_000)
    expect(row).to_contain_text("Marketing/PR")
    with up.login(ADMIN) as http:
        made = http.get("/api/canned_replies", params={"filter": '{"q":"press: statement"}'}).json()
    assert [(r["team_id"], r["channels"], r["created_by"]) for r in made] == [("marketing", ["twitter"], "olivia")]
    both_widths(page, "list")
    row.click()
    expect(page.get_by_test_id("canned-last-change")).to_contain_text("olivia")
    both_widths(page, "edit")


def test_an_agent_inserts_it_from_the_composer_with_the_variables_filled(up: UpProcess, page: Page) -> None:
    with up.login(ADMIN) as http:
        if not http.get("/api/canned_replies", params={"filter": '{"q":"press: statement"}'}).json():
            made = http.post("/api/canned_replies", json={
                "title": TITLE, "team_id": "marketing", "channels": ["twitter"],
                "text": "Hi {{customer.name}}, thanks for asking. Our press team will send a statement shortly. "
                        "Reference: {{case.id}} {{agent.name}}"})
            assert made.status_code == 201, made.text
    case = waiting_press_case(up)
    login(page, up.base_url, "maya@example.com", path=f"/#/cases/{case['id']}/show")
    page.get_by_test_id("case-claim").click()
    expect(page.get_by_test_id("case-holder")).to_contain_text("Claimed by Maya Angelou (you)", timeout=15_000)

    page.get_by_test_id("canned-replies").click()
    expect(page.get_by_test_id("canned-greeting")).to_be_visible()
    page.get_by_test_id("canned-search").fill("press")
    expect(page.get_by_test_id("canned-greeting")).to_have_count(0)
    both_widths(page, "composer-menu")
    page.get_by_role("menuitem", name=TITLE).click()
    expect(page.get_by_test_id("reply-text")).to_have_value(
        f"Hi lois_lane, thanks for asking. Our press team will send a statement shortly. Reference: {case['id']} "
        "Maya Angelou")
    page.get_by_test_id("reply-text").scroll_into_view_if_needed()
    both_widths(page, "composer-filled")
