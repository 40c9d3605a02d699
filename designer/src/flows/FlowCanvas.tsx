import '@xyflow/react/dist/style.css';
import Box from '@mui/material/Box';
import { Background, Controls, ReactFlow } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import { FIT_VIEW, FitOnChange } from './FitOnChange';
import type { FlowDocument } from '../types';
import { toFlowGraph } from './flowGraph';
import type { FlowGraph, FlowNodeData } from './flowGraph';

interface FlowCanvasProps {
    document: FlowDocument;
    selectedId: string | null;
    onSelect: (nodeId: string | null) => void;
    graph?: FlowGraph;
}

/** Read-only view of a flow document: nodes can be selected, not moved or connected. */
export const FlowCanvas = ({ document, selectedId, onSelect, graph }: FlowCanvasProps) => {
    const box = useRef<HTMLDivElement>(null);
    const base = useMemo(() => graph ?? toFlowGraph(document), [graph, document]);
    const nodes = useMemo(
        () => base.nodes.map(node => ({ ...node, selected: node.id === selectedId })),
        [base, selectedId],
    );
    return (
        <Box
            ref={box}
            sx={{ height: { xs: 340, md: 'clamp(300px, calc(100vh - 440px), 420px)' }, border: 1, borderColor: 'divider', borderRadius: 1 }}
            data-testid="flow-canvas"
        >
            <ReactFlow<Node<FlowNodeData>>
                nodes={nodes}
                edges={base.edges}
                nodesDraggable={false}
                nodesConnectable={false}
                edgesFocusable={false}
                elementsSelectable
                onNodeClick={(_, node) => onSelect(node.id)}
                onPaneClick={() => onSelect(null)}
                fitView
                fitViewOptions={FIT_VIEW}
                minZoom={0.3}
                proOptions={{ hideAttribution: true }}
            >
                <Background />
                <Controls showInteractive={false} />
                <FitOnChange count={nodes.length} box={box} />
            </ReactFlow>
        </Box>
    );
};

export default FlowCanvas;
