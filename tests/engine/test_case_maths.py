"""Tagging, lifecycle, SLA ladder and measure maths (routing has its own tests)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from engine.lifecycle import LifecycleError, can_transition, transition
from engine.measures import measure, sla_outcomes
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


def test_measures_of_a_reopened_transferred_case_count_sla_outcomes_per_target() -> None:
    sla = {"first_response": {"met_at": "2026-11-23T10:05:00+00:00", "breached_at": None},
           "resolution": {"met_at": "2026-11-23T12:00:00+00:00", "breached_at": "2026-11-23T11:00:00+00:00"},
           "next_response": {"met_at": None, "breached_at": None}}
    m = measure(opened_at=T0, closed_at=T0 + timedelta(hours=2), first_response_at=T0 + timedelta(minutes=5),
                sla_breached=True, mention_count=3, reply_count=2, handle_seconds=840.0, transfers=2,
                reopen_count=1, sla_outcomes=sla_outcomes(sla))
    assert (m.handle_seconds, m.transfers, m.reopen_count) == (840.0, 2, 1)
    # Breached then met is breached; a target never reached (no next response asked for) is not counted.
    assert m.sla_outcomes == {"first_response": "met", "resolution": "breached"}


def test_a_closed_case_reopens_and_an_expert_hands_it_back_to_the_queue() -> None:
    assert can_transition(CaseStatus.closed, CaseStatus.open)
    for status in (CaseStatus.open, CaseStatus.assigned, CaseStatus.escalated, CaseStatus.pending):
        assert can_transition(status, CaseStatus.with_expert)
    assert can_transition(CaseStatus.with_expert, CaseStatus.open)
    assert not can_transition(CaseStatus.with_expert, CaseStatus.assigned)  # back through the queue only
    assert not can_transition(CaseStatus.closed, CaseStatus.with_expert)
