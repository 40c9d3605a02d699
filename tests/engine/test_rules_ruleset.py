"""Rule sets: first_match, all_match and scoring, their errors, explain and fuzz."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.rules import CompiledRuleSet, Decision, RuleError, compile_rule, compile_rule_set, truthy

ROUTING = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "rules" / "routing_set.json").read_text())

RULES = [
    {"id": "vip", "when": {"==": [{"var": "tier"}, "gold"]}, "then": "vip", "weight": 30},
    {"id": "angry", "when": {"<": [{"var": "sentiment"}, -0.5]}, "then": "angry", "weight": 20},
    {"id": "refund", "when": {"contains": [{"var": "text"}, "refund"]}, "then": {"queue": "billing"}, "weight": 15},
]


def rule_set(mode: str, **extra: object) -> CompiledRuleSet:
    return compile_rule_set({"mode": mode, "rules": RULES, **extra})


def test_first_match_returns_the_first_matching_then() -> None:
    routing = rule_set("first_match", default="general")
    assert routing.evaluate({"tier": "gold", "sentiment": -1}) == "vip"
    assert routing.evaluate({"text": "Refund!"}) == {"queue": "billing"}
    assert routing.evaluate({}) == "general"
    assert routing.decide({"sentiment": -1, "text": "refund"}) == Decision("angry", ["angry"])


def test_all_match_returns_every_matching_then() -> None:
    tagging = rule_set("all_match")
    assert tagging.evaluate({"tier": "gold", "text": "refund"}) == ["vip", {"queue": "billing"}]
    assert tagging.evaluate({}) is None
    assert rule_set("all_match", default=[]).evaluate({}) == []


def test_scoring_sums_weights_into_buckets() -> None:
    buckets = [{"min": 20, "then": "high"}, {"min": 45, "then": "urgent"}]
    scoring = rule_set("scoring", buckets=buckets, default="normal")
    assert scoring.decide({"tier": "gold", "text": "refund"}) == Decision("urgent", ["vip", "refund"], 45)
    assert scoring.evaluate({"sentiment": -1}) == "high"
    assert scoring.evaluate({"text": "refund"}) == "normal"
    assert rule_set("scoring").evaluate({"tier": "gold", "sentiment": -0.9}) == 50


def test_results_are_copies() -> None:
    routing = rule_set("first_match")
    routing.evaluate({"text": "refund"})["queue"] = "changed"
    assert routing.evaluate({"text": "refund"}) == {"queue": "billing"}


def test_a_rule_that_raises_does_not_match_and_explain_says_why() -> None:
    doc = {"mode": "all_match", "rules": [
        {"id": "hours", "when": {"in_business_hours": [{"var": "now"}, {"var": "calendar"}]}, "then": "open"},
        {"id": "always", "when": True, "then": "yes"},
    ]}
    tagging = compile_rule_set(doc)
    data = {"now": "2026-11-23T10:00:00Z", "calendar": {"timezone": "Nowhere/Else"}}
    assert tagging.evaluate(data) == ["yes"]
    report = tagging.explain(data).to_dict()
    assert report["matched"] == ["always"]
    assert report["rules"][0]["matched"] is False and "unknown IANA time zone" in report["rules"][0]["error"]["error"]


def test_explain_lists_rules_up_to_the_first_match() -> None:
    report = rule_set("first_match").explain({"sentiment": -0.9}).to_dict()
    assert report["result"] == "angry" and report["matched"] == ["angry"]
    assert [(rule["id"], rule["matched"]) for rule in report["rules"]] == [("vip", False), ("angry", True)]
    assert report["rules"][1]["trace"][-1] == {"path": "/rules/1/when", "op": "<", "value": True, "args": [-0.9, -0.5]}


@pytest.mark.parametrize(
    ("doc", "errors"),
    [
        ([], [("bad_rule_set", "")]),
        ({"mode": "best", "rules": []}, [("bad_rule_set", "/mode")]),
        ({"mode": "first_match", "rules": {}}, [("bad_rule_set", "/rules")]),
        ({"mode": "first_match", "rules": [], "colour": 1}, [("bad_rule_set", "/colour")]),
        ({"mode": "first_match", "rules": [1]}, [("bad_rule_set", "/rules/0")]),
        ({"mode": "all_match", "rules": [{"id": "a", "when": {"if": [True, {"nope": 1}]}, "then": 1},
                                        {"id": "a", "when": {"==": [1]}, "then": 2}]},
         [("unknown_operator", "/rules/0/when/if/1"), ("bad_rule_set", "/rules/1/id"), ("bad_arity", "/rules/1/when")]),
        ({"mode": "first_match", "rules": [{"id": "a", "when": True}]}, [("bad_rule_set", "/rules/0")]),
        ({"mode": "scoring", "rules": [{"id": "a", "when": True, "weight": "3"}]},
         [("bad_rule_set", "/rules/0/weight")]),
        ({"mode": "scoring", "rules": [], "buckets": [{"min": "x", "then": 1}]}, [("bad_rule_set", "/buckets/0")]),
        ({"mode": "first_match", "rules": [], "buckets": []}, [("bad_rule_set", "/buckets")]),
        ({"mode": "first_match", "rules": [{"id": "r", "when": True, "then": float("nan")}]},
         [("not_json", "/rules/0/then")]),
        ({"mode": "first_match", "rules": [{"id": "r", "when": {"regex": ["a", "(a+)+"]}, "then": 1}]},
         [("bad_argument", "/rules/0/when/regex/1")]),
    ],
)
def test_errors_are_typed_and_placed(doc: object, errors: list[tuple[str, str]]) -> None:
    with pytest.raises(RuleError) as caught:
        compile_rule_set(doc)
    assert [(error.code, error.path) for error in caught.value.errors] == errors
    assert caught.value.errors[0] is caught.value


def test_a_base_path_prefixes_rule_set_errors() -> None:
    with pytest.raises(RuleError) as caught:
        compile_rule_set({"mode": "first_match", "rules": [{"id": "a", "when": {"x": 1}, "then": 1}]}, path="/stages/2")
    assert caught.value.path == "/stages/2/rules/0/when"


def test_the_routing_fixture_agrees_rule_by_rule() -> None:
    import random

    from bench.mentions import mention

    routing = compile_rule_set(ROUTING)
    tagging = compile_rule_set({**ROUTING, "mode": "all_match"})
    singles = [compile_rule(rule["when"]) for rule in ROUTING["rules"]]
    rng = random.Random(7)
    for index in range(300):
        record = mention(rng, index)
        matching = [spec["then"] for spec, rule in zip(ROUTING["rules"], singles, strict=True)
                    if truthy(rule.evaluate(record))]
        assert tagging.evaluate(record) == (matching or ROUTING["default"])
        assert routing.evaluate(record) == (matching[0] if matching else ROUTING["default"])


# --- fuzz -------------------------------------------------------------------

OPS = ["and", "or", "!", "==", "<", "+", "contains", "word", "regex", "before", "hours_since", "in_business_hours",
       "lower", "bogus"]
leaves = st.one_of(st.booleans(), st.none(), st.integers(-3, 3), st.sampled_from(["a", ""]),
                   st.builds(lambda k: {"var": k}, st.sampled_from(["a", "b", "a.b", "now", "cal"])))
conditions = st.recursive(
    leaves,
    lambda kids: st.builds(lambda op, a: {op: a}, st.sampled_from(OPS), st.lists(kids, max_size=3))
    | st.lists(kids, max_size=2),
    max_leaves=8)
rule_docs = st.fixed_dictionaries({"id": st.sampled_from(["a", "b", "c", ""]), "when": conditions},
                                  optional={"then": st.integers(), "weight": st.one_of(st.integers(), st.text())})
buckets = st.lists(st.fixed_dictionaries({"min": st.integers(), "then": st.text()}))
docs = st.fixed_dictionaries(
    {"mode": st.sampled_from(["first_match", "all_match", "scoring", "other"]),
     "rules": st.lists(rule_docs, max_size=4)},
    optional={"default": st.integers(), "buckets": buckets})
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5), st.just("2026-11-23T10:00Z"))
values = st.recursive(
    scalars,
    lambda kids: st.lists(kids, max_size=3)
    | st.dictionaries(st.sampled_from(["a", "b", "timezone", "weekly"]), kids, max_size=3),
    max_leaves=8)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=docs, data=st.dictionaries(st.sampled_from(["a", "b", "now", "cal"]), values, max_size=4))
def test_fuzz_rule_sets_never_raise_anything_else(doc: dict, data: dict) -> None:
    try:
        compiled = compile_rule_set(doc)
    except RuleError as error:
        assert all(e.path == "" or e.path.startswith("/") for e in error.errors)
        return
    first = compiled.evaluate(data)
    assert repr(compiled.evaluate(data)) == repr(first)
    assert compiled.explain(data).decision.value == first
