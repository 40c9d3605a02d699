"""Local stand-ins for remote social APIs that cannot be reached here, serving their documented HTTP shapes.

- A feed: RSS 2.0 at /feed.xml with ETag and Last-Modified, answering 304 to an If-None-Match that
  matches or (without one) an If-Modified-Since not older than the newest item, as RFC 9110 orders them.
- Mastodon: GET /api/v1/notifications (types[]=mention, limit, min_id: the page just after min_id,
  newest first within it, as Mastodon answers), POST /api/v1/statuses (a repeated Idempotency-Key gets
  the status made the first time), GET /api/v1/accounts/lookup; every call needs the Bearer token.
`fail_with` makes every request answer that status (an outage, a revoked token) until cleared;
`lose_status_answers` makes the next status POSTs take effect but answer 502 (a proxy timing out).
Every request is kept in `received` with its headers and the answer's, so tests check what was sent,
not what the stand-in made of it. The connector code under test is the real client; only the far end is ours.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

from tests.harness.postgres import free_port

TOKEN = "test-token-123"
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Received:
    """One request as it arrived (header names lower-cased) and what the stand-in answered."""

    method: str
    path: str
    headers: dict[str, str]
    status: int
    answered: dict[str, str]


@dataclass
class FakeSocial:
    feed_items: list[dict[str, Any]] = field(default_factory=list)
    notifications: list[dict[str, Any]] = field(default_factory=list)
    posted: list[dict[str, Any]] = field(default_factory=list)  # every status POST: its body and Idempotency-Key
    statuses: list[dict[str, Any]] = field(default_factory=list)  # the statuses those POSTs made
    received: list[Received] = field(default_factory=list)
    fail_with: int | None = None
    lose_status_answers: int = 0
    base_url: str = ""
    _keys: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def requests(self) -> list[str]:
        """Each request as "METHOD /path?query", in the order they came."""
        return [f"{r.method} {r.path}" for r in self.received]

    def asked_for(self, path: str) -> list[Received]:
        """The requests for `path` (without its query), in the order they came."""
        return [r for r in self.received if urlparse(r.path).path == path]

    # ---- content -------------------------------------------------------------
    def add_feed_item(self, guid: str, title: str, minutes: int) -> None:
        self.feed_items.append({"guid": guid, "title": title, "at": T0 + timedelta(minutes=minutes)})

    def add_mention(self, ident: int, text: str, acct: str = "dana@example.social", reply_to: str | None = None,
                    followers: int = 12) -> None:
        at = (T0 + timedelta(minutes=ident)).isoformat().replace("+00:00", ".000Z")
        account = {"id": str(1000 + len(acct)), "acct": acct, "display_name": acct.split("@")[0],
                   "followers_count": followers, "url": f"https://example.social/@{acct}"}
        status = {"id": str(ident), "created_at": at, "in_reply_to_id": reply_to, "visibility": "public",
                  "content": f"<p><span class=\"h-card\"><a href=\"#\">@<span>acme</span></a></span> {text}</p>",
                  "account": account, "media_attachments": []}
        self.notifications.append({"id": str(ident), "type": "mention", "created_at": at, "account": account,
                                   "status": status})

    def feed_xml(self) -> str:
        items = "".join(
            f"<item><guid>{i['guid']}</guid><title>{i['title']}</title><author>fan@example.com (Fan)</author>"
            f"<pubDate>{format_datetime(i['at'])}</pubDate><description>&lt;p&gt;{i['title']}&lt;/p&gt;</description>"
            "</item>" for i in self.feed_items)
        return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Acme reviews</title>"
                f"<link>http://example.com</link><description>reviews</description>{items}</channel></rss>")

    # ---- serving -------------------------------------------------------------
    def handle(self, method: str, raw_path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict, bytes]:
        status, answered, payload = self._answer(method, raw_path, headers, body)
        self.received.append(Received(method, raw_path, dict(headers), status, dict(answered)))
        return status, answered, payload

    def _answer(self, method: str, raw_path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict, bytes]:
        if self.fail_with:
            return self.fail_with, {}, b'{"error": "failing on purpose"}'
        url = urlparse(raw_path)
        query = parse_qs(url.query)
        if url.path == "/feed.xml":
            xml = self.feed_xml()
            modified = max((i["at"] for i in self.feed_items), default=T0)
            validators = {"ETag": f'"{abs(hash(xml))}"', "Last-Modified": format_datetime(modified, usegmt=True)}
            if "if-none-match" in headers:  # it decides alone when sent (RFC 9110, 13.2.2)
                unchanged = headers["if-none-match"] == validators["ETag"]
            else:
                since = headers.get("if-modified-since")
                unchanged = since is not None and modified <= parsedate_to_datetime(since)
            if unchanged:
                return 304, validators, b""
            return 200, {"Content-Type": "application/rss+xml", **validators}, xml.encode()
        if not url.path.startswith("/api/v1/"):
            return 404, {}, b"{}"
        if headers.get("authorization") != f"Bearer {TOKEN}":
            return 401, {}, b'{"error": "The access token is invalid"}'
        if url.path == "/api/v1/notifications" and method == "GET":
            limit = int(query.get("limit", ["20"])[0])
            ordered = sorted(self.notifications, key=lambda n: int(n["id"]))
            if "min_id" in query:
                after = [n for n in ordered if int(n["id"]) > int(query["min_id"][0])][:limit]
            else:
                after = ordered[-limit:]
            return _json(list(reversed(after)))
        if url.path == "/api/v1/statuses" and method == "POST":
            payload, key = json.loads(body), headers.get("idempotency-key")
            self.posted.append({**payload, "idempotency_key": key})
            status = self._keys.get(key) if key else None
            if status is None:  # a new key, or none: a new status
                status = {"id": str(900_000 + len(self.statuses)), "created_at": datetime.now(UTC).isoformat(),
                          "content": payload["status"], "in_reply_to_id": payload.get("in_reply_to_id")}
                self.statuses.append(status)
                if key:
                    self._keys[key] = status
            if self.lose_status_answers:
                self.lose_status_answers -= 1
                return 502, {}, b"<html>502 Bad Gateway</html>"
            return _json(status)
        if url.path == "/api/v1/accounts/lookup":
            acct = query.get("acct", [""])[0]
            return _json({"id": "1", "acct": acct, "display_name": acct, "followers_count": 4200, "url": ""})
        return 404, {}, b"{}"


def _json(value: Any) -> tuple[int, dict, bytes]:
    return 200, {"Content-Type": "application/json"}, json.dumps(value).encode()


class _Handler(BaseHTTPRequestHandler):
    fake: FakeSocial

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        status, headers, payload = self.fake.handle(self.command, self.path,
                                                    {k.lower(): v for k, v in self.headers.items()}, body)
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = _serve

    def log_message(self, *_: object) -> None:
        pass


class FakeServer:
    """A FakeSocial on 127.0.0.1, in a thread; `with FakeServer() as fake:`."""

    def __enter__(self) -> FakeSocial:
        self.fake = FakeSocial()
        handler = type("Handler", (_Handler,), {"fake": self.fake})
        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
        self.fake.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self.fake

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()
