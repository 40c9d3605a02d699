import { describe, expect, it } from 'vitest';
import demoFlow from '../../../api/demo/flow.json';
import type { FlowDocument } from '../types';
import { diffFlows, diffText, lineDiff, noChange, withContext } from './flowDiff';

const demo = () => structuredClone(demoFlow) as unknown as FlowDocument;

describe('flowDiff', () => {
    it('finds nothing between a flow and itself, moved nodes aside', () => {
        const moved = demo();
        moved.nodes[0].position = { x: 999, y: 999 };
        const diff = diffFlows(demo(), moved);
        expect(diff.changed).toEqual([{ id: 'discovery', name: 'Webhooks', type: 'discovery', parts: ['moved'], rules: [] }]);
        expect(noChange(diff)).toBe(true);
        expect(lineDiff(diffText(demo()), diffText(moved)).every(line => line.kind === 'same')).toBe(true);
    });

    it('names the nodes added and removed, and in a changed node which rules', () => {
        const after = demo();
        const assign = after.nodes.find(node => node.id === 'assign')!;
        const routing = assign.content.routing as { rules: Record<string, unknown>[] };
        routing.rules.unshift({ id: 'refund-to-escalations', when: { in: ['billing', { var: 'tags' }] }, then: { team_id: 'escalations' } });
        routing.rules = routing.rules.filter(rule => rule.id !== 'press-to-pr');
        (routing.rules[1].then as Record<string, unknown>).priority = 'high';
        assign.name = 'Routing';
        after.nodes = after.nodes.filter(node => node.id !== 'measure');
        after.edges = after.edges.filter(edge => edge.targetId !== 'measure');
        after.nodes.push({ id: 'measure-2', type: 'measure', name: 'Metrics', content: {}, position: { x: 0, y: 0 } });

        const diff = diffFlows(demo(), after);
        expect(diff.added.map(node => node.id)).toEqual(['measure-2']);
        expect(diff.removed.map(node => node.id)).toEqual(['measure']);
        expect(diff.edgesRemoved).toEqual(['close → measure']);
        expect(diff.changed).toEqual([{
            id: 'assign',
            name: 'Routing',
            type: 'assign',
            parts: ['name'],
            rules: [
                { label: 'routing: refund-to-escalations', change: 'added' },
                { label: 'routing: safety-legal-to-escalations', change: 'changed' },
                { label: 'routing: press-to-pr', change: 'removed' },
            ],
        }]);
        expect(noChange(diff)).toBe(false);
    });

    it('diffs lines, keeping the order and the context', () => {
        const lines = lineDiff('a\nb\nc\nd\ne\nf\ng\nh', 'a\nb\nX\nd\ne\nf\ng\nh\ni');
        expect(lines.filter(line => line.kind !== 'same')).toEqual([
            { kind: 'removed', text: 'c' },
            { kind: 'added', text: 'X' },
            { kind: 'added', text: 'i' },
        ]);
        expect(lines.filter(line => line.kind !== 'added').map(line => line.text).join('')).toBe('abcdefgh');
        expect(lines.filter(line => line.kind !== 'removed').map(line => line.text).join('')).toBe('abXdefghi');
        expect(withContext(lineDiff('1\n2\n3\n4\n5\n6\n7\n8\n9', '1\n2\n3\n4\n5\n6\n7\n8\nX'), 1).map(line => line.text)).toEqual(['…', '8', '9', 'X']);
    });
});
