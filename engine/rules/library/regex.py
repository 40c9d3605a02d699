"""`regex`: a pattern match in a dialect Python and JS agree on, that cannot hang.

`{"regex": [text, "pattern"]}` is true when the pattern matches anywhere in
the first MAX_SUBJECT UTF-16 units of `text` (false for a non-string). The
pattern must be a literal string, checked when the rule is compiled:

- Syntax is the common part of Python's `re` and JS's `RegExp` with the `u`
  flag (which is how designer/src/rules/customOps.ts runs it): literals,
  `.`, `^`, `$`, classes `[a-z]` / `[^...]`, `\\d \\D \\w \\W \\s \\S \\b \\B`
  (ASCII `\\d \\w \\b`, JS's Unicode `\\s`), `\\n \\r \\t \\f \\v \\0 \\xHH \\uHHHH`,
  escaped punctuation, groups `(...)`, `(?:...)`, lookaheads `(?=...)`,
  `(?!...)`, alternation and the quantifiers `* + ? {n} {n,} {n,m}`
  (lazy with a trailing `?`). No flags, back-references, lookbehinds or
  named groups. `.`, `$` and `\\s` are translated so Python matches what JS
  does (`.` stops at \\r and U+2028/9 too; `$` is the very end).
- Patterns that can backtrack catastrophically are refused: a repetition of
  a group holding another quantifier or an alternation (`(a+)+`, `(a|a)*`),
  more than one unbounded quantifier (`.*a.*b` is cubic on a long text), or
  bounded ranges whose product could still multiply the work too far.
"""

from __future__ import annotations

import re

from ..errors import BAD_ARGUMENT, RuleError
from ..jsvalues import JS_SPACE, u16_len, u16_slice
from ..nodes import Literal, Operation

__all__ = ["MAX_PATTERN", "MAX_SUBJECT", "check_regex", "compile_pattern", "regex", "search"]

MAX_PATTERN = 1000
MAX_SUBJECT = 10_000
_MAX_COUNT = 1000
# Worst-case backtracking grows with the product of the variable
# quantifiers' ranges; past these budgets a 10,000-unit text could take
# seconds.
_RANGE_BUDGET = {0: 20_000, 1: 4}

_SPACE_CLASS = "".join(f"\\u{ord(c):04x}" for c in JS_SPACE)
_ESCAPES = {"d": r"\d", "D": r"\D", "w": r"\w", "W": r"\W", "s": f"[{_SPACE_CLASS}]", "S": f"[^{_SPACE_CLASS}]",
            "n": r"\n", "r": r"\r", "t": r"\t", "f": r"\f", "v": r"\v"}
_SYNTAX = set("^$\\.*+?()[]{}|/")


class _Info:
    __slots__ = ("quantified", "alternation")

    def __init__(self) -> None:
        self.quantified = False
        self.alternation = False


def _char(code: int) -> str:
    # A literal as an escape: safe inside and outside classes in Python.
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class _Translator:
    """Checks a pattern and writes its Python equivalent; raises ValueError."""

    def __init__(self, pattern: str) -> None:
        self.p, self.i, self.out = pattern, 0, []
        self.unbounded, self.ranges = 0, 1

    def run(self) -> str:
        self.alternation()
        if self.i < len(self.p):
            raise ValueError(f"unbalanced ')' at {self.i}")
        budget = _RANGE_BUDGET.get(self.unbounded)
        if budget is None:
            raise ValueError("more than one unbounded quantifier (*, +, {n,}) can backtrack for minutes")
        if self.ranges > budget:
            raise ValueError("the bounded quantifiers' ranges multiply too far; narrow them")
        return "".join(self.out)

    def peek(self) -> str:
        return self.p[self.i] if self.i < len(self.p) else ""

    def alternation(self) -> _Info:
        info = self.sequence()
        while self.peek() == "|":
            self.i += 1
            self.out.append("|")
            inner = self.sequence()
            info.quantified |= inner.quantified
            info.alternation = True
        return info

    def sequence(self) -> _Info:
        info = _Info()
        while self.i < len(self.p) and self.peek() not in "|)":
            quantifiable, inner = self.atom()
            info.quantified |= inner.quantified
            info.alternation |= inner.alternation
            bounds = self.quantifier()
            if bounds is None:
                continue
            if not quantifiable:
                raise ValueError(f"nothing to repeat at {self.i - 1}")
            low, high = bounds
            if (high is None or high > 1) and (inner.quantified or inner.alternation):
                raise ValueError(
                    "a repeated group holding a quantifier or an alternation can backtrack catastrophically")
            if high is None:
                self.unbounded += 1
            elif high != low:
                self.ranges *= high - low + 1
            info.quantified = True
        return info

    def atom(self) -> tuple[bool, _Info]:
        char = self.p[self.i]
        self.i += 1
        if char == "(":
            return self.group()
        if char == "[":
            self.char_class()
            return True, _Info()
        if char == "\\":
            escaped = self.p[self.i : self.i + 1]
            if escaped in ("b", "B"):
                self.i += 1
                self.out.append("\\" + escaped)
                return False, _Info()
            self.out.append(self.escape(in_class=False))
            return True, _Info()
        if char in "^$":
            self.out.append("^" if char == "^" else r"\Z")
            return False, _Info()
        if char == ".":
            self.out.append(r"[^\n\r\u2028\u2029]")
            return True, _Info()
        if char in "*+?{}]":
            raise ValueError(f"unexpected {char!r} at {self.i - 1} (escape it with a backslash)")
        self.out.append(_char(ord(char)))
        return True, _Info()

    def group(self) -> tuple[bool, _Info]:
        quantifiable = True
        if self.p.startswith("?", self.i):
            kind = self.p[self.i : self.i + 2]
            if kind not in ("?:", "?=", "?!"):
                raise ValueError(f"only (?:...), (?=...) and (?!...) groups are supported, at {self.i - 1}")
            quantifiable = kind == "?:"
            self.out.append("(" + kind)
            self.i += 2
        else:
            self.out.append("(")
        info = self.alternation()
        if self.peek() != ")":
            raise ValueError("missing ')'")
        self.i += 1
        self.out.append(")")
        return quantifiable, info

    def quantifier(self) -> tuple[int, int | None] | None:
        char = self.peek()
        if char in ("*", "+", "?"):
            self.i += 1
            bounds = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
            self.out.append(char)
        elif char == "{":
            match = re.compile(r"\{([0-9]{1,4})(,([0-9]{0,4}))?\}").match(self.p, self.i)
            if not match:
                raise ValueError(f"unexpected '{{' at {self.i} (escape it with a backslash)")
            low = int(match.group(1))
            high = low if match.group(2) is None else (int(match.group(3)) if match.group(3) else None)
            if low > _MAX_COUNT or (high is not None and (high < low or high > _MAX_COUNT)):
                raise ValueError(f"bad repetition count {match.group()}")
            self.i = match.end()
            bounds = (low, high)
            self.out.append(match.group())
        else:
            return None
        if self.peek() == "?":
            self.i += 1
            self.out.append("?")
        if self.peek() in ("*", "+", "?", "{"):
            raise ValueError(f"a quantifier cannot follow a quantifier, at {self.i}")
        return bounds

    def escape(self, in_class: bool) -> str:
        """Translate the escape after a backslash; returns Python source."""
        char = self.p[self.i : self.i + 1]
        self.i += 1
        if not char:
            raise ValueError("pattern ends with a backslash")
        if char in _ESCAPES:
            if in_class and char in "sS":
                if char == "S":
                    raise ValueError(r"\S inside a class is not supported")
                return _SPACE_CLASS
            return _ESCAPES[char]
        if char == "b" and in_class:
            return "\\x08"
        if char == "0" and not self.peek().isdigit():
            return "\\x00"
        if char in "xu":
            size = 2 if char == "x" else 4
            digits = self.p[self.i : self.i + size]
            if len(digits) != size or not all(d in "0123456789abcdefABCDEF" for d in digits):
                raise ValueError(f"\\{char} needs {size} hex digits")
            code = int(digits, 16)
            if 0xD800 <= code <= 0xDFFF:
                raise ValueError("surrogate escapes are not supported")
            self.i += size
            return _char(code)
        if char in _SYNTAX or (in_class and char == "-"):
            return _char(ord(char))
        raise ValueError(f"unsupported escape \\{char}")

    def char_class(self) -> None:
        negated = self.peek() == "^"
        self.i += negated
        items: list[str] = []
        while True:
            if self.i >= len(self.p):
                raise ValueError("missing ']'")
            char = self.p[self.i]
            if char == "]":
                self.i += 1
                break
            if char == "[":
                raise ValueError(r"escape '[' inside a class as \[")
            low = self.class_atom()
            if self.peek() == "-" and self.p[self.i + 1 : self.i + 2] not in ("]", ""):
                self.i += 1
                high = self.class_atom()
                if len(low) != 1 or len(high) != 1 or ord(low) > ord(high):
                    raise ValueError("bad range in a class")
                items.append(f"{_char(ord(low))}-{_char(ord(high))}")
            else:
                items.append(_char(ord(low)) if len(low) == 1 else low)
        if not items:
            raise ValueError("an empty class matches nothing")
        self.out.append("[" + ("^" if negated else "") + "".join(items) + "]")

    def class_atom(self) -> str:
        """One class member: a single character, or translated class escape source."""
        char = self.p[self.i]
        self.i += 1
        if char != "\\":
            return char
        source = self.escape(in_class=True)
        # Single characters come back as \xHH / \uHHHH / \UHHHHHHHH escapes.
        if re.fullmatch(r"\\(x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8})", source):
            return chr(int(source[2:], 16))
        return source


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Check `pattern` against the dialect and compile its Python translation; raises ValueError."""
    if len(pattern) > MAX_PATTERN:
        raise ValueError(f"patterns are limited to {MAX_PATTERN} characters")
    return re.compile(_Translator(pattern).run(), re.ASCII)


def regex(subject: object, pattern: object) -> bool:
    """Uncompiled fallback: only reached if a rule bypassed `check_regex`."""
    if type(subject) is not str or type(pattern) is not str:
        return False
    return _search(compile_pattern(pattern), subject)


def search(compiled: re.Pattern[str], subject: str) -> bool:
    """Whether a pattern from compile_pattern matches in the first MAX_SUBJECT UTF-16 units of `subject`."""
    return _search(compiled, subject)


def _search(compiled: re.Pattern[str], subject: str) -> bool:
    if u16_len(subject) > MAX_SUBJECT:
        subject = u16_slice(subject, 0, MAX_SUBJECT)
    return compiled.search(subject) is not None


def check_regex(node: Operation):  # type: ignore[no-untyped-def]
    """Compile-time: the pattern must be a literal string in the dialect; returns the matcher."""
    pattern = node.args[1]
    if not (isinstance(pattern, Literal) and type(pattern.value) is str):
        raise RuleError(BAD_ARGUMENT, "the regex pattern must be a literal string", pattern.path)
    try:
        compiled = compile_pattern(pattern.value)
    except (ValueError, re.error) as error:
        raise RuleError(BAD_ARGUMENT, f"bad regex: {error}", pattern.path) from None

    def matches(subject: object, _pattern: object) -> bool:
        return type(subject) is str and _search(compiled, subject)

    return matches
