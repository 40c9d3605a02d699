"""A thread of 5,000 long mentions is one case whose workflow history stays far under Temporal's limits
(50 MB and 51,200 events per history, 2 MB per payload): mentions reach it by id, and its evidence
quotes each follow-up's text by reference."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from engine.messages import CaseView
from store.incoming import IncomingMention
from store.ingest import store_batch
from tests.harness.cases import Stack, case_where, eventually, workflow_handle

MENTIONS, BATCH = 5_000, 500
WORDS = "my order arrived broken and the refund never came please help support team answer me now".split()
MB = 1024 * 1024


def _thread(thread: str) -> list[IncomingMention]:
    rng = random.Random(7)
    start = datetime.now(UTC) - timedelta(hours=2)
    return [IncomingMention(external_id=f"{thread}-{i}", author="@longwinded", thread_id=thread,
                            text=(f"#{i} " + " ".join(rng.choice(WORDS) for _ in range(1_600)))[:9_000],
                            created_at=start + timedelta(milliseconds=i)) for i in range(MENTIONS)]


@pytest.mark.slow
@pytest.mark.timeout(900)  # about 75 s on a quiet 2-core machine; several times that beside other work
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_thread_of_5000_long_mentions_is_one_case_far_under_temporals_limits(stack: Stack) -> None:
    thread = f"long-{uuid.uuid4().hex[:8]}"
    mentions = _thread(thread)
    cases: set[str | None] = set()
    for i in range(0, MENTIONS, BATCH):
        stored = store_batch(engine=stack.engine, mentions=[m.to_message("twitter", datetime.now(UTC))
                                                            for m in mentions[i:i + BATCH]])
        cases |= set(stored.cases.values())
    [case_id] = cases
    assert case_id is not None
    await stack.relay().drain(timeout=120)
    case = await eventually(lambda: case_where(stack.engine, case_id, mention_count=MENTIONS), timeout=600,
                            what=f"all {MENTIONS} mentions in the case")
    handle = workflow_handle(stack.client, case.workflow_id, case_id, result_type=CaseView)
    stack.workflow_ids.add(case.workflow_id)
    history = await handle.fetch_history()
    size = sum(event.ByteSize() for event in history.events)
    largest = max(event.ByteSize() for event in history.events)
    print(f"history: {len(history.events)} events, {size / MB:.1f} MB, largest event {largest / 1024:.0f} KB")
    assert size < 25 * MB, f"{size / MB:.1f} MB of history"  # half of the 50 MB limit
    assert len(history.events) < 51_200 // 2
    assert largest < 256 * 1024  # payloads: the limit is 2 MB
    view = await handle.query("view", result_type=CaseView)
    assert len(view.mention_ids) == MENTIONS and view.status == "assigned"
