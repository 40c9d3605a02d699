"""Checking and compiling each stage's content of a flow document.

Every checker returns the compiled parts and every error found, each error
with its JSON Pointer into the document, so one save reports all problems.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine.flows.document import FlowDocument, FlowError
from engine.models import Priority
from engine.rules import RuleError, compile_rule, compile_rule_set

STRATEGIES = ("round_robin",)
Checked = tuple[dict[str, Any], list[FlowError]]


def _rule_errors(exc: RuleError) -> list[FlowError]:
    return [FlowError(e.code, e.message, e.path) for e in (getattr(exc, "errors", None) or [exc])]


def _rule_set(raw: Any, path: str, mode: str) -> tuple[Any, list[FlowError]]:
    """A compiled rule set of the given mode, or the errors that stop it."""
    if not isinstance(raw, dict) or raw.get("mode") != mode:
        return None, [FlowError("bad_argument", f"expected a rule set with \"mode\": \"{mode}\"", path)]
    try:
        return compile_rule_set(raw, path=path), []
    except RuleError as exc:
        return None, _rule_errors(exc)


def check_tag(content: dict[str, Any], base: str) -> Checked:
    """Keyword lists, plus an optional all-match rule set whose results are tag names."""
    parts: dict[str, Any] = {"keywords": {}, "tag_rules": None}
    errors: list[FlowError] = []
    keywords = content.get("keywords", {})
    if not isinstance(keywords, dict) or not all(
            isinstance(v, list) and all(isinstance(p, str) for p in v) for v in keywords.values()):
        errors.append(FlowError("bad_argument", "keywords maps a tag name to a list of phrases", f"{base}/keywords"))
    else:
        parts["keywords"] = keywords
    if "rules" in content:
        raw = content["rules"]
        parts["tag_rules"], found = _rule_set(raw, f"{base}/rules", "all_match")
        errors += found
        if not found:
            errors += [FlowError("bad_argument", "a tagging rule's result is a tag name",
                                 f"{base}/rules/rules/{i}/then")
                       for i, rule in enumerate(raw["rules"]) if not isinstance(rule.get("then"), str)]
    return parts, errors


def check_triage(content: dict[str, Any], base: str) -> Checked:
    """Two rules: does the mention need a response, and at what priority."""
    parts: dict[str, Any] = {}
    errors: list[FlowError] = []
    for key in ("needs_response", "priority"):
        path = f"{base}/{key}"
        if key not in content:
            errors.append(FlowError("missing_rule", f"triage needs a {key!r} rule", path))
            continue
        try:
            parts[key] = compile_rule(content[key], path=path)
        except RuleError as exc:
            errors += _rule_errors(exc)
    return parts, errors


def _route_target_errors(target: Any, path: str) -> list[FlowError]:
    if not isinstance(target, dict) or not isinstance(target.get("team_id"), str) or not target["team_id"]:
        return [FlowError("bad_argument", 'a route is {"team_id": "...", "priority"?: "..."}', path)]
    if "priority" in target and target["priority"] not in Priority.__members__:
        return [FlowError("bad_argument", f"priority must be one of {list(Priority.__members__)}",
                          f"{path}/priority")]
    return []


def check_assign(content: dict[str, Any], base: str) -> Checked:
    """Where cases go: a first-match routing rule set (or, in older flows, one fixed team_id)."""
    errors: list[FlowError] = []
    parts: dict[str, Any] = {"team_id": None, "routing": None}
    if "routing" in content:
        raw = content["routing"]
        parts["routing"], errors = _rule_set(raw, f"{base}/routing", "first_match")
        if not errors:
            errors += [e for i, rule in enumerate(raw["rules"])
                       for e in _route_target_errors(rule.get("then"), f"{base}/routing/rules/{i}/then")]
            errors += _route_target_errors(raw.get("default"), f"{base}/routing/default")
    elif isinstance(content.get("team_id"), str) and content["team_id"]:
        parts["team_id"] = content["team_id"]
    else:
        errors.append(FlowError("missing_rule", "assign needs a routing rule set (or a team_id)", f"{base}/routing"))
    strategy = content.get("strategy", "round_robin")
    if strategy not in STRATEGIES:
        errors.append(FlowError("bad_argument", f"strategy must be one of {list(STRATEGIES)}", f"{base}/strategy"))
    parts["strategy"] = strategy
    return parts, errors


def check_sla(content: dict[str, Any], base: str) -> Checked:
    """First-response targets in seconds, per priority."""
    targets = content.get("first_response_seconds", {})
    if not isinstance(targets, dict) or not all(
            k in Priority.__members__ and isinstance(v, int) and v > 0 for k, v in targets.items()):
        return {"first_response_seconds": {}}, [FlowError(
            "bad_argument", "first_response_seconds maps a priority to positive seconds",
            f"{base}/first_response_seconds")]
    return {"first_response_seconds": targets}, []


STAGE_CHECKS: dict[str, Callable[[dict[str, Any], str], Checked]] = {
    "tag": check_tag, "triage": check_triage, "assign": check_assign, "sla": check_sla}


def check_stages(doc: FlowDocument) -> Checked:
    """Check each stage's content; a missing or doubled stage is a graph error and is skipped here."""
    parts: dict[str, Any] = {}
    errors: list[FlowError] = []
    for stage, check in STAGE_CHECKS.items():
        found = [(i, n) for i, n in enumerate(doc.nodes) if n.type == stage]
        if len(found) == 1:
            index, node = found[0]
            stage_parts, stage_errors = check(node.content, f"/nodes/{index}/content")
            parts.update(stage_parts)
            errors.extend(stage_errors)
    return parts, errors
