"""The inbox in Debian's headless chromium, against `switchboard up` with its demo data: an agent lands on Mine
with the views' counts in the menu, a case that arrives or changes through the API shows in the open list with
no reload, and a case whose SLA runs out moves into Overdue live."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.harness.browser import login, shot
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ADMIN = "admin@example.com"
SLA_SECONDS = 25  # the first-response target of the flow this module publishes


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("inbox") / "data")
    with stack.login(ADMIN) as http:
        # Only Ada takes new support cases, and every case's first response is due in SLA_SECONDS.
        for agent in ("grace", "linus"):
            assert http.patch(f"/api/agents/{agent}", json={"online": False}).status_code == 200
        flow = http.get("/api/flows", params={"filter": '{"active": true}'}).json()[0]["document"]
        for node in flow["nodes"]:
            if node["type"] == "sla":
                node["content"] = {"calendars": {}, "policies": [{
                    "id": "short", "first_response_seconds": SLA_SECONDS, "resolution_seconds": 86400,
                    "escalation": [{"after_seconds": 0, "actions": [{"type": "notify", "to": "supervisor"}]}]}],
                    "select": {"mode": "first_match", "default": "short", "rules": []}}
        draft = http.post("/api/flow_drafts", json={"name": "Inbox test: short SLA", "document": flow})
        assert draft.status_code == 201, draft.text
        published = http.post(f"/api/flow_drafts/{draft.json()['id']}/publish", json={"activate": True})
        assert published.status_code in (200, 201), published.text
    yield stack
    stack.stop()


def post_mention(up: UpProcess, text: str) -> dict[str, Any]:
    with up.login(ADMIN) as http:
        answer = http.post("/api/webhooks/twitter", headers={"X-Switchboard-Token": up.webhook_token()}, json={
            "external_id": uuid.uuid4().hex[:12], "author": f"@inbox-{uuid.uuid4().hex[:6]}",
            "created_at": "2026-12-04T06:00:00Z", "text": text})
        assert answer.status_code == 201, answer.text
        return answer.json()


def menu_item(page: Page, view: str) -> Locator:
    """A view's entry in the menu; below 900 px the menu is a drawer, opened here by the app bar's button."""
    item = page.get_by_test_id(f"inbox-view-{view}")
    if not item.is_visible():
        page.locator(".RaAppBar-menuButton").click()
        expect(page.get_by_test_id("menu-drawer")).to_be_visible()
    return item


def count_of(page: Page, view: str) -> int:
    label = menu_item(page, view).get_attribute("aria-label") or ""
    if page.get_by_test_id("menu-drawer").is_visible():
        page.keyboard.press("Escape")
        expect(page.get_by_test_id("menu-drawer")).to_have_count(0)
    return int(label.rsplit(": ", 1)[1])


def test_an_agent_lands_on_mine_and_a_new_case_shows_without_a_reload(up: UpProcess, page: Page) -> None:
    login(page, up.base_url, "ada@example.com")
    expect(page).to_have_url(re.compile(r"#/cases\?filter=.*(mine|unassigned)"))
    for view in ("mine", "unassigned", "breaching", "overdue", "team:support"):
        expect(page.get_by_test_id(f"inbox-view-{view}")).to_be_visible()
    expect(page.get_by_test_id("inbox-view-team:marketing")).to_have_count(0)  # not her team
    expect(page.get_by_test_id("inbox-view-approvals")).to_have_count(0)  # agents approve nothing
    page.get_by_test_id("inbox-view-mine").click()
    mine_before = count_of(page, "mine")
    expect(page.get_by_test_id("case-subject")).to_have_count(mine_before)

    words = f"order {uuid.uuid4().hex[:6]} never arrived"
    opened = post_mention(up, f"@acme my {words}, I want a refund")
    row = page.get_by_test_id("case-subject").filter(has_text=words)
    expect(row).to_be_visible(timeout=20_000)  # no reload: the live stream refreshed the list
    expect(page.get_by_test_id("inbox-view-mine")).to_have_attribute("aria-label", f"Mine: {mine_before + 1}")
    expect(page.get_by_test_id("sla-countdown").first).to_be_visible()
    shot(page, "inbox-mine")

    # Claimed through the API (as if in another tab): the lock shows on its row, again with no reload.
    with up.login("ada@example.com") as http:
        assert http.post(f"/api/cases/{opened['case_id']}/claim", json={}).status_code == 200
    line = page.locator("tr", has=row)
    expect(line.get_by_test_id("claim-lock")).to_be_visible(timeout=20_000)
    expect(line.get_by_test_id("case-last-message")).to_contain_text("No reply yet")
    # Her reply (again from another tab) becomes the row's last message under the subject, with no reload.
    with up.login("ada@example.com") as http:
        sent = http.post(f"/api/cases/{opened['case_id']}/replies", json={"text": "Sorry! A new parcel ships today."})
        assert sent.status_code == 200, sent.text
    expect(line.get_by_test_id("case-last-message")).to_contain_text("You:Sorry! A new parcel ships today.",
                                                                     timeout=20_000)
    shot(page, "inbox-mine-replied")
    page.get_by_test_id("notification-bell").click()
    expect(page.get_by_test_id("notification").first).to_contain_text("Assigned to you")
    shot(page, "inbox-notifications")
    page.keyboard.press("Escape")


def test_a_case_whose_sla_runs_out_moves_into_overdue_live(up: UpProcess, page: Page) -> None:
    page.set_viewport_size({"width": 768, "height": 1000})
    words = f"parcel {uuid.uuid4().hex[:6]} is lost"
    post_mention(up, f"@acme my {words}, where is it?")
    posted = time.monotonic()
    login(page, up.base_url, "ada@example.com")
    menu_item(page, "breaching").click()  # the menu is a drawer at this width; picking a view closes it
    expect(page.get_by_test_id("case-subject").filter(has_text=words)).to_be_visible(timeout=20_000)
    countdown = page.locator("tr", has=page.get_by_test_id("case-subject").filter(has_text=words)) \
        .get_by_test_id("sla-countdown")
    expect(countdown).to_have_attribute("data-state", "soon")
    shot(page, "inbox-breaching-768")

    overdue_before = count_of(page, "overdue")
    menu_item(page, "overdue").click()
    expect(page.get_by_test_id("case-subject").filter(has_text=words)).to_have_count(0)
    remaining = max(0.0, SLA_SECONDS - (time.monotonic() - posted))
    expect(page.get_by_test_id("case-subject").filter(has_text=words)).to_be_visible(
        timeout=(remaining + 30) * 1000)
    line = page.locator("tr", has=page.get_by_test_id("case-subject").filter(has_text=words))
    expect(line.get_by_test_id("sla-countdown")).to_have_attribute("data-state", "overdue")
    assert count_of(page, "overdue") >= overdue_before + 1
    shot(page, "inbox-overdue-768")
