// A rule's evaluation trace, as the engine records it (engine/rules/trace.py): one entry per operation run, in
// evaluation order (an operation's entry follows its operands'), each at its JSON Pointer into the flow.
import { pointerSegments } from '../../flowDrafts/flowErrors';
import type { FlowDocument } from '../../types';
import { operation } from './ruleText';

export interface TraceEntry {
    path: string;
    op: string | null;
    value?: unknown;
    /** The operands' values, for comparisons and custom operators. */
    args?: unknown[];
    /** What stopped the evaluation here. */
    error?: string;
}

/** One rule's explanation: `{result, trace}`, with `error` and `truncated` when they apply. */
export interface RuleExplanation {
    result: unknown;
    trace: TraceEntry[];
    error?: TraceEntry;
    truncated?: boolean;
}

export interface TraceNode {
    entry: TraceEntry;
    children: TraceNode[];
}

/** JSON Logic's truthiness (an empty array is false), which decides what "matched" means. */
export const truthy = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : Boolean(value));

/** The trace as a tree: each entry takes the entries before it that lie under its path (its operands, and an
 * operand of `some` or `map` once per item). Entries left over (a trace cut short) are roots. */
export const traceTree = (trace: readonly TraceEntry[]): TraceNode[] => {
    const pending: TraceNode[] = [];
    for (const entry of trace) {
        const under = `${entry.path}/`;
        let first = pending.length;
        while (first > 0 && pending[first - 1].entry.path.startsWith(under)) first -= 1;
        pending.push({ entry, children: pending.splice(first) });
    }
    return pending;
};

/** What is at `path` in the flow document (the rule as written), or undefined. */
export const atPointer = (document: FlowDocument | undefined, path: string): unknown => {
    let here: unknown = document;
    for (const segment of pointerSegments(path)) {
        if (typeof here !== 'object' || here === null) return undefined;
        here = (here as Record<string, unknown>)[segment];
    }
    return here;
};

/** The name a `var` operand reads, when it names one (not the item of `some` or `map`, `{"var": ""}`). */
const namedVar = (rule: unknown): string | null => {
    const found = operation(rule);
    const name = found?.op === 'var' ? found.args[0] : null;
    return typeof name === 'string' && name !== '' ? name : null;
};

/** The entries of the direct operands of `root` (`<root path>/<op>/<index>`), with their index. */
export const operands = (trace: readonly TraceEntry[], root: TraceEntry): { index: number; entry: TraceEntry }[] => {
    const prefix = `${root.path}/${root.op}/`;
    return trace
        .filter(entry => entry.path.startsWith(prefix) && /^\d+$/.test(entry.path.slice(prefix.length)))
        .map(entry => ({ index: Number(entry.path.slice(prefix.length)), entry }));
};

/**
 * The conditions that decided a rule's result: for `if`, the condition of the branch taken (none: its last,
 * default branch was); for `or`, those that held; for `and`, all of them, or the one that failed; for anything
 * else, the rule itself. Empty when the rule never ran (a constant) or failed.
 */
export const decidingConditions = (trace: readonly TraceEntry[], document?: FlowDocument): TraceEntry[] => {
    const root = trace[trace.length - 1];
    if (!root || root.error) return [];
    const taken = operands(trace, root);
    switch (root.op) {
        case 'if':
        case '?:': {
            // Conditions are at even places; with the rule at hand, an odd count's last operand is the default.
            const count = operation(atPointer(document, root.path))?.args.length;
            const held = taken.find(
                ({ index, entry }) => index % 2 === 0 && (count === undefined || index + 1 < count) && truthy(entry.value),
            );
            return held ? [held.entry] : [];
        }
        case 'or':
            return taken.filter(({ entry }) => truthy(entry.value)).map(({ entry }) => entry);
        case 'and':
            return truthy(root.value) ? taken.map(({ entry }) => entry) : taken.slice(-1).map(({ entry }) => entry);
        default:
            return [root];
    }
};

/**
 * The values a condition read, by name: each `var` operand of an operation under `condition`, as the trace
 * recorded its value (`sentiment = -0.68`). Needs the rule as written, to know which operands are vars.
 */
export const valuesSeen = (
    trace: readonly TraceEntry[],
    condition: TraceEntry,
    document: FlowDocument | undefined,
): [name: string, value: unknown][] => {
    const seen = new Map<string, unknown>();
    for (const entry of trace) {
        if (!entry.args || (entry.path !== condition.path && !entry.path.startsWith(`${condition.path}/`))) continue;
        const written = operation(atPointer(document, entry.path));
        written?.args.forEach((arg, index) => {
            const name = namedVar(arg);
            if (name !== null && !seen.has(name) && entry.args && index < entry.args.length) {
                seen.set(name, entry.args[index]);
            }
        });
    }
    return [...seen];
};
