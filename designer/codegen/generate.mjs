// The designer's API types from the API's OpenAPI document: node generate.mjs OPENAPI.json OUT.ts
// Run by generate.sh, which `make api-types` and tests/test_api_types.py call.
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const JSON_VALUE = '#/components/schemas/JsonValue';

/**
 * The document says of every model that unknown keys are taken (and ignored): `additionalProperties: JsonValue`.
 * That is the API's leniency towards what it is sent, not part of what it sends or what the designer may rely
 * on, and as a TypeScript index signature it would let any misspelt field through: models with properties
 * lose it here. Free-form objects (no properties) keep it.
 */
const withoutLeniency = (node) => {
    if (Array.isArray(node)) {
        node.forEach(withoutLeniency);
    } else if (node && typeof node === 'object') {
        if (node.properties && node.additionalProperties?.$ref === JSON_VALUE) {
            delete node.additionalProperties;
        }
        Object.values(node).forEach(withoutLeniency);
    }
};

/** The component schemas a request body or parameter names, directly or through others. */
const inputSchemas = (document) => {
    const schemas = document.components?.schemas ?? {};
    const seen = new Set();
    const visit = (node) => {
        if (Array.isArray(node)) node.forEach(visit);
        else if (node && typeof node === 'object') {
            const ref = typeof node.$ref === 'string' && node.$ref.startsWith('#/components/schemas/')
                ? node.$ref.slice('#/components/schemas/'.length) : null;
            if (ref && !seen.has(ref)) {
                seen.add(ref);
                visit(schemas[ref]);
            }
            Object.values(node).forEach(visit);
        }
    };
    for (const operations of Object.values(document.paths ?? {})) {
        for (const operation of Object.values(operations)) {
            visit(operation?.requestBody);
            visit(operation?.parameters);
        }
    }
    return seen;
};

/**
 * A response model is serialised whole (no route drops unset or null fields), so everything a schema that is only
 * ever sent lists is in the answer, defaulted or not: required here, as pydantic's serialisation mode would have
 * it, so the designer need not guard against `undefined` where the API sends null or a default.
 */
const sentWhole = (document) => {
    const inputs = inputSchemas(document);
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
        if (!inputs.has(name) && schema.properties) {
            schema.required = Object.keys(schema.properties);
        }
    }
};

/**
 * JsonValue (any JSON value) refers to itself, which TypeScript refuses inside the generated \`components\`
 * interface: \`unknown\` here, which is what a free-form value is to the designer until it looks.
 */
const jsonValueUnknown = (document) => {
    const schemas = document.components?.schemas;
    if (schemas?.JsonValue) schemas.JsonValue = { description: schemas.JsonValue.description };
};

const HEADER = `/**
 * The Switchboard API's types, generated from its OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with \`make api-types\` (tests/test_api_types.py fails when this file is stale).
 * Import the names the designer uses from src/types.ts.
 */

`;

const document = JSON.parse(readFileSync(process.argv[2], 'utf8'));
withoutLeniency(document.components?.schemas);
withoutLeniency(document.paths);
sentWhole(document);
jsonValueUnknown(document);
// defaultNonNullable off: a request body may leave out what has a default (answers are made whole above).
const ast = await openapiTS(document, { defaultNonNullable: false });
const text = HEADER + astToString(ast);
writeFileSync(process.argv[3], text);
