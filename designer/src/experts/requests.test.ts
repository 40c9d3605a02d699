import { describe, expect, it } from 'vitest';
import { expertLinkToken, expertLinkUrl, formatLinkExpiry, linkProblemTitle, requestState } from './requests';

describe('requestState', () => {
    const now = Date.parse('2025-01-03T00:00:00Z');

    it('is answered once answered, even late', () => {
        expect(
            requestState({ answered_at: '2025-01-04T00:00:00Z', overdue: true, due_at: '2025-01-02T00:00:00Z' }, now),
        ).toBe('answered');
    });

    it('is overdue by the flag or by the clock', () => {
        expect(requestState({ answered_at: null, overdue: true, due_at: '2025-01-09T00:00:00Z' }, now)).toBe('overdue');
        expect(requestState({ answered_at: null, overdue: false, due_at: '2025-01-02T00:00:00Z' }, now)).toBe('overdue');
    });

    it('is waiting before its due time', () => {
        expect(requestState({ answered_at: null, overdue: false, due_at: '2025-01-09T00:00:00Z' }, now)).toBe('waiting');
    });
});

describe('expert links', () => {
    it("makes the full link from the API's, on the designer's origin", () => {
        const url = '/#/expert-requests/abc123?token=1797491109.GMPG-qr_J';
        expect(expertLinkUrl(url, 'https://care.example.com')).toBe(
            'https://care.example.com/#/expert-requests/abc123?token=1797491109.GMPG-qr_J',
        );
        expect(expertLinkUrl('#/expert-requests/x?token=t', 'http://127.0.0.1:8000')).toBe(
            'http://127.0.0.1:8000/#/expert-requests/x?token=t',
        );
        // A full link (an API behind another origin) is kept as it is.
        expect(expertLinkUrl('https://care.example.com/#/expert-requests/x?token=t', 'http://localhost')).toBe(
            'https://care.example.com/#/expert-requests/x?token=t',
        );
    });

    it("reads the token from the page's query, untouched", () => {
        expect(expertLinkToken('?token=1797491109.GMPG-qr_J')).toBe('1797491109.GMPG-qr_J');
        expect(expertLinkToken('?a=1&token=t%2Bx')).toBe('t+x');
        expect(expertLinkToken('')).toBe('');
        expect(expertLinkToken('?token=')).toBe('');
    });

    it("names each of the API's link problems, and nothing else", () => {
        expect(linkProblemTitle('link_missing')).toBe('This link is incomplete');
        expect(linkProblemTitle('link_invalid')).toBe('This link does not work');
        expect(linkProblemTitle('link_expired')).toBe('This link has expired');
        expect(linkProblemTitle('not_found')).toBeNull();
        expect(linkProblemTitle(undefined)).toBeNull();
    });

    it('says when a link stops working, in the given locale', () => {
        expect(formatLinkExpiry('2026-12-17T07:05:09Z', 'en-GB')).toMatch(/17 Dec 2026/);
        expect(formatLinkExpiry('not a date')).toBe('not a date');
    });
});
