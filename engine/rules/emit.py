"""The source back end: a node tree becomes the text of Python functions.

A closure per node costs a Python call per node, and a routing rule set has a
few hundred nodes that run on every mention. Emitting source instead turns
most nodes into inline expressions, reads each `var` path once per
evaluation (shared by every rule of a set), tests each value's type once,
and lets the common shapes (a field compared with a literal, a word in the
text, a value in a literal list) take a type-guarded fast path. Every fast
path falls back on the operator functions the closure back end calls, so
the two agree by construction; the tests also run the conformance suite and
a differential fuzz against both.

Nothing from the rule is pasted into the source but `repr()` of strings and
numbers, which is always a valid literal; everything else is passed in by
name.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from .closures import SCOPED, ClosureGenerator, uses_custom
from .custom import Operator
from .emit_support import NAMESPACE
from .jsvalues import truthy
from .nodes import ArrayNode, Literal, Node, Operation
from .operators import DATA_OPERATORS

__all__ = ["NUMBER", "Emitter", "Expr", "Scope"]

# JS numbers hold integers exactly up to 2**53; past that, arithmetic takes
# the slow path, which rounds the way JS does.
_SAFE_INT = 2**53
_SAFE = str(_SAFE_INT)
_GUARDS = {
    "str": "type({v}) is str",
    # An exact type test: bool is a subclass of int, and true must take the
    # slow, JS-coercing path.
    "num": "(type({v}) is int or type({v}) is float)",
    "safe": f"(type({{v}}) is float or (type({{v}}) is int and -{_SAFE} <= {{v}} <= {_SAFE}))",
}


NUMBER = frozenset({"num", "safe"})


@dataclass(frozen=True, slots=True)
class Expr:
    """Emitted source; `simple` means repeating it does not re-evaluate anything."""

    src: str
    # What the value is sure to be: "bool", "str", "null", "num" (an int or
    # float, not a bool), "safe" (a float or an int JS holds exactly) or "any".
    kind: str = "any"
    simple: bool = False
    const: bool = False
    value: object = None


@dataclass(slots=True)
class Scope:
    """Where expressions run: `var` names the data; `render()` gives the statements to run first.

    The top scope is the function's `data`; each `map`, `filter`, `some`...
    gets its own, whose data is the current item.
    """

    var: str
    lookups: dict[tuple[str, ...], str] = field(default_factory=dict)
    guards: dict[tuple[str, str], str] = field(default_factory=dict)
    # Reads and type tests added since the last render(): (parent, child, key, path segment name).
    reads: list[tuple[str, str, str, str]] = field(default_factory=list)
    guard_lines: list[str] = field(default_factory=list)

    def render(self) -> list[str]:
        """Statements for the reads and type tests added since the last call.

        Reads of one object share one type test; a parent is always read
        before its children (it was added first, so its group comes first).
        """
        groups: dict[str, list[tuple[str, str, str]]] = {}
        for parent, child, key, step in self.reads:
            groups.setdefault(parent, []).append((child, key, step))
        lines = []
        for parent, children in groups.items():
            lines.append(f"if type({parent}) is dict:")
            lines += [f"    {child} = {parent}.get({key!r})" for child, key, _ in children]
            lines.append("else:")
            lines += [f"    {child} = _walk({parent}, {step}, None)" for child, _, step in children]
        lines += self.guard_lines
        self.reads, self.guard_lines = [], []
        return lines


class Emitter:
    """Emits expressions for one generated module; see `emit_ops.SourceEmitter`."""

    def __init__(self, custom: Mapping[str, Operator]) -> None:
        self.custom = custom
        self.namespace: dict[str, object] = dict(NAMESPACE)
        self.functions: list[list[str]] = []
        self._free: dict[int, bool] = {}
        self._count = 0

    # --- names ------------------------------------------------------------

    def fresh(self, prefix: str) -> str:
        """A new identifier, unique in the generated module."""
        self._count += 1
        return f"{prefix}{self._count}"

    def name(self, value: object, prefix: str = "_k") -> str:
        """Pass `value` into the generated module under a fresh name."""
        name = self.fresh(prefix)
        self.namespace[name] = value
        return name

    def bind(self, expr: Expr) -> tuple[str, str]:
        """Source for the first use of `expr` and for later uses (a walrus if needed)."""
        if expr.simple:
            return expr.src, expr.src
        t = self.fresh("_t")
        return f"({t} := {expr.src})", t

    def guard(self, kind: str, first: str, again: str, scope: Scope) -> str:
        """A type test ("str", "num" or "safe") of a value, computed once per scope for hoisted values."""
        if first == again and first in scope.lookups.values():
            key = (kind, first)
            if key not in scope.guards:
                name = self.fresh("_g")
                scope.guard_lines.append(f"{name} = {_GUARDS[kind].format(v=first)}")
                scope.guards[key] = name
            return scope.guards[key]
        test = _GUARDS[kind].format(v=again)
        # The first mention evaluates (and binds) the value; later ones reuse it.
        return test.replace(again, first, 1)

    # --- constants --------------------------------------------------------

    def literal(self, value: object, copy: bool = True) -> Expr:
        """A constant; arrays and objects are copied on use unless `copy` is off."""
        if value is None:
            return Expr("None", "null", True, True, None)
        if isinstance(value, bool):
            return Expr(repr(value), "bool", True, True, value)
        if isinstance(value, (int, float)):
            kind = "safe" if -_SAFE_INT <= value <= _SAFE_INT else "num"
            # NaN and infinities (folded results) have no literal form.
            source = f"({value!r})" if math.isfinite(value) else self.name(value)
            return Expr(source, kind, True, True, value)
        if isinstance(value, str):
            return Expr(repr(value), "str", True, True, value)
        name = self.name(value)
        if copy:
            return Expr(f"_copy({name})", "any", False, True, value)
        return Expr(name, "any", True, True, value)

    def data_free(self, node: Node) -> bool:
        """Whether `node` can be evaluated now: it reads no data and calls no custom operator."""
        key = id(node)
        if key not in self._free:
            self._free[key] = self._data_free(node)
        return self._free[key]

    def _data_free(self, node: Node) -> bool:
        if isinstance(node, Literal):
            return True
        if isinstance(node, ArrayNode):
            return all(self.data_free(item) for item in node.items)
        if node.op in self.custom or node.op == "var" or node.op in DATA_OPERATORS:
            return False
        if node.op in SCOPED:
            inputs = (node.args[0],) + node.args[2:]
            return all(self.data_free(arg) for arg in inputs) and not uses_custom(node.args[1], self.custom)
        return all(self.data_free(arg) for arg in node.args)

    def fold(self, node: Node, copy: bool) -> Expr:
        """Evaluate a data-free node now, with the closure back end."""
        return self.literal(ClosureGenerator(self.custom).gen(node).fn(None), copy)

    # --- values -----------------------------------------------------------

    def value(self, node: Node, scope: Scope, copy: bool = True) -> Expr:
        """Source computing `node`'s value in `scope`."""
        if isinstance(node, Literal):
            return self.literal(node.value, copy)
        if self.data_free(node):
            return self.fold(node, copy)
        if isinstance(node, ArrayNode):
            items = ", ".join(self.value(item, scope).src for item in node.items)
            return Expr(f"[{items}]")
        return self.operation(node, scope)

    def cond(self, node: Node, scope: Scope) -> str:
        """Source for a Python bool: `node`'s JsonLogic truthiness."""
        if isinstance(node, Operation) and not self.data_free(node):
            if node.op in ("and", "or") and node.args:
                joiner = f" {node.op} "
                return "(" + joiner.join(self.cond(arg, scope) for arg in node.args) + ")"
            if node.op == "!":
                return f"(not {self.cond(node.args[0], scope)})"
            if node.op == "!!":
                return self.cond(node.args[0], scope)
        expr = self.value(node, scope, copy=False)
        if expr.const:
            return repr(truthy(expr.value))
        if expr.kind == "bool":
            return expr.src
        first, again = self.bind(expr)
        # true, false and null decide without a call.
        return f"({first} is True or ({again} is not None and {again} is not False and _truthy({again})))"

    def operation(self, node: Operation, scope: Scope) -> Expr:
        """Source for one operation node (see `emit_ops.SourceEmitter`)."""
        raise NotImplementedError

    # --- var --------------------------------------------------------------

    def lookup(self, segments: tuple, scope: Scope) -> Expr:
        """A constant `var` path read with a null default: read once per evaluation, shared."""
        key = tuple(segment.key for segment in segments)
        if key not in scope.lookups:
            parent = self.lookup(segments[:-1], scope).src if len(segments) > 1 else scope.var
            name = self.fresh("_v")
            step = self.name(segments[-1:], "_p")
            scope.reads.append((parent, name, segments[-1].key, step))
            scope.lookups[key] = name
        return Expr(scope.lookups[key], simple=True)
