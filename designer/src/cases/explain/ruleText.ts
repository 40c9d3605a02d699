// JSON Logic as one line for a reader: {"<": [{"var": "sentiment"}, -0.05]} reads `sentiment < -0.05`.
// Only for showing: the engine and json-logic-js evaluate the JSON itself.

const INFIX = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=', 'in', '+', '-', '*', '/', '%']);
const JOINED = new Set(['and', 'or']);

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

/** The operator and operands of an operation (`{"op": [args]}` or `{"op": arg}`); null for anything else. */
export const operation = (rule: unknown): { op: string; args: unknown[] } | null => {
    if (!isObject(rule)) return null;
    const keys = Object.keys(rule);
    if (keys.length !== 1) return null;
    const raw = rule[keys[0]];
    return { op: keys[0], args: Array.isArray(raw) ? raw : [raw] };
};

/** The name a `var` reads (`""` is the item of `some`, `all`, `map`...), or null when `rule` is no var. */
export const varName = (rule: unknown): string | null => {
    const found = operation(rule);
    if (!found || found.op !== 'var') return null;
    const name = found.args[0];
    if (name === '' || name === null || name === undefined) return 'item';
    return String(name);
};

/** A value as JSON, shortened past `max` characters. */
export const valueText = (value: unknown, max = 80): string => {
    let text: string;
    try {
        text = JSON.stringify(value) ?? String(value);
    } catch {
        text = String(value);
    }
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

// Operands that are themselves infix or joined operations are bracketed: `(a or b) and c`.
const operand = (rule: unknown): string => {
    const found = operation(rule);
    const compound = found && (JOINED.has(found.op) || (INFIX.has(found.op) && found.args.length > 1));
    return compound ? `(${ruleText(rule)})` : ruleText(rule);
};

// The keywords delimit a branch: only an `if` inside another needs brackets.
const branch = (rule: unknown): string =>
    ['if', '?:'].includes(operation(rule)?.op ?? '') ? `(${ruleText(rule)})` : ruleText(rule);

const conditional = (args: unknown[]): string => {
    const parts: string[] = [];
    for (let index = 0; index + 1 < args.length; index += 2) {
        parts.push(`${index === 0 ? 'if' : 'else if'} ${branch(args[index])} then ${branch(args[index + 1])}`);
    }
    if (args.length % 2 === 1) parts.push(`else ${branch(args[args.length - 1])}`);
    return parts.join(' ');
};

/** `rule` as text: infix comparisons, `and`/`or` between operands, `not x`, `if … then … else …`, else `op(args)`. */
export const ruleText = (rule: unknown): string => {
    if (Array.isArray(rule)) return `[${rule.map(ruleText).join(', ')}]`;
    const found = operation(rule);
    if (!found) return valueText(rule);
    const { op, args } = found;
    const name = varName(rule);
    if (name !== null) return name;
    if (INFIX.has(op) && args.length === 2) return `${operand(args[0])} ${op} ${operand(args[1])}`;
    // "between": {"<": [1, x, 5]}
    if ((op === '<' || op === '<=') && args.length === 3) return args.map(operand).join(` ${op} `);
    if (JOINED.has(op)) return args.map(operand).join(` ${op} `);
    if (op === '!') return `not ${operand(args[0])}`;
    if (op === 'if' || op === '?:') return conditional(args);
    return `${op}(${args.map(ruleText).join(', ')})`;
};
