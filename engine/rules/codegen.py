"""Closures for constants, `var` and the plain (all-arguments-evaluated) operators.

Each builder turns already-compiled children into one `Code`: a closure
`data -> value`, plus the value itself when it is known at compile time.
Arities 0 to 3 get their own closure shapes so that evaluation never builds
an argument list or looks an operator up by name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .nodes import copy_json
from .paths import MISSING, lookup, split_path, walk

__all__ = ["Code", "Evaluator", "build_var", "call_data_operator", "call_operator", "constant", "fold"]

Evaluator = Callable[[object], object]


@dataclass(frozen=True, slots=True)
class Code:
    """A compiled node: `fn(data)` evaluates it; `const` says `value` is known now."""

    fn: Evaluator
    const: bool = False
    value: object = None


def constant(value: object) -> Code:
    """A node whose value is known at compile time.

    Arrays and objects are copied on every evaluation: json-logic-js builds a
    fresh array each time (so `{"==": [[1], [1]]}` is false), and a caller
    mutating a result must not change the compiled rule.
    """
    if isinstance(value, (list, dict)):
        return Code(lambda data: copy_json(value), True, value)
    return Code(lambda data: value, True, value)


def _is_scalar_const(code: Code) -> bool:
    return code.const and not isinstance(code.value, (list, dict))


def call_operator(fn: Callable[..., object], codes: Sequence[Code]) -> Code:
    """Call `fn` with the evaluated children, binding scalar constants directly."""
    fns = [code.fn for code in codes]
    if not fns:
        return Code(lambda data: fn())
    if len(fns) == 1:
        (f0,) = fns
        return Code(lambda data: fn(f0(data)))
    if len(fns) == 2:
        return Code(_call_two(fn, codes[0], codes[1]))
    if len(fns) == 3:
        f0, f1, f2 = fns
        return Code(lambda data: fn(f0(data), f1(data), f2(data)))
    return Code(lambda data: fn(*[f(data) for f in fns]))


def _call_two(fn: Callable[..., object], left: Code, right: Code) -> Evaluator:
    # The common comparison shape, {"==": [{"var": "x"}, "vip"]}, skips the
    # constant's closure call.
    f0, f1 = left.fn, right.fn
    if _is_scalar_const(right):
        b = right.value
        return lambda data: fn(f0(data), b)
    if _is_scalar_const(left):
        a = left.value
        return lambda data: fn(a, f1(data))
    return lambda data: fn(f0(data), f1(data))


def call_data_operator(fn: Callable[..., object], codes: Sequence[Code]) -> Code:
    """Like call_operator, for operators that also read the current data."""
    fns = [code.fn for code in codes]
    if len(fns) == 1:
        (f0,) = fns
        return Code(lambda data: fn(data, f0(data)))
    if len(fns) == 2:
        f0, f1 = fns
        return Code(lambda data: fn(data, f0(data), f1(data)))
    return Code(lambda data: fn(data, *[f(data) for f in fns]))


def build_var(codes: Sequence[Code]) -> Code:
    """`var`: a constant path is split once here; only a computed path splits at run time."""
    if not codes:
        return Code(_whole_data)
    key = codes[0]
    default = codes[1] if len(codes) > 1 else constant(None)
    if not key.const:
        key_fn, default_fn = key.fn, default.fn

        def dynamic(data: object) -> object:
            found = lookup(data, key_fn(data), MISSING)
            return default_fn(data) if found is MISSING else found

        return Code(dynamic)
    segments = split_path(key.value)
    if segments is None:
        return Code(_whole_data)
    if not _is_scalar_const(default):
        default_fn = default.fn

        def with_default(data: object) -> object:
            found = walk(data, segments, MISSING)
            return default_fn(data) if found is MISSING else found

        return Code(with_default)
    fallback = default.value
    if len(segments) > 1:
        return Code(lambda data: walk(data, segments, fallback))
    name = segments[0].key

    def single(data: object) -> object:
        # Most rules read one top-level field of a dict: one .get().
        if type(data) is dict:
            found = data.get(name, MISSING)
            return fallback if found is MISSING else found
        return walk(data, segments, fallback)

    return Code(single)


def _whole_data(data: object) -> object:
    return data


def fold(code: Code) -> Code:
    """Evaluate a data-independent node once, at compile time."""
    return constant(code.fn(None))
