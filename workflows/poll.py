"""One poll of a source, started by its Temporal Schedule: pages until the source has no more, or a cap.

Each page is one activity (fetch, store with the cursor, deliver), retried with backoff; a source
that refuses us (bad token, gone) fails at once and shows unhealthy until its config is fixed. The
Schedule skips a tick while a poll is still running, so a slow source never has two polls at once.
"""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy

with workflow.unsafe.imports_passed_through():
    from engine.messages import POLL_WORKFLOW, Activity, PollInput, PollPage

MAX_PAGES = 25  # a backlog beyond this waits for the next tick, so one source cannot hog a worker
POLL_RETRY = RetryPolicy(initial_interval=timedelta(seconds=2), backoff_coefficient=2.0,
                         maximum_interval=timedelta(minutes=2), maximum_attempts=6,
                         non_retryable_error_types=["ConnectorRefused"])


@workflow.defn(name=POLL_WORKFLOW)
class PollSourceWorkflow:
    @workflow.run
    async def run(self, inp: PollInput) -> PollPage:
        total = PollPage(source=inp.source)
        for _ in range(MAX_PAGES):
            page = await workflow.execute_activity(Activity.poll_source, inp, result_type=PollPage,
                                                   start_to_close_timeout=timedelta(minutes=2),
                                                   retry_policy=POLL_RETRY)
            for name in ("fetched", "stored", "duplicates", "cases"):
                setattr(total, name, getattr(total, name) + getattr(page, name))
            total.skipped, total.more = page.skipped, page.more
            if not page.more:
                break
        return total
