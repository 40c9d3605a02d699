import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useMemo, useState } from 'react';
import { BooleanField, DateField, Labeled, Show, TextField, useRecordContext } from 'react-admin';
import type { Flow } from '../types';
import { ActivateFlowButton } from './ActivateFlowButton';
import { EditAsDraftButton } from './EditAsDraftButton';
import { FlowCanvas } from './FlowCanvas';
import { toFlowGraph } from './flowGraph';
import { NodeDetails } from './NodeDetails';

const FlowDocumentView = () => {
    const record = useRecordContext<Flow>();
    const [selectedId, setSelectedId] = useState<string | null>(null);
    const graph = useMemo(() => toFlowGraph(record?.document), [record?.document]);
    if (!record) return null;
    const selected = record.document?.nodes?.find(node => node.id === selectedId);
    return (
        <Box sx={{ display: 'grid', gap: 2 }}>
            {graph.problems.map(problem => (
                <Alert key={problem.path} severity="warning">
                    {problem.message} ({problem.path})
                </Alert>
            ))}
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, gap: 2 }}>
                <FlowCanvas document={record.document} graph={graph} selectedId={selectedId} onSelect={setSelectedId} />
                <NodeDetails node={selected} />
            </Box>
        </Box>
    );
};

export const FlowShow = () => (
    <Show>
        <Box sx={{ p: 2, display: 'grid', gap: 2 }}>
            <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
                <Labeled>
                    <TextField source="name" />
                </Labeled>
                <Labeled>
                    <TextField source="version" />
                </Labeled>
                <Labeled>
                    <BooleanField source="active" />
                </Labeled>
                <Labeled>
                    <DateField source="published_at" showTime emptyText="—" />
                </Labeled>
                <Box sx={{ ml: 'auto', alignSelf: 'center', display: 'flex', gap: 1 }}>
                    <ActivateFlowButton />
                    <EditAsDraftButton />
                </Box>
            </Box>
            <FlowDocumentView />
        </Box>
    </Show>
);

export default FlowShow;
