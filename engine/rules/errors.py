"""Typed compile-time errors, in the shape shared by engine, API and designer."""

from __future__ import annotations

__all__ = [
    "BAD_ARGUMENT",
    "BAD_ARITY",
    "BAD_RULE_SET",
    "NOT_JSON",
    "UNKNOWN_OPERATOR",
    "RuleError",
    "pointer",
]

UNKNOWN_OPERATOR = "unknown_operator"
BAD_ARITY = "bad_arity"
BAD_ARGUMENT = "bad_argument"
NOT_JSON = "not_json"
BAD_RULE_SET = "bad_rule_set"


class RuleError(Exception):
    """A rule that cannot be compiled.

    `path` is a JSON Pointer (RFC 6901) to the offending node, prefixed by
    the base path the caller gave, so a UI can place the error on the node.
    """

    def __init__(self, code: str, message: str, path: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path
        # Every problem found, when a validator collects more than one
        # (rule sets do); this error is the first of them.
        self.errors: list[RuleError] = [self]

    def to_dict(self) -> dict[str, str]:
        """The error as `{"code", "message", "path"}`, ready for a JSON response."""
        return {"code": self.code, "message": self.message, "path": self.path}

    def __str__(self) -> str:
        return f"{self.code} at {self.path or '/'}: {self.message}"

    def __repr__(self) -> str:
        return f"RuleError({self.code!r}, {self.message!r}, {self.path!r})"

    def __reduce__(self) -> tuple:
        # Keeps the error picklable across process pools despite the custom __init__.
        return (type(self), (self.code, self.message, self.path))


def pointer(base: str, token: object) -> str:
    """Append one reference token to a JSON Pointer, escaping `~` and `/`."""
    text = str(token).replace("~", "~0").replace("/", "~1")
    return f"{base}/{text}"
