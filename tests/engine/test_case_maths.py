"""Tagging, lifecycle, SLA ladder and measure maths (routing has its own tests)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from engine.lifecycle import LifecycleError, can_transition, transition
from engine.measures import measure
from engine.models import CaseStatus, Priority
from engine.sla import escalated_priority
from engine.tagging import match_keywords, sentiment

T0 = datetime(2026, 11, 20, 17, 30, tzinfo=UTC)


@pytest.mark.parametrize(("text", "sign"), [
    ("I love this, great support!", 1), ("worst service ever, I hate it", -1),
    ("The package arrived on Tuesday", 0), ("not good at all", -1), ("this is not bad", 1),
])
def test_sentiment_sign(text: str, sign: int) -> None:
    score = sentiment(text)
    assert -1 <= score <= 1
    assert (score > 0.05) - (score < -0.05) == sign, score


def test_exclamation_marks_intensify() -> None:
    assert sentiment("terrible!!!") < sentiment("terrible") < 0


def test_keywords_match_whole_words_and_phrases_case_insensitively() -> None:
    lists = {"outage": ["down", "not working"], "billing": ["refund"]}
    assert match_keywords("The site is DOWN and checkout is not working", lists) == ["outage"]
    assert match_keywords("downtown store refunds", lists) == []  # no partial words


def test_lifecycle_table() -> None:
    assert transition(CaseStatus.open, CaseStatus.assigned) == CaseStatus.assigned
    assert can_transition(CaseStatus.assigned, CaseStatus.escalated)
    with pytest.raises(LifecycleError) as refused:
        transition(CaseStatus.closed, CaseStatus.assigned)
    assert refused.value.code == "invalid_transition" and "'closed'" in str(refused.value)


def test_escalation_ladder() -> None:
    assert [escalated_priority(p) for p in Priority] == [Priority.normal, Priority.high, Priority.urgent,
                                                          Priority.urgent]


def test_measures() -> None:
    m = measure(opened_at=T0, closed_at=T0 + timedelta(hours=2), first_response_at=T0 + timedelta(minutes=5),
                sla_breached=False, mention_count=3, reply_count=2)
    assert (m.first_response_seconds, m.resolution_seconds) == (300, 7200)
    unanswered = measure(opened_at=T0, closed_at=T0, first_response_at=None, sla_breached=True,
                         mention_count=1, reply_count=0)
    assert unanswered.first_response_seconds is None
