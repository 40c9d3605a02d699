"""Delivering a scheduled report: run it as its owner would see it, POST the result, signed, to its webhook, and
email it (a summary and the CSV: store.report_mail) to its recipients through the operator's SMTP server.

The webhook's address passes the connectors' outbound rule (activities.connectors.netguard: no loopback,
private or link-local address unless the operator allows its network), checked when the connection is made,
redirects refused. A receiver that cannot be reached or answers 5xx, 408 or 429 is tried again by the
workflow's retry policy; another 4xx, a refused address, or a report whose webhook or owner is gone is final.
Email the same way: the SMTP server's address passes the outbound rule; a server that cannot be reached or answers
4xx is tried again; a refused login, sender or every recipient (5xx), or a worker with no SMTP server, is final.
The SMTP password is never logged: the config holds it as a SecretStr, and errors name the server and the login.
"""

from __future__ import annotations

import asyncio
import json
import smtplib
from datetime import UTC, datetime
from email.message import EmailMessage

import httpx
from sqlalchemy import Engine
from sqlmodel import Session
from temporalio import activity
from temporalio.exceptions import ApplicationError

from activities.connectors import ConnectorRefused
from activities.connectors.netguard import NetGuard, redacted
from engine.messages import Activity
from engine.report_delivery import (
    DELIVERY_HEADER,
    SIGNATURE_HEADER,
    DeliverReportInput,
    ReportDelivered,
    ReportMailed,
    sign,
)
from store.accounts import Role, User
from store.db import session_scope
from store.keys import KeyRing
from store.report_mail import SmtpConfig, report_message, send_report_mail
from store.reports import (
    WEBHOOK_SECRET_PURPOSE,
    ReportResult,
    SavedReport,
    delivery_body,
    run_report,
    visibility_of,
)

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
RETRIED = frozenset({408, 425, 429})
# Roles that read analytics (api.auth.permissions grants analytics:read to these): an owner whose role no
# longer does gets no delivery.
READERS = frozenset({Role.admin, Role.ops_lead, Role.supervisor, Role.auditor})


class ReportActivities:
    def __init__(self, *, engine: Engine, keys: KeyRing | None, guard: NetGuard,
                 http: httpx.Client | None = None, smtp: SmtpConfig | None = None,
                 share_of_voice: dict[str, list[str]] | None = None) -> None:
        # `share_of_voice`: the setting SWITCHBOARD_SHARE_OF_VOICE, the names a share of voice report counts
        # until an ops lead saves some (as the API counts them).
        self._engine, self._keys, self._guard, self._smtp = engine, keys, guard, smtp
        self._voice = dict(share_of_voice or {})
        self._http = http or guard.http_client(timeout=TIMEOUT, follow_redirects=False)

    @staticmethod
    def _why_not(session: Session, report: SavedReport | None, target: str | list[str] | None,
                 missing: str) -> str | None:
        """Why a delivery of `report` to its `target` (its webhook, its recipients) sends nothing, or None;
        `missing`: the reason when the report has no such target."""
        if report is None:
            return "deleted"
        if not report.schedule_cadence:
            return "not scheduled"
        owner = session.get(User, report.owner_id)
        if owner is None or owner.disabled or owner.role not in READERS:
            return "its owner may no longer read analytics"
        return None if target else missing

    def _run(self, session: Session, report: SavedReport, now: datetime) -> ReportResult:
        """The report's result as its owner sees it."""
        owner = session.get(User, report.owner_id)
        assert owner is not None
        cases, mentions = visibility_of(owner.teams or [], owner.id)
        return run_report(session=session, report=report, now=now, visible_cases=cases, visible_mentions=mentions,
                          voice_default=self._voice)

    def _prepare(self, report_id: str, delivery_id: str) -> tuple[str, bytes, bytes, int] | ReportDelivered:
        with session_scope(self._engine, write=False) as session:
            report = session.get(SavedReport, report_id)
            why = self._why_not(session, report, report and report.webhook_url, "no webhook")
            if why is not None or report is None or not report.webhook_url:
                return ReportDelivered(report_id=report_id, delivery_id=delivery_id, skipped=why)
            if report.webhook_secret_sealed is None or self._keys is None:
                raise ApplicationError(f"report {report_id} has no signing secret (or the worker no key ring)",
                                       type="ReportNotDeliverable", non_retryable=True)
            secret = self._keys.open(report.webhook_secret_sealed, purpose=WEBHOOK_SECRET_PURPOSE)
            now = datetime.now(UTC)
            result = self._run(session, report, now)
            body = json.dumps(delivery_body(report=report, result=result, delivery_id=delivery_id, now=now),
                              ensure_ascii=False).encode()
            return report.webhook_url, body, secret, len(result.rows)

    def _post(self, url: str, body: bytes, secret: bytes, delivery_id: str) -> httpx.Response:
        headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(secret, body),
                   DELIVERY_HEADER: delivery_id, "User-Agent": "Switchboard-Reports/1"}
        return self._http.post(url, content=body, headers=headers)

    @activity.defn(name=Activity.deliver_report)
    async def deliver_report(self, inp: DeliverReportInput, delivery_id: str) -> ReportDelivered:
        prepared = await asyncio.to_thread(self._prepare, inp.report_id, delivery_id)
        if isinstance(prepared, ReportDelivered):
            activity.logger.info("report %s: not delivered (%s)", inp.report_id, prepared.skipped)
            return prepared
        url, body, secret, rows = prepared
        where = redacted(url)
        try:
            response = await asyncio.to_thread(self._post, url, body, secret, delivery_id)
        except ConnectorRefused as exc:
            raise ApplicationError(f"report {inp.report_id}: {exc}", type="ConnectorRefused",
                                   non_retryable=True) from exc
        except httpx.HTTPError as exc:
            raise ApplicationError(f"report {inp.report_id}: {where} did not answer ({exc})",
                                   type="DeliveryFailed") from exc
        status = response.status_code
        if status >= 500 or status in RETRIED:
            raise ApplicationError(f"report {inp.report_id}: {where} answered {status}", type="DeliveryFailed")
        if status >= 300:
            raise ApplicationError(f"report {inp.report_id}: {where} answered {status}; fix the receiver or the "
                                   "report's webhook", type="ReportNotDeliverable", non_retryable=True)
        activity.logger.info("report %s: %d rows delivered to %s (%d)", inp.report_id, rows, where, status)
        return ReportDelivered(report_id=inp.report_id, delivery_id=delivery_id, status=status, rows=rows)

    def _prepare_mail(self, report_id: str, delivery_id: str) -> tuple[EmailMessage, list[str], int] | ReportMailed:
        with session_scope(self._engine, write=False) as session:
            report = session.get(SavedReport, report_id)
            why = self._why_not(session, report, report and report.email_to, "no email recipients")
            if why is not None or report is None or not report.email_to:
                return ReportMailed(report_id=report_id, delivery_id=delivery_id, skipped=why)
            if self._smtp is None:
                raise ApplicationError(f"report {report_id} is emailed, but this worker has no SMTP server: the "
                                       "operator sets SWITCHBOARD_SMTP_HOST and SWITCHBOARD_SMTP_FROM on the "
                                       "workers", type="ReportNotDeliverable", non_retryable=True)
            now = datetime.now(UTC)
            result = self._run(session, report, now)
            recipients = list(report.email_to)
            message = report_message(report_id=report.id, name=report.name, metric=report.metric,
                                     group_by=report.group_by, tz=report.tz, since=result.since,
                                     until=result.until, rows=result.rows, sender=self._smtp.from_address,
                                     recipients=recipients, delivery_id=delivery_id, now=now)
            return message, recipients, len(result.rows)

    def _mail(self, inp: DeliverReportInput, message: EmailMessage, recipients: list[str]) -> list[str]:
        config = self._smtp
        assert config is not None
        server = f"SMTP {config.host}:{config.port}"
        try:
            refused = send_report_mail(config, self._guard, message, recipients)
        except ConnectorRefused as exc:
            raise ApplicationError(f"report {inp.report_id}: {exc}", type="ConnectorRefused",
                                   non_retryable=True) from exc
        except smtplib.SMTPAuthenticationError as exc:
            raise ApplicationError(f"report {inp.report_id}: {server} refused the login of {config.username} "
                                   f"({exc.smtp_code}); check SWITCHBOARD_SMTP_USERNAME and the password",
                                   type="ReportNotDeliverable", non_retryable=True) from None
        except smtplib.SMTPRecipientsRefused as exc:
            codes = {code for code, _ in exc.recipients.values()}
            final = all(code >= 500 for code in codes)
            raise ApplicationError(f"report {inp.report_id}: {server} refused every recipient "
                                   f"({', '.join(sorted(exc.recipients))}: {sorted(codes)})"
                                   + ("; fix the report's email_to" if final else ""),
                                   type="ReportNotDeliverable" if final else "DeliveryFailed",
                                   non_retryable=final) from None
        except smtplib.SMTPResponseException as exc:
            final = exc.smtp_code >= 500
            said = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else ""
            raise ApplicationError(f"report {inp.report_id}: {server} answered {exc.smtp_code} {said[:200]}",
                                   type="ReportNotDeliverable" if final else "DeliveryFailed",
                                   non_retryable=final) from None
        except (OSError, smtplib.SMTPException) as exc:
            raise ApplicationError(f"report {inp.report_id}: {server} did not take the email ({exc})",
                                   type="DeliveryFailed") from None
        return sorted(refused)

    @activity.defn(name=Activity.mail_report)
    async def mail_report(self, inp: DeliverReportInput, delivery_id: str) -> ReportMailed:
        prepared = await asyncio.to_thread(self._prepare_mail, inp.report_id, delivery_id)
        if isinstance(prepared, ReportMailed):
            activity.logger.info("report %s: not emailed (%s)", inp.report_id, prepared.skipped)
            return prepared
        message, recipients, rows = prepared
        refused = await asyncio.to_thread(self._mail, inp, message, recipients)
        taken = [address for address in recipients if address not in refused]
        activity.logger.info("report %s: %d rows emailed to %d recipients (%d refused)", inp.report_id, rows,
                             len(taken), len(refused))
        return ReportMailed(report_id=inp.report_id, delivery_id=delivery_id, recipients=taken, refused=refused,
                            rows=rows)

    def all(self) -> list:
        return [self.deliver_report, self.mail_report]
