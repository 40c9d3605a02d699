import { describe, expect, it } from 'vitest';
import { formatContent, parseContent } from './contentJson';

describe('node content JSON', () => {
    it('round-trips formatted content', () => {
        const content = { needs_response: { '==': [{ var: 'kind' }, 'question'] } };
        const text = formatContent(content);
        expect(text).toContain('\n  "needs_response"');
        expect(parseContent(text)).toEqual({ ok: true, value: content });
        expect(formatContent(undefined)).toBe('{}');
    });

    it('reports syntax errors', () => {
        const parsed = parseContent('{"a": ');
        expect(parsed.ok).toBe(false);
        expect(parsed.ok ? '' : parsed.error).not.toBe('');
    });

    it('wants a JSON object', () => {
        expect(parseContent('[1]')).toEqual({ ok: false, error: 'Content must be a JSON object' });
        expect(parseContent('null')).toEqual({ ok: false, error: 'Content must be a JSON object' });
        expect(parseContent('42')).toEqual({ ok: false, error: 'Content must be a JSON object' });
        expect(parseContent('  ')).toMatchObject({ ok: false });
    });
});
