"""Crisis mode's decisions (engine.crisis), exactly: each expected figure is worked out in the comment beside it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from engine.crisis import Counts, Thresholds, baseline_windows, count_window, decide, hour_of_week, signals

T = Thresholds(ratio=3, min_mentions=10, negative_ratio=2, min_negative=5, end_ratio=1.5, calm_checks=2)


def by_series(found):  # type: ignore[no-untyped-def]
    return {s.series: s for s in found}


def test_counting_a_window_per_topic_and_sentiment() -> None:
    rows = [(["billing", "billing/refund"], -0.6), (["billing"], 0.4), (None, -0.05), (["outage"], None),
            (["billing", "billing"], -0.049)]
    counts = count_window(rows)
    # 5 mentions; negative: -0.6 and -0.05 (at the threshold); -0.049 is not, a missing sentiment is not
    assert (counts.mentions, counts.negative) == (5, 2)
    # a tag repeated on one mention counts once
    assert counts.mentions_by_topic == {"billing": 3, "billing/refund": 1, "outage": 1}
    assert counts.negative_by_topic == {"billing": 1, "billing/refund": 1}
    only = count_window(rows, topics=["outage"], negative_below=-0.5)
    assert only.mentions_by_topic == {"outage": 1} and only.negative == 1 and only.negative_by_topic == {}


def test_baseline_windows_are_the_same_stretch_of_past_weeks() -> None:
    end = datetime(2026, 12, 7, 9, 15, tzinfo=UTC)  # a Monday
    windows = baseline_windows(end, 900, 3)
    assert windows == [(datetime(2026, 11, 30, 9, 0, tzinfo=UTC), datetime(2026, 11, 30, 9, 15, tzinfo=UTC)),
                       (datetime(2026, 11, 23, 9, 0, tzinfo=UTC), datetime(2026, 11, 23, 9, 15, tzinfo=UTC)),
                       (datetime(2026, 11, 16, 9, 0, tzinfo=UTC), datetime(2026, 11, 16, 9, 15, tzinfo=UTC))]
    assert {hour_of_week(start) for start, _ in windows} == {hour_of_week(end - timedelta(minutes=15))} == {9}
    assert hour_of_week(datetime(2026, 12, 13, 23, 59, tzinfo=UTC)) == 167  # Sunday night
    assert hour_of_week(datetime(2026, 12, 7, 1, 0, tzinfo=timezone(timedelta(hours=2)))) == 6 * 24 + 23
    with pytest.raises(ValueError):
        baseline_windows(end, 0, 3)
    with pytest.raises(ValueError):
        baseline_windows(end, 900, 0)


def test_a_spike_needs_the_ratio_and_the_minimum() -> None:
    past = [Counts(mentions=4), Counts(mentions=2), Counts(mentions=0)]  # baseline (4 + 2 + 0) / 3 = 2
    found = by_series(signals(Counts(mentions=10), past, T))
    assert found["mentions"].baseline == 2 and found["mentions"].ratio == 5
    assert found["mentions"].spiking  # 10 >= 10 and 10 >= 3 * 2
    assert not by_series(signals(Counts(mentions=9), past, T))["mentions"].spiking  # 9 < min 10
    busy = [Counts(mentions=40)] * 2  # baseline 40: 100 < 3 * 40
    assert not by_series(signals(Counts(mentions=100), busy, T))["mentions"].spiking
    assert by_series(signals(Counts(mentions=120), busy, T))["mentions"].spiking  # 120 = 3 * 40
    # a new installation: no past week holds anything, the minimum alone decides; the ratio is undefined
    fresh = by_series(signals(Counts(mentions=10), [Counts()], T))["mentions"]
    assert fresh.spiking and fresh.ratio is None and fresh.baseline == 0


def test_negative_volume_per_topic_spikes_on_its_own() -> None:
    past = [Counts(mentions=100, negative=10, negative_by_topic={"billing": 2}),
            Counts(mentions=100, negative=10, negative_by_topic={"billing": 4})]
    now = Counts(mentions=110, negative=12, mentions_by_topic={"billing": 20}, negative_by_topic={"billing": 6})
    found = by_series(signals(now, past, T))
    assert not found["mentions"].spiking and not found["negative"].spiking  # 110 < 300, 12 < 2 * 10
    billing = found["negative/billing"]  # baseline (2 + 4) / 2 = 3; 6 >= 5 and 6 >= 2 * 3
    assert billing.baseline == 3 and billing.ratio == 2 and billing.spiking
    decision = decide(window=now, past=past, thresholds=T, active=False, automatic=False, calm_streak=0)
    assert decision.action == "start"
    assert decision.reason == "spike: mentions/billing: 20 in the window, no baseline; negative/billing: 6 in the " \
                              "window, 2x its baseline of 3"
    assert [s.series for s in decision.signals] == ["mentions/billing", "negative/billing"]


def test_a_topic_gone_quiet_is_still_a_series() -> None:
    past = [Counts(mentions=1, mentions_by_topic={"outage": 30})]
    found = by_series(signals(Counts(mentions=1), past, T))
    assert found["mentions/outage"].count == 0 and found["mentions/outage"].baseline == 30
    assert found["mentions/outage"].calm and not found["mentions/outage"].spiking


def test_an_automatic_crisis_ends_after_enough_calm_checks() -> None:
    past = [Counts(mentions=20)]  # baseline 20; calm at or below 1.5 * 20 = 30, or below 10
    still = decide(window=Counts(mentions=31), past=past, thresholds=T, active=True, automatic=True, calm_streak=1)
    assert still.action == "none" and still.calm_streak == 0 and still.reason == "still above baseline"
    first = decide(window=Counts(mentions=30), past=past, thresholds=T, active=True, automatic=True, calm_streak=0)
    assert first.action == "none" and first.calm_streak == 1  # calm, but once: calm_checks is 2
    second = decide(window=Counts(mentions=25), past=past, thresholds=T, active=True, automatic=True,
                    calm_streak=first.calm_streak)
    assert second.action == "end" and second.calm_streak == 2
    assert second.reason.startswith("back to baseline for 2 checks in a row: mentions: 25 in the window")
    # a crisis started by hand is ended by hand
    by_hand = decide(window=Counts(), past=past, thresholds=T, active=True, automatic=False, calm_streak=5)
    assert by_hand.action == "none" and by_hand.calm_streak == 6
    # and a spike during a crisis starts nothing more
    spike = decide(window=Counts(mentions=500), past=past, thresholds=T, active=True, automatic=True, calm_streak=0)
    assert spike.action == "none"


def test_no_spike_when_quiet() -> None:
    decision = decide(window=Counts(mentions=3), past=[Counts(mentions=3)], thresholds=T, active=False,
                      automatic=False, calm_streak=0)
    assert decision.action == "none" and decision.reason == "no spike" and decision.calm_streak == 1
