"""`switchboard rules check|eval`: validate and try out JsonLogic rules and rule sets.

A file holding an object with "mode" and "rules" is read as a rule set,
anything else as a single rule. Errors are printed as a JSON list of
`{"code", "message", "path"}`, the shape the API and the designer use.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from engine.rules import NOT_JSON, RuleError, compile_rule, compile_rule_set


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register `rules check` and `rules eval` under the `switchboard` command."""
    rules = sub.add_parser("rules", help="check or evaluate a JsonLogic rule or rule set")
    actions = rules.add_subparsers(dest="rules_command", required=True)
    check = actions.add_parser("check", help="validate FILE.json; exit 1 printing the errors as JSON")
    check.add_argument("file", type=Path)
    run = actions.add_parser("eval", help="evaluate RULE.json on DATA.json and print the JSON result")
    run.add_argument("rule", type=Path)
    run.add_argument("data", type=Path)
    run.add_argument("--trace", action="store_true", help="print {result, trace}: what each operation saw")


def _jsonable(value: object) -> object:
    # JSON has no NaN or Infinity: print null, as JSON.stringify would.
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    return value


def _print(value: object) -> None:
    print(json.dumps(_jsonable(value), ensure_ascii=False, default=str))


def _load(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RuleError(NOT_JSON, f"cannot read {path}: {error.strerror}", "") from None
    except (ValueError, RecursionError) as error:
        raise RuleError(NOT_JSON, f"{path} is not JSON: {error}", "") from None


def _compile(doc: object):  # type: ignore[no-untyped-def]
    if isinstance(doc, dict) and "mode" in doc and "rules" in doc:
        return compile_rule_set(doc)
    return compile_rule(doc)


def run(args: argparse.Namespace) -> int:
    """Carry out a parsed `rules` command; returns the exit code."""
    try:
        compiled = _compile(_load(args.file if args.rules_command == "check" else args.rule))
        if args.rules_command == "check":
            print("ok")
            return 0
        data = _load(args.data)
    except RuleError as error:
        _print([e.to_dict() for e in error.errors])
        return 1
    _print(compiled.explain(data).to_dict() if args.trace else compiled.evaluate(data))
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m cli.rules ...`, for scripts that skip the main command."""
    parser = argparse.ArgumentParser(prog="switchboard")
    add_parser(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
