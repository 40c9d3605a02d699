// Turns a stored flow document into React Flow nodes and edges. The document
// (GoRules-style `{nodes, edges}` with `sourceId`/`targetId`) is the source of
// truth; the canvas is only a view of it.
import { MarkerType, Position } from '@xyflow/react';
import type { Edge, Node } from '@xyflow/react';
import type { FlowDocument, FlowNode, FlowNodeType } from '../types';

export interface FlowNodeData extends Record<string, unknown> {
    label: string;
    kind: FlowNodeType | string;
    node: FlowNode;
}

export interface GraphProblem {
    code: 'missingNode' | 'duplicateNode';
    path: string;
    message: string;
}

export interface FlowGraph {
    nodes: Node<FlowNodeData>[];
    edges: Edge[];
    problems: GraphProblem[];
}

export const NODE_COLORS: Record<FlowNodeType, string> = {
    discovery: '#1976d2',
    tag: '#7b1fa2',
    triage: '#f57c00',
    assign: '#388e3c',
    sla: '#d32f2f',
    approval: '#5d4037',
    close: '#616161',
    measure: '#0097a7',
};

export const nodeColor = (type: string): string => NODE_COLORS[type as FlowNodeType] ?? '#9e9e9e';

export const toFlowGraph = (document: FlowDocument | null | undefined): FlowGraph => {
    const problems: GraphProblem[] = [];
    const known = new Set<string>();
    const nodes: Node<FlowNodeData>[] = [];

    (document?.nodes ?? []).forEach((node, index) => {
        if (known.has(node.id)) {
            problems.push({ code: 'duplicateNode', path: `/nodes/${index}/id`, message: `Node id "${node.id}" is used twice` });
            return;
        }
        known.add(node.id);
        nodes.push({
            id: node.id,
            position: { x: node.position?.x ?? 0, y: node.position?.y ?? 0 },
            data: { label: node.name || node.id, kind: node.type, node },
            sourcePosition: Position.Right,
            targetPosition: Position.Left,
            draggable: false,
            connectable: false,
            // 14 px: still 12 px when the canvas zooms out to fit (FIT_VIEW's minZoom).
            style: { borderColor: nodeColor(node.type), borderWidth: 2, fontSize: 14, width: 180 },
        });
    });

    const edges: Edge[] = [];
    (document?.edges ?? []).forEach((edge, index) => {
        const missing = (['sourceId', 'targetId'] as const).filter(end => !known.has(edge[end]));
        if (missing.length) {
            for (const end of missing) {
                problems.push({
                    code: 'missingNode',
                    path: `/edges/${index}/${end}`,
                    message: `Edge "${edge.id}" points to unknown node "${edge[end]}"`,
                });
            }
            return;
        }
        edges.push({
            id: edge.id,
            source: edge.sourceId,
            target: edge.targetId,
            markerEnd: { type: MarkerType.ArrowClosed },
        });
    });

    return { nodes, edges, problems };
};
