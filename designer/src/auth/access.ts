// Who may do what: the API's permissions (`GET /api/auth/me` lists the caller's), and which one each
// react-admin resource and action needs. The API checks every request itself; this only decides what the
// designer shows, so nobody is offered a button the API would refuse.
export const PERMISSIONS = [
    'cases:read',
    'cases:work',
    'cases:approve',
    'cases:takeover',
    'cases:transfer',
    'mentions:read',
    'mentions:import',
    'customers:read',
    'customers:write',
    'customers:merge',
    'audit:read',
    'auditlog:read',
    'auditlog:checkpoint',
    'flows:read',
    'flows:write',
    'flows:backtest',
    'teams:read',
    'agents:manage',
    'agents:presence',
    'teams:manage',
    'experts:read',
    'experts:write',
    'expert_requests:read',
    'sources:read',
    'sources:write',
    'histories:decode',
    'users:manage',
    'canned:manage',
    'tokens:own',
    'analytics:read',
    'analytics:manage',
    'crisis:read',
    'crisis:manage',
    'reports:manage',
    'exports:read',
    'events:read',
    'subscriptions:manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export type Role = 'agent' | 'supervisor' | 'ops_lead' | 'admin' | 'auditor';

export const ROLE_LABELS: Record<Role, string> = {
    agent: 'Agent',
    supervisor: 'Supervisor',
    ops_lead: 'Ops lead',
    admin: 'Admin',
    auditor: 'Auditor',
};

export const roleLabel = (role: string | undefined): string =>
    role ? ROLE_LABELS[role as Role] ?? role.replace(/_/g, ' ') : '';

/** `GET /api/auth/me`: the logged-in user. */
export interface Me {
    id: string;
    email: string;
    name: string;
    role: Role;
    /** Teams whose cases the user sees; empty: every team. */
    teams: string[];
    permissions: string[];
    /** The user's agent profile (same id), for those who work cases; null for the others. */
    agent_id: string | null;
    idle_timeout_seconds: number | null;
    expires_at: string | null;
    /** The user logs in with an authenticator code too. */
    second_factor?: boolean;
    /** Their role must use an authenticator and they have none yet: the API allows nothing but setting one up. */
    second_factor_required?: boolean;
    /** The Temporal UI, for those who may read histories (histories:decode); null when the API does not know it. */
    temporal_ui_url?: string | null;
    /** The cases' Temporal namespace, given with the UI's address. */
    temporal_namespace?: string | null;
}

/** Actions that only read: react-admin's list and show pages, and `read` for anything else read-only. */
const READ_ACTIONS = new Set(['list', 'show', 'read', 'export']);

/** The permission to read each resource. */
const READ: Record<string, Permission> = {
    cases: 'cases:read',
    mentions: 'mentions:read',
    conversations: 'mentions:read',
    customers: 'customers:read',
    case_events: 'audit:read',
    audit_entries: 'auditlog:read',
    flows: 'flows:read',
    flow_drafts: 'flows:read',
    teams: 'teams:read',
    agents: 'teams:read',
    experts: 'experts:read',
    'expert-requests': 'expert_requests:read',
    sources: 'sources:read',
    users: 'users:manage',
    tokens: 'tokens:own',
    analytics: 'analytics:read',
    // Its pages are for those who keep them; the composer reads them with cases:read (CannedReplyButton).
    canned_replies: 'canned:manage',
    crisis: 'crisis:read',
    reports: 'analytics:read',
    subscriptions: 'subscriptions:manage',
    subscription_deliveries: 'subscriptions:manage',
};

/** The permission each changing action needs, per resource. */
const WRITE: Record<string, Record<string, Permission>> = {
    cases: {
        // cases:work: claim, reply, close, pending, notes, tags, expert hand-off, presence
        work: 'cases:work',
        claim: 'cases:work',
        reply: 'cases:work',
        close: 'cases:work',
        pending: 'cases:work',
        note: 'cases:work',
        tags: 'cases:work',
        expert: 'cases:work',
        presence: 'cases:work',
        approve: 'cases:approve',
        reject: 'cases:approve',
        takeover: 'cases:takeover',
        transfer: 'cases:transfer',
        // Its history with the payloads opened: the case bundle, its workflow in the Temporal UI.
        history: 'histories:decode',
    },
    mentions: { import: 'mentions:import' },
    customers: { note: 'customers:write', edit: 'customers:write', merge: 'customers:merge' },
    flows: { activate: 'flows:write' },
    flow_drafts: { create: 'flows:write', edit: 'flows:write', delete: 'flows:write', publish: 'flows:write' },
    agents: { edit: 'agents:manage', move: 'teams:manage' },
    teams: { create: 'teams:manage', edit: 'teams:manage' },
    experts: { create: 'experts:write', edit: 'experts:write' },
    sources: { create: 'sources:write', edit: 'sources:write', poll: 'sources:write', webhook_token: 'sources:write' },
    users: { create: 'users:manage', edit: 'users:manage' },
    canned_replies: { create: 'canned:manage', edit: 'canned:manage', delete: 'canned:manage' },
    tokens: { create: 'tokens:own', delete: 'tokens:own' },
    reports: { create: 'reports:manage', edit: 'reports:manage', delete: 'reports:manage' },
    subscriptions: {
        create: 'subscriptions:manage',
        edit: 'subscriptions:manage',
        delete: 'subscriptions:manage',
        test: 'subscriptions:manage',
    },
    // Verifying the log only reads it (auditlog:read, as its list); signing its head takes its own permission.
    audit_entries: { checkpoint: 'auditlog:checkpoint' },
    crisis: { manage: 'crisis:manage' },
    // What analytics count by: share of voice's brand and competitor terms.
    analytics: { manage: 'analytics:manage' },
};

/** The permission `action` on `resource` needs, or null when the designer knows no such thing (then: denied). */
export const requiredPermission = (resource: string, action: string): Permission | null =>
    READ_ACTIONS.has(action) ? READ[resource] ?? null : WRITE[resource]?.[action] ?? null;

export const hasPermission = (me: Me | null | undefined, permission: Permission): boolean =>
    Boolean(me?.permissions?.includes(permission));

/** A user scoped to teams sees their teams' cases and the cases assigned to them (as the API decides). */
type AnyRecord = Record<string, unknown>;

const seesCase = (me: Me, record: AnyRecord | undefined): boolean => {
    if (!record || !me.teams?.length) return true;
    const team = record.team_id as string | null | undefined;
    const assignee = record.assignee_id as string | null | undefined;
    if (team != null && me.teams.includes(team)) return true;
    return assignee != null && (assignee === me.id || assignee === me.agent_id);
};

/**
 * Whether `me` may do `action` on `resource` (optionally on one `record`): react-admin's `canAccess`.
 * Unknown resources and actions are denied. An agent's own presence needs only `agents:presence`.
 */
export const canDo = (
    me: Me | null | undefined,
    { resource, action, record }: { resource: string; action: string; record?: AnyRecord },
): boolean => {
    if (!me) return false;
    if (resource === 'agents' && action === 'presence') {
        if (hasPermission(me, 'agents:manage')) return true;
        return hasPermission(me, 'agents:presence') && record != null && record.id === me.agent_id;
    }
    const permission = requiredPermission(resource, action);
    if (!permission || !hasPermission(me, permission)) return false;
    if (resource === 'cases' && !seesCase(me, record)) return false;
    return true;
};
