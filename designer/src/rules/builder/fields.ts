// The API's stage fields (GET /api/flows/fields) as react-querybuilder fields, each with the operators that
// make sense for its type; the engine's text operators are in the palette of text fields.
import type { Field, Operator } from 'react-querybuilder';
import { BUILDER_CUSTOM_OPS, customOperatorName, shapeOperatorName } from './jsonLogicQuery';
import type { BuilderShape } from './jsonLogicQuery';

export interface FlowField {
    name: string;
    type: 'text' | 'number' | 'boolean' | 'list' | 'category';
    values?: string[] | null;
}

export interface StageFields {
    stage: string;
    fields: FlowField[];
}

const op = (name: string, label: string): Operator => ({ name, value: name, label });

// No value to fill in: the field alone is tested.
const unary = (shape: BuilderShape, label: string): Operator => ({ ...op(shapeOperatorName(shape), label), arity: 'unary' });
const shape = (name: BuilderShape, label: string) => op(shapeOperatorName(name), label);

const ENGINE_TEXT_OPS = Object.entries(BUILDER_CUSTOM_OPS).map(([name, label]) => op(customOperatorName(name), label));

// Only operators whose JSON Logic the engine runs (react-querybuilder's beginsWith writes `startsWith`, which it lacks).
export const OPERATORS: Record<FlowField['type'], Operator[]> = {
    text: [op('=', 'is'), op('!=', 'is not'), op('contains', 'contains'), op('doesNotContain', 'does not contain'),
        op('in', 'is one of'), op('notIn', 'is not one of'), ...ENGINE_TEXT_OPS,
        unary('truthy', 'is not empty'), unary('falsy', 'is empty')],
    number: [op('=', '='), op('!=', '≠'), op('<', '<'), op('<=', '≤'), op('>', '>'), op('>=', '≥'),
        op('between', 'between'), op('notBetween', 'not between')],
    boolean: [unary('truthy', 'is true'), unary('falsy', 'is false'), op('=', 'is')],
    list: [op('contains', 'has'), op('doesNotContain', 'does not have'), shape('some_in', 'has any of'),
        shape('all_in', 'has only items among'), shape('none_in', 'has none of'), shape('some_is', 'has an item equal to'),
        unary('truthy', 'is not empty'), unary('falsy', 'is empty')],
    category: [op('=', 'is'), op('!=', 'is not'), op('in', 'is one of'), op('notIn', 'is not one of')],
};

const MANY_VALUES = new Set(['in', 'notIn', ...(['some_in', 'all_in', 'none_in'] as const).map(shapeOperatorName)]);

export const builderFields = (fields: FlowField[]): Field[] =>
    fields.map(field => {
        const values = field.values?.map(value => ({ name: value, value, label: value }));
        const base: Field = { name: field.name, value: field.name, label: field.name, operators: OPERATORS[field.type] };
        if (field.type === 'boolean') return { ...base, valueEditorType: 'checkbox', defaultValue: true };
        if (field.type === 'number') return { ...base, inputType: 'number', defaultValue: 0 };
        if (values?.length) {
            return {
                ...base,
                values,
                defaultValue: values[0].name,
                valueEditorType: (operator: string) => (MANY_VALUES.has(operator) ? 'multiselect' : 'select'),
            };
        }
        return base;
    });
