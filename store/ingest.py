"""Taking in a batch of mentions: dedupe, thread, tag, triage, route and store in one transaction.

One write transaction per batch reads what the store knows about the batch (its ids, reply parents,
authors' latest mentions, actionable conversations), runs the pure pipeline (engine.discovery), and
writes the new mentions and the conversations' counts. In the same transaction each mention of an
actionable conversation gets its case (store.decisions): it joins the open one, or opens one, routed
and assigned, and an outbox entry says what its workflow must hear. The relay (store.relay) tells the
workflows after the commit; nothing here waits for Temporal, and a crash anywhere loses nothing.
Mentions of conversations that need no response are stored and counted, and open no case.

Each mention's tagging has a budget of the thread's CPU time (`SWITCHBOARD_TAGGING_BUDGET_MS`, see
`store.budget`): a flow whose many patterns and rules together run long over a long text has the rest of
its tagging skipped for that mention, which is stored and triaged with the tags found, and a warning is logged.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial

from sqlalchemy import Engine, bindparam, func, insert, text, tuple_, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, col, select

from engine.discovery.pipeline import BatchOutcome, ConversationChange, Known, Processed, lookups, process_batch
from engine.flows import CompiledFlow
from engine.measures import first_response_after, first_response_start
from engine.messages import SendReplyInput
from engine.models import SYSTEM_ACTOR, Direction, Mention, mention_id
from engine.tagging import TagBudget
from store import mention_rollup
from store.budget import DEFAULT_TAGGING_BUDGET_MS, tagging_budget
from store.compiled_flows import compiled
from store.conversations import Conversation
from store.customers import link_customers
from store.db import session_scope
from store.decisions import Placement, place
from store.event_payloads import mentions_out
from store.flows import active_flow
from store.mentions import Mention as MentionRow
from store.sources import Source

log = logging.getLogger("switchboard.discovery")

STORE_ATTEMPTS = 6
STORE_LOCK = 0x5357_4244  # the advisory lock key of discovery's batches on PostgreSQL
RETRYABLE = frozenset({"40P01", "40001"})  # PostgreSQL: deadlock, serialization failure


class NoActiveFlow(RuntimeError):
    pass


def compiled_flow(session: Session) -> CompiledFlow:
    """The active flow, compiled once per version."""
    row = active_flow(session=session)
    if row is None:
        raise NoActiveFlow("no flow is active; publish one before taking in mentions")
    return compiled(row)


@dataclass
class StoredBatch:
    flow_version: str
    outcome: BatchOutcome
    replay: bool
    cases: dict[str, str | None] = field(default_factory=dict)  # mention id -> its case (None: none needed)

    @property
    def to_tell(self) -> int:
        """How many of the batch's mentions the relay will hand to a case workflow."""
        return sum(1 for case in self.cases.values() if case is not None)


def store_batch(*, engine: Engine, mentions: list[Mention], replay: bool = False,
                cursor: tuple[str, str | None] | None = None,
                tagging_budget_ms: float = DEFAULT_TAGGING_BUDGET_MS, now: datetime | None = None) -> StoredBatch:
    """Dedupe, thread, tag, triage and store a batch in one transaction (see the module docstring).

    `replay` backfills history: everything is stored, threaded, tagged and counted, and no case
    workflow is started (the conversations are old; their responses are already in the file).
    `cursor` (source, cursor) is saved on the source in the same transaction: a polled page and
    the cursor after it are stored together or not at all. `tagging_budget_ms` is each mention's
    tagging budget (the `tagging_budget_ms` setting). `now` is when cases it opens are opened (their SLA
    clocks start then): the wall clock, or a test's virtual clock that the workflows' timers share.
    """
    budget = tagging_budget(tagging_budget_ms)
    for attempt in range(STORE_ATTEMPTS):
        try:
            stored = _store(engine, mentions, replay=replay, cursor=cursor, budget=budget, now=now)
        except (IntegrityError, OperationalError) as exc:
            # Batches are stored one at a time, but a reply being recorded (record_outbound) can still
            # create the same conversation first, or deadlock with us: redo the batch, whose read then
            # sees what the other committed.
            raced = isinstance(exc, IntegrityError) or getattr(exc.orig, "sqlstate", None) in RETRYABLE
            if isinstance(exc, OperationalError) and "database is locked" in str(exc.orig):
                # SQLite's writer lock held past the busy timeout (a long transaction elsewhere): nothing was
                # stored, and waiting again here would only hold the sender longer.
                raise StoreContended("the database stayed locked by another writer") from exc
            if not raced:
                raise
            if attempt == STORE_ATTEMPTS - 1:
                raise StoreContended(f"the batch lost {STORE_ATTEMPTS} races with concurrent writes") from exc
        else:
            _warn_cut_short(stored)
            return stored
    raise AssertionError("unreachable")


class StoreContended(RuntimeError):
    """A batch that kept racing other writes; nothing of it was stored, and sending it again is safe."""


def _warn_cut_short(stored: StoredBatch) -> None:
    # Ids and the flow's path only: a mention's text and author stay out of the logs.
    for p in stored.outcome.processed:
        if p.tags is not None and p.tags.cut_short is not None:
            cut = p.tags.cut_short
            log.warning("tagging of mention %s cut short by its budget (%s of %s ms CPU) before %s of flow %s; "
                        "stored and triaged with the tags found", p.mention.id, cut["spent_ms"], cut["budget_ms"],
                        cut["path"], stored.flow_version)


def _store(engine: Engine, mentions: list[Mention], *, replay: bool, cursor: tuple[str, str | None] | None,
           budget: TagBudget, now: datetime | None) -> StoredBatch:
    with session_scope(engine, eager_lock=True) as session:
        lock_ingest(session)
        flow = compiled_flow(session)
        window = timedelta(seconds=flow.thread_window_seconds)
        known = _known(session, mentions, window)
        outcome = process_batch(mentions, known, partial(flow.screen, budget=budget), window=window)
        customers = link_customers(session, ((p.mention.source, p.mention.author, p.mention.created_at)
                                             for p in outcome.processed if p.mention.direction == Direction.inbound))
        at = now or datetime.now(UTC)  # received, and its case decided: once the batch holds the write lock
        _insert_mentions(session, outcome.processed, replay=replay, customers=customers, at=at)
        _merge_conversations(session, outcome.conversations.values(), customers)
        cases = {} if replay else place(session, flow=flow, now=at, placements=[
            Placement(mention=p.mention, tags=p.tags, needs_response=p.needs_response)
            for p in outcome.to_deliver if p.tags is not None])
        if not replay:
            inbound = [(p.mention, p.tags) for p in outcome.processed if p.mention.direction == Direction.inbound]
            mentions_out(session, inbound, cases=cases, customers=customers, at=at)
        if cursor is not None:
            session.execute(update(Source).where(col(Source.id) == cursor[0]).values(cursor=cursor[1]))
    return StoredBatch(flow_version=flow.version, outcome=outcome, replay=replay, cases=cases)


def lock_ingest(session: Session) -> None:
    """One batch at a time on PostgreSQL, as SQLite's write lock gives: batches overlap (a thread's
    replies, an author's follow-ups, a customer's identities), and exact counts need each to see the last."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": STORE_LOCK})


def _known(session: Session, mentions: list[Mention], window: timedelta) -> Known:
    ids, authors = lookups(mentions)
    known = Known()
    if ids:
        known.conversations = dict(session.exec(
            select(MentionRow.id, MentionRow.conversation_id).where(col(MentionRow.id).in_(ids))).all())
    if authors and window:
        since = min(m.created_at for m in mentions) - window
        rows = session.exec(
            select(MentionRow.source, MentionRow.author, MentionRow.conversation_id, MentionRow.created_at)
            .where(tuple_(col(MentionRow.source), col(MentionRow.author)).in_(list(authors)),
                   MentionRow.direction == Direction.inbound, col(MentionRow.created_at) >= since)).all()
        for source, author, conversation, at in rows:
            latest = known.last_inbound.get((source, author))
            if latest is None or at > latest[1]:
                known.last_inbound[(source, author)] = (conversation, at)
    candidates = set(known.conversations.values()) | {c for c, _ in known.last_inbound.values()} | ids
    candidates |= {mention_id(m.source, f"thread:{m.thread_id}") for m in mentions if m.thread_id}
    if candidates:
        known.actionable = set(session.exec(select(Conversation.id).where(
            col(Conversation.id).in_(candidates), col(Conversation.actionable))).all())
    return known


def _insert_mentions(session: Session, processed: list[Processed], *, replay: bool,
                     customers: dict[tuple[str, str], str], at: datetime) -> None:
    if not processed:
        return
    rows = []
    for p in processed:
        m, tags = p.mention, p.tags
        rows.append({
            "id": m.id, "source": m.source, "external_id": m.external_id, "conversation_id": m.conversation_id,
            "author": m.author, "text": m.text, "created_at": m.created_at, "received_at": at,
            "reply_to_id": m.reply_to_id, "direction": m.direction, "thread_id": m.thread_id,
            "author_followers": m.author_followers, "author_verified": m.author_verified,
            "tags": tags.keywords if tags else None, "sentiment": tags.sentiment if tags else None,
            "language": tags.language if tags else None,
            "needs_response": p.needs_response if m.direction == Direction.inbound else None,
            "case_id": None, "dispatched": replay or not p.deliver,
            "customer_id": customers.get((m.source, m.author)) if m.direction == Direction.inbound else None,
        })
    # A mention that raced in through another batch since our read fails this insert, and the whole
    # batch is redone (store_batch): counting it twice in its conversation is not an option.
    rows.sort(key=lambda row: row["id"])  # every batch takes its locks in one order: no deadlock cycles
    session.execute(insert(MentionRow.__table__), rows)  # type: ignore[attr-defined]
    mention_rollup.added(session, rows)


def _merge_conversations(session: Session, changes: Iterable[ConversationChange],
                         customers: dict[tuple[str, str], str] | None = None) -> None:
    """Fold a batch's changes into the conversation rows: plain rows and two executemany statements
    (building ORM objects cost more than the rest of a batch's storage). Runs after the batch's mentions are
    inserted: a first response looked up again (`_first_replies`) sees the batch's own replies too."""
    changes = list(changes)
    if not changes:
        return
    table = Conversation.__table__  # type: ignore[attr-defined]
    columns = [c.name for c in table.columns]
    # Locked (PostgreSQL), so two batches adding to one conversation add up; SQLite's writes are serial.
    stored = {row["id"]: dict(row) for row in session.execute(
        select(table).where(table.c.id.in_(sorted(c.id for c in changes))).with_for_update()).mappings()}
    inserts, updates, moved = [], [], {}
    for change in changes:
        row = stored.get(change.id)
        known = row is not None
        if row is None:
            row = dict.fromkeys(columns)
            row.update(id=change.id, source=change.source, thread_id=change.thread_id, first_at=change.first_at,
                       last_at=change.last_at, inbound_count=0, outbound_count=0, actionable=False)
            inserts.append(row)
        else:
            row["first_at"] = min(row["first_at"], change.first_at)
            updates.append(row)
        row["customer"] = row["customer"] or change.customer
        if row["customer_id"] is None and row["customer"] and customers:
            row["customer_id"] = customers.get((row["source"], row["customer"]))
        row["last_at"] = max(row["last_at"], change.last_at)
        if change.last_inbound_at is not None:
            row["last_inbound_at"] = max(filter(None, (row["last_inbound_at"], change.last_inbound_at)))
        # The first response runs from the first inbound mention needing a response (engine.measures), not
        # from the conversation's first mention, which may be our own post.
        start = first_response_start(stored=row["first_response_from"], stored_needed=bool(row["actionable"]),
                                     first_inbound=change.first_inbound_at, first_needing=change.first_needing_at)
        if known and start != row["first_response_from"]:
            moved[row["id"]] = start  # our replies stored before this batch may answer it: looked up below
        elif start is not None:
            recorded = [] if row["first_response_at"] is None else [row["first_response_at"]]
            row["first_response_at"] = first_response_after(start, [*recorded, *change.outbound_at])
        row["first_response_from"] = start
        row["inbound_count"] += change.inbound
        row["outbound_count"] += change.outbound
        row["actionable"] = row["actionable"] or change.became_actionable
    replies = _first_replies(session, moved)
    for row in [*inserts, *updates]:
        if row["id"] in moved:
            row["first_response_at"] = replies.get(row["id"])
        start, answered = row["first_response_from"], row["first_response_at"]
        row["first_response_seconds"] = None if start is None or answered is None else (
            answered - start).total_seconds()
    if inserts:
        session.execute(insert(table), sorted(inserts, key=lambda row: row["id"]))
    if updates:
        changed = [c for c in columns if c != "id"]
        statement = update(table).where(table.c.id == bindparam("row_id")).values(
            {c: bindparam(f"new_{c}") for c in changed})
        session.execute(statement, [{"row_id": r["id"], **{f"new_{c}": r[c] for c in changed}} for r in updates])


def _first_replies(session: Session, starts: dict[str, datetime | None]) -> dict[str, datetime]:
    """Each conversation's first reply of ours at or after its new first-response start (stored mentions,
    this batch's included): a conversation whose clock moved (its first customer mention after our post, or
    its first mention needing a response after praise) looks again. Rare: at most a few times a conversation."""
    found: dict[str, datetime] = {}
    for conversation_id, start in sorted(starts.items()):
        if start is None:
            continue
        at = session.exec(select(func.min(MentionRow.created_at)).where(
            MentionRow.conversation_id == conversation_id, MentionRow.direction == Direction.outbound,
            MentionRow.author != SYSTEM_ACTOR, col(MentionRow.created_at) >= start)).one()
        if at is not None:
            found[conversation_id] = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return found


def record_outbound(*, engine: Engine, reply: SendReplyInput, external_id: str,
                    at: datetime) -> tuple[str, datetime]:
    """Store a reply we sent as an outbound mention of its conversation, counted as a response; idempotent.

    Returns the mention's id and when it was sent: the first record's time when an earlier attempt stored it.
    """
    row_id = mention_id(reply.source, external_id)
    parent = reply.in_reply_to
    prefix = f"{reply.source}:"
    with session_scope(engine) as session:
        if (known := session.get(MentionRow, row_id)) is not None:
            return row_id, known.created_at
        session.add(MentionRow(
            id=row_id, source=reply.source, external_id=external_id, conversation_id=reply.conversation_id,
            case_id=reply.case_id, author=reply.agent_id, text=reply.text, created_at=at, received_at=at,
            reply_to_id=parent.removeprefix(prefix) if parent else None, direction=Direction.outbound,
            dispatched=True))
        change = ConversationChange(id=reply.conversation_id, source=reply.source, customer=None, first_at=at,
                                    last_at=at, outbound=1,
                                    # An auto-reply is no human's response: the conversation's first response waits.
                                    outbound_at=[] if reply.agent_id == SYSTEM_ACTOR else [at])
        _merge_conversations(session, [change])
    return row_id, at
