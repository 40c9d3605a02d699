import { describe, expect, it } from 'vitest';
import { metricChoices, metricName } from './reportForm';

describe('report metrics', () => {
    it('offers the auto-response statistics for case reports, not for mention reports', () => {
        const cases = metricChoices('cases').map(choice => choice.id);
        expect(cases).toEqual(expect.arrayContaining(['auto_replies', 'auto_reply_rate', 'resolved_by_auto_reply']));
        expect(metricChoices('mentions').map(choice => choice.id)).not.toContain('auto_replies');
        expect(metricName('auto_reply_rate')).toBe('Auto-reply rate');
        expect(metricName('resolved_by_auto_reply')).toBe('Resolved by auto-reply (no human reply)');
    });
});
