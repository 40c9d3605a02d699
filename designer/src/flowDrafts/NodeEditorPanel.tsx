import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { nodeColor } from '../flows/flowGraph';
import type { FlowNode } from '../types';

interface NodeEditorPanelProps {
    node: FlowNode | undefined;
    /** The content as the user typed it (may not parse). */
    text: string;
    parseError: string | undefined;
    errors: string[];
    onNameChange: (name: string) => void;
    onTextChange: (text: string) => void;
}

/** Side panel of the selected node: its name, API errors and content as editable JSON. */
export const NodeEditorPanel = ({ node, text, parseError, errors, onNameChange, onTextChange }: NodeEditorPanelProps) => {
    if (!node) {
        return <Typography color="text.secondary">Select a node to edit its name and content.</Typography>;
    }
    return (
        <Box sx={{ display: 'grid', gap: 1.5, alignContent: 'start' }} data-testid="flow-node-panel">
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                <Chip size="small" label={node.type} sx={{ bgcolor: nodeColor(node.type), color: '#fff' }} />
                <Typography variant="caption" color="text.secondary">
                    id {node.id}
                </Typography>
            </Box>
            <TextField
                label="Name"
                size="small"
                value={node.name}
                onChange={event => onNameChange(event.target.value)}
                slotProps={{ htmlInput: { 'data-testid': 'flow-node-name' } }}
            />
            {errors.length > 0 && (
                <Alert severity="error">
                    <Box component="ul" data-testid="flow-node-errors" sx={{ m: 0, pl: 2 }}>
                        {errors.map((message, index) => (
                            <li key={index}>{message}</li>
                        ))}
                    </Box>
                </Alert>
            )}
            <TextField
                label="Content (JSON)"
                multiline
                minRows={12}
                maxRows={28}
                value={text}
                onChange={event => onTextChange(event.target.value)}
                error={Boolean(parseError)}
                helperText={parseError ?? 'JSON Logic rules inside; saved with the draft.'}
                slotProps={{
                    htmlInput: {
                        'data-testid': 'flow-node-editor',
                        spellCheck: false,
                        style: { fontFamily: 'monospace', fontSize: 12, lineHeight: 1.5 },
                    },
                }}
            />
        </Box>
    );
};

export default NodeEditorPanel;
