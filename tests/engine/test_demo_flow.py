"""The demo flow triages as a seasoned ops lead would: influence and VIPs raise priority, and safety, legal and
press threats go to the escalations queue as urgent (through ingest's own classify, with VADER's sentiment)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from api.demo import default_flow
from engine.messages import Classification
from engine.models import Mention
from engine.opening import classify
from store.lexicons import compile_with_vader

FLOW = compile_with_vader(default_flow())
AT = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def triaged(text: str, *, followers: int | None = 120, verified: bool = False) -> tuple[Classification, bool]:
    mention = Mention(id="twitter:1", source="twitter", external_id="1", conversation_id="twitter:1",
                      author="@someone", text=text, created_at=AT, received_at=AT, author_followers=followers,
                      author_verified=verified)
    tags, needs = FLOW.screen(mention)
    return classify(FLOW, mention, tags), needs


@pytest.mark.parametrize(("followers", "verified", "priority"), [
    (120, False, "normal"), (412_000, False, "high"), (300, True, "high")])
def test_a_refund_asked_by_someone_with_reach_is_raised(followers: int, verified: bool, priority: str) -> None:
    cls, needs = triaged("Hi, you charged me twice for my order, I'd like a refund please", followers=followers,
                         verified=verified)
    assert needs and "billing" in cls.tags.keywords
    assert (cls.triage.priority.value, cls.team_id) == (priority, "support")


def test_a_product_on_fire_with_lawyers_and_the_press_is_urgent_for_escalations() -> None:
    cls, needs = triaged("My Acme heater caught fire last night and burned the carpet. My lawyer says we should "
                         "sue, and I'm going to the press with this.")
    assert needs and {"safety", "legal", "press"} <= set(cls.tags.keywords)
    assert (cls.triage.priority.value, cls.team_id) == ("urgent", "escalations")
    assert cls.sla_policy is not None and cls.sla_policy.id == "urgent"
    assert cls.routing["matched"] == ["safety-legal-to-escalations"]


@pytest.mark.parametrize(("text", "tag"), [
    ("the charger started to smoke and it is a hazard for my kids", "safety"),
    ("I will take you to small claims court over this", "legal")])
def test_each_threat_alone_is_urgent_too(text: str, tag: str) -> None:
    cls, needs = triaged(text)
    assert needs and tag in cls.tags.keywords
    assert (cls.triage.priority.value, cls.team_id) == ("urgent", "escalations")


@pytest.mark.parametrize(("followers", "priority"), [(120, "low"), (25_000, "normal")])
def test_a_question_is_low_unless_its_author_has_reach(followers: int, priority: str) -> None:
    cls, needs = triaged("How do I change the delivery address on my order?", followers=followers)
    assert needs and cls.triage.priority.value == priority


def test_a_reporters_inquiry_goes_to_pr_and_praise_needs_no_answer() -> None:
    cls, needs = triaged("Hi, I'm a reporter at the Daily Planet writing an article about the outage")
    assert needs and (cls.triage.priority.value, cls.team_id) == ("high", "marketing")
    assert not triaged("Love the new app update, thanks @acme!")[1]
