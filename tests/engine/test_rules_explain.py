"""`explain`: the trace of what each operation saw and produced."""

from __future__ import annotations

import threading

from engine.rules import compile_rule
from engine.rules.trace import MAX_TRACE


def test_trace_names_each_operation_its_value_and_comparison_operands() -> None:
    rule = compile_rule({"and": [{">=": [{"var": "author.followers"}, 1000]},
                                 {"contains": [{"var": "text"}, "refund"]}]})
    explanation = rule.explain({"author": {"followers": 1500}, "text": "no"})
    assert explanation.result is False
    # The `var` operands of a comparison show in its args, not as entries of their own.
    assert explanation.trace == [
        {"path": "/and/0", "op": ">=", "value": True, "args": [1500, 1000]},
        {"path": "/and/1", "op": "contains", "value": False, "args": ["no", "refund"]},
        {"path": "", "op": "and", "value": False},
    ]
    assert explanation.matched() == ["/and/0"]
    assert explanation.to_dict() == {"result": False, "trace": explanation.trace}


def test_short_circuited_operations_leave_no_entry() -> None:
    explanation = compile_rule({"or": [{"==": [{"var": "a"}, 1]}, {"==": [{"var": "b"}, 2]}]}).explain({"a": 1})
    assert [entry["path"] for entry in explanation.trace] == ["/or/0", ""]


def test_a_var_tested_for_truthiness_has_its_own_entry() -> None:
    explanation = compile_rule({"and": [{"var": "vip"}, {"var": "angry"}]}).explain({"vip": True, "angry": 0})
    assert explanation.trace == [
        {"path": "/and/0", "op": "var", "value": True},
        {"path": "/and/1", "op": "var", "value": 0},
        {"path": "", "op": "and", "value": 0},
    ]


def test_explain_gives_the_same_result_as_evaluate() -> None:
    rule = compile_rule({"map": [{"var": "xs"}, {"*": [{"var": ""}, 2]}]})
    assert rule.explain({"xs": [1, 2]}).result == rule.evaluate({"xs": [1, 2]}) == [2, 4]


def test_the_trace_is_capped() -> None:
    rule = compile_rule({"map": [{"var": "xs"}, {"+": [{"var": ""}, 1]}]})
    explanation = rule.explain({"xs": list(range(5000))})
    assert explanation.result == list(range(1, 5001))
    assert len(explanation.trace) == MAX_TRACE and explanation.truncated
    assert explanation.to_dict()["truncated"] is True


def test_explain_is_safe_across_threads() -> None:
    rule = compile_rule({"==": [{"var": "n"}, 1]})
    results: list[list] = []

    def work(n: int) -> None:
        for _ in range(200):
            trace = rule.explain({"n": n}).trace
            results.append([(entry["args"][0], entry["value"]) for entry in trace])

    threads = [threading.Thread(target=work, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 400
    assert all(values in ([(1, True)], [(2, False)]) for values in results)


def test_deep_data_is_an_error_entry_not_an_exception() -> None:
    data: list = []
    for _ in range(100_000):
        data = [data]
    explanation = compile_rule({"cat": [{"var": ""}]}).explain(data)
    assert explanation.result is None and explanation.error is not None
