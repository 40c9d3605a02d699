"""Case routing: eligibility, the four strategies, relaxing optional skills, and the dispatcher's guarantees."""

from __future__ import annotations

import json
import pickle
import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from engine.models import Priority
from engine.routing import (
    INELIGIBLE,
    STRATEGIES,
    AgentState,
    DispatchResult,
    QueuePolicy,
    RoutingError,
    WaitingCase,
    dispatch,
    eligible,
    least_loaded_key,
    queue_order,
    redecide,
    skill_score,
)

NOW = datetime(2026, 11, 23, 9, tzinfo=UTC)
SECOND = timedelta(seconds=1)
ROUND_ROBIN, LEAST_LOADED, SKILLS, MANUAL = (QueuePolicy(strategy=s) for s in STRATEGIES)


def agent(agent_id: str, **fields: object) -> AgentState:
    return AgentState(id=agent_id, **fields)


def case(case_id: str, waited: float = 0, priority: str = "normal", channel: str = "email",
         **fields: object) -> WaitingCase:
    return WaitingCase(case_id=case_id, priority=priority, enqueued_at=NOW - waited * SECOND, channel=channel,
                       **fields)


def given_to(result: DispatchResult) -> dict[str, str]:
    return {a.case_id: a.agent_id for a in result.assignments}


def after(agents: list[AgentState], result: DispatchResult, waiting: list[WaitingCase]) -> list[AgentState]:
    """The agents once the caller has written the result back."""
    channel = {c.case_id: c.channel for c in waiting}
    updated = []
    for one in agents:
        mine = [a.case_id for a in result.assignments if a.agent_id == one.id]
        per_channel = Counter(channel[c] for c in mine)
        updated.append(one.model_copy(update={
            "load": one.load + len(mine),
            "channel_load": {ch: one.channel_load.get(ch, 0) + per_channel[ch]
                             for ch in sorted(one.channel_load.keys() | per_channel.keys())},
            "last_assigned_at": NOW if mine else one.last_assigned_at,
        }))
    return updated


# --- Queue order and eligibility ----------------------------------------------------------------------


def test_cases_are_served_most_urgent_first_then_oldest_then_by_id() -> None:
    cases = [case("n-old", 50), case("low", 900, "low"), case("n-b", 10), case("urgent", 1, "urgent"),
             case("high", 5, "high"), case("n-a", 10)]
    assert [c.case_id for c in queue_order(cases)] == ["urgent", "high", "n-old", "n-a", "n-b", "low"]


@pytest.mark.parametrize(("who", "what", "code"), [
    (agent("a", online=False), case("c"), "offline"),
    (agent("a"), case("c", excluded_agents=["a"]), "excluded"),
    (agent("a", channels=["email"]), case("c", channel="twitter"), "channel"),
    (agent("a", languages=["en"]), case("c", language="fr"), "language"),
    (agent("a"), case("c", required_skills={"billing": 1}), "skills"),
    (agent("a", skills={"billing": 2}), case("c", required_skills={"billing": 3}), "skills"),
    (agent("a"), case("c", optional_skills={"vip": 1}), "optional_skills"),
    (agent("a", capacity=2, load=2), case("c"), "at_capacity"),
    (agent("a", capacity=0), case("c"), "at_capacity"),
    (agent("a", capacity=1, load=3), case("c"), "at_capacity"),  # capacity lowered under a busy agent
    (agent("a", channel_capacity={"email": 1}, channel_load={"email": 1}), case("c"), "channel_capacity"),
    (agent("a", channel_capacity={"email": 0}), case("c"), "channel_capacity"),
    # The permanent reason wins over the temporary one: this case will not move when a load drops.
    (agent("a", online=False, capacity=0, languages=["en"]), case("c", language="fr"), "offline"),
    (agent("a", capacity=0, languages=["en"]), case("c", language="fr"), "language"),
])
def test_each_reason_an_agent_cannot_take_a_case(who: AgentState, what: WaitingCase, code: str) -> None:
    assert code in INELIGIBLE
    assert eligible(who, what, NOW, ROUND_ROBIN) == code


@pytest.mark.parametrize(("who", "what"), [
    (agent("a", languages=["en"]), case("c")),  # the case has no language
    (agent("a"), case("c", language="fr")),  # the agent speaks anything
    (agent("a", languages=["en", "fr"], channels=["email", "twitter"]), case("c", language="fr", channel="twitter")),
    (agent("a", skills={"billing": 4, "tech": 1}), case("c", required_skills={"billing": 4})),
    (agent("a", capacity=2, load=1, channel_capacity={"twitter": 0}), case("c")),  # cap on another channel
    (agent("a", channel_capacity={"email": 2}, channel_load={"email": 1}), case("c")),
    (agent("a"), case("c", 120, optional_skills={"vip": 3})),  # relaxed at the threshold
])
def test_agents_who_can_take_the_case(who: AgentState, what: WaitingCase) -> None:
    assert eligible(who, what, NOW, ROUND_ROBIN) is None


# --- Strategies ---------------------------------------------------------------------------------------


def test_round_robin_rotates_in_id_order_and_wraps() -> None:
    team = [agent("carol", capacity=9), agent("alice", capacity=9), agent("bob", capacity=9)]
    cases = [case(f"c{i}", 10 - i) for i in range(7)]
    result = dispatch(ROUND_ROBIN, cases, team, NOW)
    assert [a.agent_id for a in result.assignments] == ["alice", "bob", "carol"] * 2 + ["alice"]
    assert result.cursor == "alice"
    assert Counter(given_to(result).values()) == {"alice": 3, "bob": 2, "carol": 2}

    resumed = dispatch(QueuePolicy(cursor="carol"), [case("next")], team, NOW)
    assert given_to(resumed) == {"next": "alice"} and resumed.assignments[0].reason["cursor_before"] == "carol"


def test_round_robin_skips_the_ineligible_and_survives_the_cursor_agent_leaving() -> None:
    team = [agent("a"), agent("b", online=False), agent("d")]
    assert given_to(dispatch(QueuePolicy(cursor="a"), [case("x")], team, NOW)) == {"x": "d"}
    # "c" went home since it got the last case: the rotation carries on after where "c" would be.
    assert given_to(dispatch(QueuePolicy(cursor="c"), [case("x")], team, NOW)) == {"x": "d"}
    assert given_to(dispatch(QueuePolicy(cursor="d"), [case("x")], team, NOW)) == {"x": "a"}


def test_round_robin_is_fair_over_successive_dispatches() -> None:
    team = [agent(name, capacity=100) for name in "abcd"]
    policy, counts = ROUND_ROBIN, Counter[str]()
    for turn in range(10):
        burst = [case(f"t{turn}-{i}", -turn) for i in range(3)]
        result = dispatch(policy, burst, team, NOW)
        counts.update(given_to(result).values())
        policy, team = policy.model_copy(update={"cursor": result.cursor}), after(team, result, burst)
    assert counts == {"a": 8, "b": 8, "c": 7, "d": 7}


def test_least_loaded_compares_ratios_exactly_then_load_then_idle_time_then_id() -> None:
    # 1/3 and 10**16/(3*10**16 + 1) are the same float; exactly, "big" is less loaded.
    big = agent("big", capacity=3 * 10**16 + 1, load=10**16)
    assert given_to(dispatch(LEAST_LOADED, [case("c")], [agent("small", capacity=3, load=1), big], NOW)) == {"c": "big"}
    # Equal ratios: the lower load wins.
    assert given_to(dispatch(LEAST_LOADED, [case("c")], [agent("a", capacity=6, load=2),
                                                         agent("b", capacity=3, load=1)], NOW)) == {"c": "b"}
    # Equal loads: never assigned first, then the longest idle, then the id.
    hour = timedelta(hours=1)
    team = [agent("a", last_assigned_at=NOW - hour), agent("b", last_assigned_at=NOW - 2 * hour), agent("c"),
            agent("d")]
    assert [a.agent_id for a in dispatch(LEAST_LOADED, [case(f"x{i}", -i) for i in range(4)], team, NOW).assignments
            ] == ["c", "d", "b", "a"]


def test_least_loaded_spreads_a_burst_over_the_team() -> None:
    team = [agent("a", capacity=4, load=2), agent("b", capacity=2), agent("c", capacity=10, load=1)]
    result = dispatch(LEAST_LOADED, [case(f"c{i}", 9 - i) for i in range(6)], team, NOW)
    # b at 0/2 first; then c's tenths stay under everyone's half until c is at 5/10 too, and b has the lowest load.
    assert [a.agent_id for a in result.assignments] == ["b", "c", "c", "c", "c", "b"]
    assert [(a.reason["load_before"], a.reason["load_after"]) for a in result.assignments][-1] == (1, 2)


def test_skills_prefers_optional_matches_then_levels_then_the_least_loaded() -> None:
    wants = {"required_skills": {"billing": 2}, "optional_skills": {"vip": 3}}
    expert = agent("expert", skills={"billing": 5, "vip": 2})
    vip = agent("vip", skills={"billing": 2, "vip": 3}, load=4)
    # Relaxed, so both may take it: meeting the preference beats higher levels and a lighter load.
    assert given_to(dispatch(SKILLS, [case("c", 600, **wants)], [expert, vip], NOW)) == {"c": "vip"}
    assert skill_score(vip, case("c", **wants)) == (1, 5) and skill_score(expert, case("c", **wants)) == (0, 7)

    senior, junior = agent("senior", skills={"billing": 4}, load=3), agent("junior", skills={"billing": 2})
    result = dispatch(SKILLS, [case("c", required_skills={"billing": 2})], [junior, senior], NOW)
    assert given_to(result) == {"c": "senior"}
    assert result.assignments[0].reason.items() >= {"optional_skills_met": 0, "skill_level_sum": 4}.items()

    twins = [agent("b", skills={"billing": 3}, load=1), agent("a", skills={"billing": 3}, load=2)]
    assert given_to(dispatch(SKILLS, [case("c", required_skills={"billing": 1})], twins, NOW)) == {"c": "b"}


def test_manual_queues_assign_nothing() -> None:
    waiting = [case("old", 500, optional_skills={"vip": 1}), case("urgent", 1, "urgent")]
    result = dispatch(MANUAL.model_copy(update={"cursor": "a"}), waiting, [agent("a")], NOW)
    assert result == DispatchResult(assignments=[], cursor="a", waiting=["urgent", "old"], next_relax_at=None)


# --- The dispatcher's stories -------------------------------------------------------------------------


def test_an_agent_at_capacity_gets_nothing_until_a_load_drops_then_the_oldest_case() -> None:
    busy = agent("a", capacity=2, load=2)
    waiting = [case("younger", 30), case("oldest", 90), case("middle", 60)]
    result = dispatch(ROUND_ROBIN, waiting, [busy], NOW)
    assert result.assignments == [] and result.waiting == ["oldest", "middle", "younger"]
    assert result.next_relax_at is None

    freed = busy.model_copy(update={"load": 1})
    result = dispatch(ROUND_ROBIN, waiting, [freed], NOW + 10 * SECOND)
    assert given_to(result) == {"oldest": "a"} and result.waiting == ["middle", "younger"]
    assert result.assignments[0].reason.items() >= {"load_before": 1, "load_after": 2, "capacity": 2}.items()


def test_a_case_nobody_can_take_does_not_block_the_queue() -> None:
    team = [agent("en", languages=["en"]), agent("away", languages=["fr"], online=False)]
    waiting = [case("bonjour", 300, "urgent", language="fr"), case("hello", 10, language="en"), case("hi", 5)]
    result = dispatch(ROUND_ROBIN, waiting, team, NOW)
    assert given_to(result) == {"hello": "en", "hi": "en"} and result.waiting == ["bonjour"]
    assert result.assignments[0].reason["skipped"] == {"offline": ["away"]}


def test_a_case_taken_back_goes_to_someone_else() -> None:
    returned = case("c", 400, excluded_agents=["a"])
    result = dispatch(LEAST_LOADED, [returned], [agent("a"), agent("b", load=3)], NOW)
    assert given_to(result) == {"c": "b"} and result.assignments[0].reason["skipped"] == {"excluded": ["a"]}


def test_channel_capacity_holds_within_one_dispatch() -> None:
    team = [agent("a", capacity=10, channel_capacity={"twitter": 2}, channel_load={"twitter": 1})]
    result = dispatch(ROUND_ROBIN, [case(f"t{i}", 10 - i, channel="twitter") for i in range(3)] + [case("mail")],
                      team, NOW)
    assert given_to(result) == {"t0": "a", "mail": "a"} and result.waiting == ["t1", "t2"]
    evidence = {"channel_capacity": 2, "channel_load_before": 1, "channel_load_after": 2}
    assert result.assignments[0].reason.items() >= evidence.items()


def test_optional_skills_relax_exactly_at_the_threshold() -> None:
    generalist = [agent("gen")]
    pending = case("vip", 119, optional_skills={"vip": 3})
    held = dispatch(ROUND_ROBIN, [pending], generalist, NOW)
    assert held.assignments == [] and held.next_relax_at == pending.enqueued_at + 120 * SECOND == NOW + SECOND

    relaxed = dispatch(ROUND_ROBIN, [pending], generalist, held.next_relax_at)
    assert given_to(relaxed) == {"vip": "gen"} and relaxed.assignments[0].reason["optional_skills_relaxed"]
    assert relaxed.next_relax_at is None

    specialist = dispatch(ROUND_ROBIN, [pending], [agent("gen"), agent("pro", skills={"vip": 3})], NOW)
    assert given_to(specialist) == {"vip": "pro"}
    assert specialist.assignments[0].reason["optional_skills_relaxed"] is False
    assert specialist.assignments[0].reason["skipped"] == {"optional_skills": ["gen"]}


def test_next_relax_at_is_the_earliest_pending_relaxation_in_utc() -> None:
    paris = ZoneInfo("Europe/Paris")
    waiting = [
        case("soon", 100, optional_skills={"vip": 1}),
        WaitingCase(case_id="later", priority=Priority.high, channel="email", optional_skills={"vip": 1},
                    enqueued_at=(NOW - 50 * SECOND).astimezone(paris)),
        case("plain", 110),  # no optional skills: nothing to relax
        case("done", 500, optional_skills={"vip": 1}, language="fr"),  # relaxed already, waits for a French speaker
    ]
    result = dispatch(ROUND_ROBIN, waiting, [agent("en", languages=["en"])], NOW)
    assert result.assignments[0].case_id == "plain"
    assert result.next_relax_at == NOW + 20 * SECOND and result.next_relax_at.tzinfo is UTC
    never = QueuePolicy(relax_optional_after_seconds=None)
    assert dispatch(never, waiting, [agent("en", languages=["en"])], NOW).next_relax_at is None
    assert eligible(agent("a"), case("c", 10**6, optional_skills={"vip": 1}), NOW, never) == "optional_skills"
    at_once = QueuePolicy(relax_optional_after_seconds=0)
    assert given_to(dispatch(at_once, [case("c", optional_skills={"vip": 1})], [agent("a")], NOW)) == {"c": "a"}


def test_the_reason_is_json_evidence_for_auditors() -> None:
    team = [agent("a", capacity=0), agent("b", online=False), agent("c", load=1), agent("d", channels=["chat"])]
    result = dispatch(ROUND_ROBIN, [case("x", priority="high")], team, NOW)
    reason = json.loads(json.dumps(result.model_dump(mode="json")))["assignments"][0]["reason"]
    assert reason == {
        "strategy": "round_robin", "priority": "high", "eligible": ["c"],
        "candidates": {"c": {"load": 1, "capacity": 5, "last_assigned_at": None}},
        "skipped": {"at_capacity": ["a"], "channel": ["d"], "offline": ["b"]},
        "optional_skills_relaxed": False, "capacity": 5, "load_before": 1, "load_after": 2,
        "channel": "email", "channel_load_before": 0, "channel_load_after": 1, "cursor_before": None,
    }


# --- Bad input ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("model", "fields", "loc", "message"), [
    (AgentState, {"id": "a", "capacity": -1}, ("capacity",), "greater than or equal to 0"),
    (AgentState, {"id": "a", "load": -2}, ("load",), "greater than or equal to 0"),
    (AgentState, {"id": "a", "channel_load": {"email": -1}}, ("channel_load", "email"), "greater than or equal to 0"),
    (AgentState, {"id": "a", "channel_capacity": {"sms": -1}}, ("channel_capacity", "sms"), "greater than or equal"),
    (AgentState, {"id": "a", "skills": {"billing": 6}}, ("skills", "billing"), "less than or equal to 5"),
    (AgentState, {"id": "a", "last_assigned_at": datetime(2026, 1, 1)}, ("last_assigned_at",), "timezone"),
    (AgentState, {"id": ""}, ("id",), "at least 1 character"),
    (WaitingCase, {"case_id": "c", "priority": "asap", "enqueued_at": NOW, "channel": "email"}, ("priority",),
     "'urgent'"),
    (WaitingCase, {"case_id": "c", "priority": "low", "enqueued_at": datetime(2026, 1, 1), "channel": "email"},
     ("enqueued_at",), "timezone"),
    (WaitingCase, {"case_id": "c", "priority": "low", "enqueued_at": NOW, "channel": "email",
                   "optional_skills": {"vip": 0}}, ("optional_skills", "vip"), "greater than or equal to 1"),
    (QueuePolicy, {"strategy": "random"}, ("strategy",), "'least_loaded'"),
    (QueuePolicy, {"relax_optional_after_seconds": -5}, ("relax_optional_after_seconds",), "greater than or equal"),
])
def test_validation_errors_name_the_field_and_the_reason(model: type, fields: dict, loc: tuple, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        model.model_validate(fields)
    [error] = raised.value.errors()
    assert error["loc"] == loc and message in error["msg"]


@pytest.mark.parametrize(("waiting", "agents", "now", "code"), [
    ([case("c")], [agent("a"), agent("a")], NOW, "duplicate_agent"),
    ([case("c"), case("c", 5)], [agent("a")], NOW, "duplicate_case"),
    ([case("c")], [agent("a")], datetime(2026, 11, 23, 9), "naive_datetime"),
])
def test_requests_without_an_answer_raise_routing_errors(waiting: list, agents: list, now: datetime,
                                                          code: str) -> None:
    with pytest.raises(RoutingError) as raised:
        dispatch(ROUND_ROBIN, waiting, agents, now)
    assert raised.value.code == code and raised.value.to_dict()["code"] == code
    assert pickle.loads(pickle.dumps(raised.value)).to_dict() == raised.value.to_dict()


def test_models_are_frozen() -> None:
    with pytest.raises(ValidationError, match="frozen"):
        agent("a").load = 3  # type: ignore[misc]


def test_eligible_wants_an_aware_now() -> None:
    with pytest.raises(RoutingError, match="timezone-aware"):
        eligible(agent("a"), case("c"), datetime(2026, 11, 23, 9), ROUND_ROBIN)


# --- Properties ---------------------------------------------------------------------------------------

AGENT_IDS, CHANNELS, LANGUAGES, SKILL_NAMES = ["a", "b", "c", "d", "e"], ["email", "twitter"], ["en", "fr"], ["x", "y"]
PROPERTY = settings(max_examples=100, deadline=None)

# Strategies built once (hypothesis is slow when they are rebuilt inside every draw), and biased towards
# agents who can take something: most fields are empty half the time or more.
channel = st.sampled_from(CHANNELS)
skill_levels = st.dictionaries(st.sampled_from(SKILL_NAMES), st.integers(1, 5), max_size=2)
wanted_skills = st.just({}) | st.dictionaries(st.sampled_from(SKILL_NAMES), st.integers(1, 3), max_size=1)
channel_counts = st.just({}) | st.dictionaries(channel, st.integers(0, 3), max_size=2)
teams = st.lists(st.builds(
    AgentState,
    id=st.sampled_from(AGENT_IDS),
    online=st.sampled_from([True, True, True, False]),
    capacity=st.integers(0, 4),
    channel_capacity=channel_counts,
    load=st.integers(0, 2),
    channel_load=channel_counts,
    skills=skill_levels,
    languages=st.just([]) | st.lists(st.sampled_from(LANGUAGES), unique=True, min_size=1, max_size=2),
    channels=st.just([]) | st.lists(channel, unique=True, min_size=1, max_size=2),
    last_assigned_at=st.sampled_from([None, *(NOW - timedelta(hours=h) for h in range(3))]),
), min_size=1, max_size=5, unique_by=lambda one: one.id)
# A few kinds of case, each served several times at different ages: twins exercise "older first".
kinds = st.lists(st.fixed_dictionaries({
    "priority": st.sampled_from(list(Priority)),
    "channel": channel,
    "language": st.sampled_from([None, None, *LANGUAGES]),
    "required_skills": wanted_skills,
    "optional_skills": wanted_skills,
    "excluded_agents": st.just([]) | st.lists(st.sampled_from(AGENT_IDS), max_size=1),
}), min_size=1, max_size=4)
slots = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 200)), min_size=1, max_size=9)
queues = st.builds(lambda kinds, slots: [
    WaitingCase(case_id=f"c{i}", enqueued_at=NOW - age * SECOND, **kinds[kind % len(kinds)])
    for i, (kind, age) in enumerate(slots)], kinds, slots)
policies = st.builds(QueuePolicy, strategy=st.sampled_from(STRATEGIES[:3]),
                     relax_optional_after_seconds=st.sampled_from([None, 0, 60, 120]),
                     cursor=st.none() | st.sampled_from(AGENT_IDS))


def _taken(one: AgentState, channel: str) -> AgentState:
    return one.model_copy(update={"load": one.load + 1, "last_assigned_at": NOW,
                                  "channel_load": one.channel_load | {channel: one.channel_load.get(channel, 0) + 1}})


@PROPERTY
@given(policies, queues, teams)
def test_every_assignment_is_eligible_in_queue_order_and_nothing_is_cherry_picked(
        policy: QueuePolicy, cases: list[WaitingCase], agents: list[AgentState]) -> None:
    result = dispatch(policy, cases, agents, NOW)
    by_id, position = {c.case_id: c for c in cases}, {c.case_id: i for i, c in enumerate(queue_order(cases))}
    done = [a.case_id for a in result.assignments]
    assert sorted(done + result.waiting) == sorted(by_id)  # each case exactly once, assigned or waiting
    assert done == sorted(done, key=position.get) and result.waiting == sorted(result.waiting, key=position.get)
    left = [by_id[c] for c in result.waiting]

    state, cursor = {one.id: one for one in agents}, policy.cursor
    for decision in result.assignments:
        what, who = by_id[decision.case_id], state[decision.agent_id]
        assert who.online and who.id not in what.excluded_agents and who.load < who.capacity
        assert eligible(who, what, NOW, policy) is None
        ready = [one for one in sorted(state.values(), key=lambda o: o.id) if eligible(one, what, NOW, policy) is None]
        assert decision.reason["eligible"] == [one.id for one in ready]
        if policy.strategy == "round_robin":
            assert who == next((one for one in ready if cursor is None or one.id > cursor), ready[0])
            cursor = who.id
        elif policy.strategy == "least_loaded":
            assert who == min(ready, key=least_loaded_key)
        elif policy.strategy == "skills":
            assert skill_score(who, what) == max(skill_score(one, what) for one in ready)
        # No case ahead in the queue that is still waiting could have gone to this agent instead.
        for earlier in left:
            if position[earlier.case_id] < position[what.case_id]:
                assert eligible(who, earlier, NOW, policy) is not None
        state[who.id] = _taken(who, what.channel)

    for waiting in left:
        assert all(eligible(one, waiting, NOW, policy) is not None for one in state.values())
    given = Counter(a.agent_id for a in result.assignments)
    per_channel = Counter((a.agent_id, by_id[a.case_id].channel) for a in result.assignments)
    for one in agents:
        assert not given[one.id] or one.load + given[one.id] <= one.capacity
        for channel, cap in one.channel_capacity.items():
            extra = per_channel[one.id, channel]
            assert not extra or one.channel_load.get(channel, 0) + extra <= cap

    same = ("priority", "channel", "language", "required_skills", "optional_skills", "excluded_agents")
    for waiting in left:
        for decision in result.assignments:
            twin = by_id[decision.case_id]
            if all(getattr(waiting, f) == getattr(twin, f) for f in same):
                assert twin.enqueued_at <= waiting.enqueued_at  # an older twin never waits for a younger one


@settings(PROPERTY, max_examples=80)
@given(st.sampled_from(STRATEGIES).flatmap(lambda s: policies.map(lambda p: p.model_copy(update={"strategy": s}))),
       queues, teams, st.randoms(use_true_random=False))
def test_dispatch_is_deterministic_order_free_and_leaves_its_inputs_alone(
        policy: QueuePolicy, cases: list[WaitingCase], agents: list[AgentState], rng: random.Random) -> None:
    snapshot = [m.model_dump() for m in (policy, *cases, *agents)]
    result = dispatch(policy, cases, agents, NOW)
    assert [m.model_dump() for m in (policy, *cases, *agents)] == snapshot
    shuffled_cases, shuffled_agents = rng.sample(cases, len(cases)), rng.sample(agents, len(agents))
    assert dispatch(policy, shuffled_cases, shuffled_agents, NOW) == result
    assert json.loads(result.model_dump_json()) == json.loads(json.dumps(result.model_dump(mode="json")))

    if policy.strategy == "manual":
        assert result.assignments == [] and result.next_relax_at is None and len(result.waiting) == len(cases)
    if result.next_relax_at is not None:
        assert result.next_relax_at > NOW
    # Written back, the same moment assigns nothing more: whatever waits, waits for a reason.
    again = dispatch(policy.model_copy(update={"cursor": result.cursor}),
                     [c for c in cases if c.case_id in result.waiting], after(agents, result, cases), NOW)
    assert again.assignments == [] and again.waiting == result.waiting


# --- Deciding again from the evidence -----------------------------------------------------------------


@PROPERTY
@given(policies, queues, teams)
def test_every_assignment_is_decided_again_from_its_evidence_alone(
        policy: QueuePolicy, cases: list[WaitingCase], agents: list[AgentState]) -> None:
    """What an auditor does with a case's timeline: each assignment's reason, as JSON and without the team or
    the queue, gives the same agent through the same dispatcher."""
    result = dispatch(policy, cases, agents, NOW)
    for decision in result.assignments:
        reason = json.loads(json.dumps(decision.reason))
        assert redecide(reason, decision.case_id, NOW + timedelta(days=300)) == decision.agent_id


def test_an_assignment_that_does_not_follow_from_its_evidence_is_found() -> None:
    team = [agent("a", load=3, last_assigned_at=NOW - SECOND), agent("b", load=1), agent("c", load=1, capacity=2)]
    reason = dispatch(LEAST_LOADED, [case("x")], team, NOW).assignments[0].reason
    assert reason["candidates"]["b"] == {"load": 1, "capacity": 5, "last_assigned_at": None}
    assert redecide(reason, "x", NOW) == "b"
    reason["candidates"]["b"]["load"] = 4  # as if b had been busier: c's 1 of 2 was then the lowest ratio
    assert redecide(reason, "x", NOW) == "c"
    reason["candidates"] = {"a": {"load": 5, "capacity": 5, "last_assigned_at": None}}  # recorded, yet full
    assert redecide(reason, "x", NOW) is None


@pytest.mark.parametrize(("strategy", "missing"), [("least_loaded", "candidates"), ("skills", "candidates"),
                                                   ("round_robin", "cursor_before")])
def test_evidence_recorded_before_it_was_kept_cannot_be_decided_again(strategy: str, missing: str) -> None:
    reason = dispatch(QueuePolicy(strategy=strategy), [case("x")], [agent("a"), agent("b")], NOW).assignments[0].reason
    del reason[missing]
    with pytest.raises(RoutingError) as raised:
        redecide(reason, "x", NOW)
    assert raised.value.code == "evidence_incomplete" and raised.value.path == f"/{missing}"
    with pytest.raises(RoutingError, match="a person chose"):
        redecide({"strategy": "pull", "load_before": 0}, "x", NOW)
