"""The designer in Debian's headless chromium, against `switchboard up` with its demo data.

Everyone logs in first, as the demo account whose role fits: the agent who holds a case replies to it, an
ops lead edits the flow, and each role sees only what it may do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.harness.browser import login, shot
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ADMIN = "admin@example.com"


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("browser") / "data")
    yield stack
    stack.stop()


def cases(up: UpProcess) -> list[dict[str, Any]]:
    """Every case, as an admin (who sees all teams) reads them."""
    with up.login(ADMIN) as http:
        found = http.get("/api/cases")
        assert found.status_code == 200, found.text
        return found.json()


def case_about(up: UpProcess, words: str) -> dict[str, Any]:
    return next(case for case in cases(up) if words in case["subject"])



def email_of(up: UpProcess, agent_id: str) -> str:
    with up.login(ADMIN) as http:
        return http.get(f"/api/agents/{agent_id}").json()["email"]


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Profile").click()  # the user menu, under the user's name
    page.get_by_role("menuitem", name="Logout").click()
    expect(page.get_by_test_id("login-form")).to_be_visible()


def test_an_agent_finds_a_case_reads_why_and_resolves_it(up: UpProcess, page: Page) -> None:
    charged = case_about(up, "charged twice")
    holder = charged["assignee_id"]
    login(page, up.base_url, email_of(up, holder), path="/#/cases")
    subject = page.get_by_test_id("case-subject").filter(has_text="charged twice")
    expect(subject).to_be_visible()
    # The praise needs no case; the reporter's question is the marketing team's, which a support agent does not see.
    support = [case for case in cases(up) if case["team_id"] == charged["team_id"]]
    expect(page.get_by_test_id("case-status")).to_have_count(len(support))
    shot(page, "case-list")

    subject.click()
    expect(page.get_by_test_id("case-show-status")).to_have_attribute("data-status", "assigned")
    timeline = page.get_by_test_id("case-timeline")
    for kind in ("Tagged", "Triaged", "Assigned"):
        expect(timeline).to_contain_text(kind)
    triaged = timeline.locator('[data-testid="case-event"][data-kind="triaged"]')
    expect(triaged.get_by_test_id("case-event-explanation")).to_contain_text("Triage: needs a response because")
    triaged.get_by_role("button", name="Show evidence").click()  # the triage decision's evidence
    expect(triaged).to_contain_text("needs_response")
    expect(page.get_by_test_id("mention").first).to_contain_text("charged twice")
    expect(page.get_by_test_id("reply-holder")).to_have_count(0)  # the case is theirs: nobody to pick
    shot(page, "case-show")

    page.get_by_test_id("reply-text").fill("Refund issued, sorry for the trouble!")
    page.get_by_test_id("reply-send-resolve").click()
    expect(page.get_by_test_id("case-show-status")).to_have_attribute("data-status", "closed", timeout=15_000)
    expect(page.get_by_test_id("mention").filter(has_text="Refund issued")).to_be_visible(timeout=15_000)
    shot(page, "case-resolved")


def test_the_flow_page_draws_the_lifecycle(up: UpProcess, page: Page) -> None:
    login(page, up.base_url, "audrey@example.com", path="/#/flows")  # an auditor reads flows
    page.get_by_text("Default care flow").click()
    canvas = page.get_by_test_id("flow-canvas")
    expect(canvas).to_be_visible()
    expect(canvas.locator(".react-flow__node")).to_have_count(8)
    expect(canvas.locator(".react-flow__edge")).to_have_count(7)
    expect(page.get_by_test_id("flow-edit-as-draft")).to_have_count(0)  # ... and changes none
    shot(page, "flow")


@pytest.mark.expect_status(422)
def test_an_ops_lead_edits_a_flow_sees_the_bad_rule_and_publishes(up: UpProcess, page: Page) -> None:
    login(page, up.base_url, "olivia@example.com", path="/#/flows")
    page.get_by_text("Default care flow").click()
    page.get_by_test_id("flow-edit-as-draft").click()
    canvas = page.get_by_test_id("flow-editor-canvas")
    expect(canvas).to_be_visible()
    triage = canvas.locator('[data-testid="flow-editor-node"][data-node-id="triage"]')
    triage.click()
    page.get_by_test_id("node-tab-json").click()  # the whole content as JSON, beside its rules one by one
    editor = page.get_by_test_id("flow-node-editor")
    good = editor.input_value()
    editor.fill(good.replace('"<"', '"less than"', 1))  # an operator JSON Logic does not have
    page.get_by_test_id("flow-save").click()
    expect(triage).to_have_attribute("data-invalid", "true")
    expect(page.get_by_test_id("flow-node-errors")).to_contain_text("less than")
    shot(page, "flow-editor-error")

    editor.fill(good.replace('"low"', '"normal"', 1))  # a valid change, a new version: nothing below normal
    page.get_by_test_id("flow-save").click()
    expect(triage).not_to_have_attribute("data-invalid", "true")
    page.get_by_test_id("flow-publish").click()
    # Before publishing: what the draft would have decided otherwise over the last 7 days of the demo's history.
    summary = page.get_by_test_id("backtest-summary")
    expect(summary).to_be_visible(timeout=15_000)
    draft_id = page.url.split("#/flow_drafts/", 1)[1].split("/", 1)[0]
    with up.login("olivia@example.com") as http:
        report = http.get(f"/api/flow_drafts/{draft_id}/backtest")
        assert report.status_code == 200, report.text
        totals = report.json()["totals"]
    assert totals["changed"] >= 1 and totals["by_field"]["priority"] == totals["changed"]
    expect(summary).to_contain_text(f"{totals['mentions']:,} mentions, {totals['live_cases']:,} cases opened: the "
                                    f"draft would decide {totals['changed']:,} of them otherwise")
    expect(page.get_by_test_id("backtest-moves")).to_contain_text(f"Priority: low → normal: {totals['changed']} case")
    expect(page.get_by_test_id("backtest-sample")).to_contain_text("Priority: low → normal; SLA policy: low → normal")
    # The CSV link carries nothing but the session the browser already has.
    rows = page.request.get(up.base_url + (page.get_by_test_id("backtest-csv").get_attribute("href") or ""))
    assert rows.status == 200 and rows.text().startswith("kind,case_id,mention_id,")
    assert len(rows.text().strip().splitlines()) == 1 + totals["changed"]
    shot(page, "flow-backtest")
    page.get_by_test_id("publish-confirm").click()
    expect(page).to_have_url(re.compile(r"#/flows/[0-9a-f]{16}/show"), timeout=15_000)
    published = page.url.rsplit("/", 2)[-2]
    with up.login(ADMIN) as http:
        assert http.get(f"/api/flows/{published}").json()["active"] is True
    shot(page, "flow-published")


@pytest.mark.expect_status(401)
def test_the_designer_asks_for_a_login_and_shows_each_role_what_it_may_do(up: UpProcess, page: Page) -> None:
    everything = cases(up)
    # Linus is a junior: the demo flow holds his replies for approval.
    held = next((case for case in everything if case["assignee_id"] == "linus"), None)
    assert held is not None, f"the demo gave linus no case: {everything}"
    subject = held["subject"][:30]

    # Nothing shows before a login; a wrong password says so.
    page.goto(up.base_url + "/#/cases")
    expect(page.get_by_test_id("login-form")).to_be_visible()
    expect(page.get_by_test_id("case-subject")).to_have_count(0)
    page.get_by_test_id("login-email").fill("grace@example.com")
    page.get_by_test_id("login-password").fill("not her password")
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("login-error")).to_contain_text("the email or password is wrong")
    shot(page, "login-refused")

    # An agent sees their team's cases only, and nobody's approve button.
    login(page, up.base_url, "linus@example.com", path="/#/cases")
    expect(page.get_by_test_id("user-role")).to_have_text("Agent")
    theirs = [case for case in everything if case["team_id"] == held["team_id"]]
    assert len(theirs) < len(everything)  # the reporter's question went to marketing
    expect(page.get_by_test_id("case-subject")).to_have_count(len(theirs))
    expect(page.get_by_test_id("case-subject").filter(has_text="reporter")).to_have_count(0)
    page.get_by_role("button", name="Profile").click()
    expect(page.get_by_test_id("user-menu-name")).to_have_text("Linus Pauling")
    expect(page.get_by_test_id("user-menu-role")).to_have_text("Agent")
    page.keyboard.press("Escape")
    expect(page.get_by_role("menuitem", name="Sources")).to_have_count(0)
    shot(page, "agent-case-list")

    page.get_by_test_id("case-subject").filter(has_text=subject).click()
    page.get_by_test_id("reply-text").fill("You can change it under Orders, then Edit address.")
    page.get_by_test_id("reply-send").click()
    # The snackbar says so (the timeline says it too once the event lands).
    expect(page.get_by_text("Reply held for approval: it is sent")).to_be_visible(timeout=15_000)
    draft = page.get_by_test_id("case-draft")
    expect(draft).to_have_count(1, timeout=15_000)
    expect(draft.get_by_test_id("draft-waiting")).to_be_visible()
    expect(page.get_by_test_id("draft-approve")).to_have_count(0)
    expect(page.get_by_test_id("case-takeover")).to_have_count(0)
    shot(page, "agent-draft-waiting")
    log_out(page)

    # A supervisor sees every team's cases and approves the reply: it goes out.
    login(page, up.base_url, "sofia@example.com", path=f"/#/cases/{held['id']}/show")
    expect(page.get_by_test_id("user-role")).to_have_text("Supervisor")
    approve = page.get_by_test_id("case-draft").get_by_test_id("draft-approve")
    expect(approve).to_be_enabled(timeout=15_000)
    shot(page, "supervisor-approves")
    approve.click()
    expect(page.get_by_text("Reply approved and sent").first).to_be_visible(timeout=15_000)
    expect(page.get_by_test_id("case-draft")).to_have_count(0, timeout=15_000)
    reply = page.get_by_test_id("mention").filter(has_text="Edit address")
    expect(reply).to_have_attribute("data-direction", "outbound", timeout=15_000)
    page.get_by_role("menuitem", name="Cases").click()
    expect(page.get_by_test_id("case-subject")).to_have_count(len(everything))
    log_out(page)

    # An auditor reads everything and changes nothing.
    login(page, up.base_url, "audrey@example.com", path=f"/#/cases/{held['id']}/show")
    expect(page.get_by_test_id("case-timeline")).to_contain_text("Reply approved")
    expect(page.get_by_test_id("case-reply")).to_have_count(0)
    expect(page.get_by_test_id("note-add")).to_have_count(0)
    expect(page.get_by_role("menuitem", name="Sources")).to_be_visible()
    shot(page, "auditor-case")

    # The session ends behind the designer's back (here: logged out elsewhere): the next page asks for a login
    # again and says why.
    cookie = next(c["value"] for c in page.context.cookies() if c["name"] == "switchboard_session")
    ended = httpx.post(f"{up.base_url}/api/auth/logout", cookies={"switchboard_session": cookie})
    assert ended.status_code == 204, ended.text
    page.get_by_role("menuitem", name="Customers").click()
    expect(page.get_by_test_id("login-notice")).to_contain_text("this session is not valid")
    expect(page).to_have_url(re.compile(r"#/login$"))
    shot(page, "session-ended")
