"""Which case each actionable mention belongs to, decided in the ingest transaction.

A mention of a conversation whose case is open (or closed, within its reopen window) joins that case:
an outbox entry tells its workflow. Otherwise a mention that needs a response opens a case, here and
now: the flow classifies it (triage, queue, priority, SLA policy, with their evidence), routing queues
it and gives it an agent if one has capacity (store.routing.service, under the team's lock), and the
case row and its opening events are written, so the agent sees the case when this transaction
commits. The outbox entry that starts its workflow carries the same decision (engine.opening).
A mention that needs no response and has no case to join is stored and counted only.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, update
from sqlmodel import Session, col, select

from engine.flows import CompiledFlow
from engine.messages import CaseDecision, CaseInput, RouteRequest, RoutingState
from engine.models import CaseStatus, Mention, Tags, decided_workflow_id
from engine.opening import classify, opening
from engine.slas import pending_events
from store.case_events import CaseEvent
from store.cases import Case, case_fields
from store.conversations import Conversation
from store.deadlines import add_deadlines
from store.mentions import Mention as MentionRow
from store.outbox import Kind, enqueue, routing_entry
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
    entries: list[dict[str, Any]] = []
    for p in placements:
        conversation = conversations[p.mention.conversation_id]
        case = cases.get(conversation.case_id or "")
        if case is not None and case.id != finished_case and _joinable(case, window, now):
            entries.append({"workflow_id": case.workflow_id, "kind": Kind.mention, "case_id": case.id,
                            "mention_id": p.mention.id})
            placed[p.mention.id] = case.id
        elif p.needs_response:
            case = _open_case(session, flow, p, now, entries)
            cases[case.id] = case
            conversation.case_id = case.id
            session.add(conversation)
            placed[p.mention.id] = case.id
        else:
            placed[p.mention.id] = None
    enqueue(session, entries, now)
    for case_id in set(placed.values()):
        mentions = sorted(m for m, c in placed.items() if c == case_id)
        # Undispatched until the relay has told the workflow; a mention with no case has nothing to tell.
        session.execute(update(MentionRow).where(col(MentionRow.id).in_(mentions))
                        .values(case_id=case_id, dispatched=case_id is None))
    return placed


def _joinable(case: Case, window: timedelta, now: datetime) -> bool:
    if case.status != CaseStatus.closed:
        return True
    # Within its reopen window the case's workflow decides (reopen, or keep closed); after it, a new case.
    return case.closed_at is not None and now < case.closed_at + window


def _open_case(session: Session, flow: CompiledFlow, p: Placement, now: datetime,
               entries: list[dict[str, Any]]) -> Case:
    case_id = str(uuid.uuid4())
    workflow_id = decided_workflow_id(case_id)
    cls = classify(flow, p.mention, p.tags)
    request = RouteRequest(case_id=case_id, workflow_id=workflow_id, team_id=cls.team_id,
                           priority=cls.triage.priority, channel=p.mention.source, language=cls.language,
                           required_skills=cls.required_skills, optional_skills=cls.optional_skills)
    try:
        own, others = routing.route(session, request, now)
    except routing.RoutingRefused as refused:
        # e.g. the flow routes to a team nobody created: the case waits, visibly, and its workflow asks again.
        own, others = RoutingState(case_id=case_id, workflow_id=workflow_id, seq=0, state="waiting",
                                   team_id=cls.team_id, at=now,
                                   reason={"error": refused.code, "message": refused.message}), []
    decision = CaseDecision(case_id=case_id, decided_at=now, mention=p.mention, classification=cls, routing=own)
    opened = opening(decision, workflow_id=workflow_id, conversation_id=p.mention.conversation_id,
                     flow_version=flow.version)
    case = Case(id=case_id, **case_fields(opened.view))
    session.add(case)
    session.execute(insert(CaseEvent.__table__), [  # type: ignore[attr-defined]
        {"id": f"{case_id}:{e.seq}", "case_id": case_id, "seq": e.seq, "at": e.at, "kind": e.kind,
         "actor": e.actor, "detail": e.model_dump(mode="json")["detail"]} for e in opened.events])
    if opened.clocks is not None:  # shown at their instants by the deadline sweeper, workflow started or not
        add_deadlines(session, case_id, pending_events(opened.clocks),
                      {t: c.running_since for t, c in opened.clocks.clocks.items() if c.running_since is not None})
    start = CaseInput(conversation_id=p.mention.conversation_id, flow_version=flow.version, decision=decision)
    entries.append({"workflow_id": workflow_id, "kind": Kind.start, "case_id": case_id, "mention_id": p.mention.id,
                    "payload": start.model_dump(mode="json")})
    entries.extend(routing_entry(change) for change in others)
    return case
