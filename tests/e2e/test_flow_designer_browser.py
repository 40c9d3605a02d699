"""The ops lead's flow designer in Debian's headless chromium, against `switchboard up` with its demo data.

An ops lead opens a draft of the active flow, adds a routing rule with the rule builder (the "help" tag goes to
escalations), tries it on a real mention in the test panel, publishes it after reading the diff, and a matching
webhook mention then lands in the escalations queue; then rolls back. A blank draft is built from the palette.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.harness.browser import login, shot
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OPS_LEAD = "olivia@example.com"


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("flow-designer") / "data")
    yield stack
    stack.stop()


def case_of(up: UpProcess, mention_id: str) -> dict[str, Any]:
    with up.login("admin@example.com") as http:
        mention = http.get(f"/api/mentions/{mention_id}").json()
        assert mention["case_id"], mention
        return http.get(f"/api/cases/{mention['case_id']}").json()


def active_version(up: UpProcess) -> str:
    with up.login(OPS_LEAD) as http:
        flows = http.get("/api/flows", params={"filter": json.dumps({"active": True})}).json()
    assert len(flows) == 1, flows
    return flows[0]["id"]


def test_an_ops_lead_builds_a_rule_tests_it_publishes_and_a_mention_follows_it(up: UpProcess, page: Page) -> None:
    before = up.tweet(prefix="fd", text="help, how do i export my invoices")
    assert case_of(up, before)["team_id"] == "support"
    live = active_version(up)

    login(page, up.base_url, OPS_LEAD, path="/#/flows")
    expect(page.get_by_test_id("flow-active")).to_have_count(1)
    page.get_by_text("Default care flow").first.click()
    page.get_by_test_id("flow-edit-as-draft").click()
    canvas = page.get_by_test_id("flow-editor-canvas")
    expect(canvas.locator('[data-testid="flow-editor-node"]')).to_have_count(8)
    # Every stage in view at 1400 px, none cut off.
    box = canvas.bounding_box()
    assert box is not None
    for node in canvas.locator('[data-testid="flow-editor-node"]').all():
        inner = node.bounding_box()
        assert inner is not None and box["x"] <= inner["x"] and inner["x"] + inner["width"] <= box["x"] + box["width"]
    shot(page, "flow-designer-draft")

    # A routing rule from the builder: the "help" tag goes to escalations.
    canvas.locator('[data-testid="flow-editor-node"][data-node-id="assign"]').click()
    page.get_by_test_id("rule-add").click()
    new_rule = page.get_by_test_id("rule-editor").first
    builder = new_rule.get_by_test_id("rule-builder")
    expect(builder).to_be_visible(timeout=15_000)
    builder.locator(".rule-value").get_by_role("combobox").click()
    page.get_by_role("option", name="help", exact=True).click()
    page.get_by_role("combobox", name="Then route to the queue of").first.click()
    page.get_by_role("option", name="escalations", exact=True).click()
    assert json.loads(page.get_by_test_id("rule-then").first.input_value()) == {"team_id": "escalations"}
    new_rule.get_by_test_id("rule-tab-json").click()
    assert json.loads(new_rule.get_by_test_id("rule-json").input_value()) == {"in": ["help", {"var": "tags"}]}
    new_rule.get_by_test_id("rule-tab-builder").click()
    page.get_by_test_id("flow-save").click()
    expect(page.get_by_text("Draft saved")).to_be_visible(timeout=15_000)
    new_rule.scroll_into_view_if_needed()
    shot(page, "flow-designer-builder")

    # The test panel: the mention taken in before now goes to escalations.
    page.get_by_test_id("draft-tab-test").click()
    page.get_by_test_id("flow-test-pick").fill("export my invoices")
    page.get_by_role("option").filter(has_text="export my invoices").first.click()
    page.get_by_test_id("flow-test-run").click()
    expect(page.get_by_test_id("flow-test-queue")).to_have_text("escalations", timeout=15_000)
    expect(page.get_by_test_id("flow-test-tags")).to_contain_text("help")
    routing = page.locator('[data-testid="flow-test-stage"][data-stage="assign"]')
    expect(routing.get_by_test_id("case-event-trace").first).to_contain_text("(matched)")
    page.get_by_test_id("flow-test-result").scroll_into_view_if_needed()
    shot(page, "flow-designer-test")
    page.set_viewport_size({"width": 768, "height": 1024})
    shot(page, "flow-designer-test-768")
    page.set_viewport_size({"width": 1400, "height": 900})

    # Publish, after the diff against the active version.
    page.get_by_test_id("flow-publish").click()
    # The dialog opens with its backtest running; on a loaded machine a click on the tab while the dialog opened
    # was seen not to take (the Backtest tab stayed selected): wait for the dialog, and click again if it did not.
    expect(page.get_by_role("heading", name=re.compile("^Publish"))).to_be_visible()
    diff_tab = page.get_by_test_id("publish-tab-diff")
    diff_tab.click()
    try:
        expect(diff_tab).to_have_attribute("aria-selected", "true", timeout=5_000)
    except AssertionError:
        diff_tab.click()
        expect(diff_tab).to_have_attribute("aria-selected", "true")
    expect(page.get_by_test_id("flow-diff-node")).to_have_attribute("data-node-id", "assign")
    expect(page.get_by_test_id("flow-diff-rule")).to_contain_text("added rule routing: rule-")
    shot(page, "flow-designer-diff")
    page.get_by_test_id("flow-diff-json-tab").click()
    expect(page.get_by_test_id("flow-diff-json")).to_contain_text('"escalations"')
    shot(page, "flow-designer-diff-json")
    page.get_by_test_id("publish-confirm").click()
    expect(page).to_have_url(re.compile(r"#/flows/[0-9a-f]{16}/show"), timeout=15_000)
    published = page.url.rsplit("/", 2)[-2]
    assert published != live and active_version(up) == published

    # A matching webhook mention lands in the escalations queue.
    after = up.tweet(prefix="fd", text="help please, how do i close my account")
    assert case_of(up, after)["team_id"] == "escalations"

    # The draft is listed as published.
    page.goto(up.base_url + "/#/flow_drafts")
    expect(page.get_by_test_id("flow-draft-published-chip").first).to_have_text("Published, active")

    # Roll back: the version before is active again.
    page.goto(up.base_url + f"/#/flows/{published}/show")
    page.get_by_test_id("flow-roll-back").click()
    shot(page, "flow-designer-roll-back")
    page.get_by_role("button", name="Roll back").last.click()
    expect(page).to_have_url(re.compile(rf"#/flows/{live}/show"), timeout=15_000)
    assert active_version(up) == live

    page.set_viewport_size({"width": 768, "height": 1024})
    shot(page, "flow-designer-version-768")
    page.goto(up.base_url + "/#/flows")
    expect(page.get_by_test_id("flow-active")).to_have_count(1)
    shot(page, "flow-designer-versions-768")


def test_a_blank_draft_is_built_from_the_palette_and_saved(up: UpProcess, page: Page) -> None:
    login(page, up.base_url, OPS_LEAD, path="/#/flow_drafts/create")
    page.locator("input[name=name]").fill("From blank")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"#/flow_drafts/[0-9a-f]+$"), timeout=15_000)
    for kind in ("discovery", "tag", "triage"):
        page.get_by_test_id(f"palette-{kind}").click()
    canvas = page.get_by_test_id("flow-editor-canvas")
    expect(canvas.locator('[data-testid="flow-editor-node"]')).to_have_count(3)
    expect(canvas.locator(".react-flow__edge")).to_have_count(2)  # each linked from the node selected before
    expect(page.get_by_test_id("palette-tag")).to_be_disabled()  # a flow has one tag stage
    page.get_by_test_id("flow-save").click()
    expect(page.get_by_text("Draft saved")).to_be_visible(timeout=15_000)
    draft_id = page.url.rsplit("/", 1)[-1]
    with up.login(OPS_LEAD) as http:
        saved = http.get(f"/api/flow_drafts/{draft_id}").json()
    assert [node["type"] for node in saved["document"]["nodes"]] == ["discovery", "tag", "triage"]
    shot(page, "flow-designer-blank")
    page.set_viewport_size({"width": 768, "height": 1024})
    shot(page, "flow-designer-blank-768")
