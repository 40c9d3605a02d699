"""Debian's chromium for the designer's browser tests: where it is, how it starts here, where screenshots go,
and how a test logs in."""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import Page, expect

CHROMIUM = os.environ.get("SWITCHBOARD_CHROMIUM", "/usr/bin/chromium")
# Chromium's background services try hosts this machine cannot reach; keep it to localhost.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(os.environ.get("SWITCHBOARD_SCREENSHOTS", "/tmp/switchboard-screenshots"))
# The demo accounts' password (`switchboard up` with its demo data).
DEMO_PASSWORD = "switchboard-demo"


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), animations="disabled")


def login(page: Page, base_url: str, email: str, password: str = DEMO_PASSWORD, *, path: str = "/#/") -> None:
    """Open the designer at `path`, log in through its login page, and wait until it shows who is logged in.

    Opening a page that needs a login shows the login page first; after logging in the designer opens `path`.
    A browser context keeps the session cookie: log in once per page (each test's page has its own context).
    """
    page.goto(base_url + path)
    expect(page.get_by_test_id("login-form")).to_be_visible()
    page.get_by_test_id("login-email").fill(email)
    page.get_by_test_id("login-password").fill(password)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("login-form")).to_have_count(0, timeout=15_000)
    expect(page.get_by_test_id("user-role")).to_be_visible()
    if path not in ("", "/", "/#/"):
        expect(page).to_have_url(re.compile(re.escape(path.split("#", 1)[-1]) + "$"))
