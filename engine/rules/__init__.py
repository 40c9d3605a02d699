"""JsonLogic rules: a compiler matching json-logic-js 2.0.5 semantics.

    rule = compile_rule({"in": ["refund", {"var": "message.text"}]})
    rule.evaluate({"message": {"text": "I want a refund"}})  # True
    rule.explain({"message": {"text": "hello"}}).trace       # what each node saw

    routing = compile_rule_set({"mode": "first_match", "rules": [...], "default": "general"})
    routing.evaluate(mention)                                 # the first matching rule's `then`

`library.DEFAULT_OPS` adds social-care operators (`contains`, `word`,
`regex`, `hours_since`, `in_business_hours`, ...) to every rule.
Differences from json-logic-js are listed in DIFFERENCES.md beside this file.
"""

from .compiler import CompiledRule, compile_rule, evaluate
from .custom import Operator
from .errors import BAD_ARGUMENT, BAD_ARITY, BAD_RULE_SET, NOT_JSON, UNKNOWN_OPERATOR, RuleError
from .jsvalues import truthy
from .library import DEFAULT_OPS
from .ruleset import CompiledRuleSet, Decision, RuleSetExplanation, compile_rule_set
from .trace import Explanation

__all__ = [
    "BAD_ARGUMENT",
    "BAD_ARITY",
    "BAD_RULE_SET",
    "DEFAULT_OPS",
    "NOT_JSON",
    "UNKNOWN_OPERATOR",
    "CompiledRule",
    "CompiledRuleSet",
    "Decision",
    "Explanation",
    "Operator",
    "RuleError",
    "RuleSetExplanation",
    "compile_rule",
    "compile_rule_set",
    "evaluate",
    "truthy",
]
