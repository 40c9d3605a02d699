"""Who gets in, in Debian's headless chromium against `switchboard up` with its demo data.

An agent hands a case to an expert and copies the expert's link; the expert, with no login, opens it in a
browser of their own, reads the question and answers, and the case comes back; the same page without the
link's token says so. An admin adds a user on the Users page (a weak password shows the policy's refusal on
the field) and that user logs in. A user makes an API token, sees it once, uses it as a Bearer token, revokes
it, and it stops working. An auditor reads on a case's page why each decision was made, with the link to its
workflow in the Temporal UI, and exports the case's bundle, which verifies offline; an agent gets neither.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.harness.browser import login, shot
from tests.harness.stack import SWITCHBOARD, UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ADMIN = "admin@example.com"


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("access-browser") / "data")
    yield stack
    stack.stop()


def allow_clipboard(page: Page, base_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def eventually(check: Any, *, what: str, timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"no {what} after {timeout}s")
        time.sleep(0.3)


@pytest.mark.expect_status(401)
def test_an_agent_sends_the_expert_a_link_and_the_expert_answers_without_a_login(
        up: UpProcess, page: Page, guest: Page) -> None:
    with up.login(ADMIN) as admin:
        held = next(case for case in admin.get("/api/cases").json()
                    if case["assignee_id"] == "grace" and case["status"] != "closed")

        login(page, up.base_url, "grace@example.com", path=f"/#/cases/{held['id']}/show")
        allow_clipboard(page, up.base_url)
        page.get_by_test_id("case-ask-expert").click()
        page.get_by_role("combobox", name="Expert").click()
        page.get_by_role("option", name=re.compile("Priya Natarajan")).click()
        question = "Does the outage count toward the SLA credit in their contract?"
        page.get_by_test_id("ask-expert-question").fill(question)
        page.get_by_test_id("ask-expert-confirm").click()

        # Right after the hand-off: the link to send, whole, with its token, and until when it works.
        dialog = page.get_by_test_id("expert-link-dialog")
        link_field = dialog.get_by_test_id("expert-link-url")
        expect(link_field).to_have_value(re.compile(re.escape(up.base_url) + r"/#/expert-requests/\w+\?token=\S+$"))
        link = link_field.input_value()
        expect(dialog.get_by_test_id("expert-link-expires")).to_contain_text("It works until")
        dialog.get_by_test_id("expert-link-url-copy").click()
        expect(page.get_by_text("Link copied")).to_be_visible()
        assert clipboard(page) == link
        shot(page, "expert-link")
        dialog.get_by_test_id("expert-link-close").click()
        expect(page.get_by_test_id("case-show-status")).to_have_attribute("data-status", "with_expert")

        # The case page gives the same link again, whenever it is needed.
        page.get_by_test_id("case-expert-link").click()
        expect(page.get_by_test_id("expert-link-url")).to_have_value(link)
        page.get_by_test_id("expert-link-close").click()
        request_id = admin.get(f"/api/cases/{held['id']}").json()["expert_request_id"]
        assert f"/#/expert-requests/{request_id}?token=" in link
        assert "token" not in admin.get("/api/expert-requests").text  # the list never shows one

        # The expert: another browser, no login.
        guest.goto(link)
        expect(guest.get_by_test_id("expert-request-question")).to_have_text(question)
        expect(guest.get_by_test_id("login-form")).to_have_count(0)
        guest.get_by_test_id("expert-answer-text").fill("Yes: four hours down is past the 99.9% monthly target.")
        guest.get_by_test_id("expert-answer-send").click()
        expect(guest.get_by_test_id("expert-request-answer")).to_contain_text("four hours down", timeout=15_000)
        shot(guest, "expert-answered")

        # The case comes back to its team with the answer as a note.
        back = eventually(lambda: (c := admin.get(f"/api/cases/{held['id']}").json())["status"] != "with_expert"
                          and c, what="case back from the expert")
        assert any(note["kind"] == "expert_answer" and "four hours down" in note["text"] for note in back["notes"])
        page.reload()
        expect(page.get_by_test_id("case-show-status")).not_to_have_attribute("data-status", "with_expert",
                                                                             timeout=15_000)

        # The same page without the link's token says what is missing, and asks for no login.
        guest.goto(f"{up.base_url}/#/expert-requests/{request_id}")
        guest.reload()
        error = guest.get_by_test_id("expert-request-error")
        expect(error).to_have_attribute("data-code", "link_missing")
        expect(guest.get_by_test_id("expert-request-error-title")).to_have_text("This link is incomplete")
        expect(error).to_contain_text("open the request through the link you were sent")
        expect(guest.get_by_test_id("login-form")).to_have_count(0)
        shot(guest, "expert-link-missing")


@pytest.mark.expect_status(422)
def test_an_admin_adds_a_user_who_then_logs_in(up: UpProcess, page: Page, guest: Page) -> None:
    login(page, up.base_url, ADMIN, path="/#/users")
    expect(page.get_by_test_id("user-email").filter(has_text="grace@example.com")).to_be_visible()
    page.get_by_test_id("user-create").click()
    page.get_by_test_id("user-email-input").fill("kim@example.com")
    page.get_by_test_id("user-name-input").fill("Kim Jong-a")
    page.get_by_role("combobox", name="Role").click()
    page.get_by_role("option", name="Supervisor").click()
    page.get_by_role("combobox", name="Teams").click()
    page.get_by_role("option", name="Support/Sales").click()
    page.keyboard.press("Escape")

    # The policy refuses a common password, on the field, and says why.
    password = page.get_by_test_id("user-password-input")
    password.fill("password123456")
    page.get_by_role("button", name="Save").click()
    expect(password).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".ra-input-password")).to_contain_text("common breached passwords")
    shot(page, "user-weak-password")

    password.fill("kestrel-lantern-orbit-42")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"#/users$"))
    row = page.locator("tr").filter(has=page.get_by_test_id("user-email").filter(has_text="kim@example.com"))
    expect(row.get_by_test_id("user-role-chip")).to_have_attribute("data-role", "supervisor")
    expect(row.get_by_test_id("user-teams")).to_contain_text("Support/Sales")
    expect(row).to_contain_text("Never")  # no login yet
    shot(page, "users")

    # The new user logs in (in a browser of their own).
    login(guest, up.base_url, "kim@example.com", "kestrel-lantern-orbit-42", path="/#/cases")
    expect(guest.get_by_test_id("user-role")).to_have_text("Supervisor")
    expect(guest.get_by_role("menuitem", name="Users")).to_have_count(0)  # admins only
    page.reload()
    expect(row.get_by_test_id("user-email")).to_be_visible()
    expect(row).not_to_contain_text("Never")


def test_a_user_makes_an_api_token_sees_it_once_uses_it_and_revokes_it(up: UpProcess, page: Page) -> None:
    login(page, up.base_url, "ada@example.com", path="/#/tokens")
    allow_clipboard(page, up.base_url)
    page.get_by_test_id("token-create").click()
    page.get_by_test_id("token-name-input").fill("nightly export")
    page.get_by_test_id("token-scopes-input").press_sequentially("read:cases read:mentions ")
    expect(page.get_by_test_id("token-scope-chip")).to_have_text(["read:cases", "read:mentions"])
    page.keyboard.press("Escape")  # close the suggestions
    page.get_by_role("button", name="Save").click()

    # Shown this once, with a copy button and a note to store it.
    dialog = page.get_by_test_id("token-secret-dialog")
    expect(dialog.get_by_test_id("token-secret-note")).to_contain_text("Store it now")
    secret = dialog.get_by_test_id("token-secret").input_value()
    assert secret.startswith("sbt_"), secret
    dialog.get_by_test_id("token-secret-copy").click()
    assert clipboard(page) == secret
    shot(page, "token-once")
    dialog.get_by_test_id("token-secret-done").click()
    expect(page).to_have_url(re.compile(r"#/tokens$"))
    row = page.locator("tr").filter(has=page.get_by_test_id("token-name").filter(has_text="nightly export"))
    expect(row.get_by_test_id("token-state")).to_have_attribute("data-state", "active")
    expect(row.get_by_test_id("token-scope")).to_have_text(["read:cases", "read:mentions"])

    # The token works, for what its scopes allow only.
    bearer = {"Authorization": f"Bearer {secret}"}
    me = httpx.get(f"{up.base_url}/api/auth/me", headers=bearer, timeout=30)
    assert me.status_code == 200, me.text
    assert me.json()["email"] == "ada@example.com"
    assert me.json()["permissions"] == ["cases:read", "mentions:read"]
    assert httpx.get(f"{up.base_url}/api/cases", headers=bearer, timeout=30).status_code == 200
    assert httpx.get(f"{up.base_url}/api/customers", headers=bearer, timeout=30).status_code == 403

    # Never shown again.
    page.reload()
    expect(row.get_by_test_id("token-state")).to_be_visible()
    assert secret not in page.content()

    # Revoked: it stops working at once.
    row.get_by_test_id("token-revoke").click()
    page.get_by_test_id("token-revoke-confirm").click()
    expect(row.get_by_test_id("token-state")).to_have_attribute("data-state", "revoked")
    expect(row.get_by_test_id("token-revoke")).to_have_count(0)
    shot(page, "token-revoked")
    refused = httpx.get(f"{up.base_url}/api/auth/me", headers=bearer, timeout=30)
    assert refused.status_code == 401, refused.text
    assert refused.json()["detail"]["code"] == "token_revoked"


def test_an_auditor_verifies_the_audit_log_and_signs_a_checkpoint(up: UpProcess, page: Page) -> None:
    """The logins of this test's users are in the log; the auditor sees them, verifies the chain and pins it."""
    login(page, up.base_url, "audrey@example.com", path="/#/audit_entries")
    expect(page.get_by_text("auth.login").first).to_be_visible(timeout=15_000)
    page.get_by_test_id("audit-verify").click()
    expect(page.get_by_test_id("audit-verdict")).to_have_attribute("data-intact", "true", timeout=15_000)
    expect(page.get_by_test_id("audit-verdict-title")).to_contain_text("Intact")
    page.get_by_test_id("audit-sign-checkpoint").click()
    expect(page.get_by_test_id("audit-checkpoint")).to_be_visible(timeout=15_000)
    shot(page, "audit-log")
    with up.login(ADMIN) as admin:
        verdict = admin.get("/api/audit/verify").json()
        assert verdict["intact"] and verdict["checkpoints"] >= 1, verdict
        actions = {e["action"] for e in admin.get("/api/audit_entries", params={"range": "[0,999]"}).json()}
        assert {"auth.login", "audit.checkpoint"} <= actions, actions


def case_event(page: Page, kind: str) -> Locator:
    """The first event of that kind on the case page's timeline."""
    return page.locator(f'[data-testid="case-event"][data-kind="{kind}"]').first


def test_an_auditor_reads_why_a_case_went_where_it_did_and_exports_it(up: UpProcess, page: Page, guest: Page) -> None:
    with up.login(ADMIN) as admin:
        # A support case (least loaded) as it was opened, with the agent it was given: never handed on since.
        held = next(case for case in admin.get("/api/cases").json()
                    if case["team_id"] == "support" and case["status"] == "assigned" and not case["expert_id"]
                    and case["workflow_id"] == f"case-{case['id']}")
        assignee = admin.get(f"/api/agents/{held['assignee_id']}").json()["name"]
        team = admin.get(f"/api/teams/{held['team_id']}").json()["name"]

    login(page, up.base_url, "audrey@example.com", path=f"/#/cases/{held['id']}/show")
    # Each decision in words: agents and teams by name, the rule and what it saw, the flow version it used.
    assigned = case_event(page, "assigned").get_by_test_id("case-event-explanation")
    expect(assigned).to_contain_text(re.compile(rf"^Assigned to {assignee} by least loaded: \d+ eligible \(.*"
                                                rf"{assignee} \d+/\d+"), timeout=15_000)
    triaged = case_event(page, "triaged").get_by_test_id("case-event-explanation")
    expect(triaged).to_contain_text(re.compile(r"^Triage: needs a response because .+ matched"))
    expect(case_event(page, "routed").get_by_test_id("case-event-explanation")).to_contain_text(
        f"Routed to team {team}")
    expect(triaged.get_by_test_id("case-event-flow-version")).to_have_attribute(
        "href", f"#/flows/{held['flow_version']}/show")
    # The evidence, one click away: the rules' traces and the raw detail.
    case_event(page, "triaged").get_by_role("button", name="Show evidence").click()
    expect(case_event(page, "triaged").get_by_test_id("case-event-trace")).to_have_count(2)
    expect(case_event(page, "triaged").get_by_test_id("case-event-detail")).to_contain_text('"flow_version"')
    shot(page, "case-explained")

    # The case's workflow in the Temporal UI that `switchboard up` started.
    link = page.get_by_test_id("case-temporal-link")
    expect(link).to_have_attribute("href", f"{up.temporal_ui}/namespaces/default/workflows/{held['workflow_id']}")
    assert httpx.get(link.get_attribute("href") or "", timeout=30).status_code == 200

    # The bundle, as the API sent it: its signature and history hold offline.
    with page.expect_download() as downloading:
        page.get_by_test_id("case-export-bundle").click()
    download = downloading.value
    assert download.suggested_filename == f"case-{held['id']}.json"
    saved = Path(download.path())
    assert json.loads(saved.read_text())["case_id"] == held["id"]
    verified = subprocess.run([SWITCHBOARD, "replay", "verify", str(saved)], capture_output=True, text=True,
                              timeout=120)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    with up.login(ADMIN) as admin:
        exports = admin.get("/api/audit_entries", params={"filter": json.dumps({"action": "case.export"})}).json()
        assert [(e["actor"], e["target_id"]) for e in exports] == [("audrey", held["id"])]

    # Its agent reads the same explanations, without the history's links.
    login(guest, up.base_url, f"{held['assignee_id']}@example.com", path=f"/#/cases/{held['id']}/show")
    expect(case_event(guest, "assigned")).to_contain_text(f"Assigned to {assignee} by least loaded")
    expect(guest.get_by_test_id("case-history")).to_have_count(0)
