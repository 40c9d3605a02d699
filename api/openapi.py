"""The OpenAPI document, with the refusals every route shares written down: a client generated from it
knows that a guarded route can answer 401 and 403, a route with a body 413 and 415, and a rate-limited
one 429, each in our one error shape."""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.discovery.models import IncomingMention

ERROR_SCHEMA = {
    "type": "object", "required": ["detail"],
    "properties": {"detail": {"type": "object", "required": ["code", "message", "path"], "properties": {
        "code": {"type": "string"}, "message": {"type": "string"}, "path": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}}}}},
}
_SHARED = {
    "400": "a list's sort, range or filter is not one this list takes (the path names which)",
    "404": "nothing has that id",
    "401": "not logged in, or the session or token is no longer valid (the code says which)",
    "403": "logged in, but the role, token scope or team does not allow this (the message names what is missing)",
    "413": "the body is larger than this route takes",
    "400-body": "the body is not valid JSON",
    "415": "the body is not JSON",
    "429": "too many requests: wait as long as Retry-After says",
    "409": "the request conflicts with the state of things (the message says how)",
    "503": "the workflow service (or the database, busy) did not take the request: nothing changed, send it again",
    "504": "the case did not answer in time: the change may still happen; repeat it with the same ids to be safe",
    "404-body": "something the body names does not exist",
}
RATE_LIMITED = {("post", "/api/auth/login"), ("post", "/api/webhooks/{source}"),
                ("post", "/api/sources/{source}/imports"), ("post", "/api/auth/password")}
_CASE_ACTION = re.compile(r"/api/cases/\{case_id\}/(claim|close|pending|replies|transfer|approve|reject|notes|tags|"
                          r"expert)")
# Answers particular routes give besides the shared ones: a conflict with the state of things, and the
# workflow service not answering (nothing changed: try again) or answering late (504 case_busy).
_CONFLICTS = {("post", "/api/auth/totp/confirm"), ("post", "/api/experts"), ("post", "/api/users"),
              ("patch", "/api/users/{user_id}"), ("post", "/api/sources"), ("post", "/api/sources/{source_id}/poll"),
              ("post", "/api/sources/{source_id}/webhook-token"), ("post", "/api/customers/{customer_id}/merge"),
              ("post", "/api/cases/{case_id}/claim"), ("post", "/api/webhooks/{source}")}
_WORKFLOWS = {("post", "/api/webhooks/{source}"), ("post", "/api/sources/{source}/imports"),
              ("post", "/api/sources"), ("patch", "/api/sources/{source_id}"),
              ("post", "/api/sources/{source_id}/poll"), ("get", "/api/cases/{case_id}/drafts"),
              ("post", "/api/expert-requests/{request_id}/answer")}


def _error(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}}}


def documented(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["ApiError"] = ERROR_SCHEMA
        # The webhook reads its raw body itself (to check signatures), so FastAPI does not list its model.
        mention = IncomingMention.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(mention.pop("$defs", {}))
        components["IncomingMention"] = mention
        for path, operations in schema["paths"].items():
            for method, operation in operations.items():
                responses = operation.setdefault("responses", {})
                codes = []
                params = {p["name"] for p in operation.get("parameters", ()) if p.get("in") == "query"}
                if {"sort", "range", "filter"} <= params:
                    codes.append("400")
                if "{" in path:
                    codes.append("404")
                if operation.get("security"):
                    codes += ["401", "403"]
                if "requestBody" in operation:
                    codes += ["413", "415"]
                    if "400" not in codes:
                        responses.setdefault("400", _error(_SHARED["400-body"]))
                if (method, path) in RATE_LIMITED:
                    codes.append("429")
                case_action = method == "post" and _CASE_ACTION.fullmatch(path) is not None
                if case_action or (method, path) in _CONFLICTS:
                    codes.append("409")
                if case_action or (method, path) in _WORKFLOWS:
                    codes.append("503")
                if case_action:
                    codes.append("504")
                if "x-public" in operation and "token" in operation["x-public"]:
                    codes.append("401")
                if (method, path) == ("post", "/api/flow_drafts"):
                    responses.setdefault("404", _error(_SHARED["404-body"]))
                for code in codes:
                    responses.setdefault(code, _error(_SHARED[code]))
                if "422" in responses:  # FastAPI's own refusals are answered in our shape too (api.app)
                    responses["422"] = _error("the request does not fit: each problem with its path in `errors`")
        for unused in ("HTTPValidationError", "ValidationError"):
            if f"#/components/schemas/{unused}" not in str(schema["paths"]):
                components.pop(unused, None)
        app.openapi_schema = schema
    return app.openapi_schema
