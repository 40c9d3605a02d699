"""Activities of the case workflow: classification, assignment and the read side."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, delete, update
from sqlmodel import Session, col, select
from temporalio import activity
from temporalio.exceptions import ApplicationError

from activities.connectors import ConnectorRegistry
from activities.flows import FlowCache
from engine.flows.data import approval_data
from engine.messages import (
    Activity,
    Classification,
    ClassifyInput,
    HandOnInput,
    ReplyCheck,
    ReplyCheckInput,
    SaveCaseInput,
    SendReplyInput,
    SentReply,
    SlaSelectInput,
    SlaSelection,
)
from engine.models import Mention, Tags
from engine.opening import classify, text_by_reference
from store.audit import append
from store.audit.cases import case_changes
from store.budget import DEFAULT_TAGGING_BUDGET_MS, tagging_budget
from store.canned_replies import auto_reply_text
from store.case_events import CaseEvent as CaseEventRow
from store.cases import Case, case_fields
from store.conversations import Conversation
from store.customers import Customer
from store.db import session_scope
from store.deadlines import replace_deadlines
from store.event_payloads import case_events_out
from store.experts import ExpertRequest
from store.mentions import Mention as MentionRow
from store.outbox import enqueue, place_entry
from store.teams import Agent


class CaseActivities:
    """Bound to one database engine at worker start; each method is one activity.

    `tagging_budget_ms` is each mention's tagging budget in classification (the `tagging_budget_ms`
    setting, read by the worker's composition root): a classification cut short says so in its triage
    evidence, and the case goes on with the tags found.
    """

    def __init__(self, *, engine: Engine, flows: FlowCache, connectors: ConnectorRegistry,
                 tagging_budget_ms: float = DEFAULT_TAGGING_BUDGET_MS) -> None:
        self._engine = engine
        self._flows = flows
        self._connectors = connectors
        self._tagging_budget = tagging_budget(tagging_budget_ms)

    @activity.defn(name=Activity.classify_mention)
    def classify_mention(self, inp: ClassifyInput) -> Classification:
        flow = self._flows.get(inp.flow_version)
        if inp.mention is not None:
            return classify(flow, inp.mention, flow.tag(inp.mention, self._tagging_budget))
        with session_scope(self._engine, write=False) as session:
            row = session.get(MentionRow, inp.mention_id)
        if row is None:
            raise ApplicationError(f"mention {inp.mention_id} is not stored", type="unknown_mention")
        mention = Mention.model_validate(row.model_dump())
        # Tagged once, at ingest (within its budget): the stored tags, not a second pass over the text.
        tags = Tags(keywords=list(row.tags or []), sentiment=row.sentiment or 0.0, language=row.language) \
            if row.tags is not None else flow.tag(mention, self._tagging_budget)
        return text_by_reference(classify(flow, mention, tags), mention)

    @activity.defn(name=Activity.select_sla)
    def select_sla(self, inp: SlaSelectInput) -> SlaSelection:
        policy, why = self._flows.get(inp.flow_version).select_sla(inp.facts)
        return SlaSelection(policy=policy, evidence=why)

    @activity.defn(name=Activity.check_reply)
    def check_reply(self, inp: ReplyCheckInput) -> ReplyCheck:
        with session_scope(self._engine, write=False) as session:
            agent = session.get(Agent, inp.agent_id)
        data = approval_data(case=inp.case, agent_id=inp.agent_id, seniority=agent.seniority if agent else "unknown",
                             roles=agent.roles if agent else [], team_id=agent.team_id if agent else None,
                             text=inp.text)
        needs, why = self._flows.get(inp.flow_version).needs_approval(data)
        return ReplyCheck(needs_approval=needs, evidence=why)

    @activity.defn(name=Activity.save_case)
    def save_case(self, inp: SaveCaseInput) -> None:
        view = inp.view
        fields = case_fields(view)
        with session_scope(self._engine) as session:
            case = session.get(Case, view.case_id)
            if case is None:
                case = Case(id=view.case_id, **fields)
                # A case its workflow opened (before cases were opened at ingest) becomes its conversation's
                # current one, so the next mention joins it.
                session.execute(update(Conversation).where(col(Conversation.id) == view.conversation_id)
                                .values(case_id=view.case_id))
            for name, value in fields.items():
                setattr(case, name, value)
            session.add(case)
            new = self._write_events(session, inp)
            if view.expert is not None:
                consult = view.expert
                request = session.get(ExpertRequest, consult.request_id) or ExpertRequest(
                    id=consult.request_id, case_id=view.case_id, expert_id=consult.expert_id,
                    question=consult.question, asked_by=consult.asked_by, asked_at=consult.asked_at,
                    due_at=consult.due_at)
                request.answered_at, request.overdue = consult.answered_at, consult.overdue
                session.add(request)
            # The mentions this save takes in (the first save: the case's first; then what was folded since):
            # the case has them, so they are dispatched to it. A thread of thousands is not read again each save.
            taken = {e.detail["mention_id"] for e in inp.events if e.kind in ("mention_added", "kept_closed")}
            if taken:
                session.execute(update(MentionRow).where(
                    col(MentionRow.id).in_(sorted(taken)),
                    (col(MentionRow.case_id) != view.case_id) | col(MentionRow.case_id).is_(None)
                    | ~col(MentionRow.dispatched)).values(case_id=view.case_id, dispatched=True))
            # Written as the save commits, under the events lock (PostgreSQL), after every row lock it took.
            case_events_out(session, new)

    @staticmethod
    def _write_events(session: Session, inp: SaveCaseInput) -> list[dict]:
        """The save's events as the workflow numbered them. A workflow task that saved and then never completed
        (its worker killed) left rows its retry numbers differently: a row of the same id is overwritten, and
        rows beyond the workflow's latest number or holding a number of this save under another id are removed."""
        case_id = inp.view.case_id
        # An SLA event's row is keyed by its occurrence: the deadline sweeper may have shown it already.
        ids = [f"{case_id}:sla:{event.occurrence}" if event.occurrence else f"{case_id}:{event.seq}"
               for event in inp.events]
        existing = {row.id: row for row in session.exec(select(CaseEventRow).where(col(CaseEventRow.id).in_(ids)))}
        new = [{"id": event_id, "case_id": case_id, "seq": event.seq, "kind": event.kind, "actor": event.actor,
                "at": event.at, "detail": event.detail}
               for event_id, event in zip(ids, inp.events, strict=True) if event_id not in existing]
        append(session, case_changes(new))
        for event_id, event in zip(ids, inp.events, strict=True):
            row = existing.get(event_id) or CaseEventRow(id=event_id, case_id=case_id, seq=event.seq)
            row.seq, row.at, row.kind, row.actor = event.seq, event.at, event.kind, event.actor
            row.detail = event.detail
            session.add(row)
        if inp.last_seq is not None:
            # Rows numbered beyond the workflow's latest, or holding a number this save gives another event (an
            # SLA event's row is keyed by its occurrence, not its number): a lost task's. Projected rows are
            # the deadline sweeper's, which the workflow's save reconciles below.
            numbers = [event.seq for event in inp.events]
            stale = session.exec(select(CaseEventRow).where(
                col(CaseEventRow.case_id) == case_id,
                (col(CaseEventRow.seq) > inp.last_seq) | col(CaseEventRow.seq).in_(numbers))).all()
            lost = [row.id for row in stale if row.id not in ids and not (row.detail or {}).get("projected")]
            if lost:
                session.execute(delete(CaseEventRow).where(col(CaseEventRow.id).in_(lost)))
        if inp.deadlines is not None:
            confirmed = {event.occurrence.split("#")[0] for event in inp.events if event.occurrence}
            replace_deadlines(session, case_id, inp.deadlines, inp.clock_since, confirmed)
        return new

    @activity.defn(name=Activity.hand_on_mentions)
    def hand_on_mentions(self, inp: HandOnInput) -> None:
        """Mentions a finished case could not take: the relay places them (store.decisions), opening the
        conversation's next case; the case's workflow then ends."""
        with session_scope(self._engine) as session:
            rows = session.exec(select(MentionRow).where(col(MentionRow.id).in_(inp.mention_ids))).all()
            enqueue(session, [place_entry(mention_id=row.id, conversation_id=row.conversation_id,
                                          finished_case=inp.case_id) for row in rows], datetime.now(UTC))

    @activity.defn(name=Activity.send_reply)
    def send_reply(self, inp: SendReplyInput) -> SentReply:
        """An agent's reply, or an auto-reply (`canned_reply_id`: its text read and filled here), through the
        case's connector; a connector's error is raised, so the workflow's retry policy retries it."""
        if inp.canned_reply_id is not None:
            inp = inp.model_copy(update={"text": self._auto_reply_text(inp)})
        return self._connectors.send_reply(engine=self._engine, reply=inp)

    def _auto_reply_text(self, inp: SendReplyInput) -> str:
        assert inp.canned_reply_id is not None
        with session_scope(self._engine, write=False) as session:
            case = session.get(Case, inp.case_id)
            conversation = session.get(Conversation, inp.conversation_id)
            customer = session.get(Customer, conversation.customer_id) \
                if conversation is not None and conversation.customer_id else None
            text = auto_reply_text(session, canned_reply_id=inp.canned_reply_id, case_id=inp.case_id,
                                   author=case.author if case is not None else "",
                                   customer_name=customer.name if customer is not None else None)
        if text is None:
            # Deleted since the flow was published: no retry brings it back.
            raise ApplicationError(f"no canned reply {inp.canned_reply_id!r}: it was deleted after the flow naming "
                                   "it was published", type="unknown_canned_reply", non_retryable=True)
        return text

    def all(self) -> list:
        """The activity callables, for the worker."""
        return [self.classify_mention, self.select_sla, self.check_reply, self.save_case, self.send_reply,
                self.hand_on_mentions]
