"""Customers in Debian's headless chromium, against `switchboard up` with its demo data.

Robin writes on X as @robin_case and on Instagram as @Robin_Case (one customer, linked at ingest by
the handle), and on Facebook as "Robin C." (a customer of their own). A supervisor (merging customers
is theirs to do) logs in, finds Robin's profile with both identities and a sentiment trend, adds a note,
merges "Robin C." in, and sees three identities and the merge on record; the merged customer's page
points to the one kept. An agent may add notes but not merge.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.harness.browser import login, shot
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]


ROBIN = [  # source, external id, author, text, created at
    ("twitter", "robin-1", "@robin_case", "My parcel arrived broken and nobody answers. Really disappointed.",
     "2026-11-20T10:00:00Z"),
    ("instagram", "robin-ig-1", "@Robin_Case", "The replacement arrived today, great service, thank you!",
     "2026-11-22T10:00:00Z"),
]
ROBIN_C = ("facebook", "robin-fb-1", "Robin C.", "Where is the refund for my broken parcel?", "2026-11-21T10:00:00Z")


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("customers-browser") / "data")
    yield stack
    stack.stop()


def post_mention(up: UpProcess, source: str, external_id: str, author: str, text: str, created_at: str) -> None:
    """As the demo's social networks post: with the demo webhook token `switchboard up` printed."""
    posted = httpx.post(f"{up.base_url}/api/webhooks/{source}", timeout=30,
                        headers={"X-Switchboard-Token": up.webhook_token()},
                        json={"external_id": external_id, "author": author, "text": text, "created_at": created_at})
    assert posted.status_code == 201, posted.text


def customers_named(up: UpProcess, q: str) -> list[dict[str, Any]]:
    with up.login("admin@example.com") as http:
        found = http.get("/api/customers", params={"filter": json.dumps({"q": q})})
    assert found.status_code == 200, found.text
    return found.json()


def test_a_supervisor_finds_a_customer_across_channels_notes_and_merges(up: UpProcess, page: Page) -> None:
    for mention in (*ROBIN, ROBIN_C):
        post_mention(up, *mention)
    robin = {c["name"]: c["id"] for c in customers_named(up, "robin")}
    assert set(robin) == {"@robin_case", "Robin C."}, robin

    login(page, up.base_url, "sofia@example.com", path="/#/customers")
    page.get_by_placeholder("Name").fill("robin")
    names = page.get_by_test_id("customer-name")
    expect(names).to_have_count(2)
    shot(page, "customer-list")

    # One customer for the two handles that differ only by case.
    names.filter(has_text="@robin_case").click()
    expect(page).to_have_url(re.compile(rf"#/customers/{robin['@robin_case']}/show"))
    expect(page.get_by_test_id("customer-show-name")).to_have_text("@robin_case")
    identities = page.get_by_test_id("customer-identity")
    expect(identities).to_have_count(2)
    expect(identities.nth(0)).to_have_attribute("data-source", "twitter")
    expect(identities.nth(1)).to_have_attribute("data-source", "instagram")
    expect(page.get_by_test_id("customer-count-mentions")).to_have_text(re.compile("2"))
    days = page.get_by_test_id("customer-trend-day")
    expect(days).to_have_count(2)
    expect(days.nth(0)).to_have_attribute("data-day", "2026-11-20")
    expect(days.nth(0)).to_have_attribute("data-tone", "negative")
    expect(days.nth(1)).to_have_attribute("data-tone", "positive")
    expect(page.get_by_test_id("customer-trend-summary")).to_contain_text("1 positive, 1 negative")
    shot(page, "customer-profile")

    # The note is the logged-in supervisor's: nobody to pick.
    expect(page.get_by_role("combobox", name="Agent", exact=True)).to_have_count(0)
    page.get_by_test_id("customer-note-text").fill("Sent a replacement parcel; offer a voucher if they write again.")
    page.get_by_test_id("customer-note-add").click()
    notes = page.get_by_test_id("customer-note")
    expect(notes.filter(has_text="offer a voucher")).to_have_count(1)
    expect(notes.filter(has_text="offer a voucher")).to_contain_text("Sofia Kovalevskaya")
    expect(page.get_by_test_id("customer-note-text")).to_have_value("")

    page.get_by_test_id("customer-merge").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_test_id("customer-merge-search").fill("Robin C")
    option = page.get_by_test_id("customer-merge-search-option")
    expect(option).to_have_count(1)  # this customer is not offered
    expect(option).to_have_attribute("data-id", robin["Robin C."])
    option.click()
    expect(dialog.get_by_role("combobox", name="Merged by")).to_have_count(0)
    expect(dialog.get_by_test_id("customer-merge-summary")).to_contain_text("Robin C.’s identities")
    shot(page, "customer-merge")
    dialog.get_by_test_id("customer-merge-confirm").click()

    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(identities).to_have_count(3)
    expect(identities.filter(has_text="facebook · Robin C.")).to_have_count(1)  # ordered by first seen
    merge = page.locator('[data-testid="customer-note"][data-kind="merge"]')
    expect(merge).to_have_count(1)
    expect(merge).to_contain_text(f"merged Robin C. ({robin['Robin C.']}) into this customer")
    expect(notes.filter(has_text="offer a voucher")).to_have_count(1)
    expect(page.get_by_test_id("customer-count-conversations")).to_have_text(re.compile("3"))
    expect(days).to_have_count(3, timeout=15_000)
    shot(page, "customer-merged")
    assert [c["name"] for c in customers_named(up, "robin")] == ["@robin_case"]

    # The merged customer's page points to the one kept.
    page.goto(f"{up.base_url}/#/customers/{robin['Robin C.']}/show")
    banner = page.get_by_test_id("customer-merged")
    expect(banner).to_contain_text("Merged into @robin_case")
    expect(page.get_by_test_id("customer-merge")).to_have_count(0)
    shot(page, "customer-merged-banner")
    banner.get_by_test_id("customer-merged-link").click()
    expect(page).to_have_url(re.compile(rf"#/customers/{robin['@robin_case']}/show"))
    expect(page.get_by_test_id("customer-identity")).to_have_count(3)

    # Its conversations, the Facebook one among them, link back to the customer.
    conversations = page.get_by_test_id("customer-conversations")
    expect(conversations.get_by_test_id("source-link")).to_have_count(3)
    conversations.get_by_test_id("customer-conversation-author").filter(has_text="Robin C.").click()
    expect(page).to_have_url(re.compile(r"#/conversations/facebook.+/show"))
    expect(page.get_by_test_id("mention-customer-link")).to_have_text("Robin C.")
    customer = page.get_by_test_id("conversation-customer-link").get_by_role("link")
    expect(customer).to_have_text("@robin_case")
    customer.click()
    expect(page).to_have_url(re.compile(rf"#/customers/{robin['@robin_case']}/show"))


def test_an_agent_notes_a_customer_but_cannot_merge(up: UpProcess, page: Page) -> None:
    post_mention(up, "twitter", "kim-1", "@kim_k", "Where is my parcel? Ordered a week ago.", "2026-11-24T10:00:00Z")
    kim = customers_named(up, "kim_k")
    assert [c["name"] for c in kim] == ["@kim_k"], kim

    login(page, up.base_url, "ada@example.com", path=f"/#/customers/{kim[0]['id']}/show")
    expect(page.get_by_test_id("customer-show-name")).to_have_text("@kim_k")
    page.get_by_test_id("customer-note-text").fill("Parcel held at the depot; called them.")
    page.get_by_test_id("customer-note-add").click()
    expect(page.get_by_test_id("customer-note").filter(has_text="held at the depot")).to_contain_text("Ada Lovelace")
    expect(page.get_by_test_id("customer-merge")).to_have_count(0)
    shot(page, "customer-agent")
