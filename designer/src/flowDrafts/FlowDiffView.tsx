import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { FlowDocument } from '../types';
import { diffFlows, diffText, lineDiff, noChange, withContext } from './flowDiff';

const CHANGE_COLORS = { added: 'success', removed: 'error', changed: 'warning' } as const;

/** The draft against the active version: per node (and per rule), or as a JSON line diff. */
export const FlowDiffView = ({ before, after, beforeLabel }: { before: FlowDocument; after: FlowDocument; beforeLabel: string }) => {
    const [mode, setMode] = useState<'nodes' | 'json'>('nodes');
    const diff = useMemo(() => diffFlows(before, after), [before, after]);
    const lines = useMemo(() => withContext(lineDiff(diffText(before), diffText(after))), [before, after]);
    return (
        <Box data-testid="flow-diff" sx={{ display: 'grid', gap: 1.5 }}>
            <Typography variant="body2" color="text.secondary">
                Against {beforeLabel}.
            </Typography>
            <Tabs value={mode} onChange={(_, value: 'nodes' | 'json') => setMode(value)}>
                <Tab value="nodes" label="By node" data-testid="flow-diff-nodes-tab" />
                <Tab value="json" label="JSON" data-testid="flow-diff-json-tab" />
            </Tabs>
            {mode === 'nodes' ? (
                noChange(diff) ? (
                    <Alert severity="info">No change a case would see: the same nodes, rules and links.</Alert>
                ) : (
                    <Box component="ul" sx={{ m: 0, pl: 2.5, display: 'grid', gap: 0.75 }} data-testid="flow-diff-list">
                        {diff.added.map(node => (
                            <li key={`+${node.id}`}>
                                <Chip size="small" color="success" label="added" /> {node.type} node <b>{node.name || node.id}</b>
                            </li>
                        ))}
                        {diff.removed.map(node => (
                            <li key={`-${node.id}`}>
                                <Chip size="small" color="error" label="removed" /> {node.type} node <b>{node.name || node.id}</b>
                            </li>
                        ))}
                        {diff.changed.filter(change => change.rules.length || change.parts.some(part => part !== 'moved')).map(change => (
                            <li key={change.id} data-testid="flow-diff-node" data-node-id={change.id}>
                                <Chip size="small" color="warning" label="changed" /> {change.type} node <b>{change.name}</b>
                                {change.parts.filter(part => part !== 'moved').length > 0 &&
                                    `: ${change.parts.filter(part => part !== 'moved').join(', ')}`}
                                {change.rules.length > 0 && (
                                    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                                        {change.rules.map(rule => (
                                            <li key={rule.label} data-testid="flow-diff-rule">
                                                <Typography variant="body2" component="span" sx={{ color: `${CHANGE_COLORS[rule.change]}.main` }}>
                                                    {rule.change}
                                                </Typography>{' '}
                                                rule <code>{rule.label}</code>
                                            </li>
                                        ))}
                                    </Box>
                                )}
                            </li>
                        ))}
                        {diff.edgesAdded.map(edge => <li key={`+${edge}`}>link added: {edge}</li>)}
                        {diff.edgesRemoved.map(edge => <li key={`-${edge}`}>link removed: {edge}</li>)}
                    </Box>
                )
            ) : (
                <Box
                    component="pre"
                    data-testid="flow-diff-json"
                    sx={{ m: 0, p: 1, maxHeight: 420, overflow: 'auto', fontSize: 13, lineHeight: 1.45, bgcolor: 'action.hover', borderRadius: 1 }}
                >
                    {lines.map((line, index) => (
                        <Box
                            key={index}
                            component="div"
                            sx={{
                                whiteSpace: 'pre',
                                bgcolor: line.kind === 'added' ? 'rgba(46,125,50,0.15)' : line.kind === 'removed' ? 'rgba(211,47,47,0.15)' : undefined,
                                color: line.kind === 'gap' ? 'text.secondary' : undefined,
                            }}
                        >
                            {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}
                            {line.text}
                        </Box>
                    ))}
                </Box>
            )}
        </Box>
    );
};

export default FlowDiffView;
