"""Parse and validate a JsonLogic rule into a small, immutable node tree.

The tree is the single source the code generator walks; later modes (an
`explain` trace, a rule set sharing `var` lookups) can walk the same tree.
Every node carries its JSON Pointer so errors and traces can name it.

What counts as an operation follows json-logic-js exactly: a dict with one
key. Dicts with zero or several keys are literals, returned as they are.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from .errors import BAD_ARGUMENT, BAD_ARITY, NOT_JSON, UNKNOWN_OPERATOR, RuleError, pointer
from .operators import OPERATORS

__all__ = [
    "ARITY",
    "BUILTIN_OPERATORS",
    "MAX_DEPTH",
    "ArrayNode",
    "Literal",
    "Node",
    "Operation",
    "copy_json",
    "json_value",
    "parse",
]

# Deep enough for any hand-made or designer-made rule, shallow enough that
# compiling and evaluating stay far from Python's recursion limit.
MAX_DEPTH = 100

# (min, max) argument counts; max None means any. Only where json-logic-js
# would throw, silently read `undefined`, or the rule is certainly a mistake.
ARITY: dict[str, tuple[int, int | None]] = {
    **dict.fromkeys(["==", "===", "!=", "!==", ">", ">=", "%", "/", "in"], (2, 2)),
    **dict.fromkeys(["<", "<="], (2, 3)),
    **dict.fromkeys(["!", "!!", "log"], (1, 1)),
    **dict.fromkeys(["map", "filter", "all", "none", "some", "missing_some"], (2, 2)),
    "-": (1, 2),
    "*": (1, None),
    "substr": (2, 3),
    "reduce": (2, 3),
    "var": (0, 2),
}

CONTROL_OPERATORS = frozenset({"if", "?:", "and", "or", "map", "filter", "reduce", "all", "none", "some"})
BUILTIN_OPERATORS = frozenset(OPERATORS) | CONTROL_OPERATORS | {"var"}

_SCALARS = (str, int, bool)


@dataclass(frozen=True, slots=True)
class Literal:
    """A value returned as is: a scalar, or a dict that is not an operation."""

    value: object
    path: str


@dataclass(frozen=True, slots=True)
class ArrayNode:
    """A JSON array: json-logic-js evaluates each item, so items may be rules."""

    items: tuple[Node, ...]
    path: str


@dataclass(frozen=True, slots=True)
class Operation:
    """`{op: args}`; a non-array argument is normalized to a one-item tuple."""

    op: str
    args: tuple[Node, ...]
    path: str


Node = Literal | ArrayNode | Operation


def copy_json(value: object) -> object:
    """Deep-copy the containers of a JSON value (scalars are immutable)."""
    if isinstance(value, list):
        return [copy_json(item) for item in value]
    if isinstance(value, dict):
        return {key: copy_json(item) for key, item in value.items()}
    return value


def _too_deep(path: str) -> RuleError:
    return RuleError(BAD_ARGUMENT, f"rule nests deeper than {MAX_DEPTH} levels", path)


def _check_scalar(value: object, path: str) -> None:
    if type(value) is float and not math.isfinite(value):
        raise RuleError(NOT_JSON, f"{value!r} is not a JSON number", path)
    if value is not None and type(value) not in _SCALARS and type(value) is not float:
        raise RuleError(NOT_JSON, f"{type(value).__name__} is not a JSON value", path)


def _literal_copy(value: object, path: str, depth: int) -> object:
    # Validates and copies a literal in one pass, so later changes to the
    # caller's rule cannot leak into the compiled one.
    if depth > MAX_DEPTH:
        raise _too_deep(path)
    if isinstance(value, dict):
        copied = {}
        for key, item in value.items():
            if type(key) is not str:
                raise RuleError(NOT_JSON, f"object key {key!r} is not a string", path)
            copied[key] = _literal_copy(item, pointer(path, key), depth + 1)
        return copied
    if isinstance(value, list):
        return [_literal_copy(item, pointer(path, i), depth + 1) for i, item in enumerate(value)]
    _check_scalar(value, path)
    return value


def json_value(value: object, path: str) -> object:
    """A validated copy of a plain JSON value (not a rule); raises RuleError."""
    return _literal_copy(value, path, 0)


def _check_arity(op: str, count: int, path: str, custom: Mapping[str, tuple[int, int | None]]) -> None:
    low, high = ARITY.get(op) or custom.get(op) or (0, None)
    if count < low or (high is not None and count > high):
        expected = str(low) if low == high else f"{low} or more" if high is None else f"{low} to {high}"
        raise RuleError(BAD_ARITY, f'"{op}" takes {expected} arguments, got {count}', path)


def _check_var_key(args: tuple[Node, ...]) -> None:
    # json-logic-js would stringify these ("true", "a,b", "[object Object]"),
    # which is never what the author meant.
    if not args:
        return
    key = args[0]
    plain = isinstance(key, Literal) and (key.value is None or type(key.value) in (str, int, float))
    if isinstance(key, ArrayNode) or (isinstance(key, Literal) and not plain):
        raise RuleError(BAD_ARGUMENT, "a var path must be a string, a number or null", key.path)


class _Parser:
    def __init__(self, operators: Collection[str], arity: Mapping[str, tuple[int, int | None]]) -> None:
        self.operators = operators
        self.arity = arity

    def parse(self, value: object, path: str, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise _too_deep(path)
        if isinstance(value, list):
            return ArrayNode(tuple(self.parse(item, pointer(path, i), depth + 1) for i, item in enumerate(value)), path)
        if isinstance(value, dict):
            if len(value) != 1:
                return Literal(_literal_copy(value, path, depth), path)
            return self.operation(value, path, depth)
        _check_scalar(value, path)
        return Literal(value, path)

    def operation(self, value: dict, path: str, depth: int) -> Operation:
        ((op, raw),) = value.items()
        if type(op) is not str:
            raise RuleError(NOT_JSON, f"object key {op!r} is not a string", path)
        if op not in self.operators:
            raise RuleError(UNKNOWN_OPERATOR, f'unknown operator "{op}"', path)
        op_path = pointer(path, op)
        if isinstance(raw, list):
            args = tuple(self.parse(item, pointer(op_path, i), depth + 1) for i, item in enumerate(raw))
        else:
            args = (self.parse(raw, op_path, depth + 1),)
        _check_arity(op, len(args), path, self.arity)
        if op == "var":
            _check_var_key(args)
        return Operation(op, args, path)


def parse(rule: object, *, path: str = "", custom: Mapping[str, tuple[int, int | None]] | Collection[str] = ()) -> Node:
    """Validate `rule` and return its node tree; raises RuleError.

    `custom` names extra operators the caller will supply, or maps them to
    their (min, max) argument counts; `path` prefixes every error path
    (e.g. "/rules/3").
    """
    names = BUILTIN_OPERATORS | frozenset(custom) if custom else BUILTIN_OPERATORS
    arity = custom if isinstance(custom, Mapping) else {}
    return _Parser(names, arity).parse(rule, path, 0)
