// Pure display helpers for the audit log: no React, so they are tested directly.
import type { AuditCheckpoint, AuditVerdict } from '../types';

/** How a person acted: "session", "API token be3f74b7ad75", "password and authenticator code" (a login). */
export const viaLabel = (via: string | null | undefined): string | null => {
    if (!via) return null;
    if (via.startsWith('token:')) return `API token ${via.slice('token:'.length)}`;
    return via
        .split('+')
        .map(part => (part === 'totp' ? 'authenticator code' : part))
        .join(' and ');
};

/**
 * One value of an entry's before, after or detail as a line of text: strings as they are, lists of plain values
 * joined, anything nested as compact JSON (the raw JSON is one click away).
 */
export const formatAuditValue = (value: unknown): string => {
    if (value === undefined) return '—';
    if (value === null) return 'none';
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    if (typeof value === 'string') return value === '' ? '""' : value;
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) {
        if (!value.length) return 'none';
        if (value.every(item => item === null || typeof item !== 'object')) return value.map(formatAuditValue).join(', ');
    }
    return JSON.stringify(value);
};

/** One key of an entry's values, before and after (absent: undefined). */
export interface ChangeRow {
    key: string;
    before: unknown;
    after: unknown;
    changed: boolean;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Every key of `before` and `after` (before's order, then the keys only after has), and whether it changed. */
export const changeRows = (
    before: Record<string, unknown> | null | undefined,
    after: Record<string, unknown> | null | undefined,
): ChangeRow[] => {
    const keys = [...Object.keys(before ?? {})];
    for (const key of Object.keys(after ?? {})) if (!keys.includes(key)) keys.push(key);
    return keys.map(key => {
        const was = before?.[key];
        const is = after?.[key];
        return { key, before: was, after: is, changed: !same(was, is) };
    });
};

/** Whether an entry's before, after or detail says anything. */
export const hasValues = (values: Record<string, unknown> | null | undefined): values is Record<string, unknown> =>
    values != null && Object.keys(values).length > 0;

/** "1 entry", "3 entries". */
export const count = (value: number, one: string, many = `${one}s`) => `${value} ${value === 1 ? one : many}`;

/** "Intact: entries 1–42, 3 signed checkpoints", or "Broken at entry 7: <why>". */
export const verdictTitle = (verdict: AuditVerdict): string => {
    if (verdict.intact) {
        const span =
            verdict.entries && verdict.first_id != null && verdict.last_id != null
                ? `entries ${verdict.first_id}–${verdict.last_id}`
                : 'no entries yet';
        return `Intact: ${span}, ${count(verdict.checkpoints, 'signed checkpoint')}`;
    }
    if (verdict.broken_at == null) return `Broken: ${verdict.why ?? verdict.summary}`;
    return `Broken at entry ${verdict.broken_at}: ${verdict.why ?? verdict.summary}`;
};

/** What was checked: "42 entries checked; the log's head records entry 42." */
export const verdictDetail = (verdict: AuditVerdict): string =>
    `${count(verdict.entries, 'entry', 'entries')} checked; the log's head records entry ${verdict.head_id}.`;

/** "Checkpoint signed at entry 42" (the head when it was signed). */
export const checkpointTitle = (checkpoint: AuditCheckpoint): string =>
    checkpoint.seq ? `Checkpoint signed at entry ${checkpoint.seq}` : 'Checkpoint signed (the log has no entries yet)';
