"""One delivery of a scheduled report, started by the report's Temporal Schedule: one activity runs the report and
POSTs it to the webhook, another emails it to the report's recipients (runs started before email was added: the
webhook only). A receiver or SMTP server that is down or answers a temporary error is tried again with backoff
for about a day (a delivery is durable: a worker restart resumes it); an address the outbound rule refuses, a
login or recipients refused for good, or a report deleted since is not. The two targets do not wait on each
other: one failing for good still lets the other be delivered, and then fails the run."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy

with workflow.unsafe.imports_passed_through():
    from engine.messages import Activity
    from engine.report_delivery import (
        DELIVER_REPORT_WORKFLOW,
        FINAL_ERRORS,
        REPORT_EMAIL_PATCH,
        DeliverReportInput,
        ReportDelivered,
        ReportMailed,
    )

DELIVERY_RETRY = RetryPolicy(initial_interval=timedelta(seconds=5), backoff_coefficient=2.0,
                             maximum_interval=timedelta(hours=1), maximum_attempts=30,
                             non_retryable_error_types=FINAL_ERRORS)


@workflow.defn(name=DELIVER_REPORT_WORKFLOW)
class DeliverReportWorkflow:
    @workflow.run
    async def run(self, inp: DeliverReportInput) -> ReportDelivered:
        # The delivery's id is the workflow's: the same on every retry of the activity.
        info = workflow.info()
        delivery_id = f"{info.workflow_id}/{info.run_id}"
        posting = workflow.execute_activity(
            Activity.deliver_report, args=[inp, delivery_id], result_type=ReportDelivered,
            start_to_close_timeout=timedelta(minutes=2), retry_policy=DELIVERY_RETRY)
        if not workflow.patched(REPORT_EMAIL_PATCH):
            return await posting
        mailing = workflow.execute_activity(
            Activity.mail_report, args=[inp, delivery_id], result_type=ReportMailed,
            start_to_close_timeout=timedelta(minutes=2), retry_policy=DELIVERY_RETRY)
        posted, mailed = await asyncio.gather(posting, mailing, return_exceptions=True)
        for outcome in (posted, mailed):
            if isinstance(outcome, BaseException):
                raise outcome
        assert isinstance(posted, ReportDelivered) and isinstance(mailed, ReportMailed)
        return posted.model_copy(update={"mail": mailed})
