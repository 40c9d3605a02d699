"""Checking and compiling each stage's content of a flow document.

Every checker returns the compiled parts and every error found, each error
with its JSON Pointer into the document, so one save reports all problems.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from engine.calendars import BusinessCalendar
from engine.flows.data import APPROVAL_FIELDS, CASE_FACTS, RULE_FIELDS, Schema
from engine.flows.document import FlowDocument, FlowError
from engine.flows.fields import did_you_mean, unknown_fields
from engine.models import Priority
from engine.routing import STRATEGIES
from engine.rules import CompiledRule, RuleError, compile_rule, compile_rule_set
from engine.rules.library.regex import compile_pattern
from engine.slas import EscalationAction, EscalationLevel, SlaPolicy
from engine.tagging import KeywordMatcher

Checked = tuple[dict[str, Any], list[FlowError]]


def _rule_errors(exc: RuleError) -> list[FlowError]:
    return [FlowError(e.code, e.message, e.path) for e in (getattr(exc, "errors", None) or [exc])]


def _rule_set(raw: Any, path: str, mode: str, stage: str, schema: Schema) -> tuple[Any, list[FlowError]]:
    """A compiled rule set of the given mode, or the errors that stop it; fields its stage lacks are errors."""
    if not isinstance(raw, dict) or raw.get("mode") != mode:
        return None, [FlowError("bad_argument", f"expected a rule set with \"mode\": \"{mode}\"", path)]
    try:
        compiled = compile_rule_set(raw, path=path)
    except RuleError as exc:
        return None, _rule_errors(exc)
    return compiled, [e for spec in compiled.specs for e in unknown_fields(spec.node, schema, _readers(stage))]


def _rule(raw: Any, path: str, stage: str, schema: Schema) -> tuple[CompiledRule | None, list[FlowError]]:
    """A compiled rule, or the errors that stop it; fields its stage lacks are errors."""
    try:
        compiled = compile_rule(raw, path=path)
    except RuleError as exc:
        return None, _rule_errors(exc)
    return compiled, unknown_fields(compiled.node, schema, _readers(stage))


def _readers(stage: str) -> str:
    return f"rules of the {stage} stage"


def check_tag(content: dict[str, Any], base: str) -> Checked:
    """Keyword lists, plus an optional all-match rule set whose results are tag names."""
    parts: dict[str, Any] = {"keywords": {}, "keyword_matcher": KeywordMatcher({}), "tag_rules": None,
                             "patterns": {}}
    errors: list[FlowError] = []
    parts["patterns"], found = _patterns(content.get("patterns", {}), f"{base}/patterns")
    errors += found
    keywords = content.get("keywords", {})
    if not isinstance(keywords, dict) or not all(
            isinstance(v, list) and all(isinstance(p, str) for p in v) for v in keywords.values()):
        errors.append(FlowError("bad_argument", "keywords maps a tag name to a list of phrases", f"{base}/keywords"))
    else:
        parts["keywords"], parts["keyword_matcher"] = keywords, KeywordMatcher(keywords)
    if "rules" in content:
        raw = content["rules"]
        parts["tag_rules"], found = _rule_set(raw, f"{base}/rules", "all_match", "tag", RULE_FIELDS)
        errors += found
        if parts["tag_rules"] is not None:
            errors += [FlowError("bad_argument", "a tagging rule's result is a tag name",
                                 f"{base}/rules/rules/{i}/then")
                       for i, rule in enumerate(raw["rules"]) if not isinstance(rule.get("then"), str)]
    return parts, errors


def _patterns(raw: Any, path: str) -> tuple[dict[str, list[Any]], list[FlowError]]:
    """Regex lists by tag name, in the dialect the `regex` rule operator takes (cannot hang)."""
    if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
        return {}, [FlowError("bad_argument", "patterns maps a tag name to a list of regular expressions, "
                                              "e.g. {\"order_number\": [\"#\\\\d{5}\"]}", path)]
    compiled: dict[str, list[Any]] = {}
    errors: list[FlowError] = []
    for name, patterns in raw.items():
        for i, pattern in enumerate(patterns):
            try:
                if not isinstance(pattern, str):
                    raise ValueError("a pattern is a string")
                compiled.setdefault(name, []).append(compile_pattern(pattern))
            except (ValueError, re.error) as exc:
                errors.append(FlowError("bad_argument", f"bad regex: {exc}", f"{path}/{name}/{i}"))
    return compiled, errors


def check_triage(content: dict[str, Any], base: str) -> Checked:
    """Two rules: does the mention need a response, and at what priority."""
    parts: dict[str, Any] = {}
    errors: list[FlowError] = []
    for key in ("needs_response", "priority"):
        path = f"{base}/{key}"
        if key not in content:
            errors.append(FlowError("missing_rule", f"triage needs a {key!r} rule", path))
            continue
        parts[key], found = _rule(content[key], path, "triage", RULE_FIELDS)
        errors += found
    if "auto_reply" in content:
        parts["auto_reply"], found = check_auto_reply(content["auto_reply"], f"{base}/auto_reply")
        errors += found
    return parts, errors


@dataclass(frozen=True)
class AutoReply:
    """Triage's auto-reply: when `when` holds for a case's first mention (which needs a response), the canned
    reply `canned_reply_id` answers it at once. Whether that reply exists is the API's check (engine.flows.
    references): replies live in the database."""

    when: CompiledRule
    canned_reply_id: str


def check_auto_reply(raw: Any, base: str) -> tuple[AutoReply | None, list[FlowError]]:
    """`{"when": rule, "canned_reply_id": "..."}`, or the errors that stop it, each at its path."""
    if not isinstance(raw, dict):
        return None, [FlowError("bad_argument", 'auto_reply is {"when": rule, "canned_reply_id": "<id>"}', base)]
    errors: list[FlowError] = []
    extra = sorted(set(raw) - {"when", "canned_reply_id"})
    errors += [FlowError("bad_argument", "auto_reply takes only when and canned_reply_id", f"{base}/{key}")
               for key in extra]
    reply_id = raw.get("canned_reply_id")
    if not isinstance(reply_id, str) or not reply_id.strip():
        errors.append(FlowError("bad_argument", "canned_reply_id names the canned reply sent (GET "
                                "/api/canned_replies)", f"{base}/canned_reply_id"))
    when = None
    if "when" not in raw:
        errors.append(FlowError("missing_rule", "auto_reply needs a 'when' rule (true: every case)", f"{base}/when"))
    else:
        when, found = _rule(raw["when"], f"{base}/when", "triage", RULE_FIELDS)
        errors += found
    if errors or when is None:
        return None, errors
    return AutoReply(when=when, canned_reply_id=reply_id), []


class RouteTarget(BaseModel, extra="forbid"):
    """What a routing rule yields: the team (queue), and optionally a priority, skills and a language."""

    team_id: str
    priority: Priority | None = None
    required_skills: dict[str, int] = {}
    optional_skills: dict[str, int] = {}
    language: str | None = None


class QueueSettings(BaseModel, extra="forbid"):
    """How a team's queue hands out cases; applied to the team when the flow is activated."""

    strategy: str = "round_robin"
    relax_optional_after_seconds: int | None = 120
    allow_pull: bool = False
    claim_idle_seconds: int = 900


def _pydantic_errors(exc: ValidationError, path: str) -> list[FlowError]:
    """One error per problem, at its field; several problems of one object are one error at the object."""
    found = exc.errors()
    if len(found) > 1:
        return [FlowError("bad_argument", "; ".join(f"{'/'.join(map(str, e['loc'])) or '.'}: {e['msg']}"
                                                    for e in found), path)]
    return [FlowError("bad_argument", err["msg"], "/".join([path, *(str(part) for part in err["loc"])]))
            for err in found]


def _route_target_errors(target: Any, path: str) -> list[FlowError]:
    try:
        parsed = RouteTarget.model_validate(target)
    except ValidationError as exc:
        return _pydantic_errors(exc, path)
    errors = [] if parsed.team_id else [FlowError("bad_argument", "team_id names the team", f"{path}/team_id")]
    for key in ("required_skills", "optional_skills"):
        errors += [FlowError("bad_argument", "a skill level is 1 to 5", f"{path}/{key}/{skill}")
                   for skill, level in getattr(parsed, key).items() if not 1 <= level <= 5]
    return errors


def check_assign(content: dict[str, Any], base: str) -> Checked:
    """Where cases go: a first-match routing rule set (or, in older flows, one fixed team_id)."""
    errors: list[FlowError] = []
    parts: dict[str, Any] = {"team_id": None, "routing": None}
    if "routing" in content:
        raw = content["routing"]
        parts["routing"], errors = _rule_set(raw, f"{base}/routing", "first_match", "assign", RULE_FIELDS)
        if parts["routing"] is not None:
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
    parts["queues"] = {}
    queues = content.get("queues", {})
    if not isinstance(queues, dict):
        errors.append(FlowError("bad_argument", "queues maps a team id to its queue settings", f"{base}/queues"))
        queues = {}
    for team_id, raw in queues.items():
        try:
            settings = QueueSettings.model_validate({"strategy": strategy, **raw} if isinstance(raw, dict) else raw)
        except ValidationError as exc:
            errors += _pydantic_errors(exc, f"{base}/queues/{team_id}")
            continue
        if settings.strategy not in STRATEGIES:
            errors.append(FlowError("bad_argument", f"strategy must be one of {list(STRATEGIES)}",
                                    f"{base}/queues/{team_id}/strategy"))
        parts["queues"][team_id] = settings
    return parts, errors


def _legacy_policies(targets: dict[str, int]) -> dict[str, SlaPolicy]:
    # Older flows set one first-response target per priority, 24/7, raising the priority at breach.
    raise_it = [EscalationLevel(after_seconds=0, actions=[EscalationAction(type="raise_priority")])]
    return {f"priority-{p}": SlaPolicy(id=f"priority-{p}", first_response_seconds=s, escalation=raise_it)
            for p, s in targets.items()}


def check_sla(content: dict[str, Any], base: str) -> Checked:
    """SLA policies (targets, calendar, warning, escalation levels) and the rule set choosing one per case.

    `{"calendars": {id: calendar}, "policies": [policy, ...], "select": first_match rule set -> policy id}`;
    older flows give `first_response_seconds` per priority instead.
    """
    parts: dict[str, Any] = {"sla_policies": {}, "sla_select": None, "first_response_seconds": {}}
    if "policies" not in content:
        targets = content.get("first_response_seconds", {})
        if not isinstance(targets, dict) or not all(
                k in Priority.__members__ and isinstance(v, int) and v > 0 for k, v in targets.items()):
            return parts, [FlowError("bad_argument", "first_response_seconds maps a priority to positive seconds",
                                     f"{base}/first_response_seconds")]
        parts.update(first_response_seconds=targets, sla_policies=_legacy_policies(targets))
        return parts, []
    errors: list[FlowError] = []
    calendars: dict[str, BusinessCalendar] = {}
    raw_calendars = content.get("calendars", {})
    for name, raw in (raw_calendars.items() if isinstance(raw_calendars, dict) else []):
        try:
            calendars[name] = BusinessCalendar.model_validate(raw)
        except ValidationError as exc:
            errors += _pydantic_errors(exc, f"{base}/calendars/{name}")
    raw_policies = content["policies"]
    if not isinstance(raw_policies, list) or not raw_policies:
        return parts, errors + [FlowError("bad_argument", "policies is a non-empty list", f"{base}/policies")]
    for index, raw in enumerate(raw_policies):
        path = f"{base}/policies/{index}"
        if not isinstance(raw, dict):
            errors.append(FlowError("bad_argument", "a policy is an object", path))
            continue
        calendar = raw.get("calendar")
        if isinstance(calendar, str):
            if calendar not in calendars:
                errors.append(FlowError(
                    "unknown_calendar", f"no calendar {calendar!r} in calendars; {did_you_mean(calendar, calendars)}"
                                        f"Calendars: {', '.join(calendars) or 'none'}", f"{path}/calendar"))
                continue
            raw = {**raw, "calendar": calendars[calendar]}
        try:
            policy = SlaPolicy.model_validate(raw)
        except (ValidationError, ValueError) as exc:
            errors += _pydantic_errors(exc, path) if isinstance(exc, ValidationError) else \
                [FlowError("bad_argument", str(exc), path)]
            continue
        if policy.id in parts["sla_policies"]:
            errors.append(FlowError("duplicate_policy", f"policy id {policy.id!r} is used twice", f"{path}/id"))
        parts["sla_policies"][policy.id] = policy
    select, found = _rule_set(content.get("select"), f"{base}/select", "first_match", "sla", CASE_FACTS)
    errors += found
    # A policy with errors of its own is still a name the selection may use: one mistake, one error.
    named = {raw.get("id") for raw in raw_policies if isinstance(raw, dict)}
    if select is not None:
        doc = content["select"]
        chosen = [(rule.get("then"), f"{base}/select/rules/{i}/then") for i, rule in enumerate(doc["rules"])]
        if doc.get("default") is not None:
            chosen.append((doc["default"], f"{base}/select/default"))
        known = sorted(n for n in named if isinstance(n, str))
        errors += [FlowError("unknown_policy", f"no policy {policy_id!r}; "
                             f"{did_you_mean(str(policy_id), known)}Policies: {', '.join(known) or 'none'}", path)
                   for policy_id, path in chosen if policy_id not in named]
        parts["sla_select"] = select
    return parts, errors


def check_approval(content: dict[str, Any], base: str) -> Checked:
    """Which replies need approval: one rule over {case, agent, reply}."""
    path = f"{base}/requires_approval"
    if "requires_approval" not in content:
        return {}, [FlowError("missing_rule", "approval needs a 'requires_approval' rule", path)]
    approval, errors = _rule(content["requires_approval"], path, "approval", APPROVAL_FIELDS)
    return ({"approval": approval} if approval is not None else {}), errors


# Zendesk's default: a solved ticket takes follow-ups for 4 days before it closes for good.
DEFAULT_REOPEN_WINDOW_SECONDS = 4 * 24 * 3600
CLOSE_REASONS = ("resolved", "no_action", "spam")


def check_close(content: dict[str, Any], base: str) -> Checked:
    """How closing works: the reasons offered, and the reopen window (0: a new mention starts a new case)."""
    errors: list[FlowError] = []
    reasons = content.get("reasons", list(CLOSE_REASONS))
    if not isinstance(reasons, list) or not all(r in CLOSE_REASONS for r in reasons):
        errors.append(FlowError("bad_argument", f"reasons is a list of {', '.join(CLOSE_REASONS)}",
                                f"{base}/reasons"))
    window = content.get("reopen_window_seconds", DEFAULT_REOPEN_WINDOW_SECONDS)
    if isinstance(window, bool) or not isinstance(window, int) or not 0 <= window <= 90 * 24 * 3600:
        errors.append(FlowError("bad_argument", "reopen_window_seconds is a whole number of seconds from 0 "
                                "(never reopen: a new mention starts a new case) to 7776000 (90 days)",
                                f"{base}/reopen_window_seconds"))
        window = DEFAULT_REOPEN_WINDOW_SECONDS
    return {"reopen_window_seconds": window}, errors


DEFAULT_THREAD_WINDOW_SECONDS = 30 * 60
DEFAULT_INFLUENCER_FOLLOWERS = 10_000


def _whole(content: dict[str, Any], key: str, default: int, most: int, base: str, what: str,
           errors: list[FlowError]) -> int:
    value = content.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
        errors.append(FlowError("bad_argument", f"{key} is a whole number from 0 to {most}: {what}", f"{base}/{key}"))
        return default
    return value


def check_discovery(content: dict[str, Any], base: str) -> Checked:
    """How mentions become conversations: the follow-up window, and who counts as influential."""
    errors: list[FlowError] = []
    window = _whole(content, "thread_window_seconds", DEFAULT_THREAD_WINDOW_SECONDS, 7 * 24 * 3600, base,
                    "an author's new mention within this many seconds of their last one joins that conversation "
                    "(0: never)", errors)
    followers = _whole(content, "influencer_followers", DEFAULT_INFLUENCER_FOLLOWERS, 10**10, base,
                       "authors with at least this many followers are tagged 'influencer' (0: nobody)", errors)
    vips = content.get("vip_authors", [])
    if not isinstance(vips, list) or not all(isinstance(v, str) and v for v in vips):
        errors.append(FlowError("bad_argument", "vip_authors is a list of author handles, e.g. [\"@acme_ceo\"]",
                                f"{base}/vip_authors"))
        vips = []
    return {"thread_window_seconds": window, "influencer_followers": followers,
            "vip_authors": frozenset(v.lower() for v in vips)}, errors


STAGE_CHECKS: dict[str, Callable[[dict[str, Any], str], Checked]] = {
    "discovery": check_discovery, "tag": check_tag, "triage": check_triage, "assign": check_assign,
    "sla": check_sla, "approval": check_approval, "close": check_close}


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
