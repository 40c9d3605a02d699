"""RSS and Atom feeds (feedparser): each entry is a mention; replies are stored for delivery by hand.

The cursor is the feed's validators (ETag, Last-Modified), so an unchanged feed costs one 304. A feed
has no "since": every entry on it is offered each time and dedupe keeps each one once.
"""

from __future__ import annotations

import calendar
import json
from datetime import UTC, datetime

import feedparser
import httpx

from activities.connectors.base import ConnectorError, ConnectorRefused, Discovers, Page, plain_text
from activities.connectors.netguard import NetGuard, redacted
from store.connector_config import RssConfig
from store.incoming import IncomingMention
from store.sources import Source

TIMEOUT = httpx.Timeout(30.0, connect=10.0)
USER_AGENT = "Switchboard/0.1 (+https://github.com/switchboard)"


class RssConnector(Discovers[RssConfig]):
    """A feed's entries as mentions; a reply to one is kept for delivery by hand (the base's send)."""

    def __init__(self, http: httpx.Client | None = None, *, guard: NetGuard | None = None) -> None:
        self._http = http or (guard or NetGuard()).http_client(timeout=TIMEOUT, follow_redirects=True,
                                                                headers={"User-Agent": USER_AGENT})

    def discover(self, *, source: Source, config: RssConfig, cursor: str | None) -> Page:
        validators = json.loads(cursor) if cursor else {}
        headers = {}
        if validators.get("etag"):
            headers["If-None-Match"] = validators["etag"]
        if validators.get("modified"):
            headers["If-Modified-Since"] = validators["modified"]
        url, shown = str(config.url), redacted(str(config.url))
        try:
            answer = self._http.get(url, headers=headers)
        except httpx.HTTPError as exc:
            raise ConnectorError(f"feed {shown} did not answer ({type(exc).__name__})") from exc
        if answer.status_code == 304:
            return Page(mentions=[], cursor=cursor)
        if answer.status_code in (401, 403, 404, 410):
            raise ConnectorRefused(f"feed {shown} answered {answer.status_code}: check the URL and its access")
        if answer.status_code >= 400:
            raise ConnectorError(f"feed {shown} answered {answer.status_code}")
        feed = feedparser.parse(answer.content, response_headers={k.lower(): v for k, v in answer.headers.items()})
        if feed.bozo and not feed.entries:
            raise ConnectorRefused(f"{shown} is not an RSS or Atom feed (it did not parse as XML)")
        fetched = datetime.now(UTC)
        default_author = feed.feed.get("title") or source.name or source.id
        mentions = [m for m in (_mention(e, default_author, fetched) for e in feed.entries) if m is not None]
        mentions.sort(key=lambda m: m.created_at)
        new_cursor = json.dumps({"etag": answer.headers.get("etag"), "modified": answer.headers.get("last-modified")})
        return Page(mentions=mentions, cursor=new_cursor)


def _mention(entry: feedparser.FeedParserDict, default_author: str, fetched: datetime) -> IncomingMention | None:
    ident = entry.get("id") or entry.get("link")
    title = plain_text(entry.get("title", ""))
    summary = plain_text(entry.get("summary", ""))
    text = "\n".join(part for part in (title, summary if summary != title else "") if part)
    if not ident or not text:
        return None  # nothing to identify or read: not a mention
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    created = datetime.fromtimestamp(calendar.timegm(when), UTC) if when else fetched
    return IncomingMention(external_id=str(ident)[:200], author=(entry.get("author") or default_author)[:200],
                           text=text[:10_000], created_at=created)
