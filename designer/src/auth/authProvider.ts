// react-admin's authProvider on the API's sessions: `POST /api/auth/login` sets an HttpOnly cookie that
// every later request (same origin) carries; the designer never sees or keeps the token itself.
import type { AuthProvider, UserIdentity } from 'react-admin';
import { apiErrorMessage } from '../apiErrors';
import { canDo, roleLabel } from './access';
import type { Me } from './access';

export const SESSION_EXPIRED_MESSAGE = 'Your session expired after inactivity; log in again';

/** The API's typed error code (`{"detail": {"code": ...}}`), if any. */
export const apiErrorCode = (body: unknown): string | undefined => {
    if (typeof body !== 'object' || body === null) return undefined;
    const detail = (body as { detail?: unknown }).detail;
    if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return undefined;
    const code = (detail as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
};

/** "30 seconds", "2 minutes", "1 hour": how long a lockout lasts. */
export const formatWait = (seconds: number): string => {
    const unit = (value: number, name: string) => `${value} ${name}${value === 1 ? '' : 's'}`;
    if (seconds < 90) return unit(Math.max(1, Math.round(seconds)), 'second');
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return unit(minutes, 'minute');
    return unit(Math.round(seconds / 3600), 'hour');
};

/** Why a login was refused: `code` is the API's (`bad_credentials`, `totp_required`, `locked`, ...). */
export class LoginError extends Error {
    readonly code: string | undefined;
    readonly status: number;
    readonly retryAfter: number | null;

    constructor(message: string, status: number, code?: string, retryAfter: number | null = null) {
        super(message);
        this.name = 'LoginError';
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }
}

/** A refusal of `GET /api/auth/me` (the session is gone). */
class SessionError extends Error {
    readonly code: string | undefined;

    constructor(message: string, code?: string) {
        super(message);
        this.code = code;
    }
}

export interface LoginParams {
    email: string;
    password: string;
    totp?: string | null;
}

/** `POST /api/auth/totp`: the key for an authenticator app, shown this once. */
export interface SecondFactorSetup {
    secret: string;
    /** The same key as an otpauth:// link. */
    uri: string;
}

export interface SwitchboardAuthProvider extends AuthProvider {
    /** Begins setting up an authenticator app for the logged-in user. */
    startSecondFactor: () => Promise<SecondFactorSetup>;
    /** Turns the authenticator on with a code it shows now; from the next login on, its code is asked for. */
    confirmSecondFactor: (code: string) => Promise<void>;
    /** Why the last session ended (expired, or the API's message), for the login page, until the next login. */
    logoutNotice: () => string | null;
}

export interface AuthProviderOptions {
    apiUrl?: string;
    fetch?: typeof fetch;
    /** Where the "a session may be open" hint is kept (the cookie itself is out of the designer's reach). */
    storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
    /** How long `GET /api/auth/me` is trusted before it is asked again. */
    cacheMs?: number;
    now?: () => number;
}

const HINT_KEY = 'switchboard.signedIn';
const NOTICE_KEY = 'switchboard.logoutNotice';

const defaultStorage = () => {
    try {
        return typeof window !== 'undefined' ? window.localStorage : null;
    } catch {
        return null; // storage blocked: every check asks the API
    }
};

const readJson = async (response: Response): Promise<unknown> => {
    const text = await response.text();
    if (!text) return null;
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
};

export const createAuthProvider = ({
    apiUrl = '/api',
    fetch: fetchImpl = (...args: Parameters<typeof fetch>) => fetch(...args),
    storage = defaultStorage(),
    cacheMs = 15_000,
    now = Date.now,
}: AuthProviderOptions = {}): SwitchboardAuthProvider => {
    let cached: { me: Me; at: number } | null = null;
    let inflight: Promise<Me> | null = null;
    // Bumped on every login and logout, so an answer to an older `me` request is not cached.
    let generation = 0;
    // Without storage, the hint lives here (tests, or blocked storage).
    const memory: Record<string, string> = {};

    const get = (key: string) => (storage ? storage.getItem(key) : memory[key] ?? null);
    const set = (key: string, value: string) => (storage ? storage.setItem(key, value) : (memory[key] = value));
    const remove = (key: string) => (storage ? storage.removeItem(key) : delete memory[key]);

    const forget = () => {
        generation += 1;
        cached = null;
        inflight = null;
        remove(HINT_KEY);
    };

    /** The session ended: say why on the login page. */
    const sessionEnded = (code: string | undefined, message: string) => {
        forget();
        const notice = code === 'session_expired' ? SESSION_EXPIRED_MESSAGE : message;
        set(NOTICE_KEY, notice);
        return notice;
    };

    const fetchMe = async (): Promise<Me> => {
        const asked = generation;
        const response = await fetchImpl(`${apiUrl}/auth/me`, {
            credentials: 'same-origin',
            headers: { Accept: 'application/json' },
        });
        const body = await readJson(response);
        if (!response.ok) {
            const code = apiErrorCode(body);
            const message = apiErrorMessage(body, `The API answered ${response.status}`);
            if (response.status === 401) throw new SessionError(sessionEnded(code, message), code);
            throw new Error(message);
        }
        const me = body as Me;
        if (asked === generation) cached = { me, at: now() };
        return me;
    };

    /** The logged-in user: cached for `cacheMs`; one request at a time. */
    const getMe = async (): Promise<Me> => {
        if (cached && now() - cached.at < cacheMs) return cached.me;
        if (get(HINT_KEY) === null) {
            // Nobody logged in from this browser: no need to ask the API (and log a 401).
            throw new SessionError('Log in to continue', 'not_authenticated');
        }
        if (!inflight) {
            inflight = fetchMe().finally(() => {
                inflight = null;
            });
        }
        return inflight;
    };

    return {
        login: async ({ email, password, totp }: LoginParams) => {
            const response = await fetchImpl(`${apiUrl}/auth/login`, {
                method: 'POST',
                credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify({ email: email.trim(), password, totp: totp?.trim() ? totp.trim() : null }),
            });
            const body = await readJson(response);
            if (!response.ok) {
                const code = apiErrorCode(body);
                let message = apiErrorMessage(body, `Login failed (${response.status})`);
                const retryHeader = response.headers.get('Retry-After');
                const retryAfter = retryHeader && /^\d+$/.test(retryHeader.trim()) ? Number(retryHeader) : null;
                // A lockout says how long it lasts (unless the API's message does already).
                if ((code === 'locked' || response.status === 429) && retryAfter !== null && !/try again/i.test(message)) {
                    message = `${message.replace(/\.?\s*$/, '.')} Try again in ${formatWait(retryAfter)}.`;
                }
                throw new LoginError(message, response.status, code, retryAfter);
            }
            const answer = body as { user: Me };
            forget();
            cached = { me: answer.user, at: now() };
            set(HINT_KEY, '1');
            remove(NOTICE_KEY);
        },

        logout: async () => {
            const signedIn = get(HINT_KEY) !== null;
            forget();
            // The session already ended (or never began): nothing to end on the API, and the notice says why.
            if (!signedIn) return;
            remove(NOTICE_KEY);
            try {
                await fetchImpl(`${apiUrl}/auth/logout`, { method: 'POST', credentials: 'same-origin' });
            } catch {
                // Offline: the cookie ends with its session anyway.
            }
        },

        checkAuth: async () => {
            try {
                await getMe();
            } catch (error) {
                // The login page says why (see logoutNotice); no notification on top of it.
                throw { message: false, cause: error };
            }
        },

        checkError: async (error: unknown) => {
            const status = (error as { status?: unknown } | null)?.status;
            if (status === 401) {
                const body = (error as { body?: unknown }).body;
                const fallback = error instanceof Error && error.message ? error.message : 'Log in again';
                const notice = sessionEnded(apiErrorCode(body), apiErrorMessage(body, fallback));
                throw Object.assign(new Error(notice), { logoutUser: true });
            }
            // 403 (`forbidden`, `other_team`): the session is fine, the request was not; the caller says so.
        },

        getIdentity: async (): Promise<UserIdentity> => {
            let me: Me;
            try {
                me = await getMe();
            } catch (error) {
                // Nobody logged in: nobody to show (react-query would retry a rejection for seconds first).
                if (error instanceof SessionError) return { id: '' };
                throw error;
            }
            return { id: me.id, fullName: me.name, email: me.email, role: me.role, roleLabel: roleLabel(me.role) };
        },

        // Nobody logged in has no permissions (null); react-query would retry a rejection for seconds first.
        getPermissions: async () => {
            try {
                return await getMe();
            } catch (error) {
                if (error instanceof SessionError) return null;
                throw error;
            }
        },

        canAccess: async ({ resource, action, record }) => {
            try {
                return canDo(await getMe(), { resource, action, record });
            } catch {
                return false;
            }
        },

        logoutNotice: () => get(NOTICE_KEY),

        startSecondFactor: async () => {
            const response = await fetchImpl(`${apiUrl}/auth/totp`, {
                method: 'POST',
                credentials: 'same-origin',
                headers: { Accept: 'application/json' },
            });
            const body = await readJson(response);
            if (!response.ok) throw new Error(apiErrorMessage(body, `The API answered ${response.status}`));
            return body as SecondFactorSetup;
        },

        confirmSecondFactor: async (code: string) => {
            const response = await fetchImpl(`${apiUrl}/auth/totp/confirm`, {
                method: 'POST',
                credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify({ code: code.trim() }),
            });
            if (!response.ok) {
                throw new Error(apiErrorMessage(await readJson(response), `The API answered ${response.status}`));
            }
            // What the user may do changed: ask the API again.
            cached = null;
        },
    };
};

export const authProvider = createAuthProvider();
