"""Teams created, changed and given members; agents' capacity, skills, languages and team changed: each change
checked with the field it concerns, refused without its permission, audited, and felt by routing at once."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import select

from store.audit.log import AuditEntry
from store.db import session_scope
from tests.harness.cases import Stack, api_client, as_user, case_where, eventually, only_online, refused

RUN = uuid.uuid4().hex[:8]


def _actions(stack: Stack, target_id: str) -> list[tuple[str, str]]:
    with session_scope(stack.engine, write=False) as session:
        rows = session.exec(select(AuditEntry).where(AuditEntry.target_id == target_id)).all()
        return [(row.action, row.actor) for row in rows]


async def test_an_ops_lead_creates_a_team_with_members_and_changes_it(stack: Stack) -> None:
    async with api_client(stack) as http:
        olivia = as_user(stack.engine, "olivia")
        created = await http.post("/api/teams", headers=olivia, json={
            "name": f"VIP desk {RUN}", "description": "customers who matter", "strategy": "least_loaded",
            "members": ["linus"]})
        assert created.status_code == 201, created.text
        team = created.json()
        assert team["id"] == f"vip-desk-{RUN}" and team["members"] == ["linus"] and team["waiting"] == 0
        assert team["strategy"] == "least_loaded" and team["oldest_waiting_since"] is None
        assert (await http.get("/api/agents/linus")).json()["team_id"] == team["id"]
        # Linus's user is scoped to teams: now also to his new one, so he sees its cases.
        assert team["id"] in (await http.get("/api/users/linus")).json()["teams"]

        changed = await http.patch(f"/api/teams/{team['id']}", headers=olivia,
                                   json={"name": "VIP desk", "allow_pull": True, "never_relax": True})
        assert changed.status_code == 200, changed.text
        assert changed.json()["name"] == "VIP desk" and changed.json()["allow_pull"] is True
        assert changed.json()["relax_optional_after_seconds"] is None

        added = await http.post(f"/api/teams/{team['id']}/members/maya", headers=olivia)
        assert added.status_code == 200 and added.json()["members"] == ["linus", "maya"]
        again = await http.post(f"/api/teams/{team['id']}/members/maya", headers=olivia)
        assert again.status_code == 200 and again.json()["members"] == ["linus", "maya"]
        removed = await http.delete(f"/api/teams/{team['id']}/members/maya", params={"to": "marketing"},
                                    headers=olivia)
        assert removed.status_code == 200 and removed.json()["members"] == ["linus"]
        assert (await http.get("/api/agents/maya")).json()["team_id"] == "marketing"
        listed = {t["id"]: t for t in (await http.get("/api/teams")).json()}
        assert listed[team["id"]]["members"] == ["linus"] and "maya" in listed["marketing"]["members"]

        # Put back, for the tests that follow on this database.
        assert (await http.post("/api/teams/support/members/linus", headers=olivia)).status_code == 200
        actions = _actions(stack, team["id"])
        assert ("team.create", "olivia") in actions and ("team.change", "olivia") in actions
        # linus in, maya in, maya asked again; maya out is on marketing's record
        assert actions.count(("team.member_add", "olivia")) == 3 and ("team.member_remove", "olivia") in actions


async def test_teams_refuse_bad_input_with_the_field(stack: Stack) -> None:
    async with api_client(stack) as http:
        refused(await http.post("/api/teams", json={"name": "  "}), 422, "name")
        refused(await http.post("/api/teams", json={"name": "X", "strategy": "random"}), 422, "strategy")
        refused(await http.post("/api/teams", json={"name": "X", "claim_idle_seconds": 5}), 422,
                 "claim_idle_seconds")
        assert "'nobody'" in refused(await http.post("/api/teams", json={"name": f"T {RUN}", "members": ["nobody"]}),
                                      404, "members.0")
        assert "already called" in refused(await http.post("/api/teams", json={"name": "support/sales", "id": "x"}),
                                            409, "name")
        refused(await http.post("/api/teams", json={"name": "Again", "id": "support"}), 409, "id")
        refused(await http.patch("/api/teams/support", json={"name": "Marketing/PR"}), 409, "name")
        refused(await http.patch("/api/teams/support", json={"colour": "red"}), 422, "colour")
        refused(await http.patch("/api/teams/nowhere", json={"name": "N"}), 404, "id")
        refused(await http.post("/api/teams/support/members/nobody"), 404, "agent_id")
        refused(await http.delete("/api/teams/support/members/ada"), 422, "to")  # an agent works in one team
        refused(await http.delete("/api/teams/support/members/ada", params={"to": "support"}), 409, "to")
        refused(await http.delete("/api/teams/support/members/ada", params={"to": "mars"}), 404, "to")
        refused(await http.delete("/api/teams/marketing/members/ada", params={"to": "support"}), 404, "agent_id")
        assert (await http.get("/api/agents/ada")).json()["team_id"] == "support"


async def test_only_team_managers_change_teams(stack: Stack) -> None:
    async with api_client(stack) as http:
        for user in ("sofia", "ada", "audrey"):
            headers = as_user(stack.engine, user)
            refused = await http.post("/api/teams", json={"name": f"Mine {user}"}, headers=headers)
            assert refused.status_code == 403 and "teams:manage" in refused.json()["detail"]["message"]
            moved = await http.post("/api/teams/marketing/members/ada", headers=headers)
            assert moved.status_code == 403
        # A supervisor sets capacity (agents:manage) but moving an agent between teams is a team manager's call.
        sofia = as_user(stack.engine, "sofia")
        move = await http.patch("/api/agents/ada", json={"team_id": "marketing"}, headers=sofia)
        assert move.status_code == 403 and "teams:manage" in move.json()["detail"]["message"]
        assert (await http.get("/api/agents/ada")).json()["team_id"] == "support"


async def test_an_agents_capacity_skills_and_languages_change_with_clear_refusals(stack: Stack) -> None:
    async with api_client(stack) as http:
        olivia = as_user(stack.engine, "olivia")
        changed = await http.patch("/api/agents/grace", headers=olivia, json={
            "capacity": 6, "channel_capacity": {"twitter": 2, "facebook": 0}, "skills": {"technical": 5, "billing": 1},
            "languages": ["en", "pt-BR"], "channels": ["twitter", "facebook"]})
        assert changed.status_code == 200, changed.text
        grace = changed.json()
        assert grace["channel_capacity"] == {"twitter": 2, "facebook": 0} and grace["languages"] == ["en", "pt-BR"]
        assert grace["skills"] == {"technical": 5, "billing": 1}
        assert ("agent.change", "olivia") in _actions(stack, "grace")

        assert "'fax'" in refused(await http.patch("/api/agents/grace", json={"channel_capacity": {"fax": 1}}),
                                   404, "channel_capacity.fax")
        assert "twitter" in refused(await http.patch("/api/agents/grace", json={"channels": ["twitter", "fax"]}),
                                     404, "channels.1")
        assert "greater than or equal to 0" in refused(
            await http.patch("/api/agents/grace", json={"channel_capacity": {"twitter": -1}}), 422,
            "channel_capacity.twitter")
        assert "greater than or equal to 0" in refused(await http.patch("/api/agents/grace", json={"capacity": -2}),
                                                        422, "capacity")
        refused(await http.patch("/api/agents/grace", json={"skills": {"billing": 0}}), 422, "skills.billing")
        refused(await http.patch("/api/agents/grace", json={"languages": ["English"]}), 422, "languages.0")
        refused(await http.patch("/api/agents/grace", json={"team_id": "mars"}), 404, "team_id")
        # Nothing of the refused changes stuck.
        after = (await http.get("/api/agents/grace")).json()
        assert after["capacity"] == 6 and after["channel_capacity"] == {"twitter": 2, "facebook": 0}
        assert (await http.patch("/api/agents/grace", headers=olivia, json={
            "capacity": 5, "channel_capacity": {}, "skills": {"technical": 5}, "languages": ["en"],
            "channels": []})).status_code == 200


async def test_a_waiting_case_goes_to_an_agent_moved_into_its_queue(stack: Stack) -> None:
    """Membership is a routing input: the queue's waiting case is dispatched as soon as an agent joins."""
    async with api_client(stack) as http:
        await only_online(http)
        posted = await http.post("/api/webhooks/twitter", json={
            "external_id": f"{RUN}-wait", "author": "@sam", "created_at": "2026-11-23T09:00:00Z",
            "text": "@acme I was charged twice, I need a refund"})
        assert posted.status_code == 201, posted.text
        case_id = posted.json()["case_id"]
        await eventually(lambda: case_where(stack.engine, case_id, team_id="support"), what="routed to support")

        async def queue() -> dict | None:
            team = (await http.get("/api/teams/support")).json()
            return team if team["waiting"] >= 1 else None
        support = await eventually(queue, what="the case waiting in support's queue")
        assert datetime.fromisoformat(support["oldest_waiting_since"]).tzinfo is not None  # an instant, not a wall time
        assert (await http.patch("/api/agents/maya", json={"online": True})).status_code == 200
        assert (await http.post("/api/teams/support/members/maya")).status_code == 200
        await eventually(lambda: case_where(stack.engine, case_id, assignee_id="maya"), what="dispatched to maya")
        assert (await http.delete("/api/teams/support/members/maya", params={"to": "marketing"})).status_code == 200
        await only_online(http, "ada", "grace", "linus")
