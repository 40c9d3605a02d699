"""JsonLogic rules: a compiler matching json-logic-js 2.0.5 semantics.

    rule = compile_rule({"in": ["refund", {"var": "message.text"}]})
    rule.evaluate({"message": {"text": "I want a refund"}})  # True

Differences from json-logic-js are listed in DIFFERENCES.md beside this file.
"""

from .compiler import CompiledRule, compile_rule, evaluate
from .errors import BAD_ARGUMENT, BAD_ARITY, NOT_JSON, UNKNOWN_OPERATOR, RuleError
from .jsvalues import truthy

__all__ = [
    "BAD_ARGUMENT",
    "BAD_ARITY",
    "NOT_JSON",
    "UNKNOWN_OPERATOR",
    "CompiledRule",
    "RuleError",
    "compile_rule",
    "evaluate",
    "truthy",
]
