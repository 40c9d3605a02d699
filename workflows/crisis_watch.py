"""The crisis watch: one long-running workflow per installation that checks for a spike every few minutes.

Each check reads the settings and the counts (an activity: the last window and the same stretch of the week
in past weeks, from the read side), decides with engine.crisis (here, so the decision and its figures are in
the history), and records it; a start or an end is carried out by the same activity, in one transaction
(store.crisis). Between checks it waits on a timer, or until the `check_now` signal (settings saved). It
continues as new every `checks_per_run` checks (100), carrying only the calm streak, so its history stays short.
"""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy

with workflow.unsafe.imports_passed_through():
    from engine.crisis import (
        CHECK_NOW_SIGNAL,
        CRISIS_WATCH_WORKFLOW,
        ApplyRequest,
        ApplyResult,
        Sample,
        SampleRequest,
        WatchInput,
        decide,
    )
    from engine.messages import Activity

RETRY = RetryPolicy(initial_interval=timedelta(seconds=2), backoff_coefficient=2.0,
                    maximum_interval=timedelta(minutes=1))


@workflow.defn(name=CRISIS_WATCH_WORKFLOW)
class CrisisWatchWorkflow:
    def __init__(self) -> None:
        self._poked = False

    @workflow.signal(name=CHECK_NOW_SIGNAL)
    def check_now(self) -> None:
        self._poked = True

    @workflow.run
    async def run(self, inp: WatchInput) -> None:
        streak = inp.calm_streak
        for _ in range(inp.checks_per_run):
            self._poked = False
            sample = await workflow.execute_activity(
                Activity.crisis_sample, SampleRequest(at=workflow.now()), result_type=Sample,
                start_to_close_timeout=timedelta(minutes=1), retry_policy=RETRY)
            if sample.enabled or sample.active:
                decision = decide(window=sample.window, past=sample.past, thresholds=sample.thresholds,
                                  active=sample.active, automatic=sample.automatic, calm_streak=streak)
                if not sample.enabled and decision.action == "start":
                    decision = decision.model_copy(update={"action": "none", "reason": "detection is off"})
                result = await workflow.execute_activity(
                    Activity.crisis_apply, ApplyRequest(at=workflow.now(), decision=decision), result_type=ApplyResult,
                    start_to_close_timeout=timedelta(minutes=1), retry_policy=RETRY)
                streak = 0 if decision.action != "none" and result.applied else decision.calm_streak
            else:
                streak = 0
            try:
                await workflow.wait_condition(lambda: self._poked, timeout=timedelta(seconds=sample.interval_seconds))
            except TimeoutError:
                pass  # the usual way: the interval passed without a signal
        workflow.continue_as_new(WatchInput(calm_streak=streak, checks_per_run=inp.checks_per_run))
