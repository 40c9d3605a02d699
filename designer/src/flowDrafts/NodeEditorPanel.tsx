import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { nodeColor } from '../flows/flowGraph';
import { ruleSlots } from '../rules/builder/ruleSlots';
import { NodeRules, RULE_SETS } from './NodeRules';
import { useFlowFields } from './useFlowFields';
import type { FlowNode } from '../types';

interface NodeEditorPanelProps {
    node: FlowNode | undefined;
    /** The content as the user typed it (may not parse). */
    text: string;
    parseError: string | undefined;
    errors: string[];
    onNameChange: (name: string) => void;
    onTextChange: (text: string) => void;
    /** The node's errors at a path inside it (a rule's), from the last save or publish. */
    errorsAt?: (path: string) => string[];
    onContentChange?: (content: Record<string, unknown>) => void;
}

/** Side panel of the selected node: its name, API errors and content as editable JSON. */
export const NodeEditorPanel = ({
    node,
    text,
    parseError,
    errors,
    onNameChange,
    onTextChange,
    errorsAt = () => [],
    onContentChange,
}: NodeEditorPanelProps) => {
    const fields = useFlowFields(node?.type);
    const hasRules = Boolean(node && (ruleSlots(node).length || RULE_SETS[node.type]));
    const [tab, setTab] = useState<'rules' | 'json'>(hasRules && onContentChange ? 'rules' : 'json');
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
            {hasRules && onContentChange && (
                <Tabs value={tab} onChange={(_, value: 'rules' | 'json') => setTab(value)}>
                    <Tab value="rules" label="Rules" data-testid="node-tab-rules" />
                    <Tab value="json" label="Content JSON" data-testid="node-tab-json" />
                </Tabs>
            )}
            {tab === 'rules' && onContentChange ? (
                <NodeRules node={node} fields={fields} errorsAt={errorsAt} onContentChange={onContentChange} />
            ) : (
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
            )}
        </Box>
    );
};

export default NodeEditorPanel;
