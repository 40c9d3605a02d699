// What publishing a draft changes against the active version: per node (added, removed, changed, and in a
// changed node which rules), per edge, and as a line diff of the pretty-printed documents (positions left out:
// moving a node changes no decision).
import type { FlowDocument, FlowNode } from '../types';

export interface NodeChange {
    id: string;
    name: string;
    type: string;
    /** What changed besides rules: name, type, settings (content outside the rules), moved. */
    parts: string[];
    /** Rules added, removed or changed, by name. */
    rules: { label: string; change: 'added' | 'removed' | 'changed' }[];
}

export interface FlowDiff {
    added: FlowNode[];
    removed: FlowNode[];
    changed: NodeChange[];
    edgesAdded: string[];
    edgesRemoved: string[];
}

export interface DiffLine {
    kind: 'same' | 'added' | 'removed';
    text: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const SINGLE_RULES = ['needs_response', 'priority', 'requires_approval'];
const RULE_SETS = ['rules', 'routing', 'select'];

/** A node's rules by name: single rules by key, a set's rules by id (`routing: press-to-pr`), with the set's default. */
const rulesOf = (content: unknown): Map<string, unknown> => {
    const found = new Map<string, unknown>();
    if (!isObject(content)) return found;
    for (const key of SINGLE_RULES) if (key in content) found.set(key, content[key]);
    for (const key of RULE_SETS) {
        const set = content[key];
        if (!isObject(set)) continue;
        (Array.isArray(set.rules) ? set.rules : []).forEach((rule, index) => {
            const id = isObject(rule) && rule.id !== undefined ? String(rule.id) : `#${index + 1}`;
            found.set(`${key}: ${id}`, rule);
        });
        if ('default' in set) found.set(`${key}: default`, set.default);
        if ('mode' in set) found.set(`${key}: mode`, set.mode);
    }
    return found;
};

const settingsOf = (content: unknown): Record<string, unknown> => {
    if (!isObject(content)) return {};
    return Object.fromEntries(Object.entries(content).filter(([key]) => !SINGLE_RULES.includes(key) && !RULE_SETS.includes(key)));
};

const ruleChanges = (before: unknown, after: unknown): NodeChange['rules'] => {
    const a = rulesOf(before);
    const b = rulesOf(after);
    const changes: NodeChange['rules'] = [];
    for (const [label, rule] of b) {
        if (!a.has(label)) changes.push({ label, change: 'added' });
        else if (!same(a.get(label), rule)) changes.push({ label, change: 'changed' });
    }
    for (const label of a.keys()) if (!b.has(label)) changes.push({ label, change: 'removed' });
    return changes;
};

const edgeLabel = (edge: { sourceId: string; targetId: string }) => `${edge.sourceId} → ${edge.targetId}`;

export const diffFlows = (before: FlowDocument, after: FlowDocument): FlowDiff => {
    const old = new Map(before.nodes.map(node => [node.id, node]));
    const now = new Map(after.nodes.map(node => [node.id, node]));
    const changed: NodeChange[] = [];
    for (const node of after.nodes) {
        const previous = old.get(node.id);
        if (!previous) continue;
        const parts: string[] = [];
        if (previous.name !== node.name) parts.push('name');
        if (previous.type !== node.type) parts.push('type');
        if (!same(settingsOf(previous.content), settingsOf(node.content))) parts.push('settings');
        if (!same(previous.position, node.position)) parts.push('moved');
        const rules = ruleChanges(previous.content, node.content);
        if (parts.length || rules.length) changed.push({ id: node.id, name: node.name || node.id, type: node.type, parts, rules });
    }
    const oldEdges = new Set(before.edges.map(edgeLabel));
    const newEdges = new Set(after.edges.map(edgeLabel));
    return {
        added: after.nodes.filter(node => !old.has(node.id)),
        removed: before.nodes.filter(node => !now.has(node.id)),
        changed,
        edgesAdded: [...newEdges].filter(edge => !oldEdges.has(edge)),
        edgesRemoved: [...oldEdges].filter(edge => !newEdges.has(edge)),
    };
};

/** True when publishing would change nothing a case sees (positions aside). */
export const noChange = (diff: FlowDiff) =>
    !diff.added.length && !diff.removed.length && !diff.edgesAdded.length && !diff.edgesRemoved.length &&
    diff.changed.every(change => change.parts.every(part => part === 'moved') && !change.rules.length);

/** The document pretty-printed for a line diff, without positions. */
export const diffText = (document: FlowDocument): string =>
    JSON.stringify({ ...document, nodes: document.nodes.map(({ position: _position, ...node }) => node) }, null, 2);

/** A line diff (longest common subsequence), in order: unchanged, removed and added lines. */
export const lineDiff = (before: string, after: string): DiffLine[] => {
    const a = before.split('\n');
    const b = after.split('\n');
    // Common head and tail first: a flow's diff is small, and the table is then only as big as the changed middle.
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
    const x = a.slice(head, a.length - tail);
    const y = b.slice(head, b.length - tail);
    const table = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
    for (let i = x.length - 1; i >= 0; i -= 1) {
        for (let j = y.length - 1; j >= 0; j -= 1) {
            table[i][j] = x[i] === y[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
        }
    }
    const middle: DiffLine[] = [];
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
        if (i < x.length && j < y.length && x[i] === y[j]) {
            middle.push({ kind: 'same', text: x[i] });
            i += 1;
            j += 1;
        } else if (i < x.length && (j >= y.length || table[i + 1][j] >= table[i][j + 1])) {
            middle.push({ kind: 'removed', text: x[i] });
            i += 1;
        } else {
            middle.push({ kind: 'added', text: y[j] });
            j += 1;
        }
    }
    return [
        ...a.slice(0, head).map(text => ({ kind: 'same' as const, text })),
        ...middle,
        ...a.slice(a.length - tail).map(text => ({ kind: 'same' as const, text })),
    ];
};

/** Only the changed lines with `context` unchanged lines around them; a gap in between is one `…` line. */
export const withContext = (lines: DiffLine[], context = 3): (DiffLine | { kind: 'gap'; text: string })[] => {
    const near = new Set<number>();
    lines.forEach((line, index) => {
        if (line.kind === 'same') return;
        for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k += 1) near.add(k);
    });
    const out: (DiffLine | { kind: 'gap'; text: string })[] = [];
    lines.forEach((line, index) => {
        if (near.has(index)) out.push(line);
        else if (out.length === 0 || out[out.length - 1].kind !== 'gap') out.push({ kind: 'gap', text: '…' });
    });
    return out;
};
