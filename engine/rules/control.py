"""Closures for the operators that decide what to evaluate.

`if`, `and` and `or` short-circuit; `map`, `filter`, `reduce`, `all`,
`none` and `some` run their second argument once per item, with the item as
the data (and `{"current", "accumulator"}` for `reduce`). Constant
conditions are resolved here, at compile time.
"""

from __future__ import annotations

from collections.abc import Sequence

from .codegen import Code, constant
from .jsvalues import truthy

__all__ = ["build_and", "build_if", "build_or", "build_scoped"]


def build_if(codes: Sequence[Code]) -> Code:
    """`if` / `?:`: condition-value pairs, then an optional else."""
    pairs: list[tuple[Code, Code]] = []
    fallback = constant(None)
    index = 0
    while index < len(codes) - 1:
        condition, then = codes[index], codes[index + 1]
        index += 2
        if not condition.const:
            pairs.append((condition, then))
        elif truthy(condition.value):
            # Later branches can never be reached.
            fallback = then
            break
    else:
        if index == len(codes) - 1:
            fallback = codes[index]
    if not pairs:
        return fallback
    otherwise = fallback.fn
    if len(pairs) == 1:
        test, value = pairs[0][0].fn, pairs[0][1].fn
        return Code(lambda data: value(data) if truthy(test(data)) else otherwise(data))
    branches = tuple((test.fn, value.fn) for test, value in pairs)

    def chain(data: object) -> object:
        for test, value in branches:
            if truthy(test(data)):
                return value(data)
        return otherwise(data)

    return Code(chain)


def _short_circuit(codes: Sequence[Code], stop_when: bool) -> Code:
    # `and` stops on the first falsy value, `or` on the first truthy one; each
    # returns that value, or the last one.
    kept: list[Code] = []
    for position, code in enumerate(codes):
        last = position == len(codes) - 1
        if code.const and truthy(code.value) != stop_when and not last:
            continue
        kept.append(code)
        if code.const:
            break
    if not kept:
        # JS returns `undefined` for an empty `and` / `or`; null is its JSON form.
        return constant(None)
    if len(kept) == 1:
        return kept[0]
    if len(kept) == 2:
        first, second = kept[0].fn, kept[1].fn

        def pair(data: object) -> object:
            value = first(data)
            return value if truthy(value) == stop_when else second(data)

        return Code(pair)
    fns = tuple(code.fn for code in kept)

    def many(data: object) -> object:
        value = None
        for fn in fns:
            value = fn(data)
            if truthy(value) == stop_when:
                return value
        return value

    return Code(many)


def build_and(codes: Sequence[Code]) -> Code:
    """`and`: the first falsy argument, or the last one."""
    return _short_circuit(codes, stop_when=False)


def build_or(codes: Sequence[Code]) -> Code:
    """`or`: the first truthy argument, or the last one."""
    return _short_circuit(codes, stop_when=True)


def build_scoped(op: str, codes: Sequence[Code]) -> Code:
    """`map`, `filter`, `reduce`, `all`, `none`, `some` over an evaluated array."""
    source, logic = codes[0].fn, codes[1].fn
    if op == "reduce":
        initial = codes[2].fn if len(codes) > 2 else constant(None).fn

        def reduce_(data: object) -> object:
            items, accumulator = source(data), initial(data)
            if not isinstance(items, list):
                return accumulator
            for item in items:
                accumulator = logic({"current": item, "accumulator": accumulator})
            return accumulator

        return Code(reduce_)
    if op == "map":

        def map_(data: object) -> object:
            items = source(data)
            return [logic(item) for item in items] if isinstance(items, list) else []

        return Code(map_)
    if op == "filter":

        def filter_(data: object) -> object:
            items = source(data)
            return [item for item in items if truthy(logic(item))] if isinstance(items, list) else []

        return Code(filter_)
    # An empty or non-array source: all is false, none is true, some is false.
    if op == "all":

        def all_(data: object) -> object:
            items = source(data)
            return isinstance(items, list) and bool(items) and all(truthy(logic(item)) for item in items)

        return Code(all_)
    if op == "none":

        def none_(data: object) -> object:
            items = source(data)
            return not (isinstance(items, list) and any(truthy(logic(item)) for item in items))

        return Code(none_)

    def some_(data: object) -> object:
        items = source(data)
        return isinstance(items, list) and any(truthy(logic(item)) for item in items)

    return Code(some_)
