import { describe, expect, it } from 'vitest';
import { apiErrorMessage } from './apiErrors';

describe('apiErrorMessage', () => {
    it('reads the typed error shape', () => {
        expect(
            apiErrorMessage({ detail: { code: 'case_closed', message: 'Case c1 is closed', path: '/status' } }),
        ).toBe('Case c1 is closed');
    });

    it('joins FastAPI validation errors with their field', () => {
        expect(
            apiErrorMessage({
                detail: [
                    { loc: ['body', 'text'], msg: 'String should have at least 1 character', type: 'string_too_short' },
                    { loc: ['body', 'reason'], msg: "Input should be 'resolved', 'no_action' or 'spam'", type: 'enum' },
                ],
            }),
        ).toBe("text: String should have at least 1 character; reason: Input should be 'resolved', 'no_action' or 'spam'");
    });

    it('accepts a plain string detail and falls back otherwise', () => {
        expect(apiErrorMessage({ detail: 'Not Found' })).toBe('Not Found');
        expect(apiErrorMessage(undefined, 'Conflict')).toBe('Conflict');
        expect(apiErrorMessage({ something: 'else' })).toBe('Request failed');
    });
});
