import { describe, expect, it } from 'vitest';
import { TOKEN_FORM_FIELDS } from '../dataProvider';
import {
    createTokenPayload,
    expiryInstant,
    normalizeScopes,
    notInThePast,
    scopeSuggestions,
    splitScopes,
    tokenState,
} from './tokenForm';

describe('tokenState', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');

    it('is revoked once revoked, expired past its expiry, else active', () => {
        expect(tokenState({ revoked_at: '2026-12-01T00:00:00Z', expires_at: null }, now)).toBe('revoked');
        expect(tokenState({ revoked_at: null, expires_at: '2026-12-03T11:59:59Z' }, now)).toBe('expired');
        expect(tokenState({ revoked_at: null, expires_at: '2026-12-04T00:00:00Z' }, now)).toBe('active');
        expect(tokenState({ revoked_at: null, expires_at: null }, now)).toBe('active');
    });
});

describe('scopes', () => {
    it('keeps each scope once, trimmed, in the order typed', () => {
        expect(normalizeScopes([' cases:read', 'read:mentions', 'cases:read', ''])).toEqual(['cases:read', 'read:mentions']);
        expect(splitScopes('cases:read, read:mentions  import:twitter,')).toEqual([
            'cases:read',
            'read:mentions',
            'import:twitter',
        ]);
    });

    it("suggests the user's own permissions and read:AREA for what they read", () => {
        expect(scopeSuggestions(['cases:read', 'cases:work', 'mentions:read', 'tokens:own'])).toEqual([
            'cases:read',
            'cases:work',
            'mentions:read',
            'read:cases',
            'read:mentions',
        ]);
        expect(scopeSuggestions(undefined)).toEqual([]);
    });

    it("names every field the API's refusals do", () => {
        expect([...TOKEN_FORM_FIELDS]).toEqual(['name', 'scopes', 'expires_at']);
    });
});

describe('expiry', () => {
    it("ends a picked day at 23:59:59 of the user's own time, with the zone the API needs", () => {
        const instant = expiryInstant('2027-01-31') as string;
        expect(instant).toMatch(/Z$/);
        const when = new Date(instant);
        expect([when.getFullYear(), when.getMonth(), when.getDate(), when.getHours(), when.getMinutes()]).toEqual([
            2027, 0, 31, 23, 59,
        ]);
        expect(expiryInstant('2027-01-31T10:00:00Z')).toBe('2027-01-31T10:00:00.000Z');
        expect(expiryInstant('')).toBeNull();
        expect(expiryInstant(null)).toBeNull();
    });

    it('refuses a day already over', () => {
        const now = Date.parse('2026-12-03T12:00:00Z');
        expect(notInThePast('2026-11-30', now)).toMatch(/expired already/);
        expect(notInThePast('2027-01-01', now)).toBeUndefined();
        expect(notInThePast('', now)).toBeUndefined();
    });

    it('sends a token without an expiry when none is picked', () => {
        expect(createTokenPayload({ name: ' nightly ', scopes: ['read:cases', ' read:cases '] })).toEqual({
            name: 'nightly',
            scopes: ['read:cases'],
        });
        expect(createTokenPayload({ name: 'x', scopes: ['read:cases'], expires_at: '2027-01-31' })).toHaveProperty('expires_at');
    });
});
