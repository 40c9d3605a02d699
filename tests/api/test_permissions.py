"""Every route declares the permission it needs, and every role gets exactly what its permissions say.

The routes come from the app's OpenAPI document, so a route added without a declared permission
(or a public one not listed here with its reason) fails `test_every_route_declares_a_permission`,
and every new route is in the matrix without anyone listing it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from api.app import create_app
from api.auth.permissions import ROLE_PERMISSIONS, Permission, Role
from api.settings import Settings
from tests.harness.cases import Stack, api_client, as_user

# Routes anyone may call, each protected by something other than a login.
PUBLIC = {
    ("post", "/api/auth/login"): "the credentials are the request",
    ("get", "/api/health"): "says that the API answers and the outbox's and deadlines' counts",
    ("get", "/api/metrics"): "counts only (outbox backlog, lag, failures; overdue deadlines), for a scraper",
    ("post", "/api/webhooks/{source}"): "the source's token or HMAC signature",
    ("get", "/api/expert-requests/{request_id}"): "the expert's link",
    ("post", "/api/expert-requests/{request_id}/answer"): "the expert's link",
}
# One demo user per role.
USERS = {Role.admin: "admin", Role.ops_lead: "olivia", Role.supervisor: "sofia", Role.agent: "ada",
         Role.auditor: "audrey"}


def operations() -> list[tuple[str, str, dict]]:
    app = create_app(Settings(designer_dist=Path("/nonexistent")), engine=object(), temporal=object())  # type: ignore[arg-type]
    return [(method, path, op) for path, ops in app.openapi()["paths"].items() for method, op in ops.items()]


def declared(op: dict) -> set[str] | None:
    """The permissions an operation declares (empty: any logged-in user), or None if it declares none."""
    requirements = op.get("security")
    if not requirements:
        return None
    return {scope for requirement in requirements for scopes in requirement.values() for scope in scopes}


def test_every_route_declares_a_permission() -> None:
    for method, path, op in operations():
        if (method, path) in PUBLIC:
            assert declared(op) is None and op.get("x-public"), f"{method} {path} is listed public but is guarded"
            continue
        scopes = declared(op)
        assert scopes is not None, f"{method.upper()} {path} declares no permission: guard it with api.auth.deps"
        assert scopes <= {p.value for p in Permission}, (method, path, scopes)
        assert {"token", "session"} == {name for req in op["security"] for name in req}, (method, path)
        # An undeclared refusal would mislead integrators: 401 and 403 are documented.
    assert {(m, p) for m, p, _ in operations()} >= set(PUBLIC), "a public route listed here no longer exists"


def test_the_roles_are_what_the_issue_says() -> None:
    admin, ops, boss, agent, auditor = (ROLE_PERMISSIONS[r] for r in (Role.admin, Role.ops_lead, Role.supervisor,
                                                                      Role.agent, Role.auditor))
    assert admin == set(Permission)
    # Changes nothing: reads, decodes histories, signs checkpoints of the audit log, backtests flows (a read of
    # history), keeps their own API tokens.
    assert not {p for p in auditor if not p.value.endswith(":read")} - {Permission.tokens_own,
                                                                         Permission.histories_decode,
                                                                         Permission.auditlog_checkpoint,
                                                                         Permission.flows_backtest}
    assert {p for p in Permission if p.value.endswith(":read")} <= auditor
    # Who changed what, and every login, is for auditors and admins.
    assert Permission.auditlog_read not in ops | boss | agent
    assert Permission.cases_approve not in agent and Permission.cases_approve in boss
    assert {Permission.cases_takeover, Permission.cases_transfer} <= boss - agent
    assert Permission.flows_write in ops and Permission.flows_write not in boss | agent | auditor
    assert Permission.flows_backtest in ops & auditor and Permission.flows_backtest not in boss | agent
    assert Permission.users_manage not in ops | boss | agent | auditor
    # Analytics are for those who manage the work, not for the agents doing it.
    assert Permission.analytics_read in admin & ops & boss & auditor and Permission.analytics_read not in agent
    # What share of voice counts (the brand and competitor terms) is the ops leads' to set.
    assert Permission.analytics_manage in admin & ops and Permission.analytics_manage not in boss | agent | auditor
    # Reports are kept by those who manage the work; auditors read and run shared ones but keep none.
    assert Permission.reports_manage in admin & ops & boss and Permission.reports_manage not in agent | auditor
    assert Permission.exports_read in admin & ops & boss & auditor and Permission.exports_read not in agent
    # Events out carry every team's cases and customers: the feed is for admins and auditors, webhooks for admins.
    assert Permission.events_read in admin & auditor and Permission.events_read not in ops | boss | agent
    assert Permission.subscriptions_manage not in ops | boss | agent | auditor
    assert Permission.sources_write not in ops | boss | agent | auditor


def _url(path: str, user_id: str) -> str:
    # Ids that exist nowhere, except an agent's own id, which is theirs to change.
    return re.sub(r"\{(\w+)\}", lambda m: user_id if m.group(1) in ("agent_id", "user_id") else "no-such-id", path)


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
async def test_every_route_answers_each_role_as_its_permissions_say(stack: Stack) -> None:
    checked = 0
    async with api_client(stack, user=None) as http:
        for method, path, op in operations():
            if (method, path) in PUBLIC:
                continue
            needed = declared(op)
            body = {} if "requestBody" in op else None
            anonymous = await http.request(method, _url(path, "nobody"), json=body)
            assert anonymous.status_code == 401, (method, path, anonymous.text)
            assert anonymous.json()["detail"]["code"] == "not_authenticated"
            for role, user in USERS.items():
                answer = await http.request(method, _url(path, user), json=body, headers=as_user(stack.engine, user))
                allowed = {Permission(p) for p in needed or ()} <= ROLE_PERMISSIONS[role]
                payload = answer.json() if answer.headers.get("content-type", "").startswith(
                    "application/json") and answer.content else None
                detail = payload.get("detail") if isinstance(payload, dict) else None
                if allowed:
                    assert answer.status_code not in (401, 403) or (
                        isinstance(detail, dict) and detail.get("code") not in ("forbidden", "not_authenticated")), \
                        (role, method, path, answer.status_code, answer.text)
                    assert answer.status_code < 500, (role, method, path, answer.text)
                else:
                    assert answer.status_code == 403, (role, method, path, answer.status_code, answer.text)
                    assert detail["code"] == "forbidden" and sorted(needed)[0] in detail["message"], detail
                checked += 1
    assert checked >= 5 * 55


def test_the_openapi_document_resolves_and_documents_the_refusals() -> None:
    app = create_app(Settings(designer_dist=Path("/nonexistent")), engine=object(), temporal=object())  # type: ignore[arg-type]
    spec = app.openapi()
    text = json.dumps(spec)
    refs = set(re.findall(r'"\$ref": "([^"]+)"', text))
    assert {r for r in refs if not r.startswith("#/components/schemas/")} == set()
    assert {r.rsplit("/", 1)[1] for r in refs} <= set(spec["components"]["schemas"])
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            if op.get("security"):
                assert {"401", "403"} <= set(op["responses"]), (method, path)
            if "requestBody" in op:
                assert {"413", "415"} <= set(op["responses"]), (method, path)
    webhook = spec["paths"]["/api/webhooks/{source}"]["post"]
    assert webhook["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/IncomingMention"}
    assert "429" in webhook["responses"]
