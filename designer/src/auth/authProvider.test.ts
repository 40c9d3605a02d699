import { HttpError } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, makeMe, memoryStorage } from '../test/fakeAuthProvider';
import type { Role } from './access';
import { createAuthProvider, formatWait, LoginError, SESSION_EXPIRED_MESSAGE } from './authProvider';

const ada = makeMe('agent', { id: 'ada', agent_id: 'ada', teams: ['support'] });

/** The authProvider on a fake fetch answering each call with the next of `answers`. */
const setup = ({
    answers = [] as Response[],
    signedIn = true,
    clock = { now: 1_000_000 },
} = {}) => {
    const queue = [...answers];
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
        const next = queue.shift();
        if (!next) throw new Error('unexpected request');
        return next;
    });
    const storage = memoryStorage(signedIn ? { 'switchboard.signedIn': '1' } : {});
    const provider = createAuthProvider({
        fetch: fetch as unknown as typeof globalThis.fetch,
        storage,
        cacheMs: 10_000,
        now: () => clock.now,
    });
    const urls = () => fetch.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}`);
    return { provider, fetch, storage, clock, urls };
};

const apiError = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    jsonResponse(status, { detail: { code, message, path: '' } }, headers);

const httpError = (status: number, code: string, message: string) =>
    new HttpError(message, status, { detail: { code, message, path: '' } });

describe('authProvider: login and logout', () => {
    it('logs in with email, password and no second factor, and knows the user without asking again', async () => {
        const { provider, fetch, urls } = setup({
            signedIn: false,
            answers: [jsonResponse(200, { token: 'secret', expires_at: ada.expires_at, user: ada })],
        });
        await provider.login({ email: ' ada@example.com ', password: 'pw' });
        const [, init] = fetch.mock.calls[0];
        expect(JSON.parse(String(init?.body))).toEqual({ email: 'ada@example.com', password: 'pw', totp: null });
        expect(init?.credentials).toBe('same-origin');
        // The session is the login's answer: no GET /api/auth/me yet.
        await provider.checkAuth({});
        expect(await provider.getIdentity!()).toMatchObject({ id: 'ada', fullName: 'Ada Lovelace' });
        expect(await provider.getPermissions!({})).toEqual(ada);
        expect(urls()).toEqual(['POST /api/auth/login']);
    });

    it('sends the one-time code once the API asks for it', async () => {
        const { provider, fetch } = setup({
            signedIn: false,
            answers: [
                apiError(401, 'totp_required', 'enter the code from your authenticator app'),
                jsonResponse(200, { token: 't', expires_at: ada.expires_at, user: ada }),
            ],
        });
        const refused = await provider.login({ email: 'ada@example.com', password: 'pw' }).catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(LoginError);
        expect(refused).toMatchObject({ code: 'totp_required', status: 401, message: 'enter the code from your authenticator app' });
        await provider.login({ email: 'ada@example.com', password: 'pw', totp: ' 123456 ' });
        expect(JSON.parse(String(fetch.mock.calls[1][1]?.body))).toMatchObject({ totp: '123456' });
    });

    it("shows the API's message for a wrong password, and how long a lockout lasts", async () => {
        const { provider } = setup({
            signedIn: false,
            answers: [
                apiError(401, 'bad_credentials', 'wrong email or password'),
                apiError(429, 'locked', 'too many failed logins', { 'Retry-After': '120' }),
                apiError(429, 'locked', 'too many failed logins: try again in 30 s', { 'Retry-After': '30' }),
            ],
        });
        await expect(provider.login({ email: 'ada@example.com', password: 'nope' })).rejects.toMatchObject({
            code: 'bad_credentials',
            message: 'wrong email or password',
        });
        await expect(provider.login({ email: 'ada@example.com', password: 'nope' })).rejects.toMatchObject({
            code: 'locked',
            status: 429,
            retryAfter: 120,
            message: 'too many failed logins. Try again in 2 minutes.',
        });
        // The API's own message says how long already.
        await expect(provider.login({ email: 'ada@example.com', password: 'nope' })).rejects.toMatchObject({
            message: 'too many failed logins: try again in 30 s',
        });
        // Nobody is logged in: the check does not even ask the API.
        await expect(provider.checkAuth({})).rejects.toMatchObject({ message: false });
    });

    it('ends the session on the API at logout, and forgets the user', async () => {
        const { provider, urls } = setup({
            signedIn: false,
            answers: [jsonResponse(200, { token: 't', expires_at: ada.expires_at, user: ada }), new Response(null, { status: 204 })],
        });
        await provider.login({ email: 'ada@example.com', password: 'pw' });
        await provider.logout({});
        await expect(provider.checkAuth({})).rejects.toBeTruthy();
        expect(urls()).toEqual(['POST /api/auth/login', 'POST /api/auth/logout']);
        // Logging out again (react-admin does, on the login page) asks nothing more.
        await provider.logout({});
        expect(urls()).toHaveLength(2);
    });

    it('formats waits', () => {
        expect(formatWait(1)).toBe('1 second');
        expect(formatWait(30)).toBe('30 seconds');
        expect(formatWait(600)).toBe('10 minutes');
        expect(formatWait(3600)).toBe('1 hour');
    });
});

describe('authProvider: checkAuth and checkError', () => {
    it('asks GET /api/auth/me, then trusts it briefly', async () => {
        const { provider, clock, urls } = setup({ answers: [jsonResponse(200, ada), jsonResponse(200, ada)] });
        await provider.checkAuth({});
        await provider.checkAuth({});
        expect(await provider.canAccess!({ resource: 'cases', action: 'list' })).toBe(true);
        expect(urls()).toEqual(['GET /api/auth/me']);
        clock.now += 11_000;
        await provider.checkAuth({});
        expect(urls()).toEqual(['GET /api/auth/me', 'GET /api/auth/me']);
    });

    it('logs out on a 401 for an expired session, saying so', async () => {
        const { provider, urls } = setup({ answers: [jsonResponse(200, ada)] });
        await provider.checkAuth({});
        const error = await provider
            .checkError(httpError(401, 'session_expired', 'the session ended after 30 minutes without use'))
            .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message).toBe(SESSION_EXPIRED_MESSAGE);
        expect((error as { logoutUser?: boolean }).logoutUser).toBe(true);
        // The login page says why; the user is forgotten, so nothing more is asked.
        expect(provider.logoutNotice()).toBe(SESSION_EXPIRED_MESSAGE);
        await expect(provider.checkAuth({})).rejects.toBeTruthy();
        await provider.logout({});
        expect(urls()).toEqual(['GET /api/auth/me']);
        expect(provider.logoutNotice()).toBe(SESSION_EXPIRED_MESSAGE);
    });

    it("logs out on any other 401 with the API's message", async () => {
        const { provider } = setup();
        await expect(
            provider.checkError(httpError(401, 'not_authenticated', 'log in (POST /api/auth/login)')),
        ).rejects.toThrow('log in (POST /api/auth/login)');
    });

    it('keeps the session on a 403: the caller shows the refusal', async () => {
        const { provider, urls } = setup({ answers: [jsonResponse(200, ada)] });
        await provider.checkAuth({});
        await expect(
            provider.checkError(httpError(403, 'forbidden', 'your role (agent) does not allow approving replies')),
        ).resolves.toBeUndefined();
        await expect(provider.checkError(httpError(403, 'other_team', 'case c9 belongs to marketing'))).resolves.toBeUndefined();
        await expect(provider.checkError(httpError(500, 'boom', 'Internal error'))).resolves.toBeUndefined();
        await provider.checkAuth({});
        expect(urls()).toEqual(['GET /api/auth/me']);
        expect(provider.logoutNotice()).toBeNull();
    });

    it('learns of an expired session from GET /api/auth/me too', async () => {
        const { provider } = setup({ answers: [apiError(401, 'session_expired', 'expired')] });
        await expect(provider.checkAuth({})).rejects.toMatchObject({ message: false });
        expect(provider.logoutNotice()).toBe(SESSION_EXPIRED_MESSAGE);
    });

    it('forgets why the last session ended once someone logs in', async () => {
        const { provider } = setup({
            answers: [apiError(401, 'session_expired', 'expired'), jsonResponse(200, { token: 't', expires_at: null, user: ada })],
        });
        await provider.checkAuth({}).catch(() => undefined);
        await provider.login({ email: 'ada@example.com', password: 'pw' });
        expect(provider.logoutNotice()).toBeNull();
    });
});

describe('authProvider: canAccess', () => {
    const can = async (role: Role, resource: string, action: string, record?: Record<string, unknown>) => {
        const { provider } = setup({ answers: [jsonResponse(200, makeMe(role))] });
        return provider.canAccess!({ resource, action, record });
    };

    const MATRIX: [resource: string, action: string, allowed: Role[]][] = [
        ['cases', 'list', ['agent', 'supervisor', 'ops_lead', 'auditor', 'admin']],
        ['cases', 'reply', ['agent', 'supervisor', 'admin']],
        ['cases', 'approve', ['supervisor', 'admin']],
        ['cases', 'takeover', ['supervisor', 'admin']],
        ['cases', 'transfer', ['supervisor', 'admin']],
        ['case_events', 'list', ['agent', 'supervisor', 'ops_lead', 'auditor', 'admin']],
        ['customers', 'note', ['agent', 'supervisor', 'admin']],
        ['customers', 'merge', ['supervisor', 'admin']],
        ['flows', 'show', ['agent', 'supervisor', 'ops_lead', 'auditor', 'admin']],
        ['flows', 'activate', ['ops_lead', 'admin']],
        ['flow_drafts', 'create', ['ops_lead', 'admin']],
        ['flow_drafts', 'edit', ['ops_lead', 'admin']],
        ['flow_drafts', 'delete', ['ops_lead', 'admin']],
        ['agents', 'list', ['agent', 'supervisor', 'ops_lead', 'auditor', 'admin']],
        ['expert-requests', 'list', ['agent', 'supervisor', 'auditor', 'admin']],
        ['sources', 'list', ['ops_lead', 'auditor', 'admin']],
        ['sources', 'create', ['admin']],
        ['sources', 'edit', ['admin']],
        ['sources', 'poll', ['admin']],
        ['audit_entries', 'list', ['auditor', 'admin']],
        ['audit_entries', 'show', ['auditor', 'admin']],
        ['audit_entries', 'checkpoint', ['auditor', 'admin']],
        ['audit_entries', 'delete', []],
        ['cases', 'delete', []],
        ['nonsense', 'list', []],
    ];

    it.each(MATRIX)('%s %s: %j', async (resource, action, allowed) => {
        const roles: Role[] = ['agent', 'supervisor', 'ops_lead', 'auditor', 'admin'];
        const answers = await Promise.all(roles.map(role => can(role, resource, action)));
        expect(roles.filter((_, index) => answers[index])).toEqual(allowed);
    });

    it("limits a team's agent to their team's cases and those assigned to them", async () => {
        const { provider } = setup({ answers: [jsonResponse(200, ada)] });
        const canShow = (record: Record<string, unknown>) => provider.canAccess!({ resource: 'cases', action: 'show', record });
        expect(await canShow({ id: 'c1', team_id: 'support', assignee_id: null })).toBe(true);
        expect(await canShow({ id: 'c2', team_id: 'marketing', assignee_id: null })).toBe(false);
        expect(await canShow({ id: 'c3', team_id: 'marketing', assignee_id: 'ada' })).toBe(true);
    });

    it('lets an agent change only their own presence', async () => {
        const { provider } = setup({ answers: [jsonResponse(200, ada)] });
        expect(await provider.canAccess!({ resource: 'agents', action: 'presence', record: { id: 'ada' } })).toBe(true);
        expect(await provider.canAccess!({ resource: 'agents', action: 'presence', record: { id: 'grace' } })).toBe(false);
        expect(await provider.canAccess!({ resource: 'agents', action: 'edit', record: { id: 'ada' } })).toBe(false);
    });

    it('denies everything when nobody is logged in', async () => {
        const { provider, fetch } = setup({ signedIn: false });
        expect(await provider.canAccess!({ resource: 'cases', action: 'list' })).toBe(false);
        expect(fetch).not.toHaveBeenCalled();
    });
});
