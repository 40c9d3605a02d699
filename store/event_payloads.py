"""The payload of each event type (one pydantic model per type, versioned), and where they are built.

Payloads are small and stable: a case event carries the case as it stood when the event was written, with
its links, and its customer with every identity (source and handle), so a CRM can upsert the contact and
attach the conversation without calling back. A model's `VERSION` changes only when a field changes meaning
or goes away; new optional fields keep the version. Links are paths relative to the Switchboard's base URL.

Case events come from the case timeline (`case_events_out`, called wherever new case_event rows are
written: the ingest transaction, the workflow's save, the deadline sweeper), mapped from timeline kinds by
`TIMELINE`; a row written again (a save tried again) is not new, so it emits nothing twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, ClassVar

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import bindparam, event
from sqlalchemy.orm import Session as SaSession
from sqlmodel import Session, col, select

from store.cases import Case
from store.conversations import Conversation
from store.customers import Customer, CustomerIdentity
from store.events_out import Emitted, EventType, built, emit_many

T = EventType


class Identity(BaseModel):
    source: str = Field(description="The channel (twitter, email...)")
    handle: str = Field(description="The handle or address on it")


class CustomerRef(BaseModel):
    id: str
    name: str
    identities: list[Identity] = Field(description="Every identity the customer has, oldest first")
    merged_into: str | None = None


class CaseLinks(BaseModel):
    api: str = Field(description="The case in the API, e.g. /api/cases/<id>")
    designer: str = Field(description="The case in the designer, e.g. /#/cases/<id>/show")
    conversation: str = Field(description="Its conversation in the API")


class CaseRef(BaseModel):
    id: str
    status: str
    priority: str
    source: str
    conversation_id: str
    team_id: str | None
    assignee_id: str | None
    subject: str
    tags: list[str]
    opened_at: datetime
    closed_at: datetime | None
    links: CaseLinks


class CaseChange(BaseModel):
    """What every case event carries."""

    VERSION: ClassVar[int] = 1
    case: CaseRef
    customer: CustomerRef | None = Field(description="The customer of the case's conversation, if known")
    timeline_event: str = Field(description="The case_event row this event comes from (/api/case_events/<id>)")
    actor: str = Field(description="Who made the change: an agent's id, or system")


class CaseOpened(CaseChange):
    mention_id: str | None = Field(default=None, description="The mention that opened the case")


class CaseAssigned(CaseChange):
    agent_id: str | None = None
    team_id: str | None = None
    previous: str | None = Field(default=None, description="The agent it was assigned to before, on a reassignment")


class CaseClaimed(CaseChange):
    mode: str | None = None


class CaseReplied(CaseChange):
    reply_id: str | None = None
    mention_id: str | None = Field(default=None, description="The reply as an outbound mention")
    canned_reply_id: str | None = Field(default=None, description=(
        "Set when the reply was the flow's auto-reply (actor `system`), the canned reply it sent; an auto-reply "
        "is no response to the customer in Switchboard's measures"))


class CaseEscalated(CaseChange):
    level: int | None = None
    target: str | None = Field(default=None, description="The SLA target (first_response, resolution...)")


class CaseSlaBreached(CaseChange):
    target: str | None = None


class CaseTransferred(CaseChange):
    from_team: str | None = None
    to_team: str | None = None
    note: str | None = None


class CaseClosed(CaseChange):
    reason: str | None = None


class CaseMeasured(CaseChange):
    first_response_seconds: float | None = None
    resolution_seconds: float | None = None
    handle_seconds: float | None = None
    sla_breached: bool | None = None
    sla_outcomes: dict[str, str] = Field(default_factory=dict)


class MentionRef(BaseModel):
    id: str
    source: str
    external_id: str
    conversation_id: str
    author: str
    text: str
    created_at: datetime
    sentiment: float | None = None
    tags: list[str] = Field(default_factory=list)


class MentionReceived(BaseModel):
    """A mention taken in. Its author is `mention.source` + `mention.author`; the customer's other identities
    are in case.opened and customer.created (kept out of here: this one is written for every mention)."""

    VERSION: ClassVar[int] = 1
    mention: MentionRef
    case_id: str | None = Field(description="The case it opened or joined; None: it needs no response")
    customer_id: str | None = Field(description="The customer its author is")


class CustomerCreated(BaseModel):
    VERSION: ClassVar[int] = 1
    customer: CustomerRef


class CustomerMerged(BaseModel):
    VERSION: ClassVar[int] = 1
    customer: CustomerRef = Field(description="The customer kept, with the identities of both")
    merged_id: str = Field(description="The customer merged into it (kept, marked merged_into)")
    actor: str


class CustomerNoted(BaseModel):
    VERSION: ClassVar[int] = 1
    customer: CustomerRef
    note: dict[str, Any] = Field(description="at, author, kind, text")


class FlowChange(BaseModel):
    VERSION: ClassVar[int] = 1
    version: str
    name: str
    actor: str | None


class CrisisStarted(BaseModel):
    VERSION: ClassVar[int] = 1
    actor: str = Field(description="Who started it: a user id, or crisis-watch when the spike detection did")
    automatic: bool
    reason: str
    crisis_flow: str | None = Field(description="The flow version new cases now start with (null: unchanged)")
    normal_flow: str | None = Field(description="The version that was active before")
    guests: list[list[str]] = Field(description="[queue, agent id] of each backup agent brought into a queue")
    figures: list[dict[str, Any]] = Field(description="The counts against their baselines that fired it")


class CrisisEnded(BaseModel):
    VERSION: ClassVar[int] = 1
    actor: str
    reason: str
    since: datetime | None = Field(description="When the crisis started")
    restored_flow: str | None = Field(description="The version restored (null: someone activated another meanwhile)")
    guests_removed: list[list[str]] = Field(description="[queue, agent id] of each backup agent taken out")


class TestPing(BaseModel):
    VERSION: ClassVar[int] = 1
    subscription_id: str
    message: str = "a test event from Switchboard"


PAYLOADS: dict[EventType, type[BaseModel]] = {
    T.case_opened: CaseOpened, T.case_assigned: CaseAssigned, T.case_claimed: CaseClaimed,
    T.case_replied: CaseReplied, T.case_escalated: CaseEscalated, T.case_sla_breached: CaseSlaBreached,
    T.case_transferred: CaseTransferred, T.case_closed: CaseClosed, T.case_measured: CaseMeasured,
    T.mention_received: MentionReceived, T.customer_created: CustomerCreated, T.customer_merged: CustomerMerged,
    T.customer_noted: CustomerNoted, T.flow_published: FlowChange, T.flow_activated: FlowChange,
    T.crisis_started: CrisisStarted, T.crisis_ended: CrisisEnded, T.test: TestPing,
}

# Timeline kinds (case_event.kind) that are events out, once each. A case opens with its first timeline event.
TIMELINE: dict[str, EventType] = {
    "assigned": T.case_assigned, "reassigned": T.case_assigned, "claimed": T.case_claimed,
    "replied": T.case_replied, "auto_replied": T.case_replied, "escalated": T.case_escalated,
    "sla_breached": T.case_sla_breached,
    "transferred": T.case_transferred, "closed": T.case_closed, "measured": T.case_measured,
}


def timeline_type(kind: str, seq: int) -> EventType | None:
    if seq == 1 and kind == "mention_added":
        return T.case_opened
    return TIMELINE.get(kind)


# ---- building ------------------------------------------------------------------------------------------
_people = Customer.__table__  # type: ignore[attr-defined]
_handles = CustomerIdentity.__table__  # type: ignore[attr-defined]
# Built once (an expanding parameter for the ids): SQLAlchemy compiles it once, not each batch.
_CUSTOMERS = (select(_people.c.id, _people.c.name, _people.c.merged_into, _handles.c.source, _handles.c.handle)
              .select_from(_people.outerjoin(_handles, _handles.c.customer_id == _people.c.id))
              .where(_people.c.id.in_(bindparam("ids", expanding=True)))
              .order_by(_people.c.id, _handles.c.first_seen_at, _handles.c.id))


# The customers this transaction created (customers_created_out), as their events describe them: all they are so
# far, so the cases' events of the same ingest need not read them back.
_MADE = "switchboard.event_payloads.customers_made"


@event.listens_for(SaSession, "after_transaction_end")
def _forget_made(session: SaSession, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_MADE, None)


def customers_by_id(session: Session, ids: Iterable[str | None]) -> dict[str, CustomerRef]:
    """The customers of `ids` with their identities: those this transaction created as it made them, the others
    in one plain select (this is on the ingest path)."""
    made: dict[str, CustomerRef] = session.info.get(_MADE, {})
    wanted = sorted({i for i in ids if i})
    found = {i: made[i] for i in wanted if i in made}
    wanted = [i for i in wanted if i not in found]
    if not wanted:
        return found
    for customer_id, name, merged, source, handle in session.execute(_CUSTOMERS, {"ids": wanted}).all():
        if (ref := found.get(customer_id)) is None:
            ref = found[customer_id] = CustomerRef(id=customer_id, name=name, identities=[], merged_into=merged)
        if source is not None:
            ref.identities.append(Identity(source=source, handle=handle))
    return found


def customer_ref(session: Session, customer_id: str) -> CustomerRef | None:
    return customers_by_id(session, [customer_id]).get(customer_id)


# The references below are built unchecked (events_out.built, as model_construct would): every value comes from a
# row or a model already checked, of the field's type (tests/api/test_events_out_mapping.py validates what they
# serialize to, text for text). Checking each again cost ingest a sixth of what writing its events costs; and
# model_construct, which walks the fields for defaults and aliases, twice what writing each one's JSON does.
def case_ref(case: Case) -> CaseRef:
    try:  # its values as its attributes give them when loaded (each read through an attribute is a call: 11 a case)
        d = case.__dict__
        case_id, status, priority, source, conversation_id, team_id, assignee_id, subject, tags, opened_at, \
            closed_at = (d["id"], d["status"], d["priority"], d["source"], d["conversation_id"], d["team_id"],
                         d["assignee_id"], d["subject"], d["tags"], d["opened_at"], d["closed_at"])
    except KeyError:  # one not loaded (expired by a commit, say): its attributes load it
        case_id, status, priority, source, conversation_id, team_id, assignee_id, subject, tags, opened_at, \
            closed_at = (case.id, case.status, case.priority, case.source, case.conversation_id, case.team_id,
                         case.assignee_id, case.subject, case.tags, case.opened_at, case.closed_at)
    return built(CaseRef, {
        "id": case_id, "status": str(status), "priority": str(priority), "source": source,
        "conversation_id": conversation_id, "team_id": team_id, "assignee_id": assignee_id, "subject": subject,
        "tags": list(tags or []), "opened_at": opened_at, "closed_at": closed_at,
        "links": built(CaseLinks, {"api": f"/api/cases/{case_id}", "designer": f"/#/cases/{case_id}/show",
                                   "conversation": f"/api/conversations/{conversation_id}"})})


# Each case event type's own fields (beyond CaseChange's), looked up once.
_OWN_FIELDS = {model: tuple(name for name in model.model_fields if name not in CaseChange.model_fields)
               for model in PAYLOADS.values() if issubclass(model, CaseChange)}


def case_events_out(session: Session, rows: Iterable[Mapping[str, Any]], *,
                    cases: Mapping[str, Case] | None = None, owners: Mapping[str, str | None] | None = None) -> int:
    """Emit the events out of newly written case_event rows (id, case_id, seq, kind, actor, at, detail), in the
    caller's transaction; returns how many. Rows of other kinds cost nothing. What the caller has already is not
    read again (the ingest's): `cases`, its own objects of (some of) those cases as this transaction leaves them,
    and `owners`, conversations' customers."""
    mapped = []
    for row in rows:  # timeline_type's mapping, inline: an ingest batch's rows are mostly of other kinds
        if (kind := TIMELINE.get(row["kind"])) is not None:
            mapped.append((row, kind))
        elif row["kind"] == "mention_added" and row.get("seq") == 1:
            mapped.append((row, T.case_opened))
    if not mapped:
        return 0
    # The cases as this transaction leaves them: the caller's, the session's own (new or changed), else read.
    case_ids = {row["case_id"] for row, _ in mapped}
    known = {i: c for i, c in (cases or {}).items() if i in case_ids}
    if unseen := case_ids - known.keys():
        known |= {o.id: o for o in session.new if isinstance(o, Case) and o.id in unseen}
    with session.no_autoflush:  # plain tables' rows: the session's pending objects are flushed at commit
        missing = sorted(case_ids - known.keys())
        if missing:  # one select; a case the session holds changed comes back as its object, unchanged by it
            known |= {c.id: c for c in session.exec(select(Case).where(col(Case.id).in_(missing)))}
        owners = dict(owners or {})
        if unknown := sorted({c.conversation_id for c in known.values()} - owners.keys()):
            conversations = Conversation.__table__  # type: ignore[attr-defined]
            owners |= dict(session.execute(select(conversations.c.id, conversations.c.customer_id).where(
                conversations.c.id.in_(unknown))).all())
        people = customers_by_id(session, (owners.get(c.conversation_id) for c in known.values()))
    # A case opened has two events (opened, assigned) with one reference to it and its customer.
    described: dict[str, tuple[CaseRef, CustomerRef | None]] = {}
    events = []
    for row, kind in mapped:
        case_id = row["case_id"]
        if (about := described.get(case_id)) is None:
            if (case := known.get(case_id)) is None:
                continue
            about = described[case_id] = (case_ref(case), people.get(owners.get(case.conversation_id) or ""))
        detail = row.get("detail") or {}
        common = {"case": about[0], "customer": about[1], "timeline_event": row["id"],
                  "actor": row.get("actor") or "system"}
        model = PAYLOADS[kind]
        fields = {name: detail[name] for name in _OWN_FIELDS[model] if name in detail}
        try:
            data = model.model_validate({**common, **fields})
        except ValidationError:  # a detail of an unexpected shape: the event goes out without it
            data = model.model_validate(common)
        events.append(Emitted(kind, data, case_id, row["at"]))
    return emit_many(session, events)


def mentions_out(session: Session, mentions: Iterable[Any], *, cases: Mapping[str, str | None],
                 customers: Mapping[tuple[str, str], str], at: datetime) -> int:
    """A batch's `mention.received` events ((engine.models.Mention, its Tags or None) pairs), in one statement."""
    events = []
    for m, tags in mentions:
        ref = built(MentionRef, {
            "id": m.id, "source": m.source, "external_id": m.external_id, "conversation_id": m.conversation_id,
            "author": m.author, "text": m.text, "created_at": m.created_at,
            "sentiment": tags.sentiment if tags else None, "tags": list(tags.keywords) if tags else []})
        case_id = cases.get(m.id)
        events.append(Emitted(T.mention_received, built(MentionReceived, {
            "mention": ref, "case_id": case_id, "customer_id": customers.get((m.source, m.author))}), case_id, at))
    return emit_many(session, events, now=at)


def customers_created_out(session: Session, people: list[dict[str, Any]], identities: list[dict[str, Any]]) -> int:
    """`customer.created` for rows link_customers just inserted (with the identities it gave them)."""
    theirs: dict[str, list[Identity]] = defaultdict(list)
    for row in identities:
        theirs[row["customer_id"]].append(built(Identity, {"source": row["source"], "handle": row["handle"]}))
    refs = [built(CustomerRef, {"id": row["id"], "name": row["name"], "identities": theirs[row["id"]],
                                "merged_into": None}) for row in people]
    made = session.info.setdefault(_MADE, {})
    for customer_id in theirs.keys() - {ref.id for ref in refs}:
        made.pop(customer_id, None)  # made earlier in this transaction, and given another identity since
    made.update((ref.id, ref) for ref in refs)
    return emit_many(session, [Emitted(T.customer_created, built(CustomerCreated, {"customer": ref}), None,
                                       row["first_seen_at"])
                               for ref, row in zip(refs, people, strict=True)])
