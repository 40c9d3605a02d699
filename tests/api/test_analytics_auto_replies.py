"""Auto-response statistics (issue 16) over a scripted set whose answers are worked out by hand below, through the
API: GET /api/analytics/cases and a saved report run by GET /api/reports/{id}/result.

The period is [2025-12-01T00:00Z, 2025-12-03T00:00Z). Cases (UTC; "auto": triage's auto-reply was sent):
- a1: twitter, support, high; opened 01 09:00, auto; closed 01 10:00 resolved, no human reply
- a2: twitter, support, normal; opened 01 12:00, auto; closed 02 09:00 resolved, 1 human reply
- a3: facebook, marketing, normal; opened 02 08:00, auto; closed 02 08:30 as spam, no human reply
- a4: facebook, support, normal; opened 02 10:00, no auto; closed 02 11:00 resolved, no human reply
- a5: twitter, support, normal; opened 02 20:00, auto; open
- a6: twitter, support, low; opened 30 Nov 22:00 (before the period), auto; closed 01 08:00 no_action, no human reply
- a7: twitter, marketing, normal; opened 02 23:00, no auto; open
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlmodel import Session

from engine.models import CaseStatus, CloseReason, Priority
from store import analytics_fast
from store.analytics import CaseFilters, case_report
from store.cases import Case
from tests.harness.cases import Stack, api_client

SINCE, UNTIL = "2025-12-01T00:00:00Z", "2025-12-03T00:00:00Z"


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=UTC)


def _case(ident: str, source: str, team: str, priority: Priority, opened: datetime, *, auto: bool,
          closed: datetime | None = None, reason: CloseReason | None = None, replies: int = 0) -> Case:
    return Case(id=ident, workflow_id=f"case-{ident}", conversation_id=f"conv-{ident}", source=source, team_id=team,
                priority=priority, opened_at=opened, status=CaseStatus.closed if closed else CaseStatus.assigned,
                closed_at=closed, close_reason=reason, reply_count=replies, flow_version="v1", updated_at=opened,
                auto_reply_id="billing-received" if auto else None, auto_replied_at=opened if auto else None)


def cases() -> list[Case]:
    return [
        _case("a1", "twitter", "support", Priority.high, at(1, 9), auto=True, closed=at(1, 10),
              reason=CloseReason.resolved),
        _case("a2", "twitter", "support", Priority.normal, at(1, 12), auto=True, closed=at(2, 9),
              reason=CloseReason.resolved, replies=1),
        _case("a3", "facebook", "marketing", Priority.normal, at(2, 8), auto=True, closed=at(2, 8, 30),
              reason=CloseReason.spam),
        _case("a4", "facebook", "support", Priority.normal, at(2, 10), auto=False, closed=at(2, 11),
              reason=CloseReason.resolved),
        _case("a5", "twitter", "support", Priority.normal, at(2, 20), auto=True),
        _case("a6", "twitter", "support", Priority.low, at(30, 22, month=11), auto=True, closed=at(1, 8),
              reason=CloseReason.no_action),
        _case("a7", "twitter", "marketing", Priority.normal, at(2, 23), auto=False),
    ]


@pytest.fixture
def scripted(stack: Stack) -> Stack:
    with Session(stack.engine) as session:
        session.add_all(cases())
        session.commit()
    return stack


async def _rows(http: httpx.AsyncClient, *fields: str, **params: str) -> dict:
    answer = await http.get("/api/analytics/cases", params={"since": SINCE, "until": UNTIL, **params})
    assert answer.status_code == 200, answer.text
    return {row["group"]: tuple(row[f] for f in fields) for row in answer.json()["rows"]}


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
async def test_auto_replies_their_rate_and_the_cases_they_resolved(scripted: Stack) -> None:
    async with api_client(scripted) as http:
        # Opened in the period: a1, a2, a3, a4, a5, a7 (a6 opened before it); auto-replied: a1, a2, a3, a5.
        assert await _rows(http, "count", "value", metric="auto_replies") == {None: (4, 4)}
        assert await _rows(http, "count", "matching", "value", metric="auto_reply_rate") == {
            None: (6, 4, pytest.approx(4 / 6))}
        # twitter a1, a2, a5 of a1, a2, a5, a7; facebook a3 of a3, a4.
        assert await _rows(http, "count", "matching", "value", metric="auto_reply_rate", group_by="channel") == {
            "facebook": (2, 1, 0.5), "twitter": (4, 3, 0.75)}
        # support a1, a2, a5 of a1, a2, a4, a5; marketing a3 of a3, a7.
        assert await _rows(http, "count", "matching", "value", metric="auto_reply_rate", group_by="team") == {
            "marketing": (2, 1, 0.5), "support": (4, 3, 0.75)}
        assert await _rows(http, "value", metric="auto_replies", group_by="priority") == {
            "high": (1,), "normal": (3,)}
        assert await _rows(http, "value", metric="auto_replies", group_by="day") == {
            "2025-12-01": (2,), "2025-12-02": (2,)}
        assert await _rows(http, "value", metric="auto_replies", channel="facebook") == {None: (1,)}
        # Closed in the period with an auto-reply: a1, a2, a3, a6 (a4 had none). Resolved by it: a1 and a6 (no human
        # reply); not a2 (an agent replied) nor a3 (closed as spam).
        resolved = await http.get("/api/analytics/cases", params={"since": SINCE, "until": UNTIL,
                                                                  "metric": "resolved_by_auto_reply"})
        assert resolved.json()["period_column"] == "closed_at"
        assert await _rows(http, "count", "matching", "value", metric="resolved_by_auto_reply") == {None: (4, 2, 2)}
        assert await _rows(http, "count", "matching", "value", metric="resolved_by_auto_reply",
                           group_by="channel") == {"facebook": (1, 0, 0), "twitter": (3, 2, 2)}
        # No business-hours variant: a 422 naming the field.
        refused = await http.get("/api/analytics/cases", params={"since": SINCE, "until": UNTIL, "hours": "business",
                                                                 "metric": "auto_reply_rate"})
        assert refused.status_code == 422 and refused.json()["detail"]["path"] == "hours"

        # A saved report of the rate by team answers the same rows.
        saved = await http.post("/api/reports", json={"name": "Auto-replies by team", "kind": "cases",
                                                      "metric": "auto_reply_rate", "group_by": "team",
                                                      "period": "custom", "since": SINCE, "until": UNTIL})
        assert saved.status_code == 201, saved.text
        result = await http.get(f"/api/reports/{saved.json()['id']}/result")
        assert result.status_code == 200, result.text
        assert {row["group"]: (row["count"], row["matching"], row["value"]) for row in result.json()["rows"]} == {
            "marketing": (2, 1, 0.5), "support": (4, 3, 0.75)}


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_the_database_counts_them_as_the_exact_path_does(seeded_engine) -> None:  # type: ignore[no-untyped-def]
    with Session(seeded_engine) as session:
        session.add_all(cases())
        session.commit()
        since, until = datetime.fromisoformat(SINCE), datetime.fromisoformat(UNTIL)
        for metric in ("auto_replies", "auto_reply_rate", "resolved_by_auto_reply"):
            for group in ("none", "channel", "team", "priority", "assignee", "day", "hour"):
                for zone in (UTC, ZoneInfo("Europe/Paris")):
                    args = dict(session=session, metric=metric, group_by=group, since=since, until=until, zone=zone)
                    fast = analytics_fast.case_report(**args, filters=CaseFilters())
                    assert fast is not None, (metric, group)
                    assert fast == case_report(**args, accelerate=False), (metric, group, zone)
