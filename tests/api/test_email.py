"""The email connector against real servers: Debian's dovecot over IMAP and an SMTP sink, on the dev server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any

import httpx
import pytest

from tests.harness.cases import Stack, api_client, as_user, eventually
from tests.harness.mail import PASSWORD, USER, Imap, SmtpSink, dovecot_server, smtp_sink

pytestmark = pytest.mark.slow


@pytest.fixture
def imap() -> Iterator[Imap]:
    with dovecot_server() as server:
        yield server


@pytest.fixture
def sink() -> Iterator[SmtpSink]:
    with smtp_sink() as server:
        yield server


def email(message_id: str, subject: str, body: str, *, sender: str = "Pat Lee <pat@example.com>",
          in_reply_to: str | None = None, date: str = "Tue, 31 Oct 2017 22:10:47 +0000") -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, "support@acme.test", subject
    message["Message-ID"], message["Date"] = message_id, date
    if in_reply_to:
        message["In-Reply-To"] = message["References"] = in_reply_to
    message.set_content(body)
    return message


def config(imap: Imap, sink: SmtpSink, password: str = PASSWORD) -> dict[str, Any]:
    return {"imap_host": imap.host, "imap_port": imap.port, "imap_security": "none", "username": USER,
            "password": password, "smtp_host": "127.0.0.1", "smtp_port": sink.port, "smtp_security": "none",
            "allow_insecure": True,  # the local dovecot and sink speak plain IMAP and SMTP
            "from_address": "support@acme.test", "poll_seconds": 3600}


async def mention(http: httpx.AsyncClient, ident: str, **expected: Any) -> dict[str, Any] | None:
    row = (await http.get(f"/api/mentions/{ident}")).json()
    return row if "id" in row and all(row.get(k) == v for k, v in expected.items()) else None


async def test_mail_in_becomes_a_case_the_reply_goes_out_and_the_answer_joins(stack: Stack, imap: Imap,
                                                                             sink: SmtpSink) -> None:
    source = f"mail{uuid.uuid4().hex[:6]}"
    first_id = f"<{uuid.uuid4().hex}@example.com>"
    imap.append(email(first_id, "Refund for order 88?", "I was charged twice, where is my refund?\n\n"
                      "On Mon, 30 Oct 2017 Someone wrote:\n> an older message"))
    async with api_client(stack) as http:
        made = await http.post("/api/sources", json={"id": source, "kind": "email", "config": config(imap, sink)})
        assert made.status_code == 201, made.text
        assert made.json()["config"]["password"] == "********"
        first = await eventually(lambda: mention(http, f"{source}:{first_id}"), what="the first email", timeout=30)
        assert first["author"] == "pat@example.com" and first["created_at"] == "2017-10-31T22:10:47Z"
        assert first["text"] == "Refund for order 88?\nI was charged twice, where is my refund?"  # history cut
        assert first["needs_response"] is True and first["customer_id"]

        case = await eventually(lambda: _assigned(http, f"{source}:{first_id}"), what="an assigned case", timeout=30)
        sent = await http.post(f"/api/cases/{case['id']}/replies", json={"text": "Refunded today, sorry!"},
                               headers=as_user(stack.engine, case["assignee_id"]))
        assert sent.status_code == 200, sent.text
        await eventually(lambda: sink.messages, what="the reply at the SMTP server", timeout=30)
        reply = sink.messages[0]
        assert (reply["To"], reply["From"], reply["Subject"]) == ("pat@example.com", "support@acme.test",
                                                                  "Re: Refund for order 88?")
        assert reply["In-Reply-To"] == first_id and reply.get_content().strip() == "Refunded today, sorry!"

        # Pat answers our reply: the answer threads into the same conversation and reaches the case.
        answer_id = f"<{uuid.uuid4().hex}@example.com>"
        imap.append(email(answer_id, "Re: Refund for order 88?", "Got it, thanks!", in_reply_to=reply["Message-ID"],
                          date="Wed, 1 Nov 2017 08:00:00 +0000"))
        assert (await http.post(f"/api/sources/{source}/poll")).status_code == 202
        answer = await eventually(lambda: mention(http, f"{source}:{answer_id}"), what="the customer's answer",
                                  timeout=30)
        assert answer["conversation_id"] == first["conversation_id"] and answer["customer_id"] == first["customer_id"]
        await eventually(lambda: _case_with(http, case["id"], mention_count=2), what="the answer on the case",
                         timeout=30)
        health = (await http.get(f"/api/sources/{source}")).json()
        assert health["healthy"] and health["cursor"].endswith(":2")
        assert len(sink.messages) == 1  # one reply, sent once


async def test_a_wrong_password_marks_the_source_unhealthy_and_says_why(stack: Stack, imap: Imap,
                                                                       sink: SmtpSink) -> None:
    source = f"mail{uuid.uuid4().hex[:6]}"
    async with api_client(stack) as http:
        made = await http.post("/api/sources", json={"id": source, "kind": "email",
                                                     "config": config(imap, sink, password="wrong")})
        assert made.status_code == 201, made.text
        sick = await eventually(lambda: _unhealthy(http, source), what="the failed login", timeout=30)
        assert f"refused the login of {USER}" in sick["last_error"] and sick["cursor"] is None



async def _assigned(http: httpx.AsyncClient, mention_id: str) -> dict[str, Any] | None:
    row = (await http.get(f"/api/mentions/{mention_id}")).json()
    if not row.get("case_id"):
        return None
    case = (await http.get(f"/api/cases/{row['case_id']}")).json()
    return case if case.get("status") == "assigned" else None


async def _case_with(http: httpx.AsyncClient, case_id: str, **expected: Any) -> dict[str, Any] | None:
    case = (await http.get(f"/api/cases/{case_id}")).json()
    return case if all(case.get(k) == v for k, v in expected.items()) else None


async def _unhealthy(http: httpx.AsyncClient, source: str) -> dict[str, Any] | None:
    row = (await http.get(f"/api/sources/{source}")).json()
    return row if not row["healthy"] and row["last_error"] else None
