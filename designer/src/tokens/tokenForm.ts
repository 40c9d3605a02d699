// Pure helpers for API tokens: no React, so they are tested directly.
import type { TokenCreatePayload } from '../dataProvider';
import type { ApiToken } from '../types';

export type TokenState = 'active' | 'expired' | 'revoked';

/** Revoked, or past its expiry, or working. */
export const tokenState = (token: Pick<ApiToken, 'revoked_at' | 'expires_at'>, now: number = Date.now()): TokenState => {
    if (token.revoked_at) return 'revoked';
    const expires = token.expires_at ? Date.parse(token.expires_at) : Number.NaN;
    return !Number.isNaN(expires) && expires <= now ? 'expired' : 'active';
};

/** Scopes as typed: trimmed, blanks and repeats left out, in the order typed. */
export const normalizeScopes = (scopes: readonly string[] | null | undefined): string[] => [
    ...new Set((scopes ?? []).map(scope => scope.trim()).filter(Boolean)),
];

/** Typed text that holds several scopes (pasted "cases:read, read:mentions"): one per word. */
export const splitScopes = (text: string): string[] => normalizeScopes(text.split(/[\s,]+/));

/**
 * The end of a day picked in the form (`YYYY-MM-DD`, the user's own time zone) as an instant with its zone,
 * which the API needs; a value with a time already is kept as it is. Blank: null (no expiry).
 */
export const expiryInstant = (value: string | null | undefined): string | null => {
    const text = (value ?? '').trim();
    if (!text) return null;
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const when = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 23, 59, 59) : new Date(text);
    return Number.isNaN(when.getTime()) ? text : when.toISOString();
};

export interface TokenFormValues {
    name?: string | null;
    scopes?: string[] | null;
    expires_at?: string | null;
}

/** POST /api/tokens */
export const createTokenPayload = (values: TokenFormValues): TokenCreatePayload => {
    const expires = expiryInstant(values.expires_at);
    return {
        name: (values.name ?? '').trim(),
        scopes: normalizeScopes(values.scopes),
        ...(expires ? { expires_at: expires } : {}),
    };
};

/**
 * Scopes to suggest: the user's own permissions (a token holds nothing beyond its owner's role), and
 * `read:AREA` for each area they read. `import:SOURCE` is typed by hand.
 */
export const scopeSuggestions = (permissions: readonly string[] | null | undefined): string[] => {
    const own = (permissions ?? []).filter(permission => permission !== 'tokens:own');
    const reads = own.filter(permission => permission.endsWith(':read')).map(permission => `read:${permission.slice(0, -5)}`);
    return [...own, ...reads].sort();
};

/** A token's day, for the form's check: today or later (the API refuses an expiry in the past). */
export const notInThePast = (value: unknown, now: number = Date.now()): string | undefined => {
    const instant = typeof value === 'string' ? expiryInstant(value) : null;
    if (!instant) return undefined;
    const when = Date.parse(instant);
    return !Number.isNaN(when) && when <= now ? 'Pick a day from today on: the token would be expired already' : undefined;
};
