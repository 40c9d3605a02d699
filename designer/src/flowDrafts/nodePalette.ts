// The node kinds a flow document has (engine/flows/document.py NodeType), each with the smallest content the
// engine accepts, and the adding of one to a draft: beside the others, linked from the selected node.
import type { FlowDocument, FlowNode, FlowNodeType } from '../types';

export const NODE_KINDS: { type: FlowNodeType; label: string; content: Record<string, unknown> }[] = [
    { type: 'discovery', label: 'Discovery', content: { sources: ['twitter'] } },
    { type: 'tag', label: 'Tag', content: { keywords: {} } },
    { type: 'triage', label: 'Triage', content: { needs_response: true, priority: 'normal' } },
    { type: 'assign', label: 'Route', content: { team_id: 'support' } },
    { type: 'sla', label: 'SLA', content: {
        policies: [{ id: 'normal', first_response_seconds: 14400 }],
        select: { mode: 'first_match', rules: [], default: 'normal' },
    } },
    { type: 'approval', label: 'Approval', content: { requires_approval: false } },
    { type: 'close', label: 'Close', content: { reasons: ['resolved'] } },
    { type: 'measure', label: 'Measure', content: { metrics: ['first_response_seconds'] } },
];

// Stages a flow has at most one of (engine: REQUIRED_STAGES and OPTIONAL_STAGES).
export const SINGLE_STAGES: ReadonlySet<string> = new Set(['tag', 'triage', 'assign', 'sla', 'approval']);

export const canAdd = (document: FlowDocument, type: string): boolean =>
    !SINGLE_STAGES.has(type) || !document.nodes.some(node => node.type === type);

const COLUMN = 220;
const ROW = 160;
const PER_ROW = 5;

/** A node of `type` added to the document, after the last one, linked from `from` when given. */
export const addNode = (document: FlowDocument, type: FlowNodeType, from: string | null): { document: FlowDocument; id: string } => {
    const kind = NODE_KINDS.find(item => item.type === type)!;
    const taken = new Set(document.nodes.map(node => node.id));
    let id: string = type;
    for (let n = 2; taken.has(id); n += 1) id = `${type}-${n}`;
    const index = document.nodes.length;
    const position = { x: (index % PER_ROW) * COLUMN, y: Math.floor(index / PER_ROW) * ROW };
    const node: FlowNode = { id, type, name: kind.label, content: structuredClone(kind.content), position };
    const edges = from && taken.has(from)
        ? [...document.edges, { id: `e_${from}_${id}`, sourceId: from, targetId: id }]
        : document.edges;
    return { document: { ...document, nodes: [...document.nodes, node], edges }, id };
};

/** Nodes laid out in rows of five, in the order the edges run (then document order): the whole flow fits. */
export const tidyLayout = (document: FlowDocument): FlowDocument => {
    const incoming = new Map(document.nodes.map(node => [node.id, 0]));
    for (const edge of document.edges) incoming.set(edge.targetId, (incoming.get(edge.targetId) ?? 0) + 1);
    const order: string[] = [];
    const queue = document.nodes.filter(node => !incoming.get(node.id)).map(node => node.id);
    while (queue.length) {
        const id = queue.shift()!;
        order.push(id);
        for (const edge of document.edges.filter(item => item.sourceId === id)) {
            const left = (incoming.get(edge.targetId) ?? 0) - 1;
            incoming.set(edge.targetId, left);
            if (left === 0) queue.push(edge.targetId);
        }
    }
    for (const node of document.nodes) if (!order.includes(node.id)) order.push(node.id); // a cycle's nodes
    const place = new Map(order.map((id, index) => [id, { x: (index % PER_ROW) * COLUMN, y: Math.floor(index / PER_ROW) * ROW }]));
    return { ...document, nodes: document.nodes.map(node => ({ ...node, position: place.get(node.id)! })) };
};
