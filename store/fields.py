"""Request body fields whose OpenAPI schema says exactly what they take.

Pydantic's lax mode takes `"5"` for an integer and `1` for a boolean, which the schema (`integer`,
`boolean`) refuses; its strict mode refuses `5.0`, which JSON Schema counts as an integer. So a body's
booleans are `Field(strict=True)`, and its integers `Annotated[int, Field(strict=True, ...), WHOLE]`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BeforeValidator


def _whole_float_as_int(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


# After a strict int and its constraints (constraints after it would not reach the schema): 5 and 5.0 are
# taken, "5", 5.5 and true are not.
WHOLE = BeforeValidator(_whole_float_as_int)

# Unicode's White_Space, listed: `\s` means it to pydantic's regex engine (Rust), but something else to Python's
# `re` (which schemathesis reads patterns with) and to ECMA's (the document's dialect), so patterns list it.
WHITESPACE = r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# An email address as logins take it (api.auth.models.EMAIL_PATTERN), spelled the same in every dialect.
EMAIL_PATTERN = rf"^[^@{WHITESPACE}]+@[^@{WHITESPACE}]+$"
