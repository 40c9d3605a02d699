"""SLA clocks: exact timer instants in business time, pauses, met and restarted targets, policy changes."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from engine.calendars import WEEKDAYS, BusinessCalendar, add_business_time, business_time_between
from engine.slas import (
    TARGETS,
    EscalationAction,
    EscalationLevel,
    SlaClocks,
    SlaError,
    SlaEvent,
    SlaPolicy,
    change_policy,
    deadline,
    due_events,
    met,
    pause,
    pending_events,
    restart,
    resume,
    start_clocks,
    summary,
)

PARIS = ZoneInfo("Europe/Paris")
OFFICE = BusinessCalendar(timezone="Europe/Paris", weekly={day: [["09:00", "17:00"]] for day in WEEKDAYS[:5]})
MIN, HOUR, MICRO = 60, 3600, timedelta(microseconds=1)
NOTIFY = EscalationAction(type="notify", to="supervisor")
LADDER = [EscalationLevel(after_seconds=30 * MIN, actions=[NOTIFY]),
          EscalationLevel(after_seconds=2 * HOUR, actions=[EscalationAction(type="raise_priority"),
                                                           EscalationAction(type="move_queue", to="tier-2")])]
BUSINESS = SlaPolicy(id="business", first_response_seconds=HOUR, next_response_seconds=30 * MIN,
                     resolution_seconds=8 * HOUR, warn_before_seconds=15 * MIN, calendar=OFFICE, escalation=LADDER)
WAITING = ("resolution", "next_response")


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def keys(events: Iterable[SlaEvent]) -> list[str]:
    return [event.key for event in events]


# --- The Friday-evening mention -------------------------------------------------------------------------------

FRIDAY_EVENING = paris(2026, 11, 20, 18, 30)


def test_a_friday_evening_mention_is_due_monday_morning() -> None:
    clocks = start_clocks(BUSINESS, FRIDAY_EVENING)
    assert deadline(clocks, "first_response") == paris(2026, 11, 23, 10)
    assert deadline(clocks, "resolution") == paris(2026, 11, 23, 17)
    assert deadline(clocks, "next_response") is None and "next_response" not in clocks.clocks
    first = [(e.kind, e.level, e.at) for e in pending_events(clocks) if e.target == "first_response"]
    assert first == [("warning", None, paris(2026, 11, 23, 9, 45)), ("breach", None, paris(2026, 11, 23, 10)),
                     ("escalation", 1, paris(2026, 11, 23, 10, 30)), ("escalation", 2, paris(2026, 11, 23, 12))]
    assert all(event.at.tzinfo is UTC for event in pending_events(clocks))


def test_events_fire_exactly_at_their_instant_and_once() -> None:
    clocks = start_clocks(BUSINESS, FRIDAY_EVENING)
    warning, due = paris(2026, 11, 23, 9, 45), paris(2026, 11, 23, 10)
    assert due_events(clocks, warning - MICRO)[0] == []
    fired, clocks = due_events(clocks, warning)
    assert keys(fired) == ["first_response:warning"]
    assert due_events(clocks, due - MICRO)[0] == []
    fired, clocks = due_events(clocks, due)
    assert keys(fired) == ["first_response:breach"] and fired[0].at == due
    assert clocks.clocks["first_response"].breached_at == due
    assert due_events(clocks, due)[0] == []  # applied events never come back
    fired, clocks = due_events(clocks, paris(2026, 11, 23, 10, 30))
    assert [(e.key, e.actions) for e in fired] == [("first_response:escalation:1", [NOTIFY])]
    assert clocks.fired == ["first_response:warning", "first_response:breach", "first_response:escalation:1"]


def test_a_late_wake_up_applies_every_due_event_in_order() -> None:
    fired, clocks = due_events(start_clocks(BUSINESS, FRIDAY_EVENING), paris(2026, 11, 23, 16, 45))
    assert keys(fired) == ["first_response:warning", "first_response:breach", "first_response:escalation:1",
                           "first_response:escalation:2", "resolution:warning"]
    assert keys(pending_events(clocks))[0] == "resolution:breach"


def test_same_instant_events_go_warning_breach_escalation_by_target() -> None:
    policy = BUSINESS.model_copy(update={"calendar": None, "escalation": [
        EscalationLevel(after_seconds=0, actions=[NOTIFY])] + [
        EscalationLevel(after_seconds=s, actions=[NOTIFY]) for s in range(1, 11)]})
    clocks = start_clocks(policy, FRIDAY_EVENING)
    first = keys(e for e in pending_events(clocks) if e.target == "first_response")
    assert first[:3] == ["first_response:warning", "first_response:breach", "first_response:escalation:1"]
    assert first[-2:] == ["first_response:escalation:10", "first_response:escalation:11"]
    # A stricter policy leaves warning and breach overdue together: both at `now`, warning first.
    strict = policy.model_copy(update={"first_response_seconds": 20 * MIN, "warn_before_seconds": 5 * MIN,
                                       "escalation": []})
    now = FRIDAY_EVENING + timedelta(hours=1)
    fired, _ = due_events(change_policy(clocks, strict, now), now)
    assert [(e.key, e.at) for e in fired] == [("first_response:warning", now), ("first_response:breach", now)]


# --- Waiting on the customer, met, restart --------------------------------------------------------------------

MONDAY = paris(2026, 11, 23, 9)


def test_waiting_on_the_customer_extends_resolution_by_the_paused_business_time() -> None:
    clocks = start_clocks(BUSINESS, MONDAY)
    before = deadline(clocks, "resolution")
    assert before == paris(2026, 11, 23, 17)
    reply, answer = paris(2026, 11, 23, 11), paris(2026, 11, 24, 10, 30)
    clocks = pause(met(clocks, "first_response", reply), WAITING, reply)
    assert pending_events(clocks) == [] and deadline(clocks, "resolution") is None
    assert pause(clocks, WAITING, answer) == clocks  # pausing a paused clock changes nothing
    clocks = restart(resume(clocks, WAITING, answer), "next_response", answer)
    after = deadline(clocks, "resolution")
    assert after == paris(2026, 11, 24, 16, 30)
    assert business_time_between(OFFICE, before, after) == business_time_between(OFFICE, reply, answer)
    assert resume(clocks, WAITING, paris(2026, 11, 24, 11)) == clocks  # resuming a running clock neither
    assert deadline(clocks, "next_response") == paris(2026, 11, 24, 11)


def test_met_cancels_every_pending_event_of_its_target() -> None:
    clocks = start_clocks(BUSINESS, MONDAY)
    answered = met(clocks, "first_response", paris(2026, 11, 23, 9, 50))
    assert not [e for e in pending_events(answered) if e.target == "first_response"]
    assert keys(pending_events(answered)) == keys(e for e in pending_events(clocks)
                                                  if e.target == "resolution")
    clock = answered.clocks["first_response"]
    assert (clock.status, clock.met_at, clock.consumed_seconds) == ("met", paris(2026, 11, 23, 9, 50), 50 * MIN)
    assert deadline(answered, "first_response") is None
    assert met(answered, "first_response", paris(2026, 11, 23, 12)) == answered  # the first reply counts
    assert met(answered, "next_response", paris(2026, 11, 23, 12)) == answered  # not started: nothing to meet


def test_met_after_a_breach_keeps_the_breach() -> None:
    _, clocks = due_events(start_clocks(BUSINESS, MONDAY), paris(2026, 11, 23, 10, 5))
    clocks = met(clocks, "first_response", paris(2026, 11, 23, 10, 5))
    clock = clocks.clocks["first_response"]
    assert clock.breached_at == paris(2026, 11, 23, 10) and clock.met_at == paris(2026, 11, 23, 10, 5)
    assert not [e for e in pending_events(clocks) if e.target == "first_response"]  # no more escalations


def test_restart_gives_next_response_a_fresh_clock_each_customer_message() -> None:
    clocks = start_clocks(BUSINESS, MONDAY)
    clocks = restart(clocks, "next_response", paris(2026, 11, 23, 16, 50))
    assert deadline(clocks, "next_response") == paris(2026, 11, 24, 9, 20)  # 10 min today, 20 tomorrow
    fired, clocks = due_events(clocks, paris(2026, 11, 24, 9, 25))
    assert "next_response:breach" in keys(fired) and "first_response:breach" in keys(fired)
    clocks = met(clocks, "next_response", paris(2026, 11, 24, 9, 30))
    clocks = restart(clocks, "next_response", paris(2026, 11, 24, 14))
    clock = clocks.clocks["next_response"]
    assert (clock.status, clock.consumed_seconds, clock.met_at, clock.breached_at) == ("running", 0, None, None)
    assert not [key for key in clocks.fired if key.startswith("next_response:")]
    assert "first_response:breach" in clocks.fired  # other targets keep theirs
    assert keys(e for e in pending_events(clocks) if e.target == "next_response")[:2] == [
        "next_response:warning", "next_response:breach"]
    no_next = BUSINESS.model_copy(update={"next_response_seconds": None})
    assert "next_response" not in restart(start_clocks(no_next, MONDAY), "next_response", MONDAY).clocks


# --- Policy changes -----------------------------------------------------------------------------------------

NORMAL = BUSINESS.model_copy(update={"id": "normal", "first_response_seconds": 4 * HOUR})
HIGH = BUSINESS.model_copy(update={"id": "high", "first_response_seconds": HOUR})


def test_raising_the_priority_keeps_the_time_already_consumed() -> None:
    clocks = start_clocks(NORMAL, MONDAY)
    assert deadline(clocks, "first_response") == paris(2026, 11, 23, 13)
    raised = change_policy(clocks, HIGH, paris(2026, 11, 23, 9, 40))
    assert raised.policy == HIGH and raised.clocks["first_response"].consumed_seconds == 40 * MIN
    assert deadline(raised, "first_response") == paris(2026, 11, 23, 10)
    assert deadline(raised, "resolution") == deadline(clocks, "resolution")  # unchanged target, same deadline
    late = paris(2026, 11, 23, 10, 20)  # already past the stricter target: the breach is due at once
    fired, breached = due_events(change_policy(clocks, HIGH, late), late)
    assert keys(fired) == ["first_response:warning", "first_response:breach"]
    assert breached.clocks["first_response"].breached_at == late


def test_lowering_the_priority_after_a_breach_rearms_it() -> None:
    _, clocks = due_events(start_clocks(HIGH, MONDAY), paris(2026, 11, 23, 10, 10))
    assert clocks.fired == ["first_response:warning", "first_response:breach"]
    lowered = change_policy(clocks, NORMAL, paris(2026, 11, 23, 10, 10))
    assert lowered.fired == [] and lowered.clocks["first_response"].breached_at is None
    assert keys(pending_events(lowered))[:2] == ["first_response:warning", "first_response:breach"]
    assert deadline(lowered, "first_response") == paris(2026, 11, 23, 13)
    # Lowered only a little: the warning point is consumed already and stays fired, the breach re-arms.
    medium = HIGH.model_copy(update={"first_response_seconds": 80 * MIN})
    assert change_policy(clocks, medium, paris(2026, 11, 23, 10, 10)).fired == ["first_response:warning"]


def test_changing_policy_drops_and_adds_targets() -> None:
    _, clocks = due_events(start_clocks(HIGH, MONDAY), paris(2026, 11, 23, 10, 10))
    now = paris(2026, 11, 23, 11)
    changed = change_policy(clocks, SlaPolicy(id="resolution only", resolution_seconds=HOUR), now)
    assert list(changed.clocks) == ["resolution"] and changed.fired == []
    back = change_policy(changed, HIGH, now)
    assert back.clocks["first_response"].running_since == now and "next_response" not in back.clocks
    assert deadline(back, "first_response") == paris(2026, 11, 23, 12)


def test_a_paused_clock_stays_paused_through_a_policy_change() -> None:
    clocks = pause(start_clocks(NORMAL, MONDAY), "all", paris(2026, 11, 23, 10))
    changed = change_policy(clocks, HIGH, paris(2026, 11, 23, 15))
    assert changed.clocks["first_response"].status == "paused" and pending_events(changed) == []
    fired, _ = due_events(resume(changed, "all", paris(2026, 11, 24, 9)), paris(2026, 11, 24, 9))
    assert keys(fired) == ["first_response:warning", "first_response:breach"]  # due at the resume


# --- Daylight saving and 24/7 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("opened", "due", "due_utc"), [
    (paris(2026, 3, 27, 18), paris(2026, 3, 30, 10), datetime(2026, 3, 30, 8, tzinfo=UTC)),  # spring forward
    (paris(2026, 10, 23, 18), paris(2026, 10, 26, 10), datetime(2026, 10, 26, 9, tzinfo=UTC)),  # fall back
])
def test_a_dst_weekend_keeps_monday_morning_local(opened: datetime, due: datetime, due_utc: datetime) -> None:
    clocks = start_clocks(BUSINESS, opened)
    assert deadline(clocks, "first_response") == due == due_utc
    clocks = start_clocks(BUSINESS, opened - timedelta(hours=2))  # Friday 16:00: one hour on Friday
    assert deadline(clocks, "resolution") == due.replace(hour=16)


def test_a_24_7_policy_counts_elapsed_time_through_dst() -> None:
    policy = SlaPolicy(id="24/7", first_response_seconds=24 * HOUR, warn_before_seconds=HOUR)
    opened = paris(2026, 3, 28, 12).astimezone(UTC)  # UTC arithmetic: the night of 29 March is an hour short
    clocks = start_clocks(policy, opened)
    assert deadline(clocks, "first_response") == opened + timedelta(hours=24) == paris(2026, 3, 29, 13)
    clocks = resume(pause(clocks, "all", opened + timedelta(hours=1)), "all", opened + timedelta(hours=3))
    assert deadline(clocks, "first_response") == opened + timedelta(hours=26)
    assert [e.at for e in pending_events(clocks)] == [opened + timedelta(hours=25), opened + timedelta(hours=26)]


# --- Validation, errors, the read side --------------------------------------------------------------------------


@pytest.mark.parametrize("document", [
    {"id": "p", "first_response_seconds": 0},
    {"id": "p", "resolution_seconds": 600, "warn_before_seconds": 600},
    {"id": "p", "first_response_seconds": 600, "resolution_seconds": 60, "warn_before_seconds": 120},
    {"id": "p", "escalation": [{"after_seconds": 60, "actions": [{"type": "reassign"}]},
                               {"after_seconds": 60, "actions": [{"type": "reassign"}]}]},
    {"id": "p", "escalation": [{"after_seconds": 60, "actions": [{"type": "reassign"}]},
                               {"after_seconds": 30, "actions": [{"type": "reassign"}]}]},
    {"id": "p", "escalation": [{"after_seconds": 60, "actions": []}]},
    {"id": "p", "escalation": [{"after_seconds": -1, "actions": [{"type": "reassign"}]}]},
    {"id": "p", "escalation": [{"after_seconds": 60, "actions": [{"type": "notify"}]}]},
    {"id": "p", "escalation": [{"after_seconds": 60, "actions": [{"type": "move_queue"}]}]},
    {"id": "p", "escalation": [{"after_seconds": 60, "actions": [{"type": "raise_priority", "to": "x"}]}]},
    {"id": "p", "calendar": {"timezone": "UTC", "weekly": {}}},
    {"id": "p", "first_response_sconds": 60},
])
def test_invalid_policies_are_refused(document: dict) -> None:
    with pytest.raises(ValidationError):
        SlaPolicy.model_validate(document)


def test_bad_calls_are_errors_with_a_code() -> None:
    clocks = start_clocks(BUSINESS, MONDAY)
    for call, code in [(lambda: pause(clocks, "resolutoin", MONDAY), "unknown_target"),
                       (lambda: met(clocks, "all", MONDAY), "unknown_target"),
                       (lambda: due_events(clocks, datetime(2026, 11, 23, 12)), "naive_datetime"),
                       (lambda: pause(clocks, "all", MONDAY - MICRO), "time_went_backwards")]:
        with pytest.raises(SlaError) as caught:
            call()
        assert caught.value.code == code and caught.value.to_dict()["code"] == code


def test_the_summary_is_json_for_the_read_side() -> None:
    clocks = restart(start_clocks(BUSINESS, MONDAY), "next_response", MONDAY)
    _, clocks = due_events(pause(met(clocks, "next_response", paris(2026, 11, 23, 9, 10)), "resolution",
                                 paris(2026, 11, 23, 10)), paris(2026, 11, 23, 10, 15))
    view = json.loads(json.dumps(summary(clocks, paris(2026, 11, 23, 10, 15))))
    assert view["first_response"] == {
        "target_seconds": HOUR, "status": "running", "due_at": "2026-11-23T09:00:00+00:00",
        "consumed_seconds": 75 * MIN, "remaining_seconds": -15 * MIN, "paused": False, "met_at": None,
        "breached_at": "2026-11-23T09:00:00+00:00"}
    assert view["resolution"]["status"] == "paused" and view["resolution"]["remaining_seconds"] == 7 * HOUR
    assert view["next_response"]["met_at"] == "2026-11-23T08:10:00+00:00"
    fresh = summary(start_clocks(BUSINESS, MONDAY), MONDAY)
    assert fresh["next_response"]["status"] == "not_started"


def test_clocks_survive_a_json_round_trip_and_are_never_mutated() -> None:
    clocks = restart(start_clocks(BUSINESS, FRIDAY_EVENING), "next_response", FRIDAY_EVENING)
    dumped = clocks.model_dump()
    now = paris(2026, 11, 23, 11)
    for step in (lambda c: due_events(c, now)[1], lambda c: pause(c, "all", now), lambda c: met(c, "resolution", now),
                 lambda c: restart(c, "first_response", now), lambda c: change_policy(c, HIGH, now)):
        step(clocks)
    assert clocks.model_dump() == dumped
    _, later = due_events(clocks, now)
    again = SlaClocks.model_validate_json(later.model_dump_json())
    assert again == later and pending_events(again) == pending_events(later)


# --- Properties ------------------------------------------------------------------------------------------------

PROPERTY = settings(max_examples=60, deadline=None)
calendars = st.sampled_from([None, OFFICE, BusinessCalendar.always_open("Europe/Paris")])
moments = st.datetimes(datetime(2026, 1, 1), datetime(2026, 12, 31), timezones=st.just(UTC))
targets = st.one_of(st.none(), st.integers(1, 3 * 24 * HOUR))


@st.composite
def policies(draw: st.DrawFn) -> SlaPolicy:
    seconds = {f"{target}_seconds": draw(targets) for target in TARGETS}
    shortest = min((s for s in seconds.values() if s is not None), default=None)
    warn = None if shortest is None or shortest == 1 else draw(st.one_of(st.none(), st.integers(1, shortest - 1)))
    afters = sorted(draw(st.sets(st.integers(0, 4 * HOUR), max_size=3)))
    ladder = [EscalationLevel(after_seconds=a, actions=[NOTIFY]) for a in afters]
    return SlaPolicy(id="p", warn_before_seconds=warn, calendar=draw(calendars), escalation=ladder, **seconds)


operations = st.lists(st.tuples(
    st.sampled_from(["timer", "timer", "wait", "pause", "resume", "met", "restart", "change_policy"]),
    st.sampled_from([*TARGETS, "all"]),
    st.integers(0, 2 * 24 * HOUR * 10**6).map(lambda micros: timedelta(microseconds=micros))), max_size=10)


def check_the_briefs_formulas(clocks: SlaClocks, events: list[SlaEvent]) -> None:
    """Breach at the deadline; while the clock is short of its target, warning `warn_before` of business
    time before it and escalation i `add_business_time(deadline, after_seconds)` after it."""
    policy = clocks.policy
    for event in events:
        due, target = deadline(clocks, event.target), policy.target_seconds(event.target)
        consumed = clocks.clocks[event.target].consumed_seconds
        if event.kind == "breach":
            assert event.at == due
        if policy.calendar is None or consumed >= target:
            continue
        if event.kind == "warning" and consumed < target - policy.warn_before_seconds:
            assert business_time_between(policy.calendar, event.at, due) == timedelta(
                seconds=policy.warn_before_seconds)
        if event.kind == "escalation" and (after := policy.escalation[event.level - 1].after_seconds) > 0:
            assert event.at == add_business_time(policy.calendar, due, timedelta(seconds=after))


def check_invariants(clocks: SlaClocks, now: datetime) -> SlaClocks:
    """Check the properties at `now` and return the clocks with the due events applied."""
    events = pending_events(clocks)
    assert events == sorted(events, key=lambda e: e.at)
    check_the_briefs_formulas(clocks, events)
    for target, clock in clocks.clocks.items():
        due = deadline(clocks, target)
        assert (due is None) == (clock.status != "running") and (due is None or due >= clock.running_since)
    fired, applied = due_events(clocks, now)
    assert fired + pending_events(applied) == events  # due and still pending partition the events
    assert all(e.at <= now for e in fired) and all(e.at > now for e in pending_events(applied))
    assert not set(keys(fired)) & set(clocks.fired) and len(set(applied.fired)) == len(applied.fired)
    # With the due events applied, a pause and a resume at the same instant change no timer,
    # and neither does re-applying the same policy.
    running = [t for t, c in applied.clocks.items() if c.status == "running"]
    assert pending_events(resume(pause(applied, running, now), running, now)) == pending_events(applied)
    assert pending_events(change_policy(applied, applied.policy, now)) == pending_events(applied)
    return applied


@PROPERTY
@given(policies(), policies(), moments, operations)
def test_any_sequence_of_signals_keeps_the_timers_consistent(policy: SlaPolicy, other: SlaPolicy, opened: datetime,
                                                            steps: list) -> None:
    clocks, now = start_clocks(policy, opened), opened
    for operation, target, gap in steps:
        # The workflow sleeps until the earliest pending event, or a signal arrives first.
        events = pending_events(clocks)
        now = max(now, events[0].at) if operation == "timer" and events else now + gap
        clocks = check_invariants(clocks, now)
        single = "resolution" if target == "all" else target
        if operation == "pause":
            clocks = pause(clocks, target, now)
        elif operation == "resume":
            clocks = resume(clocks, target, now)
        elif operation == "met":
            clocks = met(clocks, single, now)
            assert not [e for e in pending_events(clocks) if e.target == single]
        elif operation == "restart":
            clocks = restart(clocks, single, now)
        elif operation == "change_policy":
            clocks = change_policy(clocks, other if clocks.policy == policy else policy, now)
    check_invariants(clocks, now)


@PROPERTY
@given(policies(), moments)
def test_pause_and_resume_at_the_start_change_nothing(policy: SlaPolicy, opened: datetime) -> None:
    clocks = start_clocks(policy, opened)
    assert resume(pause(clocks, "all", opened), "all", opened) == clocks


@PROPERTY
@given(calendars, moments, st.integers(1, 3 * 24 * HOUR), st.integers(0, 3 * 24 * HOUR), st.integers(0, 5 * 24 * HOUR))
def test_a_pause_moves_the_deadline_by_exactly_the_paused_business_time(
        calendar: BusinessCalendar | None, opened: datetime, target: int, run: int, paused: int) -> None:
    clocks = start_clocks(SlaPolicy(id="p", resolution_seconds=target, calendar=calendar), opened)
    before = deadline(clocks, "resolution")
    stop, go = opened + timedelta(seconds=run), opened + timedelta(seconds=run + paused)
    after = deadline(resume(pause(clocks, "all", stop), "all", go), "resolution")
    between = (lambda a, b: b - a) if calendar is None else (lambda a, b: business_time_between(calendar, a, b))
    if stop < before:
        assert after >= before and between(before, after) == between(stop, go)
    if calendar is not None:
        assert before == add_business_time(calendar, opened, timedelta(seconds=target))
