"""Flow drafts: validated on save with every error's path, published as immutable versions."""

from __future__ import annotations

import copy

from api.demo import default_flow
from engine.flows import flow_version
from store.db import session_scope
from store.teams import Team
from tests.harness.cases import Stack, api_client, as_user, case_where, eventually


def faster_sla() -> dict:
    doc = default_flow()
    doc["nodes"][4]["content"]["policies"][2]["first_response_seconds"] = 3600  # normal priority: 1h, not 4h
    return doc


async def test_a_broken_rule_is_rejected_on_save_with_the_path_to_the_bad_node(stack: Stack) -> None:
    doc = default_flow()
    doc["nodes"][2]["content"]["needs_response"]["or"][1] = {"contians": [{"var": "text"}, "?"]}
    doc["edges"].append({"id": "e-new", "sourceId": "measure", "targetId": "nowhere"})
    bad_edge = f"/edges/{len(doc['edges']) - 1}/targetId"
    async with api_client(stack) as http:
        response = await http.post("/api/flow_drafts", json={"name": "broken", "document": doc})
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert detail["code"] == "invalid_flow" and detail["path"] == "document"
        assert {(e["code"], e["path"]) for e in detail["errors"]} == {
            ("missing_node", bad_edge), ("unknown_operator", "/nodes/2/content/needs_response/or/1")}
        assert "contians" in detail["message"] and "2 problems" in detail["message"]
        assert (await http.get("/api/flow_drafts")).json() == []


async def test_a_draft_naming_a_team_that_does_not_exist_is_refused_with_the_closest_team(stack: Stack) -> None:
    doc = default_flow()
    doc["nodes"][3]["content"]["routing"]["rules"][2]["then"]["team_id"] = "suport"
    async with api_client(stack) as http:
        response = await http.post("/api/flow_drafts", json={"name": "typo", "document": doc})
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert detail["code"] == "invalid_flow"
        [error] = detail["errors"]
        assert (error["code"], error["path"]) == ("unknown_team", "/nodes/3/content/routing/rules/2/then/team_id")
        assert error["message"].startswith("no team 'suport'; did you mean 'support'? Teams: ")
        assert (await http.get("/api/flow_drafts")).json() == []


async def test_an_auto_reply_naming_no_canned_reply_is_refused_with_its_path(stack: Stack) -> None:
    doc = default_flow()
    doc["nodes"][2]["content"]["auto_reply"] = {"when": True, "canned_reply_id": "refund-on-its-wy"}
    async with api_client(stack) as http:
        created = await http.post("/api/canned_replies", json={"title": "Refund on its way",
                                                               "text": "Hi {{customer.name}}, it is on its way."})
        assert created.status_code == 201, created.text
        assert created.json()["id"] == "refund-on-its-way"
        response = await http.post("/api/flow_drafts", json={"name": "auto", "document": doc})
        assert response.status_code == 422
        [error] = response.json()["detail"]["errors"]
        assert (error["code"], error["path"]) == ("unknown_canned_reply",
                                                  "/nodes/2/content/auto_reply/canned_reply_id")
        assert "did you mean 'refund-on-its-way'?" in error["message"]
        doc["nodes"][2]["content"]["auto_reply"]["canned_reply_id"] = "refund-on-its-way"
        saved = await http.post("/api/flow_drafts", json={"name": "auto", "document": doc})
        assert saved.status_code == 201, saved.text


async def test_a_misspelled_field_is_refused_on_save_and_the_demo_flow_saves(stack: Stack) -> None:
    doc = default_flow()
    doc["nodes"][2]["content"]["priority"]["if"][2]["in"][1] = {"var": "tagz"}  # "urgent" in tagz
    async with api_client(stack) as http:
        response = await http.post("/api/flow_drafts", json={"name": "typo", "document": doc})
        assert response.status_code == 422
        [error] = response.json()["detail"]["errors"]
        assert (error["code"], error["path"]) == ("unknown_field", "/nodes/2/content/priority/if/2/in/1")
        assert "did you mean 'tags'?" in error["message"]
        saved = await http.post("/api/flow_drafts", json={"name": "demo", "document": default_flow()})
        assert saved.status_code == 201
        put = await http.put(f"/api/flow_drafts/{saved.json()['id']}", json={"document": doc})
        assert put.status_code == 422 and put.json()["detail"]["errors"][0]["code"] == "unknown_field"


async def test_a_team_deleted_after_the_draft_was_saved_stops_its_publication(stack: Stack) -> None:
    with session_scope(stack.engine) as session:
        session.add(Team(id="pr-pop-up", name="PR pop-up"))
    doc = default_flow()
    doc["nodes"][3]["content"]["routing"]["rules"][0]["then"]["team_id"] = "pr-pop-up"
    async with api_client(stack) as http:
        draft = await http.post("/api/flow_drafts", json={"name": "pop-up", "document": doc})
        assert draft.status_code == 201
        with session_scope(stack.engine) as session:
            session.delete(session.get(Team, "pr-pop-up"))
        published = await http.post(f"/api/flow_drafts/{draft.json()['id']}/publish", json={})
        assert published.status_code == 422
        assert [(e["code"], e["path"]) for e in published.json()["detail"]["errors"]] == [
            ("unknown_team", "/nodes/3/content/routing/rules/0/then/team_id")]
        assert flow_version(doc) not in {f["id"] for f in (await http.get("/api/flows")).json()}


async def test_a_draft_has_a_flows_shape_and_a_known_base(stack: Stack) -> None:
    async with api_client(stack) as http:
        shapeless = await http.post("/api/flow_drafts", json={"name": "x", "document": {}})
        assert shapeless.status_code == 422 and shapeless.json()["detail"]["path"] == "document.nodes"
        typed = await http.post("/api/flow_drafts", json={"name": "x", "document": {"nodes": [
            {"id": "a", "type": "tag", "position": {"x": "1", "y": 0}}]}})
        assert typed.status_code == 422 and typed.json()["detail"]["path"] == "document.nodes.0.position.x"
        orphan = await http.post("/api/flow_drafts", json={"name": "x", "document": default_flow(), "based_on": "nope"})
        assert orphan.status_code == 404 and orphan.json()["detail"]["path"] == "based_on"
        kept = {**default_flow(), "note": "mine"}
        saved = await http.post("/api/flow_drafts", json={"name": "x" * 200, "document": kept})
        assert saved.status_code == 201 and saved.json()["document"] == kept  # as sent: its version hashes that
        assert (await http.post("/api/flow_drafts", json={"name": "x" * 201, "document": kept})).status_code == 422


async def test_publish_keeps_running_cases_on_their_version(stack: Stack) -> None:
    async with api_client(stack) as http:
        old_version = (await http.get("/api/flows", params={"filter": '{"active": true}'})).json()[0]["id"]
        running = (await http.post("/api/webhooks/twitter", json={
            "external_id": f"v-{stack.task_queue}", "author": "@a", "created_at": "2026-11-23T10:00:00Z",
            "text": "I was overcharged on my invoice"})).json()["case_id"]
        await eventually(lambda: case_where(stack.engine, running, status="assigned"), what="assignment")

        draft = (await http.post("/api/flow_drafts", json={"name": "Faster SLA", "document": default_flow(),
                                                            "based_on": old_version})).json()
        assert draft["updated_by"] == "admin"
        olivia = as_user(stack.engine, "olivia")  # the ops lead edits and publishes flows; agents do not
        refused = await http.put(f"/api/flow_drafts/{draft['id']}", json={"document": faster_sla()},
                                 headers=as_user(stack.engine, "ada"))
        assert refused.status_code == 403 and "flows:write" in refused.json()["detail"]["message"]
        updated = await http.put(f"/api/flow_drafts/{draft['id']}", json={"document": faster_sla()}, headers=olivia)
        assert updated.status_code == 200 and updated.json()["updated_by"] == "olivia"
        published = await http.post(f"/api/flow_drafts/{draft['id']}/publish", json={"activate": True},
                                    headers=olivia)
        assert published.status_code == 200, published.text
        assert (published.json()["published_by"], published.json()["activated_by"]) == ("olivia", "olivia")
        new_version = published.json()["id"]
        assert new_version == flow_version(faster_sla()) != old_version
        actives = (await http.get("/api/flows", params={"filter": '{"active": true}'})).json()
        assert [f["id"] for f in actives] == [new_version]

        fresh = (await http.post("/api/webhooks/twitter", json={
            "external_id": f"w-{stack.task_queue}", "author": "@b", "created_at": "2026-11-23T10:00:00Z",
            "text": "I was overcharged on my invoice"})).json()["case_id"]
        new_case = await eventually(lambda: case_where(stack.engine, fresh, status="assigned"), what="assign")
        old_case = case_where(stack.engine, running)
        assert (old_case.flow_version, new_case.flow_version) == (old_version, new_version)
        assert (new_case.sla_due_at - new_case.opened_at).total_seconds() == 3600
        assert (old_case.sla_due_at - old_case.opened_at).total_seconds() == 14400

        again = await http.post(f"/api/flows/{old_version}/activate")
        assert again.json()["active"] is True and again.json()["activated_by"] == "admin"
        assert (await http.get(f"/api/flows/{new_version}")).json()["active"] is False


async def test_published_versions_are_immutable_and_content_addressed(stack: Stack) -> None:
    async with api_client(stack) as http:
        first = (await http.post("/api/flow_drafts", json={"name": "a", "document": faster_sla()})).json()
        second = (await http.post("/api/flow_drafts", json={"name": "b", "document": copy.deepcopy(faster_sla())}))
        v1 = (await http.post(f"/api/flow_drafts/{first['id']}/publish", json={"activate": False})).json()
        v2 = (await http.post(f"/api/flow_drafts/{second.json()['id']}/publish", json={"activate": False})).json()
        assert v1["id"] == v2["id"] and v1["name"] == "a"  # the same content is the same version
        assert (await http.put(f"/api/flows/{v1['id']}", json={})).status_code == 405
        deleted = await http.delete(f"/api/flow_drafts/{first['id']}")
        assert deleted.status_code == 200
        assert (await http.get(f"/api/flows/{v1['id']}")).status_code == 200
