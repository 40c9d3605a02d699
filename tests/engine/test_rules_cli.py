"""`switchboard rules check|eval`, called through the main command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main

ROUTING = Path(__file__).resolve().parents[1] / "fixtures" / "rules" / "routing_set.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exited:
        main(["rules", *argv])
    return int(exited.value.code or 0), capsys.readouterr().out


def write(tmp_path: Path, name: str, value: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(value) if not isinstance(value, str) else value)
    return str(path)


def test_check_ok(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "check", str(ROUTING)) == (0, "ok\n")
    assert run(capsys, "check", write(tmp_path, "r.json", {"contains": [{"var": "text"}, "hi"]})) == (0, "ok\n")


@pytest.mark.parametrize(
    ("content", "errors"),
    [
        ({"and": [True, {"nope": 1}]},
         [{"code": "unknown_operator", "message": 'unknown operator "nope"', "path": "/and/1"}]),
        ({"mode": "first_match",
          "rules": [{"id": "a", "when": {"==": [1]}, "then": 1}, {"id": "a", "when": True, "then": 2}]},
         [{"code": "bad_arity", "message": '"==" takes 2 arguments, got 1', "path": "/rules/0/when"},
          {"code": "bad_rule_set", "message": "duplicate rule id 'a'", "path": "/rules/1/id"}]),
    ],
)
def test_check_prints_typed_errors(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, content: object, errors: list) -> None:
    code, out = run(capsys, "check", write(tmp_path, "bad.json", content))
    assert code == 1 and json.loads(out) == errors


def test_check_unreadable_or_not_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out = run(capsys, "check", write(tmp_path, "bad.json", "{oops"))
    assert code == 1 and json.loads(out)[0]["code"] == "not_json"
    code, out = run(capsys, "check", str(tmp_path / "absent.json"))
    assert code == 1 and json.loads(out)[0]["code"] == "not_json"


def test_eval_prints_the_result_and_optionally_the_trace(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rule = write(tmp_path, "rule.json", {"if": [{"word": [{"var": "text"}, "refund"]}, "billing", "general"]})
    data = write(tmp_path, "data.json", {"text": "Refund please"})
    assert run(capsys, "eval", rule, data) == (0, '"billing"\n')
    code, out = run(capsys, "eval", rule, data, "--trace")
    report = json.loads(out)
    assert code == 0 and report["result"] == "billing"
    assert report["trace"][0] == {"path": "/if/0", "op": "word", "value": True, "args": ["Refund please", "refund"]}


def test_eval_a_rule_set_and_non_finite_numbers(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = write(tmp_path, "m.json", {"text": "my lawyer", "tags": []})
    assert run(capsys, "eval", str(ROUTING), data) == (0, '"legal"\n')
    code, out = run(capsys, "eval", str(ROUTING), data, "--trace")
    assert json.loads(out)["matched"] == ["legal_threat"]
    assert run(capsys, "eval", write(tmp_path, "inf.json", {"/": [1, 0]}), data) == (0, "null\n")
