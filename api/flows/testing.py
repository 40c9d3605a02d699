"""Trying a flow (a draft or a published version) on one mention: what it would decide, rule by rule.

The mention goes through the functions ingest runs (tagging, then engine.opening.classify: triage, routing,
SLA policy) plus the approval rule for a reply, each rule with its trace (engine.rules.trace). Nothing is
written. Needs `flows:write`: the mention or case may be any team's, and `flows:read` is every role's,
team-scoped agents included; the people who edit flows are the ones who try them.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field, ValidationError
from sqlmodel import Session, col, select

from api.audit.coverage import recorded_elsewhere
from api.auth.deps import WriteFlows
from api.deps import SessionDep
from api.errors import ApiError
from api.listing import get_or_404
from engine.flows import CompiledFlow
from engine.flows.compiled import InvalidFlow
from engine.flows.data import approval_data, case_facts, rule_context
from engine.models import Direction, Mention
from engine.opening import classify
from store.cases import Case
from store.flows import Flow, FlowDraft
from store.lexicons import compile_with_vader
from store.mentions import Mention as MentionRow

router = APIRouter(tags=["flows"])
READS_ONLY = recorded_elsewhere("nothing to record: trying a flow on a mention writes nothing")

_MENTION_FIELDS = tuple(Mention.model_fields)


class FlowTestRequest(BaseModel, extra="forbid"):
    mention_id: str | None = Field(default=None, description="a stored mention's id")
    case_id: str | None = Field(default=None, description="a case: the mention that opened it is tried")
    mention: dict[str, Any] | None = Field(default=None, description=(
        "a mention pasted as JSON: `text` is needed, the rest (source, author, author_followers, author_verified, "
        "reply_to_id, ...) defaults to a new tweet"))
    agent_seniority: Literal["junior", "senior"] = Field(default="senior",
                                                         description="the replying agent, for the approval rule")
    reply_text: str = Field(default="", description="the reply, for the approval rule")


class StageResult(BaseModel):
    stage: str = Field(description="tag, triage, assign, sla or approval")
    node_id: str | None = Field(description="the flow node that decided (None: the stage has no node)")
    evidence: dict[str, Any] = Field(description="as the case's timeline records it: each rule's result and trace")


class FlowTestResult(BaseModel):
    flow_version: str
    mention: dict[str, Any] = Field(description="the mention as tried")
    tags: list[str]
    sentiment: float
    language: str | None
    needs_response: bool = Field(description="whether it would open (or join) a case")
    priority: str
    queue: str = Field(description="the team whose queue the case would wait in")
    sla_policy: str | None
    requires_approval: bool = Field(description="whether a reply (agent_seniority, reply_text) would be held")
    stages: list[StageResult]


def _pasted(raw: dict[str, Any]) -> Mention:
    now = datetime.now(UTC)
    given = {"id": "pasted:test", "source": "twitter", "external_id": "test", "conversation_id": "pasted:test",
             "author": "@customer", "created_at": now, "received_at": now, **raw}
    try:
        return Mention.model_validate(given)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ApiError(422, code="invalid_mention", path=f"mention.{where}",
                       message=f"the pasted mention's {where!r}: {first['msg']}; a mention needs at least "
                               "`text` (see GET /api/mentions/{id} for the whole shape)") from exc


def _stored(row: MentionRow) -> Mention:
    return Mention.model_validate({name: getattr(row, name) for name in _MENTION_FIELDS})


def chosen_mention(session: Session, body: FlowTestRequest) -> Mention:
    """The mention a request names, whichever way it names it (exactly one)."""
    given = [name for name in ("mention_id", "case_id", "mention") if getattr(body, name) is not None]
    if len(given) != 1:
        raise ApiError(422, code="one_mention", path=given[1] if len(given) > 1 else "mention_id",
                       message="give exactly one of mention_id, case_id or mention (a pasted mention's JSON)")
    if body.mention is not None:
        return _pasted(body.mention)
    if body.mention_id is not None:
        return _stored(get_or_404(session, MentionRow, body.mention_id, resource="mention"))
    case = get_or_404(session, Case, body.case_id or "", resource="case")
    first = session.exec(select(MentionRow).where(MentionRow.case_id == case.id,
                                                  MentionRow.direction == Direction.inbound)
                         .order_by(col(MentionRow.received_at), col(MentionRow.id)).limit(1)).first()
    if first is None:
        raise ApiError(422, code="no_mention", path="case_id",
                       message=f"case {case.id!r} has no inbound mention to try; pick a mention instead")
    return _stored(first)


def _node_id(flow: CompiledFlow, stage: str) -> str | None:
    try:
        return flow.document.node(stage)[1].id
    except KeyError:
        return None


def try_flow(flow: CompiledFlow, mention: Mention, *, seniority: str, reply_text: str) -> FlowTestResult:
    """What `flow` decides for `mention` (as ingest would), with every rule's trace; pure."""
    tags = flow.tag(mention)
    stages: list[StageResult] = []
    if flow.tag_rules is not None:
        # The tagging rules see the tags found before them, as in CompiledFlow.tag.
        before = dataclasses.replace(flow, tag_rules=None).tag(mention)
        context = rule_context(mention, before)
        stages.append(StageResult(stage="tag", node_id=_node_id(flow, "tag"), evidence={
            "flow_version": flow.version, "input": context, **flow.tag_rules.explain(context).to_dict()}))
    cls = classify(flow, mention, tags)
    stages.append(StageResult(stage="triage", node_id=_node_id(flow, "triage"), evidence=cls.triage.evidence))
    stages.append(StageResult(stage="assign", node_id=_node_id(flow, "assign"), evidence=cls.routing))
    stages.append(StageResult(stage="sla", node_id=_node_id(flow, "sla"), evidence=cls.sla_evidence))
    facts = case_facts(priority=cls.triage.priority.value, channel=mention.source, tags=tags.keywords,
                       sentiment=tags.sentiment, team_id=cls.team_id, author=mention.author)
    held, why = flow.needs_approval(approval_data(case=facts, agent_id="test-agent", seniority=seniority,
                                                  roles=["agent"], team_id=cls.team_id, text=reply_text))
    if flow.approval is not None:
        stages.append(StageResult(stage="approval", node_id=_node_id(flow, "approval"), evidence=why))
    return FlowTestResult(flow_version=flow.version, mention=mention.model_dump(mode="json"), tags=tags.keywords,
                          sentiment=tags.sentiment, language=tags.language,
                          needs_response=cls.triage.needs_response, priority=cls.triage.priority.value,
                          queue=cls.team_id, sla_policy=cls.sla_policy.id if cls.sla_policy else None,
                          requires_approval=held, stages=stages)


def _compiled(document: Any) -> CompiledFlow:
    try:
        return compile_with_vader(document)
    except InvalidFlow as exc:
        first = exc.errors[0]
        raise ApiError(422, code="invalid_flow", path=f"document{first.path}",
                       message=f"the flow does not compile: {exc}; fix the draft and save it",
                       errors=[e.to_dict() for e in exc.errors]) from exc


@router.post("/flow_drafts/{draft_id}/test", response_model=FlowTestResult, openapi_extra=READS_ONLY)
def test_draft(_: WriteFlows, session: SessionDep, draft_id: str, body: FlowTestRequest) -> FlowTestResult:
    """The draft (as saved) tried on one mention: tags, needs-response, priority, queue, SLA policy and
    approval, with each stage's rules and traces. Writes nothing."""
    document = get_or_404(session, FlowDraft, draft_id, resource="flow draft").document
    mention = chosen_mention(session, body)
    return try_flow(_compiled(document), mention, seniority=body.agent_seniority, reply_text=body.reply_text)


@router.post("/flows/{flow_id}/test", response_model=FlowTestResult, openapi_extra=READS_ONLY)
def test_version(_: WriteFlows, session: SessionDep, flow_id: str, body: FlowTestRequest) -> FlowTestResult:
    """As a draft's test, for a published version."""
    document = get_or_404(session, Flow, flow_id, resource="flow").document
    mention = chosen_mention(session, body)
    return try_flow(_compiled(document), mention, seniority=body.agent_seniority, reply_text=body.reply_text)
