"""Saved reports: kept by their owner, shared or private, and run to the very rows GET /api/analytics answers,
over test_analytics' scripted data set (whose answers are worked out by hand there)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
from sqlmodel import Session, select

from store.accounts import User
from store.audit import AuditEntry
from tests.api.test_analytics import SINCE, UNTIL, scripted  # noqa: F401  (the fixture)
from tests.harness.cases import Stack, api_client, as_user, refused

CUSTOM = {"period": "custom", "since": SINCE, "until": UNTIL}


async def _save(http: httpx.AsyncClient, headers: dict | None = None, **fields: object) -> dict:
    answer = await http.post("/api/reports", json={"name": "Report", "kind": "cases", "metric": "opened",
                                                   **fields}, headers=headers)
    assert answer.status_code == 201, answer.text
    return answer.json()


def _actions(stack: Stack, report_id: str) -> list[tuple[str, str]]:
    with Session(stack.engine) as session:
        return [(e.action, e.actor) for e in session.exec(select(AuditEntry).where(AuditEntry.target_id == report_id)
                                                          .order_by(AuditEntry.id))]


async def test_a_report_runs_to_the_analytics_rows(scripted: Stack) -> None:  # noqa: F811
    async with api_client(scripted) as http:
        for fields, kind, params in [
            ({"metric": "first_response", "group_by": "channel"}, "cases",
             {"metric": "first_response", "group_by": "channel"}),
            ({"metric": "opened", "group_by": "day", "tz": "Europe/Paris", "filters": {"channel": "twitter"}},
             "cases", {"metric": "opened", "group_by": "day", "tz": "Europe/Paris", "channel": "twitter"}),
            ({"metric": "sla", "group_by": "team", "filters": {"team_id": "support"}}, "cases",
             {"metric": "sla", "group_by": "team", "team_id": "support"}),
            ({"kind": "mentions", "metric": "volume", "group_by": "direction", "filters": {"channel": "twitter"}},
             "mentions", {"group_by": "direction", "channel": "twitter"}),
        ]:
            report = await _save(http, **{**CUSTOM, **fields})
            assert report["owner_id"] == "admin" and report["shared"] is False
            ran = (await http.get(f"/api/reports/{report['id']}/result")).json()
            direct = (await http.get(f"/api/analytics/{kind}", params={"since": SINCE, "until": UNTIL,
                                                                        **params})).json()
            assert ran == direct and ran["rows"], (fields, ran)
        # Hand-checked once more: first response by channel (see test_analytics).
        assert {row["group"]: row["median"] for row in (await http.get(
            f"/api/reports/{(await _save(http, **CUSTOM, metric='first_response', group_by='channel'))['id']}"
            "/result")).json()["rows"]} == {"facebook": 300, "twitter": 1800}


async def test_a_relative_period_is_whole_local_days_resolved_at_the_run(scripted: Stack) -> None:  # noqa: F811
    async with api_client(scripted) as http:
        report = await _save(http, period="last_7_days", tz="America/New_York", group_by="day",
                             since=SINCE, until=UNTIL)
        assert report["since"] is None and report["until"] is None  # only a custom period keeps them
        ran = (await http.get(f"/api/reports/{report['id']}/result")).json()
        zone = ZoneInfo("America/New_York")
        today = datetime.now(zone).date()
        start = datetime(today.year, today.month, today.day, tzinfo=zone) - timedelta(days=7)
        assert datetime.fromisoformat(ran["since"]) == start.astimezone(UTC)
        assert datetime.fromisoformat(ran["until"]) - datetime.fromisoformat(ran["since"]) in (
            timedelta(days=7), timedelta(days=7, hours=1), timedelta(days=7, hours=-1))  # a DST change between
        assert [row["group"] for row in ran["rows"]] == [
            (today - timedelta(days=n)).isoformat() for n in range(7, 0, -1)]
        # Changed to a custom period, it answers the scripted days (6 cases opened, test_analytics).
        changed = await http.patch(f"/api/reports/{report['id']}", json={**CUSTOM, "tz": "UTC"})
        assert changed.status_code == 200, changed.text
        rows = (await http.get(f"/api/reports/{report['id']}/result")).json()["rows"]
        assert {row["group"]: row["count"] for row in rows} == {"2025-12-01": 2, "2025-12-02": 4}


async def test_shared_private_owner_and_audit(scripted: Stack) -> None:  # noqa: F811
    async with api_client(scripted, user=None) as http:
        sofia, olivia, audrey, ada, admin = (as_user(scripted.engine, u) for u in
                                             ("sofia", "olivia", "audrey", "ada", "admin"))
        mine = await _save(http, sofia, name="Sofia's own", **CUSTOM)
        ours = await _save(http, sofia, name="Team volume", shared=True, **CUSTOM)
        listed = await http.get("/api/reports", headers=olivia)
        assert [r["name"] for r in listed.json()] == ["Team volume"]
        assert listed.headers["Content-Range"].endswith("/1")
        assert {r["name"] for r in (await http.get("/api/reports", headers=sofia)).json()} == {"Sofia's own",
                                                                                               "Team volume"}
        # Another's private report is absent to them, even by id; the shared one runs for any analytics reader.
        assert (await http.get(f"/api/reports/{mine['id']}", headers=olivia)).status_code == 404
        assert (await http.get(f"/api/reports/{mine['id']}/result", headers=audrey)).status_code == 404
        assert (await http.get(f"/api/reports/{ours['id']}/result", headers=audrey)).status_code == 200
        # Agents read no analytics; auditors read but keep no reports; only the owner (or an admin) changes one.
        assert (await http.get("/api/reports", headers=ada)).status_code == 403
        assert "reports:manage" in refused(await http.post("/api/reports", headers=audrey, json={
            "name": "x", "kind": "cases", "metric": "opened"}), 403, "")
        assert refused(await http.patch(f"/api/reports/{ours['id']}", headers=olivia, json={"name": "Mine now"}),
                       403, "id")
        renamed = await http.patch(f"/api/reports/{ours['id']}", headers=admin, json={"name": "Team volume v2"})
        assert renamed.json()["name"] == "Team volume v2" and renamed.json()["owner_id"] == "sofia"
        assert (await http.delete(f"/api/reports/{ours['id']}", headers=sofia)).status_code == 200
        assert (await http.get(f"/api/reports/{ours['id']}", headers=sofia)).status_code == 404
        assert _actions(scripted, ours["id"]) == [("report.create", "sofia"), ("report.change", "admin"),
                                                  ("report.delete", "sofia")]
        # A supervisor scoped to marketing may not save, nor run, a report of support's cases.
        support = await _save(http, olivia, name="Support", shared=True, filters={"team_id": "support"}, **CUSTOM)
        with Session(scripted.engine) as session:
            user = session.get(User, "sofia")
            assert user is not None
            user.teams = ["marketing"]
            session.add(user)
            session.commit()
        sofia = as_user(scripted.engine, "sofia")
        assert refused(await http.get(f"/api/reports/{support['id']}/result", headers=sofia), 403, "team_id")
        assert refused(await http.post("/api/reports", headers=sofia, json={
            "name": "x", "kind": "cases", "metric": "opened", "filters": {"team_id": "support"}}), 403, "team_id")


async def test_a_report_that_does_not_fit_its_kind_is_refused_by_field(scripted: Stack) -> None:  # noqa: F811
    async with api_client(scripted) as http:
        async def bad(status: int = 422, **fields: object) -> str:
            answer = await http.post("/api/reports", json={"name": "x", "kind": "cases", "metric": "opened",
                                                           **fields})
            return answer.json()["detail"]["path"] if answer.status_code == status else answer.text

        assert await bad(kind="mentions", metric="first_response") == "metric"
        assert await bad(kind="mentions", metric="volume", group_by="assignee") == "group_by"
        assert await bad(kind="mentions", metric="share_of_voice") == "metric"  # no brand or competitor set anywhere
        assert await bad(kind="mentions", metric="sentiment", hours="business") == "hours"
        assert await bad(metric="backlog", group_by="day") == "group_by"  # counted at one instant
        assert await bad(metric="opened", hours="business") == "hours"  # no business-hours variant
        assert await bad(kind="mentions", metric="volume", filters={"priority": "high"}) == "filters.priority"
        assert await bad(metric="happiness") == "metric"
        assert await bad(tz="Mars/Olympus") == "tz"
        assert await bad(period="custom", until=UNTIL) == "since"
        assert await bad(period="custom", since=UNTIL, until=SINCE) == "until"
        assert await bad(period="custom", since="2024-01-01T00:00:00Z", until=UNTIL, group_by="hour") == "since"
        assert await bad(period="fortnight") == "period"
        assert await bad(name="   ") == "name"
        assert await bad(owner_id="olivia") == "owner_id"  # the owner is the caller, never the body
        report = await _save(http, **CUSTOM)
        # A change is checked over the report as it will be: a cases metric no longer fits a mentions report.
        assert refused(await http.patch(f"/api/reports/{report['id']}", json={"kind": "mentions"}), 422, "metric")
