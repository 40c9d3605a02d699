"""Crisis mode's API: settings checked and audited, a crisis started and ended by hand (the actor is the session's),
who may do what, and the supervisors' notification."""

from __future__ import annotations

from sqlmodel import Session, select

from api.flows.service import publish_flow
from engine.crisis import crisis_watch_id
from store.audit import AuditEntry
from store.db import session_scope
from store.events_out import events_after
from store.flows import Flow, active_flow
from store.routing.models import QueueGuest
from tests.harness.cases import Stack, api_client, as_user, refused
from tests.workflows.test_case_lifecycle import flow_with, route_all_to


def publish_crisis_flow(stack: Stack) -> tuple[str, str]:
    """A crisis flow version published but not active; answers (crisis version, normal version)."""
    with session_scope(stack.engine) as session:
        normal = active_flow(session=session).id
        crisis = publish_flow(session=session, name="crisis", document=flow_with(route_all_to("escalations")),
                              activate=False).id
    return crisis, normal


SETTINGS = {"enabled": False, "interval_seconds": 60, "window_seconds": 600, "baseline_weeks": 4,
            "thresholds": {"ratio": 4, "min_mentions": 30}, "topics": ["outage"],
            "backup": [{"team_id": "marketing", "queues": ["support", "escalations"]}],
            "notify_roles": ["supervisor"], "notify_users": []}


async def test_settings_are_checked_saved_and_audited(stack: Stack) -> None:
    crisis, _ = publish_crisis_flow(stack)
    async with api_client(stack, user="olivia") as http:
        default = (await http.get("/api/crisis/settings")).json()
        assert default["enabled"] is False and default["thresholds"]["ratio"] == 3 and default["updated_by"] is None
        bad_team = {**SETTINGS, "backup": [{"team_id": "sales", "queues": ["support"]}]}
        assert "no team 'sales'" in refused(await http.put("/api/crisis/settings", json=bad_team), 404,
                                            "backup.0.team_id")
        bad_queue = {**SETTINGS, "backup": [{"team_id": "marketing", "queues": ["support", "suport"]}]}
        refused(await http.put("/api/crisis/settings", json=bad_queue), 404, "backup.0.queues.1")
        own = {**SETTINGS, "backup": [{"team_id": "marketing", "queues": ["marketing"]}]}
        refused(await http.put("/api/crisis/settings", json=own), 409, "backup.0.queues.0")
        refused(await http.put("/api/crisis/settings", json={**SETTINGS, "crisis_flow": "nope"}), 404, "crisis_flow")
        refused(await http.put("/api/crisis/settings", json={**SETTINGS, "thresholds": {"ratio": 1}}), 422,
                "thresholds.ratio")
        refused(await http.put("/api/crisis/settings", json={**SETTINGS, "actor": "admin"}), 422, "actor")
        saved = await http.put("/api/crisis/settings", json={**SETTINGS, "crisis_flow": crisis})
        assert saved.status_code == 200, saved.text
        assert saved.json()["updated_by"] == "olivia" and saved.json()["crisis_flow"] == crisis
        assert (await http.get("/api/crisis/settings")).json()["thresholds"]["min_mentions"] == 30
        # Detection on: the watch is started by name, once, however often the settings are saved.
        for _ in range(2):
            assert (await http.put("/api/crisis/settings", json={**SETTINGS, "enabled": True})).status_code == 200
        watch = stack.client.get_workflow_handle(crisis_watch_id(stack.task_queue))
        assert (await watch.describe()).status.name == "RUNNING"
        await watch.terminate("test over")
        supervisor = as_user(stack.engine, "sofia")
        assert (await http.get("/api/crisis/settings", headers=supervisor)).status_code == 200
        refused(await http.put("/api/crisis/settings", json=SETTINGS, headers=supervisor), 403, "")
        refused(await http.get("/api/crisis", headers=as_user(stack.engine, "ada")), 403, "")
    with Session(stack.engine) as session:
        entries = session.exec(select(AuditEntry).where(AuditEntry.action == "crisis.settings")).all()
        assert [e.actor for e in entries] == ["olivia"] * 3
        assert entries[0].before["crisis_flow"] is None and entries[0].after["crisis_flow"] == crisis


async def test_a_crisis_started_and_ended_by_hand(stack: Stack) -> None:
    crisis, normal = publish_crisis_flow(stack)
    async with api_client(stack, user="olivia") as http:
        assert (await http.put("/api/crisis/settings", json={**SETTINGS, "crisis_flow": crisis})).status_code == 200
        assert (await http.get("/api/crisis")).json()["state"] == "normal"
        refused(await http.post("/api/crisis/start", json={"reason": "x", "actor": "admin"}), 422, "actor")
        refused(await http.post("/api/crisis/start", json={"reason": " "}), 422, "reason")
        refused(await http.post("/api/crisis/start", json={"reason": "outage"},
                                headers=as_user(stack.engine, "sofia")), 403, "")
        started = await http.post("/api/crisis/start", json={"reason": "the app is down"})
        assert started.status_code == 200, started.text
        status = started.json()
        assert (status["state"], status["started_by"], status["automatic"], status["reason"]) == (
            "crisis", "olivia", False, "the app is down")
        assert (status["crisis_flow"], status["normal_flow"]) == (crisis, normal)
        assert status["guests"] == [{"team_id": "escalations", "agent_id": "maya"},
                                    {"team_id": "support", "agent_id": "maya"}]
        assert [(e["kind"], e["actor"]) for e in status["events"]] == [("started", "olivia")]
        with Session(stack.engine) as session:
            assert active_flow(session=session).id == crisis
        assert "crisis_active" == (await http.post("/api/crisis/start", json={"reason": "again"})).json()[
            "detail"]["code"]

        # The supervisors hear of it; the ops lead who started it does not need to.
        sofia = as_user(stack.engine, "sofia")
        notes = (await http.get("/api/notifications", headers=sofia)).json()
        crisis_notes = [n for n in notes["data"] if n["kind"] == "crisis"]
        assert [n["title"] for n in crisis_notes] == ["Crisis mode started: the app is down"]
        assert crisis_notes[0]["case_id"] == "" and not crisis_notes[0]["read"]
        marked = await http.post("/api/notifications/read", json={"up_to": crisis_notes[0]["id"]}, headers=sofia)
        assert marked.status_code in (200, 204), marked.text
        assert [n["read"] for n in (await http.get("/api/notifications", headers=sofia)).json()["data"]
                if n["kind"] == "crisis"] == [True]
        assert not [n for n in (await http.get("/api/notifications")).json()["data"] if n["kind"] == "crisis"]

        ended = await http.post("/api/crisis/end", json={"reason": "fixed"})
        assert ended.status_code == 200, ended.text
        assert ended.json()["state"] == "normal" and ended.json()["guests"] == []
        assert (ended.json()["ended_by"], ended.json()["end_reason"]) == ("olivia", "fixed")
        assert [e["kind"] for e in ended.json()["events"]] == ["ended", "started"]
        assert (await http.post("/api/crisis/end", json={})).json()["detail"]["code"] == "no_crisis"
    with Session(stack.engine) as session:
        assert active_flow(session=session).id == normal and session.get(Flow, crisis) is not None
        assert session.exec(select(QueueGuest)).all() == []
        entries = session.exec(select(AuditEntry).where(AuditEntry.target_type == "crisis",
                                                        AuditEntry.action != "crisis.settings")).all()
        assert [(e.action, e.actor) for e in entries] == [("crisis.start", "olivia"), ("crisis.end", "olivia")]
        assert entries[0].detail["guests"] == [["support", "maya"], ["escalations", "maya"]]  # as the settings say
        assert entries[1].detail["restored_flow"] == normal
        # Events out: the flow switches and the crisis itself, in the order they happened.
        events = [(e.type, e.payload) for e in events_after(session, after=0, types=[
            "flow.activated", "crisis.started", "crisis.ended"])]
    assert [(kind, payload.get("version")) for kind, payload in events][-4:] == [
        ("flow.activated", crisis), ("crisis.started", None), ("flow.activated", normal), ("crisis.ended", None)]
    started_event, ended_event = events[-3][1], events[-1][1]
    assert (started_event["actor"], started_event["automatic"], started_event["reason"], started_event["crisis_flow"],
            started_event["guests"]) == ("olivia", False, "the app is down", crisis,
                                         [["support", "maya"], ["escalations", "maya"]])
    assert (ended_event["actor"], ended_event["reason"], ended_event["restored_flow"]) == ("olivia", "fixed", normal)
