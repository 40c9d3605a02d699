"""A flow compiled once into callables for each stage of the case lifecycle."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.flows.document import FlowDocument, FlowError, flow_version, validate_flow
from engine.models import Mention, Priority, Tags, Triage
from engine.rules import CompiledRule, RuleError, compile_rule, truthy
from engine.tagging import tag

STRATEGIES = ("round_robin",)


class InvalidFlow(Exception):
    """A flow that cannot run; `errors` lists every problem found, each with its path."""

    def __init__(self, errors: list[FlowError]) -> None:
        super().__init__("; ".join(f"{e.path}: {e.message}" for e in errors))
        self.errors = errors


def rule_context(mention: Mention, tags: Tags) -> dict[str, Any]:
    """The data a triage or routing rule sees: the mention and what tagging found."""
    return {
        "text": mention.text,
        "author": mention.author,
        "source": mention.source,
        "direction": mention.direction.value,
        "tags": list(tags.keywords),
        "sentiment": tags.sentiment,
        "is_reply": mention.reply_to_id is not None,
    }


@dataclass(frozen=True)
class CompiledFlow:
    """The runnable form of a flow version."""

    version: str
    document: FlowDocument
    keywords: dict[str, list[str]]
    needs_response: CompiledRule
    priority: CompiledRule
    team_id: str
    strategy: str
    first_response_seconds: dict[str, int]

    def tag(self, mention: Mention) -> Tags:
        """Tag a mention with the flow's keyword lists and a sentiment score."""
        return tag(mention.text, self.keywords)

    def triage(self, mention: Mention, tags: Tags) -> Triage:
        """Decide whether a mention needs a response and at what priority, keeping the evidence."""
        data = rule_context(mention, tags)
        needs = self.needs_response.evaluate(data)
        raw_priority = self.priority.evaluate(data)
        evidence: dict[str, Any] = {"flow_version": self.version, "input": data,
                                    "needs_response": needs, "priority": raw_priority}
        try:
            priority = Priority(raw_priority)
        except ValueError:
            # A rule that yields no known priority must not stall the case: fall back, and say so.
            priority = Priority.normal
            evidence["error"] = {"code": "bad_priority", "path": self._path("triage", "priority"),
                                 "message": f"rule gave {raw_priority!r}; used 'normal'"}
        return Triage(needs_response=truthy(needs), priority=priority, evidence=evidence)

    def _path(self, node_type: str, key: str) -> str:
        index, _ = self.document.node(node_type)
        return f"/nodes/{index}/content/{key}"


Checked = tuple[dict[str, Any], list[FlowError]]


def _check_tag(content: dict[str, Any], base: str) -> Checked:
    keywords = content.get("keywords", {})
    if not isinstance(keywords, dict) or not all(
            isinstance(v, list) and all(isinstance(p, str) for p in v) for v in keywords.values()):
        return {"keywords": {}}, [FlowError("bad_argument", "keywords maps a tag name to a list of phrases",
                                            f"{base}/keywords")]
    return {"keywords": keywords}, []


def _check_triage(content: dict[str, Any], base: str) -> Checked:
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
            errors.append(FlowError(exc.code, exc.message, exc.path))
    return parts, errors


def _check_assign(content: dict[str, Any], base: str) -> Checked:
    errors = []
    team_id = content.get("team_id")
    if not isinstance(team_id, str) or not team_id:
        errors.append(FlowError("bad_argument", "assign needs the id of a team", f"{base}/team_id"))
    strategy = content.get("strategy", "round_robin")
    if strategy not in STRATEGIES:
        errors.append(FlowError("bad_argument", f"strategy must be one of {list(STRATEGIES)}", f"{base}/strategy"))
    return {"team_id": team_id, "strategy": strategy}, errors


def _check_sla(content: dict[str, Any], base: str) -> Checked:
    targets = content.get("first_response_seconds", {})
    if not isinstance(targets, dict) or not all(
            k in Priority.__members__ and isinstance(v, int) and v > 0 for k, v in targets.items()):
        return {"first_response_seconds": {}}, [FlowError(
            "bad_argument", "first_response_seconds maps a priority to positive seconds",
            f"{base}/first_response_seconds")]
    return {"first_response_seconds": targets}, []


_STAGE_CHECKS = {"tag": _check_tag, "triage": _check_triage, "assign": _check_assign, "sla": _check_sla}


def _content_errors(doc: FlowDocument) -> Checked:
    """Check each stage's content; a missing or doubled stage is a graph error and is skipped here."""
    parts: dict[str, Any] = {}
    errors: list[FlowError] = []
    for stage, check in _STAGE_CHECKS.items():
        found = [(i, n) for i, n in enumerate(doc.nodes) if n.type == stage]
        if len(found) == 1:
            index, node = found[0]
            stage_parts, stage_errors = check(node.content, f"/nodes/{index}/content")
            parts.update(stage_parts)
            errors.extend(stage_errors)
    return parts, errors


def compile_flow(document: Any) -> CompiledFlow:
    """Validate and compile a flow document; raise InvalidFlow listing every error with its path."""
    doc, errors = validate_flow(document)
    if doc is None:
        raise InvalidFlow(errors)
    # Content is checked even when the graph has errors, so one save reports every problem.
    parts, content_errors = _content_errors(doc)
    if errors or content_errors:
        raise InvalidFlow(errors + content_errors)
    return CompiledFlow(version=flow_version(document), document=doc, **parts)
