"""Activities of the case workflow: classification, assignment and the read side."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import col, select
from temporalio import activity

from activities.connectors import ConnectorRegistry
from activities.flows import FlowCache
from api.audit.models import CaseEvent as CaseEventRow
from api.cases.models import Case, case_fields
from api.db import session_scope
from api.mentions.models import Mention as MentionRow
from api.teams.models import Agent, Team
from engine.assignment import round_robin
from engine.messages import (
    AssignInput,
    AssignResult,
    Classification,
    ClassifyInput,
    SaveCaseInput,
    SendReplyInput,
    SentReply,
)


class CaseActivities:
    """Bound to one database engine at worker start; each method is one activity."""

    def __init__(self, *, engine: Engine, flows: FlowCache, connectors: ConnectorRegistry) -> None:
        self._engine = engine
        self._flows = flows
        self._connectors = connectors

    @activity.defn(name="classify_mention")
    def classify_mention(self, inp: ClassifyInput) -> Classification:
        flow = self._flows.get(inp.flow_version)
        tags = flow.tag(inp.mention)
        triage = flow.triage(inp.mention, tags)
        route = flow.route(inp.mention, tags)
        if route.priority is not None and route.priority != triage.priority:
            triage.evidence["routing_override"] = {"from": triage.priority.value, "to": route.priority.value}
            triage.priority = route.priority
        return Classification(tags=tags, triage=triage, team_id=route.team_id, routing=route.evidence,
                              first_response_targets=flow.first_response_seconds)

    @activity.defn(name="assign_case")
    def assign_case(self, inp: AssignInput) -> AssignResult:
        # One transaction holds the team row, so two cases never read the same cursor.
        with session_scope(self._engine) as session:
            team = session.exec(select(Team).where(Team.id == inp.team_id).with_for_update()).one_or_none()
            if team is None:
                return AssignResult(agent_id=None)
            online = session.exec(select(Agent.id).where(Agent.team_id == inp.team_id, col(Agent.online))).all()
            chosen = round_robin(list(online), team.last_assigned_agent_id)
            if chosen is not None:
                team.last_assigned_agent_id = chosen
                session.add(team)
            return AssignResult(agent_id=chosen, considered=sorted(online))

    @activity.defn(name="save_case")
    def save_case(self, inp: SaveCaseInput) -> None:
        view = inp.view
        fields = case_fields(view)
        with session_scope(self._engine) as session:
            case = session.get(Case, view.case_id) or Case(id=view.case_id, **fields)
            for name, value in fields.items():
                setattr(case, name, value)
            session.add(case)
            ids = [f"{view.case_id}:{event.seq}" for event in inp.events]
            existing = set(session.exec(select(CaseEventRow.id).where(col(CaseEventRow.id).in_(ids))).all())
            for event_id, event in zip(ids, inp.events, strict=True):
                if event_id not in existing:
                    session.add(CaseEventRow(id=event_id, case_id=view.case_id, seq=event.seq, at=event.at,
                                             kind=event.kind, actor=event.actor, detail=event.detail))
            for mention in session.exec(select(MentionRow).where(col(MentionRow.id).in_(view.mention_ids))):
                if mention.case_id != view.case_id or not mention.dispatched:
                    mention.case_id, mention.dispatched = view.case_id, True
                    session.add(mention)

    @activity.defn(name="send_reply")
    def send_reply(self, inp: SendReplyInput) -> SentReply:
        return self._connectors.send_reply(engine=self._engine, reply=inp)

    def all(self) -> list:
        """The activity callables, for the worker."""
        return [self.classify_mention, self.assign_case, self.save_case, self.send_reply]
