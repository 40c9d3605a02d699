"""Delivering a scheduled report: run it as its owner would see it, and POST the result, signed, to its webhook.

The webhook's address passes the connectors' outbound rule (activities.connectors.netguard: no loopback,
private or link-local address unless the operator allows its network), checked when the connection is made,
redirects refused. A receiver that cannot be reached or answers 5xx, 408 or 429 is tried again by the
workflow's retry policy; another 4xx, a refused address, or a report whose webhook or owner is gone is final.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import httpx
from sqlalchemy import Engine
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
    sign,
)
from store.accounts import Role, User
from store.db import session_scope
from store.keys import KeyRing
from store.reports import WEBHOOK_SECRET_PURPOSE, SavedReport, delivery_body, run_report, visibility_of

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
RETRIED = frozenset({408, 425, 429})
# Roles that read analytics (api.auth.permissions grants analytics:read to these): an owner whose role no
# longer does gets no delivery.
READERS = frozenset({Role.admin, Role.ops_lead, Role.supervisor, Role.auditor})


class ReportActivities:
    def __init__(self, *, engine: Engine, keys: KeyRing | None, guard: NetGuard,
                 http: httpx.Client | None = None) -> None:
        self._engine, self._keys = engine, keys
        self._http = http or guard.http_client(timeout=TIMEOUT, follow_redirects=False)

    def _prepare(self, report_id: str, delivery_id: str) -> tuple[str, bytes, bytes, int] | ReportDelivered:
        with session_scope(self._engine, write=False) as session:
            report = session.get(SavedReport, report_id)
            if report is None or not report.schedule_cadence or not report.webhook_url:
                return ReportDelivered(report_id=report_id, delivery_id=delivery_id,
                                       skipped="deleted" if report is None else "not scheduled")
            owner = session.get(User, report.owner_id)
            if owner is None or owner.disabled or owner.role not in READERS:
                return ReportDelivered(report_id=report_id, delivery_id=delivery_id,
                                       skipped="its owner may no longer read analytics")
            if report.webhook_secret_sealed is None or self._keys is None:
                raise ApplicationError(f"report {report_id} has no signing secret (or the worker no key ring)",
                                       type="ReportNotDeliverable", non_retryable=True)
            secret = self._keys.open(report.webhook_secret_sealed, purpose=WEBHOOK_SECRET_PURPOSE)
            cases, mentions = visibility_of(owner.teams or [], owner.id)
            now = datetime.now(UTC)
            result = run_report(session=session, report=report, now=now, visible_cases=cases,
                                visible_mentions=mentions)
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

    def all(self) -> list:
        return [self.deliver_report]
