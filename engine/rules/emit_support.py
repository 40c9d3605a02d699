"""The run-time names an emitted function may call.

Emitted code calls these by name; they are the functions the closure back
end uses too, so a fast path's fallback computes exactly what it would.
"""

from __future__ import annotations

from .jsvalues import js_le, js_lt, loose_eq, truthy
from .nodes import copy_json
from .operators import op_divide, op_in
from .paths import MISSING, lookup, walk

__all__ = ["NAMESPACE", "divide_numbers"]


def divide_numbers(x: int | float, y: int | float) -> int | float:
    """`/` for two numbers JS holds exactly (see operators.op_divide, which it matches)."""
    if y == 0:
        return op_divide(x, y)
    if type(x) is int and type(y) is int and x % y == 0 and not (x == 0 and y < 0):
        return x // y
    return x / y


NAMESPACE: dict[str, object] = {
    # Only what emitted code uses: a generated function has no business with open() or __import__.
    "__builtins__": {"isinstance": isinstance, "type": type, "int": int, "float": float, "str": str,
                     "dict": dict, "list": list, "len": len, "min": min, "max": max},
    "MISSING": MISSING,
    "_copy": copy_json,
    "_js_le": js_le,
    "_js_lt": js_lt,
    "_lookup": lookup,
    "_loose_eq": loose_eq,
    "_op_in": op_in,
    "_truthy": truthy,
    "_walk": walk,
}
