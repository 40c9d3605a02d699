"""Webhooks out in Debian's headless chromium, against `switchboard up` with its demo data, as a new admin would
try them: the admin subscribes a receiver on this machine (allow-listed, as `start_up` does) from the designer,
posts a mention, and the receiver gets opened, assigned, replied and closed, signed and in order; the receiver
stops, more cases are worked, it comes back and receives every missed event; the subscription's page shows the
delivery log (the failed tries too) and sends a test event. Pages are shot at 1400x900 and at 768 px wide."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.harness.browser import login, shot
from tests.harness.receiver import Receiver
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ADMIN = "admin@example.com"
SECRET = f"whsec-e2e-{uuid.uuid4().hex}"
WIDE, TABLET = {"width": 1400, "height": 900}, {"width": 768, "height": 1024}
WANTED = ["case.opened", "case.assigned", "case.replied", "case.closed"]


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("webhooks") / "data")
    yield stack
    stack.stop()


def both_widths(page: Page, name: str) -> None:
    page.set_viewport_size(WIDE)
    page.wait_for_timeout(300)
    shot(page, f"webhooks-{name}-1400")
    page.set_viewport_size(TABLET)
    page.wait_for_timeout(500)
    shot(page, f"webhooks-{name}-768")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{name} overflows at 768 px: {width[0]} px wide"
    page.set_viewport_size(WIDE)


def until(probe: Callable[[], Any], what: str, timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while not (value := probe()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)
    return value


def work_a_case(up: UpProcess, admin: httpx.Client, author: str) -> str:
    """A complaint posted, claimed and answered with a close by the agent it was assigned to."""
    posted = admin.post("/api/webhooks/twitter", headers={"X-Switchboard-Token": up.webhook_token()}, json={
        "external_id": f"hook-{uuid.uuid4().hex[:8]}", "author": author, "created_at": "2026-12-04T08:00:00Z",
        "text": "@acme I was charged twice, I need a refund"})
    assert posted.status_code == 201, posted.text
    case_id = posted.json()["case_id"]
    case = until(lambda: (c := admin.get(f"/api/cases/{case_id}").json())["status"] == "assigned" and c, "assignment")
    with up.login(f"{case['assignee_id']}@example.com") as agent:
        assert agent.post(f"/api/cases/{case_id}/claim", json={}).status_code == 200
        replied = agent.post(f"/api/cases/{case_id}/replies", json={"text": "Refunded, sorry!", "close": True})
        assert replied.status_code == 200, replied.text
    return case_id


def of_case(receiver: Receiver, case_id: str) -> list[str]:
    return [e["type"] for e in receiver.events() if e["case_id"] == case_id]


def test_an_admin_subscribes_a_receiver_and_gets_every_event_signed_and_in_order(up: UpProcess, page: Page) -> None:
    receiver = Receiver().start()
    try:
        login(page, up.base_url, ADMIN, path="/#/subscriptions")
        page.get_by_test_id("subscription-create").click()
        page.get_by_test_id("subscription-name").fill("Acme CRM")
        page.get_by_test_id("subscription-url").fill(receiver.url)
        for wanted in ("case.assigned", "case.replied"):  # opened and closed are ticked already
            page.get_by_label(wanted).check()
        page.get_by_test_id("subscription-secret").fill(SECRET)
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_test_id("subscription-show-name")).to_have_text("Acme CRM", timeout=15_000)
        expect(page.get_by_test_id("subscription-health")).to_have_text("Healthy")

        with up.login(ADMIN) as admin:
            first = work_a_case(up, admin, "@hooked_sam")
            until(lambda: of_case(receiver, first) == WANTED, f"{WANTED} for the first case")
            assert all(r.signed_by(SECRET) and r.headers["idempotency-key"] == r.event["id"] for r in receiver.received)

            # The receiver goes away; cases go on; it comes back and nothing is missing, each case in order.
            receiver.stop()
            missed = [work_a_case(up, admin, f"@hooked_{n}") for n in range(2)]
            sub_id = admin.get("/api/subscriptions").json()[0]["id"]
            until(lambda: admin.get(f"/api/subscriptions/{sub_id}").json()["consecutive_failures"] >= 1,
                  "a failed delivery")
            receiver.start()
            for case_id in missed:
                until(lambda case_id=case_id: of_case(receiver, case_id) == WANTED, f"the missed events of {case_id}",
                      timeout=60)
            ids = [e["id"] for e in receiver.events()]
            assert len(ids) == len(set(ids)) == 3 * len(WANTED)

        page.reload()
        log = page.get_by_test_id("subscription-deliveries")
        expect(log).to_contain_text("case.closed", timeout=15_000)
        expect(page.get_by_test_id("subscription-backlog")).to_have_text(re.compile(r"Backlog\s*0$"))
        page.get_by_test_id("subscription-test").click()
        expect(page.get_by_text("Test event delivered: HTTP 200")).to_be_visible(timeout=15_000)
        assert receiver.events()[-1]["type"] == "subscription.test" and receiver.received[-1].signed_by(SECRET)
        both_widths(page, "subscription")
        page.goto(up.base_url + "/#/subscriptions")
        expect(page.get_by_test_id("subscription-health")).to_have_text("Healthy", timeout=15_000)
        both_widths(page, "subscriptions")
    finally:
        receiver.stop()
