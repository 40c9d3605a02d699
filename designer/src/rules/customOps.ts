// The engine's operators beyond json-logic-js (engine/rules/library), registered with
// json-logic-js so the designer's previews give what the engine gives.
// tests/fixtures/jsonlogic/custom_ops.json holds the cases both must pass.
import jsonLogic from 'json-logic-js';

import { contains, containsAny, endsWith, lower, regex, startsWith, upper, word } from './textOps';
import { after, before, hoursSince, inBusinessHours } from './timeOps';

export const CUSTOM_OPS: Record<string, (...args: any[]) => unknown> = {
    contains,
    word,
    contains_any: containsAny,
    starts_with: startsWith,
    ends_with: endsWith,
    regex,
    lower,
    upper,
    before,
    after,
    hours_since: hoursSince,
    in_business_hours: inBusinessHours,
};

let registered = false;

export function registerCustomOps(): void {
    if (registered) return;
    for (const [name, operation] of Object.entries(CUSTOM_OPS)) jsonLogic.add_operation(name, operation);
    registered = true;
}

// Like the engine's `evaluate`: a rule that throws on its data gives null.
export function applyRule(rule: unknown, data: unknown): unknown {
    registerCustomOps();
    try {
        return jsonLogic.apply(rule, data);
    } catch {
        return null;
    }
}
