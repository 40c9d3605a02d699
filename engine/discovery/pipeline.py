"""Dedupe, thread, tag and triage one batch of mentions: pure, so a batch costs no I/O but two lookups.

The caller (an activity, the import endpoint, the webhook) reads what the store already knows about
the batch's ids and authors into `Known`, runs `process_batch`, and writes the outcome in one
transaction. Nothing here touches a database, a clock or Temporal.

Threading, in order of precedence:
1. a thread the source names (a DM or an email thread): conversation `<source>:thread:<thread id>`;
2. a reply: its parent's conversation, when the parent is known (stored, or earlier in the batch);
   an orphan reply joins the conversation its parent will open (`<source>:<parent id>`), so the
   parent arriving later lands in the same conversation;
3. an inbound mention from an author whose last inbound mention on the same source is at most
   `window` older: that mention's conversation (a follow-up);
4. otherwise a new conversation named after the mention itself.
Conversation ids are deterministic, so a batch replayed after a crash threads the same way.

Only inbound mentions are triaged. A conversation becomes actionable when one of its inbound mentions
needs a response; from then on every inbound mention of it is delivered to its case workflow. Our
own outbound replies (sent outside Switchboard: imported, or seen on the source) attach to their
conversation and count as its responses; they never open a case and are not handed to one. A conversation
may start with one of our posts (an announcement customers reply to): its first response still runs from the
first inbound mention needing a response (engine.measures), never from our post.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from engine.measures import first_response_after, first_response_start
from engine.models import Direction, Mention, Tags, mention_id

# A flow's screen: a mention's tags, and whether it needs a response.
Screen = Callable[[Mention], tuple[Tags, bool]]


@dataclass(slots=True)
class Known:
    """What the store holds about one batch: filled by the caller with two or three queries."""

    # mention id -> its conversation id, for every batch id and reply parent already stored
    conversations: dict[str, str] = field(default_factory=dict)
    # (source, author) -> (conversation id, created_at) of that author's latest inbound mention
    last_inbound: dict[tuple[str, str], tuple[str, datetime]] = field(default_factory=dict)
    # conversations that are already actionable (they have, or had, a case)
    actionable: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Processed:
    """One new mention of the batch, threaded, tagged and triaged."""

    mention: Mention
    tags: Tags | None  # None for outbound mentions: we do not tag our own replies
    needs_response: bool
    deliver: bool  # its conversation is actionable: the case workflow gets it


@dataclass(slots=True)
class ConversationChange:
    """What one batch adds to a conversation, merged into its stored row by the caller."""

    id: str
    source: str
    customer: str | None  # the author of its first inbound mention in this batch
    first_at: datetime
    last_at: datetime
    last_inbound_at: datetime | None = None
    inbound: int = 0
    outbound: int = 0
    first_inbound_at: datetime | None = None  # the customer's first mention in this batch
    first_needing_at: datetime | None = None  # the first inbound mention needing a response, in this batch
    outbound_at: list[datetime] = field(default_factory=list)  # when our replies in this batch were sent
    became_actionable: bool = False
    thread_id: str | None = None

    @property
    def first_response_at(self) -> datetime | None:
        """The conversation's first response as this batch alone shows it (engine.measures' rule); the caller
        merges the batch with what it stored before (store.ingest)."""
        start = first_response_start(stored=None, stored_needed=False, first_inbound=self.first_inbound_at,
                                     first_needing=self.first_needing_at)
        return first_response_after(start, self.outbound_at)


@dataclass(slots=True)
class BatchOutcome:
    processed: list[Processed]
    duplicates: list[str]  # mention ids already stored, or repeated within the batch
    conversations: dict[str, ConversationChange]

    @property
    def to_deliver(self) -> list[Processed]:
        return [p for p in self.processed if p.deliver]


def conversation_for(mention: Mention, known: Known, window: timedelta) -> str:
    """The conversation a mention belongs to (see the module docstring); reads `known`, never writes it."""
    if mention.thread_id:
        return mention_id(mention.source, f"thread:{mention.thread_id}")
    if mention.reply_to_id:
        parent = mention_id(mention.source, mention.reply_to_id)
        return known.conversations.get(parent, parent)
    if mention.direction == Direction.inbound and window:
        last = known.last_inbound.get((mention.source, mention.author))
        if last is not None and timedelta(0) <= mention.created_at - last[1] <= window:
            return last[0]
    return mention.id


def process_batch(mentions: Sequence[Mention], known: Known, screen: Screen, *, window: timedelta) -> BatchOutcome:
    """Dedupe, thread, tag and triage `mentions` (each with `conversation_id` unset or a placeholder).

    Mentions are taken in order of creation, so a reply later in the batch than its parent (or a
    follow-up after the first message) threads the same as if they had arrived one by one. `known`
    is updated as the batch goes, so the caller can reuse it for the next batch.
    """
    outcome = BatchOutcome(processed=[], duplicates=[], conversations={})
    for mention in sorted(mentions, key=lambda m: m.created_at):
        if mention.id in known.conversations:
            outcome.duplicates.append(mention.id)
            continue
        conversation = conversation_for(mention, known, window)
        mention = mention.model_copy(update={"conversation_id": conversation})
        known.conversations[mention.id] = conversation
        change = _change(outcome.conversations, mention)
        if mention.direction == Direction.outbound:
            change.outbound += 1
            change.outbound_at.append(mention.created_at)
            # Counted as the conversation's response; not handed to the case, whose workflow takes only
            # the customer's messages (replies sent through Switchboard are its own).
            outcome.processed.append(Processed(mention, None, needs_response=False, deliver=False))
            continue
        tags, needs = screen(mention)
        change.inbound += 1
        change.last_inbound_at = mention.created_at
        change.first_inbound_at = change.first_inbound_at or mention.created_at
        if needs and change.first_needing_at is None:
            change.first_needing_at = mention.created_at
        change.customer = change.customer or mention.author
        known.last_inbound[(mention.source, mention.author)] = (conversation, mention.created_at)
        if needs and conversation not in known.actionable:
            known.actionable.add(conversation)
            change.became_actionable = True
        outcome.processed.append(Processed(mention, tags, needs_response=needs,
                                           deliver=conversation in known.actionable))
    return outcome


def _change(changes: dict[str, ConversationChange], mention: Mention) -> ConversationChange:
    change = changes.get(mention.conversation_id)
    if change is None:
        change = changes[mention.conversation_id] = ConversationChange(
            id=mention.conversation_id, source=mention.source, customer=None, first_at=mention.created_at,
            last_at=mention.created_at, thread_id=mention.thread_id)
    change.last_at = max(change.last_at, mention.created_at)
    return change


def lookups(mentions: Iterable[Mention]) -> tuple[set[str], set[tuple[str, str]]]:
    """The mention ids (the batch's own and their reply parents) and (source, author) pairs to look up."""
    ids: set[str] = set()
    authors: set[tuple[str, str]] = set()
    for m in mentions:
        ids.add(m.id)
        if m.reply_to_id:
            ids.add(mention_id(m.source, m.reply_to_id))
        if m.direction == Direction.inbound:
            authors.add((m.source, m.author))
    return ids, authors
