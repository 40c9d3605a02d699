// Sentences about rules from their evidence: which condition decided, with the values it read.
import type { FlowDocument } from '../../types';
import { pointerSegments } from '../../flowDrafts/flowErrors';
import { ruleText, valueText } from './ruleText';
import { atPointer, decidingConditions, operands, truthy, valuesSeen } from './trace';
import type { RuleExplanation, TraceEntry } from './trace';

/** A piece of an explanation: text, an agent or a team (shown by name), or code (a condition, a rule id). */
export type Part = string | { agent: string } | { team: string } | { code: string };

export type Detail = Record<string, unknown>;

export const asRecord = (value: unknown): Detail =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Detail) : {};

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const asText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** `items` with `separator` between them. */
export const joined = (items: Part[][], separator: string): Part[] =>
    items.flatMap((item, index) => (index === 0 ? item : [separator, ...item]));

/**
 * An operation as the trace saw it, for when the flow (the rule as written) is not at hand: `-0.68 < -0.05`;
 * an operation without recorded operands (`and`, `or`) by the operands it ran.
 */
const seenText = (trace: readonly TraceEntry[], entry: TraceEntry): string => {
    const args = entry.args;
    if (args?.length === 2) return `${valueText(args[0], 40)} ${entry.op} ${valueText(args[1], 40)}`;
    if (args) return `${entry.op}(${args.map(arg => valueText(arg, 40)).join(', ')})`;
    const ran = operands(trace, entry).map(({ entry: operand }) => `(${seenText(trace, operand)})`);
    return ran.length ? ran.join(` ${entry.op} `) : String(entry.op);
};

/** "`followers > 10000` matched (followers = 25000)": a condition, whether it held, and the values it read. */
export const conditionParts = (trace: readonly TraceEntry[], entry: TraceEntry, flow?: FlowDocument): Part[] => {
    const written = atPointer(flow, entry.path);
    const values = valuesSeen(trace, entry, flow).map(([name, value]) => `${name} = ${valueText(value)}`);
    return [
        { code: written === undefined ? seenText(trace, entry) : ruleText(written) },
        truthy(entry.value) ? ' matched' : ' did not match',
        values.length ? ` (${values.join(', ')})` : '',
    ];
};

/** Why one rule gave its result: " because `x` matched", " because no condition matched", or its failure. */
export const ruleBecause = (explanation: unknown, flow?: FlowDocument): Part[] => {
    const { trace, error } = asRecord(explanation) as Partial<RuleExplanation>;
    if (error) return [` (the rule failed: ${error.error ?? 'error'})`];
    if (!trace?.length) return []; // a constant: nothing was evaluated
    const conditions = decidingConditions(trace, flow);
    if (!conditions.length) return [' because no condition matched'];
    return [' because ', ...joined(conditions.map(entry => conditionParts(trace, entry, flow)), ' and ')];
};

/**
 * How a first-match rule set decided (routing, SLA policy): " by rule 2 `id`: `condition` matched (...)", or
 * that no rule matched and the set's default applied.
 */
export const ruleSetParts = (evidence: Detail, flow?: FlowDocument): Part[] => {
    const rules = asArray(evidence.rules).map(asRecord);
    const hit = asText(asArray(evidence.matched)[0]);
    const index = rules.findIndex(rule => rule.id === hit);
    if (hit === null || index < 0) {
        return [`: no rule matched (${rules.length} checked), so the flow's default`];
    }
    const trace = asArray(rules[index].trace) as TraceEntry[];
    const root = trace[trace.length - 1];
    return [` by rule ${index + 1} `, { code: hit }, ...(root ? [': ', ...conditionParts(trace, root, flow)] : [])];
};

export interface NamedRule extends RuleExplanation {
    label: string;
    /** In a rule set: whether this rule matched. */
    matched?: boolean;
}

/** The rule (or its last path segment, e.g. `requires_approval`) a trace evaluated, named by its root entry. */
const traceLabel = (trace: readonly TraceEntry[], fallback: string): string =>
    pointerSegments(trace[trace.length - 1]?.path).slice(-1)[0] ?? fallback;

const asExplanation = (value: unknown): RuleExplanation | null => {
    const found = asRecord(value);
    return Array.isArray(found.trace) ? (found as unknown as RuleExplanation) : null;
};

/**
 * Every rule an event's evidence traced, whatever its kind: a rule set's rules (routing, SLA policy), one rule
 * (`{result, trace}`: approval), or several by name (`{needs_response: {...}, priority: {...}}`: triage).
 */
export const evidenceRules = (detail: Detail): NamedRule[] => {
    const evidence = asRecord(detail.evidence);
    if (Array.isArray(evidence.rules)) {
        return evidence.rules.map(asRecord).map((rule, index) => ({
            label: `rule ${index + 1}: ${String(rule.id)}`,
            matched: Boolean(rule.matched),
            result: rule.value,
            trace: asArray(rule.trace) as TraceEntry[],
            error: rule.error as TraceEntry | undefined,
        }));
    }
    const one = asExplanation(evidence.trace);
    if (one) return [{ ...one, label: traceLabel(one.trace, 'rule') }];
    return Object.entries(asRecord(evidence.trace)).flatMap(([label, value]) => {
        const found = asExplanation(value);
        return found ? [{ ...found, label }] : [];
    });
};
