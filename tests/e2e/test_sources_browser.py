"""Sources and conversations in Debian's headless chromium, against `switchboard up --no-demo`.

An admin (the account `switchboard users add` makes; sources are theirs to change) logs in, adds an RSS
feed (served by a local fake), sees it healthy after its first poll, polls it again, finds the feed entry's
conversation and its mention; a Mastodon source with a bad instance URL shows the API's refusal on that
field; a signed webhook with a field mapping keeps its secret through an edit; a webhook that takes a token
shows it once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.harness.browser import login, shot
from tests.harness.fake_social import FakeServer, FakeSocial
from tests.harness.stack import UpProcess, add_user, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FEED_SOURCE = "acme-reviews"
ADMIN, PASSWORD = "root@example.com", "sources want a long passphrase"


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    data = tmp_path_factory.mktemp("sources-browser") / "data"
    stack = start_up(data, "--no-demo")
    add_user(data, ADMIN, "admin", password=PASSWORD)
    yield stack
    stack.stop()


def api_get(up: UpProcess, path: str) -> httpx.Response:
    with up.login(ADMIN, PASSWORD) as http:
        return http.get(path)


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSocial]:
    with FakeServer() as fake:
        fake.add_feed_item("r1", "Is the shop down?", minutes=0)
        yield fake


def until(probe: Callable[[], Any], what: str, timeout: float = 30.0) -> Any:
    """`probe()` until it gives something truthy; fail naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not (value := probe()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)
    return value


def pick(page: Page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=re.compile(label)).click()
    page.get_by_role("option", name=option, exact=True).click()


def test_an_admin_adds_a_feed_sees_it_healthy_and_finds_its_conversation(
        up: UpProcess, fake: FakeSocial, page: Page) -> None:
    login(page, up.base_url, ADMIN, PASSWORD, path="/#/sources")
    page.get_by_role("link", name="Create").click()
    page.get_by_test_id("source-id").fill(FEED_SOURCE)
    page.get_by_test_id("source-name-input").fill("Acme reviews")
    pick(page, "Kind", "RSS feed")
    expect(page.get_by_test_id("source-poll-seconds")).to_have_value("300")
    page.get_by_test_id("source-url").fill(fake.base_url + "/feed.xml")
    page.get_by_test_id("source-poll-seconds").fill("3600")  # only the first poll and ours
    shot(page, "source-create")
    page.get_by_role("button", name="Save").click()

    # Created, then polled right away: the page refreshes the health by itself.
    expect(page).to_have_url(re.compile(rf"#/sources/{FEED_SOURCE}/show"), timeout=15_000)
    health = page.get_by_test_id("source-health")
    expect(health).to_have_attribute("data-health", "healthy", timeout=30_000)
    expect(page.get_by_test_id("source-last-polled")).not_to_contain_text("Never")
    expect(page.get_by_test_id("source-config")).to_contain_text("/feed.xml")
    shot(page, "source-healthy")

    asked = len(fake.requests)
    page.get_by_test_id("source-poll").click()
    expect(page.get_by_text("Polling Acme reviews now")).to_be_visible()
    until(lambda: len(fake.requests) > asked, "the poll asked for")
    assert fake.requests[-1] == "GET /feed.xml"

    page.get_by_role("menuitem", name="Sources").click()
    row = page.get_by_role("row").filter(has=page.get_by_test_id("source-name").filter(has_text="Acme reviews"))
    expect(row.get_by_test_id("source-health")).to_have_attribute("data-health", "healthy")
    expect(row).to_contain_text("RSS feed")
    shot(page, "source-list")

    page.get_by_role("menuitem", name="Conversations").click()
    conversation = page.get_by_role("row").filter(has=page.get_by_text(f"{FEED_SOURCE}", exact=True))
    expect(conversation).to_have_count(1)
    expect(conversation).to_contain_text("fan@example.com (Fan)")
    expect(conversation.get_by_test_id("conversation-actionable")).to_have_attribute("data-actionable", "true")
    shot(page, "conversation-list")

    # The question is actionable: its case is opened shortly after the poll stored it.
    mention = f"{FEED_SOURCE}:r1"
    until(lambda: api_get(up, f"/api/mentions/{mention}").json().get("case_id"), "the mention's case")
    conversation.get_by_text("fan@example.com (Fan)").click()
    expect(page).to_have_url(re.compile(r"#/conversations/.+/show"))
    mentions = page.get_by_test_id("conversation-mention")
    expect(mentions).to_have_count(1)
    expect(mentions.first).to_have_attribute("data-direction", "inbound")
    expect(mentions.first.get_by_test_id("conversation-mention-text")).to_have_text("Is the shop down?")
    expect(mentions.first.get_by_test_id("mention-sentiment")).to_be_visible()
    expect(page.get_by_test_id("conversation-counts")).to_contain_text("1 / 0")
    shot(page, "conversation-show")

    mentions.first.get_by_test_id("mention-case-link").click()
    expect(page).to_have_url(re.compile(r"#/cases/.+/show"))
    expect(page.get_by_test_id("mention").first).to_contain_text("Is the shop down?")


@pytest.mark.expect_status(422)
def test_a_mastodon_source_with_a_bad_instance_url_shows_the_error_on_the_field(up: UpProcess, page: Page) -> None:
    login(page, up.base_url, ADMIN, PASSWORD, path="/#/sources/create")
    page.get_by_test_id("source-id").fill("acme-mastodon")
    pick(page, "Kind", "Mastodon")
    expect(page.get_by_test_id("source-poll-seconds")).to_have_value("60")
    token = page.get_by_test_id("source-access-token")
    expect(token).to_have_attribute("type", "password")
    token.fill("s3cret-token")
    base_url = page.get_by_test_id("source-base-url")

    # Empty: the form says so before asking the API.
    page.get_by_role("button", name="Save").click()
    expect(base_url).to_have_attribute("aria-invalid", "true")
    expect(base_url).to_have_accessible_description("Required")

    # Not a URL: the API refuses it, and its message lands on the field.
    base_url.fill("not a url")
    expect(base_url).to_have_attribute("aria-invalid", "false")
    page.get_by_role("button", name="Save").click()
    expect(base_url).to_have_attribute("aria-invalid", "true")
    expect(base_url).to_have_accessible_description(re.compile("Input should be a valid URL"))
    expect(token).to_have_attribute("aria-invalid", "false")
    expect(page).to_have_url(re.compile(r"#/sources/create"))
    shot(page, "source-field-error")
    assert api_get(up, "/api/sources/acme-mastodon").status_code == 404


def test_a_signed_webhook_maps_fields_and_keeps_its_secret_through_an_edit(up: UpProcess, page: Page) -> None:
    login(page, up.base_url, ADMIN, PASSWORD, path="/#/sources/create")
    page.get_by_test_id("source-id").fill("shop-hook")
    pick(page, "Kind", "Webhook")
    page.get_by_test_id("source-hmac-secret").fill("hook-secret")
    mapping = page.get_by_test_id("source-mapping")
    for field, path in (("author", "user.handle"), ("text", "message.body")):
        mapping.get_by_test_id("source-mapping-add").click()
        row = mapping.get_by_test_id("source-mapping-row").last
        row.get_by_role("combobox", name="Our field").click()
        page.get_by_role("option", name=field, exact=True).click()
        row.get_by_test_id("source-mapping-path").fill(path)
    expect(mapping.get_by_test_id("source-mapping-path").last).to_be_visible()
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"#/sources/shop-hook/show"), timeout=15_000)
    expect(page.get_by_test_id("source-config")).to_contain_text("author ← user.handle")
    expect(page.get_by_test_id("source-poll")).to_have_count(0)  # webhooks push: nothing to poll

    # Renamed without touching the secret: the form sends the mask back, which keeps it.
    page.get_by_role("link", name="Edit").click()
    secret = page.get_by_test_id("source-hmac-secret")
    expect(secret).to_have_value("********")
    expect(secret).to_have_attribute("data-masked", "true")
    page.get_by_test_id("source-name-input").fill("Shop webhook")
    shot(page, "source-edit-webhook")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("source-show-name")).to_have_text("Shop webhook", timeout=15_000)

    body = json.dumps({"id": "w1", "created_at": "2026-11-20T10:00:00Z", "user": {"handle": "@dana"},
                       "message": {"body": "Thanks for the quick fix!"}}).encode()
    signature = "sha256=" + hmac.new(b"hook-secret", body, hashlib.sha256).hexdigest()
    posted = httpx.post(f"{up.base_url}/api/webhooks/shop-hook", content=body,
                        headers={"Content-Type": "application/json", "X-Signature-256": signature})
    assert posted.status_code == 201, posted.text
    mention = api_get(up, f"/api/mentions/{posted.json()['mention_id']}").json()
    assert (mention["author"], mention["text"]) == ("@dana", "Thanks for the quick fix!")


def test_a_webhook_that_takes_a_token_shows_it_once(up: UpProcess, page: Page) -> None:
    login(page, up.base_url, ADMIN, PASSWORD, path="/#/sources/create")
    page.get_by_test_id("source-id").fill("shop-token")
    pick(page, "Kind", "Webhook")
    pick(page, "Senders prove who they are by", "Token (X-Switchboard-Token header)")
    page.get_by_role("button", name="Save").click()

    # Shown once, before the source's page: the API keeps only its digest.
    token = page.get_by_test_id("source-webhook-token")
    expect(token).to_be_visible(timeout=15_000)
    value = token.input_value()
    assert len(value) >= 20, value
    shot(page, "source-webhook-token")
    page.get_by_test_id("source-webhook-token-done").click()
    expect(page).to_have_url(re.compile(r"#/sources/shop-token/show"))
    expect(page.get_by_test_id("source-config")).to_contain_text("Token (X-Switchboard-Token header)")
    expect(page.get_by_test_id("source-webhook-token")).to_have_count(0)
    source = api_get(up, "/api/sources/shop-token").json()
    assert value not in json.dumps(source)

    body = {"id": "t1", "author": "@lee", "text": "Is the sale still on?", "created_at": "2026-11-20T10:00:00Z"}
    refused = httpx.post(f"{up.base_url}/api/webhooks/shop-token", json=body)
    assert refused.status_code == 401, refused.text
    posted = httpx.post(f"{up.base_url}/api/webhooks/shop-token", json=body, headers={"X-Switchboard-Token": value})
    assert posted.status_code == 201, posted.text
