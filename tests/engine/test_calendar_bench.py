"""The calendar benchmark runs in a moment and its naive peer agrees with ours (no timing asserted)."""

from __future__ import annotations

from datetime import datetime

import pytest

from bench import calendars


def test_bench_runs_and_the_hourly_walk_agrees(capsys: pytest.CaptureFixture[str]) -> None:
    assert calendars.main(["--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert "ours and the hourly is_open walk agree on 2029-11-07 11:00" in out
    assert "| never again: next_open | 3,653 |" in out


def test_a_disagreement_stops_the_bench(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(calendars, "RARE_DUE", datetime(2029, 11, 14, 11, tzinfo=calendars.LONDON))
    assert calendars.main(["--runs", "1"]) == 1
    assert "DISAGREE" in capsys.readouterr().out
