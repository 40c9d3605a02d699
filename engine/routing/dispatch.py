"""The dispatcher: push waiting cases to agents, one queue at a time, with no cherry-picking.

Greedy in queue order: each case in turn gets one agent chosen by the
queue's strategy among the agents eligible for it at that moment, and that
agent's working copy is loaded before the next case is looked at. Serving in
queue order is what forbids cherry-picking: a case is only passed over for a
later one when nobody could take it when its turn came, and since loads only
grow during a dispatch, nobody can take it afterwards either. A case nobody
can take (a French case with no French speaker online) waits without
blocking the cases behind it.

Every tie is broken by agent id and every ordering is explicit, so the result
depends on the inputs alone, not on the order the agents or cases are listed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from fractions import Fraction

from engine.routing.eligibility import aware, next_relax_at, queue_order, relaxed, why_not
from engine.routing.model import AgentState, Assignment, DispatchResult, QueuePolicy, RoutingError, WaitingCase

__all__ = ["dispatch", "least_loaded_key", "skill_score"]

# A strategy picks one agent among the eligible ones (in id order) and says why.
Picker = Callable[[list[AgentState], WaitingCase, str | None], tuple[AgentState, dict]]


def dispatch(policy: QueuePolicy, waiting: Sequence[WaitingCase], agents: Sequence[AgentState],
             now: datetime) -> DispatchResult:
    """Assign what can be assigned now; the rest waits, in queue order, with the time of the next relaxation.

    The inputs are never changed. Under the manual strategy agents pull their
    cases, so nothing is assigned and no relaxation timer is needed.
    """
    aware(now)
    _unique("duplicate_agent", "agent id", [agent.id for agent in agents])
    _unique("duplicate_case", "case id", [case.case_id for case in waiting])
    queue = queue_order(waiting)
    if policy.strategy == "manual":
        return DispatchResult(assignments=[], cursor=policy.cursor, waiting=[c.case_id for c in queue],
                              next_relax_at=None)

    pick = _PICKERS[policy.strategy]
    pool = {agent.id: agent for agent in sorted(agents, key=lambda agent: agent.id)}
    cursor = policy.cursor
    assignments: list[Assignment] = []
    left: list[WaitingCase] = []
    for case in queue:
        optional_relaxed = relaxed(case, now, policy)
        candidates: list[AgentState] = []
        skipped: dict[str, list[str]] = {}
        for agent in pool.values():
            code = why_not(agent, case, optional_relaxed)
            if code is None:
                candidates.append(agent)
            else:
                skipped.setdefault(code, []).append(agent.id)
        if not candidates:
            left.append(case)
            continue
        chosen, evidence = pick(candidates, case, cursor)
        after = _loaded(chosen, case.channel, now)
        pool[chosen.id] = after
        if policy.strategy == "round_robin":
            cursor = chosen.id
        reason = {
            "strategy": policy.strategy,
            "priority": case.priority.value,
            "eligible": [agent.id for agent in candidates],
            "skipped": dict(sorted(skipped.items())),
            "optional_skills_relaxed": optional_relaxed and bool(case.optional_skills),
            **_load_evidence(chosen, after, case.channel),
            **evidence,
        }
        assignments.append(Assignment(case_id=case.case_id, agent_id=chosen.id, reason=reason))
    return DispatchResult(assignments=assignments, cursor=cursor, waiting=[case.case_id for case in left],
                          next_relax_at=next_relax_at(left, now, policy))


def least_loaded_key(agent: AgentState) -> tuple:
    """Sort key of the least-loaded strategy: load/capacity (exact), load, longest since a case, id.

    Only meaningful for agents with capacity, the only ones ever eligible.
    """
    # The flag sorts never-assigned agents first and keeps None from being compared with a datetime.
    assigned = agent.last_assigned_at is not None
    return (Fraction(agent.load, agent.capacity), agent.load, assigned, agent.last_assigned_at, agent.id)


def skill_score(agent: AgentState, case: WaitingCase) -> tuple[int, int]:
    """How well the agent fits the case: (optional skills met at their level, sum of levels over the case's skills).

    A skill named both required and optional counts its level once.
    """
    met = sum(agent.skills.get(skill, 0) >= level for skill, level in case.optional_skills.items())
    levels = sum(agent.skills.get(skill, 0) for skill in case.required_skills.keys() | case.optional_skills.keys())
    return met, levels


def _round_robin(candidates: list[AgentState], case: WaitingCase, cursor: str | None) -> tuple[AgentState, dict]:
    # The first after the cursor in id order, not in list position: the rotation stays fair when agents come
    # online or leave between two cases, and a cursor naming an agent who left still says where to carry on.
    after = [agent for agent in candidates if cursor is None or agent.id > cursor]
    return (after or candidates)[0], {"cursor_before": cursor, **_standing(candidates, case, skills=False)}


def _least_loaded(candidates: list[AgentState], case: WaitingCase, cursor: str | None) -> tuple[AgentState, dict]:
    return min(candidates, key=least_loaded_key), _standing(candidates, case, skills=False)


def _skills(candidates: list[AgentState], case: WaitingCase, cursor: str | None) -> tuple[AgentState, dict]:
    def key(agent: AgentState) -> tuple:
        met, levels = skill_score(agent, case)
        return (-met, -levels, *least_loaded_key(agent))

    chosen = min(candidates, key=key)
    met, levels = skill_score(chosen, case)
    return chosen, {"optional_skills_met": met, "skill_level_sum": levels, **_standing(candidates, case, skills=True)}


_PICKERS: dict[str, Picker] = {"round_robin": _round_robin, "least_loaded": _least_loaded, "skills": _skills}


def _standing(candidates: list[AgentState], case: WaitingCase, *, skills: bool) -> dict:
    """Where every eligible agent stood, for `engine.routing.evidence.redecide` to weigh again and for the case
    page to show why this agent and not another: each one's load, capacity and last case, and under `skills`
    their levels in the skills the case asks for (which the evidence names too). The round robin picks by
    the eligible ids and the cursor alone; its candidates are there for the reader."""
    wanted = case.required_skills.keys() | case.optional_skills.keys()
    agents: dict[str, dict] = {}
    for agent in candidates:
        last = agent.last_assigned_at
        agents[agent.id] = {"load": agent.load, "capacity": agent.capacity,
                            "last_assigned_at": last.isoformat() if last is not None else None}
        if skills:
            agents[agent.id]["skills"] = {name: level for name, level in sorted(agent.skills.items())
                                          if name in wanted}
    if not skills:
        return {"candidates": agents}
    return {"candidates": agents, "required_skills": dict(case.required_skills),
            "optional_skills": dict(case.optional_skills)}


def _loaded(agent: AgentState, channel: str, now: datetime) -> AgentState:
    channel_load = {**agent.channel_load, channel: agent.channel_load.get(channel, 0) + 1}
    return agent.model_copy(update={"load": agent.load + 1, "channel_load": channel_load, "last_assigned_at": now})


def _load_evidence(before: AgentState, after: AgentState, channel: str) -> dict:
    evidence = {
        "capacity": before.capacity,
        "load_before": before.load,
        "load_after": after.load,
        "channel": channel,
        "channel_load_before": before.channel_load.get(channel, 0),
        "channel_load_after": after.channel_load[channel],
    }
    if channel in before.channel_capacity:
        evidence["channel_capacity"] = before.channel_capacity[channel]
    return evidence


def _unique(code: str, what: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for one in ids:
        if one in seen:
            raise RoutingError(code, f"{what} {one!r} is listed twice: each must appear once per dispatch")
        seen.add(one)
