import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { Handle, Position } from '@xyflow/react';
import type { Node, NodeProps } from '@xyflow/react';
import { nodeColor } from '../flows/flowGraph';
import type { FlowNodeData } from '../flows/flowGraph';

export interface EditableNodeData extends FlowNodeData {
    errors: string[];
}

export type EditableFlowNode = Node<EditableNodeData, 'editable'>;

/** A canvas node with handles on both sides; red, with a badge and tooltip, when the API rejected it. */
export const EditableNode = ({ data, selected }: NodeProps<EditableFlowNode>) => {
    const invalid = data.errors.length > 0;
    return (
        <Box
            data-testid="flow-editor-node"
            data-node-id={data.node.id}
            data-invalid={invalid ? 'true' : 'false'}
            title={invalid ? data.errors.join('\n') : undefined}
            sx={{
                position: 'relative',
                minWidth: 140,
                maxWidth: 190,
                px: 1.5,
                py: 1,
                border: 2,
                borderRadius: 1,
                borderColor: invalid ? 'error.main' : nodeColor(data.kind),
                bgcolor: invalid ? '#fdecea' : 'background.paper',
                boxShadow: selected ? 4 : 0,
                fontSize: 14,
            }}
        >
            <Handle type="target" position={Position.Left} />
            <Typography sx={{ fontWeight: 500, fontSize: 15, lineHeight: 1.3 }}>
                {data.label}
            </Typography>
            <Typography color="text.secondary" sx={{ fontSize: 14 }}>
                {data.kind}
            </Typography>
            {invalid && (
                <Chip
                    size="small"
                    color="error"
                    label={data.errors.length}
                    data-testid="flow-node-error-badge"
                    sx={{ position: 'absolute', top: -10, right: -10, height: 20 }}
                />
            )}
            <Handle type="source" position={Position.Right} />
        </Box>
    );
};

export default EditableNode;
