import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../types';
import { nodeColor, toFlowGraph } from './flowGraph';

const document: FlowDocument = {
    nodes: [
        { id: 'n1', type: 'discovery', name: 'Discover', content: { source: 'twitter' }, position: { x: 0, y: 0 } },
        { id: 'n2', type: 'triage', name: 'Triage', content: { rule: { '>': [{ var: 'sentiment' }, 0] } }, position: { x: 240, y: 40 } },
    ],
    edges: [{ id: 'e1', sourceId: 'n1', targetId: 'n2' }],
};

describe('toFlowGraph', () => {
    it('keeps document positions and lays handles left to right', () => {
        const { nodes, edges, problems } = toFlowGraph(document);
        expect(problems).toEqual([]);
        expect(nodes.map(node => [node.id, node.position])).toEqual([
            ['n1', { x: 0, y: 0 }],
            ['n2', { x: 240, y: 40 }],
        ]);
        expect(nodes.every(node => node.sourcePosition === Position.Right && node.targetPosition === Position.Left)).toBe(true);
        expect(nodes[1].data.label).toBe('Triage');
        expect(nodes[1].data.node.content).toEqual({ rule: { '>': [{ var: 'sentiment' }, 0] } });
        expect(edges).toHaveLength(1);
        expect(edges[0]).toMatchObject({ id: 'e1', source: 'n1', target: 'n2' });
    });

    it('reports edges to unknown nodes with a path instead of drawing them', () => {
        const { edges, problems } = toFlowGraph({
            nodes: document.nodes,
            edges: [...document.edges, { id: 'e2', sourceId: 'n2', targetId: 'ghost' }],
        });
        expect(edges.map(edge => edge.id)).toEqual(['e1']);
        expect(problems).toEqual([
            { code: 'missingNode', path: '/edges/1/targetId', message: 'Edge "e2" points to unknown node "ghost"' },
        ]);
    });

    it('reports duplicate node ids and tolerates an empty document', () => {
        const { nodes, problems } = toFlowGraph({ nodes: [document.nodes[0], document.nodes[0]], edges: [] });
        expect(nodes).toHaveLength(1);
        expect(problems[0]).toMatchObject({ code: 'duplicateNode', path: '/nodes/1/id' });
        expect(toFlowGraph(null)).toEqual({ nodes: [], edges: [], problems: [] });
    });

    it('colours nodes by type with a fallback', () => {
        expect(nodeColor('sla')).toBe('#d32f2f');
        expect(nodeColor('unknown')).toBe('#9e9e9e');
    });
});
