"""The designer in Debian's headless chromium, against `switchboard up` with its demo data."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.harness.browser import shot
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]



@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("browser") / "data")
    yield stack
    stack.stop()


def test_an_agent_finds_a_case_reads_why_and_resolves_it(up: UpProcess, page: Page) -> None:
    page.goto(up.base_url + "/#/cases")
    subject = page.get_by_test_id("case-subject").filter(has_text="charged twice")
    expect(subject).to_be_visible()
    expect(page.get_by_test_id("case-status")).to_have_count(4)  # the praise needs no case
    shot(page, "case-list")

    subject.click()
    expect(page.get_by_test_id("case-show-status")).to_have_attribute("data-status", "assigned")
    timeline = page.get_by_test_id("case-timeline")
    for kind in ("Tagged", "Triaged", "Assigned"):
        expect(timeline).to_contain_text(kind)
    timeline.get_by_role("button", name="Why?").nth(2).click()  # the triage decision's evidence
    expect(timeline).to_contain_text("needs_response")
    expect(page.get_by_test_id("mention").first).to_contain_text("charged twice")
    shot(page, "case-show")

    page.get_by_test_id("reply-text").fill("Refund issued, sorry for the trouble!")
    page.get_by_test_id("reply-send-resolve").click()
    expect(page.get_by_test_id("case-show-status")).to_have_attribute("data-status", "closed", timeout=15_000)
    expect(page.get_by_test_id("mention").filter(has_text="Refund issued")).to_be_visible(timeout=15_000)
    shot(page, "case-resolved")


def test_the_flow_page_draws_the_lifecycle(up: UpProcess, page: Page) -> None:
    page.goto(up.base_url + "/#/flows")
    page.get_by_text("Default care flow").click()
    canvas = page.get_by_test_id("flow-canvas")
    expect(canvas).to_be_visible()
    expect(canvas.locator(".react-flow__node")).to_have_count(8)
    expect(canvas.locator(".react-flow__edge")).to_have_count(7)
    shot(page, "flow")


@pytest.mark.expect_status(422)
def test_an_ops_lead_edits_a_flow_sees_the_bad_rule_and_publishes(up: UpProcess, page: Page) -> None:
    page.goto(up.base_url + "/#/flows")
    page.get_by_text("Default care flow").click()
    page.get_by_test_id("flow-edit-as-draft").click()
    canvas = page.get_by_test_id("flow-editor-canvas")
    expect(canvas).to_be_visible()
    triage = canvas.locator('[data-testid="flow-editor-node"][data-node-id="triage"]')
    triage.click()
    editor = page.get_by_test_id("flow-node-editor")
    good = editor.input_value()
    editor.fill(good.replace('"<"', '"less than"', 1))  # an operator JSON Logic does not have
    page.get_by_test_id("flow-save").click()
    expect(triage).to_have_attribute("data-invalid", "true")
    expect(page.get_by_test_id("flow-node-errors")).to_contain_text("less than")
    shot(page, "flow-editor-error")

    editor.fill(good.replace('-0.05', '-0.2', 1))  # a valid change: a new version
    page.get_by_test_id("flow-save").click()
    expect(triage).not_to_have_attribute("data-invalid", "true")
    page.get_by_test_id("flow-publish").click()
    expect(page).to_have_url(re.compile(r"#/flows/[0-9a-f]{16}/show"), timeout=15_000)
    published = page.url.rsplit("/", 2)[-2]
    assert httpx.get(f"{up.base_url}/api/flows/{published}").json()["active"] is True
    shot(page, "flow-published")
