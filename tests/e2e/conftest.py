"""The browser tests' chromium (one per module) and a page per test that fails on any console error; `guest` is a
second page in a browser context of its own (no session cookie), for someone who has no login."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.harness.browser import CHROMIUM, FLAGS

# `make test` runs two test processes on two cores, so a page can be slow to answer while the other process starts a
# stack: expectations wait up to 15 s (playwright's default is 5 s) and actions such as clicks up to 60 s.
expect.set_options(timeout=15_000)
ACTION_TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert shutil.which(CHROMIUM) or Path(CHROMIUM).is_file(), \
        f"{CHROMIUM} missing: `make test` installs Debian's chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@contextmanager
def checked_page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page in a fresh browser context, failing the test on any console error it did not expect."""
    context = browser.new_context(reduced_motion="reduce", viewport={"width": 1400, "height": 900})
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    # A test that provokes a 4xx on purpose lists it; the browser logs those as console errors.
    expected = request.node.get_closest_marker("expect_status")
    allowed = [f"status of {code}" for code in (expected.args if expected else ())]
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error"
            and not any(a in msg.text for a in allowed) else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"browser console errors: {errors}"


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    with checked_page(browser, request) as page:
        yield page


@pytest.fixture
def guest(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """Another browser, as it were: no cookies shared with `page` (an expert who opens a link, say)."""
    with checked_page(browser, request) as page:
        yield page
