"""One delivery of a scheduled report, started by the report's Temporal Schedule: the activity runs the report
and POSTs it to the webhook; a receiver that is down or answers 5xx is tried again with backoff for about a
day (a delivery is durable: a worker restart resumes it), an address the outbound rule refuses or a report
deleted since is not."""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy

with workflow.unsafe.imports_passed_through():
    from engine.messages import Activity
    from engine.report_delivery import DELIVER_REPORT_WORKFLOW, FINAL_ERRORS, DeliverReportInput, ReportDelivered

DELIVERY_RETRY = RetryPolicy(initial_interval=timedelta(seconds=5), backoff_coefficient=2.0,
                             maximum_interval=timedelta(hours=1), maximum_attempts=30,
                             non_retryable_error_types=FINAL_ERRORS)


@workflow.defn(name=DELIVER_REPORT_WORKFLOW)
class DeliverReportWorkflow:
    @workflow.run
    async def run(self, inp: DeliverReportInput) -> ReportDelivered:
        # The delivery's id is the workflow's: the same on every retry of the activity.
        info = workflow.info()
        return await workflow.execute_activity(
            Activity.deliver_report, args=[inp, f"{info.workflow_id}/{info.run_id}"], result_type=ReportDelivered,
            start_to_close_timeout=timedelta(minutes=2), retry_policy=DELIVERY_RETRY)
