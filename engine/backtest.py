"""A draft flow re-run over history: what it would have decided, against what was decided.

The store (store.backtest) feeds every inbound mention of a period in the order it arrived, each with what
actually happened to it: its tags and triage at discovery, the case it opened or joined, and, for a mention
that opened a case, that case's opening decisions (queue, priority, SLA policy) read from its timeline.
`Backtest.feed` runs the draft's tagging and triage on the mention and, where the draft would open a case,
its routing and SLA policy: the very functions ingest runs (engine.opening.classify), so the answer is the
one production would give. Nothing is written anywhere: live cases are only read.

Which mentions open a case under the draft is followed per conversation, as ingest does it: a mention of a
conversation that already has a case joins it, and one that needs a response opens one otherwise. Closing
is people's and the SLA's doing, which a flow does not change, so where the live conversation opened a
second case (its first closed long enough before), the draft's first case is taken as closed then too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from engine.flows import CompiledFlow
from engine.models import Mention
from engine.opening import classify

# What a backtest compares, in the order its rows show them.
FIELDS = ("queue", "priority", "sla_policy")


@dataclass(frozen=True)
class Decision:
    """A flow's opening decisions for a case."""

    queue: str | None
    priority: str | None
    sla_policy: str | None
    flow_version: str | None = None

    def value(self, name: str) -> str | None:
        return getattr(self, name)


@dataclass(frozen=True)
class Lived:
    """One inbound mention and what actually happened to it."""

    mention: Mention
    tags: list[str] | None  # discovery's tags (None: not tagged, e.g. imported before tagging existed)
    needs_response: bool | None
    case_id: str | None  # the case it opened or joined
    opened: Decision | None  # set when this mention opened its case: that case's opening decisions


@dataclass(frozen=True)
class Difference:
    """A case the draft would decide otherwise: `kind` is changed, would_open or would_not_open."""

    kind: str
    mention: Mention
    case_id: str | None
    live: Decision | None
    draft: Decision | None
    changed: tuple[str, ...]
    tags_added: tuple[str, ...] = ()
    tags_removed: tuple[str, ...] = ()

    def row(self) -> dict[str, Any]:
        """The difference as one flat row (the report's sample and its CSV)."""
        row: dict[str, Any] = {"kind": self.kind, "case_id": self.case_id, "mention_id": self.mention.id,
                               "conversation_id": self.mention.conversation_id,
                               "received_at": self.mention.received_at.isoformat(), "source": self.mention.source,
                               "changed": list(self.changed)}
        for name in FIELDS:
            row[f"live_{name}"] = self.live.value(name) if self.live else None
            row[f"draft_{name}"] = self.draft.value(name) if self.draft else None
        row["live_flow_version"] = self.live.flow_version if self.live else None
        row["tags_added"], row["tags_removed"] = list(self.tags_added), list(self.tags_removed)
        return row


@dataclass
class Totals:
    """The report's counts."""

    mentions: int = 0
    tags_changed: int = 0  # mentions whose tags differ from discovery's
    needs_response_changed: int = 0  # mentions triage would answer otherwise
    live_cases: int = 0  # cases the period's mentions opened
    draft_cases: int = 0  # cases the draft would have opened
    changed: int = 0  # cases both opened, decided otherwise
    would_open: int = 0
    would_not_open: int = 0
    by_field: Counter[str] = field(default_factory=Counter)
    # (field, live value, draft value) -> cases: where the changed cases move
    moves: Counter[tuple[str, str | None, str | None]] = field(default_factory=Counter)
    live_versions: Counter[str] = field(default_factory=Counter)

    def as_dict(self, *, moves: int = 20) -> dict[str, Any]:
        """The counts as JSON, with the `moves` most frequent moves."""
        return {"mentions": self.mentions, "tags_changed": self.tags_changed,
                "needs_response_changed": self.needs_response_changed, "live_cases": self.live_cases,
                "draft_cases": self.draft_cases, "changed": self.changed, "would_open": self.would_open,
                "would_not_open": self.would_not_open, "by_field": {name: self.by_field[name] for name in FIELDS},
                "moves": [{"field": name, "live": live, "draft": draft, "cases": cases}
                          for (name, live, draft), cases in self.moves.most_common(moves)],
                "live_flow_versions": dict(self.live_versions)}


class Backtest:
    """Feeds history through a draft flow, one mention at a time in arrival order; keeps the totals."""

    def __init__(self, flow: CompiledFlow) -> None:
        self.flow = flow
        self.totals = Totals()
        self._draft_has_case: set[str] = set()  # conversations with a case under the draft
        self._live_openers: set[str] = set()  # cases opened by a mention fed here
        self._live_conversations: set[str] = set()  # conversations with a case opened by a mention fed here

    def feed(self, lived: Lived) -> Difference | None:
        """Run the draft on one mention; the difference it makes to a case, if any."""
        mention, conversation, totals = lived.mention, lived.mention.conversation_id, self.totals
        totals.mentions += 1
        if lived.opened is not None:
            totals.live_cases += 1
            totals.live_versions[lived.opened.flow_version or "unknown"] += 1
            if conversation in self._live_conversations:
                self._draft_has_case.discard(conversation)  # a later live case: the earlier one had closed
            self._live_conversations.add(conversation)
            self._live_openers.add(lived.case_id or "")
        elif lived.case_id is not None and lived.case_id not in self._live_openers:
            self._draft_has_case.add(conversation)  # a case opened before the period: the draft joins it too
        tags, needs = self.flow.screen(mention)
        added, removed = self._tag_changes(lived, tags.keywords)
        if lived.needs_response is not None and needs != lived.needs_response:
            totals.needs_response_changed += 1
        opens = needs and conversation not in self._draft_has_case
        if not opens:
            if lived.opened is None:
                return None
            totals.would_not_open += 1
            return Difference("would_not_open", mention, lived.case_id, lived.opened, None, FIELDS, added, removed)
        self._draft_has_case.add(conversation)
        totals.draft_cases += 1
        cls = classify(self.flow, mention, tags)
        draft = Decision(cls.team_id, cls.triage.priority.value, cls.sla_policy.id if cls.sla_policy else None,
                         self.flow.version)
        if lived.opened is None:
            totals.would_open += 1
            return Difference("would_open", mention, None, None, draft, FIELDS, added, removed)
        changed = tuple(name for name in FIELDS if draft.value(name) != lived.opened.value(name))
        if not changed:
            return None
        totals.changed += 1
        for name in changed:
            totals.by_field[name] += 1
            totals.moves[(name, lived.opened.value(name), draft.value(name))] += 1
        return Difference("changed", mention, lived.case_id, lived.opened, draft, changed, added, removed)

    def _tag_changes(self, lived: Lived, tags: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if lived.tags is None:
            return (), ()
        before, after = set(lived.tags), set(tags)
        if before != after:
            self.totals.tags_changed += 1
        return tuple(sorted(after - before)), tuple(sorted(before - after))

