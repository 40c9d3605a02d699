import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { FlowDocument } from '../../types';
import type { NamedRule } from './ruleParts';
import { ruleText, valueText } from './ruleText';
import { atPointer, traceTree, truthy } from './trace';
import type { TraceNode } from './trace';

const outcomeColor = (value: unknown, error?: string) =>
    error ? 'error.main' : truthy(value) ? 'success.main' : 'text.secondary';

const Outcome = ({ value, error }: { value: unknown; error?: string }) => (
    <Box component="span" sx={{ color: outcomeColor(value, error), fontWeight: 500 }}>
        {error ? `failed: ${error}` : valueText(value)}
    </Box>
);

/** One operation: the rule as written (or its operator), the operands' values it saw, and what it gave. */
const TraceNodeView = ({ node, flow }: { node: TraceNode; flow?: FlowDocument }) => {
    const { entry, children } = node;
    const written = atPointer(flow, entry.path);
    return (
        <Box component="li" data-testid="trace-node" data-path={entry.path} sx={{ my: 0.25 }}>
            <Box component="code" title={entry.path}>
                {written === undefined ? entry.op : ruleText(written)}
            </Box>
            {entry.args && (
                <Box component="span" sx={{ color: 'text.secondary' }}>
                    {' '}
                    with {entry.args.map(arg => valueText(arg, 60)).join(', ')}
                </Box>
            )}
            {' → '}
            <Outcome value={entry.value} error={entry.error} />
            {children.length > 0 && <TraceList nodes={children} flow={flow} />}
        </Box>
    );
};

const TraceList = ({ nodes, flow }: { nodes: TraceNode[]; flow?: FlowDocument }) => (
    <Box component="ul" sx={{ pl: 2.5, my: 0, listStyle: 'disc' }}>
        {nodes.map((node, index) => (
            // A trace is fixed once recorded: an entry's place is its identity (one path repeats under `some`).
            <TraceNodeView key={index} node={node} flow={flow} />
        ))}
    </Box>
);

/** Each rule an event's evidence evaluated, its trace as a tree: every operation under the one that used it. */
export const RuleTraces = ({ rules, flow }: { rules: NamedRule[]; flow?: FlowDocument }) => (
    <Box sx={{ display: 'grid', gap: 1, fontSize: 13 }}>
        {rules.map(rule => (
            <Box key={rule.label} data-testid="case-event-trace" data-rule={rule.label}>
                <Typography variant="caption" component="div" color="text.secondary">
                    {rule.label}
                    {rule.matched !== undefined && (rule.matched ? ' (matched)' : ' (no match)')} → {valueText(rule.result)}
                    {rule.truncated && ' (trace cut short)'}
                </Typography>
                {rule.trace.length ? (
                    <TraceList nodes={traceTree(rule.trace)} flow={flow} />
                ) : (
                    <Typography variant="caption">a constant: nothing to evaluate</Typography>
                )}
            </Box>
        ))}
    </Box>
);

export default RuleTraces;
