"""First response runs from the first inbound mention needing a response (engine.measures), never from the
brand's own post that started the conversation: the rule, the discovery pipeline's batch, a case's measures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from engine.discovery.pipeline import Known, process_batch
from engine.measures import first_response_after, first_response_start, measure
from engine.models import Direction, Mention, Tags, mention_id

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def m(external_id: str, minutes: float, *, author: str = "@amy", text: str = "when does it ship?",
      reply_to: str | None = None, outbound: bool = False) -> Mention:
    return Mention(id=mention_id("twitter", external_id), source="twitter", external_id=external_id,
                   conversation_id="", author=author, text=text, created_at=at(minutes), received_at=at(minutes),
                   reply_to_id=reply_to, direction=Direction.outbound if outbound else Direction.inbound)


def screen(mention: Mention) -> tuple[Tags, bool]:
    """Questions need a response; nothing else does."""
    return Tags(), "?" in mention.text


def test_the_clock_starts_at_the_first_inbound_mention_needing_a_response() -> None:
    start = first_response_start
    # Only our post so far: no clock.
    assert start(stored=None, stored_needed=False, first_inbound=None, first_needing=None) is None
    # The customer's question starts it.
    assert start(stored=None, stored_needed=False, first_inbound=at(10), first_needing=at(10)) == at(10)
    # Praise alone: measured from it, until a mention needs a response, which moves the clock to it.
    assert start(stored=None, stored_needed=False, first_inbound=at(1), first_needing=None) == at(1)
    assert start(stored=at(1), stored_needed=False, first_inbound=at(20), first_needing=at(20)) == at(20)
    # Once a mention needed a response, later ones (needing or not) leave the clock where it is...
    assert start(stored=at(10), stored_needed=True, first_inbound=at(30), first_needing=at(30)) == at(10)
    assert start(stored=at(10), stored_needed=True, first_inbound=at(30), first_needing=None) == at(10)
    # ...unless an earlier one arrives late.
    assert start(stored=at(10), stored_needed=True, first_inbound=at(5), first_needing=at(5)) == at(5)


def test_the_first_response_is_our_first_reply_at_or_after_the_start() -> None:
    assert first_response_after(at(10), [at(0), at(25), at(15)]) == at(15)  # the announcement at 0 is no answer
    assert first_response_after(at(10), [at(10)]) == at(10)
    assert first_response_after(at(10), [at(0)]) is None
    assert first_response_after(None, [at(15)]) is None


def test_a_conversation_started_by_our_announcement_measures_from_the_customers_reply() -> None:
    """The brand posts, a customer replies 10 minutes later, the brand answers 5 minutes after that."""
    batch = [m("post", 0, author="@acme", text="Our new plan is out!", outbound=True),
             m("q", 10, reply_to="post"), m("a", 15, author="@acme", reply_to="q", outbound=True)]
    change = process_batch(batch, Known(), screen, window=timedelta(minutes=30)).conversations["twitter:post"]
    assert (change.first_at, change.first_inbound_at, change.first_needing_at) == (at(0), at(10), at(10))
    assert change.outbound_at == [at(0), at(15)]
    assert change.first_response_at == at(15)  # 5 minutes after the customer; not 15 after our post
    assert change.became_actionable


def test_praise_before_a_question_measures_from_the_question() -> None:
    batch = [m("p", 0, text="love it"), m("thanks", 2, author="@acme", reply_to="p", outbound=True),
             m("q", 20, reply_to="p"), m("a", 26, author="@acme", reply_to="q", outbound=True)]
    change = process_batch(batch, Known(), screen, window=timedelta(minutes=30)).conversations["twitter:p"]
    assert (change.first_inbound_at, change.first_needing_at) == (at(0), at(20))
    assert change.first_response_at == at(26)
    # Praise that never turns into a question is measured from the praise: the brand's thank-you.
    praise_only = process_batch(batch[:2], Known(), screen, window=timedelta(minutes=30)).conversations["twitter:p"]
    assert praise_only.first_response_at == at(2)


def test_a_case_measures_its_first_response_from_when_it_first_needed_one() -> None:
    # A case opened at the customer's question: from its opening.
    opened = measure(opened_at=at(10), closed_at=at(60), first_response_at=at(15), sla_breached=False,
                     mention_count=1, reply_count=1)
    assert opened.first_response_seconds == 300 and opened.resolution_seconds == 3000
    # An older case opened by praise (closed at once) and reopened by a question at 20: from the question; its
    # resolution still runs from its first opening.
    reopened = measure(opened_at=at(0), closed_at=at(60), first_response_at=at(26), sla_breached=False,
                       mention_count=2, reply_count=1, reopen_count=1, responding_since=at(20))
    assert reopened.first_response_seconds == 360 and reopened.resolution_seconds == 3600
