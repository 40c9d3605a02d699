"""react-admin's REST conventions on every resource, and clear 400s for bad queries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.app import create_app
from api.settings import Settings
from tests.harness.cases import Stack, api_client


def q(**params: object) -> dict[str, str]:
    return {k: json.dumps(v) for k, v in params.items()}


async def test_sort_range_filter_and_content_range(stack: Stack) -> None:
    async with api_client(stack) as http:
        page = await http.get("/api/agents", params=q(sort=["name", "DESC"], range=[0, 1]))
        assert page.headers["content-range"] == "agents 0-1/5"
        assert [a["name"] for a in page.json()] == ["Sofia Kovalevskaya", "Maya Angelou"]
        assert "Content-Range" in page.headers["access-control-expose-headers"]
        team = await http.get("/api/agents", params=q(filter={"team_id": "support"}))
        assert {a["id"] for a in team.json()} == {"ada", "grace", "linus"}
        many = await http.get("/api/agents", params=q(filter={"id": ["ada", "maya"]}))
        assert {a["id"] for a in many.json()} == {"ada", "maya"}
        search = await http.get("/api/agents", params=q(filter={"q": "HOPPER"}))
        assert [a["id"] for a in search.json()] == ["grace"]
        empty = await http.get("/api/agents", params=q(range=[10, 19]))
        assert empty.json() == [] and empty.headers["content-range"] == "agents 10-10/5"
        backwards = await http.get("/api/agents", params=q(range=[3, 1]))
        assert backwards.json() == [] and backwards.headers["content-range"] == "agents 3-3/5"
        wide = await http.get("/api/agents", params=q(range=[0, 5000]))  # a page is at most 1000 rows
        assert len(wide.json()) == 5 and wide.headers["content-range"] == "agents 0-4/5"
        null = await http.get("/api/agents", params=q(filter={"online": None, "q": None}))
        assert null.json() == [] and null.headers["content-range"] == "agents 0-0/0"
        assert (await http.get("/api/agents/ada")).json()["open_cases"] == 0
        for resource in ("cases", "mentions", "teams", "flows", "case_events"):
            listed = await http.get(f"/api/{resource}")
            assert listed.status_code == 200 and listed.headers["content-range"].startswith(resource)


@pytest.mark.parametrize(("params", "path", "words"), [
    ({"sort": "name"}, "sort", "not valid JSON"),
    ({"sort": '["name","SIDEWAYS"]'}, "sort", '"ASC" or "DESC"'),
    ({"sort": '["password","ASC"]'}, "sort", "cannot be sorted by 'password'"),
    ({"range": "[-1,5]"}, "range", "two whole numbers from 0"),
    ({"range": "[0,1.5]"}, "range", "two whole numbers from 0"),
    ({"range": "[0]"}, "range", "[first, last]"),
    ({"filter": "[1]"}, "filter", "a JSON object"),
    ({"filter": '{"online":"yes"}'}, "filter/online", "its column's type"),
    ({"filter": '{"team_id":{"$ne":"x"}}'}, "filter/team_id", "its column's type"),
    ({"filter": '{"q":"a\\u0000b"}'}, "filter/q", "its column's type"),
    ({"filter": '{"salary":1}'}, "filter/salary", "use one of: id, team_id, online, q"),
])
async def test_bad_queries_say_which_parameter_and_why(stack: Stack, params, path, words) -> None:  # type: ignore[no-untyped-def]
    async with api_client(stack) as http:
        response = await http.get("/api/agents", params=params)
        assert response.status_code == 400
        detail = response.json()["detail"]
        assert detail["code"] == "bad_query" and detail["path"] == path and words in detail["message"], detail


async def test_unknown_ids_are_404_naming_the_resource(stack: Stack) -> None:
    async with api_client(stack) as http:
        for url, resource in (("/api/cases/nope", "case"), ("/api/flows/nope", "flow"),
                              ("/api/teams/nope", "team"), ("/api/mentions/nope", "mention")):
            response = await http.get(url)
            assert response.status_code == 404
            assert response.json()["detail"]["message"] == f"no {resource} with id 'nope'"


def test_the_openapi_document_gives_each_list_its_own_sort_range_and_filter() -> None:
    app = create_app(Settings(designer_dist=Path("/nonexistent")), engine=object(), temporal=object())  # type: ignore[arg-type]
    paths = app.openapi()["paths"]

    def shapes(path: str) -> dict[str, dict]:
        return {p["name"]: p["content"]["application/json"]["schema"] for p in paths[path]["get"]["parameters"]
                if p["name"] in ("sort", "range", "filter")}

    users = shapes("/api/users")
    assert set(users["sort"]["prefixItems"][0]["enum"]) == {"id", "email", "name", "role", "created_at",
                                                             "last_login_at"}
    assert set(users["filter"]["properties"]) == {"id", "role", "disabled", "q"}
    assert users["filter"]["additionalProperties"] is False
    assert users["range"]["prefixItems"][0] == {"type": "integer", "minimum": 0, "maximum": 1_000_000_000}
    events = shapes("/api/case_events")
    assert "q" not in events["filter"]["properties"]  # nothing to search
    assert "detail" not in events["sort"]["prefixItems"][0]["enum"]  # JSON columns do not sort
    cases = shapes("/api/cases")["filter"]["properties"]
    assert cases["priority"]["anyOf"][0]["enum"] == ["low", "normal", "high", "urgent"]
    assert {"type": "boolean"} in cases["sla_breached"]["anyOf"]
    assert "$defs" not in json.dumps(paths)
