"""Refusal codes: one enum carrying each code's HTTP status, used by every place that refuses a change."""

from __future__ import annotations

import ast
from pathlib import Path

from engine.messages import Activity, Refusal

ROOT = Path(__file__).resolve().parents[2]


def test_every_refusal_answers_a_client_error() -> None:
    assert {r.status for r in Refusal} <= {403, 404, 409, 422}
    assert Refusal("claimed") is Refusal.claimed and Refusal.claimed.status == 409 and Refusal.claimed == "claimed"


def _calls(folder: str, name: str) -> list[tuple[str, ast.Call]]:
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == name:
                found.append((f"{path.relative_to(ROOT)}:{node.lineno}", node))
    return found


def _names_the_enum(node: ast.expr, enum: type[Refusal] | type[Activity]) -> bool:
    """`Enum.member`, or `Enum(value)` (checked when it runs)."""
    if isinstance(node, ast.Attribute):
        return getattr(node.value, "id", None) == enum.__name__ and node.attr in enum.__members__
    return isinstance(node, ast.Call) and getattr(node.func, "id", None) == enum.__name__


def test_every_refusal_is_a_member_of_the_enum() -> None:
    kinds = [(where, call.args[1]) for where, call in _calls("workflows", "refuse")]
    kinds += [(where, call.args[0]) for where, call in _calls("store", "RoutingRefused")]
    assert len(kinds) >= 20
    assert [where for where, kind in kinds if not _names_the_enum(kind, Refusal)] == []


def test_every_activity_is_called_and_registered_by_its_enum_name() -> None:
    calls = _calls("workflows", "execute_local_activity") + _calls("workflows", "execute_activity")
    assert calls and [w for w, call in calls if not _names_the_enum(call.args[0], Activity)] == []
    registered = [(w, kw.value) for w, call in _calls("activities", "defn") for kw in call.keywords if kw.arg == "name"]
    assert {getattr(v, "attr", None) for _, v in registered} == {m.name for m in Activity}
