"""A per-mention time budget for tagging: steps after it are skipped, what was found is kept, the cut is recorded.

The clocks are fakes: `Ticking` advances one second each time it is read, so the n-th check of the budget
(after the reading at the start) sees n seconds spent. Nothing here measures real time.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest

from api.demo import default_flow
from engine.flows import compile_flow
from engine.models import Mention, Tags
from engine.rules import compile_rule_set
from engine.tagging import TagBudget

NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)
# Matches the second `order/number` pattern (not the first), `refund_ask`, the keyword list `billing`,
# and both tagging rules of the demo flow: `angry` (sentiment below -0.5) and `question`.
TEXT = "order AB-77 is terrible and awful, I want a refund?"
FULL = ["angry", "billing", "order/number", "question", "refund_ask"]


class Ticking:
    """A clock that reads 0, 1, 2, ... seconds: each reading advances it by `step`."""

    def __init__(self, step: float = 1.0) -> None:
        self.now, self.step, self.reads = 0.0, step, 0

    def __call__(self) -> float:
        now = self.now
        self.now += self.step
        self.reads += 1
        return now


class Frozen:
    """A clock that never moves, counting its readings."""

    def __init__(self) -> None:
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        return 0.0


def mention(text: str = TEXT, **extra: object) -> Mention:
    return Mention(id="t:1", source="t", external_id="1", conversation_id="t:1", author="@a", text=text,
                   created_at=NOW, received_at=NOW, **extra)


@pytest.fixture(scope="module")
def flow():  # type: ignore[no-untyped-def]
    """The demo flow plus two pattern lists (one named like a taxonomy path, so its pointer is escaped)."""
    doc = default_flow()
    tag = next(n for n in doc["nodes"] if n["type"] == "tag")
    assert doc["nodes"].index(tag) == 1
    tag["content"]["patterns"] = {"order/number": ["#\\d{5}\\b", "order [A-Z]{2}-\\d+"], "refund_ask": ["refund"]}
    return compile_flow(doc)


def within(seconds: float) -> TagBudget:
    return TagBudget(clock=Ticking(), seconds=seconds)


def test_without_a_budget_or_within_it_tagging_is_what_it_always_was(flow) -> None:  # type: ignore[no-untyped-def]
    texts = [TEXT, "URGENT: the app is down and I can't log in", "Love it, thanks!", "where is #12345 ?",
             "Das ist schrecklich, ich will mein Geld zurück", ""]
    for text in texts:
        m = mention(text, author_followers=50_000, author_verified=True)
        untimed = flow.tag(m)
        assert untimed.cut_short is None
        assert flow.tag(m, None) == untimed
        assert flow.tag(m, within(1e9)) == untimed  # every check passed: the same tags, nothing recorded
    assert flow.tag(mention()).keywords == FULL


# Readings: the start, then one check before sentiment (1 s spent), language (2), the patterns
# order/number/0 (3) and /1 (4), refund_ask/0 (5), and the tagging rules 0 (6) and 1 (7).
@pytest.mark.parametrize(("seconds", "step", "path", "keywords"), [
    (0.5, "sentiment", "/nodes/1", ["billing"]),
    (1.5, "language", "/nodes/1", ["billing"]),
    (2.5, "pattern", "/nodes/1/content/patterns/order~1number/0", ["billing"]),
    (3.5, "pattern", "/nodes/1/content/patterns/order~1number/1", ["billing"]),
    (4.5, "pattern", "/nodes/1/content/patterns/refund_ask/0", ["billing", "order/number"]),
    (5.5, "rule", "/nodes/1/content/rules/rules/0", ["billing", "order/number", "refund_ask"]),
    (6.5, "rule", "/nodes/1/content/rules/rules/1", ["angry", "billing", "order/number", "refund_ask"]),
])
def test_a_spent_budget_skips_the_steps_after_it_and_keeps_what_was_found(  # type: ignore[no-untyped-def]
        flow, seconds: float, step: str, path: str, keywords: list[str]) -> None:
    found = flow.tag(mention(), within(seconds))
    assert found.keywords == keywords  # a pattern or rule that would have matched is not applied
    assert found.cut_short == {"step": step, "path": path, "budget_ms": seconds * 1000,
                               "spent_ms": math.ceil(seconds) * 1000}
    full = flow.tag(mention())
    # What ran before the cut gave what it always gives; what did not run left its default.
    assert found.sentiment == (full.sentiment if seconds > 1 else 0.0)
    assert found.language == (full.language if seconds > 2 else None)


def test_every_step_ran_when_the_budget_lasts_to_the_end(flow) -> None:  # type: ignore[no-untyped-def]
    clock = Ticking()
    found = flow.tag(mention(), TagBudget(clock=clock, seconds=7.5))
    assert (found.keywords, found.cut_short) == (FULL, None)
    assert clock.reads == 8  # the start and the seven checks above: none after the last step


def test_influence_is_given_even_when_nothing_else_could_run(flow) -> None:  # type: ignore[no-untyped-def]
    found = flow.tag(mention(author_followers=50_000, author_verified=True), within(0.5))
    assert found.keywords == ["billing", "influencer", "verified"]
    assert found.cut_short is not None and found.cut_short["step"] == "sentiment"


def test_triage_evidence_says_tagging_was_cut_short_and_where(flow) -> None:  # type: ignore[no-untyped-def]
    m = mention()
    cut = flow.tag(m, within(5.5))
    evidence = flow.triage(m, cut).evidence
    assert evidence["tagging_cut_short"] == cut.cut_short
    assert evidence["tagging_cut_short"]["path"] == "/nodes/1/content/rules/rules/0"
    assert evidence["input"]["tags"] == cut.keywords  # the rules saw the tags found, without the rules' own
    assert "tagging_cut_short" not in flow.triage(m, flow.tag(m)).evidence


def test_screen_tags_within_the_budget_and_still_triages(flow) -> None:  # type: ignore[no-untyped-def]
    tags, needs = flow.screen(mention(), within(0.5))
    assert tags.cut_short is not None and tags.keywords == ["billing"]
    assert needs is True  # billing needs a response, with or without the rest of tagging
    assert flow.screen(mention()) == (flow.tag(mention()), True)


def test_the_cpu_clock_is_read_only_once_the_cheaper_wall_clock_says_the_budget_may_be_spent(  # type: ignore[no-untyped-def]
        flow) -> None:
    cpu, wall = Ticking(), Frozen()
    found = flow.tag(mention(), TagBudget(clock=cpu, seconds=0.5, wall=wall))
    assert (found.keywords, found.cut_short) == (FULL, None)
    assert cpu.reads == 1 and wall.reads == 8  # the CPU clock at the start only


def test_a_loaded_machine_does_not_cut_tagging_short(flow) -> None:  # type: ignore[no-untyped-def]
    # Wall time races ahead (other work has the CPU) while this thread's CPU time stays under the budget.
    cpu, wall = Frozen(), Ticking(step=10.0)
    found = flow.tag(mention(), TagBudget(clock=cpu, seconds=0.5, wall=wall))
    assert (found.keywords, found.cut_short) == (FULL, None)
    assert cpu.reads == 8  # every check had to ask the CPU clock


def test_a_budget_is_a_positive_number_of_seconds() -> None:
    for seconds in (0, -1, math.nan):
        with pytest.raises(ValueError, match="positive number of seconds"):
            TagBudget(clock=Frozen(), seconds=seconds)


def test_old_tags_without_the_field_still_decode() -> None:
    old = Tags.model_validate({"keywords": ["billing"], "sentiment": -0.3, "language": "en"})
    assert old.cut_short is None


def explode(text: object) -> bool:
    raise ValueError("a custom operator failing on odd data")


TAGGING_SET = {"mode": "all_match", "default": "untagged", "rules": [
    {"id": "angry", "when": {"<": [{"var": "sentiment"}, -0.5]}, "then": "angry"},
    {"id": "failing", "when": {"explode": [{"var": "text"}]}, "then": "never"},
    {"id": "question", "when": {"in": ["?", {"var": "text"}]}, "then": "question"},
    {"id": "many", "when": {"regex": [{"var": "text"}, "(very ){2,}"]}, "then": ["many", "tags"]},
]}


@pytest.mark.parametrize("data", [
    {"sentiment": -0.9, "text": "very very bad?"}, {"sentiment": 0.2, "text": "fine"}, {"text": "?"}, None, 7])
def test_a_rule_set_evaluated_rule_by_rule_gives_what_evaluate_gives(data: object) -> None:
    rules = compile_rule_set(TAGGING_SET, {"explode": explode})  # a failing rule counts as not matching
    assert rules.evaluate_until(data, lambda: False) == (rules.evaluate(data), None)


def test_a_rule_set_stopped_midway_gives_the_matches_so_far_and_the_next_rule() -> None:
    rules = compile_rule_set(TAGGING_SET, {"explode": explode})
    asked = Ticking()
    value, next_rule = rules.evaluate_until({"sentiment": -0.9, "text": "very very bad?"}, lambda: asked() >= 3)
    assert (value, next_rule) == (["angry", "question"], 3)
    # Stopped before anything matched: no default, since nothing shows that no rule matches.
    assert rules.evaluate_until({"text": "fine"}, lambda: True) == ([], 0)
    with pytest.raises(ValueError, match="all_match"):
        compile_rule_set({**TAGGING_SET, "mode": "first_match"}, {"explode": explode}).evaluate_until(
            {}, lambda: False)
