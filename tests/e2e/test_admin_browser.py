"""The admin screens in Debian's headless chromium, against `switchboard up` with its demo data: an ops lead changes an
agent's capacity and skills and creates a team with members; the agent, team, queue and mentions pages fit a
1400 px and a 768 px wide window without scrolling sideways."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.harness.browser import login, shot
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ADMIN = "admin@example.com"
OPS_LEAD = "olivia@example.com"
WIDE, TABLET = {"width": 1400, "height": 900}, {"width": 768, "height": 1024}


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("admin") / "data")
    yield stack
    stack.stop()


def api(up: UpProcess, method: str, path: str, **kwargs: Any) -> Any:
    with up.login(ADMIN) as http:
        answer = http.request(method, path, **kwargs)
        assert answer.status_code < 300, answer.text
        return answer.json()


def fits(page: Page, name: str) -> None:
    """Screenshots at both widths; at 768 px nothing scrolls sideways."""
    page.set_viewport_size(WIDE)
    page.wait_for_timeout(300)
    shot(page, f"admin-{name}-1400")
    page.set_viewport_size(TABLET)
    page.wait_for_timeout(500)
    shot(page, f"admin-{name}-768")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{name} overflows at 768 px: {width[0]} px wide"
    page.set_viewport_size(WIDE)


def test_an_ops_lead_changes_an_agents_capacity_and_skills(up: UpProcess, page: Page) -> None:
    login(page, up.base_url, OPS_LEAD, path="/#/agents/grace/show")
    expect(page.get_by_text("technical · 5")).to_be_visible()
    page.get_by_test_id("agent-edit").click()
    capacity = page.get_by_test_id("agent-capacity-input")
    capacity.fill("7")
    skills = page.locator(".ra-input-skills")
    skills.get_by_role("button", name="Add").click()
    page.locator('input[name="skills.1.skill"]').fill("billing")
    skills.get_by_role("combobox").nth(1).click()
    page.get_by_role("option", name="3 · competent").click()
    languages = page.get_by_label("Languages")
    languages.fill("fr")
    languages.press("Enter")
    fits(page, "agent-edit")
    page.get_by_test_id("agent-save").click()

    expect(page.get_by_text("billing · 3")).to_be_visible(timeout=15_000)
    grace = api(up, "GET", "/api/agents/grace")
    assert (grace["capacity"], grace["skills"], grace["languages"]) == (7, {"technical": 5, "billing": 3}, ["en", "fr"])
    fits(page, "agent-show")

    page.goto(up.base_url + "/#/agents")
    expect(page.get_by_test_id("agent-load").first).to_be_visible()
    fits(page, "agent-list")


def test_an_ops_lead_creates_a_team_with_members_and_sees_its_queue(up: UpProcess, page: Page) -> None:
    login(page, up.base_url, OPS_LEAD, path="/#/teams")
    page.get_by_test_id("team-create").click()
    page.get_by_test_id("team-name-input").fill("VIP desk")
    members = page.get_by_label("Members")
    members.fill("Linus")
    page.get_by_role("option", name="Linus Pauling").click()
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_test_id("team-name")).to_have_text("VIP desk", timeout=15_000)
    expect(page.get_by_test_id("team-member")).to_have_count(1)
    page.get_by_label("Add an agent").fill("Maya")
    page.get_by_role("option", name="Maya Angelou (Marketing/PR)").click()
    page.get_by_test_id("team-add-member").click()
    expect(page.get_by_test_id("team-member")).to_have_count(2)
    team = api(up, "GET", "/api/teams/vip-desk")
    assert team["members"] == ["linus", "maya"]
    fits(page, "team-show")

    # Support's agents go offline: a new complaint waits in its queue, oldest first, with its SLA due.
    for agent in ("ada", "grace"):
        api(up, "PATCH", f"/api/agents/{agent}", json={"online": False})
    with up.login(ADMIN) as http:
        posted = http.post("/api/webhooks/twitter", headers={"X-Switchboard-Token": up.webhook_token()}, json={
            "external_id": "admin-queue-1", "author": "@waiting_wendy", "created_at": "2026-11-23T10:00:00Z",
            "text": "@acme I was charged twice for my order and nobody answers, I need a refund"})
        assert posted.status_code == 201, posted.text
    deadline = time.monotonic() + 30
    while api(up, "GET", "/api/teams/support")["waiting"] < 1:
        assert time.monotonic() < deadline, "the complaint never waited in support's queue"
        time.sleep(0.5)
    page.goto(up.base_url + "/#/teams/support/show")
    page.reload()  # the agents' presence changed behind the page's back
    expect(page.get_by_test_id("team-waiting")).not_to_have_attribute("data-waiting", "0")
    expect(page.get_by_test_id("queue-waiting").first).to_be_visible()
    expect(page.get_by_test_id("team-queue").get_by_test_id("sla-due").first).to_have_attribute("data-state", "due")
    fits(page, "team-queue")

    page.goto(up.base_url + "/#/teams")
    expect(page.get_by_role("cell", name="VIP desk")).to_be_visible()
    fits(page, "team-list")


def test_the_mentions_list_reads_at_both_widths(up: UpProcess, page: Page) -> None:
    login(page, up.base_url, ADMIN, path="/#/mentions")
    case = page.get_by_test_id("mention-case").first
    expect(case).to_be_visible()
    # The case's subject stays on one line (cut with an ellipsis), not one word per line.
    box = case.bounding_box()
    assert box is not None and box["height"] < 30, box
    fits(page, "mention-list")
    for path in ("conversations", "customers", "sources", "users"):
        page.goto(up.base_url + f"/#/{path}")
        page.wait_for_load_state("networkidle")
        fits(page, f"{path}-list")
