"""The flow document: its schema, graph checks and content-addressed version.

Like GoRules' JDM, the document is the source of truth; the designer's canvas
stores `position` in it and the engine ignores it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

NodeType = Literal["discovery", "tag", "triage", "assign", "sla", "approval", "close", "measure"]
# Stages a flow must have exactly one of, for a case to move at all.
REQUIRED_STAGES: tuple[str, ...] = ("tag", "triage", "assign", "sla")
# Stages a flow may have at most one of.
OPTIONAL_STAGES: tuple[str, ...] = ("approval",)


class Position(BaseModel):
    x: float = 0
    y: float = 0


class FlowNode(BaseModel):
    id: str = Field(min_length=1)
    type: NodeType
    name: str = ""
    content: dict[str, Any] = Field(default_factory=dict)
    position: Position = Field(default_factory=Position)


class FlowEdge(BaseModel):
    id: str = Field(min_length=1)
    sourceId: str
    targetId: str


class FlowDocument(BaseModel):
    nodes: list[FlowNode]
    edges: list[FlowEdge] = Field(default_factory=list)

    def node(self, node_type: str) -> tuple[int, FlowNode]:
        """The index and node of the single node of a type (validated to exist)."""
        for index, node in enumerate(self.nodes):
            if node.type == node_type:
                return index, node
        raise KeyError(node_type)


class FlowError(Exception):
    """A typed error with a JSON Pointer into the flow document."""

    def __init__(self, code: str, message: str, path: str) -> None:
        super().__init__(f"{path}: {message}")
        self.code, self.message, self.path = code, message, path

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "path": self.path}


def canonical_json(value: Any) -> str:
    """The canonical JSON text of a value: sorted keys, no insignificant space."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def flow_version(document: dict[str, Any]) -> str:
    """A flow version: the first 16 hex digits of the SHA-256 of its canonical JSON."""
    return hashlib.sha256(canonical_json(document).encode()).hexdigest()[:16]


def _schema_errors(exc: ValidationError) -> list[FlowError]:
    errors = []
    for err in exc.errors():
        path = "/" + "/".join(str(part) for part in err["loc"])
        errors.append(FlowError("bad_schema", err["msg"], path))
    return errors


def _graph_errors(doc: FlowDocument) -> list[FlowError]:
    errors: list[FlowError] = []
    seen: dict[str, int] = {}
    for index, node in enumerate(doc.nodes):
        if node.id in seen:
            errors.append(FlowError("duplicate_node", f"node id {node.id!r} is used twice", f"/nodes/{index}/id"))
        seen[node.id] = index
    for stage in REQUIRED_STAGES:
        count = sum(1 for node in doc.nodes if node.type == stage)
        if count != 1:
            errors.append(FlowError(
                "missing_stage" if count == 0 else "duplicate_stage",
                f"a flow needs exactly one {stage!r} node, this one has {count}", "/nodes"))
    for stage in OPTIONAL_STAGES:
        count = sum(1 for node in doc.nodes if node.type == stage)
        if count > 1:
            errors.append(FlowError("duplicate_stage", f"a flow has at most one {stage!r} node, this one has {count}",
                                    "/nodes"))
    for index, edge in enumerate(doc.edges):
        for end in ("sourceId", "targetId"):
            if getattr(edge, end) not in seen:
                errors.append(FlowError(
                    "missing_node", f"edge points to unknown node {getattr(edge, end)!r}", f"/edges/{index}/{end}"))
    if not errors and _has_cycle(doc):
        errors.append(FlowError("cyclic_graph", "the flow's edges form a cycle; a flow runs one way", "/edges"))
    return errors


def _has_cycle(doc: FlowDocument) -> bool:
    children: dict[str, list[str]] = {node.id: [] for node in doc.nodes}
    for edge in doc.edges:
        children[edge.sourceId].append(edge.targetId)
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done

    def visit(node_id: str) -> bool:
        state[node_id] = 1
        for child in children[node_id]:
            if state.get(child) == 1 or (child not in state and visit(child)):
                return True
        state[node_id] = 2
        return False

    return any(node_id not in state and visit(node_id) for node_id in children)


def validate_flow(document: Any) -> tuple[FlowDocument | None, list[FlowError]]:
    """Parse and check a flow document's shape and graph; rules are checked by compile_flow."""
    if not isinstance(document, dict):
        return None, [FlowError("bad_schema", "a flow document is a JSON object with nodes and edges", "")]
    try:
        doc = FlowDocument.model_validate(document)
    except ValidationError as exc:
        return None, _schema_errors(exc)
    return doc, _graph_errors(doc)
