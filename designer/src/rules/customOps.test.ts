import { describe, expect, it } from 'vitest';

import cases from '../../../tests/fixtures/jsonlogic/custom_ops.json';
import { applyRule, CUSTOM_OPS } from './customOps';

type Case = [unknown, unknown, unknown] | [unknown, unknown, unknown, 'error'];
// Pinned, like tests/engine/test_rules_custom_ops.py, so a mis-read file fails loudly.
const EXPECTED_CASES = 107;

const entries = (cases as unknown[]).filter((entry): entry is Case => Array.isArray(entry));

describe('custom operators agree with the engine on the shared cases', () => {
    it('reads every case', () => {
        expect(entries).toHaveLength(EXPECTED_CASES);
    });

    // A case marked "error" throws inside json-logic-js; like the engine, applyRule gives null.
    it.each(entries.map(([rule, data, expected], index) => [index, rule, data, expected] as const))(
        'case %i', (_index, rule, data, expected) => {
            expect(applyRule(rule, data)).toEqual(expected);
        });

    it('registers the same names as the engine', () => {
        expect(Object.keys(CUSTOM_OPS).sort()).toEqual([
            'after', 'before', 'contains', 'contains_any', 'ends_with', 'hours_since', 'in_business_hours',
            'lower', 'regex', 'starts_with', 'upper', 'word',
        ]);
    });
});
