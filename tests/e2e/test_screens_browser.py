"""Every resource's list and one record's page, as an admin sees them at 1400x900 and at 768x1024 (a tablet held
upright): a screenshot of each (`<page>-1400.png`, `<page>-768.png` in $SWITCHBOARD_SCREENSHOTS), no horizontal
overflow of the document, and no header cell whose text is cut or spills out of it. At 768 px the menu is a drawer
the app bar's button opens, over the page.

One stack and one logged-in browser page per width for the whole module: each screen is a navigation, not a login.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.harness.browser import login, shot
from tests.harness.stack import UpProcess, start_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ADMIN = "admin@example.com"
WIDTHS = {1400: 900, 768: 1024}


@dataclass(frozen=True)
class Screen:
    name: str
    resource: str
    # list, show (`#/r/{id}/show`) or edit (`#/r/{id}`): the record page react-admin routes to from the list;
    # page: a page of its own at `#/r` that lists nothing (the dashboard, crisis mode)
    view: str = "list"


SCREENS = [
    Screen("cases", "cases"), Screen("case", "cases", "show"),
    Screen("mentions", "mentions"), Screen("mention", "mentions", "show"),
    Screen("conversations", "conversations"), Screen("conversation", "conversations", "show"),
    Screen("customers", "customers"), Screen("customer", "customers", "show"),
    Screen("agents", "agents"), Screen("agent", "agents", "show"), Screen("agent-edit", "agents", "edit"),
    Screen("teams", "teams"), Screen("team", "teams", "show"), Screen("team-edit", "teams", "edit"),
    Screen("experts", "experts"), Screen("expert", "experts", "show"),
    Screen("sources", "sources"), Screen("source", "sources", "show"),
    Screen("flows", "flows"), Screen("flow", "flows", "show"),
    Screen("flow-drafts", "flow_drafts"), Screen("flow-draft", "flow_drafts", "edit"),
    Screen("users", "users"), Screen("user", "users", "edit"),
    Screen("canned-replies", "canned_replies"), Screen("canned-reply", "canned_replies", "edit"),
    Screen("tokens", "tokens"),
    Screen("reports", "reports"), Screen("report", "reports", "show"), Screen("report-edit", "reports", "edit"),
    Screen("subscriptions", "subscriptions"), Screen("subscription", "subscriptions", "show"),
    Screen("subscription-edit", "subscriptions", "edit"),
    Screen("audit-entries", "audit_entries"), Screen("audit-entry", "audit_entries", "show"),
    Screen("dashboard", "analytics", "page"),
    Screen("crisis", "crisis", "page"),
]


def params() -> list[Any]:
    return [pytest.param(screen, width, id=f"{screen.name}-{width}") for screen in SCREENS for width in WIDTHS]


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("screens") / "data")
    yield stack
    stack.stop()


@pytest.fixture(scope="module")
def first_ids(up: UpProcess) -> dict[str, str]:
    """The first record of each resource, as the admin's list shows it first."""
    ids = {}
    with up.login(ADMIN) as http:
        # The demo has no draft: one of the active flow, as "Edit as draft" makes.
        active = http.get("/api/flows", params={"filter": '{"active": true}'}).json()[0]
        made = http.post("/api/flow_drafts", json={"name": "Screens: the active flow", "document": active["document"]})
        assert made.status_code == 201, made.text
        # The demo has no saved report: one the admin owns, so its edit page opens.
        report = http.post("/api/reports", json={"name": "Screens: first response by team", "kind": "cases",
                                                 "metric": "first_response", "group_by": "team",
                                                 "period": "last_90_days", "shared": True})
        assert report.status_code == 201, report.text
        # The demo has no webhook subscription: a paused one (nothing is sent) to a local address.
        hook = http.post("/api/subscriptions", json={
            "name": "Screens: CRM", "url": "http://127.0.0.1:9/hooks", "event_types": ["case.opened", "case.closed"],
            "filter": {"==": [{"var": "data.case.priority"}, "high"]}, "secret": "screens-secret-0123456789",
            "active": False})
        assert hook.status_code == 201, hook.text
        for resource in {screen.resource for screen in SCREENS if screen.view not in ("list", "page")}:
            found = http.get(f"/api/{resource}", params={"range": "[0,0]"})
            assert found.status_code == 200 and found.json(), (resource, found.text)
            ids[resource] = str(found.json()[0]["id"])
    return ids


class Session:
    """One logged-in page at one width, and the console errors it logged since the last screen."""

    def __init__(self, browser: Browser, up: UpProcess, width: int) -> None:
        self.context = browser.new_context(reduced_motion="reduce", viewport={"width": width, "height": WIDTHS[width]})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        login(self.page, up.base_url, ADMIN)


@pytest.fixture(scope="module")
def sessions(browser: Browser, up: UpProcess) -> Iterator[Callable[[int], Session]]:
    """The module's logged-in page at a width, opened the first time a test asks for it."""
    opened: dict[int, Session] = {}

    def session(width: int) -> Session:
        if width not in opened:
            opened[width] = Session(browser, up, width)
        return opened[width]

    yield session
    for each in opened.values():
        each.context.close()


SHOWN = {
    "list": ".RaList-content, .RaList-noResults, .RaEmpty-message",
    "show": ".RaShow-main",
    "edit": ".RaEdit-main",
    # The dashboard: its live figures and every chart drawn; crisis mode: its page
    "page": '[data-testid="chart-mentions-per-channel"] .recharts-wrapper, [data-testid="crisis-page"]',
}


def settle(page: Page, view: str) -> None:
    """The page's code and data in and drawn: its rows (or its empty state) or its record, no skeleton, no
    progress bar, no request running."""
    expect(page.locator(SHOWN[view]).first).to_be_visible(timeout=20_000)
    page.wait_for_load_state("networkidle")
    busy = page.locator(".RaLayout-content .MuiSkeleton-root, .RaLayout-content .MuiLinearProgress-root, "
                        ".RaLoading-root")
    expect(busy).to_have_count(0, timeout=15_000)
    page.wait_for_load_state("networkidle")


OVERFLOW = """() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
    wide: [...document.querySelectorAll('.RaLayout-content *')].filter(el => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > window.innerWidth + 1 && getComputedStyle(el).position !== 'fixed';
    }).slice(0, 5).map(el => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} `
        + `(right edge ${Math.round(el.getBoundingClientRect().right)})`)})"""

# A header cell's text is clipped when it, or a box inside it, holds more than it shows (hidden overflow or an
# ellipsis) or lets it spill past its edge.
CLIPPED_HEADERS = """() => [...document.querySelectorAll('thead th, [role=columnheader]')].flatMap(th => {
    const boxes = [th, ...th.querySelectorAll('*')].filter(el => el.clientWidth > 0);
    const cut = boxes.some(el => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1
        && getComputedStyle(el).overflowY !== 'visible');
    return cut ? [`"${th.innerText.trim()}" (${Math.round(th.getBoundingClientRect().width)} px)`] : [];
})"""


@pytest.mark.parametrize(("screen", "width"), params())
def test_the_screen_fits_the_window(screen: Screen, width: int, up: UpProcess, first_ids: dict[str, str],
                                    sessions: Callable[[int], Session]) -> None:
    session = sessions(width)
    page = session.page
    session.errors.clear()
    path = f"/#/{screen.resource}"
    if screen.view not in ("list", "page"):
        path += "/" + quote(first_ids[screen.resource], safe="")
        path += "/show" if screen.view == "show" else ""
    page.goto(up.base_url + path)
    settle(page, screen.view)
    expect(page.locator(".RaLayout-content")).to_be_visible()
    shot(page, f"{screen.name}-{width}")

    if width < 900:
        # The menu is a drawer over the page, closed until the app bar's button opens it.
        expect(page.locator(".RaSidebar-docked")).to_have_count(0)
        page.locator(".RaAppBar-menuButton").click()
        drawer = page.get_by_test_id("menu-drawer").get_by_role("menu")
        expect(drawer).to_be_visible()
        page.keyboard.press("Escape")
        expect(drawer).to_have_count(0)
        # The menu button keeps the focus, and its tooltip would show on the next screen's screenshot.
        page.evaluate("document.activeElement && document.activeElement.blur()")
        page.mouse.move(width / 2, WIDTHS[width] - 10)

    fits = page.evaluate(OVERFLOW)
    assert fits["scroll"] <= fits["inner"] + 1, (
        f"{screen.name} at {width} px is {fits['scroll']} px wide: it scrolls sideways. Wider than the window: "
        f"{fits['wide']}")
    clipped = page.evaluate(CLIPPED_HEADERS)
    assert not clipped, f"{screen.name} at {width} px cuts the text of these column headers: {clipped}"
    assert not session.errors, f"browser console errors on {screen.name}: {session.errors}"
