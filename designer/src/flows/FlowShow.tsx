import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useMemo, useState } from 'react';
import { BooleanField, DateField, Labeled, Show, TextField, useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import { FlowTestPanel } from '../flowDrafts/FlowTestPanel';
import type { Flow } from '../types';
import { ActivateFlowButton } from './ActivateFlowButton';
import { EditAsDraftButton } from './EditAsDraftButton';
import { FlowCanvas } from './FlowCanvas';
import { toFlowGraph } from './flowGraph';
import { NodeDetails } from './NodeDetails';
import { RollBackButton } from './RollBackButton';

const FlowDocumentView = () => {
    const record = useRecordContext<Flow>();
    const [selectedId, setSelectedId] = useState<string | null>(null);
    const [side, setSide] = useState<'node' | 'test'>('node');
    const canTest = useCan('flow_drafts', 'edit');
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
            <FlowCanvas
                document={record.document}
                graph={graph}
                selectedId={selectedId}
                onSelect={id => {
                    setSelectedId(id);
                    if (id) setSide('node');
                }}
            />
            <Paper variant="outlined" sx={{ p: { xs: 1, sm: 2 }, minWidth: 0 }}>
                <Tabs value={side} onChange={(_, value: 'node' | 'test') => setSide(value)} sx={{ mb: 1.5 }}>
                    <Tab value="node" label="Node" />
                    {canTest && <Tab value="test" label="Test" data-testid="flow-tab-test" />}
                </Tabs>
                {side === 'test' && canTest ? (
                    <FlowTestPanel resource="flows" id={String(record.id)} document={record.document} />
                ) : (
                    <NodeDetails node={selected} />
                )}
            </Paper>
        </Box>
    );
};

export const FlowShow = () => (
    <Show>
        <Box sx={{ p: { xs: 1, sm: 2 }, display: 'grid', gap: 2, minWidth: 0 }}>
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
                    <RollBackButton />
                    <EditAsDraftButton />
                </Box>
            </Box>
            <FlowDocumentView />
        </Box>
    </Show>
);

export default FlowShow;
