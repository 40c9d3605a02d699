// A JSON Logic rule to and from react-querybuilder's query, and whether the trip back gives the very same rule.
// The builder edits a rule only when it does: parseJsonLogic silently drops or reshapes what it cannot show
// (branches, arithmetic, a bare `var`), and saving that would change what the rule decides.
import { defaultRuleProcessorJsonLogic, formatQuery } from 'react-querybuilder';
import type { RuleGroupType, RuleProcessor, RuleType } from 'react-querybuilder';
import { parseJsonLogic } from 'react-querybuilder/parseJsonLogic';

/** The engine's custom text operators (engine/rules/library, designer/src/rules/customOps.ts) the builder offers:
 * each is written `{op: [{"var": field}, value]}`. */
export const BUILDER_CUSTOM_OPS = {
    contains: 'contains (any case)',
    word: 'has the word',
    contains_any: 'contains any of',
    starts_with: 'starts with (any case)',
    ends_with: 'ends with (any case)',
    regex: 'matches the pattern',
} as const;

export type BuilderCustomOp = keyof typeof BUILDER_CUSTOM_OPS;
// Prefixed: react-querybuilder has operators of its own named `contains`, `beginsWith`...
export const customOperatorName = (op: string) => `engine:${op}`;
const customOp = (operator: string): string | null =>
    operator.startsWith('engine:') ? operator.slice('engine:'.length) : null;

export type RoundTrip =
    | { ok: true; query: RuleGroupType }
    | { ok: false; code: 'constant' | 'branches' | 'arithmetic' | 'each_item' | 'changed'; reason: string };

const ARITHMETIC = new Set(['+', '-', '*', '/', '%', 'max', 'min', 'substr', 'cat', 'merge', 'map', 'reduce', 'filter']);
const BRANCHES = new Set(['if', '?:']);
// react-querybuilder shows these only as a field's match mode, and a field with match modes loses its plain
// `has` rules: the builder keeps to the plain ones.
const EACH_ITEM = new Set(['some', 'all', 'none']);
const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every operator a rule uses (its keys, depth first). */
const operators = (rule: unknown, found: Set<string> = new Set()): Set<string> => {
    if (Array.isArray(rule)) rule.forEach(item => operators(item, found));
    else if (isObject(rule)) {
        for (const [key, value] of Object.entries(rule)) {
            found.add(key);
            operators(value, found);
        }
    }
    return found;
};

const jsonLogicOperations = Object.fromEntries(
    Object.keys(BUILDER_CUSTOM_OPS).map(op => [
        op,
        (value: unknown): RuleType | false => {
            const [subject, operand, ...rest] = Array.isArray(value) ? value : [];
            const field = isObject(subject) && typeof subject.var === 'string' ? subject.var : null;
            const plain = typeof operand === 'string' || (Array.isArray(operand) && operand.every(v => typeof v === 'string'));
            if (field === null || !plain || rest.length) return false;
            return { field, operator: customOperatorName(op), value: Array.isArray(operand) ? operand.join(',') : operand };
        },
    ]),
);

const ruleProcessor: RuleProcessor = (rule, options) => {
    const op = customOp(rule.operator);
    if (op === null) return defaultRuleProcessorJsonLogic(rule, options);
    const value = op === 'contains_any' ? String(rule.value).split(',').map(item => item.trim()).filter(Boolean) : rule.value;
    return { [op]: [{ var: rule.field }, value] };
};

/** The rule a query writes: a lone condition unwrapped from its group (`{"and": [x]}` decides as `x`). */
export const queryToRule = (query: RuleGroupType): unknown => {
    const rule = formatQuery(query, { format: 'jsonlogic', ruleProcessor, parseNumbers: true });
    if (isObject(rule)) {
        const [key, ...others] = Object.keys(rule);
        const items = rule[key];
        if (!others.length && (key === 'and' || key === 'or') && Array.isArray(items) && items.length === 1) return items[0];
    }
    return rule;
};

export const ruleToQuery = (rule: unknown): RuleGroupType =>
    parseJsonLogic(rule as never, { jsonLogicOperations }) as RuleGroupType;

const canonical = (value: unknown): string => JSON.stringify(value, (_, item) =>
    isObject(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))) : item);

/** The builder's query for a rule, or why the builder cannot edit it without changing it. */
export const roundTrip = (rule: unknown): RoundTrip => {
    if (!isObject(rule)) {
        return { ok: false, code: 'constant', reason: `a fixed value (${JSON.stringify(rule)}), not a condition` };
    }
    const used = operators(rule);
    const branch = [...used].find(op => BRANCHES.has(op));
    if (branch) {
        return { ok: false, code: 'branches', reason: `it chooses between values with "${branch}": the builder edits conditions only` };
    }
    const arithmetic = [...used].find(op => ARITHMETIC.has(op));
    if (arithmetic) {
        return { ok: false, code: 'arithmetic', reason: `it computes with "${arithmetic}": the builder compares fields with values only` };
    }
    const each = [...used].find(op => EACH_ITEM.has(op));
    if (each) {
        return { ok: false, code: 'each_item', reason: `it tests each item of a list with "${each}"` };
    }
    const query = ruleToQuery(rule);
    const back = queryToRule(query);
    if (canonical(back) !== canonical(rule)) {
        return { ok: false, code: 'changed', reason: `the builder would save it as ${JSON.stringify(back)}` };
    }
    return { ok: true, query };
};
