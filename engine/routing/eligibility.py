"""Who may take a case, and in what order cases are served.

Eligibility is checked hardest-first: an agent who could never take the case
(offline, excluded, wrong channel, language or skills) is reported for that
reason even when they are also full, because "at_capacity" tells an auditor
the case will move once a load drops, and the others say it will not.

Optional skills are preferences with a deadline: until the case has waited
`relax_optional_after_seconds` they are required like the others; from that
instant on (inclusive) they only rank agents under the skills strategy.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from engine.models import PRIORITY_ORDER, Priority
from engine.routing.model import AgentState, QueuePolicy, RoutingError, WaitingCase

__all__ = ["INELIGIBLE", "eligible", "next_relax_at", "queue_order", "relaxed"]

# Every code `eligible` can return, in the order it checks them.
INELIGIBLE: tuple[str, ...] = (
    "offline", "excluded", "channel", "language", "skills", "optional_skills", "at_capacity", "channel_capacity")

_URGENCY: dict[Priority, int] = {priority: -rank for rank, priority in enumerate(PRIORITY_ORDER)}


def aware(now: datetime) -> datetime:
    """`now` itself, or a `RoutingError` when it cannot be compared with the models' aware datetimes."""
    if not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise RoutingError("naive_datetime", f"now must be a timezone-aware datetime, got {now!r}")
    return now


def queue_order(cases: Iterable[WaitingCase]) -> list[WaitingCase]:
    """The order cases are served in: most urgent first, then longest waiting, then case id."""
    return sorted(cases, key=lambda case: (_URGENCY[case.priority], case.enqueued_at, case.case_id))


def relaxed(case: WaitingCase, now: datetime, policy: QueuePolicy) -> bool:
    """Whether the case has waited long enough for its optional skills to stop being required."""
    after = policy.relax_optional_after_seconds
    return after is not None and now - case.enqueued_at >= timedelta(seconds=after)


def eligible(agent: AgentState, case: WaitingCase, now: datetime, policy: QueuePolicy) -> str | None:
    """None when the agent can take the case now, else the first reason (a code of `INELIGIBLE`) they cannot."""
    return why_not(agent, case, relaxed(case, aware(now), policy))


def why_not(agent: AgentState, case: WaitingCase, optional_relaxed: bool) -> str | None:
    """`eligible` with the relaxation already decided, for the dispatcher's inner loop."""
    if not agent.online:
        return "offline"
    if agent.id in case.excluded_agents:
        return "excluded"
    if agent.channels and case.channel not in agent.channels:
        return "channel"
    if case.language is not None and agent.languages and case.language not in agent.languages:
        return "language"
    if not _has(agent, case.required_skills):
        return "skills"
    if not optional_relaxed and not _has(agent, case.optional_skills):
        return "optional_skills"
    if agent.load >= agent.capacity:
        return "at_capacity"
    cap = agent.channel_capacity.get(case.channel)
    if cap is not None and agent.channel_load.get(case.channel, 0) >= cap:
        return "channel_capacity"
    return None


def next_relax_at(cases: Iterable[WaitingCase], now: datetime, policy: QueuePolicy) -> datetime | None:
    """The earliest moment (UTC) one of `cases` has its optional skills relaxed, None if none is pending."""
    after = policy.relax_optional_after_seconds
    if after is None:
        return None
    pending = [case.enqueued_at + timedelta(seconds=after)
               for case in cases if case.optional_skills and not relaxed(case, now, policy)]
    return min(pending).astimezone(UTC) if pending else None


def _has(agent: AgentState, wanted: dict[str, int]) -> bool:
    return all(agent.skills.get(skill, 0) >= level for skill, level in wanted.items())
