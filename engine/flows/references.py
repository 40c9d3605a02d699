"""The teams (and canned replies) a flow names, each with its JSON Pointer, for checking against those that exist.

Teams live in the database, not in the document, so the engine only lists the names and the API
checks them when a draft is saved or published. A team deleted later is not an error of the flow's:
a case routed to it waits visibly (`routing_failed`) until routing asks again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from engine.flows.document import FlowDocument
from engine.rules.errors import pointer


def team_references(doc: FlowDocument) -> Iterator[tuple[str, str]]:
    """(team id, JSON Pointer) for every team the flow names: routing targets, the fixed team,
    queue settings, and `move_queue` escalations. Content of the wrong shape is skipped: its own check says so."""
    for index, node in enumerate(doc.nodes):
        base = f"/nodes/{index}/content"
        if node.type == "assign":
            yield from _assign_teams(node.content, base)
        elif node.type == "sla":
            yield from _escalation_teams(node.content, base)


def canned_reply_references(doc: FlowDocument) -> Iterator[tuple[str, str]]:
    """(canned reply id, JSON Pointer) for the canned reply triage's `auto_reply` sends. Replies live in the
    database like teams: the API checks them when the flow is saved or published."""
    for index, node in enumerate(doc.nodes):
        auto = node.content.get("auto_reply") if node.type == "triage" else None
        if isinstance(auto, dict) and isinstance(auto.get("canned_reply_id"), str) and auto["canned_reply_id"]:
            yield auto["canned_reply_id"], f"/nodes/{index}/content/auto_reply/canned_reply_id"


def _assign_teams(content: dict[str, Any], base: str) -> Iterator[tuple[str, str]]:
    routing = content.get("routing")
    if isinstance(routing, dict):
        rules = routing.get("rules") if isinstance(routing.get("rules"), list) else []
        targets = [(rule.get("then"), f"{base}/routing/rules/{i}/then") for i, rule in enumerate(rules)
                   if isinstance(rule, dict)]
        for target, path in [*targets, (routing.get("default"), f"{base}/routing/default")]:
            if isinstance(target, dict) and isinstance(target.get("team_id"), str) and target["team_id"]:
                yield target["team_id"], f"{path}/team_id"
    elif isinstance(content.get("team_id"), str) and content["team_id"]:
        yield content["team_id"], f"{base}/team_id"
    queues = content.get("queues")
    for team_id in queues if isinstance(queues, dict) else ():
        yield team_id, pointer(f"{base}/queues", team_id)


def _escalation_teams(content: dict[str, Any], base: str) -> Iterator[tuple[str, str]]:
    policies = content.get("policies")
    for p, policy in enumerate(policies if isinstance(policies, list) else []):
        levels = policy.get("escalation") if isinstance(policy, dict) else None
        for e, level in enumerate(levels if isinstance(levels, list) else []):
            actions = level.get("actions") if isinstance(level, dict) else None
            for a, action in enumerate(actions if isinstance(actions, list) else []):
                moves = isinstance(action, dict) and action.get("type") == "move_queue"
                if moves and isinstance(action.get("to"), str):
                    yield action["to"], f"{base}/policies/{p}/escalation/{e}/actions/{a}/to"
