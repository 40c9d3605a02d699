"""The default custom operators: the cases shared with the designer, and compile-time checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.rules import DEFAULT_OPS, Operator, RuleError, compile_rule
from engine.rules.library.regex import MAX_SUBJECT, compile_pattern
from engine.rules.nodes import BUILTIN_OPERATORS

CASES_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "jsonlogic" / "custom_ops.json"
# Pinned here and in designer/src/rules/customOps.test.ts.
EXPECTED_CASES = 107


def _cases() -> list[pytest.ParameterSet]:
    entries = [entry for entry in json.loads(CASES_FILE.read_text(encoding="utf-8")) if isinstance(entry, list)]
    return [pytest.param(*entry[:3], len(entry) > 3, id=f"case-{index}") for index, entry in enumerate(entries)]


CASES = _cases()


def test_every_shared_case_was_loaded() -> None:
    assert len(CASES) == EXPECTED_CASES


@pytest.mark.parametrize(("rule", "data", "expected", "fails"), CASES)
def test_shared_case(rule: object, data: object, expected: object, fails: bool) -> None:
    compiled = compile_rule(rule)
    result = compiled.evaluate(data)
    assert result == expected and type(result) is type(expected), f"{json.dumps(rule)} gave {result!r}"
    explanation = compiled.explain(data)
    assert explanation.result == result
    assert (explanation.error is not None) == fails, explanation.error


def test_default_ops_do_not_collide_with_json_logic_js() -> None:
    assert not set(DEFAULT_OPS) & BUILTIN_OPERATORS


@pytest.mark.parametrize(
    ("rule", "path"),
    [
        ({"regex": [{"var": "text"}, {"var": "pattern"}]}, "/regex/1"),
        ({"regex": [{"var": "text"}, 5]}, "/regex/1"),
        ({"and": [{"regex": ["x", "(a+)+$"]}]}, "/and/0/regex/1"),
        ({"regex": ["x", "(a|aa)*b"]}, "/regex/1"),
        ({"regex": ["x", "(?:\\d+\\s?)+x"]}, "/regex/1"),
        ({"regex": ["x", ".*a.*b"]}, "/regex/1"),
        ({"regex": ["x", "a{0,400}a{0,400}"]}, "/regex/1"),
        ({"regex": ["x", "\\d+\\d{0,15}x"]}, "/regex/1"),
        ({"regex": ["x", "(?<=a)b"]}, "/regex/1"),
        ({"regex": ["x", "(?P<n>a)"]}, "/regex/1"),
        ({"regex": ["x", "(a)\\1"]}, "/regex/1"),
        ({"regex": ["x", "a{,3}"]}, "/regex/1"),
        ({"regex": ["x", "a**"]}, "/regex/1"),
        ({"regex": ["x", "[a"]}, "/regex/1"),
        ({"regex": ["x", "[]"]}, "/regex/1"),
        ({"regex": ["x", "\\p{L}"]}, "/regex/1"),
        ({"regex": ["x", "(?i)a"]}, "/regex/1"),
        ({"regex": ["x", "a)"]}, "/regex/1"),
        ({"regex": ["x", "^*"]}, "/regex/1"),
        ({"regex": ["x", "x" * 1001]}, "/regex/1"),
    ],
)
def test_regex_patterns_are_checked_when_compiling(rule: object, path: str) -> None:
    with pytest.raises(RuleError) as caught:
        compile_rule(rule)
    assert (caught.value.code, caught.value.path) == ("bad_argument", path)


@pytest.mark.parametrize(
    ("rule", "code"),
    [({"contains": ["a"]}, "bad_arity"), ({"lower": ["a", "b"]}, "bad_arity"),
     ({"in_business_hours": [1, 2, 3]}, "bad_arity")],
)
def test_custom_operator_arity(rule: object, code: str) -> None:
    with pytest.raises(RuleError) as caught:
        compile_rule(rule)
    assert caught.value.code == code


def test_regex_subject_is_capped_and_a_long_subject_cannot_hang() -> None:
    assert compile_rule({"regex": [{"var": "t"}, "b$"]}).evaluate({"t": "a" * MAX_SUBJECT + "b"}) is False
    assert compile_rule({"regex": [{"var": "t"}, "a$"]}).evaluate({"t": "a" * MAX_SUBJECT + "b"}) is True
    # The allowed worst case: one unbounded quantifier over the whole cap (pytest-timeout guards it).
    assert compile_rule({"regex": [{"var": "t"}, "a.*b"]}).evaluate({"t": "a" * 50_000}) is False
    assert compile_rule({"regex": [{"var": "t"}, "(ab|cd)?x\\d{1,3}y"]}).evaluate({"t": "1" * 50_000}) is False


def test_translation_keeps_js_semantics() -> None:
    assert compile_pattern("a$").search("a\n") is None
    assert compile_pattern(".").search("\u2028") is None
    assert compile_pattern("\\s").search("\ufeff")
    assert compile_pattern("[\\s]").search("\u3000")


def test_time_operators_never_read_the_clock() -> None:
    rule = compile_rule({"hours_since": [{"var": "then"}, {"var": "now"}]})
    assert rule.evaluate({"then": "2026-01-01T00:00:00Z"}) is None


def test_callers_may_replace_a_default_and_add_their_own() -> None:
    ops = {"contains": lambda a, b: "replaced", "shout": Operator(lambda text: f"{text}!", 1, 1)}
    assert compile_rule({"contains": ["a", "b"]}, ops=ops).evaluate() == "replaced"
    assert compile_rule({"shout": "hi"}, ops=ops).evaluate() == "hi!"
    with pytest.raises(RuleError):
        compile_rule({"shout": ["a", "b"]}, ops=ops)


def test_custom_operators_that_raise_give_null_and_an_error_entry() -> None:
    def explode(value: object) -> object:
        raise ZeroDivisionError("odd data")

    rule = compile_rule({"if": [{"boom": {"var": "x"}}, "yes", "no"]}, ops={"boom": explode})
    assert rule.evaluate({"x": 1}) is None
    explanation = rule.explain({"x": 1})
    assert explanation.result is None
    assert explanation.error == {"path": "/if/0", "op": "boom", "args": [1], "error": "ZeroDivisionError: odd data"}
