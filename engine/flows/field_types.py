"""The type of each field a stage's rules read, for the designer's rule builder.

`engine.flows.data` says which fields each stage is given; this says what kind of value each holds, so a
builder offers the right operators (a number compares, a list is searched) and, for a closed set, its
values. A test checks that every field of every stage schema has a type here, so the two cannot drift.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from engine.flows.data import APPROVAL_FIELDS, CASE_FACTS, RULE_FIELDS, Schema

FieldType = Literal["text", "number", "boolean", "list", "category"]

# Field name (dotted, as a rule's `var` names it) -> type; shared names mean the same in every stage.
FIELD_TYPES: dict[str, FieldType] = {
    "text": "text", "author": "text", "source": "category", "direction": "category", "tags": "list",
    "sentiment": "number", "is_reply": "boolean", "followers": "number", "verified": "boolean",
    "language": "text", "priority": "category", "channel": "category", "team_id": "category",
    "status": "category", "escalation_level": "number", "id": "text", "seniority": "category",
    "roles": "list", "length": "number",
}

# Each stage whose rules read data, the content keys holding its rules, and the schema of that data.
STAGE_SCHEMAS: dict[str, Schema] = {
    "tag": RULE_FIELDS, "triage": RULE_FIELDS, "assign": RULE_FIELDS, "sla": CASE_FACTS, "approval": APPROVAL_FIELDS,
}


def flat_fields(schema: Schema, prefix: str = "") -> Iterator[str]:
    """Every readable field of a schema as a dotted name (`case.priority`), in schema order."""
    for name, inner in schema.items():
        if inner is None:
            yield f"{prefix}{name}"
        else:
            yield from flat_fields(inner, f"{prefix}{name}.")


def field_type(name: str) -> FieldType:
    """The type of a (dotted) field: its last segment's."""
    return FIELD_TYPES[name.rsplit(".", 1)[-1]]
