import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { JsonBlock } from '../common/JsonBlock';
import type { FlowNode } from '../types';
import { nodeColor } from './flowGraph';

/** The selected node's name, type and formatted JSON content (JSON Logic rules). */
export const NodeDetails = ({ node }: { node: FlowNode | undefined }) => {
    if (!node) {
        return <Typography color="text.secondary">Select a node to see its content.</Typography>;
    }
    return (
        <Box data-testid="flow-node-details">
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
                <Typography variant="subtitle1">{node.name || node.id}</Typography>
                <Chip size="small" label={node.type} sx={{ bgcolor: nodeColor(node.type), color: '#fff' }} />
            </Box>
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
                id {node.id}
            </Typography>
            {node.content && Object.keys(node.content).length ? (
                <JsonBlock value={node.content} testId="flow-node-content" />
            ) : (
                <Alert severity="info">This node has no content.</Alert>
            )}
        </Box>
    );
};

export default NodeDetails;
