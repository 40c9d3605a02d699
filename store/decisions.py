"""Which case each actionable mention belongs to, decided in the ingest transaction.

A mention of a conversation whose case is open (or closed, within its reopen window) joins that case:
an outbox entry tells its workflow. Otherwise a mention that needs a response opens a case, here and
now: the flow classifies it (triage, queue, priority, SLA policy, with their evidence), routing queues
it and gives it an agent if one has capacity (store.routing.service, under the team's lock), and the
case row and its opening events are written, so the agent sees the case when this transaction
commits. The outbox entry that starts its workflow carries the same decision (engine.opening).
A mention that needs no response and has no case to join is stored and counted only.

So a case opens at its conversation's first inbound mention needing a response: the brand's own posts
(an announcement customers reply to; they never come here) and the customer's mentions that needed nothing
open none. Its `opened_at`, its first-response SLA clock and its first response (engine.measures) all run from
that moment, `now`: when that mention was received and decided.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlmodel import Session, col, select

from engine.flows import CompiledFlow
from engine.messages import CaseDecision, CaseInput, Classification, RouteRequest, RoutingState
from engine.models import CaseStatus, Mention, Tags, decided_workflow_id
from engine.opening import classify, opening
from engine.slas import pending_events
from store.audit import append
from store.audit.cases import case_changes
from store.case_events import CaseEvent
from store.cases import Case, case_fields
from store.conversations import Conversation
from store.deadlines import deadline_rows, insert_deadlines
from store.event_payloads import case_events_out
from store.mentions import Mention as MentionRow
from store.outbox import Kind, enqueue, routing_entry
from store.rollups import mark_on_commit
from store.routing import service as routing


@dataclass
class Placement:
    """A new mention of an actionable conversation, tagged, with triage's answer."""

    mention: Mention
    tags: Tags
    needs_response: bool


def place(session: Session, *, flow: CompiledFlow, placements: list[Placement], now: datetime,
          finished_case: str | None = None) -> dict[str, str | None]:
    """Give each mention its case (see the module docstring); returns mention id -> case id (None: no case).

    Runs in the caller's write transaction, after the mentions and their conversations are stored.
    `finished_case`: a case whose workflow has ended, so it takes nothing more whatever its row says.
    """
    if not placements:
        return {}
    ids = sorted({p.mention.conversation_id for p in placements})
    conversations = {c.id: c for c in session.exec(
        select(Conversation).where(col(Conversation.id).in_(ids)).with_for_update()).all()}
    current = [c.case_id for c in conversations.values() if c.case_id]
    cases = {c.id: c for c in session.exec(select(Case).where(col(Case.id).in_(current)))} if current else {}
    window = timedelta(seconds=flow.reopen_window_seconds)
    placed: dict[str, str | None] = {}
    entries: list[dict[str, Any] | _NewCase] = []  # in the order the workflows must hear them
    fresh: dict[str, _NewCase] = {}  # conversation id -> the case this batch opens for it
    for p in placements:
        conversation = conversations[p.mention.conversation_id]
        new = fresh.get(conversation.id)
        case = cases.get(conversation.case_id or "")
        if new is not None or (case is not None and case.id != finished_case and _joinable(case, window, now)):
            case_id, workflow_id = (new.case_id, new.workflow_id) if new is not None else (case.id, case.workflow_id)
            entries.append({"workflow_id": workflow_id, "kind": Kind.mention, "case_id": case_id,
                            "mention_id": p.mention.id})
            placed[p.mention.id] = case_id
        elif p.needs_response:
            new = fresh[conversation.id] = _NewCase.classified(flow, p)
            entries.append(new)
            conversation.case_id = new.case_id
            session.add(conversation)
            placed[p.mention.id] = new.case_id
        else:
            placed[p.mention.id] = None
    owners = {c.id: c.customer_id for c in conversations.values()}
    enqueue(session, _open_cases(session, flow, entries, now, owners), now)
    # Undispatched until the relay has told the workflow; a mention with no case has nothing to tell.
    mentions = MentionRow.__table__  # type: ignore[attr-defined]
    session.execute(update(mentions).where(mentions.c.id == bindparam("mention")).values(
        case_id=bindparam("case"), dispatched=bindparam("nothing_to_tell")),
        [{"mention": m, "case": c, "nothing_to_tell": c is None} for m, c in sorted(placed.items())])
    mark_on_commit(session, placed.values())  # their cases' next-response waits (store.rollups)
    return placed


def _joinable(case: Case, window: timedelta, now: datetime) -> bool:
    if case.status != CaseStatus.closed:
        return True
    # Within its reopen window the case's workflow decides (reopen, or keep closed); after it, a new case.
    return case.closed_at is not None and now < case.closed_at + window


@dataclass
class _NewCase:
    """A case this batch opens: classified by the flow, then routed with the batch's others."""

    placement: Placement
    classification: Classification
    case_id: str
    workflow_id: str

    @classmethod
    def classified(cls, flow: CompiledFlow, p: Placement) -> _NewCase:
        case_id = str(uuid.uuid4())
        return cls(p, classify(flow, p.mention, p.tags), case_id, decided_workflow_id(case_id))

    def route_request(self) -> RouteRequest:
        cls, mention = self.classification, self.placement.mention
        return RouteRequest(case_id=self.case_id, workflow_id=self.workflow_id, team_id=cls.team_id,
                            priority=cls.triage.priority, channel=mention.source, language=cls.language,
                            required_skills=cls.required_skills, optional_skills=cls.optional_skills)


def _open_cases(session: Session, flow: CompiledFlow, entries: list[dict[str, Any] | _NewCase],
                now: datetime, owners: dict[str, str | None]) -> list[dict[str, Any]]:
    """Route the batch's new cases together, write each case with its opening events and deadlines, and
    return the outbox entries with each new case's start in its place, then the other cases' routing changes.
    `owners`: each of the batch's conversations' customer."""
    new = [entry for entry in entries if isinstance(entry, _NewCase)]
    if not new:
        return entries  # type: ignore[return-value]
    states, others = routing.queue_new(session, [case.route_request() for case in new], now)
    out: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    deadlines: list[dict[str, Any]] = []
    opened: dict[str, Case] = {}
    for entry in entries:
        out.append(entry if isinstance(entry, dict) else
                   _open_case(session, flow, entry, states[entry.case_id], now, events, deadlines, opened))
    # The batch's rows in one statement each, after its cases (their key).
    session.execute(insert(CaseEvent.__table__), events)  # type: ignore[attr-defined]
    append(session, case_changes(events), now)
    case_events_out(session, events, cases=opened, owners=owners)
    insert_deadlines(session, deadlines)
    out.extend(routing_entry(change) for change in others)
    return out


def _open_case(session: Session, flow: CompiledFlow, new: _NewCase, routed: RoutingState | routing.RoutingRefused,
               now: datetime, events: list[dict[str, Any]], deadlines: list[dict[str, Any]],
               opened_cases: dict[str, Case]) -> dict[str, Any]:
    """Add the case's row (to `opened_cases` too), its opening events and deadlines to the batch's; returns its
    start entry."""
    case_id, workflow_id, mention = new.case_id, new.workflow_id, new.placement.mention
    if isinstance(routed, routing.RoutingRefused):
        # e.g. the flow routes to a team nobody created: the case waits, visibly, and its workflow asks again.
        routed = RoutingState(case_id=case_id, workflow_id=workflow_id, seq=0, state="waiting",
                              team_id=new.classification.team_id, at=now,
                              reason={"error": routed.code, "message": routed.message})
    decision = CaseDecision(case_id=case_id, decided_at=now, mention=mention, classification=new.classification,
                            routing=routed)
    opened = opening(decision, workflow_id=workflow_id, conversation_id=mention.conversation_id,
                     flow_version=flow.version)
    session.add(case := Case(id=case_id, **case_fields(opened.view)))
    opened_cases[case_id] = case
    events.extend({"id": f"{case_id}:{e.seq}", "case_id": case_id, "seq": e.seq, "at": e.at, "kind": e.kind,
                   "actor": e.actor, "detail": e.model_dump(mode="json")["detail"]} for e in opened.events)
    if opened.clocks is not None:  # shown at their instants by the deadline sweeper, workflow started or not
        deadlines += deadline_rows(case_id, pending_events(opened.clocks), {
            t: c.running_since for t, c in opened.clocks.clocks.items() if c.running_since is not None})
    start = CaseInput(conversation_id=mention.conversation_id, flow_version=flow.version, decision=decision)
    return {"workflow_id": workflow_id, "kind": Kind.start, "case_id": case_id, "mention_id": mention.id,
            "payload": start.model_dump(mode="json")}
