"""Roles, the permissions each grants, and the scopes an API token may carry.

Every route declares one permission (`api.auth.deps`); a role is a fixed set of them. A user may
also be scoped to teams: then they see and touch only those teams' cases (an empty set is all).
"""

from __future__ import annotations

from enum import StrEnum

from store.accounts import Role

__all__ = ["Permission", "Role"]  # Role lives with the users' table; its permissions here


class Permission(StrEnum):
    cases_read = "cases:read"
    cases_work = "cases:work"  # claim, reply, close, pending, notes, tags, expert hand-off, presence
    cases_approve = "cases:approve"
    cases_takeover = "cases:takeover"
    cases_transfer = "cases:transfer"
    mentions_read = "mentions:read"  # mentions and conversations
    mentions_import = "mentions:import"
    customers_read = "customers:read"
    customers_write = "customers:write"
    customers_merge = "customers:merge"
    audit_read = "audit:read"
    auditlog_read = "auditlog:read"  # the audit log: who changed what, and its verification
    auditlog_checkpoint = "auditlog:checkpoint"  # signing the audit log's head on demand
    flows_read = "flows:read"
    flows_write = "flows:write"
    flows_backtest = "flows:backtest"  # re-running a flow over history: reads every case of a period, CPU-heavy
    teams_read = "teams:read"  # teams and agents
    agents_manage = "agents:manage"  # any agent's presence, capacity, skills
    teams_manage = "teams:manage"  # creating and changing teams, moving agents between them
    agents_presence = "agents:presence"  # one's own presence only
    experts_read = "experts:read"
    experts_write = "experts:write"
    expert_requests_read = "expert_requests:read"
    sources_read = "sources:read"
    sources_write = "sources:write"
    histories_decode = "histories:decode"  # Temporal payloads through /api/codec
    users_manage = "users:manage"
    canned_manage = "canned:manage"  # creating, changing and deleting canned replies
    tokens_own = "tokens:own"
    analytics_read = "analytics:read"  # metrics over cases and mentions: counts and times, no customer data
    analytics_manage = "analytics:manage"  # what analytics count by: share of voice's brand and competitor terms
    crisis_read = "crisis:read"  # whether a crisis is on, why, and crisis mode's settings
    crisis_manage = "crisis:manage"  # crisis mode's thresholds, flow, backup teams; starting and ending a crisis
    reports_manage = "reports:manage"  # saving, changing, sharing and scheduling reports
    exports_read = "exports:read"  # raw cases and mentions in bulk (CSV, JSON), audited
    events_read = "events:read"  # the event feed (token scope read:events): every team's cases and customers
    subscriptions_manage = "subscriptions:manage"  # webhook subscriptions: targets, secrets, filters, deliveries


P = Permission
DESCRIPTIONS: dict[Permission, str] = {
    P.cases_read: "reading cases", P.cases_work: "working cases (claim, reply, close, notes, tags)",
    P.cases_approve: "approving or rejecting replies", P.cases_takeover: "taking over a claimed case",
    P.cases_transfer: "transferring cases between teams", P.mentions_read: "reading mentions and conversations",
    P.mentions_import: "importing mentions", P.customers_read: "reading customers",
    P.customers_write: "writing customer notes", P.customers_merge: "merging customers",
    P.audit_read: "reading case histories", P.auditlog_read: "reading and verifying the audit log",
    P.auditlog_checkpoint: "signing a checkpoint of the audit log", P.flows_read: "reading flows",
    P.flows_write: "editing and publishing flows",
    P.flows_backtest: "backtesting flows over history",
    P.teams_read: "reading teams and agents", P.agents_manage: "changing agents' capacity, skills and presence",
    P.agents_presence: "going online or offline",
    P.teams_manage: "creating and changing teams and their members", P.experts_read: "reading experts",
    P.experts_write: "adding experts", P.expert_requests_read: "reading expert requests",
    P.sources_read: "reading sources", P.sources_write: "creating and changing sources",
    P.histories_decode: "reading sealed Temporal histories", P.users_manage: "managing users",
    P.tokens_own: "managing one's own API tokens",
    P.canned_manage: "managing canned replies",
    P.analytics_read: "reading analytics (case and mention metrics)",
    P.analytics_manage: "setting share of voice's brand and competitor terms",
    P.crisis_read: "reading crisis mode's state and settings",
    P.crisis_manage: "setting crisis mode up, and starting and ending a crisis",
    P.reports_manage: "saving and scheduling reports",
    P.exports_read: "exporting raw cases and mentions",
    P.events_read: "reading the event feed", P.subscriptions_manage: "managing webhook subscriptions",
}

_READ = frozenset(p for p in P if p.value.endswith(":read"))
_AGENT = frozenset({P.cases_read, P.cases_work, P.mentions_read, P.customers_read, P.customers_write, P.audit_read,
                    P.flows_read, P.teams_read, P.agents_presence, P.experts_read, P.expert_requests_read,
                    P.tokens_own})
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.admin: frozenset(P),
    # The event feed carries every team's cases and customers: admins and auditors (and their tokens).
    Role.ops_lead: (_READ - {P.auditlog_read, P.events_read}) | {P.flows_write, P.flows_backtest, P.agents_manage,
                                                  P.agents_presence, P.experts_write, P.tokens_own, P.teams_manage,
                                                  P.canned_manage, P.crisis_manage, P.reports_manage,
                                                  P.analytics_manage},
    Role.supervisor: _AGENT | {P.cases_approve, P.cases_takeover, P.cases_transfer, P.customers_merge,
                               P.agents_manage, P.analytics_read, P.crisis_read, P.reports_manage, P.exports_read},
    Role.agent: _AGENT,
    Role.auditor: _READ | {P.histories_decode, P.auditlog_checkpoint, P.flows_backtest, P.tokens_own},
}
# Roles that work cases: each such user has an agent profile (team, capacity, skills) under the same id.
WORKING_ROLES = frozenset({Role.agent, Role.supervisor})


class ScopeError(ValueError):
    """A token scope that names nothing a token can hold."""


def scope_permissions(scope: str) -> tuple[frozenset[Permission], str | None]:
    """What one token scope grants: permissions, and for `import:SOURCE` the source it is bound to.

    Scopes are a permission (`cases:work`), `read:AREA` (`read:cases` = `cases:read`) or
    `import:SOURCE` (import into that source only).
    """
    kind, _, rest = scope.partition(":")
    if kind == "import" and rest:
        return frozenset({P.mentions_import}), rest
    if kind == "read" and f"{rest}:read" in P._value2member_map_:
        return frozenset({P(f"{rest}:read")}), None
    if scope in P._value2member_map_:
        return frozenset({P(scope)}), None
    areas = sorted({p.value.split(":")[0] for p in _READ})
    raise ScopeError(f"{scope!r} is not a scope: use a permission (e.g. cases:read), read:AREA ({', '.join(areas)}) "
                     "or import:SOURCE")
