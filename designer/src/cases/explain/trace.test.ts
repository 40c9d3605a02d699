import { describe, expect, it } from 'vitest';
import { demoFlow, engineEvent } from '../../test/evidence';
import { ruleText } from './ruleText';
import { atPointer, decidingConditions, traceTree } from './trace';
import type { TraceEntry, TraceNode } from './trace';

const triageTrace = (rule: 'needs_response' | 'priority'): TraceEntry[] => {
    const evidence = engineEvent('angry_billing', 'triaged').detail.evidence as {
        trace: Record<string, { trace: TraceEntry[] }>;
    };
    return evidence.trace[rule].trace;
};

const shape = (nodes: TraceNode[]): unknown[] =>
    nodes.map(node => (node.children.length ? { [node.entry.path]: shape(node.children) } : node.entry.path));

describe('ruleText', () => {
    it('reads JSON Logic as a line of text', () => {
        expect(ruleText({ '>': [{ var: 'followers' }, 10000] })).toBe('followers > 10000');
        expect(ruleText({ and: [{ in: ['billing', { var: 'tags' }] }, { '!': { var: 'verified' } }] })).toBe(
            '("billing" in tags) and not verified',
        );
        expect(ruleText({ if: [{ '<': [{ var: 'sentiment' }, -0.6] }, 'high', 'low'] })).toBe(
            'if sentiment < -0.6 then "high" else "low"',
        );
        expect(ruleText({ some: [{ var: 'tags' }, { '==': [{ var: '' }, 'vip'] }] })).toBe('some(tags, item == "vip")');
        expect(ruleText({ '<=': [1, { var: 'x' }, 5] })).toBe('1 <= x <= 5');
    });
});

describe('traceTree', () => {
    it('puts each operation under the one that used it', () => {
        expect(shape(traceTree(triageTrace('priority')))).toEqual([
            {
                '/nodes/2/content/priority': [
                    {
                        // safety or legal: `some` runs its inner rule once per tag (three here)
                        '/nodes/2/content/priority/if/0': [
                            '/nodes/2/content/priority/if/0/some/0',
                            '/nodes/2/content/priority/if/0/some/1',
                            '/nodes/2/content/priority/if/0/some/1',
                            '/nodes/2/content/priority/if/0/some/1',
                        ],
                    },
                    '/nodes/2/content/priority/if/2',
                    {
                        '/nodes/2/content/priority/if/4': [
                            '/nodes/2/content/priority/if/4/or/0',
                            '/nodes/2/content/priority/if/4/or/1',
                        ],
                    },
                ],
            },
        ]);
    });

    it('keeps an operand run once per item under its `some`, and what a cut trace left as roots', () => {
        const some: TraceEntry[] = [
            { path: '/r/some/1', op: '==', value: false, args: ['a', 'vip'] },
            { path: '/r/some/1', op: '==', value: true, args: ['vip', 'vip'] },
            { path: '/r', op: 'some', value: true },
        ];
        expect(traceTree(some)[0].children.map(node => node.entry.args)).toEqual([
            ['a', 'vip'],
            ['vip', 'vip'],
        ]);
        expect(shape(traceTree(some.slice(0, 2)))).toEqual(['/r/some/1', '/r/some/1']);
    });
});

describe('decidingConditions', () => {
    it("gives an if's branch condition that held, and nothing when its default branch was taken", () => {
        expect(decidingConditions(triageTrace('priority'), demoFlow.document).map(entry => entry.path)).toEqual([
            '/nodes/2/content/priority/if/4',
        ]);
        const press = engineEvent('press', 'triaged').detail.evidence as { trace: { priority: { trace: TraceEntry[] } } };
        expect(decidingConditions(press.trace.priority.trace, demoFlow.document)).toEqual([]);
    });

    it("gives an or's conditions that held, and an and's failing one", () => {
        expect(decidingConditions(triageTrace('needs_response')).map(entry => entry.path)).toEqual([
            '/nodes/2/content/needs_response/or/0',
        ]);
        const failed: TraceEntry[] = [
            { path: '/w/and/0', op: 'in', value: true, args: ['billing', ['billing']] },
            { path: '/w/and/1', op: 'in', value: false, args: ['angry', ['billing']] },
            { path: '/w', op: 'and', value: false },
        ];
        expect(decidingConditions(failed).map(entry => entry.path)).toEqual(['/w/and/1']);
    });
});

describe('atPointer', () => {
    it('finds a rule as written in the flow document', () => {
        expect(atPointer(demoFlow.document, '/nodes/2/content/needs_response/or/0')).toEqual({
            '<': [{ var: 'sentiment' }, -0.05],
        });
        expect(atPointer(demoFlow.document, '/nodes/99/content')).toBeUndefined();
        expect(atPointer(undefined, '/nodes/2')).toBeUndefined();
    });
});
