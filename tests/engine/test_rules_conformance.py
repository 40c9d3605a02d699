"""Every case of the official JsonLogic suite, plus our own JS-verified cases.

`tests.json` is the json-logic project's suite; `extra.json` holds cases for
the JavaScript coercions the suite does not reach, with expected values
produced by json-logic-js 2.0.5 itself (see tests/fixtures/jsonlogic/SOURCE.md).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from engine.rules import compile_rule, evaluate
from engine.rules.closures import ClosureGenerator

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "jsonlogic"
# Pinned so that a truncated or mis-parsed file fails loudly instead of
# quietly running fewer cases.
EXPECTED_COUNTS = {"tests.json": 277, "extra.json": 111}


def _slug(comment: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", comment.lower()).strip("-")[:40] or "section"


def load_cases(name: str) -> list[pytest.ParameterSet]:
    """One pytest param per case, named after its section comment and index."""
    entries = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    section, index, params = "start", 0, []
    for entry in entries:
        if isinstance(entry, str):
            section, index = _slug(entry), 0
            continue
        rule, data, expected = entry
        params.append(pytest.param(rule, data, expected, id=f"{Path(name).stem}-{section}-{index}"))
        index += 1
    return params


def same(expected: object, actual: object) -> bool:
    """JSON equality that keeps true apart from 1 (Python's == does not)."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return expected == actual
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(map(same, expected, actual))
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(same(expected[k], actual[k]) for k in expected)
    return type(expected) is type(actual) and expected == actual


OFFICIAL = load_cases("tests.json")
EXTRA = load_cases("extra.json")


@pytest.mark.parametrize(("name", "cases"), [("tests.json", OFFICIAL), ("extra.json", EXTRA)])
def test_every_case_was_loaded(name: str, cases: list) -> None:
    assert len(cases) == EXPECTED_COUNTS[name]
    assert len({case.id for case in cases}) == len(cases), "case ids must be unique"


@pytest.mark.parametrize(("rule", "data", "expected"), OFFICIAL + EXTRA)
def test_case(rule: object, data: object, expected: object) -> None:
    compiled = compile_rule(rule)
    first = compiled.evaluate(copy.deepcopy(data))
    assert same(expected, first), f"{json.dumps(rule)} on {json.dumps(data)} gave {first!r}"
    # A caller changing a result must not change the compiled rule's constants.
    if isinstance(first, (list, dict)):
        first.clear()
    assert same(expected, compiled.evaluate(copy.deepcopy(data)))
    assert same(expected, evaluate(rule, data))
    # The closure back end (the fallback) and the traced one agree too.
    assert same(expected, ClosureGenerator(compiled.custom).gen(compiled.node).fn(copy.deepcopy(data)))
    assert same(expected, compiled.explain(copy.deepcopy(data)).result)


def test_same_keeps_booleans_apart() -> None:
    assert not same(True, 1)
    assert not same([0], [False])
    assert same({"a": [1, 2.0]}, {"a": [1.0, 2]})
