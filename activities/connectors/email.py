"""Email: a support mailbox read over IMAP, answered over SMTP, threaded by Message-ID.

Discovery reads messages after the cursor (`<UIDVALIDITY>:<last UID>`) in UID order, 50 at a time,
without marking them read. Each message is a mention: its Message-ID is the external id, the sender's
address the author, subject and plain-text body the text (quoted history below the reply trimmed),
and `In-Reply-To` the reply link, so a customer's answer to our reply joins the conversation. If the
mailbox's UIDVALIDITY changes, reading starts over and dedupe drops what was stored already.

Replies go to the sender of the mention answered, as `Re: <subject>`, with In-Reply-To/References
set and a Message-ID derived from the reply id, so a reply already recorded is not sent again.
"""

from __future__ import annotations

import contextlib
import imaplib
import re
import smtplib
import ssl
from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, parseaddr

from activities.connectors.base import ConnectorError, ConnectorRefused, Discovers, Page, SendsReplies, Sent, plain_text
from activities.connectors.netguard import NetGuard, guarded_imap, guarded_smtp
from engine.discovery.timestamps import TimestampError, parse_timestamp
from engine.messages import SendReplyInput
from store.connector_config import EmailConfig
from store.incoming import IncomingMention
from store.mentions import Mention as MentionRow
from store.sources import Source

PAGE = 50
TIMEOUT = 30
_QUOTE_HEADER = re.compile(r"^\s*(On .{0,200} wrote:|-----Original Message-----|From: .+)$", re.MULTILINE)


def _context() -> ssl.SSLContext:
    return ssl.create_default_context()


@contextlib.contextmanager
def _imap(config: EmailConfig, guard: NetGuard) -> Iterator[imaplib.IMAP4]:
    try:
        tls = _context() if config.imap_security == "ssl" else None
        client = guarded_imap(guard, config.imap_host, config.imap_port, tls=tls, timeout=TIMEOUT)
        if config.imap_security == "starttls":
            client.starttls(ssl_context=_context())
    except (OSError, imaplib.IMAP4.error) as exc:
        raise ConnectorError(f"IMAP {config.imap_host}:{config.imap_port} did not answer: {exc}") from exc
    try:
        try:
            client.login(config.username, config.password.get_secret_value())
        except imaplib.IMAP4.error as exc:
            raise ConnectorRefused(f"IMAP {config.imap_host} refused the login of {config.username}: {exc}; "
                                   "check the username and password saved on the source") from exc
        yield client
    except (OSError, imaplib.IMAP4.abort) as exc:
        raise ConnectorError(f"IMAP {config.imap_host} dropped the connection: {exc}") from exc
    finally:
        with contextlib.suppress(Exception):
            client.logout()


def _ok(answer: tuple[str, list], what: str) -> list:
    status, data = answer
    if status != "OK":
        raise ConnectorError(f"IMAP {what} failed: {data!r}")
    return data


class EmailConnector(Discovers[EmailConfig], SendsReplies[EmailConfig]):
    def __init__(self, *, guard: NetGuard | None = None) -> None:
        self._guard = guard or NetGuard()

    def discover(self, *, source: Source, config: EmailConfig, cursor: str | None) -> Page:
        with _imap(config, self._guard) as client:
            try:
                _ok(client.select(_quoted(config.mailbox), readonly=True), f"SELECT {config.mailbox}")
            except imaplib.IMAP4.error as exc:
                raise ConnectorRefused(f"no mailbox {config.mailbox!r} on {config.imap_host}: {exc}") from exc
            _, answer = client.response("UIDVALIDITY")
            first = (answer or [b"0"])[0]
            validity = first.decode() if isinstance(first, bytes) else str(first or "0")
            last = 0
            if cursor and cursor.split(":", 1)[0] == validity:
                last = int(cursor.split(":", 1)[1])
            found = _ok(client.uid("SEARCH", None, f"UID {last + 1}:*"), "SEARCH")
            uids = sorted(u for u in (int(x) for x in (found[0] or b"").split()) if u > last)
            page, more = uids[:PAGE], len(uids) > PAGE
            mentions = []
            for uid in page:
                data = _ok(client.uid("FETCH", str(uid), "(BODY.PEEK[])"), f"FETCH {uid}")
                raw = next((part[1] for part in data if isinstance(part, tuple)), None)
                if raw is None:
                    raise ConnectorError(f"IMAP FETCH {uid} returned no message")
                mentions.append(_mention(raw, f"{validity}-{uid}"))
        next_cursor = f"{validity}:{page[-1]}" if page else (cursor if last else f"{validity}:0")
        return Page(mentions=mentions, cursor=next_cursor, more=more)

    def known_external_id(self, *, config: EmailConfig, reply: SendReplyInput) -> str:
        """Our Message-ID, derived from the reply id: a reply recorded under it is not sent again."""
        return f"<reply-{reply.reply_id}@{config.from_address.split('@', 1)[1]}>"

    def send_reply(self, *, source: Source, config: EmailConfig, reply: SendReplyInput,
                   parent: MentionRow | None) -> Sent:
        if parent is None:
            raise ConnectorRefused(f"reply {reply.reply_id} answers no stored email: nobody to send it to")
        message_id, now = self.known_external_id(config=config, reply=reply), datetime.now(UTC)
        message = EmailMessage()
        message["From"] = config.from_address
        message["To"] = parent.author
        subject = parent.text.splitlines()[0] if parent.text else ""
        message["Subject"] = subject if subject.lower().startswith("re:") else f"Re: {subject}"
        message["Message-ID"] = message_id
        message["In-Reply-To"] = parent.external_id
        message["References"] = parent.external_id
        message["Date"] = format_datetime(now)
        message.set_content(reply.text)
        _send(config, message, self._guard)
        return Sent(external_id=message_id, at=now)


def _send(config: EmailConfig, message: EmailMessage, guard: NetGuard) -> None:
    user = config.smtp_username or config.username
    secret = config.smtp_password or config.password
    try:
        tls = _context() if config.smtp_security == "ssl" else None
        smtp = guarded_smtp(guard, config.smtp_host, config.smtp_port, tls=tls, timeout=TIMEOUT)
        with smtp:
            if config.smtp_security == "starttls":
                smtp.starttls(context=_context())
            if config.smtp_security != "none" or smtp.has_extn("auth"):
                smtp.login(user, secret.get_secret_value())
            smtp.send_message(message)
    except smtplib.SMTPAuthenticationError as exc:
        raise ConnectorRefused(f"SMTP {config.smtp_host} refused the login of {user}: {exc.smtp_error!r}") from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise ConnectorError(f"SMTP {config.smtp_host}:{config.smtp_port} did not take the reply: {exc}") from exc


def _quoted(mailbox: str) -> str:
    return '"' + mailbox.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _mention(raw: bytes, fallback_id: str) -> IncomingMention:
    """One email as a mention; a message too broken to read still becomes one, saying so (nothing is dropped)."""
    message = message_from_bytes(raw, policy=policy.default)
    message_id = (message.get("Message-ID") or "").strip() or f"<{fallback_id}@no-message-id>"
    name, address = parseaddr(str(message.get("From") or ""))
    author = address or name or "unknown sender"
    subject = " ".join(str(message.get("Subject") or "").split())
    body = _body(message)
    text = "\n".join(part for part in (subject, body) if part) or "(empty message)"
    try:
        created = parse_timestamp(str(message.get("Date") or ""))
    except TimestampError:
        created = datetime.now(UTC)
    parent = str(message.get("In-Reply-To") or "").strip() or None
    if parent is None and message.get("References"):
        refs = [r for _, r in getaddresses([str(message["References"])]) if r]
        parent = f"<{refs[-1]}>" if refs else None
    return IncomingMention(external_id=message_id[:200], author=author[:200], text=text[:10_000],
                           created_at=created, reply_to_id=parent[:200] if parent else None)


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):
        content = part.get_payload(decode=True).decode("utf-8", "replace") if part.get_payload(decode=True) else ""
    content = content.replace("\r\n", "\n")
    if part.get_content_subtype() == "html":
        content = plain_text(content)
    content = _QUOTE_HEADER.split(content, maxsplit=1)[0]  # the history below "On ... wrote:"
    lines = [line for line in content.splitlines() if not line.startswith(">")]
    return "\n".join(lines).strip()
