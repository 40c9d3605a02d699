"""A flow compiled once into callables for each stage of the case lifecycle."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from engine.discovery.language import detect_language
from engine.flows.data import rule_context
from engine.flows.document import FlowDocument, FlowError, flow_version, validate_flow
from engine.flows.stages import (
    DEFAULT_INFLUENCER_FOLLOWERS,
    DEFAULT_REOPEN_WINDOW_SECONDS,
    DEFAULT_THREAD_WINDOW_SECONDS,
    AutoReply,
    QueueSettings,
    check_stages,
)
from engine.models import Mention, Priority, Tags, Triage
from engine.rules import CompiledRule, CompiledRuleSet, truthy
from engine.rules.errors import pointer
from engine.rules.library.regex import search
from engine.slas import SlaPolicy
from engine.tagging import Deadline, KeywordMatcher, TagBudget
from engine.tagging import sentiment as small_lexicon_sentiment


class InvalidFlow(Exception):
    """A flow that cannot run; `errors` lists every problem found, each with its path."""

    def __init__(self, errors: list[FlowError]) -> None:
        super().__init__("; ".join(f"{e.path}: {e.message}" for e in errors))
        self.errors = errors


def with_ancestors(names: list[str]) -> set[str]:
    """A taxonomy's topics are paths (`billing/refund/double_charge`): a match tags every level above it too."""
    found = set(names)
    for name in names:
        while "/" in name:
            name = name.rsplit("/", 1)[0]
            found.add(name)
    return found


@dataclass(frozen=True)
class Route:
    """Where a case goes, and the evidence of why."""

    team_id: str
    priority: Priority | None
    evidence: dict[str, Any]
    required_skills: dict[str, int] = field(default_factory=dict)
    optional_skills: dict[str, int] = field(default_factory=dict)
    language: str | None = None


@dataclass(frozen=True)
class CompiledFlow:
    """The runnable form of a flow version."""

    version: str
    document: FlowDocument
    keywords: dict[str, list[str]]
    keyword_matcher: KeywordMatcher
    patterns: dict[str, list[re.Pattern[str]]]
    tag_rules: CompiledRuleSet | None
    needs_response: CompiledRule
    priority: CompiledRule
    team_id: str | None
    routing: CompiledRuleSet | None
    strategy: str
    queues: dict[str, QueueSettings]
    first_response_seconds: dict[str, int]
    sla_policies: dict[str, SlaPolicy]
    sla_select: CompiledRuleSet | None
    approval: CompiledRule | None = None
    auto_reply: AutoReply | None = None
    reopen_window_seconds: int = DEFAULT_REOPEN_WINDOW_SECONDS
    thread_window_seconds: int = DEFAULT_THREAD_WINDOW_SECONDS
    influencer_followers: int = DEFAULT_INFLUENCER_FOLLOWERS
    vip_authors: frozenset[str] = frozenset()
    # Text -> compound score in [-1, 1]: VADER in production (store.lexicons), a small lexicon here.
    sentiment: Callable[[str], float] = small_lexicon_sentiment

    def tag(self, mention: Mention, budget: TagBudget | None = None) -> Tags:
        """Keyword tags, sentiment, language and influence, then the tags of every matching tagging rule.

        With a `budget`, each step after the keywords (sentiment, language, each pattern, each tagging
        rule) runs only while the budget lasts: once it is spent the rest are skipped, what was found is
        kept, and `cut_short` says where tagging stopped. Influence tags, read from the author's
        profile, are always given.
        """
        if budget is not None:
            return self._tag_within(mention, budget.start())
        # Unbudgeted, nothing is asked between steps and the tagging rules run as one generated function.
        text = mention.text
        found = Tags(keywords=self.keyword_matcher.match(text), sentiment=self.sentiment(text),
                     language=detect_language(text))
        extra = self._influence(mention) | {name for name, patterns in self.patterns.items()
                                            if any(search(p, text) for p in patterns)}
        found.keywords = sorted(with_ancestors(found.keywords) | extra)
        if self.tag_rules is not None:
            extra = self.tag_rules.evaluate(rule_context(mention, found))
            # No match gives the set's default: nothing, or one tag.
            extra = [extra] if isinstance(extra, str) else extra if isinstance(extra, list) else []
            found.keywords = sorted(set(found.keywords) | {t for t in extra if isinstance(t, str)})
        return found

    def _tag_within(self, mention: Mention, deadline: Deadline) -> Tags:
        """`tag`, asking the deadline before each step after the keywords; as `tag` while it lasts."""
        text = mention.text
        keywords = self.keyword_matcher.match(text)
        extra = self._influence(mention)
        if deadline.over():
            return self._cut(keywords, extra, deadline, "sentiment", "")
        sentiment = self.sentiment(text)
        if deadline.over():
            return self._cut(keywords, extra, deadline, "language", "", sentiment=sentiment)
        language = detect_language(text)
        for name, patterns in self.patterns.items():
            for index, pattern in enumerate(patterns):
                if deadline.over():
                    path = pointer(pointer("/content/patterns", name), index)
                    return self._cut(keywords, extra, deadline, "pattern", path, sentiment=sentiment,
                                     language=language)
                if search(pattern, text):
                    extra.add(name)
                    break
        found = Tags(keywords=sorted(with_ancestors(keywords) | extra), sentiment=sentiment, language=language)
        if self.tag_rules is None:
            return found
        value, skipped = self.tag_rules.evaluate_until(rule_context(mention, found), deadline.over)
        value = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        found.keywords = sorted(set(found.keywords) | {t for t in value if isinstance(t, str)})
        if skipped is not None:
            found.cut_short = deadline.cut_short("rule", self._tag_path(f"/content/rules/rules/{skipped}"))
        return found

    def _cut(self, keywords: list[str], extra: set[str], deadline: Deadline, step: str, path: str,
             **found: Any) -> Tags:
        return Tags(keywords=sorted(with_ancestors(keywords) | extra), **found,
                    cut_short=deadline.cut_short(step, self._tag_path(path)))

    def _tag_path(self, rest: str) -> str:
        # Sentiment and language are the tag stage's own steps, with no place in its content: the node itself.
        index, _ = self.document.node("tag")
        return f"/nodes/{index}{rest}"

    def _influence(self, mention: Mention) -> set[str]:
        found = set()
        if self.influencer_followers and (mention.author_followers or 0) >= self.influencer_followers:
            found.add("influencer")
        if mention.author_verified:
            found.add("verified")
        if self.vip_authors and mention.author.lower() in self.vip_authors:
            found.add("vip")
        return found

    def screen(self, mention: Mention, budget: TagBudget | None = None) -> tuple[Tags, bool]:
        """Tags (within `budget`, as `tag`) and whether the mention needs a response: triage's question,
        without its evidence (fast)."""
        tags = self.tag(mention, budget)
        return tags, truthy(self.needs_response.evaluate(rule_context(mention, tags)))

    def triage(self, mention: Mention, tags: Tags) -> Triage:
        """Whether a mention needs a response and at what priority, with each rule's trace as evidence
        (and, when tagging was cut short, where and why, as `tagging_cut_short`)."""
        data = rule_context(mention, tags)
        needs = self.needs_response.explain(data)
        raw = self.priority.explain(data)
        evidence: dict[str, Any] = {"flow_version": self.version, "input": data,
                                    "needs_response": needs.result, "priority": raw.result,
                                    "trace": {"needs_response": needs.to_dict(), "priority": raw.to_dict()}}
        if tags.cut_short is not None:
            # A tag the rules might have used may be missing: say where tagging stopped, and why.
            evidence["tagging_cut_short"] = tags.cut_short
        try:
            priority = Priority(raw.result)
        except ValueError:
            # A rule that yields no known priority must not stall the case: fall back, and say so.
            priority = Priority.normal
            evidence["error"] = {"code": "bad_priority", "path": self._path("triage", "priority"),
                                 "message": f"rule gave {raw.result!r}; used 'normal'"}
        auto_reply = None
        if self.auto_reply is not None and truthy(needs.result):
            # Only a mention needing a response opens a case: the auto-reply answers that case.
            when = self.auto_reply.when.explain(data)
            evidence["auto_reply"] = when.result if isinstance(when.result, bool) else truthy(when.result)
            evidence["trace"]["auto_reply"] = when.to_dict()
            if truthy(when.result):
                auto_reply = self.auto_reply.canned_reply_id
                evidence["auto_reply_id"] = auto_reply
        return Triage(needs_response=truthy(needs.result), priority=priority, evidence=evidence,
                      auto_reply=auto_reply)

    def route(self, mention: Mention, tags: Tags) -> Route:
        """The team (and maybe a new priority) from the first matching routing rule."""
        if self.routing is None:
            assert self.team_id is not None
            return Route(self.team_id, None, {"flow_version": self.version, "fixed_team": self.team_id})
        explanation = self.routing.explain(rule_context(mention, tags)).to_dict()
        target = explanation["result"]
        priority = target.get("priority")
        return Route(target["team_id"], Priority(priority) if priority else None,
                     {"flow_version": self.version, **explanation},
                     required_skills=dict(target.get("required_skills", {})),
                     optional_skills=dict(target.get("optional_skills", {})), language=target.get("language"))

    def select_sla(self, facts: dict[str, Any]) -> tuple[SlaPolicy | None, dict[str, Any]]:
        """The SLA policy for a case with these facts (priority, channel, tags, ...), and why."""
        if self.sla_select is None:
            policy_id = f"priority-{facts.get('priority')}"
            return self.sla_policies.get(policy_id), {"flow_version": self.version, "by_priority": policy_id}
        explanation = self.sla_select.explain(facts).to_dict()
        chosen = explanation["result"]
        return self.sla_policies.get(chosen) if isinstance(chosen, str) else None, \
            {"flow_version": self.version, **explanation}

    def needs_approval(self, data: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
        """Whether a reply must be approved before it is sent, with the rule's trace."""
        if self.approval is None:
            return False, {"flow_version": self.version, "rule": None}
        explanation = self.approval.explain(data)
        return truthy(explanation.result), {"flow_version": self.version, "input": data,
                                            "trace": explanation.to_dict()}

    def _path(self, node_type: str, key: str) -> str:
        index, _ = self.document.node(node_type)
        return f"/nodes/{index}/content/{key}"


def compile_flow(document: Any, *, sentiment: Callable[[str], float] | None = None) -> CompiledFlow:
    """Validate and compile a flow document; raise InvalidFlow listing every error with its path.

    `sentiment` scores a text in [-1, 1]; without it, the engine's small built-in lexicon does.
    """
    doc, errors = validate_flow(document)
    if doc is None:
        raise InvalidFlow(errors)
    # Content is checked even when the graph has errors, so one save reports every problem.
    parts, content_errors = check_stages(doc)
    if errors or content_errors:
        raise InvalidFlow(errors + content_errors)
    extra = {"sentiment": sentiment} if sentiment is not None else {}
    return CompiledFlow(version=flow_version(document), document=doc, **parts, **extra)
