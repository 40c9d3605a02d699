"""The names and messages the API, the report delivery workflow and its activity share (issue 16's scheduled
reports): a saved report's Temporal Schedule starts DELIVER_REPORT_WORKFLOW at each tick, which runs the report
and POSTs its result to the report's webhook in one activity, and emails it to the report's recipients in another
(store.report_mail), each retried until the receiver (or the SMTP server) takes it.

The webhook receives JSON (`ReportDelivery`'s fields) signed as inbound webhooks are checked here: header
`X-Signature-256: sha256=<hex HMAC-SHA256 of the body with the report's secret>`, with the delivery's id in
`X-Switchboard-Delivery` (the same on every retry, so a receiver can drop a repeat).
"""

from __future__ import annotations

import hashlib
import hmac

from pydantic import BaseModel

DELIVER_REPORT_WORKFLOW = "DeliverReport"
# Runs started since report email was added send it beside the webhook's POST (workflow.patched).
REPORT_EMAIL_PATCH = "report-email"
SIGNATURE_HEADER = "X-Signature-256"
DELIVERY_HEADER = "X-Switchboard-Delivery"
# Errors a retry cannot fix: the address is refused, the report or its webhook is gone, the SMTP server refuses
# the login, the sender or every recipient for good.
FINAL_ERRORS = ("ConnectorRefused", "ReportNotDeliverable")


def schedule_id(report_id: str) -> str:
    """The report's Temporal Schedule (and the prefix of the workflows it starts)."""
    return f"report-{report_id}"


class DeliverReportInput(BaseModel):
    """Deliver one saved report now: what each Schedule tick starts."""

    report_id: str


class ReportMailed(BaseModel):
    """What one delivery's email did: who the SMTP server took it for (and refused), or why none was sent."""

    report_id: str
    delivery_id: str = ""
    recipients: list[str] = []
    refused: list[str] = []
    rows: int = 0
    skipped: str | None = None


class ReportDelivered(BaseModel):
    """What one delivery did: the receiver's status, or why nothing was sent; `mail`: its email's outcome."""

    report_id: str
    delivery_id: str = ""
    status: int | None = None
    rows: int = 0
    skipped: str | None = None
    mail: ReportMailed | None = None


def sign(secret: bytes, body: bytes) -> str:
    """The signature header's value for `body`: `sha256=<hex>`."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
