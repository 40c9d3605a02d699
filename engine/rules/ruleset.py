"""Rule sets: an ordered list of rules with one of three stage semantics.

    {"mode": "first_match" | "all_match" | "scoring",
     "rules": [{"id": "vip", "when": <jsonlogic>, "then": <value>, "weight": 5}, ...],
     "buckets": [{"min": 50, "then": "urgent"}, ...],   # scoring only, optional
     "default": <value>}                                # optional, else null

- first_match (routing): the `then` of the first rule whose `when` is truthy;
  later rules are not evaluated.
- all_match (tagging): the list of `then` of every matching rule, in order.
- scoring (priority): the sum of the `weight` (default 1) of the matching
  rules; with `buckets`, the `then` of the bucket with the highest `min` the
  score reaches (`default` if none), without, the score itself.

In the other two modes, when nothing matches the result is `default`.
`then` values are plain JSON, returned as they are, never evaluated. All
conditions are compiled into one function, so a field read by several rules
is read once per evaluation. A rule whose condition raises (a custom
operator failing on odd data) counts as not matching; `explain` shows why.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from .closures import ClosureGenerator
from .compiler import CompiledRule
from .custom import CustomOperators, Operator, resolve_ops
from .jsvalues import truthy
from .library import DEFAULT_OPS
from .nodes import Node, copy_json
from .ruleset_doc import RuleSpec, parse_rule_set
from .source import set_function

__all__ = ["CompiledRuleSet", "Decision", "RuleSetExplanation", "compile_rule_set"]


@dataclass(frozen=True, slots=True)
class Decision:
    """What a rule set decided: the value, the ids of the matching rules, and the score (scoring only)."""

    value: object
    matched: list[str]
    score: int | float | None = None

    def to_dict(self) -> dict:
        """JSON-ready form."""
        out = {"value": self.value, "matched": self.matched}
        if self.score is not None:
            out["score"] = self.score
        return out


@dataclass(frozen=True, slots=True)
class RuleSetExplanation:
    """`decision`, and for each rule evaluated, its explanation (rules after a first match are absent)."""

    mode: str
    decision: Decision
    rules: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        """`{"mode", "result", "matched", "score"?, "rules": [{"id", "matched", "value", "trace", "error"?}]}`."""
        decision = self.decision.to_dict()
        out = {"mode": self.mode, "result": decision.pop("value"), **decision, "rules": self.rules}
        return out


class CompiledRuleSet:
    """A validated rule set, ready to evaluate many times; see the module doc."""

    def __init__(self, doc: dict, specs: list[RuleSpec], custom: dict[str, Operator], fn: Callable | None,
                 value_fn: Callable | None = None) -> None:
        self.doc = doc
        self.mode: str = doc["mode"]
        self.specs = specs
        self.custom = custom
        self.default = doc.get("default")
        self.buckets = sorted(doc.get("buckets", []), key=lambda bucket: bucket["min"], reverse=True)
        self._fn = fn
        self._value_fn = value_fn
        self._rules: list[CompiledRule] | None = None
        self._one_by_one: list[Callable[[object], object]] | None = None
        self._lock = threading.Lock()

    def rules(self) -> list[CompiledRule]:
        """Each rule's condition as a CompiledRule (built on first use)."""
        if self._rules is None:
            with self._lock:
                if self._rules is None:
                    self._rules = [CompiledRule(spec.when, spec.node, ClosureGenerator(self.custom).gen(spec.node).fn,
                                                self.custom) for spec in self.specs]
        return self._rules

    def _matches(self, data: object) -> list[int]:
        first = self.mode == "first_match"
        if self._fn is not None:
            try:
                found = self._fn(data)
                return ([] if found < 0 else [found]) if first else found
            except Exception:  # noqa: BLE001 - a failing rule is a non-matching one, below
                pass
        matched = []
        for index, rule in enumerate(self.rules()):
            if truthy(rule.evaluate(data)):
                matched.append(index)
                if first:
                    break
        return matched

    def _value(self, matched: list[int]) -> tuple[object, int | float | None]:
        specs = self.specs
        if self.mode == "scoring":
            score = sum(specs[i].weight for i in matched)
            if not self.buckets:
                return score, score
            for bucket in self.buckets:
                if score >= bucket["min"]:
                    return copy_json(bucket["then"]), score
            return copy_json(self.default), score
        if not matched:
            return copy_json(self.default), None
        if self.mode == "first_match":
            return copy_json(specs[matched[0]].then), None
        return [copy_json(specs[i].then) for i in matched], None

    def evaluate(self, data: object = None) -> object:
        """The rule set's value for `data` (see the module doc); never raises."""
        if self._value_fn is not None:
            try:
                return self._value_fn(data)
            except Exception:  # noqa: BLE001 - a failing rule is a non-matching one, in _matches
                pass
        return self._value(self._matches(data))[0]

    __call__ = evaluate

    def evaluate_until(self, data: object, stop: Callable[[], bool]) -> tuple[object, int | None]:
        """An all_match set's value, its rules evaluated one at a time, asking `stop()` before each.

        Returns the value and None when every rule ran (what `evaluate` gives, a little slower); when
        `stop()` says so, the `then` of each rule that matched before it (never the default: nothing
        shows that no rule matches) and the index of the first rule not evaluated. Never raises.
        """
        if self.mode != "all_match":
            raise ValueError(f"evaluate_until takes an all_match rule set, not {self.mode}")
        tests = self._one_by_one if self._one_by_one is not None else self._build_tests()
        specs = self.specs
        found: list[object] = []
        for index, test in enumerate(tests):
            if stop():
                return found, index
            try:
                if test(data) == 0:
                    found.append(copy_json(specs[index].then))
            except Exception:  # noqa: BLE001 - a failing rule is a non-matching one, as in _matches
                pass
        return (found if found else copy_json(self.default)), None

    def _build_tests(self) -> list[Callable[[object], object]]:
        with self._lock:
            if self._one_by_one is None:
                self._one_by_one = [self._test(spec.node) for spec in self.specs]
            return self._one_by_one

    def _test(self, node: Node) -> Callable[[object], object]:
        """One condition as a one-rule first_match set: `data -> 0` when it is truthy, else -1."""
        found = set_function([node], self.custom, first=True)  # generated as the whole set's, truthiness inline
        if found is not None:
            return found
        closure = ClosureGenerator(self.custom).gen(node).fn  # a condition too deep for Python's parser
        return lambda data: 0 if truthy(closure(data)) else -1

    def decide(self, data: object = None) -> Decision:
        """The value plus which rules matched (and the score); never raises."""
        matched = self._matches(data)
        value, score = self._value(matched)
        return Decision(value, [self.specs[i].id for i in matched], score)

    def explain(self, data: object = None) -> RuleSetExplanation:
        """Which rules matched and why: each evaluated rule's trace; never raises."""
        entries, matched = [], []
        for index, (spec, rule) in enumerate(zip(self.specs, self.rules(), strict=True)):
            explanation = rule.explain(data)
            hit = truthy(explanation.result)
            entry = {"id": spec.id, "matched": hit, "value": explanation.result, "trace": explanation.trace}
            if explanation.error is not None:
                entry["error"] = explanation.error
            entries.append(entry)
            if hit:
                matched.append(index)
                if self.mode == "first_match":
                    break
        value, score = self._value(matched)
        return RuleSetExplanation(self.mode, Decision(value, [self.specs[i].id for i in matched], score), entries)


def compile_rule_set(doc: object, ops: CustomOperators | None = None, *, path: str = "") -> CompiledRuleSet:
    """Validate and compile a rule set document.

    Raises RuleError for the first problem found, with every problem in
    its `.errors` (paths like "/rules/3/when/if/1", prefixed by `path`).
    `ops` is as for `compile_rule`.
    """
    custom = resolve_ops(DEFAULT_OPS, ops)
    clean, specs = parse_rule_set(doc, custom, path=path)
    nodes: list[Node] = [spec.node for spec in specs]
    first = clean["mode"] == "first_match"
    fn = set_function(nodes, custom, first=first)
    # first_match and all_match also get a function returning the value itself,
    # the hot path of `evaluate`; scoring sums weights from the indices.
    value_fn = None if clean["mode"] == "scoring" else \
        set_function(nodes, custom, first=first, results=[spec.then for spec in specs], default=clean["default"])
    return CompiledRuleSet(clean, specs, custom, fn, value_fn)
