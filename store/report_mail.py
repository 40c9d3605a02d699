"""Scheduled reports by email (issue 16): the operator's outbound SMTP server (SmtpConfig, built from the settings
SWITCHBOARD_SMTP_*), the checks an email recipient passes, and the message one delivery sends: a short summary
table of the report's rows as text and HTML, with every row attached as CSV (store.exports' REPORT_COLUMNS,
formatted as GET /api/reports/{id}/export?format=csv writes them).

The SMTP password is a SecretStr: it is shown as `**********` wherever the config is printed or logged, and read
(`get_secret_value`) only to log in. The connection passes the outbound address rule (store.netguard), as
connectors' do.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
import ssl
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field, SecretStr

from store.analytics import ReportRow
from store.exports import REPORT_COLUMNS, csv_cell, plain_value
from store.netguard import NetGuard, guarded_smtp

SmtpSecurity = Literal["starttls", "tls", "none"]
MAX_RECIPIENTS = 20
SUMMARY_ROWS = 25  # rows shown in the message itself; the CSV has them all
TIMEOUT = 30.0
# One address, as people write them: local@domain.tld; no display name, no comma, no space or line break (so a
# recipient cannot add a header or another recipient).
_ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                      r"[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")


class SmtpConfig(BaseModel):
    """Where report emails are sent from: the operator's SMTP server (the settings SWITCHBOARD_SMTP_*)."""

    host: str
    port: int = 587
    security: SmtpSecurity = Field(default="starttls", description="starttls (upgrade after connecting), tls "
                                                                   "(TLS from the start, usually port 465) or none")
    username: str | None = None
    password: SecretStr | None = None
    from_address: str
    ca_file: str | None = Field(default=None, description="a PEM file of the authorities that sign the server's "
                                                          "certificate; none: the system's")


def address_problem(address: str) -> str | None:
    """Why `address` is not one email address we send to, or None when it is."""
    if not isinstance(address, str) or not address.strip():
        return "an email address is blank: write one, e.g. ops@example.com"
    if len(address) > 254 or not _ADDRESS.match(address.strip()):
        return (f"{address[:80]!r} is not an email address: write one address as local@domain, e.g. "
                "ops@example.com (no name, comma or space)")
    return None


def _subject(name: str, since: datetime, until: datetime, tz: str) -> str:
    zone = ZoneInfo(tz)
    first, last = since.astimezone(zone), until.astimezone(zone)
    span = f"{first:%Y-%m-%d %H:%M} to {last:%Y-%m-%d %H:%M} {tz}"
    return " ".join(f"Switchboard report: {name} ({span})".split())


def _shown(value: object) -> str:
    value = plain_value(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1 else f"{value:,.1f}"
    return str(value)


def report_csv(rows: list[ReportRow]) -> str:
    """Every row, as the report's CSV export writes it (a header row, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(REPORT_COLUMNS)
    for row in rows:
        fields = vars(row)
        writer.writerow([csv_cell(fields.get(name)) for name in REPORT_COLUMNS])
    return buffer.getvalue()


def _summary(rows: list[ReportRow], metric: str, group_by: str) -> tuple[list[str], list[list[str]]]:
    with_target = any(row.target for row in rows)
    with_name = any(row.name for row in rows)  # share of voice: a row per brand or competitor
    header = [group_by if group_by != "none" else "period", *(["target"] if with_target else []),
              *(["name"] if with_name else []), "count", metric]
    lines = [[row.group if row.group is not None else "(all)" if group_by == "none" else "(none)",
              *([row.target or ""] if with_target else []), *([row.name or ""] if with_name else []),
              str(row.count), _shown(row.value)]
             for row in rows[:SUMMARY_ROWS]]
    return header, lines


def _text(title: str, header: list[str], lines: list[list[str]], more: int) -> str:
    widths = [max(len(cell) for cell in column) for column in zip(header, *lines, strict=False)]
    table = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=False)).rstrip()
             for line in (header, ["-" * w for w in widths], *lines)]
    tail = [f"... and {more} more rows in the attached CSV."] if more else []
    empty = ["Nothing was counted in this period."] if not lines else []
    return "\n".join([title, "", *table, *empty, *tail, "", "Every row is in the attached CSV.", ""])


def _html(title: str, header: list[str], lines: list[list[str]], more: int) -> str:
    cell = "padding:4px 10px;border-bottom:1px solid #ddd;text-align:left"
    head = "".join(f'<th style="{cell}">{html.escape(name)}</th>' for name in header)
    body = "".join("<tr>" + "".join(f'<td style="{cell}">{html.escape(value)}</td>' for value in line) + "</tr>"
                   for line in lines)
    tail = f"<p>... and {more} more rows in the attached CSV.</p>" if more else ""
    empty = "<p>Nothing was counted in this period.</p>" if not lines else ""
    return (f'<html><body style="font-family:sans-serif"><h2 style="font-size:16px">{html.escape(title)}</h2>'
            f'<table style="border-collapse:collapse"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
            f"{empty}{tail}<p>Every row is in the attached CSV.</p></body></html>")


def report_message(*, report_id: str, name: str, metric: str, group_by: str, tz: str, since: datetime,
                   until: datetime, rows: list[ReportRow], sender: str, recipients: list[str], delivery_id: str,
                   now: datetime) -> EmailMessage:
    """One delivery's email: text and HTML summaries (alternatives) and the CSV of every row attached. Its
    Message-ID is derived from the delivery's id, the same on every retry of it."""
    subject = _subject(name, since, until, tz)
    title = f"{' '.join(name.split())}: {metric} by {group_by}" if group_by != "none" else \
        f"{' '.join(name.split())}: {metric}"
    header, lines = _summary(rows, metric, group_by)
    more = max(0, len(rows) - SUMMARY_ROWS)
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    digest = hashlib.sha256(delivery_id.encode()).hexdigest()[:24]
    message["Message-ID"] = f"<report-{report_id}.{digest}@{sender.rsplit('@', 1)[-1]}>"
    message["X-Switchboard-Delivery"] = " ".join(delivery_id.split())[:200]
    message.set_content(_text(title, header, lines, more))
    message.add_alternative(_html(title, header, lines, more), subtype="html")
    message.add_attachment(report_csv(rows).encode(), maintype="text", subtype="csv",
                           filename=f"report-{report_id}-{until.astimezone(ZoneInfo(tz)):%Y%m%d}.csv")
    return message


def send_report_mail(config: SmtpConfig, guard: NetGuard, message: EmailMessage,
                     recipients: list[str]) -> dict[str, tuple[int, bytes]]:
    """Send `message` to `recipients` through the operator's server (connected only where `guard` allows);
    answers the recipients the server refused (the others got it). Raises guard.refusal for a refused address,
    smtplib's errors and OSError as they come."""
    context = ssl.create_default_context(cafile=config.ca_file)  # the server's certificate and name are checked
    smtp = guarded_smtp(guard, config.host, config.port, tls=context if config.security == "tls" else None,
                        timeout=TIMEOUT)
    with smtp:
        smtp.ehlo()
        if config.security == "starttls":
            smtp.starttls(context=context)
            smtp.ehlo()
        if config.username and config.password is not None:
            smtp.login(config.username, config.password.get_secret_value())
        return smtp.send_message(message, from_addr=config.from_address, to_addrs=recipients)
