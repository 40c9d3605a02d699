"""Compile-time validation, custom operators, caching, and a fuzz test."""

from __future__ import annotations

import math
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.rules import DEFAULT_OPS, CompiledRule, RuleError, compile_rule, evaluate
from engine.rules.nodes import BUILTIN_OPERATORS, MAX_DEPTH


def error_of(rule: object, **kwargs: object) -> RuleError:
    with pytest.raises(RuleError) as caught:
        compile_rule(rule, **kwargs)
    return caught.value


@pytest.mark.parametrize(
    ("rule", "path"),
    [
        ({"nope": 1}, ""),
        ({"if": [True, {"in": [{"bogus": [1]}, "x"]}]}, "/if/1/in/0"),
        ([1, [2, {"x": 3}]], "/1/1"),
        ({"!": {"bogus": 1}}, "/!"),
        ({"and": [{"/": [1, {"zz": 0}]}]}, "/and/0/~1/1"),
        ({"map": [[1], {"nope": []}]}, "/map/1"),
        ({"or": [False, {"a~b": 1}, {"c/d": 2}]}, "/or/1"),
        ({"var": [{"VAR": "a"}]}, "/var/0"),
        ({"and": [{"or": [{"!": [{"if": [[{"deep": 1}]]}]}]}]}, "/and/0/or/0/!/0/if/0/0"),
    ],
)
def test_unknown_operator_points_at_the_node(rule: object, path: str) -> None:
    error = error_of(rule)
    assert (error.code, error.path) == ("unknown_operator", path)


def test_a_base_path_prefixes_every_error_path() -> None:
    error = error_of({"and": [True, {"bad": 1}]}, path="/rules/3")
    assert error.path == "/rules/3/and/1"


@pytest.mark.parametrize(
    ("rule", "path"),
    [
        ({"==": [1]}, ""),
        ({"and": [{"map": [[1]]}]}, "/and/0"),
        ({"*": []}, ""),
        ({"!": [1, 2]}, ""),
        ({"-": [1, 2, 3]}, ""),
        ({"missing_some": [1]}, ""),
        ({"reduce": [[1], {"var": ""}, 0, 1]}, ""),
        ({"if": [{"var": ["a", 1, 2]}]}, "/if/0"),
    ],
)
def test_bad_arity(rule: object, path: str) -> None:
    error = error_of(rule)
    assert (error.code, error.path) == ("bad_arity", path)


@pytest.mark.parametrize(
    "rule",
    [{"if": []}, {"and": []}, {"or": []}, {"var": []}, {"merge": []}, {"missing": []}, {"cat": []},
     {"+": []}, {"min": []}, {"<": [1, 2, 3]}, {"substr": ["abc", 1]}, {"-": 3}, {"if": [1, 2, 3, 4, 5]}],
)
def test_arities_json_logic_accepts_compile(rule: object) -> None:
    assert isinstance(compile_rule(rule), CompiledRule)


@pytest.mark.parametrize(
    ("rule", "path"),
    [({"var": True}, "/var"), ({"var": [["a"]]}, "/var/0"), ({"var": [{"a": 1, "b": 2}, 0]}, "/var/0")],
)
def test_var_paths_must_be_strings_numbers_or_null(rule: object, path: str) -> None:
    error = error_of(rule)
    assert (error.code, error.path) == ("bad_argument", path)


def test_too_deep_is_an_error_not_a_crash() -> None:
    rule: object = True
    for _ in range(MAX_DEPTH + 5):
        rule = {"!!": [rule]}
    assert error_of(rule).code == "bad_argument"


@pytest.mark.parametrize(
    ("rule", "path"),
    [
        ({"in": ["a", ("a",)]}, "/in/1"),
        ({"+": [1, math.nan]}, "/+/1"),
        ({"==": [math.inf, 1]}, "/==/0"),
        ({1: "a", "b": 2}, ""),
        ({1: "a"}, ""),
        ({"cat": [{"a": {1, 2}, "b": 1}]}, "/cat/0/a"),
        ([object()], "/0"),
    ],
)
def test_not_json(rule: object, path: str) -> None:
    error = error_of(rule)
    assert (error.code, error.path) == ("not_json", path)


def test_multi_key_and_empty_objects_are_literals_like_json_logic_js() -> None:
    assert compile_rule({"a": 1, "var": "x"}).evaluate({"x": 9}) == {"a": 1, "var": "x"}
    assert compile_rule({}).evaluate() == {}
    assert compile_rule([{"a": {"nope": 1}, "b": 2}]).evaluate() == [{"a": {"nope": 1}, "b": 2}]


def test_rule_error_shape() -> None:
    error = error_of({"if": [{"nope": 1}]}, path="/rules/0")
    assert error.to_dict() == {
        "code": "unknown_operator", "message": 'unknown operator "nope"', "path": "/rules/0/if/0"}
    assert isinstance(error, Exception)
    assert "unknown_operator" in str(error) and "/rules/0/if/0" in str(error)
    again = pickle.loads(pickle.dumps(error))
    assert again.to_dict() == error.to_dict()


def test_custom_operator() -> None:
    calls = []

    def icontains(haystack: object, needle: object) -> bool:
        calls.append((haystack, needle))
        return isinstance(haystack, str) and isinstance(needle, str) and needle.lower() in haystack.lower()

    rule = compile_rule({"and": [{"icontains": [{"var": "text"}, "REFUND"]}, True]}, ops={"icontains": icontains})
    assert rule.evaluate({"text": "I want a Refund"}) is True
    assert rule.evaluate({"text": "hello"}) is False
    assert calls == [("I want a Refund", "REFUND"), ("hello", "REFUND")]
    # Constant arguments are not folded away: a custom operator may not be pure.
    constant = compile_rule({"icontains": ["Refund", "refund"]}, ops={"icontains": icontains})
    constant.evaluate()
    constant.evaluate()
    assert len(calls) == 4
    assert evaluate({"twice": {"var": "n"}}, {"n": 4}, ops={"twice": lambda n: n * 2}) == 8


def test_custom_operator_needs_registering_and_cannot_shadow() -> None:
    assert error_of({"icontains": ["a", "b"]}).code == "unknown_operator"
    with pytest.raises(ValueError):
        compile_rule({"in": ["a", "b"]}, ops={"in": lambda a, b: True})
    with pytest.raises(TypeError):
        compile_rule(True, ops={"x": "not callable"})  # type: ignore[dict-item]


def test_evaluate_caches_and_still_validates() -> None:
    assert evaluate({"var": "a"}, {"a": 1}) == 1
    assert evaluate({"var": "a"}, {"a": 2}) == 2
    with pytest.raises(RuleError):
        evaluate({"nope": 1})
    # {1: ...} must not be taken for the cached {"1": ...}.
    assert evaluate({"1": "a", "b": 2}) == {"1": "a", "b": 2}
    with pytest.raises(RuleError) as caught:
        evaluate({1: "a", "b": 2})
    assert caught.value.code == "not_json"


def test_compiled_rule_is_isolated_from_the_callers_json() -> None:
    rule = {"if": [{"var": "x"}, {"a": [1], "b": 2}, "no"]}
    compiled = compile_rule(rule)
    rule["if"][1]["a"].append(99)
    result = compiled.evaluate({"x": True})
    assert result == {"a": [1], "b": 2}
    result["a"].append(5)
    assert compiled.evaluate({"x": True}) == {"a": [1], "b": 2}
    assert compiled.rule == {"if": [{"var": "x"}, {"a": [1], "b": 2}, "no"]}


def test_a_rule_too_deep_for_pythons_parser_runs_on_the_closure_back_end() -> None:
    from engine.rules.nodes import parse
    from engine.rules.source import rule_function

    rule: object = {"var": "x"}
    for _ in range(MAX_DEPTH - 1):
        rule = {"if": [rule, {"var": "y"}, 1]}
    assert rule_function(parse(rule), {}) is None
    # With a falsy y the levels alternate between 1 and y: the 99th gives 1.
    assert compile_rule(rule).evaluate({"x": 0, "y": 0}) == 1
    assert compile_rule(rule).evaluate({"x": 0, "y": 7}) == 7


def test_deep_data_does_not_escape_as_an_exception() -> None:
    data: list = []
    for _ in range(100_000):
        data = [data]
    assert compile_rule({"cat": [{"var": ""}]}).evaluate(data) is None


# --- fuzz -----------------------------------------------------------------

OPERATOR_NAMES = sorted(BUILTIN_OPERATORS | set(DEFAULT_OPS)) + ["", "nope", "a.b", "VAR", "/", "~"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=6),
    st.sampled_from(["", "0", "a", "a.b", "1", "x.0", "length", "current", "accumulator", "-0", " 1e3 ",
                     "2026-11-23T10:00Z", "(a+)+", "^a.*$", "[a-z]{2,3}", "\\bA\\s", "UTC"]),
)
junk = st.sampled_from([math.nan, math.inf, ("t",), {1, 2}, b"bytes", object()])


def _operations(children: st.SearchStrategy) -> st.SearchStrategy:
    args = st.one_of(st.lists(children, max_size=4), children)
    return st.one_of(
        st.builds(lambda op, a: {op: a}, st.sampled_from(OPERATOR_NAMES), args),
        st.lists(children, max_size=3),
        st.dictionaries(st.sampled_from(["a", "b", "var", "if"]), children, max_size=3),
    )


rules = st.recursive(st.one_of(scalars, junk) | st.builds(lambda k: {"var": k}, scalars), _operations, max_leaves=25)
json_data = st.recursive(
    scalars | st.floats(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["a", "b", "x", "0", "length"]), children, max_size=4),
    max_leaves=15,
)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(rule=rules, data=json_data)
def test_fuzz_compile_then_evaluate_never_raises_anything_else(rule: object, data: object) -> None:
    try:
        compiled = compile_rule(rule)
    except RuleError as error:
        assert error.code in {"unknown_operator", "bad_arity", "bad_argument", "not_json"}
        assert error.path == "" or error.path.startswith("/")
        return
    assert isinstance(compiled, CompiledRule)
    first = compiled.evaluate(data)
    # Deterministic: the same rule on the same data gives the same result,
    # and explain agrees with evaluate (neither ever raises).
    assert repr(compiled.evaluate(data)) == repr(first)
    assert repr(compiled.explain(data).result) == repr(first)
