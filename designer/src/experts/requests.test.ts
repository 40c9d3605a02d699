import { describe, expect, it } from 'vitest';
import { expertRequestPath, expertRequestUrl, requestState } from './requests';

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

describe('expert request links', () => {
    it('routes to the request page under the hash', () => {
        expect(expertRequestPath('abc123')).toBe('/expert-requests/abc123');
        expect(expertRequestPath('a/b')).toBe('/expert-requests/a%2Fb');
        expect(expertRequestUrl('abc123', { origin: 'https://care.example.com', pathname: '/' })).toBe(
            'https://care.example.com/#/expert-requests/abc123',
        );
    });
});
