"""What the read side shows of a case's SLA: its "SLA due" (`next_due`) while open, and each target's
outcome (`sla_outcomes`) once closed, driven through the clocks as the case workflow drives them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from engine.measures import BREACHED, CLOSED_WITHOUT_RESPONSE, MET, sla_outcomes
from engine.slas import SlaClocks, SlaPolicy, due_events, met, next_due, pause, restart, resume, start_clocks, summary

MIN, HOUR = 60, 3600
T0 = datetime(2026, 11, 23, 9, tzinfo=UTC)
POLICY = SlaPolicy(id="24x7", first_response_seconds=HOUR, next_response_seconds=30 * MIN,
                   resolution_seconds=8 * HOUR)
FIRST_DUE, RESOLUTION_DUE = T0 + timedelta(hours=1), T0 + timedelta(hours=8)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def closed(clocks: SlaClocks, now: datetime) -> dict[str, str]:
    """The outcomes of a case closed at `now`: due events applied, the resolution met."""
    _, clocks = due_events(clocks, now)
    return sla_outcomes(summary(met(clocks, "resolution", now), now))


# --- next_due -------------------------------------------------------------------------------------------------


def test_before_the_first_reply_the_first_response_is_due() -> None:
    assert next_due(start_clocks(POLICY, T0)) == FIRST_DUE


def test_after_the_first_reply_the_resolution_is_due_not_nothing() -> None:
    replied = met(start_clocks(POLICY, T0), "first_response", at(10))
    assert next_due(replied) == RESOLUTION_DUE


def test_when_the_customer_writes_again_the_next_response_is_due_if_sooner() -> None:
    replied = met(start_clocks(POLICY, T0), "first_response", at(10))
    wrote = restart(replied, "next_response", at(20))
    assert next_due(wrote) == at(50)
    # Answered: back to the resolution.
    assert next_due(met(wrote, "next_response", at(30))) == RESOLUTION_DUE


def test_the_resolution_is_due_first_when_it_is_the_sooner_deadline() -> None:
    tight = SlaPolicy(id="tight", first_response_seconds=2 * HOUR, resolution_seconds=HOUR)
    assert next_due(start_clocks(tight, T0)) == T0 + timedelta(hours=1)


def test_paused_clocks_have_no_due_time_and_resume_where_they_stopped() -> None:
    replied = met(start_clocks(POLICY, T0), "first_response", at(10))
    waiting = pause(replied, "all", at(60))
    assert next_due(waiting) is None
    assert summary(waiting, at(90))["resolution"]["status"] == "paused"
    # Two hours of waiting on the customer push the resolution back by two hours.
    assert next_due(resume(waiting, "all", at(180))) == RESOLUTION_DUE + timedelta(hours=2)


def test_an_overdue_clock_stays_due_in_the_past() -> None:
    _, late = due_events(start_clocks(POLICY, T0), at(90))
    assert next_due(late) == FIRST_DUE


def test_no_policy_target_no_due() -> None:
    only_first = SlaPolicy(id="first", first_response_seconds=HOUR)
    assert next_due(met(start_clocks(only_first, T0), "first_response", at(5))) is None


# --- sla_outcomes at the close --------------------------------------------------------------------------------


def test_a_case_closed_without_a_reply_before_the_deadline_is_not_met() -> None:
    outcomes = closed(start_clocks(POLICY, T0), at(30))
    assert outcomes == {"first_response": CLOSED_WITHOUT_RESPONSE, "resolution": MET}


def test_a_case_closed_without_a_reply_after_the_deadline_is_breached() -> None:
    outcomes = closed(start_clocks(POLICY, T0), at(61))
    assert outcomes["first_response"] == BREACHED


def test_the_deadline_passed_counts_as_breached_even_with_the_breach_not_yet_applied() -> None:
    # The summary alone says so: remaining time used up, no reply.
    clocks = start_clocks(POLICY, T0)
    assert sla_outcomes(summary(met(clocks, "resolution", at(61)), at(61)))["first_response"] == BREACHED


def test_a_case_closed_while_waiting_on_the_customer_without_a_reply_is_not_met() -> None:
    waiting = pause(start_clocks(POLICY, T0), "all", at(20))
    assert closed(waiting, at(600))["first_response"] == CLOSED_WITHOUT_RESPONSE


def test_a_reply_in_time_is_met_and_an_unstarted_next_response_is_not_counted() -> None:
    replied = met(start_clocks(POLICY, T0), "first_response", at(10))
    assert closed(replied, at(120)) == {"first_response": MET, "resolution": MET}


def test_an_unanswered_customer_message_at_the_close_is_not_met() -> None:
    wrote = restart(met(start_clocks(POLICY, T0), "first_response", at(10)), "next_response", at(20))
    assert closed(wrote, at(30))["next_response"] == CLOSED_WITHOUT_RESPONSE
    assert closed(wrote, at(51))["next_response"] == BREACHED


def test_a_reopened_case_answered_this_time_is_met_but_an_earlier_breach_sticks() -> None:
    earlier = {"first_response": CLOSED_WITHOUT_RESPONSE, "resolution": MET}
    again = met(start_clocks(POLICY, at(600)), "first_response", at(610))
    assert sla_outcomes(summary(met(again, "resolution", at(620)), at(620)), earlier=earlier)["first_response"] == MET
    assert sla_outcomes(summary(again, at(620)), earlier={"first_response": BREACHED})["first_response"] == BREACHED
