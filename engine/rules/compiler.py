"""Compile a JsonLogic rule: validate it, then generate its evaluator.

`compile_rule` walks the JSON once: `nodes.parse` validates it into a node
tree, and `source.rule_function` turns the tree into one Python function
(the closure back end in `closures.py` takes the rare rule too deep for
Python's parser). The tree stays on the `CompiledRule`, so the tracing back
end behind `explain` is built from it on first use, and only then.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from functools import lru_cache

from .closures import ClosureGenerator
from .custom import CustomOperators, Operator, resolve_ops
from .library import DEFAULT_OPS
from .nodes import Node, copy_json, parse
from .source import rule_function
from .trace import Explanation, TracingGenerator, run_traced

__all__ = ["CompiledRule", "compile_rule", "evaluate"]


class CompiledRule:
    """A validated rule, ready to evaluate many times."""

    __slots__ = ("_fn", "_lock", "_traced", "custom", "node", "rule")

    def __init__(self, rule: object, node: Node, fn: Callable[[object], object], custom: dict[str, Operator]) -> None:
        self.rule = rule
        self.node = node
        self.custom = custom
        self._fn = fn
        self._traced: Callable[[object], object] | None = None
        self._lock = threading.Lock()

    def evaluate(self, data: object = None) -> object:
        """Apply the rule to `data`; never raises.

        A custom operator that raises (or data nested deeper than Python can
        recurse) makes the whole result null; `explain` says where.
        """
        try:
            return self._fn(data)
        except Exception:  # noqa: BLE001 - the documented contract: null, never an exception
            return None

    __call__ = evaluate

    def explain(self, data: object = None) -> Explanation:
        """Apply the rule to `data` and record what each operation saw and gave.

        Slower than `evaluate`; the traced closures are built on the first
        call. Never raises: an error becomes a null result and an entry
        with an "error" key.
        """
        if self._traced is None:
            with self._lock:
                if self._traced is None:
                    self._traced = TracingGenerator(self.custom).gen(self.node).fn
        return run_traced(self._traced, data)

    def __repr__(self) -> str:
        return f"CompiledRule({json.dumps(self.rule, default=str)[:80]})"


def compile_rule(rule: object, ops: CustomOperators | None = None, *, path: str = "") -> CompiledRule:
    """Validate and compile `rule`.

    The operators of `library.DEFAULT_OPS` are always there; `ops` adds or
    replaces custom ones (an `Operator`, or a plain callable that receives
    the evaluated arguments). Custom operators may not shadow json-logic-js
    operators (ValueError) and are never folded at compile time. `path` is a
    JSON Pointer prefixed to error paths. Raises RuleError for an invalid rule.
    """
    custom = resolve_ops(DEFAULT_OPS, ops)
    node = parse(rule, path=path, custom={name: (op.min_args, op.max_args) for name, op in custom.items()})
    fn = rule_function(node, custom) or ClosureGenerator(custom).gen(node).fn
    return CompiledRule(copy_json(rule), node, fn, custom)


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
