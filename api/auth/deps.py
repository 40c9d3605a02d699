"""Every route's guard: `Security(authenticate, scopes=[permission])`, as Annotated aliases.

The permission shows in the OpenAPI document as the operation's security scopes, so a test can
check that every route declares one. The principal comes from the session cookie or a bearer
token (a session token, or an API token `sbt_...`), never from a request body.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer, SecurityScopes

from api.audit.trail import record_apart
from api.auth.permissions import Permission, Role
from api.auth.principal import Principal
from api.auth.service import (
    TOKEN_PREFIX,
    AuthRefused,
    Policy,
    mark_seen,
    needs_marking,
    session_principal,
    token_principal,
)
from api.errors import ApiError
from store.db import session_scope

SESSION_COOKIE = "switchboard_session"
_bearer = HTTPBearer(auto_error=False, scheme_name="token",
                     description="an API token (sbt_...) or the token POST /api/auth/login answers")
_cookie = APIKeyCookie(name=SESSION_COOKIE, auto_error=False, scheme_name="session",
                       description="the HttpOnly cookie POST /api/auth/login sets")


# What an auditor reads here is customer data, and each read goes to the audit log.
CUSTOMER_DATA = re.compile(r"^/api/(cases|mentions|conversations|customers|case_events|expert-requests|stream|"
                           r"notifications|events)(/|$)")


def unauthenticated(code: str, message: str) -> ApiError:
    return ApiError(401, code=code, path="", message=message, headers={"WWW-Authenticate": "Bearer"})


def _resolve(request: Request, token: str) -> Principal:
    settings, engine = request.app.state.settings, request.app.state.engine
    now = datetime.now(UTC)
    with session_scope(engine, write=False) as session:  # most requests only read (SQLite's lock stays free)
        if token.startswith(TOKEN_PREFIX):
            principal = token_principal(session=session, token=token, now=now)
        else:
            principal = session_principal(session=session, token=token, policy=Policy.of(settings), now=now)
    if needs_marking(principal, now):
        with session_scope(engine) as session:
            mark_seen(session=session, principal=principal, now=now)
    return principal


async def authenticate(scopes: SecurityScopes, request: Request,
                       bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
                       cookie: Annotated[str | None, Depends(_cookie)]) -> Principal:
    """The caller, holding every permission in `scopes`; else 401 (who are you?) or 403 (not allowed)."""
    principal = getattr(request.state, "principal", None)
    if principal is None:
        token = bearer.credentials if bearer is not None else cookie
        if not token:
            raise unauthenticated("not_authenticated", "log in (POST /api/auth/login) or send an API token as "
                                                       "'Authorization: Bearer sbt_...'")
        try:
            principal = await run_in_threadpool(_resolve, request, token)
        except AuthRefused as exc:
            raise unauthenticated(exc.code, exc.message) from exc
        request.state.principal = principal
    if principal.enrolling and scopes.scopes:
        raise ApiError(403, code="second_factor_required", path="",
                       message=f"the {principal.role.value} role logs in with an authenticator code: set one up "
                               "first (POST /api/auth/totp, then /api/auth/totp/confirm)")
    for scope in scopes.scopes:
        principal.require(Permission(scope))
    if (principal.role == Role.auditor and request.method == "GET" and CUSTOMER_DATA.match(request.url.path)
            and not getattr(request.state, "read_recorded", False)):
        request.state.read_recorded = True
        await record_apart(request.app.state.engine, principal, "customer_data.read",
                           detail={"path": request.url.path, "query": request.url.query[:1000]})
    return principal


def _guard(permission: Permission) -> object:
    return Security(authenticate, scopes=[permission.value])


P = Permission
Authenticated = Annotated[Principal, Security(authenticate)]
ReadCases = Annotated[Principal, _guard(P.cases_read)]
WorkCases = Annotated[Principal, _guard(P.cases_work)]
ApproveCases = Annotated[Principal, _guard(P.cases_approve)]
TransferCases = Annotated[Principal, _guard(P.cases_transfer)]
ReadMentions = Annotated[Principal, _guard(P.mentions_read)]
ImportMentions = Annotated[Principal, _guard(P.mentions_import)]
ReadCustomers = Annotated[Principal, _guard(P.customers_read)]
WriteCustomers = Annotated[Principal, _guard(P.customers_write)]
MergeCustomers = Annotated[Principal, _guard(P.customers_merge)]
ReadAudit = Annotated[Principal, _guard(P.audit_read)]
ReadAuditLog = Annotated[Principal, _guard(P.auditlog_read)]
CheckpointAudit = Annotated[Principal, _guard(P.auditlog_checkpoint)]
ReadFlows = Annotated[Principal, _guard(P.flows_read)]
WriteFlows = Annotated[Principal, _guard(P.flows_write)]
BacktestFlows = Annotated[Principal, _guard(P.flows_backtest)]
ReadTeams = Annotated[Principal, _guard(P.teams_read)]
ChangePresence = Annotated[Principal, _guard(P.agents_presence)]
ManageTeams = Annotated[Principal, _guard(P.teams_manage)]
ReadExperts = Annotated[Principal, _guard(P.experts_read)]
WriteExperts = Annotated[Principal, _guard(P.experts_write)]
ReadExpertRequests = Annotated[Principal, _guard(P.expert_requests_read)]
ReadSources = Annotated[Principal, _guard(P.sources_read)]
WriteSources = Annotated[Principal, _guard(P.sources_write)]
ManageUsers = Annotated[Principal, _guard(P.users_manage)]
DecodeHistories = Annotated[Principal, _guard(P.histories_decode)]
OwnTokens = Annotated[Principal, _guard(P.tokens_own)]
ManageCanned = Annotated[Principal, _guard(P.canned_manage)]
ReadAnalytics = Annotated[Principal, _guard(P.analytics_read)]
ManageAnalytics = Annotated[Principal, _guard(P.analytics_manage)]
ReadCrisis = Annotated[Principal, _guard(P.crisis_read)]
ManageCrisis = Annotated[Principal, _guard(P.crisis_manage)]
ManageReports = Annotated[Principal, _guard(P.reports_manage)]
ExportData = Annotated[Principal, _guard(P.exports_read)]
ReadEvents = Annotated[Principal, _guard(P.events_read)]
ManageSubscriptions = Annotated[Principal, _guard(P.subscriptions_manage)]


def public(why: str) -> dict[str, str]:
    """`openapi_extra` of a route anyone may call; `why` says what protects it instead."""
    return {"x-public": why}
