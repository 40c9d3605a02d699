"""The data each stage's rules are given, built here beside the schema of its fields.

A flow is checked on save against these schemas (`engine.flows.fields`): a rule reading a field its
stage is never given (`tagz` for `tags`) would read null for ever, silently. Keeping each builder next
to its schema, and testing one against the other, is what stops the two drifting apart.

A schema maps a field to None (a value: not looked into) or to the schema of the object it holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

from engine.models import Mention, Tags

Schema = Mapping[str, Optional["Schema"]]

# What tagging, triage and routing rules see (rule_context).
RULE_FIELDS: Schema = dict.fromkeys(
    ("text", "author", "source", "direction", "tags", "sentiment", "is_reply", "followers", "verified", "language"))


def rule_context(mention: Mention, tags: Tags) -> dict[str, Any]:
    """The data a tagging, triage or routing rule sees: the mention and what tagging found."""
    return {
        "text": mention.text,
        "author": mention.author,
        "source": mention.source,
        "direction": mention.direction.value,
        "tags": list(tags.keywords),
        "sentiment": tags.sentiment,
        "is_reply": mention.reply_to_id is not None,
        "followers": mention.author_followers,
        "verified": mention.author_verified,
        "language": tags.language,
    }


# What SLA selection sees (at opening, and again when the case changes), and the approval rule's `case`.
CASE_FACTS: Schema = dict.fromkeys(
    ("priority", "channel", "tags", "sentiment", "team_id", "author", "status", "escalation_level"))


def case_facts(*, priority: str, channel: str, tags: list[str], sentiment: float, team_id: str | None,
               author: str, status: str | None = None, escalation_level: int | None = None) -> dict[str, Any]:
    """A case's facts as the flow's rules see them (SLA selection, reply checks).

    A case being opened has no status or escalation yet: those are left out (absent, as they always
    were at opening), not set to null, so a rule's `var` default still applies to them.
    """
    facts: dict[str, Any] = {"priority": priority, "channel": channel, "tags": list(tags), "sentiment": sentiment,
                             "team_id": team_id, "author": author}
    if status is not None:
        facts["status"] = status
    if escalation_level is not None:
        facts["escalation_level"] = escalation_level
    return facts


# What the approval rule sees: the case's facts, the replying agent and the reply.
AGENT_FIELDS: Schema = dict.fromkeys(("id", "seniority", "roles", "team_id"))
APPROVAL_FIELDS: Schema = {"case": CASE_FACTS, "agent": AGENT_FIELDS, "reply": dict.fromkeys(("text", "length"))}


def approval_data(*, case: dict[str, Any], agent_id: str, seniority: str, roles: list[str], team_id: str | None,
                  text: str) -> dict[str, Any]:
    """The data the approval rule sees for one reply."""
    return {"case": case, "agent": {"id": agent_id, "seniority": seniority, "roles": list(roles), "team_id": team_id},
            "reply": {"text": text, "length": len(text)}}
