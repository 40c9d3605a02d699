// Evaluates JsonLogic cases with json-logic-js for the Python differential tests.
// Protocol: one JSON line in per batch, `[[rule, data], ...]`; one JSON line out,
// `[result, ...]` with each result encoded by `encode` (JSON cannot hold undefined,
// NaN, Infinity or -0) or `{"$error": message}` when json-logic-js throws.
'use strict';
const readline = require('readline');
const jsonLogic = require('json-logic-js');

// `log` would print into the protocol's stdout.
console.log = () => {};

function encode(value) {
  if (value === undefined) return { $: 'undefined' };
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $: 'NaN' };
    if (value === Infinity) return { $: 'Infinity' };
    if (value === -Infinity) return { $: '-Infinity' };
    if (Object.is(value, -0)) return { $: '-0' };
    return value;
  }
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) out[key] = encode(value[key]);
    return { $object: out };
  }
  if (typeof value === 'function') return { $: 'function' };
  return value;
}

function run(rule, data) {
  try {
    return encode(jsonLogic.apply(rule, data));
  } catch (error) {
    return { $error: String(error && error.message ? error.message : error) };
  }
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const cases = JSON.parse(line);
  process.stdout.write(JSON.stringify(cases.map(([rule, data]) => run(rule, data))) + '\n');
});
