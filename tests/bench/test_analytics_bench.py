"""The analytics benchmark at a tiny size: it builds both databases, finds the fast path's answers equal to the
exact path's for every query it times, and prints p50 / p95 for each (no timing asserted)."""

from __future__ import annotations

import re

import pytest

from bench import analytics


@pytest.mark.postgres
def test_the_bench_checks_and_prints_figures(postgres_admin_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert analytics.main(["--cases", "400", "--mentions", "1500", "--runs", "2", "--check", "--periods", "7d,365d",
                           "--postgres-url", postgres_admin_url]) == 0
    out = capsys.readouterr().out
    queries = len(analytics.queries({label: analytics.PERIODS[label] for label in ("7d", "365d")}))
    for kind in ("sqlite", "postgres"):
        assert f"{kind}: fast and exact answers agree on {queries} queries" in out
        assert re.search(rf"{kind}: worst p95 [0-9.]+ ms \(.+\); \d+ of {queries} queries at or over 200 ms", out)
    figure = r"[0-9]+\.[0-9] / [0-9]+\.[0-9]"
    assert re.search(rf"\| cases resolution by tag \| {figure} \| n/a \| {figure} \|", out)  # no 30d asked
    assert re.search(rf"\| cases sla by hour \| {figure} \| n/a \| n/a \|", out)  # no hours over a year
    assert re.search(rf"\| mentions by day \| {figure} \| n/a \| {figure} \|", out)


def test_the_data_is_the_same_for_the_same_seed_and_shaped_like_a_year() -> None:
    data = analytics.generate(cases=500, mentions=1200)
    assert data == analytics.generate(cases=500, mentions=1200)
    assert len(data.cases) == 500 and len(data.mentions) == 1200
    assert all(len(row) == len(analytics.CASE_COLUMNS) for row in data.cases)
    status = analytics.CASE_COLUMNS.index("status")
    assert 0.8 < sum(row[status] == "closed" for row in data.cases) / 500 < 1
    opened = sorted(row[analytics.CASE_COLUMNS.index("opened_at")] for row in data.cases)
    assert opened[0] >= "2025-12-01" and opened[-1] < "2026-12-01"
    # every case's conversation starts with its first inbound mention
    conversation = analytics.MENTION_COLUMNS.index("conversation_id")
    assert {row[conversation] for row in data.mentions[:500]} == {row[2] for row in data.cases}
