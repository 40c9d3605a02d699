"""Canned replies: kept by ops leads and admins, read by agents (everyone's and their teams'), each change
checked with the field it concerns and audited; the four replies the designer had built in are there after
the migrations."""

from __future__ import annotations

import uuid

import httpx
from sqlmodel import select

from store.audit.log import AuditEntry
from store.db import session_scope
from tests.harness.cases import Stack, api_client, as_user, refused

RUN = uuid.uuid4().hex[:8]


def _titles(response: httpx.Response) -> set[str]:
    assert response.status_code == 200, response.text
    return {reply["title"] for reply in response.json()}


async def test_the_built_in_replies_are_there_after_the_migrations(stack: Stack) -> None:
    async with api_client(stack) as http:
        listed = await http.get("/api/canned_replies", params={"filter": '{"id":["greeting","dm","refund",'
                                                                          '"follow-up"]}'})
        assert listed.status_code == 200 and listed.headers["Content-Range"].endswith("/4")
        greeting = {r["id"]: r for r in listed.json()}["greeting"]
        assert greeting["text"].startswith("Hi {{customer.name}}") and greeting["team_id"] is None
        assert greeting["channels"] == [] and greeting["created_by"] == "system"


async def test_an_ops_lead_creates_changes_and_deletes_a_reply_and_each_change_is_audited(stack: Stack) -> None:
    async with api_client(stack) as http:
        olivia = as_user(stack.engine, "olivia")
        created = await http.post("/api/canned_replies", headers=olivia, json={
            "title": f"  Delivery delay {RUN} ", "text": "Hi {{customer.name}}, your parcel is late. {{ agent.name }}",
            "team_id": "support", "channels": ["twitter", "twitter", "facebook"]})
        assert created.status_code == 201, created.text
        reply = created.json()
        assert reply["id"] == f"delivery-delay-{RUN}" and reply["title"] == f"Delivery delay {RUN}"
        assert reply["channels"] == ["twitter", "facebook"] and reply["team_id"] == "support"
        assert reply["created_by"] == reply["updated_by"] == "olivia"

        changed = await http.patch(f"/api/canned_replies/{reply['id']}", json={"team_id": None, "channels": []})
        assert changed.status_code == 200, changed.text
        after = changed.json()
        assert after["team_id"] is None and after["channels"] == [] and after["title"] == reply["title"]
        assert after["created_by"] == "olivia" and after["updated_by"] == "admin"
        assert after["updated_at"] >= reply["updated_at"]
        # The actor is the session's: a body naming one is refused.
        refused(await http.patch(f"/api/canned_replies/{reply['id']}", json={"updated_by": "ada"}), 422,
                 "updated_by")

        found = await http.get("/api/canned_replies", params={"filter": f'{{"q":"delivery delay {RUN}"}}'})
        assert [r["id"] for r in found.json()] == [reply["id"]]

        deleted = await http.delete(f"/api/canned_replies/{reply['id']}", headers=olivia)
        assert deleted.status_code == 200 and deleted.json()["id"] == reply["id"]
        refused(await http.get(f"/api/canned_replies/{reply['id']}"), 404, "id")
        refused(await http.delete(f"/api/canned_replies/{reply['id']}"), 404, "id")

        with session_scope(stack.engine, write=False) as session:
            entries = session.exec(select(AuditEntry).where(AuditEntry.target_id == reply["id"])
                                   .order_by(AuditEntry.id)).all()  # type: ignore[arg-type]
            assert [(e.action, e.actor) for e in entries] == [
                ("canned_reply.create", "olivia"), ("canned_reply.change", "admin"), ("canned_reply.delete", "olivia")]
            assert entries[1].before == {"team_id": "support", "channels": ["twitter", "facebook"]}


async def test_agents_read_the_replies_but_may_not_change_them(stack: Stack) -> None:
    async with api_client(stack) as http:
        ada = as_user(stack.engine, "ada")
        assert "Greeting" in _titles(await http.get("/api/canned_replies", headers=ada))
        assert (await http.get("/api/canned_replies/greeting", headers=ada)).status_code == 200
        for refused in (await http.post("/api/canned_replies", headers=ada, json={"title": "x", "text": "y"}),
                        await http.patch("/api/canned_replies/greeting", headers=ada, json={"title": "x"}),
                        await http.delete("/api/canned_replies/greeting", headers=ada)):
            assert refused.status_code == 403, refused.text
            assert "canned:manage" in refused.json()["detail"]["message"]
        assert (await http.get("/api/canned_replies/greeting")).json()["title"] == "Greeting"


async def test_bad_replies_are_refused_with_the_field_and_what_to_do(stack: Stack) -> None:
    async with api_client(stack) as http:
        message = refused(await http.post("/api/canned_replies", json={
            "title": "Order", "text": "Your order {{order.id}} left {{ case.id }}; {{oops"}), 422, "text")
        assert "{{order.id}}" in message and "{{oops" in message
        assert "{{customer.name}}, {{agent.name}}, {{case.id}}" in message
        refused(await http.post("/api/canned_replies", json={"title": "  ", "text": "x"}), 422, "title")
        refused(await http.post("/api/canned_replies", json={"title": "x" * 81, "text": "x"}), 422, "title")
        refused(await http.post("/api/canned_replies", json={"title": "x", "text": ""}), 422, "text")
        refused(await http.post("/api/canned_replies", json={"title": "x", "text": "y" * 2001}), 422, "text")
        assert "'nowhere'" in refused(await http.post("/api/canned_replies", json={
            "title": "x", "text": "y", "team_id": "nowhere"}), 404, "team_id")
        assert "twitter" in refused(await http.post("/api/canned_replies", json={
            "title": "x", "text": "y", "channels": ["twitter", "fax"]}), 404, "channels.1")
        refused(await http.patch("/api/canned_replies/greeting", json={"text": "Hi {{customer.email}}"}), 422,
                 "text")
        refused(await http.patch("/api/canned_replies/greeting", json={"channels": ["fax"]}), 404, "channels.0")
        assert (await http.get("/api/canned_replies/greeting")).json()["text"].startswith("Hi {{customer.name}}")


async def test_an_agent_sees_everyones_replies_and_their_teams_and_lists_them_by_channel(stack: Stack) -> None:
    async with api_client(stack) as http:
        made = {}
        for name, team, channels in (("support", "support", []), ("marketing", "marketing", []),
                                     ("everyone-twitter", None, ["twitter"]), ("everyone-fb", None, ["facebook"])):
            answer = await http.post("/api/canned_replies", json={
                "title": f"Scoped {name} {RUN}", "text": "Hello", "team_id": team, "channels": channels})
            assert answer.status_code == 201, answer.text
            made[name] = answer.json()["id"]
        ada, maya = as_user(stack.engine, "ada"), as_user(stack.engine, "maya")

        def query(channel: str | None = None, team: str | None = None) -> dict[str, str]:
            parts = [f'"q":"{RUN}"'] + ([f'"channel":"{channel}"'] if channel else []) + (
                [f'"team_id":"{team}"'] if team else [])
            return {"filter": "{" + ",".join(parts) + "}"}

        # The titles share RUN: q finds only this test's replies.
        assert _titles(await http.get("/api/canned_replies", params=query(), headers=ada)) == {
            f"Scoped {n} {RUN}" for n in ("support", "everyone-twitter", "everyone-fb")}
        assert _titles(await http.get("/api/canned_replies", params=query(), headers=maya)) == {
            f"Scoped {n} {RUN}" for n in ("marketing", "everyone-twitter", "everyone-fb")}
        # Those who manage them see them all.
        assert len(_titles(await http.get("/api/canned_replies", params=query(),
                                          headers=as_user(stack.engine, "olivia")))) == 4
        assert _titles(await http.get("/api/canned_replies", params=query("twitter"), headers=ada)) == {
            f"Scoped {n} {RUN}" for n in ("support", "everyone-twitter")}
        assert _titles(await http.get("/api/canned_replies", params=query(team="marketing"))) == {
            f"Scoped marketing {RUN}"}
        # Another team's reply is not there for an agent, even by its id.
        refused(await http.get(f"/api/canned_replies/{made['marketing']}", headers=ada), 404, "id")
        assert (await http.get(f"/api/canned_replies/{made['support']}", headers=ada)).status_code == 200
        for reply_id in made.values():
            assert (await http.delete(f"/api/canned_replies/{reply_id}")).status_code == 200
