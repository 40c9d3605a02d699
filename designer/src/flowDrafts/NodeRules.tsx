import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { AutoReplyField } from './AutoReplyField';
import type { FlowNode } from '../types';
import type { FlowField } from '../rules/builder/fields';
import { ruleSlots, setRule } from '../rules/builder/ruleSlots';
import { RuleEditor } from './RuleEditor';
import { useFlowFields } from './useFlowFields';

// Rule sets a node type holds, by content key (each rule `{id, when, then}`).
export const RULE_SETS: Record<string, string> = { tag: 'rules', assign: 'routing', sla: 'select' };

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

interface NodeRulesProps {
    node: FlowNode;
    fields: FlowField[];
    errorsAt: (path: string) => string[];
    onContentChange: (content: Record<string, unknown>) => void;
}

/** Every rule of a node, each in a RuleEditor; a rule set's rules with their outcome (`then`) and an Add button. */
export const NodeRules = ({ node, fields, errorsAt, onContentChange }: NodeRulesProps) => {
    const content = isObject(node.content) ? node.content : {};
    const slots = ruleSlots(node);
    const setKey = RULE_SETS[node.type];
    const set = setKey && isObject(content[setKey]) ? (content[setKey] as Record<string, unknown>) : undefined;
    const rules = set && Array.isArray(set.rules) ? set.rules : [];
    // Routing rules name a team: the teams that exist (the SLA stage's `team_id` values).
    const teams = useFlowFields('sla').find(field => field.name === 'team_id')?.values ?? [];

    const addRule = () => {
        const taken = new Set(rules.filter(isObject).map(rule => String(rule.id)));
        let n = rules.length + 1;
        while (taken.has(`rule-${n}`)) n += 1;
        const tags = fields.find(field => field.name === 'tags')?.values ?? [];
        const when = { in: [tags[0] ?? '', { var: 'tags' }] };
        const then = set?.default ?? (node.type === 'assign' ? { team_id: 'support' } : '');
        // First: in a first-match set, a new rule is meant to win over the ones before it.
        const added = { id: `rule-${n}`, when, then };
        onContentChange({ ...content, [setKey]: { mode: 'first_match', ...(set ?? {}), rules: [added, ...rules] } });
    };

    // Triage's auto-reply: the canned reply picked right above its `when` rule (alone while there is none).
    const autoReply = node.type === 'triage' && (
        <AutoReplyField
            content={content}
            tags={fields.find(field => field.name === 'tags')?.values ?? []}
            errors={errorsAt('/content/auto_reply/canned_reply_id')}
            onContentChange={onContentChange}
        />
    );
    const autoReplyAlone = node.type === 'triage' && !slots.some(slot => slot.keys[0] === 'auto_reply');

    return (
        <Box sx={{ display: 'grid', gap: 1.5 }} data-testid="node-rules">
            {setKey && (
                <Button size="small" variant="outlined" startIcon={<AddIcon />} onClick={addRule} data-testid="rule-add" sx={{ justifySelf: 'start' }}>
                    Add rule
                </Button>
            )}
            {slots.map(slot => {
                const inSet = slot.keys.length === 4;
                const index = inSet ? Number(slot.keys[2]) : -1;
                return (
                    <Box key={`${node.id}:${slot.path}:${inSet ? String((rules[index] as Record<string, unknown>)?.id) : ''}`} sx={{ display: 'grid', gap: 0.5 }}>
                        {slot.keys[0] === 'auto_reply' && autoReply}
                        <RuleEditor
                            label={slot.label}
                            path={slot.path}
                            rule={slot.rule}
                            fields={fields}
                            errors={errorsAt(slot.path)}
                            onChange={rule => onContentChange(setRule(content, slot.keys, rule))}
                        />
                        {inSet && node.type === 'assign' && (
                            <TeamField
                                value={(rules[index] as Record<string, unknown>).then}
                                teams={teams}
                                onChange={then => onContentChange(setRule(content, [setKey, 'rules', index, 'then'], then))}
                            />
                        )}
                        {inSet && (
                            <ThenField
                                value={(rules[index] as Record<string, unknown>).then}
                                errors={errorsAt(`/content/${setKey}/rules/${index}/then`)}
                                onChange={then => onContentChange(setRule(content, [setKey, 'rules', index, 'then'], then))}
                            />
                        )}
                    </Box>
                );
            })}
            {autoReplyAlone && autoReply}
        </Box>
    );
};

/** A routing rule's queue: its `then.team_id`, picked from the teams that exist (the rest of `then` kept). */
const TeamField = ({ value, teams, onChange }: { value: unknown; teams: string[]; onChange: (value: unknown) => void }) => {
    const then = isObject(value) ? value : {};
    const current = typeof then.team_id === 'string' ? then.team_id : '';
    const options = current && !teams.includes(current) ? [current, ...teams] : teams;
    return (
        <TextField
            select
            size="small"
            label="Then route to the queue of"
            value={current}
            onChange={event => onChange({ ...then, team_id: event.target.value })}
            slotProps={{ htmlInput: { 'data-testid': 'rule-team' } }}
        >
            {options.map(team => (
                <MenuItem key={team} value={team}>
                    {team}
                    {teams.includes(team) ? '' : ' (no such team)'}
                </MenuItem>
            ))}
        </TextField>
    );
};

/** A rule's outcome as JSON (a team `{"team_id": ...}`, a tag, a policy id). */
const ThenField = ({ value, errors, onChange }: { value: unknown; errors: string[]; onChange: (value: unknown) => void }) => {
    const [text, setText] = useState(() => JSON.stringify(value));
    const [error, setError] = useState<string | null>(null);
    // Changed elsewhere (the queue picker): show it, unless the text typed here already says the same.
    useEffect(() => {
        setText(current => {
            try {
                if (JSON.stringify(JSON.parse(current)) === JSON.stringify(value)) return current;
            } catch {
                // being typed: replaced below only when the value really changed elsewhere
            }
            return JSON.stringify(value);
        });
    }, [value]);
    const problem = error ?? (errors.length ? errors.join('; ') : null);
    return (
        <TextField
            size="small"
            label="Then (JSON)"
            value={text}
            error={Boolean(problem)}
            helperText={problem ?? undefined}
            onChange={event => {
                setText(event.target.value);
                try {
                    onChange(JSON.parse(event.target.value));
                    setError(null);
                } catch (thrown) {
                    setError(thrown instanceof Error ? thrown.message : String(thrown));
                }
            }}
            slotProps={{ htmlInput: { 'data-testid': 'rule-then', spellCheck: false, style: { fontFamily: 'monospace', fontSize: 13 } } }}
        />
    );
};

export default NodeRules;
