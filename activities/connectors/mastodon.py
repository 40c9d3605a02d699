"""Mastodon through its REST API: mentions from the account's notifications, replies as statuses.

Discovery pages forward from the cursor (the last notification id stored) with `min_id`, 40 at a
time, oldest first; a source's first poll starts from the newest page rather than the account's
whole past (use `switchboard import` for history). Replies are posted with an `Idempotency-Key` of
the reply id, so a retried activity never posts twice.
"""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from activities.connectors.base import (
    AuthorProfile,
    ConnectorError,
    ConnectorRefused,
    Discovers,
    LooksUpAuthors,
    Page,
    SendsReplies,
    Sent,
    plain_text,
)
from activities.connectors.netguard import NetGuard, redacted
from engine.messages import SendReplyInput
from store.connector_config import MastodonConfig
from store.incoming import IncomingMention
from store.mentions import Mention as MentionRow
from store.sources import Source

PAGE = 40
TIMEOUT = httpx.Timeout(30.0, connect=10.0)


def _order(ident: str) -> tuple[int, str]:
    """Mastodon ids are numeric strings (snowflakes): compare by length, then text."""
    return len(ident), ident


class MastodonConnector(Discovers[MastodonConfig], SendsReplies[MastodonConfig], LooksUpAuthors[MastodonConfig]):
    def __init__(self, http: httpx.Client | None = None, *, guard: NetGuard | None = None) -> None:
        self._http = http or (guard or NetGuard()).http_client(timeout=TIMEOUT)

    def _call(self, config: MastodonConfig, method: str, path: str, **kw: object) -> httpx.Response:
        url = str(config.base_url).rstrip("/") + path
        headers = {"Authorization": f"Bearer {config.access_token.get_secret_value()}",
                   **kw.pop("headers", {})}  # type: ignore[dict-item]
        try:
            answer = self._http.request(method, url, headers=headers, **kw)  # type: ignore[arg-type]
        except httpx.HTTPError as exc:
            raise ConnectorError(f"{redacted(url)} did not answer ({type(exc).__name__})") from exc
        if answer.status_code in (401, 403):
            raise ConnectorRefused(f"{config.base_url} refused the access token ({answer.status_code}): create one "
                                   "with read:notifications and write:statuses and save it on the source")
        if answer.status_code == 429:
            raise ConnectorError(f"{config.base_url} is rate limiting us (429); retrying with backoff")
        if answer.status_code >= 400:
            raise ConnectorError(f"{redacted(url)} answered {answer.status_code}")  # its body is not ours to echo
        return answer

    def discover(self, *, source: Source, config: MastodonConfig, cursor: str | None) -> Page:
        params: list[tuple[str, str | int]] = [("types[]", "mention"), ("limit", PAGE)]
        if cursor:
            params.append(("min_id", cursor))
        notifications = self._call(config, "GET", "/api/v1/notifications", params=params).json()
        if not isinstance(notifications, list):
            raise ConnectorError(f"{config.base_url} answered notifications with {type(notifications).__name__}")
        mentions = [m for m in map(_mention, notifications) if m is not None]
        mentions.sort(key=lambda m: m.created_at)
        ids = [str(n["id"]) for n in notifications if isinstance(n, dict) and "id" in n]
        newest = max(ids, key=_order) if ids else cursor
        return Page(mentions=mentions, cursor=newest, more=bool(cursor) and len(notifications) >= PAGE)

    def send_reply(self, *, source: Source, config: MastodonConfig, reply: SendReplyInput,
                   parent: MentionRow | None) -> Sent:
        answering = reply.in_reply_to.removeprefix(f"{reply.source}:") if reply.in_reply_to else None
        body = {"status": reply.text, **({"in_reply_to_id": answering} if answering else {})}
        status = self._call(config, "POST", "/api/v1/statuses", json=body,
                            headers={"Idempotency-Key": reply.reply_id}).json()
        return Sent(external_id=str(status["id"]), at=_when(status.get("created_at")) or datetime.now(UTC))

    def lookup_author(self, *, source: Source, config: MastodonConfig, handle: str) -> AuthorProfile | None:
        try:
            account = self._call(config, "GET", "/api/v1/accounts/lookup", params={"acct": handle.lstrip("@")}).json()
        except ConnectorError:
            return None
        return AuthorProfile(handle="@" + account["acct"], name=account.get("display_name") or None,
                             followers=account.get("followers_count"), extra={"url": account.get("url")})


def _when(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _mention(notification: object) -> IncomingMention | None:
    """A mention notification as our mention; anything malformed is skipped (and cannot stall the cursor)."""
    if not isinstance(notification, dict) or notification.get("type") != "mention":
        return None
    status = notification.get("status") or {}
    account = status.get("account") or notification.get("account") or {}
    created = _when(status.get("created_at"))
    text = plain_text(status.get("content") or "")
    if not status.get("id") or not account.get("acct") or created is None or not text:
        return None
    return IncomingMention(
        external_id=str(status["id"]), author="@" + account["acct"], text=text[:10_000], created_at=created,
        reply_to_id=str(status["in_reply_to_id"]) if status.get("in_reply_to_id") else None,
        author_followers=account.get("followers_count"))
