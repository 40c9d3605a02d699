"""The JsonLogic operators whose arguments are all evaluated first.

Each function receives evaluated arguments, positionally, exactly as
json-logic-js passes them to its `operations` table; a missing fixed argument
arrives as `UNDEFINED`. None of them raises on odd input: where JavaScript
would throw, they return null.

Operators that read the data (`missing`, `missing_some`) take it as their
first argument; the compiler knows which ones those are from `DATA_OPERATORS`.
The control-flow and array operators (`if`, `and`, `map`, ...) are not here:
they decide what to evaluate, so the compiler builds them itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .jsvalues import (
    INF,
    NAN,
    UNDEFINED,
    js_add,
    js_le,
    js_lt,
    loose_eq,
    negate,
    normalize_int,
    parse_float,
    strict_eq,
    to_int_or_inf,
    to_number,
    to_string,
    truthy,
    u16_len,
    u16_slice,
)
from .paths import Segment, lookup, var_args, walk

__all__ = ["DATA_OPERATORS", "OPERATORS"]

_LENGTH = (Segment.of("length"),)


def op_less(a: object, b: object, c: object = UNDEFINED) -> bool:
    """`<`, and with a third argument the exclusive "between"."""
    if c is UNDEFINED:
        return js_lt(a, b)
    return js_lt(a, b) and js_lt(b, c)


def op_less_equal(a: object, b: object, c: object = UNDEFINED) -> bool:
    """`<=`, and with a third argument the inclusive "between"."""
    if c is UNDEFINED:
        return js_le(a, b)
    return js_le(a, b) and js_le(b, c)


def op_plus(*args: object) -> int | float:
    """`+`: sum of `parseFloat` of each argument (so `"1"` counts as 1)."""
    total: int | float = 0
    for arg in args:
        total = total + parse_float(arg)
    return normalize_int(total)


def op_times(*args: object) -> object:
    """`*`: product of `parseFloat` of each argument.

    With a single argument json-logic-js returns it untouched (a JS reduce
    without an initial value), so `{"*": ["1"]}` is the string "1".
    """
    if not args:
        return None
    product = args[0]
    for arg in args[1:]:
        x, y = parse_float(product), parse_float(arg)
        product = normalize_int(x * y)
        if product == 0 and type(product) is int and (x < 0 or y < 0):
            product = -0.0
    return product


def js_subtract(a: object, b: object) -> int | float:
    """JS binary `-`."""
    return normalize_int(to_number(a) - to_number(b))


def op_minus(a: object, b: object = UNDEFINED) -> int | float:
    """`-`: negation with one argument, subtraction with two."""
    if b is UNDEFINED:
        return negate(to_number(a))
    return js_subtract(a, b)


def op_divide(a: object, b: object) -> int | float:
    """`/`: JS division; an integer result stays an int, x/0 is ±Infinity."""
    x, y = to_number(a), to_number(b)
    if y == 0:
        if x == 0 or x != x:
            return NAN
        sign_y = math.copysign(1.0, y) if isinstance(y, float) else 1.0
        return math.copysign(INF, x) * sign_y
    if isinstance(x, int) and isinstance(y, int) and x % y == 0 and not (x == 0 and y < 0):
        return x // y
    return x / y


def op_modulo(a: object, b: object) -> int | float:
    """`%`: JS remainder, which takes the sign of the dividend."""
    x, y = to_number(a), to_number(b)
    if y == 0 or x != x or y != y or x in (INF, -INF):
        return NAN
    if isinstance(x, int) and isinstance(y, int):
        remainder = abs(x) % abs(y)
        return negate(remainder) if x < 0 else remainder
    return math.fmod(x, y)


def op_min(*args: object) -> int | float:
    """`min`: Math.min over ToNumber of the arguments."""
    numbers = [to_number(arg) for arg in args]
    if any(n != n for n in numbers):
        return NAN
    lowest = min(numbers, default=INF)
    # Math.min ranks -0 below +0; Python's min keeps the first of equals.
    return -0.0 if lowest == 0 and any(math.copysign(1, n) < 0 for n in numbers if n == 0) else lowest


def op_max(*args: object) -> int | float:
    """`max`: Math.max over ToNumber of the arguments."""
    numbers = [to_number(arg) for arg in args]
    if any(n != n for n in numbers):
        return NAN
    highest = max(numbers, default=-INF)
    if highest == 0 and any(math.copysign(1, n) > 0 for n in numbers if n == 0):
        return 0
    return highest


def op_in(a: object, b: object) -> bool:
    """`in`: substring test on a string, strict membership in an array."""
    if isinstance(b, str):
        return b != "" and to_string(a) in b
    if isinstance(b, list):
        if isinstance(a, str):
            return any(isinstance(item, str) and item == a for item in b)
        return any(strict_eq(a, item) for item in b)
    return False


def op_cat(*args: object) -> str:
    """`cat`: JS `join("")`, so null becomes "" and 1.0 becomes "1"."""
    return "".join("" if arg is None else to_string(arg) for arg in args)


def _substr(text: str, start: object, length: object) -> str:
    # String.prototype.substr, in UTF-16 code units like JS.
    size = u16_len(text)
    begin = to_int_or_inf(start)
    if begin == -INF:
        begin = 0
    elif begin < 0:
        begin = max(size + begin, 0)
    else:
        begin = min(begin, size)
    count = size if length is UNDEFINED else to_int_or_inf(length)
    end = min(begin + min(max(count, 0), size), size)
    return u16_slice(text, int(begin), int(max(end, begin)))


def op_substr(source: object, start: object = UNDEFINED, end: object = UNDEFINED) -> str:
    """`substr`: JS substr, where a negative length trims from the end (PHP style)."""
    text = to_string(source)
    if js_lt(end, 0):
        head = _substr(text, start, UNDEFINED)
        return _substr(head, 0, js_add(u16_len(head), end))
    return _substr(text, start, end)


def op_merge(*args: object) -> list:
    """`merge`: flatten one level, wrapping non-arrays."""
    merged: list = []
    for arg in args:
        if isinstance(arg, list):
            merged.extend(arg)
        else:
            merged.append(arg)
    return merged


def op_log(a: object) -> object:
    """`log`: returns its argument; the engine does no I/O, so nothing is printed."""
    return a


def op_missing(data: object, *args: object) -> list:
    """`missing`: the keys whose value is null, "" or absent."""
    keys = args[0] if args and isinstance(args[0], list) else args
    absent = []
    for key in keys:
        value = lookup(data, *var_args(key))
        if value is None or (isinstance(value, str) and not value):
            absent.append(key)
    return absent


def op_missing_some(data: object, need: object, options: object) -> object:
    """`missing_some`: [] when at least `need` of `options` are present, else the missing ones."""
    if options is None or options is UNDEFINED:
        return None
    absent = op_missing(data, *options) if isinstance(options, list) else op_missing(data, options)
    # `options.length` in JS: also a dict's own "length" key, NaN for numbers.
    present = js_subtract(walk(options, _LENGTH, UNDEFINED), len(absent))
    return [] if js_le(need, present) else absent


OPERATORS: dict[str, Callable[..., object]] = {
    "==": loose_eq,
    "===": strict_eq,
    "!=": lambda a, b: not loose_eq(a, b),
    "!==": lambda a, b: not strict_eq(a, b),
    ">": lambda a, b: js_lt(b, a),
    ">=": lambda a, b: js_le(b, a),
    "<": op_less,
    "<=": op_less_equal,
    "!!": truthy,
    "!": lambda a: not truthy(a),
    "%": op_modulo,
    "log": op_log,
    "in": op_in,
    "cat": op_cat,
    "substr": op_substr,
    "+": op_plus,
    "*": op_times,
    "-": op_minus,
    "/": op_divide,
    "min": op_min,
    "max": op_max,
    "merge": op_merge,
    "missing": op_missing,
    "missing_some": op_missing_some,
}

# Operators that take the current data as their first argument.
DATA_OPERATORS = frozenset({"missing", "missing_some"})
