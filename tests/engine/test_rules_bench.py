"""The rules benchmark runs on a tiny size and its evaluators agree (no timing asserted)."""

from __future__ import annotations

import pytest

from bench import rules_bench


def test_bench_runs_and_every_installed_evaluator_agrees(capsys: pytest.CaptureFixture[str]) -> None:
    assert rules_bench.main(["--records", "40", "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    assert "agree on all 1200 condition values" in out
    assert "switchboard        rule set" in out


def test_a_disagreeing_evaluator_stops_the_bench() -> None:
    records = [{"id": "m-1", "text": "refund"}]
    ours = rules_bench.Peer("switchboard", lambda record: [True, 1], {}, {})
    wrong = rules_bench.Peer("other", lambda record: [True, True], {}, {})
    with pytest.raises(SystemExit, match="other disagrees on rule 1 of m-1"):
        rules_bench.check_agreement([ours, wrong], records)
