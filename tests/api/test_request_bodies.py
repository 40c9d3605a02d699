"""Request bodies take what the OpenAPI document says they take: what it allows is accepted (or refused for the
state of things, 404 or 409), and what it refuses is refused with the field's path (schemathesis' ST201/ST202)."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any, get_args

import pytest

from api.app import create_app
from api.security.codec import ENCODING
from api.settings import Settings
from store.connector_config import KINDS, Kind
from tests.harness.cases import Stack, api_client

SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _paths(answer: Any) -> list[str]:
    return [e["path"] for e in answer.json()["detail"]["errors"]]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@SQLITE
async def test_an_agents_numbers_are_whole_numbers_in_range_and_presence_a_boolean(stack: Stack) -> None:
    async with api_client(stack) as http:
        for body, path in (({"channel_capacity": {"email": False}}, "channel_capacity.email"),
                           ({"capacity": "5"}, "capacity"), ({"capacity": 1001}, "capacity"),
                           ({"skills": {"billing": 0}}, "skills.billing"), ({"online": 1}, "online")):
            refused = await http.patch("/api/agents/ada", json=body)
            assert refused.status_code == 422 and _paths(refused) == [path], (body, refused.text)
        # A channel is a source's id (the demo's twitter): an unknown one is refused (tests/api/test_admin_teams.py).
        taken = await http.patch("/api/agents/ada",
                                 json={"skills": {"billing": 4.0}, "channel_capacity": {"twitter": 3}})
        assert taken.status_code == 200, taken.text  # 4.0 is a JSON integer
        assert (taken.json()["skills"]["billing"], taken.json()["channel_capacity"]) == (4, {"twitter": 3})


@SQLITE
async def test_an_expert_has_an_email_address_and_a_boolean_active(stack: Stack) -> None:
    async with api_client(stack) as http:
        fuzzed = {"name": "0", "email": "000", "department": "", "response_seconds": 86400, "active": 0, "id": "0"}
        refused = await http.post("/api/experts", json=fuzzed)
        assert refused.status_code == 422 and _paths(refused) == ["email", "active"]
        too_long = await http.post("/api/experts", json={"id": "x", "name": "n" * 201, "email": "x@example.com"})
        assert too_long.status_code == 422 and _paths(too_long) == ["name"]
        made = await http.post("/api/experts", json={"id": "dora", "name": "Dora", "email": "dora@example.com",
                                                     "response_seconds": 3600.0, "active": False})
        assert made.status_code == 201, made.text
        assert (made.json()["response_seconds"], made.json()["active"]) == (3600, False)


@SQLITE
async def test_the_codec_takes_base64_payloads_and_nothing_else(stack: Stack) -> None:
    async with api_client(stack) as http:
        plain = {"metadata": {"encoding": _b64(b"json/plain")}, "data": _b64(b'{"a": 1}')}
        for payload, path in (({**plain, "data": "not base64"}, "payloads.0.data"),
                              ({**plain, "data": "AAAA="}, "payloads.0.data"),  # b64decode took this padding
                              ({**plain, "metadata": {"encoding": "json/plain"}}, "payloads.0.metadata.encoding"),
                              ({**plain, "externalPayloads": []}, "payloads.0.externalPayloads")):
            refused = await http.post("/api/codec/encode", json={"payloads": [payload]})
            assert refused.status_code == 422 and _paths(refused) == [path], refused.text
        sealed = await http.post("/api/codec/encode", json={"payloads": [plain]})
        assert sealed.status_code == 200, sealed.text
        opened = await http.post("/api/codec/decode", json=sealed.json())
        assert opened.status_code == 200 and opened.json()["payloads"] == [plain]
        # Says it is sealed, but holds no sealed value: no schema can tell, the codec can.
        for data in (b"\xff\xfe", b"sealed:v1:nothing"):
            fake = {"metadata": {"encoding": _b64(ENCODING)}, "data": _b64(data)}
            unopened = await http.post("/api/codec/decode", json={"payloads": [fake]})
            assert unopened.status_code == 422 and unopened.json()["detail"]["code"] == "cannot_open", unopened.text


def test_a_new_source_is_documented_as_one_body_per_kind_with_its_config() -> None:
    doc = create_app(Settings()).openapi()
    body = doc["paths"]["/api/sources"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    schemas = doc["components"]["schemas"]
    variants = {name: schemas[ref.rsplit("/", 1)[1]] for name, ref in body["discriminator"]["mapping"].items()}
    assert set(variants) == set(KINDS)
    for kind, variant in variants.items():
        config = variant["properties"]["config"]
        ref = config["allOf"][0]["$ref"] if "allOf" in config else config["$ref"]
        assert ref.endswith(f"/{KINDS[kind].__name__}") and variant["properties"]["kind"]["const"] == kind
    assert "token_digest" not in schemas["WebhookConfig"]["properties"]  # only the API sets it
    assert schemas["NewMastodonSource"]["properties"]["config"]["allOf"][1] == {
        "properties": {"access_token": {"not": {"const": "********"}}}}
    change = schemas["SourceChange"]["properties"]["config"]["anyOf"]
    assert {c["$ref"].rsplit("/", 1)[1] for c in change if "$ref" in c} == {m.__name__ for m in KINDS.values()}
    assert set(get_args(Kind)) == set(KINDS)  # what POST /api/sources checks `kind` against


@SQLITE
async def test_a_mastodon_token_that_cannot_travel_in_a_header_is_refused_when_saved(stack: Stack) -> None:
    async with api_client(stack) as http:
        for token in ("tökén-from-a-paste", "two words"):
            refused = await http.post("/api/sources", json={
                "id": "masto", "kind": "mastodon", "name": "Masto",
                "config": {"base_url": "https://mastodon.example", "access_token": token}})
            assert refused.status_code == 422, refused.text
            assert refused.json()["detail"]["path"] == "config.access_token" and token not in refused.text
        taken = await http.post("/api/sources", json={
            "id": "masto", "kind": "mastodon", "name": "Masto", "enabled": False,
            "config": {"base_url": "https://mastodon.example", "access_token": "Zx-9_Qw.~"}})
        assert taken.status_code == 201, taken.text


def test_the_document_says_what_a_new_password_and_any_text_may_not_be() -> None:
    app = create_app(Settings(designer_dist=Path("/nonexistent"), password_min_length=16), engine=object(),  # type: ignore[arg-type]
                     temporal=object())  # type: ignore[arg-type]
    schemas = app.openapi()["components"]["schemas"]
    password = schemas["UserCreate"]["properties"]["password"]
    assert password["minLength"] == 16  # from the settings, as the policy checks it
    refused = password["not"]
    assert refused["type"] == "string"
    breached = re.compile(refused["anyOf"][1]["pattern"])
    assert breached.fullmatch("1q2w3e4r5t6y7u8i") and breached.fullmatch("1Q2W3E4R5T6Y7U8I")  # any case
    assert not breached.fullmatch("correct horse battery staple")
    assert re.search(refused["anyOf"][0]["pattern"], "a\x00b")
    assert schemas["PasswordChange"]["properties"]["new_password"]["minLength"] == 16
    assert "x-password-policy" not in json.dumps(schemas)
    # Every string, and every free object's keys and values, hold no NUL (refused on arrival: PostgreSQL cannot
    # store one).
    assert schemas["ExpertCreate"]["properties"]["name"]["not"] == {"pattern": "\\u0000"}
    content = schemas["FlowNode"]["properties"]["content"]
    assert content["additionalProperties"] == {"$ref": "#/components/schemas/JsonValue"}
    assert content["propertyNames"] == {"not": {"pattern": "\\u0000"}}
    assert {"type": "string", "not": {"pattern": "\\u0000"}} in schemas["JsonValue"]["anyOf"]
