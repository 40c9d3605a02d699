"""A case bundle's decisions made again from their recorded inputs, by the engine functions production uses.

- The opening (triage, team, SLA policy): from the mention and tags in the workflow's input, under the
  bundled flow version (`engine.opening.classify`).
- Every assignment a queue's strategy made: from the `assigned` and `reassigned` events' evidence on the
  timeline (who was eligible, the round-robin cursor, each candidate's load, capacity and skills), through
  the dispatcher (`engine.routing.redecide`). Pulls and takeovers were a person's choice.
- Every reply's approval check: from the history's `check_reply` results, which carry the approval rule's
  input and trace, under the flow version they name (`CompiledFlow.needs_approval`).

A decision that comes out otherwise is a problem. One whose evidence lacks what deciding it again needs
(evidence recorded before the engine kept it) is a warning: it cannot be shown wrong, nor right, and the
verification still holds.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic_core import to_jsonable_python

from engine.flows import CompiledFlow
from engine.messages import Activity, CaseInput
from engine.opening import classify
from engine.routing import RoutingError
from engine.routing import redecide as pick_again
from store.lexicons import compile_with_vader

ASSIGNMENTS = ("assigned", "reassigned")  # the timeline's events that carry a routing decision


@dataclass
class BundleReport:
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def holds(self) -> bool:
        return not self.problems


def started_input(history: dict[str, Any]) -> CaseInput:
    """The case workflow's input, from the history's first event (payloads opened: JSON)."""
    attributes = history["events"][0].get("workflowExecutionStartedEventAttributes") or {}
    payload = (attributes.get("input") or {}).get("payloads", [None])[0]
    if payload is None:
        raise ValueError("the history's first event carries no workflow input")
    return CaseInput.model_validate_json(base64.b64decode(payload["data"]))


def _opened(payload: dict[str, Any]) -> Any:
    return json.loads(base64.b64decode(payload["data"]))


def redecide(bundle: dict[str, Any], report: BundleReport) -> None:
    """Every decision of `bundle` (its history, flows and timeline: `case_events` may be absent) made again;
    what holds goes to `report.checked`, what does not to its problems, what cannot be decided to warnings."""
    flows = _Flows(bundle["flows"])
    try:
        started = started_input(bundle["history"])
    except (ValueError, KeyError, IndexError) as exc:
        report.problems.append(f"the history's input cannot be read: {exc}")
        return
    _opening(started, flows, report)
    _assignments(bundle.get("case_events"), report)
    _approvals(bundle["history"], flows, report)


class _Flows:
    """The bundle's flow documents, each compiled once, on first use."""

    def __init__(self, documents: dict[str, Any]) -> None:
        self._documents, self._compiled = documents, {}

    def get(self, version: str) -> CompiledFlow | None:
        if version not in self._compiled and version in self._documents:
            self._compiled[version] = compile_with_vader(self._documents[version])
        return self._compiled.get(version)


def _opening(started: CaseInput, flows: _Flows, report: BundleReport) -> None:
    decision = started.decision
    if decision is None:
        report.checked.append("decisions: this case classified its first mention in its workflow (before "
                              "decisions moved to ingest): the history's replay checks it")
        return
    flow = flows.get(started.flow_version)
    if flow is None:
        report.problems.append(f"flow version {started.flow_version} the case was decided under is not in the bundle")
        return
    recorded = decision.classification
    again = classify(flow, decision.mention, recorded.tags)
    pairs = {"needs a response": (recorded.triage.needs_response, again.triage.needs_response),
             "priority": (recorded.triage.priority, again.triage.priority),
             "team": (recorded.team_id, again.team_id), "SLA policy": (recorded.sla_policy, again.sla_policy)}
    wrong = [f"{name}: recorded {was!r}, the flow gives {now!r}" for name, (was, now) in pairs.items() if was != now]
    report.problems += [f"the opening decision does not follow from its flow version: {w}" for w in wrong]
    if not wrong:
        report.checked.append(f"decisions: triage, team and SLA policy follow from flow version "
                              f"{started.flow_version[:12]} and the recorded mention and tags")


def _assignments(events: list[dict[str, Any]] | None, report: BundleReport) -> None:
    if events is None:
        return
    decided, chosen = 0, 0
    for event in (e for e in events if e.get("kind") in ASSIGNMENTS):
        detail = event.get("detail") or {}
        evidence, recorded = detail.get("evidence") or {}, detail.get("agent_id")
        name = f"case event {event.get('seq')} ({event['kind']} to {recorded} at {event.get('at')})"
        try:
            again = pick_again(evidence, event.get("case_id") or "case", datetime.fromisoformat(event["at"]))
        except RoutingError as exc:
            if exc.code == "not_redecidable":
                chosen += 1  # a pull or a takeover: the agent was a person's choice
            else:
                report.warnings.append(f"the assignment in {name}: cannot re-decide: {exc.message}")
            continue
        except (KeyError, TypeError, ValueError) as exc:  # evidence that is not what dispatch records
            report.problems.append(f"the assignment in {name} cannot be read: {exc}")
            continue
        if again != recorded:
            report.problems.append(
                f"the assignment does not follow from its evidence: {name}: recorded {recorded!r}, the routing "
                f"engine ({evidence['strategy']} among {', '.join(evidence.get('eligible') or []) or 'nobody'}) "
                f"decides {again!r}")
        else:
            decided += 1
    if decided:
        report.checked.append(f"assignments: {decided} made again by the routing engine from their recorded "
                              "evidence (eligible agents, loads, capacities, skills, cursor): each picks the "
                              "recorded agent" + (f"; {chosen} chosen by a person (pull, takeover)" if chosen else ""))


def _approvals(history: dict[str, Any], flows: _Flows, report: BundleReport) -> None:
    held = decided = 0
    for event_id, check in _reply_checks(history):
        evidence = check.get("evidence") or {}
        version, recorded = evidence.get("flow_version", ""), bool(check.get("needs_approval"))
        name = f"history event {event_id} (the approval check of a reply by " \
               f"{((evidence.get('input') or {}).get('agent') or {}).get('id', 'an agent')})"
        flow = flows.get(version)
        if flow is None:
            report.warnings.append(f"the approval check in {name}: cannot re-decide: flow version {version[:12]} "
                                   "is not in the bundle")
            continue
        if "input" not in evidence:
            if flow.approval is None and not recorded:
                decided += 1  # the flow has no approval rule, as recorded
            else:
                report.warnings.append(f"the approval check in {name}: cannot re-decide: evidence lacks input")
            continue
        needs, why = flow.needs_approval(evidence["input"])
        if needs != recorded:
            report.problems.append(f"the approval check does not follow from flow version {version[:12]}: {name}: "
                                   f"recorded {_approval(recorded)}, the rule gives {_approval(needs)}")
            continue
        decided, held = decided + 1, held + needs
        if to_jsonable_python(why.get("trace")) != evidence.get("trace"):
            report.warnings.append(f"the approval check in {name}: the rule's trace today differs from the one "
                                   "recorded (the outcome is the same)")
    if decided:
        report.checked.append(f"approvals: {decided} reply checks made again ({held} held for approval): each "
                              "follows from its flow version and the rule input it recorded")


def _approval(needs: bool) -> str:
    return "needs approval" if needs else "no approval"


def _reply_checks(history: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(history event id, the ReplyCheck as JSON) for each approval check the workflow ran (a local activity:
    its result is in a marker)."""
    for event in history.get("events", []):
        marker = event.get("markerRecordedEventAttributes") or {}
        details = marker.get("details") or {}
        if marker.get("markerName") != "core_local_activity" or not details.get("result"):
            continue
        if _opened(details["data"]["payloads"][0]).get("activity_type") == Activity.check_reply:
            yield str(event.get("eventId")), _opened(details["result"]["payloads"][0])
