import { describe, expect, it } from 'vitest';
import { apiErrorMessage, apiFieldErrors, submissionErrors } from './apiErrors';

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

    it("drops pydantic's \"Value error, \" before a check's own message", () => {
        const message = "imap_security 'none' would send the password in the clear";
        expect(apiErrorMessage({ detail: { code: 'invalid_config', message: `Value error, ${message}`, path: 'config' } })).toBe(
            message,
        );
        expect(apiErrorMessage({ detail: [{ loc: ['body', 'config'], msg: `Value error, ${message}` }] })).toBe(
            `config: ${message}`,
        );
        expect(apiFieldErrors({ detail: { message: `Value error, ${message}`, path: 'config' } })).toEqual([
            { path: 'config', message },
        ]);
    });

    it('accepts a plain string detail and falls back otherwise', () => {
        expect(apiErrorMessage({ detail: 'Not Found' })).toBe('Not Found');
        expect(apiErrorMessage(undefined, 'Conflict')).toBe('Conflict');
        expect(apiErrorMessage({ something: 'else' })).toBe('Request failed');
    });
});

describe('apiFieldErrors', () => {
    it("reads the typed error's list, its own path, and FastAPI's validation list", () => {
        expect(
            apiFieldErrors({
                detail: {
                    code: 'invalid_config',
                    message: 'Input should be a valid URL',
                    path: 'config.base_url',
                    errors: [
                        { code: 'invalid_config', path: 'config.base_url', message: 'Input should be a valid URL' },
                        { code: 'invalid_config', path: 'config.access_token', message: 'Field required' },
                    ],
                },
            }),
        ).toEqual([
            { path: 'config.base_url', message: 'Input should be a valid URL' },
            { path: 'config.access_token', message: 'Field required' },
        ]);
        expect(apiFieldErrors({ detail: { code: 'exists', message: 'a source named x exists', path: 'id' } })).toEqual([
            { path: 'id', message: 'a source named x exists' },
        ]);
        expect(apiFieldErrors({ detail: [{ loc: ['body', 'id'], msg: 'String should match pattern' }] })).toEqual([
            { path: 'id', message: 'String should match pattern' },
        ]);
        expect(apiFieldErrors({ detail: { code: 'bad', message: 'x', path: '/nodes/0/content' } })[0].path).toBe(
            'nodes.0.content',
        );
        expect(apiFieldErrors({ detail: 'Not Found' })).toEqual([]);
    });
});

describe('submissionErrors', () => {
    const fields = ['id', 'config.url', 'config.mapping'];

    it("nests each message under its field, for react-admin's form, and notifies the first", () => {
        const body = {
            detail: {
                code: 'invalid_config',
                message: 'Input should be a valid URL',
                path: 'config.url',
                errors: [{ path: 'config.url', message: 'Input should be a valid URL' }],
            },
        };
        expect(submissionErrors(body, fields)).toEqual({
            config: { url: 'Input should be a valid URL' },
            root: { serverError: 'Input should be a valid URL' },
        });
    });

    it('puts a nested path on the closest field, and what no field has in the notification', () => {
        const body = {
            detail: {
                code: 'invalid_config',
                message: 'Input should be a valid string',
                path: 'config.mapping.author',
                errors: [
                    { path: 'config.mapping.author', message: 'Input should be a valid string' },
                    { path: 'config', message: 'mapping names unknown field(s) txt' },
                ],
            },
        };
        expect(submissionErrors(body, fields)).toEqual({
            config: { mapping: 'Input should be a valid string' },
            root: { serverError: 'config: mapping names unknown field(s) txt' },
        });
    });

    it('is null when the body names no error', () => {
        expect(submissionErrors({ detail: 'Conflict' }, fields)).toBeNull();
        expect(submissionErrors(undefined, fields)).toBeNull();
    });
});
