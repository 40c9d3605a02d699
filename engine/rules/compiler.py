"""Compile a JsonLogic rule into nested Python closures.

`compile_rule` walks the JSON once: `nodes.parse` validates it into a node
tree, then each node becomes a closure over its children's closures.
Data-independent sub-trees are evaluated once, here, and kept as constants.
The node tree stays on the `CompiledRule`, so another back end (a tracing
`explain`, a rule set sharing its `var` lookups) can be generated from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import lru_cache

from .codegen import Code, build_var, call_data_operator, call_operator, constant, fold
from .control import build_and, build_if, build_or, build_scoped
from .nodes import BUILTIN_OPERATORS, ArrayNode, Literal, Node, Operation, copy_json, parse
from .operators import DATA_OPERATORS, OPERATORS

__all__ = ["CompiledRule", "compile_rule", "evaluate"]

CustomOperators = Mapping[str, Callable[..., object]]

_SCOPED = frozenset({"map", "filter", "reduce", "all", "none", "some"})


class CompiledRule:
    """A validated rule, ready to evaluate many times."""

    __slots__ = ("_fn", "node", "rule")

    def __init__(self, rule: object, node: Node, fn: Callable[[object], object]) -> None:
        self.rule = rule
        self.node = node
        self._fn = fn

    def evaluate(self, data: object = None) -> object:
        """Apply the rule to `data`; never raises for odd data.

        Data nested deeper than Python can recurse gives None.
        """
        try:
            return self._fn(data)
        except RecursionError:
            return None

    __call__ = evaluate

    def __repr__(self) -> str:
        return f"CompiledRule({json.dumps(self.rule, default=str)[:80]})"


class _Generator:
    def __init__(self, custom: CustomOperators) -> None:
        self.custom = custom

    def gen(self, node: Node) -> Code:
        if isinstance(node, Literal):
            return constant(node.value)
        if isinstance(node, ArrayNode):
            codes = [self.gen(item) for item in node.items]
            if all(code.const for code in codes):
                return constant([code.value for code in codes])
            fns = tuple(code.fn for code in codes)
            return Code(lambda data: [fn(data) for fn in fns])
        return self.operation(node)

    def operation(self, node: Operation) -> Code:
        op = node.op
        codes = [self.gen(arg) for arg in node.args]
        if op in self.custom:
            return call_operator(self.custom[op], codes)
        if op in ("if", "?:"):
            return build_if(codes)
        if op == "and":
            return build_and(codes)
        if op == "or":
            return build_or(codes)
        if op == "var":
            return build_var(codes)
        if op in DATA_OPERATORS:
            return call_data_operator(OPERATORS[op], codes)
        if op in _SCOPED:
            code = build_scoped(op, codes)
            # The per-item logic only sees the item, so a constant array
            # (and initial value) make the whole node constant.
            inputs = [codes[0]] + codes[2:]
            return fold(code) if all(c.const for c in inputs) else code
        # Only built-in, data-free operators get here; custom ones may not be
        # pure, so they were never folded above.
        code = call_operator(OPERATORS[op], codes)
        return fold(code) if all(c.const for c in codes) else code


def _check_custom(ops: CustomOperators) -> None:
    for name, fn in ops.items():
        if not isinstance(name, str) or not callable(fn):
            raise TypeError(f"custom operator {name!r} must map a str to a callable")
        if name in BUILTIN_OPERATORS:
            raise ValueError(f'custom operator "{name}" would shadow a built-in operator')


def compile_rule(rule: object, ops: CustomOperators | None = None, *, path: str = "") -> CompiledRule:
    """Validate and compile `rule`.

    `ops` maps extra operator names to callables that receive the evaluated
    arguments; they may not shadow built-in operators, are never folded at
    compile time, and what they raise propagates. `path` is a JSON Pointer
    prefixed to error paths. Raises RuleError for an invalid rule.
    """
    custom = dict(ops or {})
    _check_custom(custom)
    node = parse(rule, path=path, custom=custom.keys())
    code = _Generator(custom).gen(node)
    return CompiledRule(copy_json(rule), node, code.fn)


class _CacheKey:
    """A rule, hashed by its repr: exact for JSON values, unlike json.dumps
    (which would read {1: 2} as {"1": 2}), and computed in C."""

    __slots__ = ("rule", "text")

    def __init__(self, rule: object) -> None:
        self.rule = rule
        self.text = repr(rule)

    def __hash__(self) -> int:
        return hash(self.text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _CacheKey) and other.text == self.text


@lru_cache(maxsize=256)
def _compile_cached(key: _CacheKey) -> CompiledRule:
    return compile_rule(key.rule)


def evaluate(rule: object, data: object = None, ops: CustomOperators | None = None) -> object:
    """Compile (cached, for rules without `ops`) and apply `rule` to `data` once.

    Raises RuleError for an invalid rule, never for odd data.
    """
    if ops:
        return compile_rule(rule, ops).evaluate(data)
    try:
        key = _CacheKey(rule)
    except RecursionError:
        # A self-containing rule: compiling reports it.
        return compile_rule(rule).evaluate(data)
    return _compile_cached(key).evaluate(data)
