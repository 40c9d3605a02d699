// Text operators, mirroring engine/rules/library/text.py and regex.py: every
// predicate ignores case and is false for a non-string subject or an empty needle.

const WORD_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
// Python checks the pattern when the rule is compiled; here only the subject is capped.
export const MAX_REGEX_SUBJECT = 10_000;

function lowered(subject: unknown, needle: unknown): [string, string] | null {
    if (typeof subject === 'string' && typeof needle === 'string' && needle.length > 0) {
        return [subject.toLowerCase(), needle.toLowerCase()];
    }
    return null;
}

export function contains(subject: unknown, needle: unknown): boolean {
    const pair = lowered(subject, needle);
    return pair !== null && pair[0].includes(pair[1]);
}

export function containsAny(subject: unknown, needles: unknown): boolean {
    return Array.isArray(needles) && needles.some((needle) => contains(subject, needle));
}

export function startsWith(subject: unknown, prefix: unknown): boolean {
    const pair = lowered(subject, prefix);
    return pair !== null && pair[0].startsWith(pair[1]);
}

export function endsWith(subject: unknown, suffix: unknown): boolean {
    const pair = lowered(subject, suffix);
    return pair !== null && pair[0].endsWith(pair[1]);
}

// The whole code point before `index` (JS strings count UTF-16 units; Python counts code points).
function pointBefore(text: string, index: number): string {
    if (index <= 0) return '';
    const unit = text.charCodeAt(index - 1);
    if (unit >= 0xdc00 && unit <= 0xdfff && index >= 2) {
        const high = text.charCodeAt(index - 2);
        if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
    }
    return text.slice(index - 1, index);
}

function pointAt(text: string, index: number): string {
    const point = text.codePointAt(index);
    return point === undefined ? '' : String.fromCodePoint(point);
}

export function word(subject: unknown, needle: unknown): boolean {
    const pair = lowered(subject, needle);
    if (pair === null) return false;
    const [text, target] = pair;
    let start = text.indexOf(target);
    while (start !== -1) {
        const end = start + target.length;
        if (!WORD_CHAR.test(pointBefore(text, start)) && !WORD_CHAR.test(pointAt(text, end))) return true;
        start = text.indexOf(target, start + 1);
    }
    return false;
}

export function lower(value: unknown): string | null {
    return typeof value === 'string' ? value.toLowerCase() : null;
}

export function upper(value: unknown): string | null {
    return typeof value === 'string' ? value.toUpperCase() : null;
}

const patterns = new Map<string, RegExp>();

export function regex(subject: unknown, pattern: unknown): boolean {
    if (typeof subject !== 'string' || typeof pattern !== 'string') return false;
    let compiled = patterns.get(pattern);
    if (compiled === undefined) {
        // The `u` flag is the dialect the Python engine translates to `re`.
        compiled = new RegExp(pattern, 'u');
        patterns.set(pattern, compiled);
    }
    return compiled.test(subject.slice(0, MAX_REGEX_SUBJECT));
}
