"""Assemble emitted expressions into functions, for one rule or a rule set.

The function text is compiled with Python's own `compile`; a rule too deeply
nested for Python's parser gets None here, and the caller keeps the closure
back end for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from .custom import Operator
from .emit import Scope
from .emit_ops import SourceEmitter
from .nodes import Node

__all__ = ["rule_function", "set_function"]

Evaluator = Callable[[object], object]


def _define(emitter: SourceEmitter, body: list[str]) -> Evaluator | None:
    lines = [line for function in emitter.functions for line in function]
    lines += ["def _evaluate(data):", *(f"    {line}" for line in body)]
    try:
        code = compile("\n".join(lines) + "\n", "<jsonlogic>", "exec")
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        # "too many nested parentheses" and friends: only for rules near
        # MAX_DEPTH, which the closure back end still runs.
        return None
    namespace = emitter.namespace
    exec(code, namespace)  # noqa: S102 - our own generated text, see emit.py
    return namespace["_evaluate"]  # type: ignore[return-value]


def rule_function(node: Node, custom: Mapping[str, Operator]) -> Evaluator | None:
    """`data -> value` for one rule, or None if Python cannot compile it."""
    emitter, top = SourceEmitter(custom), Scope("data")
    result = emitter.value(node, top)
    return _define(emitter, [*top.render(), f"return {result.src}"])


def set_function(conditions: Sequence[Node], custom: Mapping[str, Operator], *, first: bool,
                 results: Sequence[object] | None = None, default: object = None) -> Evaluator | None:
    """One function for a whole rule set, sharing `var` reads between its conditions.

    Without `results` it returns the indices of the truthy conditions (with
    `first`, the first index or -1, evaluating nothing after it). With
    `results`, the result of each condition, it returns the rule set's value
    directly: the first truthy condition's result (`first`) or the list of
    them, and `default` when none is truthy.
    """
    emitter, top = SourceEmitter(custom), Scope("data")
    if results is None:
        values = [str(index) for index in range(len(conditions))]
        otherwise = "-1" if first else "matched"
    else:
        # Constant arrays and objects are copied, so callers may change what they get.
        values = [emitter.literal(value).src for value in results]
        fallback = emitter.literal(default).src
        otherwise = fallback if first else f"matched if matched else {fallback}"
    if first:
        # Each rule reads what it needs just before its test (what an earlier
        # rule read is shared), so a match stops the reading too.
        body = []
        for node, value in zip(conditions, values, strict=True):
            test = emitter.cond(node, top)
            body += [*top.render(), f"if {test}: return {value}"]
        body.append(f"return {otherwise}")
    else:
        tests = [emitter.cond(node, top) for node in conditions]
        body = [*top.render(), "matched = []", "add = matched.append"]
        body += [f"if {test}: add({value})" for test, value in zip(tests, values, strict=True)]
        body.append(f"return {otherwise}")
    return _define(emitter, body)
