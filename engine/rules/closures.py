"""The closure back end: each node becomes a closure over its children's.

It is the reference implementation the faster source back end (`emit.py`)
is checked against, the fallback for rules Python's own compiler cannot take
(extremely deep nesting), and the base of the tracing back end (`trace.py`),
which wraps its closures to record what each node saw.
"""

from __future__ import annotations

from collections.abc import Mapping

from .codegen import Code, build_var, call_data_operator, call_operator, constant, fold
from .control import build_and, build_if, build_or, build_scoped
from .custom import Operator
from .nodes import ArrayNode, Literal, Node, Operation
from .operators import DATA_OPERATORS, OPERATORS

__all__ = ["SCOPED", "ClosureGenerator", "uses_custom"]

SCOPED = frozenset({"map", "filter", "reduce", "all", "none", "some"})


def uses_custom(node: Node, custom: Mapping[str, Operator]) -> bool:
    """Whether `node` calls a custom operator anywhere (such nodes are never folded)."""
    if isinstance(node, Operation):
        return node.op in custom or any(uses_custom(arg, custom) for arg in node.args)
    if isinstance(node, ArrayNode):
        return any(uses_custom(item, custom) for item in node.items)
    return False


class ClosureGenerator:
    """Turns a node tree into a `Code` closure; subclasses may wrap nodes."""

    def __init__(self, custom: Mapping[str, Operator]) -> None:
        self.custom = custom

    def gen(self, node: Node) -> Code:
        """The closure for `node`."""
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
        """The closure for one operation node."""
        op = node.op
        codes = [self.gen(arg) for arg in node.args]
        if op in self.custom:
            return call_operator(self.custom[op].bind(node), codes)
        return self.builtin(node, codes)

    def builtin(self, node: Operation, codes: list[Code]) -> Code:
        """The closure for a json-logic-js operator, given its children's."""
        op = node.op
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
        if op in SCOPED:
            code = build_scoped(op, codes)
            # The per-item logic only sees the item, so a constant array (and
            # initial value) make the whole node constant, unless the logic
            # calls a custom operator, which may not be pure.
            inputs = [codes[0]] + codes[2:]
            if all(c.const for c in inputs) and not uses_custom(node.args[1], self.custom):
                return fold(code)
            return code
        # Only built-in, data-free operators get here; custom ones may not be
        # pure, so they were never folded above.
        code = call_operator(OPERATORS[op], codes)
        return fold(code) if all(c.const for c in codes) else code
