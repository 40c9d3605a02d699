import { describe, expect, it } from 'vitest';
import { createReportPayload, formatValue, groupChoices, metricChoices, metricName, validateReport } from './reportForm';

describe('report metrics', () => {
    it('offers the auto-response statistics for case reports, not for mention reports', () => {
        const cases = metricChoices('cases').map(choice => choice.id);
        expect(cases).toEqual(expect.arrayContaining(['auto_replies', 'auto_reply_rate', 'resolved_by_auto_reply']));
        expect(metricChoices('mentions').map(choice => choice.id)).not.toContain('auto_replies');
        expect(metricName('auto_reply_rate')).toBe('Auto-reply rate');
        expect(metricName('resolved_by_auto_reply')).toBe('Resolved by auto-reply (no human reply)');
    });
});

describe('share of voice reports', () => {
    it('is a mentions metric grouped by nothing, day or hour only', () => {
        expect(metricChoices('mentions').map(choice => choice.id)).toContain('share_of_voice');
        expect(metricChoices('cases').map(choice => choice.id)).not.toContain('share_of_voice');
        expect(metricName('share_of_voice')).toBe('Share of voice');
        expect(groupChoices('mentions', 'share_of_voice').map(choice => choice.id)).toEqual(['none', 'day', 'hour']);
        expect(groupChoices('mentions', 'volume').map(choice => choice.id)).toContain('channel');
        const base = { name: 'Voice', kind: 'mentions' as const, metric: 'share_of_voice', period: 'last_7_days' };
        expect(validateReport({ ...base, group_by: 'day' })).toEqual({});
        expect(validateReport({ ...base, group_by: 'channel' })).toEqual({
            group_by: 'Share of voice is counted per brand and competitor: group by nothing, day or hour',
        });
        expect(validateReport({ ...base, kind: 'cases' }).metric).toBe('Pick a cases metric');
        expect(createReportPayload({ ...base, group_by: 'hour' })).toMatchObject({ kind: 'mentions', metric: 'share_of_voice', group_by: 'hour' });
        expect(formatValue('share_of_voice', 0.4)).toBe('40 %');
    });
});
