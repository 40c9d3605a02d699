"""react-admin's REST conventions on every resource, and clear 400s for bad queries."""

from __future__ import annotations

import json

import pytest

from tests.harness.cases import Stack, api_client

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


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
        assert (await http.get("/api/agents/ada")).json()["open_cases"] == 0
        for resource in ("cases", "mentions", "teams", "flows", "case_events"):
            listed = await http.get(f"/api/{resource}")
            assert listed.status_code == 200 and listed.headers["content-range"].startswith(resource)


@pytest.mark.parametrize(("params", "path", "words"), [
    ({"sort": "name"}, "sort", "not valid JSON"),
    ({"sort": '["name","SIDEWAYS"]'}, "sort", '"ASC" or "DESC"'),
    ({"sort": '["password","ASC"]'}, "sort", "cannot be sorted by 'password'"),
    ({"range": "[5,1]"}, "range", "first <= last"),
    ({"range": "[0,5000]"}, "range", "at most 1000"),
    ({"filter": "[1]"}, "filter", "JSON dict"),
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
