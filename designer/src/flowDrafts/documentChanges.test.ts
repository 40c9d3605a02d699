import { describe, expect, it } from 'vitest';
import {
    applyEdgeChangesToDocument,
    applyNodeChangesToDocument,
    connectInDocument,
    updateNode,
} from './documentChanges';
import { draftDocument } from './testDocument';

describe('applyNodeChangesToDocument', () => {
    it('saves dragged positions, rounded', () => {
        const document = draftDocument();
        const next = applyNodeChangesToDocument(document, [
            { type: 'position', id: 'tag', position: { x: 210.6, y: 33.2 }, dragging: true },
        ]);
        expect(next.nodes[1].position).toEqual({ x: 211, y: 33 });
        expect(next.nodes[0]).toBe(document.nodes[0]);
        expect(document.nodes[1].position).toEqual({ x: 200, y: 0 });
    });

    it('ignores selection, dimension and no-op position changes', () => {
        const document = draftDocument();
        expect(
            applyNodeChangesToDocument(document, [
                { type: 'select', id: 'tag', selected: true },
                { type: 'dimensions', id: 'tag', dimensions: { width: 100, height: 40 } },
                { type: 'position', id: 'tag', dragging: false },
                { type: 'position', id: 'tag', position: { x: 200, y: 0 } },
            ]),
        ).toBe(document);
    });

    it('removes a node and its edges', () => {
        const next = applyNodeChangesToDocument(draftDocument(), [{ type: 'remove', id: 'tag' }]);
        expect(next.nodes.map(node => node.id)).toEqual(['discover', 'triage']);
        expect(next.edges).toEqual([]);
    });
});

describe('edges', () => {
    it('removes selected edges', () => {
        const next = applyEdgeChangesToDocument(draftDocument(), [
            { type: 'select', id: 'e1', selected: true },
            { type: 'remove', id: 'e1' },
        ]);
        expect(next.edges.map(edge => edge.id)).toEqual(['e2']);
        const document = draftDocument();
        expect(applyEdgeChangesToDocument(document, [{ type: 'select', id: 'e1', selected: true }])).toBe(document);
    });

    it('connects two nodes with a fresh id, once', () => {
        const connection = { source: 'discover', target: 'triage', sourceHandle: null, targetHandle: null };
        const next = connectInDocument(draftDocument(), connection);
        expect(next.edges[2]).toEqual({ id: 'e_discover_triage', sourceId: 'discover', targetId: 'triage' });
        expect(connectInDocument(next, connection)).toBe(next);
    });

    it('avoids id clashes and refuses self-loops and unknown nodes', () => {
        const document = draftDocument();
        document.edges.push({ id: 'e_triage_discover', sourceId: 'tag', targetId: 'discover' });
        const next = connectInDocument(document, { source: 'triage', target: 'discover', sourceHandle: null, targetHandle: null });
        expect(next.edges.at(-1)?.id).toBe('e_triage_discover_2');
        expect(connectInDocument(document, { source: 'tag', target: 'tag', sourceHandle: null, targetHandle: null })).toBe(document);
        expect(connectInDocument(document, { source: 'tag', target: 'ghost', sourceHandle: null, targetHandle: null })).toBe(document);
    });
});

describe('updateNode', () => {
    it('patches one node by id', () => {
        const next = updateNode(draftDocument(), 'tag', { name: 'Tagging', content: {} });
        expect(next.nodes[1]).toMatchObject({ id: 'tag', name: 'Tagging', content: {} });
        expect(next.nodes[0].name).toBe('Discover');
    });
});
