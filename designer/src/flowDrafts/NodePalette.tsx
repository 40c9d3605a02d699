import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { nodeColor } from '../flows/flowGraph';
import type { FlowDocument, FlowNodeType } from '../types';
import { canAdd, NODE_KINDS } from './nodePalette';

/** Click a kind to add a node of it (linked from the selected node); a stage a flow has one of, once. */
export const NodePalette = ({ document, onAdd }: { document: FlowDocument; onAdd: (type: FlowNodeType) => void }) => (
    <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap', alignItems: 'center' }} data-testid="node-palette">
        <Typography variant="body2" color="text.secondary" sx={{ mr: 0.5 }}>
            Add a stage:
        </Typography>
        {NODE_KINDS.map(kind => {
            const allowed = canAdd(document, kind.type);
            return (
                <Tooltip key={kind.type} title={allowed ? `Add a ${kind.type} node` : `A flow has one ${kind.type} node`}>
                    <span>
                        <Button
                            size="small"
                            variant="outlined"
                            startIcon={<AddIcon />}
                            disabled={!allowed}
                            onClick={() => onAdd(kind.type)}
                            data-testid={`palette-${kind.type}`}
                            sx={{ borderColor: nodeColor(kind.type), color: nodeColor(kind.type) }}
                        >
                            {kind.label}
                        </Button>
                    </span>
                </Tooltip>
            );
        })}
    </Box>
);

export default NodePalette;
