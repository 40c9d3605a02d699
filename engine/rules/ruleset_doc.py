"""Validation of rule set documents (see ruleset.py for their meaning).

Every problem is collected, not just the first, so an editor can mark them
all at once; each is a RuleError with the JSON Pointer of its place.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .custom import Operator
from .errors import BAD_RULE_SET, RuleError, pointer
from .nodes import Node, copy_json, json_value, parse

__all__ = ["MODES", "RuleSpec", "parse_rule_set"]

MODES = ("first_match", "all_match", "scoring")
_DOC_KEYS = frozenset({"mode", "rules", "default", "buckets", "id", "name", "description"})
_RULE_KEYS = frozenset({"id", "when", "then", "weight", "name", "description"})


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One validated rule of a set."""

    id: str
    when: object
    node: Node
    then: object = None
    weight: int | float = 1


def _is_number(value: object) -> bool:
    return type(value) in (int, float) and math.isfinite(value)  # type: ignore[arg-type]


class _Checker:
    def __init__(self, custom: Mapping[str, Operator], base: str) -> None:
        self.arity = {name: (op.min_args, op.max_args) for name, op in custom.items()}
        self.base = base
        self.errors: list[RuleError] = []

    def fail(self, path: str, message: str) -> None:
        self.errors.append(RuleError(BAD_RULE_SET, message, path))

    def value(self, value: object, path: str) -> object:
        try:
            return json_value(value, path)
        except RuleError as error:
            self.errors.append(error)
            return None

    def keys(self, doc: dict, allowed: frozenset[str], path: str) -> None:
        for key in doc:
            if key not in allowed:
                self.fail(pointer(path, key), f"unknown key {key!r}; expected one of {', '.join(sorted(allowed))}")

    def rule(self, raw: object, path: str, mode: str, seen: set[str]) -> RuleSpec | None:
        if not isinstance(raw, dict):
            self.fail(path, "a rule is an object with id, when and then")
            return None
        self.keys(raw, _RULE_KEYS, path)
        rule_id = raw.get("id")
        if type(rule_id) is not str or not rule_id:
            self.fail(pointer(path, "id"), "a rule needs a non-empty string id")
        elif rule_id in seen:
            self.fail(pointer(path, "id"), f"duplicate rule id {rule_id!r}")
        else:
            seen.add(rule_id)
        if "when" not in raw:
            self.fail(path, "a rule needs a 'when' condition")
        if "then" not in raw and mode != "scoring":
            self.fail(path, f"a {mode} rule needs a 'then' value")
        weight = raw.get("weight", 1)
        if not _is_number(weight):
            self.fail(pointer(path, "weight"), "weight must be a finite number")
        then = self.value(raw.get("then"), pointer(path, "then"))
        try:
            node = parse(raw.get("when"), path=pointer(path, "when"), custom=self.arity)
        except RuleError as error:
            self.errors.append(error)
            return None
        return RuleSpec(str(rule_id), copy_json(raw.get("when")), node, then, weight if _is_number(weight) else 1)

    def buckets(self, raw: object, path: str) -> list[dict]:
        if not isinstance(raw, list):
            self.fail(path, "buckets must be a list of {min, then}")
            return []
        clean = []
        for index, bucket in enumerate(raw):
            where = pointer(path, index)
            if not isinstance(bucket, dict) or set(bucket) != {"min", "then"} or not _is_number(bucket["min"]):
                self.fail(where, "a bucket is {\"min\": number, \"then\": value}")
                continue
            clean.append({"min": bucket["min"], "then": self.value(bucket["then"], pointer(where, "then"))})
        return clean


def parse_rule_set(doc: object, custom: Mapping[str, Operator], *, path: str = "") -> tuple[dict, list[RuleSpec]]:
    """Validate a rule set document; returns a clean copy and its rules.

    Raises the first RuleError found; its `.errors` lists every one.
    """
    checker = _Checker(custom, path)
    if not isinstance(doc, dict):
        checker.fail(path, "a rule set is an object with mode and rules")
        _raise(checker.errors)
    checker.keys(doc, _DOC_KEYS, path)
    mode = doc.get("mode")
    if mode not in MODES:
        checker.fail(pointer(path, "mode"), f"mode must be one of {', '.join(MODES)}")
    rules = doc.get("rules")
    specs: list[RuleSpec] = []
    if not isinstance(rules, list):
        checker.fail(pointer(path, "rules"), "rules must be a list")
        rules = []
    seen: set[str] = set()
    for index, raw in enumerate(rules):
        spec = checker.rule(raw, pointer(pointer(path, "rules"), index), str(mode), seen)
        if spec is not None:
            specs.append(spec)
    clean: dict = {"mode": mode, "default": checker.value(doc.get("default"), pointer(path, "default"))}
    if "buckets" in doc:
        if mode != "scoring":
            checker.fail(pointer(path, "buckets"), "buckets only apply in scoring mode")
        clean["buckets"] = checker.buckets(doc["buckets"], pointer(path, "buckets"))
    if checker.errors:
        _raise(checker.errors)
    clean["rules"] = [{"id": s.id, "when": s.when, "then": s.then, "weight": s.weight} for s in specs]
    return clean, specs


def _raise(errors: list[RuleError]) -> None:
    first = errors[0]
    first.errors = list(errors)  # type: ignore[attr-defined]
    raise first
