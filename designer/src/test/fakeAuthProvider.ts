import { vi } from 'vitest';
import { PERMISSIONS } from '../auth/access';
import type { Me, Permission, Role } from '../auth/access';
import { createAuthProvider } from '../auth/authProvider';

const READS = PERMISSIONS.filter(permission => permission.endsWith(':read'));
const AGENT: Permission[] = [
    'cases:read',
    'cases:work',
    'mentions:read',
    'customers:read',
    'customers:write',
    'audit:read',
    'flows:read',
    'teams:read',
    'agents:presence',
    'experts:read',
    'expert_requests:read',
    'tokens:own',
];

/** What each role may do, as the API grants it (api/auth/permissions.py). */
export const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
    admin: [...PERMISSIONS],
    ops_lead: [
        ...READS.filter(
            permission => permission !== 'expert_requests:read' && permission !== 'auditlog:read' && permission !== 'events:read',
        ),
        'flows:write',
        'agents:manage',
        'agents:presence',
        'experts:write',
        'tokens:own',
        'teams:manage',
        'canned:manage',
        'crisis:manage',
        'reports:manage',
        'analytics:manage',
    ],
    supervisor: [
        ...AGENT,
        'cases:approve',
        'cases:takeover',
        'cases:transfer',
        'customers:merge',
        'agents:manage',
        'analytics:read',
        'crisis:read',
        'reports:manage',
        'exports:read',
    ],
    agent: AGENT,
    auditor: [...READS, 'histories:decode', 'auditlog:checkpoint', 'tokens:own'],
};

export const makeMe = (role: Role, overrides: Partial<Me> = {}): Me => ({
    id: role,
    email: `${role}@example.com`,
    name: { admin: 'Alex Admin', ops_lead: 'Olivia Ops', supervisor: 'Sofia K', agent: 'Ada Lovelace', auditor: 'Audrey Audit' }[role],
    role,
    teams: [],
    permissions: ROLE_PERMISSIONS[role],
    agent_id: role === 'agent' || role === 'supervisor' ? role : null,
    idle_timeout_seconds: 1800,
    expires_at: '2999-01-01T00:00:00+00:00',
    ...overrides,
});

/** An agent of team t1 whose agent profile is `a1`, as in the fixtures' cases. */
export const ada = makeMe('agent', { id: 'a1', agent_id: 'a1', teams: ['t1'] });

export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(body === null ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json', ...headers },
    });

export const memoryStorage = (initial: Record<string, string> = {}) => {
    const items = new Map(Object.entries(initial));
    return {
        getItem: (key: string) => items.get(key) ?? null,
        setItem: (key: string, value: string) => void items.set(key, value),
        removeItem: (key: string) => void items.delete(key),
    };
};

/**
 * The real authProvider on a fake API: `me` is logged in (unless `signedIn` is false). `fetch` is a spy; login
 * succeeds for `me.email` with the password "right".
 */
export const fakeAuthProvider = (me: Me = makeMe('admin'), { signedIn = true }: { signedIn?: boolean } = {}) => {
    let current: Me | null = signedIn ? me : null;
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (url.endsWith('/auth/me')) {
            return current
                ? jsonResponse(200, current)
                : jsonResponse(401, { detail: { code: 'not_authenticated', message: 'log in', path: '' } });
        }
        if (url.endsWith('/auth/login')) {
            const body = JSON.parse(String(init?.body)) as { email: string; password: string };
            if (body.email === me.email && body.password === 'right') {
                current = me;
                return jsonResponse(200, { token: 't', expires_at: me.expires_at, user: me });
            }
            return jsonResponse(401, { detail: { code: 'bad_credentials', message: 'wrong email or password', path: 'password' } });
        }
        if (url.endsWith('/auth/totp')) {
            return jsonResponse(200, { secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/Switchboard:me?secret=JBSWY3DPEHPK3PXP' });
        }
        if (url.endsWith('/auth/totp/confirm')) {
            const { code } = JSON.parse(String(init?.body)) as { code: string };
            if (code !== '123456' || !current) {
                return jsonResponse(422, { detail: { code: 'bad_totp', message: 'that code does not match', path: 'code' } });
            }
            current = { ...current, second_factor: true, second_factor_required: false };
            return new Response(null, { status: 204 });
        }
        if (url.endsWith('/auth/logout')) {
            current = null;
            return new Response(null, { status: 204 });
        }
        return jsonResponse(404, { detail: 'not found' });
    });
    const provider = createAuthProvider({
        fetch: fetch as unknown as typeof globalThis.fetch,
        storage: memoryStorage(signedIn ? { 'switchboard.signedIn': '1' } : {}),
    });
    // Every permission check asked so far, so a test can wait for all answers before saying what is not shown.
    const checks: Promise<unknown>[] = [];
    const canAccess = provider.canAccess!;
    provider.canAccess = params => {
        const answer = canAccess(params);
        checks.push(answer);
        return answer;
    };
    /** Resolves once every permission check asked so far has its answer, and react has shown it. */
    const settled = async () => {
        let asked = -1;
        while (asked !== checks.length) {
            asked = checks.length;
            await Promise.allSettled(checks);
            await new Promise(resolve => setTimeout(resolve, 20));
        }
    };
    return Object.assign(provider, { fetch, settled });
};
