"""The fields each stage's rules read, with their types and known values: what the rule builder offers."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlmodel import Session, col, select

from api.auth.deps import ReadFlows
from api.deps import SessionDep
from engine.flows.field_types import STAGE_SCHEMAS, FieldType, field_type, flat_fields
from engine.models import CaseStatus, Direction, Priority
from store.flows import active_flow
from store.mentions import Mention
from store.teams import Team

router = APIRouter(tags=["flows"])

INFLUENCE_TAGS = ("influencer", "verified", "vip")  # engine.flows.compiled.CompiledFlow._influence


class FlowField(BaseModel):
    name: str = Field(description="as a rule's `var` names it (dotted inside an object: `case.priority`)")
    type: FieldType
    values: list[str] | None = Field(default=None, description="the values known today, when the set is closed "
                                                                "or seen (tags of the active flow, teams, ...)")


class StageFields(BaseModel):
    stage: str = Field(description="the node type whose rules read these fields")
    fields: list[FlowField]


class FlowFields(BaseModel):
    stages: list[StageFields]


def _tags(document: dict[str, Any] | None) -> list[str]:
    """The tags the active flow can give: keyword and pattern topics, tagging rules' tags, influence."""
    found: set[str] = set(INFLUENCE_TAGS)
    for node in (document or {}).get("nodes", []):
        if node.get("type") != "tag":
            continue
        content = node.get("content") or {}
        for key in ("keywords", "patterns"):
            for topic in content.get(key) or {}:
                parts = str(topic).split("/")
                found.update("/".join(parts[:i]) for i in range(1, len(parts) + 1))
        for rule in (content.get("rules") or {}).get("rules", []):
            then = rule.get("then") if isinstance(rule, dict) else None
            found.update(t for t in (then if isinstance(then, list) else [then]) if isinstance(t, str))
    return sorted(found)


def _channels(session: Session, document: dict[str, Any] | None) -> list[str]:
    found = {str(s) for node in (document or {}).get("nodes", []) if node.get("type") == "discovery"
             for s in (node.get("content") or {}).get("sources", [])}
    found.update(session.exec(select(Mention.source).distinct().limit(50)))
    return sorted(found)


def known_values(session: Session) -> dict[str, list[str]]:
    """Field name (last segment) -> the values a rule may compare it with."""
    flow = active_flow(session=session)
    document = flow.document if flow else None
    teams = sorted(session.exec(select(Team.id).order_by(col(Team.id))))
    channels = _channels(session, document)
    return {"tags": _tags(document), "source": channels, "channel": channels, "team_id": teams,
            "priority": [p.value for p in Priority], "direction": [d.value for d in Direction],
            "status": [s.value for s in CaseStatus], "seniority": ["junior", "senior"]}


@router.get("/flows/fields", response_model=FlowFields)
def flow_fields(_: ReadFlows, session: SessionDep) -> FlowFields:
    """Per stage, the fields its rules read (engine.flows.data), each with its type and the values known today."""
    values = known_values(session)
    return FlowFields(stages=[
        StageFields(stage=stage, fields=[FlowField(name=name, type=field_type(name),
                                                   values=values.get(name.rsplit(".", 1)[-1]))
                                         for name in flat_fields(schema)])
        for stage, schema in STAGE_SCHEMAS.items()])
