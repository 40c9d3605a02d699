"""Auto-replies in Debian's headless chromium, against `switchboard up` with its demo data.

An ops lead picks, in a draft of the active flow, the canned reply triage answers billing mentions with, saves and
publishes it; a billing tweet then gets the auto-reply (on its case's timeline, by "system"), and the dashboard's
Auto-replies chart counts it.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.harness.browser import login, shot
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OPS_LEAD = "olivia@example.com"
ADMIN = "admin@example.com"


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("auto-reply") / "data")
    yield stack
    stack.stop()


def timeline_of(up: UpProcess, mention_id: str, kind: str, timeout: float = 30) -> tuple[dict[str, Any], list]:
    """The mention's case, once its timeline has an event of `kind`, with those events."""
    deadline = time.monotonic() + timeout
    with up.login(ADMIN) as http:
        while True:
            case_id = http.get(f"/api/mentions/{mention_id}").json().get("case_id")
            if case_id:
                events = http.get("/api/case_events", params={"filter": json.dumps({"case_id": case_id})}).json()
                found = [event for event in events if event["kind"] == kind]
                if found:
                    return http.get(f"/api/cases/{case_id}").json(), found
            assert time.monotonic() < deadline, f"no {kind} on {mention_id}'s case"
            time.sleep(0.3)


def test_an_ops_lead_sets_an_auto_reply_and_a_billing_mention_gets_it(up: UpProcess, page: Page) -> None:
    with up.login(OPS_LEAD) as http:
        created = http.post("/api/canned_replies", json={
            "title": "Billing question received",
            "text": "Hi {{customer.name}}, thanks for writing: our billing team answers within the hour."})
        assert created.status_code == 201, created.text

    login(page, up.base_url, OPS_LEAD, path="/#/flows")
    page.get_by_text("Default care flow").first.click()
    page.get_by_test_id("flow-edit-as-draft").click()
    canvas = page.get_by_test_id("flow-editor-canvas")
    canvas.locator('[data-testid="flow-editor-node"][data-node-id="triage"]').click()
    picker = page.get_by_role("combobox", name="Auto-reply with")
    expect(picker).to_have_text(re.compile("No auto-reply"))
    picker.click()
    page.get_by_role("option", name="Billing question received").click()
    # Its rule: billing mentions (written in the rule's JSON tab).
    rule = page.get_by_test_id("rule-editor").filter(has_text="auto_reply when")
    rule.get_by_test_id("rule-tab-json").click()
    rule.get_by_test_id("rule-json").fill('{"in": ["billing", {"var": "tags"}]}')
    page.get_by_test_id("flow-save").click()
    expect(page.get_by_text("Draft saved")).to_be_visible(timeout=15_000)
    rule.scroll_into_view_if_needed()
    shot(page, "auto-reply-triage")
    page.set_viewport_size({"width": 768, "height": 1024})
    picker.scroll_into_view_if_needed()
    shot(page, "auto-reply-triage-768")
    page.set_viewport_size({"width": 1400, "height": 900})

    draft_id = page.url.rsplit("/", 1)[-1]
    with up.login(OPS_LEAD) as http:
        saved = http.get(f"/api/flow_drafts/{draft_id}").json()
        triage = next(node for node in saved["document"]["nodes"] if node["type"] == "triage")
        assert triage["content"]["auto_reply"] == {"when": {"in": ["billing", {"var": "tags"}]},
                                                   "canned_reply_id": created.json()["id"]}
        published = http.post(f"/api/flow_drafts/{draft_id}/publish", json={})
        assert published.status_code in (200, 201), published.text

    mention_id = up.tweet(prefix="ar", text="I was charged twice on my invoice, please refund")
    case, [auto] = timeline_of(up, mention_id, "auto_replied")
    assert auto["actor"] == "system" and case["auto_reply_id"] == created.json()["id"]
    assert case["first_response_at"] is None and case["reply_count"] == 0  # no human answered yet

    page.goto(up.base_url + f"/#/cases/{case['id']}/show")
    entry = page.locator('[data-testid="case-event"][data-kind="auto_replied"]')
    expect(entry).to_be_visible(timeout=15_000)
    expect(page.get_by_test_id("mention").filter(has_text="billing team answers")).to_be_visible()
    entry.scroll_into_view_if_needed()
    shot(page, "auto-reply-case")

    page.goto(up.base_url + "/#/analytics")
    chart = page.get_by_test_id("chart-auto-replies")
    expect(chart.get_by_role("progressbar")).to_have_count(0, timeout=20_000)
    expect(chart.locator(".recharts-wrapper")).to_be_visible()
    chart.scroll_into_view_if_needed()
    shot(page, "auto-reply-dashboard")
    page.set_viewport_size({"width": 768, "height": 1024})
    chart.scroll_into_view_if_needed()
    shot(page, "auto-reply-dashboard-768")
