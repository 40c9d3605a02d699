"""JavaScript value semantics over Python JSON values.

json-logic-js leans on JavaScript's coercions (`==`, `<`, `parseFloat`,
`String(x)`), so matching its results means re-implementing the parts of the
ECMAScript spec it touches, for the values `json.loads` produces: None, bool,
int, float, str, list and dict. Anything else is treated like a JS object.

Python's `bool` is a subclass of `int`, so every numeric check here tests for
`bool` first: `{"===": [1, true]}` must be false.
"""

from __future__ import annotations

import math
import re

__all__ = [
    "INF",
    "JS_SPACE",
    "NAN",
    "UNDEFINED",
    "js_add",
    "js_le",
    "js_lt",
    "loose_eq",
    "negate",
    "normalize_int",
    "parse_float",
    "strict_eq",
    "to_int_or_inf",
    "to_number",
    "to_primitive",
    "to_string",
    "truthy",
    "u16_len",
    "u16_slice",
]


class _Undefined:
    """JS `undefined`: only ever stands in for an argument the rule left out."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNDEFINED"

    def __bool__(self) -> bool:
        return False


UNDEFINED = _Undefined()

NAN = float("nan")
INF = float("inf")
# JS numbers are doubles: integers past 2**53 lose precision there, so they
# become floats here too (and big products stay cheap to compute).
_MAX_SAFE = 2**53

# StrWhiteSpaceChar of ECMA-262 (also what a JS regex's \s matches): narrower
# than Python's str.isspace().
JS_SPACE = "\t\n\v\f\r \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"
_DECIMAL = re.compile(r"[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_RADIX = re.compile(r"0(?:[xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)")
_RADIX_BASE = {"x": 16, "o": 8, "b": 2}
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def negate(value: int | float) -> int | float:
    """JS unary minus on a number: -0 of an integer zero is the float -0.0."""
    return -0.0 if type(value) is int and value == 0 else -value


def normalize_int(value: int | float) -> int | float:
    """Turn ints a double cannot hold exactly into floats, as JS would."""
    if type(value) is int and not -_MAX_SAFE <= value <= _MAX_SAFE:
        try:
            return float(value)
        except OverflowError:
            return INF if value > 0 else -INF
    return value


def truthy(value: object) -> bool:
    """JsonLogic truthiness: JS truthiness, except that `[]` is falsy."""
    if value is None or value is False or value is UNDEFINED:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value == value and value != 0
    if isinstance(value, (str, list)):
        return len(value) > 0
    return True


def _literal_to_number(text: str) -> int | float:
    # `text` already matched _DECIMAL; long digit strings go through float()
    # because int() refuses more than 4300 digits.
    if text.lstrip("+-") == "Infinity":
        return -INF if text.startswith("-") else INF
    if _INTEGER.fullmatch(text) and len(text) <= 17:
        number = int(text)
        # "-0" is JS's negative zero, which only a float can hold.
        return -0.0 if number == 0 and text.startswith("-") else number
    return float(text)


def _string_to_number(text: str) -> int | float:
    text = text.strip(JS_SPACE)
    if not text:
        return 0
    if _DECIMAL.fullmatch(text):
        return _literal_to_number(text)
    if _RADIX.fullmatch(text):
        return normalize_int(int(text[2:], _RADIX_BASE[text[1].lower()]))
    return NAN


def to_number(value: object) -> int | float:
    """ECMAScript ToNumber, as used by `-`, `/`, `%`, `min`, `max` and `<`."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return normalize_int(value)
    if isinstance(value, float):
        return value
    if value is None:
        return 0
    if isinstance(value, str):
        return _string_to_number(value)
    if isinstance(value, list):
        return _string_to_number(to_string(value))
    return NAN


def parse_float(value: object) -> int | float:
    """JS `parseFloat(String(value))`: the longest numeric prefix, or NaN."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return normalize_int(value) if isinstance(value, int) else value
    match = _DECIMAL.match(to_string(value).lstrip(JS_SPACE))
    return _literal_to_number(match.group()) if match else NAN


def to_int_or_inf(value: object) -> int | float:
    """ECMAScript ToIntegerOrInfinity: NaN becomes 0, infinities stay."""
    number = to_number(value)
    if number != number:
        return 0
    if number in (INF, -INF):
        return number
    return math.trunc(number)


def _format_number(value: int | float) -> str:
    """ECMAScript Number::toString for radix 10."""
    if isinstance(value, int):
        value = normalize_int(value)
        if isinstance(value, int):
            return str(value)
    if value != value:
        return "NaN"
    if value in (INF, -INF):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    # repr() gives the shortest round-tripping digits, as JS does; only the
    # layout (when to use an exponent) differs.
    mantissa, _, exp_text = repr(abs(value)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    stripped = digits.rstrip("0")
    k = len(stripped)
    n = k + int(exp_text or 0) - len(fraction) + (len(digits) - k)
    sign = "-" if value < 0 else ""
    if k <= n <= 21:
        return sign + stripped + "0" * (n - k)
    if 0 < n <= 21:
        return sign + stripped[:n] + "." + stripped[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * -n + stripped
    exponent = f"e{'+' if n > 0 else '-'}{abs(n - 1)}"
    tail = "." + stripped[1:] if k > 1 else ""
    return sign + stripped[0] + tail + exponent


def to_string(value: object) -> str:
    """ECMAScript ToString: `String(value)` in JS."""
    if isinstance(value, str):
        return value
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return _format_number(value)
    if isinstance(value, list):
        return ",".join("" if item is None or item is UNDEFINED else to_string(item) for item in value)
    if value is UNDEFINED:
        return "undefined"
    return "[object Object]"


def to_primitive(value: object) -> object:
    """ToPrimitive with a number hint: arrays and objects become strings."""
    if isinstance(value, (list, dict)) or not (
        value is None or value is UNDEFINED or isinstance(value, (str, int, float))
    ):
        return to_string(value)
    return value


def strict_eq(a: object, b: object) -> bool:
    """JS `===`: same type and value; arrays and objects by identity."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)):
        return isinstance(b, (int, float)) and a == b
    if isinstance(a, str):
        return isinstance(b, str) and a == b
    return a is b


def loose_eq(a: object, b: object) -> bool:
    """JS `==` (IsLooselyEqual), including its string and boolean coercions."""
    type_a = type(a)
    if type_a is type(b) and (type_a is str or type_a is int or type_a is float):
        return a == b
    if a is None or a is UNDEFINED:
        return b is None or b is UNDEFINED
    if b is None or b is UNDEFINED:
        return False
    if isinstance(a, bool):
        if isinstance(b, bool):
            return a == b
        return loose_eq(int(a), b)
    if isinstance(b, bool):
        return loose_eq(a, int(b))
    a_object = not isinstance(a, (str, int, float))
    b_object = not isinstance(b, (str, int, float))
    if a_object and b_object:
        return a is b
    if a_object or b_object:
        return loose_eq(to_primitive(a), to_primitive(b))
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    return to_number(a) == to_number(b)


def _relational(a: object, b: object) -> tuple[object, object] | None:
    # Shared first half of `<` and `<=`: returns the two operands to compare
    # with Python's operator, or None when JS yields undefined (NaN).
    a, b = to_primitive(a), to_primitive(b)
    if isinstance(a, str) and isinstance(b, str):
        if a.isascii() and b.isascii():
            return a, b
        # JS orders strings by UTF-16 code unit, not by code point.
        return a.encode("utf-16-be", "surrogatepass"), b.encode("utf-16-be", "surrogatepass")
    a_num, b_num = to_number(a), to_number(b)
    if a_num != a_num or b_num != b_num:
        return None
    return a_num, b_num


def js_lt(a: object, b: object) -> bool:
    """JS `a < b`."""
    if type(a) in (int, float) and type(b) in (int, float):
        return a < b
    pair = _relational(a, b)
    return pair is not None and pair[0] < pair[1]


def js_le(a: object, b: object) -> bool:
    """JS `a <= b`."""
    if type(a) in (int, float) and type(b) in (int, float):
        return a <= b
    pair = _relational(a, b)
    return pair is not None and pair[0] <= pair[1]


def js_add(a: object, b: object) -> object:
    """JS binary `+`: string concatenation if either side is a string."""
    a, b = to_primitive(a), to_primitive(b)
    if isinstance(a, str) or isinstance(b, str):
        return to_string(a) + to_string(b)
    return normalize_int(to_number(a) + to_number(b))


def u16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units, as JS `.length` counts it."""
    if text.isascii() or not _ASTRAL.search(text):
        return len(text)
    return len(text) + len(_ASTRAL.findall(text))


def u16_slice(text: str, start: int, end: int) -> str:
    """`text.slice(start, end)` with JS's UTF-16 offsets (0 <= start <= end)."""
    if text.isascii() or not _ASTRAL.search(text):
        return text[start:end]
    units = text.encode("utf-16-le", "surrogatepass")
    return units[2 * start : 2 * end].decode("utf-16-le", "surrogatepass")
