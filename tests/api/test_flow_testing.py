"""Trying a flow on one mention (POST /api/flow_drafts/{id}/test, /api/flows/{id}/test), the rule builder's
fields (GET /api/flows/fields) and a blank draft saved and built node by node."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

from api.demo import default_flow
from engine.flows.data import APPROVAL_FIELDS, CASE_FACTS, RULE_FIELDS
from engine.flows.field_types import FIELD_TYPES, STAGE_SCHEMAS, flat_fields
from store.db import session_scope
from store.flows import FlowDraft, active_flow
from store.incoming import IncomingMention
from store.ingest import store_batch
from tests.harness.cases import Stack, api_client, as_user

FIRE = "my heater caught fire, my lawyer will hear about this"


def test_every_field_of_every_stage_schema_has_a_type() -> None:
    for schema in (RULE_FIELDS, CASE_FACTS, APPROVAL_FIELDS, *STAGE_SCHEMAS.values()):
        for name in flat_fields(schema):
            assert name.rsplit(".", 1)[-1] in FIELD_TYPES, name


def take_in(stack: Stack, text: str, external_id: str) -> str:
    at = datetime.now(UTC)
    mention = IncomingMention(external_id=external_id, author=f"@{external_id}", text=text,
                              created_at=at).to_message("twitter", at)
    store_batch(engine=stack.engine, mentions=[mention], now=at)
    return mention.id


def draft(stack: Stack, document: dict) -> str:
    with session_scope(stack.engine) as session:
        session.add(FlowDraft(id="d-test", name="test", document=document, updated_at=datetime.now(UTC)))
    return "d-test"


async def test_a_draft_tried_on_a_stored_mention_shows_each_stage_and_its_decisions(stack: Stack) -> None:
    mention_id = take_in(stack, "the app is down, not working for anyone", "t-outage")
    doc = default_flow()
    doc["nodes"][3]["content"]["routing"]["rules"].insert(0, {
        "id": "outage-to-escalations", "when": {"in": ["outage", {"var": "tags"}]},
        "then": {"team_id": "escalations"}})
    draft_id = draft(stack, doc)
    async with api_client(stack, user="olivia") as http:
        response = await http.post(f"/api/flow_drafts/{draft_id}/test", json={"mention_id": mention_id})
        assert response.status_code == 200, response.text
        result = response.json()
        assert "outage" in result["tags"] and result["needs_response"] is True
        assert result["queue"] == "escalations" and result["priority"] == "high" and result["sla_policy"] == "high"
        assert result["requires_approval"] is False
        stages = {s["stage"]: s for s in result["stages"]}
        assert list(stages) == ["tag", "triage", "assign", "sla", "approval"]
        routing = stages["assign"]["evidence"]["rules"]
        assert routing[0]["id"] == "outage-to-escalations" and routing[0]["matched"] is True
        assert routing[0]["trace"][-1]["path"] == "/nodes/3/content/routing/rules/0/when"
        assert stages["triage"]["evidence"]["trace"]["priority"]["result"] == "high"
        # The case the mention opened is tried through its first mention; the live version routes elsewhere.
        with session_scope(stack.engine) as session:
            live = active_flow(session=session)
            assert live is not None
            live_id = live.id
        case_id = (await http.get(f"/api/mentions/{mention_id}")).json()["case_id"]
        by_case = (await http.post(f"/api/flows/{live_id}/test", json={"case_id": case_id})).json()
        assert by_case["mention"]["id"] == mention_id and by_case["queue"] == "support"


async def test_a_pasted_mention_is_tried_and_bad_requests_say_which_field(stack: Stack) -> None:
    draft_id = draft(stack, default_flow())
    async with api_client(stack, user="olivia") as http:
        url = f"/api/flow_drafts/{draft_id}/test"
        fire = (await http.post(url, json={"mention": {"text": FIRE, "author_followers": 412000},
                                           "agent_seniority": "junior"})).json()
        assert {"safety", "legal", "influencer"} <= set(fire["tags"])
        assert (fire["queue"], fire["priority"], fire["requires_approval"]) == ("escalations", "urgent", True)
        for body, status, path in [
            ({}, 422, "mention_id"),
            ({"mention_id": "nope", "case_id": "x"}, 422, "case_id"),
            ({"mention_id": "twitter:none"}, 404, ""),
            ({"case_id": "none"}, 404, ""),
            ({"mention": {"author": "@x"}}, 422, "mention.text"),
            ({"mention": {"text": "hi", "author_followers": "many"}}, 422, "mention.author_followers"),
        ]:
            response = await http.post(url, json=body)
            assert response.status_code == status, (body, response.text)
            if path:
                assert response.json()["detail"]["path"] == path, body
        broken = await http.post(url, content=b"{not json", headers={"Content-Type": "application/json"})
        assert broken.status_code == 422 and broken.json()["detail"]["errors"][0]["code"] == "json_invalid"
        assert (await http.post("/api/flow_drafts/none/test", json={"mention": {"text": "x"}})).status_code == 404
        agent = await http.post(url, json={"mention": {"text": "x"}}, headers=as_user(stack.engine, "ada"))
        assert agent.status_code == 403


async def test_the_fields_of_each_stage_come_with_types_and_known_values(stack: Stack) -> None:
    async with api_client(stack, user="ada") as http:
        stages = {s["stage"]: {f["name"]: f for f in s["fields"]}
                  for s in (await http.get("/api/flows/fields")).json()["stages"]}
    assert set(stages) == {"tag", "triage", "assign", "sla", "approval"}
    tags = stages["assign"]["tags"]
    assert tags["type"] == "list" and {"safety", "legal", "billing", "influencer", "angry"} <= set(tags["values"])
    assert stages["sla"]["priority"]["values"] == ["low", "normal", "high", "urgent"]
    assert "escalations" in stages["sla"]["team_id"]["values"]
    assert stages["approval"]["agent.seniority"] == {"name": "agent.seniority", "type": "category",
                                                     "values": ["junior", "senior"]}
    assert stages["triage"]["followers"] == {"name": "followers", "type": "number", "values": None}


async def test_a_blank_draft_is_saved_and_built_but_not_published_until_complete(stack: Stack) -> None:
    async with api_client(stack, user="olivia") as http:
        created = await http.post("/api/flow_drafts", json={"name": "blank", "document": {"nodes": [], "edges": []}})
        assert created.status_code == 201, created.text
        draft_id = created.json()["id"]
        full = default_flow()
        partial = {"nodes": [copy.deepcopy(full["nodes"][1])], "edges": []}
        saved = await http.put(f"/api/flow_drafts/{draft_id}", json={"document": partial})
        assert saved.status_code == 200, saved.text
        # A broken rule is still refused while the draft is incomplete.
        partial["nodes"][0]["content"]["rules"]["rules"][0]["when"] = {"contians": ["x", "y"]}
        broken = await http.put(f"/api/flow_drafts/{draft_id}", json={"document": partial})
        assert broken.status_code == 422
        assert [e["code"] for e in broken.json()["detail"]["errors"]] == ["unknown_operator"]
        refused = await http.post(f"/api/flow_drafts/{draft_id}/publish", json={})
        assert refused.status_code == 422
        assert {e["code"] for e in refused.json()["detail"]["errors"]} == {"missing_stage"}


async def test_a_published_draft_is_listed_with_its_version_until_it_changes(stack: Stack) -> None:
    async with api_client(stack, user="olivia") as http:
        doc = default_flow()
        doc["nodes"][2]["name"] = "Triage, renamed"
        draft_id = (await http.post("/api/flow_drafts", json={"name": "renamed", "document": doc})).json()["id"]
        assert (await http.get(f"/api/flow_drafts/{draft_id}")).json()["published_version"] is None
        flow = (await http.post(f"/api/flow_drafts/{draft_id}/publish", json={})).json()
        listed = {d["id"]: d for d in (await http.get("/api/flow_drafts")).json()}
        assert listed[draft_id]["published_version"] == flow["id"] and listed[draft_id]["published_active"] is True
        doc["nodes"][2]["name"] = "Triage, renamed again"
        saved = (await http.put(f"/api/flow_drafts/{draft_id}", json={"document": doc})).json()
        assert saved["published_version"] is None
        assert (await http.get(f"/api/flow_drafts/{draft_id}")).json()["published_version"] is None
