import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import type { FlowDocument } from '../types';
import type { MappedFlowErrors } from './flowErrors';

interface FlowErrorListProps {
    message: string;
    errors: MappedFlowErrors;
    document: FlowDocument;
}

/** The API's answer to the last save, above the canvas; graph and edge errors listed. */
export const FlowErrorList = ({ message, errors, document }: FlowErrorListProps) => {
    const edgeLines = Object.entries(errors.edges).flatMap(([id, messages]) => {
        const edge = document.edges.find(item => item.id === id);
        const label = edge ? `${edge.sourceId} → ${edge.targetId}` : id;
        return messages.map(text => `Edge ${label}: ${text}`);
    });
    const lines = [...errors.graph, ...edgeLines];
    const invalidNodes = Object.keys(errors.nodes).length;
    return (
        <Alert severity="error" data-testid="flow-save-error">
            <AlertTitle>{message}</AlertTitle>
            {invalidNodes > 0 && (
                <Box component="div" sx={{ mb: lines.length ? 1 : 0 }}>
                    {invalidNodes === 1 ? '1 node has errors' : `${invalidNodes} nodes have errors`}: select a red node to see them.
                </Box>
            )}
            {lines.length > 0 && (
                <Box component="ul" data-testid="flow-errors" sx={{ m: 0, pl: 2 }}>
                    {lines.map((line, index) => (
                        <li key={index}>{line}</li>
                    ))}
                </Box>
            )}
        </Alert>
    );
};

export default FlowErrorList;
