"""The case workspace in Debian's headless chromium, against `switchboard up` with its demo data.

Two agents open the same waiting case in two browsers: the first claim wins and the second is told who got it.
The holder's reply to the press waits for approval (the demo flow holds press replies); a supervisor edits and
approves it from the case page and it shows as sent. The page is shot at 1400x900 and at 768 px wide.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from tests.harness.browser import login, shot
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ADMIN = "admin@example.com"


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("workspace") / "data")
    yield stack
    stack.stop()


def waiting_press_case(up: UpProcess) -> dict[str, Any]:
    """A reporter's question queued in Marketing/PR (a pull queue) while its only agent, Maya, is offline."""
    with up.login(ADMIN) as http:
        offline = http.patch("/api/agents/maya", json={"online": False})
        assert offline.status_code == 200, offline.text
        posted = http.post("/api/webhooks/twitter", headers={"X-Switchboard-Token": up.webhook_token()}, json={
            "external_id": f"press-{uuid.uuid4().hex[:8]}", "author": "@clark_kent",
            "created_at": "2026-12-04T08:00:00Z", "author_followers": 412_000, "author_verified": True,
            "text": "Hi @acme, I'm a reporter at the Daily Planet: can you comment on the outage reports "
                    "this morning?"})
        assert posted.status_code == 201, posted.text
        case_id = posted.json()["case_id"]
        assert case_id, posted.text
        deadline = time.monotonic() + 20
        while True:
            case = http.get(f"/api/cases/{case_id}").json()
            if case["team_id"] == "marketing" and case["assignee_id"] is None and case["status"] == "open":
                return case
            assert time.monotonic() < deadline, f"the press case never waited in marketing's queue: {case}"
            time.sleep(0.3)


def top(page: Page) -> None:
    page.evaluate("() => window.scrollTo(0, 0)")


def no_overflow(page: Page) -> None:
    """Nothing on the case page is wider than the page: no sideways scrolling, no clipped header."""
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page scrolls sideways at {widths[1]} px: {widths[0]} px wide"


@pytest.mark.expect_status(409)
def test_the_first_claim_wins_and_a_supervisor_edits_and_approves_the_held_reply(up: UpProcess, page: Page,
                                                                                  guest: Page) -> None:
    case = waiting_press_case(up)
    path = f"/#/cases/{case['id']}/show"
    # Two agents, two browsers (separate contexts): Maya of Marketing/PR, and Sofia who sees every team.
    # Sofia's page is slow to learn of Maya's claim: it is shown the case as it first read it until she tries to
    # claim it (her page reads the case again whenever a part of it mounts: on a busy machine, after the claim).
    first_read: list[str] = []
    claimed: list[str] = []

    def as_before_her_claim(route: Route) -> None:
        request = route.request
        if request.method == "POST":
            claimed.append(request.url)
            route.continue_()
        elif claimed:
            route.continue_()
        elif first_read:
            route.fulfill(status=200, content_type="application/json", body=first_read[0])
        else:
            answer = route.fetch()
            first_read.append(answer.text())
            route.fulfill(response=answer)

    guest.route(f"**/api/cases/{case['id']}", as_before_her_claim)
    guest.route(f"**/api/cases/{case['id']}/claim", as_before_her_claim)
    login(page, up.base_url, "maya@example.com", path=path)
    login(guest, up.base_url, "sofia@example.com", path=path)
    for someone in (page, guest):
        expect(someone.get_by_test_id("case-holder")).to_contain_text("Unassigned")
        expect(someone.get_by_test_id("case-claim")).to_be_visible()
    expect(page.get_by_test_id("case-title")).to_have_attribute("title", case["subject"])
    # The app bar's title is cut between words, never inside one; the whole subject shows on hover.
    bar = page.get_by_test_id("case-page-title")
    expect(bar).to_have_attribute("title", case["subject"])
    shown = bar.inner_text()
    assert shown.endswith("…") and case["subject"].startswith(shown[:-1])
    assert case["subject"][len(shown) - 1] in " ,.:;!?", f"cut inside a word: {shown!r}"

    page.get_by_test_id("case-claim").click()
    expect(page.get_by_text("Case claimed: it is yours to work")).to_be_visible(timeout=15_000)
    expect(page.get_by_test_id("case-holder")).to_contain_text("Claimed by Maya Angelou (you)")
    expect(page.get_by_test_id("case-release")).to_be_visible()

    # Sofia's page still offers the claim she was about to make: the API refuses it, and she is told who won.
    guest.get_by_test_id("case-claim").click()
    refused = guest.get_by_test_id("case-claim-refused")
    expect(refused).to_contain_text("Maya Angelou got this case first", timeout=15_000)
    expect(refused).to_contain_text("maya is working on this case")
    expect(guest.get_by_test_id("case-holder")).to_contain_text("Claimed by Maya Angelou")
    expect(guest.get_by_test_id("case-takeover")).to_be_visible()  # a supervisor may still take it over
    assert claimed and first_read, "Sofia saw the case as first read, and her claim went to the API"
    # Each sees the other viewing the case, by name.
    guest.reload()
    expect(guest.locator("[data-testid='case-viewer'][data-agent='maya']")).to_be_visible(timeout=15_000)
    with up.login(ADMIN) as http:
        assert http.get(f"/api/cases/{case['id']}").json()["claimed_by"] == "maya"

    # The customer beside the conversation: flags and followers from the mention.
    panel = page.get_by_test_id("customer-panel")
    expect(panel).to_be_visible(timeout=15_000)
    expect(panel.get_by_test_id("customer-followers")).to_have_text("412K followers")
    expect(panel.get_by_test_id("customer-verified")).to_be_visible()

    # Maya replies: the demo flow holds replies to the press for approval.
    page.get_by_test_id("canned-replies").click()
    page.get_by_test_id("canned-greeting").click()
    expect(page.get_by_test_id("reply-text")).to_have_value(
        "Hi clark_kent, thanks for reaching out. I am Maya Angelou and I will look into this for you.")
    page.get_by_test_id("reply-text").fill("We are looking into the outage and will share a statement shortly.")
    expect(page.get_by_test_id("reply-counter")).to_contain_text("/ 280 (twitter)")
    expect(page.get_by_test_id("reply-needs-approval")).to_be_visible(timeout=10_000)  # known before sending
    page.get_by_test_id("reply-send").click()
    expect(page.get_by_test_id("reply-held")).to_be_visible(timeout=15_000)
    held = page.get_by_test_id("case-draft")
    expect(held).to_have_count(1, timeout=15_000)
    expect(held.get_by_test_id("draft-status")).to_have_text("Waiting for approval")
    expect(page.get_by_test_id("draft-approve")).to_have_count(0)  # an agent does not approve
    expect(page.get_by_text("Reply held for approval: it is sent")).to_have_count(0, timeout=10_000)  # the toast
    page.set_viewport_size({"width": 1400, "height": 900})
    top(page)
    shot(page, "case-workspace-1400")
    page.get_by_test_id("customer-panel").scroll_into_view_if_needed()
    shot(page, "case-workspace-1400-customer")
    page.set_viewport_size({"width": 768, "height": 1024})
    top(page)
    shot(page, "case-workspace-768")
    page.get_by_test_id("customer-panel").scroll_into_view_if_needed()
    shot(page, "case-workspace-768-customer")
    no_overflow(page)

    # Sofia edits the held reply and approves it from the case page: the edit is what goes out.
    guest.reload()
    draft = guest.get_by_test_id("case-draft")
    expect(draft).to_have_count(1, timeout=15_000)
    expect(guest.locator("[data-testid='case-viewer'][data-agent='maya']")).to_be_visible(timeout=15_000)
    top(guest)
    shot(guest, "case-workspace-supervisor-1400")
    no_overflow(guest)
    draft.get_by_test_id("draft-edit").click()
    edited = "We are looking into this morning's outage; a statement follows within the hour."
    guest.get_by_test_id("draft-edit-text").fill(edited)
    guest.get_by_test_id("draft-edit-text-confirm").click()
    expect(guest.get_by_text("Edited reply approved and sent")).to_be_visible(timeout=15_000)
    expect(guest.get_by_test_id("case-draft")).to_have_count(0, timeout=15_000)
    sent = guest.get_by_test_id("mention").filter(has_text="a statement follows within the hour")
    expect(sent).to_have_attribute("data-direction", "outbound", timeout=15_000)
    expect(sent).to_contain_text("Maya Angelou")  # the agent's name, not their id
    page.reload()
    expect(page.get_by_test_id("mention").filter(has_text="a statement follows")).to_have_count(1, timeout=15_000)

    # Maya gives the case back to the queue: it waits there for someone else (she is not offered it again).
    page.get_by_test_id("case-release").click()
    expect(page.get_by_text("Case released: it is back in its team's queue")).to_be_visible(timeout=15_000)
    expect(page.get_by_test_id("case-holder")).to_contain_text("Unassigned", timeout=15_000)
    with up.login(ADMIN) as http:
        released = http.get(f"/api/cases/{case['id']}").json()
        assert released["assignee_id"] is None and released["claimed_by"] is None
        events = http.get("/api/case_events", params={"filter": json.dumps({"case_id": case["id"]}),
                                                      "range": "[0, 199]"})
        assert events.status_code == 200, events.text
        kinds = [e["kind"] for e in events.json()]
        assert "released" in kinds and "reply_approved" in kinds
