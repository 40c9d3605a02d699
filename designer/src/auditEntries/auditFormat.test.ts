import { describe, expect, it } from 'vitest';
import type { AuditVerdict } from '../types';
import { changeRows, checkpointTitle, formatAuditValue, hasValues, verdictDetail, verdictTitle, viaLabel } from './auditFormat';

const verdict = (overrides: Partial<AuditVerdict> = {}): AuditVerdict => ({
    intact: true,
    summary: 'intact: entries 1-42 (42), 3 signed checkpoints hold',
    entries: 42,
    first_id: 1,
    last_id: 42,
    head_id: 42,
    checkpoints: 3,
    broken_at: null,
    why: null,
    ...overrides,
});

describe('audit log formatting', () => {
    it('says how a person acted', () => {
        expect(viaLabel('session')).toBe('session');
        expect(viaLabel('token:be3f74b7ad75')).toBe('API token be3f74b7ad75');
        expect(viaLabel('password')).toBe('password');
        expect(viaLabel('password+totp')).toBe('password and authenticator code');
        expect(viaLabel(null)).toBeNull();
    });

    it('writes each kind of value as one readable line', () => {
        expect(formatAuditValue('supervisor')).toBe('supervisor');
        expect(formatAuditValue('')).toBe('""');
        expect(formatAuditValue(3)).toBe('3');
        expect(formatAuditValue(true)).toBe('yes');
        expect(formatAuditValue(null)).toBe('none');
        expect(formatAuditValue(undefined)).toBe('—');
        expect(formatAuditValue(['t1', 't2'])).toBe('t1, t2');
        expect(formatAuditValue([])).toBe('none');
        expect(formatAuditValue({ url: 'https://x', poll_seconds: 60 })).toBe('{"url":"https://x","poll_seconds":60}');
        expect(formatAuditValue([{ a: 1 }])).toBe('[{"a":1}]');
    });

    it('pairs before and after key by key, marking what changed', () => {
        expect(changeRows({ role: 'agent', teams: ['t1'], name: 'Ada' }, { role: 'supervisor', teams: ['t1'], disabled: true })).toEqual([
            { key: 'role', before: 'agent', after: 'supervisor', changed: true },
            { key: 'teams', before: ['t1'], after: ['t1'], changed: false },
            { key: 'name', before: 'Ada', after: undefined, changed: true },
            { key: 'disabled', before: undefined, after: true, changed: true },
        ]);
        expect(hasValues({})).toBe(false);
        expect(hasValues(null)).toBe(false);
        expect(hasValues({ a: 1 })).toBe(true);
    });

    it('says whether the log is intact, or where it breaks', () => {
        expect(verdictTitle(verdict())).toBe('Intact: entries 1–42, 3 signed checkpoints');
        expect(verdictTitle(verdict({ checkpoints: 1 }))).toBe('Intact: entries 1–42, 1 signed checkpoint');
        expect(verdictTitle(verdict({ entries: 0, first_id: null, last_id: null, head_id: 0, checkpoints: 0 }))).toBe(
            'Intact: no entries yet, 0 signed checkpoints',
        );
        const why = 'entry 7 (user.change by admin) was altered: its content no longer matches its hash';
        expect(verdictTitle(verdict({ intact: false, broken_at: 7, why, checkpoints: 0 }))).toBe(`Broken at entry 7: ${why}`);
        expect(verdictDetail(verdict({ entries: 1, head_id: 1 }))).toBe("1 entry checked; the log's head records entry 1.");
    });

    it('names the entry a checkpoint pins', () => {
        const checkpoint = { id: 4, seq: 42, hash: 'ab', at: '2025-01-05T09:00:00Z', reason: 'on demand', key_id: 'k1', public_key: 'p', signature: 's' };
        expect(checkpointTitle(checkpoint)).toBe('Checkpoint signed at entry 42');
        expect(checkpointTitle({ ...checkpoint, seq: 0 })).toBe('Checkpoint signed (the log has no entries yet)');
    });
});
