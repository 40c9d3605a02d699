"""The live dashboard over a scripted read side whose every figure is worked out by hand below.

The demo's teams (Marketing/PR, Support/Sales, Tier 2 escalations) and agents (support: ada, grace, linus;
marketing: maya; escalations: sofia), with grace offline. Cases, relative to the test's start (NOW):

case: team, status, assignee, priority; opened
- w1: support, open, nobody, normal; 40 min ago        (waiting)
- w2: support, escalated, nobody, urgent; 10 min ago   (waiting)
- w3: marketing, open, nobody, high; 5 min ago         (waiting)
- w4: no team, open, nobody, low; 2 min ago            (waiting, not routed yet)
- a1: support, assigned, ada, high; 3 h ago
- p1: escalations, pending, sofia, normal; 1 h ago
- x1: support, closed, ada, normal; 2 h ago            (in no open figure)

SLA breaches (events `sla_breached`): w2 10 min ago, w3 30 min ago, x1 20 min ago, a1 50 min ago and 2 h ago (out
of the hour); a warning on w1 5 min ago is no breach. Inbound mentions: 1, 3 (w3's), 4, 7 and 14 (w3's) minutes
ago, and 20 minutes ago (outside both windows); an outbound reply 2 minutes ago is not counted. Case pages open:
ada's two and maya's beat a second ago, linus's last beat 2 minutes ago (he has left), grace's is fresh
but she is offline.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session

from api.analytics.live import live_stream
from api.auth.permissions import ROLE_PERMISSIONS, Role
from api.auth.principal import Principal
from engine.models import CaseStatus, Direction, Priority
from store.accounts import User
from store.case_events import CaseEvent
from store.cases import Case
from store.mentions import Mention
from store.presence import CasePresence
from store.teams import Agent
from tests.harness.cases import Stack, api_client, as_user

NOW = [datetime.now(UTC)]  # the scripted data's "now": set when a test writes it


def ago(minutes: float) -> datetime:
    return NOW[0] - timedelta(minutes=minutes)


def _case(ident: str, team: str | None, status: CaseStatus, agent: str | None, priority: Priority,
          opened: datetime) -> Case:
    return Case(id=ident, workflow_id=f"case-{ident}", conversation_id=f"conv-{ident}", source="twitter",
                team_id=team, assignee_id=agent, priority=priority, status=status, opened_at=opened,
                closed_at=ago(60) if status == CaseStatus.closed else None, flow_version="v1", updated_at=opened)


def _event(case_id: str, seq: int, minutes: float, kind: str = "sla_breached") -> CaseEvent:
    return CaseEvent(id=f"{case_id}:{seq}", case_id=case_id, seq=seq, at=ago(minutes), kind=kind,
                     detail={"target": "first_response"})


def _mention(ident: str, minutes: float, case: str = "w1", direction: Direction = Direction.inbound) -> Mention:
    return Mention(id=f"twitter:{ident}", source="twitter", external_id=ident, conversation_id=f"conv-{case}",
                   author="@someone", text="help", created_at=ago(minutes), received_at=ago(minutes),
                   direction=direction)


def _seen(case_id: str, agent_id: str, seconds: float) -> CasePresence:
    return CasePresence(case_id=case_id, agent_id=agent_id, seen_at=NOW[0] - timedelta(seconds=seconds))


def scripted_rows() -> list[object]:
    return [
        _case("w1", "support", CaseStatus.open, None, Priority.normal, ago(40)),
        _case("w2", "support", CaseStatus.escalated, None, Priority.urgent, ago(10)),
        _case("w3", "marketing", CaseStatus.open, None, Priority.high, ago(5)),
        _case("w4", None, CaseStatus.open, None, Priority.low, ago(2)),
        _case("a1", "support", CaseStatus.assigned, "ada", Priority.high, ago(180)),
        _case("p1", "escalations", CaseStatus.pending, "sofia", Priority.normal, ago(60)),
        _case("x1", "support", CaseStatus.closed, "ada", Priority.normal, ago(120)),
        _event("w2", 1, 10), _event("w3", 1, 30), _event("x1", 1, 20), _event("a1", 1, 50), _event("a1", 2, 120),
        _event("w1", 1, 5, kind="sla_warning"),
        _mention("m1", 1), _mention("m2", 3, "w3"), _mention("m3", 4), _mention("m4", 7), _mention("m5", 14, "w3"),
        _mention("m6", 20), _mention("r1", 2, direction=Direction.outbound),
        _seen("a1", "ada", 1), _seen("w1", "ada", 2), _seen("w3", "maya", 1), _seen("w1", "linus", 120),
        _seen("w2", "grace", 1),
    ]


@pytest.fixture
def scripted(stack: Stack) -> Stack:
    NOW[0] = datetime.now(UTC).replace(microsecond=0)
    with Session(stack.engine) as session:
        session.add_all(scripted_rows())
        grace = session.get(Agent, "grace")
        assert grace is not None
        grace.online = False
        session.add(grace)
        session.commit()
    return stack


def _queues(snapshot: dict) -> list[tuple]:
    return [(q["team_id"], q["name"], q["waiting"], q["oldest_waiting_since"], q["agents"], q["agents_online"])
            for q in snapshot["queues"]]


def _active(snapshot: dict) -> dict[str | None, int]:
    return {q["team_id"]: q["agents_active"] for q in snapshot["queues"]}


def _iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


def _instant(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
async def test_the_snapshot_counts_queues_breaches_rates_agents_and_priorities(scripted: Stack) -> None:
    async with api_client(scripted) as http:
        answer = await http.get("/api/analytics/live/snapshot")
        assert answer.status_code == 200, answer.text
        live = answer.json()
    taken = datetime.fromisoformat(live["at"])
    # By team name, then the cases no rule routed yet; each queue's oldest is its longest-waiting case's opening.
    assert [(t, n, w, _instant(o), a, on) for t, n, w, o, a, on in _queues(live)] == [
        ("marketing", "Marketing/PR", 1, ago(5), 1, 1),
        ("support", "Support/Sales", 2, ago(40), 3, 2),  # w1 and w2 (escalated, nobody holds it); grace offline
        ("escalations", "Tier 2 escalations", 0, None, 1, 1),  # p1 is pending and sofia's
        (None, "Not routed yet", 1, ago(2), 0, 0)]
    assert (live["waiting"], _instant(live["oldest_waiting_since"])) == (4, ago(40))
    assert live["oldest_waiting_seconds"] == pytest.approx((taken - ago(40)).total_seconds(), abs=0.2)
    assert live["queues"][1]["oldest_waiting_seconds"] >= 40 * 60
    assert live["breaches_last_hour"] == 4  # w2, w3, x1 (closed since), a1's first; not a1's of 2 h ago
    assert live["mention_rate"] == {"mentions_5_minutes": 3, "mentions_15_minutes": 5,
                                    "last_5_minutes": 0.6, "last_15_minutes": pytest.approx(5 / 15, abs=1e-3)}
    assert (live["agents"], live["agents_online"]) == (5, 4)
    # Ada (two pages: one agent) and maya; not linus (gone) nor grace (offline).
    assert live["agents_active"] == 2
    assert _active(live) == {"marketing": 1, "support": 1, "escalations": 0, None: 0}
    assert live["open_by_priority"] == {"low": 1, "normal": 2, "high": 2, "urgent": 1}  # x1 closed
    assert live["open_cases"] == 6


async def test_who_may_watch_and_what_a_team_scoped_supervisor_sees(scripted: Stack) -> None:
    async with api_client(scripted, user=None) as http:
        for path in ("/api/analytics/live/snapshot", "/api/analytics/live"):
            denied = await http.get(path, headers=as_user(scripted.engine, "ada"))
            assert denied.status_code == 403 and "analytics:read" in denied.json()["detail"]["message"]
            assert (await http.get(path)).status_code == 401
        assert (await http.get("/api/analytics/live/snapshot",
                               headers=as_user(scripted.engine, "audrey"))).status_code == 200
        with Session(scripted.engine) as session:
            sofia = session.get(User, "sofia")
            assert sofia is not None
            sofia.teams = ["marketing"]
            session.add(sofia)
            session.commit()
        live = (await http.get("/api/analytics/live/snapshot", headers=as_user(scripted.engine, "sofia"))).json()
    # Marketing's queue and agents; her own pending p1 counts among open cases, in no queue of hers.
    assert [(t, w, a, on) for t, _, w, _, a, on in _queues(live)] == [("marketing", 1, 1, 1)]
    assert live["open_by_priority"] == {"low": 0, "normal": 1, "high": 1, "urgent": 0}  # p1, w3
    assert live["breaches_last_hour"] == 1  # w3's
    assert (live["mention_rate"]["mentions_5_minutes"], live["mention_rate"]["mentions_15_minutes"]) == (1, 2)
    assert (live["agents"], live["agents_online"], live["agents_active"], live["waiting"]) == (1, 1, 1, 1)


def _frames(body: str) -> list[tuple[str, dict, str]]:
    found = []
    for frame in body.split("\n\n"):
        fields = dict(line.split(": ", 1) for line in frame.splitlines() if ": " in line and not line.startswith(":"))
        if "event" in fields:
            found.append((fields["event"], json.loads(fields["data"]), fields["id"]))
    return found


async def test_the_stream_sends_a_snapshot_at_once_and_again_when_a_mention_arrives(scripted: Stack) -> None:
    async with api_client(scripted) as http:
        async def mention_arrives() -> None:
            await asyncio.sleep(1.0)
            with Session(scripted.engine) as session:
                session.add(Mention(id="twitter:new", source="twitter", external_id="new", conversation_id="conv-w1",
                                    author="@someone", text="still down", created_at=datetime.now(UTC),
                                    received_at=datetime.now(UTC), direction=Direction.inbound))
                session.commit()

        streamed, _ = await asyncio.gather(
            http.get("/api/analytics/live", params={"seconds": 4}, headers={"Accept": "text/event-stream"}),
            mention_arrives())
        assert streamed.status_code == 200 and streamed.headers["content-type"].startswith("text/event-stream")
        assert streamed.text.startswith("retry: ")
        frames = _frames(streamed.text)
        assert [kind for kind, _, _ in frames][:2] == ["snapshot", "snapshot"]
        first, second = frames[0][1], frames[1][1]
        assert frames[0][2] == first["at"]  # the id is the instant the figures were taken
        assert first["mention_rate"]["mentions_5_minutes"] == 3 and second["mention_rate"]["mentions_5_minutes"] == 4
        # Nothing changed after: no third snapshot within the refresh interval.
        assert len(frames) == 2
        # Without Accept: text/event-stream, one snapshot and the end (a curl, a crawler).
        once = await http.get("/api/analytics/live")
        assert [kind for kind, _, _ in _frames(once.text)] == ["snapshot"]


async def test_a_live_dashboard_stream_ends_when_the_server_stops(seeded_engine) -> None:  # type: ignore[no-untyped-def]
    olivia = Principal(user_id="olivia", email="olivia@example.com", name="Olivia", role=Role.ops_lead,
                       teams=frozenset(), permissions=ROLE_PERMISSIONS[Role.ops_lead], via="session")
    closing = asyncio.Event()

    async def still_there() -> bool:
        return False

    frames: list[str] = []

    async def read() -> None:
        async for frame in live_stream(seeded_engine, olivia, seconds=600, live=True, disconnected=still_there,
                                       closing=closing):
            frames.append(frame)
    reader = asyncio.create_task(read())
    await asyncio.sleep(0.5)
    closing.set()
    await asyncio.wait_for(reader, timeout=2)
    assert frames[0].startswith("retry:") and "event: snapshot" in frames[1]
