"""Operators beyond json-logic-js's set: how they are declared and resolved.

A custom operator is an `Operator`: the function that receives the evaluated
arguments (as json-logic-js's `add_operation` functions do), its arity, and
an optional compile-time `check` that may inspect the argument nodes (a regex
operator insists on a literal pattern and compiles it once). A plain callable
passed in `ops=` is wrapped as an `Operator` with any arity.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .nodes import BUILTIN_OPERATORS, Operation

__all__ = ["CustomOperators", "Operator", "resolve_ops"]


@dataclass(frozen=True, slots=True)
class Operator:
    """A custom operator.

    `fn` gets the evaluated arguments positionally. `check(node)`, run once
    per use at compile time, raises RuleError for an argument it cannot accept
    and may return a specialised replacement for `fn` (e.g. with its regex
    compiled). `predicate` promises that `fn` returns a bool, which lets the
    compiler skip a truthiness test.
    """

    fn: Callable[..., object]
    min_args: int = 0
    max_args: int | None = None
    check: Callable[[Operation], Callable[..., object] | None] | None = None
    predicate: bool = False

    def bind(self, node: Operation) -> Callable[..., object]:
        """The function to call for `node`, after the compile-time check."""
        if self.check is None:
            return self.fn
        return self.check(node) or self.fn


CustomOperators = Mapping[str, "Operator | Callable[..., object]"]


def resolve_ops(defaults: Mapping[str, Operator], ops: CustomOperators | None) -> dict[str, Operator]:
    """Merge the caller's `ops` over `defaults`; built-in names may not be taken.

    Raises TypeError for a value that is neither an Operator nor callable, and
    ValueError for a name that would shadow a json-logic-js operator.
    """
    resolved = dict(defaults)
    for name, value in (ops or {}).items():
        if not isinstance(name, str):
            raise TypeError(f"custom operator name {name!r} must be a str")
        if name in BUILTIN_OPERATORS:
            raise ValueError(f'custom operator "{name}" would shadow a built-in operator')
        if isinstance(value, Operator):
            resolved[name] = value
        elif callable(value):
            resolved[name] = Operator(value)
        else:
            raise TypeError(f"custom operator {name!r} must map a str to a callable")
    return resolved
