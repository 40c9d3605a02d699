"""Checking the fields a flow's rules read against the data their stage is given.

JSON Logic reads a field that is not there as null, without a word: a rule testing `tagz` for `tags`
never matches and nobody knows. Each `var` (and each key of `missing` / `missing_some`) is looked up
in its stage's schema (`engine.flows.data`), and one that is not there is an `unknown_field` error at
that node, with the closest names offered.

Inside `map`, `filter`, `reduce`, `all`, `none` and `some` the inner rule runs once per item, with the
item as its data (`{"current", "accumulator"}` for `reduce`): its fields are the item's, not the
stage's, so it is not checked. A field whose name is computed at run time cannot be checked either.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator

from engine.flows.data import Schema
from engine.flows.document import FlowError
from engine.rules.nodes import ArrayNode, Literal, Node, Operation

# Operators whose second argument is evaluated with each item as the data.
_ITEM_SCOPED = frozenset({"map", "filter", "reduce", "all", "none", "some"})


def did_you_mean(name: str, known: Collection[str]) -> str:
    """"did you mean 'x'? " for the closest known names, or "" when none is close."""
    close = difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.6)
    return f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""


def _reads(node: Node) -> Iterator[tuple[str, str]]:
    """Each field name a rule reads from its own data, with the JSON Pointer of the node naming it."""
    if isinstance(node, ArrayNode):
        for item in node.items:
            yield from _reads(item)
        return
    if not isinstance(node, Operation):
        return
    args = node.args
    if node.op == "var":
        if args and _literal_name(args[0]) is not None:
            yield _literal_name(args[0]), node.path  # type: ignore[misc]
        elif args:
            yield from _reads(args[0])  # a computed name: its own reads are the stage's
        yield from (read for arg in args[1:] for read in _reads(arg))  # the default
        return
    if node.op in _ITEM_SCOPED:
        yield from _reads(args[0])
        yield from (read for arg in args[2:] for read in _reads(arg))  # reduce's initial value
        return
    if node.op == "missing":
        keys = args[0].items if args and isinstance(args[0], ArrayNode) else args
        yield from _keys(keys)
        return
    if node.op == "missing_some":
        yield from _reads(args[0])
        yield from _keys(args[1].items if isinstance(args[1], ArrayNode) else args[1:])
        return
    for arg in args:
        yield from _reads(arg)


def _keys(keys: tuple[Node, ...]) -> Iterator[tuple[str, str]]:
    for key in keys:
        name = _literal_name(key)
        if name is not None:
            yield name, key.path
        else:
            yield from _reads(key)


def _literal_name(node: Node) -> str | None:
    # "" and null mean the whole data: nothing to check.
    if isinstance(node, Literal) and type(node.value) in (str, int, float) and node.value != "":
        return str(node.value)
    return None


def _unknown(name: str, schema: Schema, stage: str) -> str | None:
    """Why `name` (a dotted path) is not in `schema`, or None when it is (as far as the schema knows)."""
    within = ""
    for segment in name.split("."):
        if segment not in schema:
            where = f"of {within!r}" if within else f"{stage} see"
            quoted = f"in {name!r}, " if "." in name else ""
            return (f"{quoted}{segment!r} is not a field {where}; {did_you_mean(segment, schema)}"
                    f"Fields: {', '.join(sorted(schema))}")
        inner = schema[segment]
        if inner is None:
            return None  # a value (text, list, number): what is inside is not the stage's to say
        schema, within = inner, f"{within}.{segment}" if within else segment
    return None


def unknown_fields(node: Node, schema: Schema, stage: str) -> list[FlowError]:
    """An `unknown_field` error for each field `node` reads that its stage's data has no place for.

    `stage` names who reads the data, for the message: "rules of the triage stage".
    """
    found = ((path, _unknown(name, schema, stage)) for name, path in _reads(node))
    return [FlowError("unknown_field", why, path) for path, why in found if why is not None]
