// Where a node's content holds JSON Logic rules: one slot per rule, with its JSON Pointer inside the node
// (`/content/routing/rules/2/when`), for the editor's tabs and for placing the engine's errors on a rule.
import type { FlowNode } from '../../types';

export interface RuleSlot {
    /** JSON Pointer from the node: `/content/...`. */
    path: string;
    /** Content keys down to the rule. */
    keys: (string | number)[];
    label: string;
    rule: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

const pointer = (keys: (string | number)[]) =>
    `/content/${keys.map(key => String(key).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

// Per node type: single rules by key, and rule sets by key (each rule's `when`).
const SINGLE: Record<string, string[]> = { triage: ['needs_response', 'priority'], approval: ['requires_approval'] };
const SETS: Record<string, string[]> = { tag: ['rules'], assign: ['routing'], sla: ['select'] };

export const ruleSlots = (node: Pick<FlowNode, 'type' | 'content'>): RuleSlot[] => {
    const content = isObject(node.content) ? node.content : {};
    const slots: RuleSlot[] = [];
    for (const key of SINGLE[node.type] ?? []) {
        if (key in content) slots.push({ path: pointer([key]), keys: [key], label: key, rule: content[key] });
    }
    // Triage's auto-reply: its `when` rule (the canned reply it sends is picked beside it, in NodeRules).
    const auto = node.type === 'triage' ? content.auto_reply : undefined;
    if (isObject(auto) && 'when' in auto) {
        const keys = ['auto_reply', 'when'];
        slots.push({ path: pointer(keys), keys, label: 'auto_reply when', rule: auto.when });
    }
    for (const key of SETS[node.type] ?? []) {
        const set = content[key];
        const rules = isObject(set) && Array.isArray(set.rules) ? set.rules : [];
        rules.forEach((rule, index) => {
            if (!isObject(rule)) return;
            const keys = [key, 'rules', index, 'when'];
            slots.push({ path: pointer(keys), keys, label: `${key} rule ${index + 1}: ${String(rule.id ?? '')}`, rule: rule.when });
        });
    }
    return slots;
};

/** The content with the rule at `keys` replaced (copies along the path only). */
export const setRule = (content: Record<string, unknown>, keys: (string | number)[], rule: unknown): Record<string, unknown> => {
    const [head, ...rest] = keys;
    const put = (container: unknown, key: string | number, value: unknown): unknown => {
        if (Array.isArray(container)) return container.map((item, index) => (index === key ? value : item));
        return { ...(isObject(container) ? container : {}), [key]: value };
    };
    const descend = (container: unknown, path: (string | number)[]): unknown => {
        const [key, ...more] = path;
        if (!more.length) return put(container, key, rule);
        const child = Array.isArray(container) ? container[key as number] : isObject(container) ? container[key as string] : undefined;
        return put(container, key, descend(child, more));
    };
    return descend(content, [head, ...rest]) as Record<string, unknown>;
};
