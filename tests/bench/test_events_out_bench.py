"""bench/events_out.py's ingest cost, run small (store_batch, and posts through the webhook route): both databases
of a pair get the same work (the same cases opened), and the CPU inside the writers is counted with them."""

from __future__ import annotations

import pytest

from bench.events_out import ingest, posted


@pytest.mark.parametrize("writers", ["events", "rollups"])
def test_the_paired_ingest_does_the_same_work_with_and_without_the_writers(writers: str) -> None:
    paired = ingest(120, 40, writers)
    assert paired.cases[True] == paired.cases[False] > 0
    assert paired.spent[True] > 0 and paired.spent[False] > 0
    assert 0 < paired.writing < paired.spent[True]


def test_the_paired_posts_through_the_webhook_route_do_the_same_work_with_and_without_the_writers() -> None:
    paired = posted(60, 20, "events")
    # Group commit forms its batches as posts arrive: a reply may be stored in another transaction than on the
    # other side, and thread differently (a few cases in thousands at the bench's size).
    assert paired.cases[True] > 0 and abs(paired.cases[True] - paired.cases[False]) <= 2
    assert 0 < paired.writing < paired.spent[True]
    assert 2 <= paired.transactions <= 2 * 60  # group commit stored posts together, or at worst one by one
