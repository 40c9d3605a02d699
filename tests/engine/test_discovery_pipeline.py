"""The pure discovery pipeline: dedupe, threading, triage into actionable conversations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from engine.discovery.pipeline import Known, lookups, process_batch
from engine.models import Direction, Mention, Tags, mention_id

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
WINDOW = timedelta(minutes=30)


def m(external_id: str, *, author: str = "@amy", text: str = "where is my order?", minutes: float = 0,
      source: str = "twitter", reply_to: str | None = None, thread: str | None = None,
      direction: Direction = Direction.inbound) -> Mention:
    at = T0 + timedelta(minutes=minutes)
    return Mention(id=mention_id(source, external_id), source=source, external_id=external_id, conversation_id="",
                   author=author, text=text, created_at=at, received_at=at, reply_to_id=reply_to, thread_id=thread,
                   direction=direction)


def screen(mention: Mention) -> tuple[Tags, bool]:
    """A flow's screen in miniature: questions need a response, nothing else does."""
    return Tags(keywords=["question"] if "?" in mention.text else []), "?" in mention.text


def run(batch: list[Mention], known: Known | None = None):
    return process_batch(batch, known or Known(), screen, window=WINDOW)


def conversation_of(outcome) -> dict[str, str]:
    return {p.mention.external_id: p.mention.conversation_id for p in outcome.processed}


def test_replies_join_their_parent_in_any_order_within_the_batch() -> None:
    batch = [m("2", author="@bob", reply_to="1", minutes=5), m("1", minutes=0), m("3", author="@cy", reply_to="2",
                                                                                   minutes=9)]
    got = conversation_of(run(batch))
    assert got == {"1": "twitter:1", "2": "twitter:1", "3": "twitter:1"}


def test_a_reply_to_a_stored_mention_joins_the_stored_conversation() -> None:
    known = Known(conversations={"twitter:1": "twitter:0"})
    assert conversation_of(run([m("2", reply_to="1", author="@bob")], known)) == {"2": "twitter:0"}


def test_an_orphan_reply_waits_in_the_conversation_its_parent_opens() -> None:
    known = Known()
    first = run([m("2", reply_to="1", author="@bob", minutes=5)], known)
    later = run([m("1", author="@amy", minutes=0)], known)  # the parent arrives in a later batch
    assert conversation_of(first)["2"] == conversation_of(later)["1"] == "twitter:1"


def test_a_named_thread_wins_and_its_id_is_deterministic() -> None:
    batch = [m("a", thread="dm-9", minutes=0), m("b", author="@acme", thread="dm-9", minutes=1,
                                                 direction=Direction.outbound)]
    assert set(conversation_of(run(batch)).values()) == {"twitter:thread:dm-9"}


def test_same_author_follow_ups_thread_within_the_window_only() -> None:
    batch = [m("1", minutes=0), m("2", minutes=29), m("3", minutes=29 + 31), m("4", author="@bob", minutes=1)]
    got = conversation_of(run(batch))
    assert got["2"] == got["1"] == "twitter:1"  # 29 min after the first
    assert got["3"] == "twitter:3"  # 31 min after the latest: a new conversation
    assert got["4"] == "twitter:4"  # another author
    other_source = conversation_of(run([m("5", minutes=1, source="facebook")], Known(
        last_inbound={("twitter", "@amy"): ("twitter:1", T0)})))
    assert other_source["5"] == "facebook:5"


def test_a_zero_window_turns_follow_ups_off() -> None:
    outcome = process_batch([m("1"), m("2", minutes=1)], Known(), screen, window=timedelta(0))
    assert conversation_of(outcome) == {"1": "twitter:1", "2": "twitter:2"}


def test_duplicates_in_the_batch_and_in_the_store_are_dropped_once() -> None:
    known = Known(conversations={"twitter:1": "twitter:1"})
    outcome = run([m("1"), m("2", author="@bob"), m("2", author="@bob")], known)
    assert [p.mention.external_id for p in outcome.processed] == ["2"]
    assert sorted(outcome.duplicates) == ["twitter:1", "twitter:2"]


def test_a_conversation_turns_actionable_and_then_takes_every_inbound_mention() -> None:
    known = Known()
    outcome = run([m("1", text="nice day"), m("2", text="is the app down?", minutes=1),
                   m("3", text="ok thanks", minutes=2)], known)
    deliver = {p.mention.external_id: (p.needs_response, p.deliver) for p in outcome.processed}
    # The first mention needed nothing (stored and counted); from the question on, all go to the case.
    assert deliver == {"1": (False, False), "2": (True, True), "3": (False, True)}
    assert outcome.conversations["twitter:1"].became_actionable
    assert known.actionable == {"twitter:1"}
    later = run([m("4", text="hello again", minutes=3)], known)
    assert [(p.deliver, p.mention.conversation_id) for p in later.processed] == [(True, "twitter:1")]
    assert not later.conversations["twitter:1"].became_actionable


def test_outbound_replies_attach_count_as_responses_and_are_never_triaged() -> None:
    batch = [m("1", text="refund?"), m("r1", author="@acme", reply_to="1", minutes=7, direction=Direction.outbound),
             m("r2", author="@acme", minutes=9, direction=Direction.outbound)]
    outcome = run(batch)
    conversation = outcome.conversations["twitter:1"]
    assert (conversation.inbound, conversation.outbound) == (1, 1)
    assert conversation.first_response_at == T0 + timedelta(minutes=7)
    reply = next(p for p in outcome.processed if p.mention.external_id == "r1")
    assert reply.tags is None and not reply.needs_response and not reply.deliver  # counted, not a case message
    # An unlinked outbound post is its own conversation, never actionable, never a follow-up.
    assert outcome.conversations["twitter:r2"].outbound == 1


def test_lookups_name_the_ids_parents_and_inbound_authors_to_read() -> None:
    ids, authors = lookups([m("2", reply_to="1"), m("r", author="@acme", direction=Direction.outbound)])
    assert ids == {"twitter:2", "twitter:1", "twitter:r"}
    assert authors == {("twitter", "@amy")}
