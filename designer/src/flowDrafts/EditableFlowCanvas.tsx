import '@xyflow/react/dist/style.css';
import Box from '@mui/material/Box';
import { Background, Controls, MarkerType, ReactFlow } from '@xyflow/react';
import type { Connection, Edge, EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { FlowDocument } from '../types';
import { toFlowGraph } from '../flows/flowGraph';
import { FIT_VIEW, FitOnChange } from '../flows/FitOnChange';
import { applyEdgeChangesToDocument, applyNodeChangesToDocument, connectInDocument } from './documentChanges';
import { EditableNode } from './EditableNode';
import type { EditableFlowNode } from './EditableNode';
import type { MappedFlowErrors } from './flowErrors';

const nodeTypes = { editable: EditableNode };


interface EditableFlowCanvasProps {
    document: FlowDocument;
    errors: MappedFlowErrors;
    selectedId: string | null;
    onSelect: (nodeId: string | null) => void;
    onChange: (document: FlowDocument) => void;
}

/**
 * The flow document on an editable canvas: drag nodes, connect handles,
 * select an edge and press Delete. Every change goes back into the document.
 */
export const EditableFlowCanvas = ({ document, errors, selectedId, onSelect, onChange }: EditableFlowCanvasProps) => {
    // Measured sizes survive the node objects being rebuilt from the document.
    const measured = useRef(new Map<string, { width: number; height: number }>());
    const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
    const graph = useMemo(() => toFlowGraph(document), [document]);
    const box = useRef<HTMLDivElement>(null);

    const nodes = useMemo<EditableFlowNode[]>(
        () =>
            graph.nodes.map(node => ({
                id: node.id,
                type: 'editable',
                position: node.position,
                sourcePosition: node.sourcePosition,
                targetPosition: node.targetPosition,
                deletable: false,
                selected: node.id === selectedId,
                measured: measured.current.get(node.id),
                data: { ...node.data, errors: errors.nodes[node.id] ?? [] },
            })),
        [graph, errors, selectedId],
    );

    const edges = useMemo<Edge[]>(
        () =>
            graph.edges.map(edge => {
                const invalid = Boolean(errors.edges[edge.id]?.length);
                return {
                    ...edge,
                    selected: selectedEdges.has(edge.id),
                    markerEnd: { type: MarkerType.ArrowClosed, color: invalid ? '#d32f2f' : undefined },
                    style: invalid ? { stroke: '#d32f2f', strokeWidth: 2 } : undefined,
                    label: invalid ? errors.edges[edge.id].join('; ') : undefined,
                };
            }),
        [graph, errors, selectedEdges],
    );

    const onNodesChange = useCallback(
        (changes: NodeChange<EditableFlowNode>[]) => {
            for (const change of changes) {
                if (change.type === 'dimensions' && change.dimensions) measured.current.set(change.id, change.dimensions);
            }
            const next = applyNodeChangesToDocument(document, changes);
            if (next !== document) onChange(next);
        },
        [document, onChange],
    );

    const onEdgesChange = useCallback(
        (changes: EdgeChange[]) => {
            const selection = changes.filter(change => change.type === 'select');
            if (selection.length) {
                setSelectedEdges(current => {
                    const next = new Set(current);
                    for (const change of selection) {
                        if (change.selected) next.add(change.id);
                        else next.delete(change.id);
                    }
                    return next;
                });
            }
            const next = applyEdgeChangesToDocument(document, changes);
            if (next !== document) onChange(next);
        },
        [document, onChange],
    );

    const onConnect = useCallback(
        (connection: Connection) => {
            const next = connectInDocument(document, connection);
            if (next !== document) onChange(next);
        },
        [document, onChange],
    );

    return (
        <Box
            ref={box}
            sx={{ height: { xs: 360, md: 'clamp(300px, calc(100vh - 480px), 420px)' }, border: 1, borderColor: 'divider', borderRadius: 1 }}
            data-testid="flow-editor-canvas"
        >
            <ReactFlow<EditableFlowNode>
                nodes={nodes}
                edges={edges}
                nodeTypes={nodeTypes}
                onNodesChange={onNodesChange}
                onEdgesChange={onEdgesChange}
                onConnect={onConnect}
                onNodeClick={(_, node) => onSelect(node.id)}
                onPaneClick={() => onSelect(null)}
                deleteKeyCode={['Delete', 'Backspace']}
                fitView
                fitViewOptions={FIT_VIEW}
                minZoom={0.3}
                proOptions={{ hideAttribution: true }}
            >
                <Background />
                <Controls />
                <FitOnChange count={nodes.length} box={box} />
            </ReactFlow>
        </Box>
    );
};

export default EditableFlowCanvas;
