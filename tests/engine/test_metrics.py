"""Report maths (engine.metrics), exactly: every expected figure is worked out by hand in the comment beside it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from engine.metrics import (
    age_bucket,
    attainment,
    next_response_gaps,
    percentile,
    rate,
    resolved_by_auto_reply,
    sentiment_label,
    shares,
    summarize,
    term_pattern,
    time_bucket,
    time_buckets,
)

PARIS, NEW_YORK = ZoneInfo("Europe/Paris"), ZoneInfo("America/New_York")


def test_nearest_rank_percentiles() -> None:
    ten = range(1, 11)
    assert percentile(ten, 90) == 9  # rank ceil(0.9 * 10) = 9 (not ceil(9.000000000000002) = 10)
    assert percentile(range(1, 12), 90) == 10  # rank ceil(9.9) = 10
    assert percentile(ten, 100) == 10 and percentile(ten, 0.1) == 1  # rank ceil(0.01) = 1
    assert percentile(ten, 50) == 5  # rank 5: nearest rank never interpolates
    assert percentile([42.5], 90) == 42.5
    assert percentile([30, 10, 20], 90) == 30  # sorted first; rank ceil(2.7) = 3
    assert percentile([], 90) is None
    for bad in (0, -1, 101):
        with pytest.raises(ValueError):
            percentile(ten, bad)


def test_summary_of_durations() -> None:
    # 60, 120, 180, 600: mean 960 / 4 = 240; median (120 + 180) / 2 = 150; p90 rank ceil(3.6) = 4 -> 600
    summary = summarize([600, 60, 180, 120])
    assert (summary.count, summary.mean, summary.median, summary.p90) == (4, 240, 150, 600)
    # odd count: the middle value
    assert summarize([5, 1, 3]).median == 3
    # floats sum exactly enough: 0.1 * 3 / 3
    assert summarize([0.1, 0.1, 0.1]).mean == pytest.approx(0.1, abs=1e-15)
    empty = summarize([])
    assert (empty.count, empty.mean, empty.median, empty.p90) == (0, None, None, None)


def test_sla_attainment_leaves_closed_without_response_out_of_the_ratio() -> None:
    found = attainment(["met", "met", "met", "breached", "closed_without_response", "closed_without_response"])
    assert (found.met, found.breached, found.closed_without_response) == (3, 1, 2)
    assert found.attainment == 0.75  # 3 / (3 + 1), not 3 / 6
    only_unanswered = attainment(["closed_without_response"])
    assert only_unanswered.attainment is None and only_unanswered.closed_without_response == 1
    assert attainment([]).attainment is None
    assert attainment(["breached"]).attainment == 0


def test_rates() -> None:
    assert rate(1, 4) == 0.25 and rate(0, 3) == 0 and rate(0, 0) is None
    with pytest.raises(ValueError):
        rate(2, 1)


def test_an_instant_lands_in_the_viewers_day_and_hour() -> None:
    late = datetime(2026, 12, 3, 23, 30, tzinfo=UTC)
    assert time_bucket(late, UTC, "day") == "2026-12-03"
    assert time_bucket(late, PARIS, "day") == "2026-12-04"  # 00:30 in Paris (UTC+1 in winter)
    assert time_bucket(late, NEW_YORK, "day") == "2026-12-03"  # 18:30 in New York
    assert time_bucket(late, PARIS, "hour") == "2026-12-04T00:00+01:00"
    assert time_bucket(late, ZoneInfo("Asia/Kathmandu"), "hour") == "2026-12-04T05:00+05:45"
    assert time_bucket(late, timezone(timedelta(hours=-3, minutes=-30)), "hour") == "2026-12-03T20:00-03:30"
    with pytest.raises(ValueError):
        time_bucket(datetime(2026, 12, 3), UTC, "day")


def test_the_night_the_clocks_go_back_has_two_one_oclock_hours() -> None:
    # Paris, 2026-10-25: 03:00 CEST becomes 02:00 CET at 01:00 UTC, so local 02:00 happens twice.
    first, second = datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert time_bucket(first, PARIS, "hour") == "2026-10-25T02:00+02:00"
    assert time_bucket(second, PARIS, "hour") == "2026-10-25T02:00+01:00"
    hours = time_buckets(datetime(2026, 10, 24, 22, 0, tzinfo=UTC), datetime(2026, 10, 25, 3, 0, tzinfo=UTC),
                         PARIS, "hour")
    assert hours == ["2026-10-25T00:00+02:00", "2026-10-25T01:00+02:00", "2026-10-25T02:00+02:00",
                     "2026-10-25T02:00+01:00", "2026-10-25T03:00+01:00"]


def test_every_bucket_of_a_period_in_order() -> None:
    since, until = datetime(2026, 12, 1, tzinfo=UTC), datetime(2026, 12, 4, tzinfo=UTC)
    assert time_buckets(since, until, UTC, "day") == ["2026-12-01", "2026-12-02", "2026-12-03"]
    # In Paris the period starts at 01:00 on the 1st and ends at 01:00 on the 4th: four local days touched.
    assert time_buckets(since, until, PARIS, "day") == ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]
    # In New York it starts at 19:00 on 30 November.
    assert time_buckets(since, until, NEW_YORK, "day")[0] == "2026-11-30"
    # A period starting mid-hour in a zone of :45 offsets still has its first hour.
    odd = time_buckets(datetime(2026, 12, 1, 0, 5, tzinfo=UTC), datetime(2026, 12, 1, 1, 20, tzinfo=UTC),
                       ZoneInfo("Asia/Kathmandu"), "hour")
    assert odd == ["2026-12-01T05:00+05:45", "2026-12-01T06:00+05:45", "2026-12-01T07:00+05:45"]
    assert time_buckets(until, until, UTC, "day") == []


def _t(minute: int) -> datetime:
    return datetime(2025, 12, 1, 9, tzinfo=UTC) + timedelta(minutes=minute)


def test_next_response_gaps() -> None:
    inbound, needs_none, reply = (True, True), (True, False), (False, False)
    messages = [
        (_t(0), *inbound),  # the first wait: the first response's, not a next response
        (_t(10), *reply),
        (_t(20), *needs_none),  # "thanks": starts no wait
        (_t(30), *inbound), (_t(35), *inbound),  # one wait, from the first unanswered mention: 30 -> 50
        (_t(50), *reply), (_t(55), *reply),  # a second reply with nobody waiting ends nothing
        (_t(60), *inbound),  # 60 -> 90
        (_t(90), *reply),
        (_t(100), *inbound),  # still waiting: no gap yet
    ]
    assert next_response_gaps(reversed(messages)) == [(_t(30), _t(50)), (_t(60), _t(90))]  # sorted first
    assert next_response_gaps([(_t(0), *inbound), (_t(5), *inbound)]) == []  # never answered
    assert next_response_gaps([]) == []


def test_age_buckets_sentiment_labels_and_share_of_voice() -> None:
    hour = timedelta(hours=1)
    assert [age_bucket(age) for age in (timedelta(0), hour - timedelta(seconds=1), hour, 4 * hour, 24 * hour,
                                        72 * hour - timedelta(seconds=1), 72 * hour, 400 * hour)] == [
        "<1h", "<1h", "1-4h", "4-24h", "1-3d", "1-3d", ">3d", ">3d"]  # each upper bound excluded
    assert [sentiment_label(v) for v in (None, -0.05, -0.0499, 0.0, 0.0499, 0.05, 0.9)] == [
        None, "negative", "neutral", "neutral", "neutral", "positive", "positive"]
    acme = term_pattern(["acme", "Acme Corp", " "])
    assert [bool(acme.search(text)) for text in ("ACME broke", "@acme hi", "Acme's app", "acmes", "myacme",
                                                 "acme corp.")] == [True, True, True, False, False, True]
    with pytest.raises(ValueError):
        term_pattern([" ", ""])
    assert shares({"Acme": 3, "Globex": 1}) == {"Acme": 0.75, "Globex": 0.25}
    assert shares({"Acme": 0, "Globex": 0}) == {"Acme": None, "Globex": None}


def test_resolved_by_auto_reply_means_auto_replied_no_human_reply_and_not_spam() -> None:
    assert resolved_by_auto_reply(auto_replied=True, human_replies=0, close_reason="resolved")
    assert resolved_by_auto_reply(auto_replied=True, human_replies=0, close_reason="no_action")
    assert not resolved_by_auto_reply(auto_replied=True, human_replies=1, close_reason="resolved")
    assert not resolved_by_auto_reply(auto_replied=True, human_replies=0, close_reason="spam")
    assert not resolved_by_auto_reply(auto_replied=False, human_replies=0, close_reason="resolved")
