"""The OpenAPI document, with the refusals every route shares written down: a client generated from it
knows that a guarded route can answer 401 and 403, a route with a body 413 and 415, and a rate-limited
one 429, each in our one error shape."""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.auth.passwords import breached_pattern
from api.errors import refusal
from api.listing import Listing
from store.incoming import IncomingMention

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
_CASE_ACTION = re.compile(r"/api/cases/\{case_id\}/(claim|release|close|pending|replies|transfer|approve|reject|notes|"
                          r"tags|expert)")
# Answers particular routes give besides the shared ones: a conflict with the state of things, and the
# workflow service not answering (nothing changed: try again) or answering late (504 case_busy).
_CONFLICTS = {("post", "/api/auth/totp/confirm"), ("post", "/api/experts"), ("post", "/api/users"),
              ("patch", "/api/users/{user_id}"), ("post", "/api/sources"), ("post", "/api/sources/{source_id}/poll"),
              ("post", "/api/sources/{source_id}/webhook-token"), ("post", "/api/customers/{customer_id}/merge"),
              ("post", "/api/cases/{case_id}/claim"), ("post", "/api/webhooks/{source}")}
# Routes without an id in their path whose body names something that may not exist (404).
_BODY_NAMES = {("post", "/api/flow_drafts"), ("post", "/api/notifications/read")}
_WORKFLOWS = {("post", "/api/webhooks/{source}"), ("post", "/api/sources/{source}/imports"),
              ("post", "/api/sources"), ("patch", "/api/sources/{source_id}"),
              ("post", "/api/sources/{source_id}/poll"), ("get", "/api/cases/{case_id}/drafts"),
              ("post", "/api/expert-requests/{request_id}/answer")}


def _list_parameters(schema: dict[str, Any]) -> None:
    """A list route's sort, range and filter as the JSON its Listing takes, rather than any string.

    Every list route is GET /api/{resource}, its Listing's resource."""
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            names = {p["name"] for p in operation.get("parameters", ())}
            if {"sort", "range", "filter"} <= names:
                listing = Listing.declared.get(path.removeprefix("/api/"))
                if listing is None:
                    raise LookupError(f"{path} takes sort, range and filter but declares no Listing for them")
                shaped = listing.openapi_parameters()
                operation["parameters"] = [p for p in operation["parameters"]
                                           if p["name"] not in ("sort", "range", "filter")] + shaped


NO_NUL = {"pattern": "\\u0000"}  # what a string must not match: PostgreSQL's text cannot hold NUL


# Any JSON whose text holds no NUL: what a free-form object (a flow node's content, an imported row) holds.
JSON_VALUE = {"description": "any JSON value without the NUL character in its text", "anyOf": [
    {"type": "null"}, {"type": "boolean"}, {"type": "number"}, {"type": "string", "not": dict(NO_NUL)},
    {"type": "array", "items": {"$ref": "#/components/schemas/JsonValue"}},
    {"type": "object", "propertyNames": {"not": dict(NO_NUL)},
     "additionalProperties": {"$ref": "#/components/schemas/JsonValue"}}]}


def _without_nul(node: Any) -> None:
    """Every string the document describes, and every free object's keys, hold no NUL character: the API
    refuses one in a path or a body (api.security.limits)."""
    if isinstance(node, dict):
        kind = node.get("type")
        if kind == "string" or isinstance(kind, list) and "string" in kind:
            node.setdefault("not", dict(NO_NUL))
        if kind == "object" and node.get("additionalProperties") is not False:
            node.setdefault("propertyNames", {"not": dict(NO_NUL)})
            if node.get("additionalProperties", True) is True:  # unknown keys are taken (and ignored)
                node["additionalProperties"] = {"$ref": "#/components/schemas/JsonValue"}
        for value in node.values():
            _without_nul(value)
    elif isinstance(node, list):
        for item in node:
            _without_nul(item)


def _password_policy(node: Any, min_length: int, breached: str) -> None:
    """A new password's schema says what the policy refuses: too short, or a common breached one in any case
    (not the account's email or a recent password: those depend on the account, and answer 422 or 409)."""
    if isinstance(node, dict):
        if node.pop("x-password-policy", False):
            node["minLength"] = min_length
            node["not"] = {"type": "string", "anyOf": [dict(NO_NUL), {"pattern": breached}]}
        for value in node.values():
            _password_policy(value, min_length, breached)


def documented(app: FastAPI, *, password_min_length: int) -> dict[str, Any]:
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
        _list_parameters(schema)
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
                        responses.setdefault("400", refusal(_SHARED["400-body"]))
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
                if (method, path) in _BODY_NAMES:
                    responses.setdefault("404", refusal(_SHARED["404-body"]))
                for code in codes:
                    responses.setdefault(code, refusal(_SHARED[code]))
                if "422" in responses or "requestBody" in operation:
                    # FastAPI's own refusals are answered in our shape too (api.app); a body's NUL character
                    # is refused before (api.security.limits)
                    responses["422"] = refusal("the request does not fit: each problem with its path in `errors`")
        for unused in ("HTTPValidationError", "ValidationError"):
            if f"#/components/schemas/{unused}" not in str(schema["paths"]):
                components.pop(unused, None)
        _password_policy(components, password_min_length, breached_pattern(password_min_length))
        _without_nul(schema["paths"])
        _without_nul(components)
        components["JsonValue"] = JSON_VALUE
        app.openapi_schema = schema
    return app.openapi_schema
