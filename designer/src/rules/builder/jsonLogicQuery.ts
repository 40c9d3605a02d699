// A JSON Logic rule to and from react-querybuilder's query, and whether the trip back gives the very same rule.
// The builder edits a rule only when it does: parseJsonLogic silently drops or reshapes what it cannot show
// (branches, arithmetic, a list's items tested other than against values), and saving that would change what the
// rule decides.
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

/**
 * Conditions the builder shows as one operator though their JSON Logic is a shape, not an operator of its own: a
 * field tested for truth alone, and a list's items tested against values (`tags` has any of "safety", "legal").
 * Each is written exactly as it was read.
 */
export const BUILDER_SHAPES = {
    truthy: '{"var": field}',
    falsy: '{"!": {"var": field}}',
    some_is: '{"some": [{"var": field}, {"==": [{"var": ""}, value]}]}',
    some_in: '{"some": [{"var": field}, {"in": [{"var": ""}, [values]]}]}',
    all_in: '{"all": [{"var": field}, {"in": [{"var": ""}, [values]]}]}',
    none_in: '{"none": [{"var": field}, {"in": [{"var": ""}, [values]]}]}',
} as const;

export type BuilderShape = keyof typeof BUILDER_SHAPES;
export const shapeOperatorName = (shape: BuilderShape) => `shape:${shape}`;
const shapeOf = (operator: string): BuilderShape | null =>
    operator.startsWith('shape:') && operator.slice('shape:'.length) in BUILDER_SHAPES
        ? (operator.slice('shape:'.length) as BuilderShape)
        : null;
// The pseudo operators a rule's shapes are read as (parseJsonLogic takes custom operators by key).
const SHAPE_KEY = '__switchboard_shape';
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

const isVar = (value: unknown, name?: string): value is { var: string } =>
    isObject(value) && Object.keys(value).length === 1 && typeof value.var === 'string' && (name === undefined || value.var === name);
const isScalar = (value: unknown): value is string | number => typeof value === 'string' || typeof value === 'number';
// Strings only: the builder keeps a list of values as "a,b" text, which would turn numbers into strings.
const isTexts = (value: unknown): value is string[] =>
    Array.isArray(value) && value.length > 0 && value.every(item => typeof item === 'string' && !item.includes(','));

/** The shape a condition is (and its field and value), or null. */
const readShape = (rule: unknown): { shape: BuilderShape; field: string; value?: unknown } | null => {
    if (isVar(rule) && rule.var !== '') return { shape: 'truthy', field: rule.var };
    if (!isObject(rule) || Object.keys(rule).length !== 1) return null;
    const [key, args] = Object.entries(rule)[0];
    if (key === '!' && isVar(args) && args.var !== '') return { shape: 'falsy', field: args.var };
    if ((key === 'some' || key === 'all' || key === 'none') && Array.isArray(args) && args.length === 2 && isVar(args[0])) {
        const [list, test] = args;
        if (!isObject(test) || Object.keys(test).length !== 1) return null;
        const [testKey, testArgs] = Object.entries(test)[0];
        if (!Array.isArray(testArgs) || testArgs.length !== 2 || !isVar(testArgs[0], '')) return null;
        const operand = testArgs[1];
        if (key === 'some' && testKey === '==' && isScalar(operand)) return { shape: 'some_is', field: list.var, value: operand };
        if (testKey === 'in' && isTexts(operand)) return { shape: `${key}_in` as BuilderShape, field: list.var, value: operand };
    }
    return null;
};

/**
 * The rule with each condition the builder shows by its shape (at a condition's place: the rule itself, an
 * and/or's items, a negation's operand) replaced by a pseudo operator parseJsonLogic hands to jsonLogicOperations.
 */
const markShapes = (rule: unknown): unknown => {
    const shape = readShape(rule);
    if (shape) return { [SHAPE_KEY]: shape };
    if (!isObject(rule) || Object.keys(rule).length !== 1) return rule;
    const [key, args] = Object.entries(rule)[0];
    if ((key === 'and' || key === 'or') && Array.isArray(args)) return { [key]: args.map(markShapes) };
    if (key === '!') return { '!': markShapes(args) };
    return rule;
};

const shapeOperation = (value: unknown): RuleType | false => {
    if (!isObject(value) || typeof value.field !== 'string' || typeof value.shape !== 'string') return false;
    const shape = value.shape as BuilderShape;
    const listed = Array.isArray(value.value) ? value.value.join(',') : value.value;
    return { field: value.field, operator: shapeOperatorName(shape), value: listed ?? '' };
};

const shapeValues = (value: unknown): string[] =>
    (Array.isArray(value) ? value.map(String) : String(value ?? '').split(','))
        .map(item => item.trim())
        .filter(item => item !== '');

const writeShape = (shape: BuilderShape, field: string, value: unknown): unknown => {
    const subject = { var: field };
    switch (shape) {
        case 'truthy':
            return subject;
        case 'falsy':
            return { '!': subject };
        case 'some_is':
            return { some: [subject, { '==': [{ var: '' }, value] }] };
        default:
            return { [shape.slice(0, -'_in'.length)]: [subject, { in: [{ var: '' }, shapeValues(value)] }] };
    }
};

const jsonLogicOperations = Object.fromEntries([
    [SHAPE_KEY, shapeOperation],
    ...Object.keys(BUILDER_CUSTOM_OPS).map(op => [
        op,
        (value: unknown): RuleType | false => {
            const [subject, operand, ...rest] = Array.isArray(value) ? value : [];
            const field = isObject(subject) && typeof subject.var === 'string' ? subject.var : null;
            const plain = typeof operand === 'string' || (Array.isArray(operand) && operand.every(v => typeof v === 'string'));
            if (field === null || !plain || rest.length) return false;
            return { field, operator: customOperatorName(op), value: Array.isArray(operand) ? operand.join(',') : operand };
        },
    ]),
]);

const ruleProcessor: RuleProcessor = (rule, options) => {
    const shape = shapeOf(rule.operator);
    if (shape !== null) return writeShape(shape, rule.field, rule.value);
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
    parseJsonLogic(markShapes(rule) as never, { jsonLogicOperations }) as RuleGroupType;

const canonical = (value: unknown): string => JSON.stringify(value, (_, item) =>
    isObject(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))) : item);

/** The builder's query for a rule, or why the builder cannot edit it without changing it. */
export const roundTrip = (rule: unknown): RoundTrip => {
    if (!isObject(rule)) {
        return { ok: false, code: 'constant', reason: `a fixed value (${JSON.stringify(rule)}), not a condition` };
    }
    // What is left once the shapes the builder shows are set aside.
    const used = operators(markShapes(rule));
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
        return {
            ok: false,
            code: 'each_item',
            reason: `it tests each item of a list with "${each}" in a way other than equal to a value or one of values`,
        };
    }
    const query = ruleToQuery(rule);
    const back = queryToRule(query);
    if (canonical(back) !== canonical(rule)) {
        return { ok: false, code: 'changed', reason: `the builder would save it as ${JSON.stringify(back)}` };
    }
    return { ok: true, query };
};
