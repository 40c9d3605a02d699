"""Analytics over a scripted data set whose every answer is worked out by hand below, in UTC, Paris (UTC+1 in
December) and New York (UTC-5), and who may read them.

The period is [2025-12-01T00:00Z, 2025-12-03T00:00Z), far from the demo's seeded data. Cases (opened -> closed, UTC):

case: channel, team, agent, priority, tags; opened -> closed (UTC, day of December unless said); first response,
resolution and handle seconds; transfers, reopens; SLA outcomes (first_response / resolution):
- c1: twitter, support, ada, high, [refund, billing]; 01 09:00 -> 01 11:00; 600, 7200, 1200; 0, 0; met / met
- c2: twitter, support, grace, normal, [refund]; 01 23:30 -> 02 01:30; 1800, 7200, 600; 1, 0; breached / met
- c3: facebook, marketing, maya, normal, []; 02 10:00 -> 02 10:20; none, 1200, 0; 0, 1; closed_without_response / met
- c4: facebook, support, ada, urgent, [outage]; 02 22:00, open, answered 22:05 (300 s)
- c5: twitter, no team, no agent, low, [billing]; 02 23:45, open, unanswered
- c6: twitter, support, linus, normal, [billing]; 30 Nov 23:00 -> 01 08:00; 120, 32400, 900; 2, 0; met / breached
- c7: twitter, escalations, sofia, high, [legal]; 02 12:00 -> 3 Dec 00:30; 3600, 45000; met / none
- c8: twitter, support, ada, normal, [refund]; 29 Nov 10:00, closed 01 15:00 then reopened (assigned); 0, 1

c2 (23:30 UTC) and c5 (23:45 UTC) are the next day in Paris; c6 opened the day before the period in UTC but on its
first day in Paris, yet only its close counts (closed metrics go by closed_at); c7 opened in the period but closed
after it; c8 is open again after an earlier close, so it counts in no closed metric.
"""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from sqlmodel import Session

from engine.models import CaseStatus, Direction, Priority
from store.accounts import User
from store.cases import Case
from store.mentions import Mention
from tests.harness.cases import Stack, api_client, as_user

SINCE, UNTIL = "2025-12-01T00:00:00Z", "2025-12-03T00:00:00Z"


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=UTC)


def _case(ident: str, *, source: str, team: str | None, agent: str | None, priority: Priority, tags: list[str],
          opened: datetime, status: CaseStatus = CaseStatus.closed, closed: datetime | None = None,
          answered: datetime | None = None, first: float | None = None, resolution: float | None = None,
          handle: float = 0.0, transfers: int = 0, reopens: int = 0, sla: dict[str, str] | None = None) -> Case:
    return Case(id=ident, workflow_id=f"case-{ident}", conversation_id=f"conv-{ident}", source=source,
                team_id=team, assignee_id=agent, priority=priority, tags=tags, opened_at=opened, status=status,
                closed_at=closed, first_response_at=answered, first_response_seconds=first,
                resolution_seconds=resolution, handle_seconds=handle, transfers=transfers, reopen_count=reopens,
                sla_outcomes=sla or {}, flow_version="v1", updated_at=opened)


def cases() -> list[Case]:
    """Fresh rows each time (a row added once is bound to that test's database)."""
    return [
        _case("c1", source="twitter", team="support", agent="ada", priority=Priority.high, tags=["refund", "billing"],
              opened=at(1, 9), closed=at(1, 11), answered=at(1, 9, 10), first=600, resolution=7200, handle=1200,
              sla={"first_response": "met", "resolution": "met"}),
        _case("c2", source="twitter", team="support", agent="grace", priority=Priority.normal, tags=["refund"],
              opened=at(1, 23, 30), closed=at(2, 1, 30), answered=at(2, 0), first=1800, resolution=7200, handle=600,
              transfers=1, sla={"first_response": "breached", "resolution": "met"}),
        _case("c3", source="facebook", team="marketing", agent="maya", priority=Priority.normal, tags=[],
              opened=at(2, 10), closed=at(2, 10, 20), resolution=1200, reopens=1,
              sla={"first_response": "closed_without_response", "resolution": "met"}),
        _case("c4", source="facebook", team="support", agent="ada", priority=Priority.urgent, tags=["outage"],
              opened=at(2, 22), status=CaseStatus.assigned, answered=at(2, 22, 5)),
        _case("c5", source="twitter", team=None, agent=None, priority=Priority.low, tags=["billing"],
              opened=at(2, 23, 45), status=CaseStatus.open),
        _case("c6", source="twitter", team="support", agent="linus", priority=Priority.normal, tags=["billing"],
              opened=at(30, 23, month=11), closed=at(1, 8), answered=at(30, 23, 2, month=11), first=120,
              resolution=32400, handle=900, transfers=2, sla={"first_response": "met", "resolution": "breached"}),
        # Its measured first response (3600 s) is what counts, not first_response_at - opened_at (1800 s).
        _case("c7", source="twitter", team="escalations", agent="sofia", priority=Priority.high, tags=["legal"],
              opened=at(2, 12), closed=at(3, 0, 30), answered=at(2, 12, 30), first=3600, resolution=45000,
              sla={"first_response": "met"}),
        _case("c8", source="twitter", team="support", agent="ada", priority=Priority.normal, tags=["refund"],
              opened=at(29, 10, month=11), status=CaseStatus.assigned, closed=at(1, 15),
              answered=at(29, 10, 30, month=11), reopens=1),
    ]


def _mention(ident: str, source: str, created: datetime, direction: Direction = Direction.inbound,
             text: str = "hello", conversation: str | None = None, **found: object) -> Mention:
    return Mention(id=f"{source}:{ident}", source=source, external_id=ident,
                   conversation_id=conversation or f"{source}:{ident}", author="@someone", text=text,
                   created_at=created, received_at=created, direction=direction, **found)


def mentions() -> list[Mention]:
    """m1-m4 carry what discovery found (tags, sentiment, language), the case they belong to and brand names;
    m5 nothing."""
    return [
        _mention("m1", "twitter", at(1, 9), text="Acme is broken", tags=["refund"], sentiment=-0.6, language="en",
                 case_id="c1"),
        _mention("m2", "twitter", at(1, 9, 10), Direction.outbound, text="Acme here: sorry!"),
        _mention("m3", "twitter", at(1, 23, 30), text="acme and Globex both charged me", tags=["refund", "billing"],
                 sentiment=0.0, language="en"),  # 2 December in Paris
        _mention("m4", "facebook", at(2, 10), text="globex!", tags=[], sentiment=0.7, language="fr", case_id="c3",
                 conversation="conv-c3"),
        _mention("m5", "facebook", at(2, 23, 59)),  # 3 December in Paris
        _mention("m6", "twitter", at(30, 23, 30, month=11)),  # before the period (1 December in Paris, still before)
        _mention("m7", "twitter", at(3, 0)),  # the period's end is excluded
    ]


@pytest.fixture
def scripted(stack: Stack) -> Stack:
    with Session(stack.engine) as session:
        session.add_all([*cases(), *mentions()])
        session.commit()
    return stack


async def _report(http: httpx.AsyncClient, kind: str = "cases", **params: str) -> dict:
    answer = await http.get(f"/api/analytics/{kind}", params={"since": SINCE, "until": UNTIL, **params})
    assert answer.status_code == 200, answer.text
    return answer.json()


def _by_group(report: dict, *fields: str) -> dict:
    return {row["group"]: tuple(row[f] for f in fields) if len(fields) > 1 else row[fields[0]]
            for row in report["rows"]}


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
async def test_case_volumes_by_group_filter_and_time_zone(scripted: Stack) -> None:
    async with api_client(scripted) as http:
        opened = await _report(http, metric="opened")
        assert opened["period_column"] == "opened_at" and _by_group(opened, "count") == {None: 6}  # c1-c5, c7
        assert _by_group(await _report(http, metric="opened", group_by="channel"), "count") == {
            "facebook": 2, "twitter": 4}
        assert list(_by_group(await _report(http, metric="opened", group_by="team"), "count").items()) == [
            ("escalations", 1), ("marketing", 1), ("support", 3), (None, 1)]  # no team (c5) last
        assert _by_group(await _report(http, metric="opened", group_by="assignee"), "count") == {
            "ada": 2, "grace": 1, "maya": 1, "sofia": 1, None: 1}
        assert _by_group(await _report(http, metric="opened", group_by="priority"), "count") == {
            "high": 2, "normal": 2, "urgent": 1, "low": 1}
        # A case counts once per tag it has (c1: refund and billing); one without any (c3) under none.
        assert _by_group(await _report(http, metric="opened", group_by="tag"), "count") == {
            "billing": 2, "legal": 1, "outage": 1, "refund": 2, None: 1}
        # The same cases by day: c2 (23:30 UTC) is 2 December in Paris, c5 (23:45 UTC) 3 December.
        by_day = {tz: _by_group(await _report(http, metric="opened", group_by="day", tz=tz), "count")
                  for tz in ("UTC", "Europe/Paris", "America/New_York")}
        assert by_day["UTC"] == {"2025-12-01": 2, "2025-12-02": 4}
        assert list(by_day["Europe/Paris"].items()) == [("2025-12-01", 1), ("2025-12-02", 4), ("2025-12-03", 1)]
        # The period starts at 19:00 on 30 November in New York: a day with no case shows 0.
        assert list(by_day["America/New_York"].items()) == [("2025-11-30", 0), ("2025-12-01", 2),
                                                             ("2025-12-02", 4)]
        hours = await http.get("/api/analytics/cases", params={
            "metric": "opened", "group_by": "hour", "tz": "Europe/Paris",
            "since": "2025-12-01T23:00:00Z", "until": "2025-12-02T01:00:00Z"})
        assert _by_group(hours.json(), "count") == {"2025-12-02T00:00+01:00": 1, "2025-12-02T01:00+01:00": 0}
        # Filters: team, tag (read in Python), channel with priority.
        assert _by_group(await _report(http, metric="opened", team_id="support"), "count") == {None: 3}
        assert _by_group(await _report(http, metric="opened", tag="refund", group_by="channel"), "count") == {
            "twitter": 2}
        assert _by_group(await _report(http, metric="opened", channel="twitter", priority="high"), "count") == {
            None: 2}  # c1, c7
        # Closed: by closed_at and status closed: c1, c2, c3 and c6 (opened before the period); not c7 (closed
        # after it) nor c8 (reopened).
        closed = await _report(http, metric="closed")
        assert closed["period_column"] == "closed_at" and _by_group(closed, "count") == {None: 4}
        # In Paris c6 closed 1 Dec 09:00, c1 12:00; c2 2 Dec 02:30, c3 11:20; nothing closed on 3 December.
        assert list(_by_group(await _report(http, metric="closed", group_by="day", tz="Europe/Paris"),
                              "count").items()) == [("2025-12-01", 2), ("2025-12-02", 2), ("2025-12-03", 0)]
        assert _by_group(await _report(http, metric="closed", tag="billing"), "count") == {None: 2}  # c1, c6


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
async def test_times_sla_attainment_and_rates(scripted: Stack) -> None:
    async with api_client(scripted) as http:
        # First response, cases opened in the period that have one: c1 600, c2 1800, c4 300 (open: answered
        # 22:05 - opened 22:00), c7 3600 (measured). Sorted 300, 600, 1800, 3600: mean 6300 / 4 = 1575, median
        # (600 + 1800) / 2 = 1200, p90 the value at rank ceil(3.6) = 4: 3600.
        first = await _report(http, metric="first_response")
        assert _by_group(first, "count", "value", "mean", "median", "p90") == {None: (4, 1575, 1575, 1200, 3600)}
        # twitter: 600, 1800, 3600 -> mean 2000, median 1800, p90 rank ceil(2.7) = 3: 3600; facebook: c4's 300.
        assert _by_group(await _report(http, metric="first_response", group_by="channel"),
                         "count", "mean", "median", "p90") == {"facebook": (1, 300, 300, 300),
                                                               "twitter": (3, 2000, 1800, 3600)}
        # Resolution, closed in the period: 1200, 7200, 7200, 32400: mean 48000 / 4 = 12000, median 7200, p90 32400.
        resolution = await _report(http, metric="resolution")
        assert resolution["period_column"] == "closed_at"
        assert _by_group(resolution, "count", "mean", "median", "p90") == {None: (4, 12000, 7200, 32400)}
        # Handle: 0, 600, 900, 1200: mean 2700 / 4 = 675, median (600 + 900) / 2 = 750, p90 1200.
        assert _by_group(await _report(http, metric="handle"), "count", "mean", "median", "p90") == {
            None: (4, 675, 750, 1200)}
        # Paris days: 1 Dec c6 (900), c1 (1200) -> mean 1050; 2 Dec c2 (600), c3 (0) -> 300; 3 Dec nothing.
        assert _by_group(await _report(http, metric="handle", group_by="day", tz="Europe/Paris"), "count", "mean") == {
            "2025-12-01": (2, 1050), "2025-12-02": (2, 300), "2025-12-03": (0, None)}
        # SLA, closed in the period: first response met c1, c6; breached c2; c3 closed without response: 2 / 3.
        # Resolution met c1, c2, c3, breached c6: 3 / 4. No case had a next response clock.
        sla = await _report(http, metric="sla")
        targets = {row["target"]: (row["met"], row["breached"], row["closed_without_response"], row["count"],
                                   row["value"]) for row in sla["rows"]}
        assert targets == {"first_response": (2, 1, 1, 4, pytest.approx(2 / 3)),
                           "resolution": (3, 1, 0, 4, 0.75), "next_response": (0, 0, 0, 0, None)}
        by_team = {(row["group"], row["target"]): (row["value"], row["closed_without_response"])
                   for row in (await _report(http, metric="sla", group_by="team"))["rows"]}
        assert by_team[("marketing", "first_response")] == (None, 1)  # only c3: no attainment, not 0
        assert by_team[("support", "first_response")] == (pytest.approx(2 / 3), 0)
        assert by_team[("support", "resolution")] == (pytest.approx(2 / 3), 0)  # c1, c2 met; c6 breached
        # Transfers: c2 and c6 of the 4 closed; reopens: c3 (c8 was reopened but is not closed).
        assert _by_group(await _report(http, metric="transfer_rate"), "count", "matching", "value") == {
            None: (4, 2, 0.5)}
        assert _by_group(await _report(http, metric="reopen_rate"), "count", "matching", "value") == {
            None: (4, 1, 0.25)}
        # Nothing in a period: rows with no value, never a 0 that reads as a figure.
        empty = await http.get("/api/analytics/cases", params={
            "metric": "resolution", "since": "2020-01-01T00:00:00Z", "until": "2020-01-02T00:00:00Z"})
        assert empty.json()["rows"] == [{"group": None, "count": 0, "value": None, "target": None, "mean": None,
                                         "median": None, "p90": None, "met": None, "breached": None,
                                         "closed_without_response": None, "matching": None, "ages": None,
                                         "name": None}]


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
async def test_mention_volume_by_channel_direction_and_day(scripted: Stack) -> None:
    async with api_client(scripted) as http:
        volume = await _report(http, "mentions")  # m1-m5: m6 is before the period, m7 at its (excluded) end
        assert volume["period_column"] == "created_at" and _by_group(volume, "count") == {None: 5}
        assert _by_group(await _report(http, "mentions", group_by="channel"), "count") == {"facebook": 2,
                                                                                          "twitter": 3}
        assert _by_group(await _report(http, "mentions", group_by="direction"), "count") == {"inbound": 4,
                                                                                            "outbound": 1}
        assert _by_group(await _report(http, "mentions", direction="inbound", channel="twitter"), "count") == {
            None: 2}
        assert _by_group(await _report(http, "mentions", group_by="day"), "count") == {"2025-12-01": 3,
                                                                                      "2025-12-02": 2}
        assert list(_by_group(await _report(http, "mentions", group_by="day", tz="Europe/Paris"),
                              "count").items()) == [("2025-12-01", 2), ("2025-12-02", 2), ("2025-12-03", 1)]


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
async def test_mentions_by_tag_language_sentiment_team_and_share_of_voice(scripted: Stack) -> None:
    async with api_client(scripted, share_of_voice={"Acme": ["acme"], "Globex": ["globex"]}) as http:
        # m1-m5 are in the period; m2 (ours) and m5 have no language, sentiment or tags.
        assert list(_by_group(await _report(http, "mentions", group_by="language"), "count").items()) == [
            ("en", 2), ("fr", 1), (None, 2)]
        assert _by_group(await _report(http, "mentions", group_by="sentiment"), "count") == {
            "negative": 1, "neutral": 1, "positive": 1, None: 2}  # m1 -0.6, m3 0.0, m4 0.7
        assert list(_by_group(await _report(http, "mentions", group_by="tag"), "count").items()) == [
            ("billing", 1), ("refund", 2), (None, 3)]  # m3 counts in both its tags
        # The queue of the mention's case: m1 is c1's (support), m4 c3's (marketing); the others have none.
        assert list(_by_group(await _report(http, "mentions", group_by="team"), "count").items()) == [
            ("marketing", 1), ("support", 1), (None, 3)]
        # Mean sentiment of those that have one: (-0.6 + 0.0 + 0.7) / 3; by UTC day: 1 Dec m1, m3 -> -0.3;
        # 2 Dec m4 0.7 (m5 has none).
        assert _by_group(await _report(http, "mentions", metric="sentiment"), "count", "value") == {
            None: (3, pytest.approx(0.1 / 3))}
        assert _by_group(await _report(http, "mentions", metric="sentiment", group_by="day"), "count", "value") == {
            "2025-12-01": (2, pytest.approx(-0.3)), "2025-12-02": (1, pytest.approx(0.7))}
        assert _by_group(await _report(http, "mentions", metric="sentiment", group_by="channel"), "count",
                         "value") == {"facebook": (1, pytest.approx(0.7)), "twitter": (2, pytest.approx(-0.3))}
        # Share of voice, inbound only (m2 is ours): Acme m1, m3; Globex m3, m4: 2 and 2 of 4 matches.
        share = await _report(http, "mentions", metric="share_of_voice")
        assert [(row["name"], row["count"], row["value"]) for row in share["rows"]] == [
            ("Acme", 2, 0.5), ("Globex", 2, 0.5)]
        # In Paris: 1 Dec m1 (Acme); 2 Dec m3 (both) and m4 (Globex); 3 Dec nothing.
        daily = await _report(http, "mentions", metric="share_of_voice", group_by="day", tz="Europe/Paris")
        assert [(row["group"], row["name"], row["count"], row["value"]) for row in daily["rows"]] == [
            ("2025-12-01", "Acme", 1, 1.0), ("2025-12-01", "Globex", 0, 0.0),
            ("2025-12-02", "Acme", 1, pytest.approx(1 / 3)), ("2025-12-02", "Globex", 2, pytest.approx(2 / 3)),
            ("2025-12-03", "Acme", 0, None), ("2025-12-03", "Globex", 0, None)]


async def test_bad_requests_say_which_field_and_what_to_do(scripted: Stack) -> None:
    async with api_client(scripted) as http:
        async def refused(kind: str = "cases", **params: str) -> dict:
            answer = await http.get(f"/api/analytics/{kind}", params={"since": SINCE, "until": UNTIL, **params})
            assert answer.status_code == 422, answer.text
            return answer.json()["detail"]

        unknown = await refused(metric="happiness")
        assert unknown["path"] == "metric" and "'first_response'" in unknown["message"]  # says what would do
        assert (await refused(metric="opened", group_by="weather"))["path"] == "group_by"
        bad_zone = await refused(metric="opened", tz="Europe/Atlantis")
        assert bad_zone["path"] == "tz" and "Europe/Paris" in bad_zone["message"]
        assert (await refused(metric="opened", since=UNTIL, until=SINCE))["path"] == "until"
        assert (await refused(metric="opened", since=SINCE, until=SINCE))["code"] == "empty_period"
        assert (await refused(metric="opened", since="2025-12-01"))["path"] == "since"
        assert (await refused(metric="opened", since="2025-02-30T00:00:00Z"))["path"] == "since"
        assert (await refused(metric="opened", group_by="hour", since="2025-01-01T00:00:00Z"))["code"] == \
            "period_too_long"
        assert (await refused("mentions", group_by="assignee"))["path"] == "group_by"
        assert (await refused("mentions", metric="happiness"))["path"] == "metric"
        business = await refused(metric="opened", hours="business")
        assert business["path"] == "hours" and "first_response" in business["message"]
        assert (await refused(metric="resolution", hours="office"))["path"] == "hours"
        backlog = await refused(metric="backlog", group_by="day")
        assert backlog["path"] == "group_by" and "team" in backlog["message"]
        unset = await refused("mentions", metric="share_of_voice")  # no brand or competitor configured
        assert unset["path"] == "metric" and "SWITCHBOARD_SHARE_OF_VOICE" in unset["message"]
    async with api_client(scripted, share_of_voice={"Acme": ["acme"]}) as http:
        answer = await http.get("/api/analytics/mentions", params={"since": SINCE, "until": UNTIL,
                                                                   "metric": "share_of_voice", "group_by": "channel"})
        assert answer.status_code == 422 and answer.json()["detail"]["path"] == "group_by"
        assert (await refused("mentions", tz="nowhere"))["path"] == "tz"


async def test_who_may_read_analytics(scripted: Stack) -> None:
    params = {"metric": "opened", "since": SINCE, "until": UNTIL}
    async with api_client(scripted, user=None) as http:
        for user in ("admin", "olivia", "sofia", "audrey"):  # admin, ops lead, supervisor, auditor
            for kind in ("cases", "mentions"):
                answer = await http.get(f"/api/analytics/{kind}", params=params if kind == "cases" else {
                    "since": SINCE, "until": UNTIL}, headers=as_user(scripted.engine, user))
                assert answer.status_code == 200, (user, kind, answer.text)
        for kind in ("cases", "mentions"):
            denied = await http.get(f"/api/analytics/{kind}", params=params,
                                    headers=as_user(scripted.engine, "ada"))
            assert denied.status_code == 403 and "analytics:read" in denied.json()["detail"]["message"]
        # A supervisor scoped to a team counts that team's cases only, and may not ask for another team's.
        with Session(scripted.engine) as session:
            sofia = session.get(User, "sofia")
            assert sofia is not None
            sofia.teams = ["marketing"]
            session.add(sofia)
            session.commit()
        scoped = as_user(scripted.engine, "sofia")
        answer = await http.get("/api/analytics/cases", params={**params, "group_by": "team"}, headers=scoped)
        # marketing's c3, and c7: assigned to sofia herself (a scoped user sees her own cases too).
        assert {row["group"]: row["count"] for row in answer.json()["rows"]} == {"marketing": 1, "escalations": 1}
        other = await http.get("/api/analytics/cases", params={**params, "team_id": "support"}, headers=scoped)
        assert other.status_code == 403 and other.json()["detail"]["path"] == "team_id"
        # Mentions: those of her cases' conversations, m4 (c3's); grouped by the queue of their case too.
        assert (await http.get("/api/analytics/mentions", params={"since": SINCE, "until": UNTIL},
                               headers=scoped)).json()["rows"][0]["count"] == 1
        by_team = await http.get("/api/analytics/mentions", params={"since": SINCE, "until": UNTIL,
                                                                    "group_by": "team"}, headers=scoped)
        assert [(row["group"], row["count"]) for row in by_team.json()["rows"]] == [("marketing", 1)]
