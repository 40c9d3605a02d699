"""The inbox: views with counts per role and team, the case list filtered by view, the live stream, and
notifications marked read."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlmodel import Session, select

from api.auth.permissions import ROLE_PERMISSIONS, Role
from api.auth.principal import Principal
from api.inbox.stream import resume_from, stream
from store.audit import AuditEntry
from store.cases import Case
from store.notifications import NotificationRead
from tests.harness.cases import Stack, api_client, as_user, case_where, eventually, only_online

COMPLAINT = "@acme I was charged twice for my order, I need a refund"
PRESS = "Hi @acme, I'm a reporter at the Daily Planet writing an article about the outage. Could you comment?"


def _counts(answer: httpx.Response) -> dict[str, int]:
    assert answer.status_code == 200, answer.text
    return {view["id"]: view["count"] for view in answer.json()["views"]}


def _ids(answer: httpx.Response) -> set[str]:
    assert answer.status_code == 200, answer.text
    return {row["id"] for row in answer.json()}


def _set(stack: Stack, case_id: str, **fields: object) -> None:
    """The read side as a later save or the deadline sweeper leaves it (the views read nothing else)."""
    with Session(stack.engine) as session:
        row = session.get(Case, case_id)
        assert row is not None
        for name, value in fields.items():
            setattr(row, name, value)
        session.add(row)
        session.commit()


def _events(body: str) -> list[tuple[str, dict, str | None]]:
    """The SSE frames of a stream's body: (event, data, id)."""
    found = []
    for frame in body.split("\n\n"):
        fields = dict(line.split(": ", 1) for line in frame.splitlines() if ": " in line and not line.startswith(":"))
        if "event" in fields:
            found.append((fields["event"], json.loads(fields["data"]), fields.get("id")))
    return found


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
async def test_each_role_sees_its_views_with_counts_and_the_list_filters_by_view(stack: Stack) -> None:
    async with api_client(stack) as http:
        await only_online(http, "ada")
        assert (await http.patch("/api/agents/maya", json={"online": False})).status_code == 200
        support = await stack.ingest(text=COMPLAINT)
        soon = await stack.ingest(text=COMPLAINT)
        press = await stack.ingest(text=PRESS)  # waits in marketing's queue: nobody there is online
        for case_id in (support, soon):
            await eventually(lambda c=case_id: case_where(stack.engine, c, assignee_id="ada"), what="assignment")
        await eventually(lambda: case_where(stack.engine, press, team_id="marketing"), what="press routed")
        for case_id in (support, soon):  # started: they stay hers while she is offline
            claimed = await http.post(f"/api/cases/{case_id}/claim", headers=as_user(stack.engine, "ada"), json={})
            assert claimed.status_code == 200, claimed.text
        # Linus is a junior: the demo flow holds his replies for a supervisor's approval.
        await only_online(http, "linus")
        held = await stack.ingest(text=COMPLAINT)
        await eventually(lambda: case_where(stack.engine, held, assignee_id="linus"), what="linus's case")
        replied = await http.post(f"/api/cases/{held}/replies", headers=as_user(stack.engine, "linus"),
                                  json={"text": "Refund on its way"})
        assert replied.status_code == 200, replied.text
        await eventually(lambda: case_where(stack.engine, held, drafts_pending=1), what="the held reply")
        now = datetime.now(UTC)
        _set(stack, soon, sla_due_at=now + timedelta(minutes=10))
        _set(stack, support, sla_due_at=now - timedelta(minutes=1))
        _set(stack, held, sla_due_at=now + timedelta(hours=3))

        ada, maya, sofia, audrey = (as_user(stack.engine, u) for u in ("ada", "maya", "sofia", "audrey"))
        mine = _counts(await http.get("/api/inbox", headers=ada))
        assert mine == {"mine": 2, "unassigned": 0, "breaching": 1, "overdue": 1, "team:support": 3}
        # Maya works for marketing: the press case is hers to pick up, the support ones she does not see.
        assert _counts(await http.get("/api/inbox", headers=maya)) == {
            "mine": 0, "unassigned": 1, "breaching": 0, "overdue": 0, "team:marketing": 1}
        boss = _counts(await http.get("/api/inbox", headers=sofia))  # an unscoped supervisor: every team
        assert (boss["approvals"], boss["unassigned"], boss["overdue"]) == (1, 1, 1)
        assert (boss["team:support"], boss["team:marketing"], boss["team:escalations"]) == (3, 1, 0)
        assert "mine" not in _counts(await http.get("/api/inbox", headers=audrey))  # works no cases
        assert "approvals" not in mine

        async def listed(headers: dict[str, str], view: str, **extra: object) -> set[str]:
            return _ids(await http.get("/api/cases", headers=headers,
                                       params={"filter": json.dumps({"view": view, **extra})}))
        assert await listed(ada, "mine") == {support, soon}
        assert await listed(ada, "breaching") == {soon}
        assert await listed(ada, "overdue") == {support}
        assert await listed(maya, "unassigned") == {press}
        assert await listed(sofia, "approvals") == {held}
        assert await listed(ada, "mine", q="nothing like this") == set()  # combines with search and filters
        assert await listed(ada, "mine", priority="urgent") == set()
        assert _ids(await http.get("/api/cases", headers=ada, params={"view": "overdue"})) == {support}

        _set(stack, support, sla_breached=True, sla_due_at=now + timedelta(hours=2))  # breached, clock running on
        assert await listed(ada, "overdue") == {support} and await listed(ada, "breaching") == {soon}

        unknown = await http.get("/api/cases", headers=ada, params={"view": "everything"})
        assert unknown.status_code == 422 and unknown.json()["detail"]["path"] == "view", unknown.text
        unknown = await http.get("/api/cases", headers=ada, params={"filter": json.dumps({"view": "everything"})})
        assert unknown.status_code == 400 and unknown.json()["detail"]["path"] == "filter/view", unknown.text
        other = await http.get("/api/cases", headers=ada, params={"view": "team:marketing"})
        assert other.status_code == 403 and other.json()["detail"]["code"] == "other_team"
        approvals = await http.get("/api/cases", headers=ada, params={"view": "approvals"})
        assert approvals.status_code == 403 and "cases:approve" in approvals.json()["detail"]["message"]


async def test_the_stream_delivers_a_claim_made_after_connecting_and_resumes_after_an_id(stack: Stack) -> None:
    async with api_client(stack) as http:
        await only_online(http, "ada")
        case_id = await stack.ingest(text=COMPLAINT)
        await eventually(lambda: case_where(stack.engine, case_id, assignee_id="ada"), what="assignment")
        await asyncio.sleep(0.1)
        ada = as_user(stack.engine, "ada")
        started = datetime.now(UTC)

        async def claim_later() -> None:
            await asyncio.sleep(1.5)
            claimed = await http.post(f"/api/cases/{case_id}/claim", headers=ada, json={})
            assert claimed.status_code == 200, claimed.text
            viewing = await http.post(f"/api/cases/{case_id}/presence", headers=ada)
            assert viewing.status_code == 200, viewing.text

        streamed, _ = await asyncio.gather(
            http.get("/api/stream", params={"seconds": 5, "after": started.isoformat()},
                     headers={**ada, "Accept": "text/event-stream"}),
            claim_later())
        assert streamed.status_code == 200 and streamed.headers["content-type"].startswith("text/event-stream")
        events = _events(streamed.text)
        kinds = [kind for kind, _, _ in events]
        assert kinds[0] == "counts"  # the views' counts at once
        claims = [(data, ident) for kind, data, ident in events if kind == "case" and data["claimed_by"] == "ada"]
        assert claims and claims[0][0]["id"] == case_id and claims[0][0]["assignee_id"] == "ada"
        assert {"case_id": case_id, "viewers": ["ada"]} in [data for kind, data, _ in events if kind == "presence"]
        # The assignment came moments before she connected, unread: the stream brings it.
        assert [(d["kind"], d["case_id"]) for k, d, _ in events if k == "notification"] == [("assigned", case_id)]
        resumed_at = claims[-1][1]
        assert resumed_at is not None and datetime.fromisoformat(resumed_at) > started

        # Resuming after the claim's id sends nothing older than it (a look-back aside); a marketing agent's
        # stream never carries a support case.
        maya = as_user(stack.engine, "maya")
        theirs = await http.get("/api/stream", headers={**maya, "Accept": "text/event-stream"},
                                params={"seconds": 1, "after": started.isoformat()})
        assert all(data.get("id") != case_id for kind, data, _ in _events(theirs.text) if kind == "case")
        # Without Accept: text/event-stream, one round and the end (a curl, a crawler).
        once = await http.get("/api/stream", headers=ada)
        assert once.status_code == 200 and _events(once.text)[0][0] == "counts"
        bad = await http.get("/api/stream", headers={**ada, "Last-Event-ID": "yesterday"})
        assert bad.status_code == 400 and bad.json()["detail"]["path"] == "Last-Event-ID"


async def test_transfers_and_assignments_notify_and_are_marked_read(stack: Stack) -> None:
    async with api_client(stack) as http:
        await only_online(http, "ada")
        case_id = await stack.ingest(text=COMPLAINT)
        await eventually(lambda: case_where(stack.engine, case_id, assignee_id="ada"), what="assignment")
        ada, maya, sofia = (as_user(stack.engine, u) for u in ("ada", "maya", "sofia"))
        notes = (await http.get("/api/notifications", headers=ada)).json()
        assert [(n["kind"], n["case_id"], n["read"]) for n in notes["data"]] == [("assigned", case_id, False)]
        assert notes["unread"] == 1
        assert (await http.get("/api/notifications", headers=maya)).json() == {"unread": 0, "data": []}

        moved = await http.post(f"/api/cases/{case_id}/transfer", headers=sofia, json={"team_id": "marketing"})
        assert moved.status_code == 200, moved.text

        async def maya_hears() -> dict | None:  # transferred to her team, then assigned to her (she is online)
            answer = (await http.get("/api/notifications", headers=maya)).json()
            return answer if answer["unread"] == 2 else None
        theirs = await eventually(maya_hears, what="maya's notifications")
        first, transferred = theirs["data"]  # newest first
        assert (first["kind"], first["case_id"]) == ("assigned", case_id)
        assert transferred["kind"] == "transferred" and "marketing" in transferred["title"]
        assert (await http.get("/api/notifications", headers=sofia)).json()["unread"] == 0  # her own doing

        read = await http.post("/api/notifications/read", headers=maya, json={"up_to": first["id"]})
        assert read.status_code == 200 and read.json()["unread"] == 0
        assert all(n["read"] for n in (await http.get("/api/notifications", headers=maya)).json()["data"])
        with Session(stack.engine) as session:  # each user's own marker
            assert [(m.user_id, m.event_id) for m in session.exec(select(NotificationRead))] == [("maya", first["id"])]
        # The case left Ada's team: what it told her goes with it.
        assert (await http.get("/api/notifications", headers=ada)).json()["data"] == []
        unknown = await http.post("/api/notifications/read", headers=maya, json={"up_to": "no-such-event"})
        assert unknown.status_code == 404 and unknown.json()["detail"]["path"] == "up_to"
        # What an auditor reads of them is customer data (subjects), and recorded as such.
        audrey = as_user(stack.engine, "audrey")
        assert (await http.get("/api/notifications", headers=audrey)).status_code == 200
        assert (await http.get("/api/stream", headers=audrey)).status_code == 200
    with Session(stack.engine) as session:
        reads = session.exec(select(AuditEntry).where(AuditEntry.action == "customer_data.read")).all()
    assert [(e.actor, e.detail["path"]) for e in reads] == [("audrey", "/api/notifications"), ("audrey", "/api/stream")]


async def test_a_stream_ends_when_the_server_stops(seeded_engine) -> None:  # type: ignore[no-untyped-def]
    """A server waits for open responses before it stops: a live stream must end when told (cli/up.py)."""
    ada = Principal(user_id="ada", email="ada@example.com", name="Ada", role=Role.agent,
                    teams=frozenset({"support"}), permissions=ROLE_PERMISSIONS[Role.agent], via="session")
    closing = asyncio.Event()

    async def still_there() -> bool:
        return False

    frames: list[str] = []

    async def read() -> None:
        async for frame in stream(seeded_engine, ada, after=None, seconds=600, live=True,
                                  disconnected=still_there, closing=closing):
            frames.append(frame)
    reader = asyncio.create_task(read())
    await asyncio.sleep(0.5)
    closing.set()
    await asyncio.wait_for(reader, timeout=2)
    assert frames[0].startswith("retry:") and any(f.startswith("id: ") and "event: counts" in f for f in frames)


def test_a_stream_resumes_within_the_last_hour_whatever_it_is_given() -> None:
    now = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
    assert resume_from(None, now) == now
    assert resume_from(now - timedelta(minutes=5), now) == now - timedelta(minutes=5)
    assert resume_from(datetime(1, 1, 1, tzinfo=UTC), now) == now - timedelta(hours=1)
    assert resume_from(datetime(9999, 12, 31, 23, 0, tzinfo=UTC), now) == now
    assert resume_from(datetime.fromisoformat("0001-01-01T00:00:00+23:59"), now) == now  # no calendar before year 1
