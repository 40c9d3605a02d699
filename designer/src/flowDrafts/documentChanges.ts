// Applies React Flow canvas changes (drag, connect, delete) to the flow
// document, which stays the single source of truth of the editor.
import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import type { FlowDocument, FlowNode } from '../types';

const round = (value: number) => Math.round(value);

/** Node moves and removals; a removed node takes its edges with it. */
export const applyNodeChangesToDocument = (document: FlowDocument, changes: NodeChange[]): FlowDocument => {
    const moves = new Map<string, { x: number; y: number }>();
    const removed = new Set<string>();
    for (const change of changes) {
        if (change.type === 'position' && change.position) {
            moves.set(change.id, { x: round(change.position.x), y: round(change.position.y) });
        } else if (change.type === 'remove') {
            removed.add(change.id);
        }
    }
    if (!moves.size && !removed.size) return document;
    const nodes = document.nodes
        .filter(node => !removed.has(node.id))
        .map(node => {
            const position = moves.get(node.id);
            const same = position && node.position?.x === position.x && node.position?.y === position.y;
            return position && !same ? { ...node, position } : node;
        });
    const edges = removed.size
        ? document.edges.filter(edge => !removed.has(edge.sourceId) && !removed.has(edge.targetId))
        : document.edges;
    const unchanged = nodes.length === document.nodes.length && nodes.every((node, i) => node === document.nodes[i]);
    return unchanged && edges === document.edges ? document : { ...document, nodes, edges };
};

/** Edge removals (selection + Delete). */
export const applyEdgeChangesToDocument = (document: FlowDocument, changes: EdgeChange[]): FlowDocument => {
    const removed = new Set(changes.flatMap(change => (change.type === 'remove' ? [change.id] : [])));
    if (!removed.size) return document;
    return { ...document, edges: document.edges.filter(edge => !removed.has(edge.id)) };
};

const uniqueEdgeId = (document: FlowDocument, source: string, target: string): string => {
    const taken = new Set(document.edges.map(edge => edge.id));
    const base = `e_${source}_${target}`;
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}_${n}`;
    return id;
};

/** A new edge from a handle connection; self-loops and duplicates are ignored. */
export const connectInDocument = (document: FlowDocument, connection: Connection): FlowDocument => {
    const { source, target } = connection;
    if (!source || !target || source === target) return document;
    const known = new Set(document.nodes.map(node => node.id));
    if (!known.has(source) || !known.has(target)) return document;
    if (document.edges.some(edge => edge.sourceId === source && edge.targetId === target)) return document;
    const edge = { id: uniqueEdgeId(document, source, target), sourceId: source, targetId: target };
    return { ...document, edges: [...document.edges, edge] };
};

/** Replaces one node's fields (name, content) by id. */
export const updateNode = (document: FlowDocument, id: string, patch: Partial<Omit<FlowNode, 'id'>>): FlowDocument => ({
    ...document,
    nodes: document.nodes.map(node => (node.id === id ? { ...node, ...patch } : node)),
});
