"""Differential test: engine.rules against json-logic-js 2.0.5 itself, under node.

Hypothesis builds batches of random rules and data; each batch goes to one
node process (tests/js/evaluate.js, kept for the module) in one line, and
every case must give the same result in both, through every back end of
ours: the generated source, the closures, and the tracing `explain`.

The documented differences (engine/rules/DIFFERENCES.md) are excluded
explicitly: rules ours rejects at compile time, `undefined` read as null,
and the json-logic-js exceptions listed in JS_THROWS, where ours returns a
value. The generators steer clear of the rest (empty and/or, prototype
member names, objects as `missing` keys).
"""

from __future__ import annotations

import copy
import json
import math
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from engine.rules import RuleError, compile_rule
from engine.rules.closures import ClosureGenerator

HARNESS = Path(__file__).resolve().parents[1] / "js"
BATCHES, BATCH_SIZE = 12, 50
# json-logic-js exceptions where ours returns null or false (DIFFERENCES.md, "Run time").
JS_THROWS = ("Cannot read properties of null", "Cannot read properties of undefined", "is not a function")


def missing_harness() -> str | None:
    """What keeps json-logic-js from running here (node, the package, its pinned version) and the cure, or None."""
    if shutil.which("node") is None:
        return "node is not on PATH: install Node 20 and npm (the README's prerequisites)"
    pinned = json.loads((HARNESS / "package.json").read_text())["dependencies"]["json-logic-js"]
    installed = HARNESS / "node_modules" / "json-logic-js" / "package.json"
    version = json.loads(installed.read_text()).get("version") if installed.is_file() else None
    if version != pinned:
        found = f"json-logic-js {version} is" if version else "json-logic-js is not"
        return (f"{found} installed in {HARNESS / 'node_modules'}, the tests pin {pinned}: `make test` and "
                "`make test-fast` install it, or by hand `cd tests/js && npm ci`")
    return None


@pytest.fixture(scope="module")
def json_logic_js() -> Iterator[subprocess.Popen]:
    # Fail, never skip: a differential suite that skips when its peer is missing passes having compared nothing.
    missing = missing_harness()
    if missing:
        pytest.fail(f"{missing}. To leave these tests out on purpose: "
                    "`pytest --ignore tests/engine/test_rules_differential.py`", pytrace=False)
    process = subprocess.Popen(["node", str(HARNESS / "evaluate.js")], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, encoding="utf-8")
    yield process
    process.stdin.close()  # type: ignore[union-attr]
    process.wait(timeout=10)


def run_js(process: subprocess.Popen, cases: list[tuple[object, object]]) -> list[object]:
    """Evaluate a whole batch in the running node process."""
    process.stdin.write(json.dumps(cases) + "\n")  # type: ignore[union-attr]
    process.stdin.flush()  # type: ignore[union-attr]
    return json.loads(process.stdout.readline())  # type: ignore[union-attr]


def same_as_js(ours: object, theirs: object) -> bool:
    """Whether our value is json-logic-js's (as encoded by evaluate.js)."""
    if isinstance(theirs, dict) and "$" in theirs:
        tag = theirs["$"]
        if tag == "undefined":
            return ours is None  # documented: undefined is null
        if tag == "NaN":
            return isinstance(ours, float) and math.isnan(ours)
        if tag in ("Infinity", "-Infinity"):
            return isinstance(ours, float) and ours == float(tag)
        if tag == "-0":
            return isinstance(ours, float) and ours == 0 and math.copysign(1, ours) < 0
        return False
    if isinstance(theirs, dict) and "$object" in theirs:
        fields = theirs["$object"]
        return (isinstance(ours, dict) and ours.keys() == fields.keys()
                and all(same_as_js(ours[k], fields[k]) for k in ours))
    if isinstance(theirs, bool) or isinstance(ours, bool):
        return type(ours) is type(theirs) and ours == theirs
    if isinstance(theirs, (int, float)):
        if not isinstance(ours, (int, float)) or ours != theirs:
            return False
        return ours != 0 or math.copysign(1, ours) > 0  # JS wrote +0 as 0
    if isinstance(theirs, list):
        return isinstance(ours, list) and len(ours) == len(theirs) and all(map(same_as_js, ours, theirs))
    return type(ours) is type(theirs) and ours == theirs


# --- strategies -------------------------------------------------------------

KEYS = ["a", "b", "x", "0", "1", "n", "current", "accumulator"]
PATHS = ["a", "b", "x", "a.b", "a.0", "x.length", "b.a.x", "0", "1", "n", "current", "accumulator", "", "nope"]
texts = st.sampled_from(["", "a", "b", "ab", "A", "1", "0", " 1 ", "1e3", "0x1A", "-0", "Infinity", "12abc",
                         "a,b", "é", "\U0001f600", "null", "true", "[object Object]", ".5", "1.50"])
numbers = st.one_of(st.integers(-20, 20), st.integers(-(10**6), 10**6),
                    st.sampled_from([0.5, -0.5, 1.5, 2.25, -0.0, 1e21, 1e-7, 0.1, 123.456, 2**53 + 2]))
scalars = st.one_of(st.none(), st.booleans(), numbers, texts)
data = st.recursive(scalars,
                    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.sampled_from(KEYS), kids, max_size=4),
                    max_leaves=12)

ARITIES = {
    **dict.fromkeys(["==", "===", "!=", "!==", ">", ">=", "%", "/", "in"], (2, 2)),
    **dict.fromkeys(["<", "<="], (2, 3)),
    **dict.fromkeys(["!", "!!", "log"], (1, 1)),
    "-": (1, 2), "*": (1, 3), "+": (0, 3), "min": (0, 3), "max": (0, 3), "cat": (0, 3), "merge": (0, 3),
    "substr": (2, 3), "if": (0, 5), "?:": (3, 3), "and": (1, 3), "or": (1, 3),
}


def _operations(kids: st.SearchStrategy) -> st.SearchStrategy:
    def plain(op: str) -> st.SearchStrategy:
        low, high = ARITIES[op]
        args = st.lists(kids, min_size=low, max_size=high)
        if low == 1 == high:
            args = args | kids.filter(lambda value: not isinstance(value, list))
        return st.builds(lambda a, op=op: {op: a}, args)

    def scoped(op: str) -> st.SearchStrategy:
        if op == "reduce":
            return st.builds(lambda xs, f, init: {op: [xs, f, init]}, kids, kids, kids)
        return st.builds(lambda xs, f, op=op: {op: [xs, f]}, kids, kids)

    var = st.builds(lambda path, default: {"var": [path, default]}, st.sampled_from(PATHS), kids)
    missing = st.builds(lambda keys: {"missing": keys}, st.lists(st.sampled_from(PATHS), max_size=3))
    missing_some = st.builds(lambda need, keys: {"missing_some": [need, keys]},
                             st.integers(0, 3), st.lists(st.sampled_from(PATHS), max_size=3))
    return st.one_of(*(plain(op) for op in ARITIES),
                     *(scoped(op) for op in ["map", "filter", "all", "none", "some", "reduce"]),
                     var, missing, missing_some, st.lists(kids, max_size=3))


leaves = st.one_of(scalars, st.builds(lambda path: {"var": path}, st.sampled_from(PATHS) | st.integers(0, 2)))
rules = st.recursive(leaves, _operations, max_leaves=10)
batches = st.lists(st.tuples(rules, data), min_size=BATCH_SIZE, max_size=BATCH_SIZE)

COUNTS = {"compared": 0, "rejected": 0, "js_threw": 0}


# No shrinking: a batch of 50 shrinks for minutes, and the message names the case.
@settings(max_examples=BATCHES, deadline=None, derandomize=True, database=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(batch=batches)
def test_agrees_with_json_logic_js(json_logic_js: subprocess.Popen, batch: list) -> None:
    results = run_js(json_logic_js, batch)
    failures = []
    for (rule, value), theirs in zip(batch, results, strict=True):
        try:
            compiled = compile_rule(rule)
        except RuleError:
            COUNTS["rejected"] += 1  # documented: validated at compile time
            continue
        ours = compiled.evaluate(copy.deepcopy(value))
        closures = ClosureGenerator(compiled.custom).gen(compiled.node).fn(copy.deepcopy(value))
        explained = compiled.explain(copy.deepcopy(value)).result
        case = f"{json.dumps(rule)} on {json.dumps(value)}"
        for backend, result in (("closures", closures), ("explain", explained)):
            if repr(result) != repr(ours):
                failures.append(f"{backend} gave {result!r}, source {ours!r}: {case}")
        if isinstance(theirs, dict) and "$error" in theirs:
            if not any(known in theirs["$error"] for known in JS_THROWS):
                failures.append(f"json-logic-js threw {theirs['$error']!r}: {case}")
            COUNTS["js_threw"] += 1
            continue
        COUNTS["compared"] += 1
        if not same_as_js(ours, theirs):
            failures.append(f"ours {ours!r}, json-logic-js {theirs!r}: {case}")
    assert not failures, "\n".join(failures[:10])


@pytest.mark.usefixtures("json_logic_js")  # without it, fails for the reason the property test did
def test_the_corpus_was_large_enough() -> None:
    # Runs after the property test (pytest keeps file order).
    assert COUNTS["compared"] >= 500, COUNTS
    assert COUNTS["rejected"] + COUNTS["js_threw"] < COUNTS["compared"] / 5, COUNTS


@pytest.mark.parametrize(("rule", "data"), [({"and": []}, None), ({"or": []}, None)])
def test_known_difference_undefined_is_null(json_logic_js: subprocess.Popen, rule: object, data: object) -> None:
    assert run_js(json_logic_js, [(rule, data)]) == [{"$": "undefined"}]
    assert compile_rule(rule).evaluate(data) is None
