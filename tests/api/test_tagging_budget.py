"""The tagging budget end to end: a mention whose tagging runs out of time is stored, its case opened and
classified with the tags found, and the audit timeline says tagging was cut short. And the setting's checks.

A budget of one nanosecond of CPU time is spent before the first check whatever the machine's speed, so the
test is never timed: every mention's tagging stops after its keywords, at ingest and in classification.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import time
import uuid
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError
from sqlmodel import Session
from temporalio.service import RPCError

from api.settings import Settings
from engine.models import decided_workflow_id
from store.budget import tagging_budget, tagging_clock
from store.flows import active_flow
from store.incoming import IncomingMention
from store.ingest import store_batch
from store.mentions import Mention as MentionRow
from tests.harness.cases import LOOPBACK, TEST_KEYS, Stack, api_client, case_where, eventually
from workflows.worker import build_worker

NANOSECOND_MS = 1e-6
TEXT = "I was charged twice and nobody answers, I need a refund?"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_mention_whose_tagging_runs_out_of_budget_is_stored_and_its_case_classified(  # type: ignore[no-untyped-def]
        dev_server_env, seeded_engine, caplog) -> None:
    client = dev_server_env.client
    task_queue = f"cases-{uuid.uuid4().hex[:8]}"
    worker = build_worker(client, task_queue=task_queue, database_url=seeded_engine.url.render_as_string(False),
                          keys=TEST_KEYS, connect_allow=LOOPBACK, tagging_budget_ms=NANOSECOND_MS)
    external_id, author = uuid.uuid4().hex[:10], f"@customer-{uuid.uuid4().hex[:6]}"
    message = IncomingMention(external_id=external_id, author=author, text=TEXT,
                              created_at=datetime.now(UTC)).to_message("twitter", datetime.now(UTC))
    async with worker:
        stack = Stack(client, seeded_engine, task_queue)
        with caplog.at_level(logging.WARNING, logger="switchboard.discovery"):
            stored = await asyncio.to_thread(store_batch, engine=seeded_engine, mentions=[message],
                                             tagging_budget_ms=NANOSECOND_MS)
        processed = stored.outcome.processed[0]
        assert processed.tags is not None and processed.tags.cut_short is not None
        assert processed.tags.keywords == ["billing"]  # the keyword lists ran; the `question` rule did not
        assert processed.needs_response  # triage went on with the tags found
        with Session(seeded_engine) as session:
            row = session.get(MentionRow, message.id)
            flow_version = active_flow(session=session).id  # type: ignore[union-attr]
        assert row is not None and row.tags == ["billing"]

        warnings = [r.getMessage() for r in caplog.records if r.name == "switchboard.discovery"]
        assert len(warnings) == 1
        assert message.id in warnings[0] and flow_version in warnings[0]
        assert processed.tags.cut_short["path"] in warnings[0]
        assert TEXT not in warnings[0] and author not in warnings[0] and "refund" not in warnings[0]

        case_id = stored.cases[message.id]
        assert case_id is not None
        try:
            await stack.relay().drain()
            case = await eventually(lambda: case_where(seeded_engine, case_id, status="assigned"), what="routing")
            assert case.tags == ["billing"] and case.priority == "normal"
            async with api_client(stack, user="audrey") as http:  # the auditor reads the timeline
                events = (await http.get("/api/case_events", params={
                    "filter": json.dumps({"case_id": case_id, "kind": "triaged"})})).json()
        finally:  # the dev server is shared: leave no case running
            with contextlib.suppress(RPCError):
                await client.get_workflow_handle(decided_workflow_id(case_id)).terminate("test over")
    [triaged] = events
    cut = triaged["detail"]["evidence"]["tagging_cut_short"]
    assert cut["step"] == "sentiment" and cut["path"] == "/nodes/1"  # the tag node: its sentiment step
    assert cut["budget_ms"] == NANOSECOND_MS and cut["spent_ms"] >= 0


@pytest.mark.parametrize("value", ["0", "-5", "nan", "inf"])
def test_a_tagging_budget_that_is_not_a_positive_number_is_refused_with_a_clear_message(  # type: ignore[no-untyped-def]
        monkeypatch, value: str) -> None:
    monkeypatch.setenv("SWITCHBOARD_TAGGING_BUDGET_MS", value)
    with pytest.raises(ValidationError, match="SWITCHBOARD_TAGGING_BUDGET_MS is the CPU time .* above 0"):
        Settings()


def test_the_tagging_budget_is_read_from_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("SWITCHBOARD_TAGGING_BUDGET_MS", raising=False)
    assert Settings().tagging_budget_ms == 200
    monkeypatch.setenv("SWITCHBOARD_TAGGING_BUDGET_MS", "50")
    assert Settings().tagging_budget_ms == 50
    assert "SWITCHBOARD_TAGGING_BUDGET_MS" in Settings.env_names()


def test_a_full_garbage_collection_does_not_count_against_a_mentions_tagging() -> None:
    tagging_budget(200)
    tagging_budget(200)
    assert sum(1 for callback in gc.callbacks if callback.__name__ == "_count_full_collections") == 1
    garbage: list[list] = [[] for _ in range(200_000)]
    for item in garbage:
        item.append(item)  # cycles: only the collector frees them
    del garbage
    cpu, tagging = time.thread_time(), tagging_clock()
    gc.collect()  # a full collection, as one may land in the middle of any mention's tagging
    cpu_spent, tagging_spent = time.thread_time() - cpu, tagging_clock() - tagging
    assert cpu_spent > 0.001  # freeing 200,000 cycles is work
    assert tagging_spent < cpu_spent / 10  # none of it charged to tagging
