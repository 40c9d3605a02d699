import { describe, expect, it } from 'vitest';
import demoFlow from '../../../api/demo/flow.json';
import type { FlowDocument } from '../types';
import { pastedRequest } from './flowTest';
import { addNode, canAdd, NODE_KINDS, tidyLayout } from './nodePalette';

const blank = (): FlowDocument => ({ nodes: [], edges: [] });

describe('the node palette', () => {
    it('offers every node kind of the flow document', () => {
        expect(NODE_KINDS.map(kind => kind.type)).toEqual(['discovery', 'tag', 'triage', 'assign', 'sla', 'approval', 'close', 'measure']);
    });

    it('adds nodes beside each other, linked from the selected one, each single stage once', () => {
        const first = addNode(blank(), 'tag', null);
        const second = addNode(first.document, 'triage', first.id);
        expect(second.document.nodes.map(node => [node.id, node.position])).toEqual([
            ['tag', { x: 0, y: 0 }],
            ['triage', { x: 220, y: 0 }],
        ]);
        expect(second.document.edges).toEqual([{ id: 'e_tag_triage', sourceId: 'tag', targetId: 'triage' }]);
        expect(canAdd(second.document, 'tag')).toBe(false);
        expect(canAdd(second.document, 'close')).toBe(true);
        const closes = addNode(addNode(second.document, 'close', null).document, 'close', null);
        expect(closes.id).toBe('close-2');
    });

    it('lays a flow out in rows of five in the order its edges run', () => {
        const tidy = tidyLayout(structuredClone(demoFlow) as unknown as FlowDocument);
        const at = Object.fromEntries(tidy.nodes.map(node => [node.id, node.position]));
        expect(at.discovery).toEqual({ x: 0, y: 0 });
        expect(at.assign).toEqual({ x: 660, y: 0 });
        expect(Math.max(...tidy.nodes.map(node => node.position?.x ?? 0))).toBe(880);
        expect(Math.max(...tidy.nodes.map(node => node.position?.y ?? 0))).toBe(160);
    });
});

describe('a pasted mention', () => {
    it('is JSON with a text, or plain text', () => {
        expect(pastedRequest('{"text": "hi", "author_followers": 5}')).toEqual({ ok: true, request: { mention: { text: 'hi', author_followers: 5 } } });
        expect(pastedRequest('my heater caught fire')).toEqual({ ok: true, request: { mention: { text: 'my heater caught fire' } } });
        expect(pastedRequest('{"text": ')).toMatchObject({ ok: false });
        expect(pastedRequest('  ')).toMatchObject({ ok: false });
    });
});
