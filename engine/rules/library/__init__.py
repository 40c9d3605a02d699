"""The operators every rule may use beyond json-logic-js's: `DEFAULT_OPS`.

Text matching for social care (`contains`, `word`, `contains_any`,
`starts_with`, `ends_with`, `regex`, `lower`, `upper`), time (`before`,
`after`, `hours_since`) and `in_business_hours`. None reads the clock: the
current time comes from the data. designer/src/rules/customOps.ts registers
the same operators with json-logic-js, and tests/fixtures/jsonlogic/
custom_ops.json holds the cases both implementations pass.
"""

from __future__ import annotations

from ..custom import Operator
from .business_hours import in_business_hours
from .regex import check_regex, regex
from .text import contains, contains_any, ends_with, lower, starts_with, upper, word
from .times import after, before, hours_since

__all__ = ["DEFAULT_OPS"]

DEFAULT_OPS: dict[str, Operator] = {
    "contains": Operator(contains, 2, 2, predicate=True),
    "word": Operator(word, 2, 2, predicate=True),
    "contains_any": Operator(contains_any, 2, 2, predicate=True),
    "starts_with": Operator(starts_with, 2, 2, predicate=True),
    "ends_with": Operator(ends_with, 2, 2, predicate=True),
    "regex": Operator(regex, 2, 2, check=check_regex, predicate=True),
    "lower": Operator(lower, 1, 1),
    "upper": Operator(upper, 1, 1),
    "before": Operator(before, 2, 2, predicate=True),
    "after": Operator(after, 2, 2, predicate=True),
    "hours_since": Operator(hours_since, 2, 2),
    "in_business_hours": Operator(in_business_hours, 2, 2, predicate=True),
}
